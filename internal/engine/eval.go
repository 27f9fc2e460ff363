package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"

	"example.org/cgcheck/internal/catalogue"
)

// Settings are what one run passes to the policies.
type Settings struct {
	// Today is the as-of date, YYYY-MM-DD (data.cgcheck.today).
	Today string
	// Params are the values of every rule parameter, by rule id and then
	// name, already converted to their declared types
	// (data.cgcheck.params[rule][name]).
	Params map[string]map[string]any
	// Frameworks are the outcome frameworks in force, in the form
	// frameworks.Data gives (data.cgcheck.frameworks); nil leaves the
	// policies to use their built-in ones.
	Frameworks map[string]any
	// Disabled rules are not evaluated at all.
	Disabled map[string]bool
	// Timeout bounds one document's evaluation; zero means 10 seconds.
	Timeout time.Duration
}

// Data returns the data document the policies read, in the form stock OPA
// tools take as a data file: {"cgcheck": {"today", "params", "frameworks",
// "catalogue"}}.
func (p *Policies) Data(s Settings) map[string]any {
	ids := make([]any, 0, len(p.catalogue.Rules()))
	for _, id := range p.catalogue.IDs() {
		ids = append(ids, id)
	}
	params := map[string]any{}
	for rule, values := range s.Params {
		m := make(map[string]any, len(values))
		for k, v := range values {
			m[k] = v
		}
		params[rule] = m
	}
	doc := map[string]any{
		"today":     s.Today,
		"params":    params,
		"catalogue": ids,
	}
	if s.Frameworks != nil {
		doc["frameworks"] = s.Frameworks
	}
	return map[string]any{"cgcheck": doc}
}

// Evaluator evaluates descriptors with one prepared query. It is safe for
// concurrent use: OPA documents prepared queries as shareable.
type Evaluator struct {
	query      rego.PreparedEvalQuery
	constants  *runConstants // the run's constant rules, worked out once (constants.go)
	rules      []*catalogue.Rule
	sets       []setNames // the bindings of each rule's sets, by rule
	facts      []string   // the binding of each registry rule's facts
	timeout    time.Duration
	hasWaivers bool

	// Registry rules give facts in the per-document query and run once per
	// run, each with its own query, over the facts grouped by key.
	registry []registryRule
}

type registryRule struct {
	rule     *catalogue.Rule
	query    rego.PreparedEvalQuery
	grouping Grouping
}

// Grouping says which of a registry rule's facts reach the rule: those under
// a key at least MinGroup facts share, including a fact of every kind in
// RequireKinds. A rule sets them with min_group and require_kinds in its
// package; by default a key needs two facts and no particular kinds.
type Grouping struct {
	MinGroup     int
	RequireKinds []string
}

// Prepare builds the single query that reads every enabled rule's deny, warn
// and skip sets, the effective waivers and every registry rule's facts, and
// prepares it once; and one query per registry rule for the end of the run.
func (p *Policies) Prepare(ctx context.Context, s Settings) (*Evaluator, error) {
	e := &Evaluator{timeout: s.Timeout, hasWaivers: p.hasWaivers}
	if e.timeout <= 0 {
		e.timeout = 10 * time.Second
	}
	var registryRules []*catalogue.Rule
	for _, r := range p.catalogue.Rules() {
		switch {
		case s.Disabled[r.ID]:
		case r.IsRegistry():
			registryRules = append(registryRules, r)
		default:
			e.rules = append(e.rules, r)
		}
	}
	var q strings.Builder
	q.WriteString(p.ruleQuery(e.rules))
	if p.hasWaivers {
		q.WriteString(p.read("waivers", "data.cgcheck.waivers.effective"))
	}
	for i, r := range registryRules {
		e.facts = append(e.facts, "f"+strconv.Itoa(i))
		q.WriteString(p.read(e.facts[i], r.Package+".facts"))
	}
	for i := range e.rules {
		e.sets = append(e.sets, namesOf(i))
	}
	store := inmem.NewFromObjectWithOpts(p.Data(s), inmem.OptReturnASTValuesOnRead(true))
	var err error
	if e.query, err = p.prepare(ctx, store, q.String()); err != nil {
		return nil, err
	}
	e.constants = p.constantCache(ctx, store, e.timeout)
	for _, r := range registryRules {
		rr := registryRule{rule: r}
		if rr.query, err = p.prepare(ctx, store, p.ruleQuery([]*catalogue.Rule{r})); err != nil {
			return nil, err
		}
		if rr.grouping, err = p.grouping(ctx, store, r, e.timeout); err != nil {
			return nil, err
		}
		e.registry = append(e.registry, rr)
	}
	return e, nil
}

