package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
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
	// Params are the values of every rule parameter, already converted to
	// their declared types (data.cgcheck.params).
	Params map[string]any
	// Disabled rules are not evaluated at all.
	Disabled map[string]bool
	// Timeout bounds one document's evaluation; zero means 10 seconds.
	Timeout time.Duration
}

// Data returns the data document the policies read, in the form stock OPA
// tools take as a data file: {"cgcheck": {"today", "params", "catalogue"}}.
func (p *Policies) Data(s Settings) map[string]any {
	ids := make([]any, 0, len(p.catalogue.Rules()))
	for _, id := range p.catalogue.IDs() {
		ids = append(ids, id)
	}
	params := map[string]any{}
	for k, v := range s.Params {
		params[k] = v
	}
	return map[string]any{"cgcheck": map[string]any{
		"today":     s.Today,
		"params":    params,
		"catalogue": ids,
	}}
}

// Evaluator evaluates descriptors with one prepared query. It is safe for
// concurrent use: OPA documents prepared queries as shareable.
type Evaluator struct {
	query      rego.PreparedEvalQuery
	rules      []*catalogue.Rule
	timeout    time.Duration
	hasWaivers bool

	// Registry rules run once per run, over the documents' summaries.
	registryQuery rego.PreparedEvalQuery
	registryRules []*catalogue.Rule
}

