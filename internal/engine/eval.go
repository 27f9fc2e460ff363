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
}

// Prepare builds the single query that reads every enabled rule's deny, warn
// and skip sets (and the effective waivers) and prepares it once.
func (p *Policies) Prepare(ctx context.Context, s Settings) (*Evaluator, error) {
	e := &Evaluator{timeout: s.Timeout, hasWaivers: p.hasWaivers}
	if e.timeout <= 0 {
		e.timeout = 10 * time.Second
	}
	var q strings.Builder
	for _, r := range p.catalogue.Rules() {
		if s.Disabled[r.ID] {
			continue
		}
		i := len(e.rules)
		e.rules = append(e.rules, r)
		// A comprehension over an undefined set is empty, so a package
		// that defines only warn (or only deny) needs no special case.
		fmt.Fprintf(&q, "r%d_deny := [x | some x in %s.deny]\n", i, r.Package)
		fmt.Fprintf(&q, "r%d_warn := [x | some x in %s.warn]\n", i, r.Package)
		fmt.Fprintf(&q, "r%d_skip := [x | some x in %s.skip]\n", i, r.Package)
	}
	if p.hasWaivers {
		q.WriteString("waivers := [x | some x in data.cgcheck.waivers.effective]\n")
	}
	if q.Len() == 0 {
		q.WriteString("true\n")
	}
	store := inmem.NewFromObject(p.Data(s))
	pq, err := rego.New(
		rego.Compiler(p.compiler),
		rego.Store(store),
		rego.Query(q.String()),
		rego.Capabilities(Capabilities()),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare policies: %w", err)
	}
	e.query = pq
	return e, nil
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

// Result is every rule's outcome for one document, plus its waivers.
type Result struct {
	Outcomes []Outcome
	Waivers  []Waiver
}

// ErrTimeout is returned when a document's evaluation runs past the timeout.
var ErrTimeout = errors.New("evaluation timed out")

// Evaluate runs every enabled rule on one descriptor value.
func (e *Evaluator) Evaluate(ctx context.Context, value any) (*Result, error) {
	input, err := ast.InterfaceToValue(value)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		if ctx.Err() != nil || topdown.IsCancel(err) {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w after %s", ErrTimeout, e.timeout)
			}
			return nil, ctx.Err()
		}
		return nil, err
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("policies gave %d result sets, want 1", len(rs))
	}
	b := rs[0].Bindings
	res := &Result{Outcomes: make([]Outcome, len(e.rules))}
	for i, r := range e.rules {
		o := Outcome{Rule: r}
		o.Deny = messages(b[fmt.Sprintf("r%d_deny", i)])
		o.Warn = messages(b[fmt.Sprintf("r%d_warn", i)])
		for _, s := range asList(b[fmt.Sprintf("r%d_skip", i)]) {
			o.Skip = append(o.Skip, text(s))
		}
		sort.Strings(o.Skip)
		res.Outcomes[i] = o
	}
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
