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
	reads      []string   // the bindings of the extra sets read, in order
	timeout    time.Duration
	hasWaivers bool
	// whole holds, by binding name, the rule sets a custom policy defines
	// with a complete rule (deny := ...), which may give anything: they are
	// bound whole and checked to be collections for each document, so that
	// `deny := true` fails at its own line instead of reading as no findings.
	whole map[string]wholeSet
}

// wholeSet is a rule set bound whole: which set it is, and where the rule
// that defines it is (file:line:column).
type wholeSet struct{ set, at string }

// Read is one more set the per-document query reads besides the rules'
// decisions: Ref (data.x.y.name) is bound to Name, and each Result holds its
// members under Name. The registry rules read their facts this way.
type Read struct {
	Name string
	Ref  string
}

// Prepare builds the single query that reads every enabled document rule's
// deny, warn and skip sets, the effective waivers and the extra reads, and
// prepares it once. Registry rules (theme registry) are not evaluated per
// document: package registry runs them.
func (p *Policies) Prepare(ctx context.Context, s Settings, reads ...Read) (*Evaluator, error) {
	e := &Evaluator{timeout: s.Timeout, hasWaivers: p.hasWaivers}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	for _, r := range p.catalogue.Rules() {
		if !s.Disabled[r.ID] && !r.IsRegistry() {
			e.rules = append(e.rules, r)
		}
	}
	var q strings.Builder
	rq, whole := p.ruleQuery(e.rules)
	q.WriteString(rq)
	e.whole = whole
	if p.hasWaivers {
		q.WriteString(p.read("waivers", "data.cgcheck.waivers.effective"))
	}
	for _, r := range reads {
		q.WriteString(p.ReadSet(r.Name, r.Ref))
		e.reads = append(e.reads, r.Name)
	}
	for i := range e.rules {
		e.sets = append(e.sets, namesOf(i))
	}
	store := p.store(s)
	var err error
	if e.query, err = p.prepare(ctx, store, q.String()); err != nil {
		return nil, err
	}
	e.constants = p.constantCache(ctx, store, e.timeout)
	return e, nil
}

// DefaultTimeout bounds one evaluation when Settings.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// store holds the run's data document as OPA values.
func (p *Policies) store(s Settings) storage.Store {
	return inmem.NewFromObjectWithOpts(p.Data(s), inmem.OptReturnASTValuesOnRead(true))
}

// Query is one query prepared over the policies with a run's data, for
// callers that evaluate something other than the rules' decisions on one
// descriptor: the registry rules, once per run, and their settings.
type Query struct {
	pq rego.PreparedEvalQuery
}

// PrepareQuery prepares query (Rego query text, one binding per line) over
// the policies with the data of s.
func (p *Policies) PrepareQuery(ctx context.Context, s Settings, query string) (*Query, error) {
	pq, err := p.prepare(ctx, p.store(s), query)
	if err != nil {
		return nil, err
	}
	return &Query{pq: pq}, nil
}

// Eval runs the query on input within timeout (zero: DefaultTimeout) and
// returns its bindings. Running past the timeout gives an error wrapping
// ErrTimeout.
func (q *Query) Eval(ctx context.Context, input ast.Value, timeout time.Duration) (Bindings, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	b, err := evalOnce(ctx, q.pq, input, timeout, nil)
	return Bindings{b}, err
}

// Bindings are the values a query bound, as OPA terms.
type Bindings struct{ vars rego.Vars }

// Term returns the value bound to name, or nil when it is unbound.
func (b Bindings) Term(name string) *ast.Term {
	t, _ := b.vars[name].(*ast.Term)
	return t
}

// Members returns the members of the set or array bound to name (nil when
// it is unbound, as a set read with ReadSet is when nothing defines it).
func (b Bindings) Members(name string) []*ast.Term { return Elements(b.Term(name)) }

// ReadSet returns the line of a query that binds name to the members of the
// set at ref, or "" when the policies define nothing there (the binding is
// then missing, which reads as an empty set). A set built only by partial
// set rules is read directly; anything else, which may be undefined, through
// a comprehension that makes "undefined" an empty array.
func (p *Policies) ReadSet(name, ref string) string { return p.read(name, ref) }

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
//
// A set defined otherwise is bound whole, as an array of its one value (or
// none when undefined), and returned in whole: reading its members in the
// query would make a value that is no collection (deny := true) read as
// "no findings", or fail to prepare with the query's position rather than
// the policy's.
func (p *Policies) ruleQuery(rules []*catalogue.Rule) (string, map[string]wholeSet) {
	var q strings.Builder
	whole := map[string]wholeSet{}
	for i, r := range rules {
		for _, set := range []string{"deny", "warn", "skip"} {
			name, ref := namesOf(i).of(set), r.Package+"."+set
			if p.kindOf(ref) == otherRules {
				q.WriteString(name + " := [x | x := " + ref + "]\n")
				whole[name] = wholeSet{set: set, at: p.definedAt(ref)}
				continue
			}
			q.WriteString(p.read(name, ref))
		}
	}
	if q.Len() == 0 {
		return "true\n", whole
	}
	return q.String(), whole
}