// grouping reads a registry rule's min_group and require_kinds, which may
// depend on its params but not on any input.
func (p *Policies) grouping(ctx context.Context, store storage.Store, r *catalogue.Rule, timeout time.Duration) (Grouping, error) {
	g := Grouping{MinGroup: 2}
	pq, err := p.prepare(ctx, store, fmt.Sprintf("min := [x | x := %[1]s.min_group]\nkinds := [x | x := %[1]s.require_kinds]\n", r.Package))
	if err != nil {
		return g, err
	}
	b, err := evalOnce(ctx, pq, ast.NewObject(), timeout, nil)
	if err != nil {
		return g, fmt.Errorf("rule %s: %w", r.ID, err)
	}
	if given := terms(b["min"]); len(given) == 1 {
		n, ok := given[0].Value.(ast.Number)
		v, exact := n.Int()
		if !ok || !exact || v < 1 {
			return g, fmt.Errorf("rule %s: min_group is %v; it must be a whole number of at least 1", r.ID, given[0])
		}
		g.MinGroup = v
	}
	if kinds := terms(b["kinds"]); len(kinds) == 1 {
		var bad bool
		for _, k := range elements(kinds[0]) {
			s, ok := k.Value.(ast.String)
			bad = bad || !ok
			g.RequireKinds = append(g.RequireKinds, string(s))
		}
		if bad || !isCollection(kinds[0]) {
			return g, fmt.Errorf("rule %s: require_kinds is %v; it must be a set of strings", r.ID, kinds[0])
		}
		sort.Strings(g.RequireKinds)
	}
	return g, nil
}

// ruleQuery reads the deny, warn and skip sets of each rule as r<i>_deny,
// r<i>_warn and r<i>_skip. Only the sets a package defines are read: most
// packages define two of the three, and reading an undefined one still costs
// a few microseconds per document, which over 31 rules is a tenth of the
// evaluation. A missing binding reads as an empty set.
//
// A set built only by partial set rules (deny contains msg if ...) is always
// defined, so it is bound directly; anything else (a custom policy's deny :=
// ..., which may be undefined) goes through a comprehension, which turns
// "undefined" into an empty array instead of failing the whole query. The
// direct read saves OPA a comprehension per set: about 270 allocations per
// descriptor over the built-in rules.
func (p *Policies) ruleQuery(rules []*catalogue.Rule) string {
	var q strings.Builder
	for i, r := range rules {
		for _, set := range []string{"deny", "warn", "skip"} {
			q.WriteString(p.read(namesOf(i).of(set), r.Package+"."+set))
		}
	}
	if q.Len() == 0 {
		return "true\n"
	}
	return q.String()
}

// read binds name to the members of the set at ref, as one line of a query
// ("" when nothing defines ref: the binding is then missing, which reads as
// an empty set).
func (p *Policies) read(name, ref string) string {
	switch p.kindOf(ref) {
	case partialSet:
		return name + " := " + ref + "\n"
	case otherRules:
		return name + " := [x | some x in " + ref + "]\n"
	}
	return ""
}

// ruleKinds says what defines a name in a package.
type ruleKinds int

const (
	noRules    ruleKinds = iota // nothing: the name is not read at all
	partialSet                  // only partial set rules (name contains x if ...)
	otherRules                  // anything else, e.g. a complete rule name := ...
)