// Prepare builds the single query that reads every enabled rule's deny, warn
// and skip sets (and the effective waivers) and prepares it once.
func (p *Policies) Prepare(ctx context.Context, s Settings) (*Evaluator, error) {
	e := &Evaluator{timeout: s.Timeout, hasWaivers: p.hasWaivers}
	if e.timeout <= 0 {
		e.timeout = 10 * time.Second
	}
	for _, r := range p.catalogue.Rules() {
		switch {
		case s.Disabled[r.ID]:
		case r.IsRegistry():
			e.registryRules = append(e.registryRules, r)
		default:
			e.rules = append(e.rules, r)
		}
	}
	q := ruleQuery(e.rules)
	if p.hasWaivers {
		q += "waivers := [x | some x in data.cgcheck.waivers.effective]\n"
	}
	if len(e.registryRules) > 0 && p.hasSummary {
		q += "summary := data.cgcheck.registry.summary.document\n"
	}
	store := inmem.NewFromObject(p.Data(s))
	var err error
	if e.query, err = p.prepare(ctx, store, q); err != nil {
		return nil, err
	}
	if len(e.registryRules) > 0 {
		if e.registryQuery, err = p.prepare(ctx, store, ruleQuery(e.registryRules)); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// ruleQuery reads the deny, warn and skip sets of each rule as r<i>_deny,
// r<i>_warn and r<i>_skip. A comprehension over an undefined set is empty, so
// a package that defines only warn (or only deny) needs no special case.
func ruleQuery(rules []*catalogue.Rule) string {
	var q strings.Builder
	for i, r := range rules {
		fmt.Fprintf(&q, "r%d_deny := [x | some x in %s.deny]\n", i, r.Package)
		fmt.Fprintf(&q, "r%d_warn := [x | some x in %s.warn]\n", i, r.Package)
		fmt.Fprintf(&q, "r%d_skip := [x | some x in %s.skip]\n", i, r.Package)
	}
	if q.Len() == 0 {
		return "true\n"
	}
	return q.String()
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

// Result is every rule's outcome for one document, plus its waivers and, when
// registry rules are enabled, the document's registry summary.
type Result struct {
	Outcomes []Outcome
	Waivers  []Waiver
	Summary  map[string]any
}

// ErrTimeout is returned when a document's evaluation runs past the timeout.
var ErrTimeout = errors.New("evaluation timed out")

// Evaluate runs every enabled rule on one descriptor value.
func (e *Evaluator) Evaluate(ctx context.Context, value any) (*Result, error) {
	b, err := e.eval(ctx, e.query, value, e.timeout)
	if err != nil {
		return nil, err
	}
	res := &Result{Outcomes: make([]Outcome, len(e.rules))}
	for i, r := range e.rules {
		o := Outcome{Rule: r}
		o.Deny = messages(b[fmt.Sprintf("r%d_deny", i)])
		o.Warn = messages(b[fmt.Sprintf("r%d_warn", i)])
		o.Skip = skips(b[fmt.Sprintf("r%d_skip", i)])
		res.Outcomes[i] = o
	}
	res.Summary, _ = b["summary"].(map[string]any)
	if e.hasWaivers {
		for _, w := range asList(b["waivers"]) {
			m, _ := w.(map[string]any)
			res.Waivers = append(res.Waivers, Waiver{
				Index:         toInt(m["index"]),
				Rule:          text(m["rule"]),
				Justification: text(m["justification"]),
				ApprovedBy:    text(m["approved_by"]),
				ApprovedOn:    text(m["approved_on"]),
				Expires:       text(m["expires"]),
			})
		}
		sort.Slice(res.Waivers, func(i, j int) bool { return res.Waivers[i].Index < res.Waivers[j].Index })
	}
	return res, nil
}

// eval runs a prepared query on one input within the timeout.
func (e *Evaluator) eval(ctx context.Context, q rego.PreparedEvalQuery, value any, timeout time.Duration) (rego.Vars, error) {
	input, err := ast.InterfaceToValue(value)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
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

func skips(v any) []string {
	var out []string
	for _, s := range asList(v) {
		out = append(out, text(s))
	}
	sort.Strings(out)
	return out
}

// RegistryRules returns the registry rules the evaluator runs.
func (e *Evaluator) RegistryRules() []*catalogue.Rule { return e.registryRules }

// Location is one place a registry finding names: a document of the run (by
// its index) and a pointer into it.
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

// EvaluateRegistry runs the registry rules once over the summaries of every
// document checked (input.documents). The timeout grows with the number of
// documents, since the whole registry is judged at once.
func (e *Evaluator) EvaluateRegistry(ctx context.Context, summaries []any) ([]RegistryOutcome, error) {
	if len(e.registryRules) == 0 {
		return nil, nil
	}
	timeout := e.timeout * time.Duration(1+len(summaries)/100)
	b, err := e.eval(ctx, e.registryQuery, map[string]any{"documents": summaries}, timeout)
	if err != nil {
		return nil, err
	}
	out := make([]RegistryOutcome, len(e.registryRules))
	for i, r := range e.registryRules {
		out[i] = RegistryOutcome{
			Rule: r,
			Deny: registryMessages(b[fmt.Sprintf("r%d_deny", i)]),
			Warn: registryMessages(b[fmt.Sprintf("r%d_warn", i)]),
			Skip: skips(b[fmt.Sprintf("r%d_skip", i)]),
		}
	}
	return out, nil
}

func registryMessages(v any) []RegistryMessage {
	var out []RegistryMessage
	for _, item := range asList(v) {
		m, ok := item.(map[string]any)
		if !ok {
			out = append(out, RegistryMessage{Msg: text(item)})
			continue
		}
		rm := RegistryMessage{Msg: text(m["msg"])}
		for _, l := range asList(m["locations"]) {
			lm, _ := l.(map[string]any)
			rm.Locations = append(rm.Locations, Location{Index: toInt(lm["index"]), Pointer: pointer(lm["pointer"])})
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
func messages(v any) []Message {
	var out []Message
	for _, item := range asList(v) {
		switch m := item.(type) {
		case map[string]any:
			out = append(out, Message{Msg: text(m["msg"]), Pointer: pointer(m["pointer"])})
		default:
			out = append(out, Message{Msg: text(m)})
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

func pointer(v any) string {
	s, ok := v.(string)
	if !ok || (s != "" && !strings.HasPrefix(s, "/")) {
		return ""
	}
	return s
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func text(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func toInt(v any) int {
	var n int
	fmt.Sscan(text(v), &n)
	return n
}