// definedAt is where the first rule at ref is defined, as file:line:column.
func (p *Policies) definedAt(ref string) string {
	parsed, err := ast.ParseRef(ref)
	if err != nil {
		return ref
	}
	rules := p.compiler.GetRulesExact(parsed)
	if len(rules) == 0 || rules[0].Location == nil {
		return ref
	}
	loc := rules[0].Location
	return fmt.Sprintf("%s:%d:%d", loc.File, loc.Row, loc.Col)
}

// members returns the members of the rule set bound to name. A set bound
// whole must be a set or array (an object's values are its members, as
// `some x in` reads them); anything else is an error naming the policy.
func (e *Evaluator) members(b rego.Vars, name string) ([]*ast.Term, error) {
	w, ok := e.whole[name]
	if !ok {
		return terms(b[name]), nil
	}
	wrapped := terms(b[name])
	if len(wrapped) == 0 {
		return nil, nil // undefined: no findings
	}
	v := wrapped[0]
	switch c := v.Value.(type) {
	case ast.Set, *ast.Array:
		return Elements(v), nil
	case ast.Object:
		var out []*ast.Term
		c.Foreach(func(_, value *ast.Term) { out = append(out, value) })
		return out, nil
	}
	return nil, fmt.Errorf("%s: %s is %s, but it must be a set of messages, as in `%s contains msg if { ... }`", w.at, w.set, ValueKind(v), w.set)
}

// ValueKind describes an OPA value that is not a collection the way a
// policy author reads it: "true (a boolean)", "a number (3)".
func ValueKind(v *ast.Term) string {
	text := v.String()
	if len(text) > 40 {
		text = text[:37] + "..."
	}
	switch v.Value.(type) {
	case ast.Boolean:
		return text + " (a boolean)"
	case ast.Number:
		return "a number (" + text + ")"
	case ast.String:
		return "a string (" + text + ")"
	case ast.Null:
		return "null"
	}
	return text
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

// Result is every rule's outcome for one document, plus its waivers and
// the members of each extra set read (by Read.Name).
type Result struct {
	Outcomes []Outcome
	Waivers  []Waiver
	Reads    map[string][]*ast.Term
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
		if res.Outcomes[i], err = e.outcome(r, b, e.sets[i]); err != nil {
			return nil, err
		}
	}
	if e.hasWaivers {
		for _, w := range terms(b["waivers"]) {
			res.Waivers = append(res.Waivers, Waiver{
				Index:         Int(Field(w, "index")),
				Rule:          Text(Field(w, "rule")),
				Justification: Text(Field(w, "justification")),
				ApprovedBy:    Text(Field(w, "approved_by")),
				ApprovedOn:    Text(Field(w, "approved_on")),
				Expires:       Text(Field(w, "expires")),
			})
		}
		sort.Slice(res.Waivers, func(i, j int) bool { return res.Waivers[i].Index < res.Waivers[j].Index })
	}
	if len(e.reads) > 0 {
		res.Reads = make(map[string][]*ast.Term, len(e.reads))
		for _, name := range e.reads {
			res.Reads[name] = terms(b[name])
		}
	}
	return res, nil
}

func (e *Evaluator) outcome(r *catalogue.Rule, b rego.Vars, names setNames) (Outcome, error) {
	deny, err := e.members(b, names.deny)
	if err != nil {
		return Outcome{}, err
	}
	warn, err := e.members(b, names.warn)
	if err != nil {
		return Outcome{}, err
	}
	skip, err := e.members(b, names.skip)
	if err != nil {
		return Outcome{}, err
	}
	return Outcome{Rule: r, Deny: messages(deny), Warn: messages(warn), Skip: skips(skip)}, nil
}

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
				// The caller knows what the limit was for: one document, or
				// the registry rules over many.
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

// messages reads deny/warn entries: an object with msg and pointer, as the
// built-in rules give, or a bare string, as many conftest policies do.
func messages(items []*ast.Term) []Message {
	var out []Message
	for _, item := range items {
		if _, ok := item.Value.(ast.Object); ok {
			out = append(out, Message{Msg: Text(Field(item, "msg")), Pointer: Pointer(Field(item, "pointer"))})
		} else {
			out = append(out, Message{Msg: Text(item)})
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

func skips(items []*ast.Term) []string { return Texts(items) }

// terms reads a binding of a comprehension: an array of terms.
func terms(v any) []*ast.Term {
	t, _ := v.(*ast.Term)
	return Elements(t)
}