// kindOf reports what rules the compiled policies have at ref (data.x.y.name).
func (p *Policies) kindOf(ref string) ruleKinds {
	parsed, err := ast.ParseRef(ref)
	if err != nil {
		return noRules
	}
	rules := p.compiler.GetRulesExact(parsed)
	if len(rules) == 0 {
		return noRules
	}
	for _, r := range rules {
		if r.Head.RuleKind() != ast.MultiValue {
			return otherRules
		}
	}
	return partialSet
}

// setNames are the bindings of one rule's deny, warn and skip sets in a
// query: r<i>_deny and so on. They are spelled once, when the query is
// prepared, rather than for every document whose results are read.
type setNames struct{ deny, warn, skip string }

func namesOf(i int) setNames {
	r := "r" + strconv.Itoa(i) + "_"
	return setNames{deny: r + "deny", warn: r + "warn", skip: r + "skip"}
}

func (n setNames) of(set string) string {
	switch set {
	case "deny":
		return n.deny
	case "warn":
		return n.warn
	}
	return n.skip
}

func (p *Policies) prepare(ctx context.Context, store storage.Store, query string) (rego.PreparedEvalQuery, error) {
	pq, err := rego.New(
		rego.Compiler(p.compiler),
		rego.Store(store),
		rego.Query(query),
		rego.Capabilities(Capabilities()),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return pq, fmt.Errorf("prepare policies: %w", err)
	}
	return pq, nil
}

// Rules returns the rules the evaluator runs, in catalogue order.
func (e *Evaluator) Rules() []*catalogue.Rule { return e.rules }

// Message is one deny or warn entry of a rule.
type Message struct {
	Msg     string
	Pointer string
}

// Outcome is what one rule said about one document.
type Outcome struct {
	Rule *catalogue.Rule
	Deny []Message
	Warn []Message
	Skip []string
}

// Waiver is a waiver the policies found valid and in force.
type Waiver struct {
	Index         int
	Rule          string
	Justification string
	ApprovedBy    string
	ApprovedOn    string
	Expires       string
}

// Fact is one entry of a registry rule's facts for one document: the key
// that relates it to other documents' facts, its kind (empty when it has
// none), the pointer to the field it comes from, and the rule's other fields
// as Rego text, kept as text because a registry holds about ten facts per
// document and only the few under shared keys are ever read back.
type Fact struct {
	Key     string
	Kind    string
	Pointer string
	Fields  string // an object in Rego (JSON-like) syntax; "" when there are none
}

// Result is every rule's outcome for one document, plus its waivers and, when
// registry rules are enabled, each registry rule's facts of it (in the order
// of RegistryRules).
type Result struct {
	Outcomes []Outcome
	Waivers  []Waiver
	Facts    [][]Fact
}

// ErrTimeout is returned when a document's evaluation runs past the timeout.
var ErrTimeout = errors.New("evaluation timed out")

// Evaluate runs every enabled rule on one descriptor value.
func (e *Evaluator) Evaluate(ctx context.Context, value any) (*Result, error) {
	input, err := ast.InterfaceToValue(value)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	b, err := evalOnce(ctx, e.query, input, e.timeout, e.constants)
	if err != nil {
		return nil, err
	}
	res := &Result{Outcomes: make([]Outcome, len(e.rules))}
	for i, r := range e.rules {
		res.Outcomes[i] = outcome(r, b, e.sets[i])
	}
	if e.hasWaivers {
		for _, w := range terms(b["waivers"]) {
			res.Waivers = append(res.Waivers, Waiver{
				Index:         toInt(field(w, "index")),
				Rule:          text(field(w, "rule")),
				Justification: text(field(w, "justification")),
				ApprovedBy:    text(field(w, "approved_by")),
				ApprovedOn:    text(field(w, "approved_on")),
				Expires:       text(field(w, "expires")),
			})
		}
		sort.Slice(res.Waivers, func(i, j int) bool { return res.Waivers[i].Index < res.Waivers[j].Index })
	}
	if len(e.registry) > 0 {
		res.Facts = make([][]Fact, len(e.registry))
		for i, rr := range e.registry {
			if res.Facts[i], err = facts(terms(b[e.facts[i]])); err != nil {
				return nil, fmt.Errorf("registry rule %s: %w", rr.rule.ID, err)
			}
		}
	}
	return res, nil
}

