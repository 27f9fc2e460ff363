package registry

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/engine"
)

// Rules are the registry rules of a run, prepared: the facts each reads from
// every document, how those facts are grouped, and the query that judges the
// groups at the end of the run.
type Rules struct {
	rules   []*rule
	timeout time.Duration
}

type rule struct {
	meta     *catalogue.Rule
	binding  string // the name its facts are read under in the per-document query
	query    *engine.Query
	grouping Grouping
	// perKey: every finding is drawn from keys whose facts come from
	// exactly the same documents (per_key := true), so the rule may be
	// judged a part at a time (units.go) and a partial run may pass only
	// the keys a named document holds.
	perKey bool
	// findCycles: the facts are a graph, and the input carries its cycles
	// (find_cycles := true; see cycles.go).
	findCycles bool
}

// Grouping says which of a registry rule's facts reach the rule: those under
// a key at least MinGroup facts share, including a fact of every kind in
// RequireKinds. A rule sets them with min_group and require_kinds in its
// package; by default a key needs two facts and no particular kinds.
type Grouping struct {
	MinGroup     int
	RequireKinds []string
}

// Prepare prepares every enabled registry rule of p (theme registry) with the
// data of s. A min_group or require_kinds of the wrong type is an error
// naming the rule.
func Prepare(ctx context.Context, p *engine.Policies, s engine.Settings) (*Rules, error) {
	rs := &Rules{timeout: s.Timeout}
	if rs.timeout <= 0 {
		rs.timeout = engine.DefaultTimeout
	}
	for _, meta := range p.Catalogue().Rules() {
		if !meta.IsRegistry() || s.Disabled[meta.ID] {
			continue
		}
		r := &rule{meta: meta, binding: "facts" + strconv.Itoa(len(rs.rules))}
		var q string
		for _, set := range []string{"deny", "warn", "skip"} {
			q += p.ReadSet(set, meta.Package+"."+set)
		}
		if q == "" {
			q = "true\n"
		}
		var err error
		if r.query, err = p.PrepareQuery(ctx, s, q); err != nil {
			return nil, err
		}
		if r.grouping, r.perKey, r.findCycles, err = settingsOf(ctx, p, s, meta, rs.timeout); err != nil {
			return nil, err
		}
		rs.rules = append(rs.rules, r)
	}
	return rs, nil
}

// Catalogue returns the prepared rules, in catalogue order.
func (rs *Rules) Catalogue() []*catalogue.Rule {
	if rs == nil {
		return nil
	}
	out := make([]*catalogue.Rule, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = r.meta
	}
	return out
}

// Reads are the sets the per-document query must read for these rules: each
// rule's facts.
func (rs *Rules) Reads() []engine.Read {
	if rs == nil {
		return nil
	}
	out := make([]engine.Read, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = engine.Read{Name: r.binding, Ref: r.meta.Package + ".facts"}
	}
	return out
}

// Grouping returns how the facts of the i-th rule are grouped.
func (rs *Rules) Grouping(i int) Grouping { return rs.rules[i].grouping }

// settingsOf reads a registry rule's min_group, require_kinds, per_key and
// find_cycles, which may depend on its params but not on any input.
func settingsOf(ctx context.Context, p *engine.Policies, s engine.Settings, r *catalogue.Rule, timeout time.Duration) (g Grouping, perKey, findCycles bool, err error) {
	g = Grouping{MinGroup: 2}
	q, err := p.PrepareQuery(ctx, s, fmt.Sprintf(
		"min := [x | x := %[1]s.min_group]\nkinds := [x | x := %[1]s.require_kinds]\nper_key := [x | x := %[1]s.per_key]\nfind_cycles := [x | x := %[1]s.find_cycles]\n", r.Package))
	if err != nil {
		return g, false, false, err
	}
	b, err := q.Eval(ctx, ast.NewObject(), timeout)
	if err != nil {
		return g, false, false, fmt.Errorf("rule %s: %w", r.ID, err)
	}
	if given := b.Members("min"); len(given) == 1 {
		n, ok := given[0].Value.(ast.Number)
		v, exact := n.Int()
		if !ok || !exact || v < 1 {
			return g, false, false, fmt.Errorf("rule %s: min_group is %v; it must be a whole number of at least 1", r.ID, given[0])
		}
		g.MinGroup = v
	}
	if kinds := b.Members("kinds"); len(kinds) == 1 {
		var bad bool
		for _, k := range engine.Elements(kinds[0]) {
			s, ok := k.Value.(ast.String)
			bad = bad || !ok
			g.RequireKinds = append(g.RequireKinds, string(s))
		}
		if bad || !engine.IsCollection(kinds[0]) {
			return g, false, false, fmt.Errorf("rule %s: require_kinds is %v; it must be a set of strings", r.ID, kinds[0])
		}
		sort.Strings(g.RequireKinds)
	}
	if perKey, err = flag(b, "per_key", r); err != nil {
		return g, false, false, err
	}
	if findCycles, err = flag(b, "find_cycles", r); err != nil {
		return g, false, false, err
	}
	return g, perKey, findCycles, nil
}

// flag reads a true/false setting of rule r (false when it has none).
func flag(b engine.Bindings, name string, r *catalogue.Rule) (bool, error) {
	given := b.Members(name)
	if len(given) != 1 {
		return false, nil
	}
	v, ok := given[0].Value.(ast.Boolean)
	if !ok {
		return false, fmt.Errorf("rule %s: %s is %v; it must be true or false", r.ID, name, given[0])
	}
	return bool(v), nil
}
