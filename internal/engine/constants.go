package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Run constants.
//
// OPA caches a rule's value for the length of one query, and cgcheck runs one
// query per descriptor. Rules that read only the run's data (a rule's
// parameters through lib.param, today's date split into numbers, the
// threshold n months before today) would be worked out again for every
// descriptor, though their value cannot change during a run. So they are
// worked out once, when the query is prepared, and every evaluation starts
// with them already in OPA's cache.
//
// A rule qualifies when it is a complete rule without arguments and nothing
// it reads, directly or through the rules and functions it calls, is the
// input, a non-deterministic built-in (time.now_ns, rand.intn, http.send...)
// or an expression with `with`. The cached values are used only outside
// `with` (which can change data for part of an evaluation).

// constantRules returns the paths (data.x.y.name) of the complete rules
// whose value depends only on the run's data.
func (p *Policies) constantRules() []ast.Ref {
	c := constantChecker{compiler: p.compiler, memo: map[*ast.Rule]bool{}}
	seen := map[string]bool{}
	var out []ast.Ref
	for _, rules := range p.compiler.Modules {
		for _, r := range rules.Rules {
			if len(r.Head.Args) > 0 || r.Head.RuleKind() != ast.SingleValue {
				continue
			}
			full := r.Ref()
			if !full.IsGround() { // a ref with variables in it (p.q[x] := ...)
				continue
			}
			key := full.String()
			if seen[key] {
				continue
			}
			seen[key] = true
			if c.dataRef(full) { // r and any other rule at its path
				out = append(out, full)
			}
		}
	}
	return out
}

type constantChecker struct {
	compiler *ast.Compiler
	memo     map[*ast.Rule]bool // true: the rule depends only on data
}

func (c *constantChecker) rule(r *ast.Rule) bool {
	if v, ok := c.memo[r]; ok {
		return v
	}
	c.memo[r] = false // until shown otherwise (and for any cycle)
	ok := true
	check := func(x any) {
		ast.WalkExprs(x, func(e *ast.Expr) bool {
			if len(e.With) > 0 {
				ok = false
			}
			if e.IsCall() {
				if b, isBuiltin := ast.BuiltinMap[e.Operator().String()]; isBuiltin && b.Nondeterministic {
					ok = false
				}
			}
			return !ok
		})
		ast.WalkRefs(x, func(ref ast.Ref) bool {
			switch {
			case !ok:
			case ref.HasPrefix(ast.InputRootRef):
				ok = false
			case ref.HasPrefix(ast.DefaultRootRef):
				ok = c.dataRef(ref)
			}
			return !ok
		})
	}
	check(r.Head)
	check(r.Body)
	if r.Else != nil {
		ok = ok && c.rule(r.Else)
	}
	c.memo[r] = ok
	return ok
}

// dataRef reports whether reading ref (data...) depends only on data: it
// reads the store, or rules that depend only on data. For a ref with a
// variable in it (data.x[y]), every rule under its ground part counts.
func (c *constantChecker) dataRef(ref ast.Ref) bool {
	for _, r := range c.compiler.GetRules(ref.GroundPrefix()) {
		if !c.rule(r) {
			return false
		}
	}
	return true
}

// runConstants are the values of the run's constant rules, worked out once.
type runConstants struct {
	cache topdown.VirtualCache
	// names holds the last part of every constant rule's path (max_age for
	// data.x.max_age): OPA looks up far more refs in its cache than there are
	// constants, and most are told apart by this map lookup alone, without
	// hashing every part of the ref to look it up in cache.
	names map[string]bool
}

// mayHold reports whether ref could be a constant rule's path.
func (r *runConstants) mayHold(ref ast.Ref) bool {
	if len(ref) < 2 {
		return false
	}
	s, ok := ref[len(ref)-1].Value.(ast.String)
	return ok && r.names[string(s)]
}

// constantCache works out the run's constant rules; nil when there are none
// or they could not be worked out (each evaluation then works them out
// itself, and reports any error there).
func (p *Policies) constantCache(ctx context.Context, store storage.Store, timeout time.Duration) *runConstants {
	refs := p.constantRules()
	if len(refs) == 0 {
		return nil
	}
	var q strings.Builder
	for i, ref := range refs {
		fmt.Fprintf(&q, "c%d := [x | x := %s]\n", i, ref)
	}
	pq, err := p.prepare(ctx, store, q.String())
	if err != nil {
		return nil
	}
	b, err := evalOnce(ctx, pq, ast.NewObject(), timeout, nil)
	if err != nil {
		return nil
	}
	run := &runConstants{cache: topdown.NewVirtualCache(), names: map[string]bool{}}
	for i, ref := range refs {
		switch v := terms(b["c"+strconv.Itoa(i)]); len(v) {
		case 0:
			run.cache.Put(ref, nil) // undefined
		case 1:
			run.cache.Put(ref, v[0])
		default:
			continue
		}
		if s, ok := ref[len(ref)-1].Value.(ast.String); ok {
			run.names[string(s)] = true
		}
	}
	return run
}

// withConstants is one evaluation's virtual cache: OPA's own, and the run's
// constants, which are read only outside `with`. A constant is never in
// OPA's own cache (it is never worked out), so it is looked up first.
type withConstants struct {
	topdown.VirtualCache
	run   *runConstants
	depth int // frames pushed by `with`
}

func (c *withConstants) Push() {
	c.depth++
	c.VirtualCache.Push()
}

func (c *withConstants) Pop() {
	c.depth--
	c.VirtualCache.Pop()
}

func (c *withConstants) Get(ref ast.Ref) (*ast.Term, bool) {
	if c.depth == 0 && c.run.mayHold(ref) {
		if v, undefined := c.run.cache.Get(ref); v != nil || undefined {
			return v, undefined
		}
	}
	return c.VirtualCache.Get(ref)
}

// cacheOption gives an evaluation the run's constants, if any.
func cacheOption(run *runConstants) rego.EvalOption {
	if run == nil {
		return func(*rego.EvalContext) {}
	}
	return rego.EvalVirtualCache(&withConstants{VirtualCache: topdown.NewVirtualCache(), run: run})
}