func outcome(r *catalogue.Rule, b rego.Vars, names setNames) Outcome {
	return Outcome{
		Rule: r,
		Deny: messages(terms(b[names.deny])),
		Warn: messages(terms(b[names.warn])),
		Skip: skips(terms(b[names.skip])),
	}
}

// facts reads a registry rule's facts: objects with a string key, and
// optionally a string kind and pointer.
func facts(items []*ast.Term) ([]Fact, error) {
	out := make([]Fact, 0, len(items))
	for _, item := range items {
		obj, ok := item.Value.(ast.Object)
		if !ok {
			return nil, fmt.Errorf("a fact must be an object with a string key, not %v", item)
		}
		k := obj.Get(keyTerm)
		if k == nil {
			return nil, fmt.Errorf("a fact must have a string key: %v", item)
		}
		key, ok := k.Value.(ast.String)
		if !ok {
			return nil, fmt.Errorf("a fact must have a string key: %v", item)
		}
		f := Fact{Key: string(key)}
		rest := ast.NewObject()
		var bad error
		obj.Foreach(func(k, v *ast.Term) {
			switch {
			case k.Equal(keyTerm):
			case k.Equal(kindTerm) || k.Equal(pointerTerm):
				s, ok := v.Value.(ast.String)
				if !ok {
					bad = fmt.Errorf("a fact's %v must be a string: %v", k, item)
				}
				if k.Equal(kindTerm) {
					f.Kind = string(s)
				} else {
					f.Pointer = pointer(string(s))
				}
			default:
				rest.Insert(k, v)
			}
		})
		if bad != nil {
			return nil, bad
		}
		if rest.Len() > 0 {
			f.Fields = rest.String()
		}
		out = append(out, f)
	}
	return out, nil
}

var (
	keyTerm     = ast.StringTerm("key")
	kindTerm    = ast.StringTerm("kind")
	pointerTerm = ast.StringTerm("pointer")
)

// evalOnce runs a prepared query on one input within the timeout and
// returns its bindings as OPA terms: converting them to Go values would
// only be undone again. constants, when not nil, are the run's constant
// rules' values.
func evalOnce(ctx context.Context, q rego.PreparedEvalQuery, input ast.Value, timeout time.Duration, constants *runConstants) (rego.Vars, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(keepTerm), cacheOption(constants))
	if err != nil {
		if ctx.Err() != nil || topdown.IsCancel(err) {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w after %s", ErrTimeout, timeout)
			}
			return nil, ctx.Err()
		}
		return nil, err
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policies gave %d result sets, want 1", len(rs))
	}
	return rs[0].Bindings, nil
}

func keepTerm(t *ast.Term, _ *rego.EvalContext) (any, error) { return t, nil }

// RegistryRules returns the registry rules the evaluator runs.
func (e *Evaluator) RegistryRules() []*catalogue.Rule {
	out := make([]*catalogue.Rule, len(e.registry))
	for i, rr := range e.registry {
		out[i] = rr.rule
	}
	return out
}

// Grouping returns how the facts of the i-th registry rule are grouped.
func (e *Evaluator) Grouping(i int) Grouping { return e.registry[i].grouping }

// Location is one place a registry finding names: a document of the run (by
// its number) and a pointer into it.
type Location struct {
	Index   int
	Pointer string
}

// RegistryMessage is one deny or warn entry of a registry rule.
type RegistryMessage struct {
	Msg       string
	Locations []Location
}

// RegistryOutcome is what one registry rule said about the run.
type RegistryOutcome struct {
	Rule *catalogue.Rule
	Deny []RegistryMessage
	Warn []RegistryMessage
	Skip []string
}

// EvaluateRegistry runs the i-th registry rule once over its input:
// {"groups": {key: [fact...]}, "documents": {number: {"file", "id"}}}. The
// timeout grows with the size of the input, since the whole registry is
// judged at once.
func (e *Evaluator) EvaluateRegistry(ctx context.Context, i int, input ast.Value, facts int) (RegistryOutcome, error) {
	rr := e.registry[i]
	timeout := e.timeout * time.Duration(1+facts/100)
	b, err := evalOnce(ctx, rr.query, input, timeout, e.constants)
	if err != nil {
		return RegistryOutcome{Rule: rr.rule}, err
	}
	names := namesOf(0) // the rule's own query holds it alone
	return RegistryOutcome{
		Rule: rr.rule,
		Deny: registryMessages(terms(b[names.deny])),
		Warn: registryMessages(terms(b[names.warn])),
		Skip: skips(terms(b[names.skip])),
	}, nil
}

func registryMessages(items []*ast.Term) []RegistryMessage {
	var out []RegistryMessage
	for _, item := range items {
		if _, ok := item.Value.(ast.Object); !ok {
			out = append(out, RegistryMessage{Msg: text(item)})
			continue
		}
		rm := RegistryMessage{Msg: text(field(item, "msg"))}
		for _, l := range elements(field(item, "locations")) {
			rm.Locations = append(rm.Locations, Location{Index: toInt(field(l, "index")), Pointer: pointerOf(field(l, "pointer"))})
		}
		sort.Slice(rm.Locations, func(i, j int) bool {
			if rm.Locations[i].Index != rm.Locations[j].Index {
				return rm.Locations[i].Index < rm.Locations[j].Index
			}
			return rm.Locations[i].Pointer < rm.Locations[j].Pointer
		})
		out = append(out, rm)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Msg < out[j].Msg })
	return out
}

// messages reads deny/warn entries: an object with msg and pointer, as the
// built-in rules give, or a bare string, as many conftest policies do.
func messages(items []*ast.Term) []Message {
	var out []Message
	for _, item := range items {
		if _, ok := item.Value.(ast.Object); ok {
			out = append(out, Message{Msg: text(field(item, "msg")), Pointer: pointerOf(field(item, "pointer"))})
		} else {
			out = append(out, Message{Msg: text(item)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pointer != out[j].Pointer {
			return out[i].Pointer < out[j].Pointer
		}
		return out[i].Msg < out[j].Msg
	})
	return out
}

func skips(items []*ast.Term) []string {
	var out []string
	for _, s := range items {
		out = append(out, text(s))
	}
	sort.Strings(out)
	return out
}

// terms reads a binding of a comprehension: an array of terms.
func terms(v any) []*ast.Term {
	t, _ := v.(*ast.Term)
	return elements(t)
}

// elements returns the members of an array or set (nil for anything else).
func elements(t *ast.Term) []*ast.Term {
	if t == nil {
		return nil
	}
	switch c := t.Value.(type) {
	case *ast.Array:
		out := make([]*ast.Term, c.Len())
		for i := range out {
			out[i] = c.Elem(i)
		}
		return out
	case ast.Set:
		return c.Slice()
	}
	return nil
}

func isCollection(t *ast.Term) bool {
	switch t.Value.(type) {
	case *ast.Array, ast.Set:
		return true
	}
	return false
}

// field returns an object's value for a string key, or nil.
func field(t *ast.Term, name string) *ast.Term {
	if t == nil {
		return nil
	}
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return nil
	}
	return obj.Get(ast.StringTerm(name))
}

func pointerOf(t *ast.Term) string {
	if t == nil {
		return ""
	}
	s, _ := t.Value.(ast.String)
	return pointer(string(s))
}

// pointer keeps a well-formed JSON pointer and turns anything else into the
// root, so a finding still names its document.
func pointer(s string) string {
	if s != "" && !strings.HasPrefix(s, "/") {
		return ""
	}
	return s
}

// text reads a string term as itself and any other term in Rego syntax.
func text(t *ast.Term) string {
	if t == nil {
		return ""
	}
	if s, ok := t.Value.(ast.String); ok {
		return string(s)
	}
	return t.Value.String()
}

func toInt(t *ast.Term) int {
	if t == nil {
		return 0
	}
	n, ok := t.Value.(ast.Number)
	if !ok {
		return 0
	}
	v, _ := n.Int()
	return v
}
