package registry

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Rules that follow lines between documents (reporting-cycle) declare
// find_cycles := true. Their facts are a graph: a fact of kind "node" makes
// its document a vertex known by the fact's key, and a fact of kind "edge"
// points from its document to the vertex under its key (the first in run
// order when several documents share it). cgcheck then passes, besides the
// groups, input.cycles: every set of documents that reach one another
// along edges (a strongly connected component with a cycle in it), found in
// linear time with Tarjan's algorithm. Rego has no loops or recursion, and
// the reachability search it offers, run from every document, is quadratic:
// on a registry whose descriptors each report to two others it ran for
// minutes at 1,000 files.

// cycle is one strongly connected component with a cycle in it.
type cycle struct {
	// members are its documents: for a simple cycle (every member reports to
	// exactly one document) in order round the cycle from the first in run
	// order; otherwise in run order.
	members []int32
	// pointers are, for each member, the pointer of its edge to the next
	// member (simple) or to the first member of the component it reaches.
	pointers []string
	simple   bool
}

// edge is one fact of kind edge: from a document to a target, with its
// pointer.
type edge struct {
	from, to int32
	pointer  string
}

// cyclesOf finds the cycles of the graph the facts passed to a rule make:
// groups maps each key to its facts in run order.
func (c *Collector) cyclesOf(groups map[string][]*kept) []cycle {
	var edges []edge
	targets := map[int32][]int32{} // distinct targets of each document, in fact order
	for _, facts := range groups {
		target := int32(-1)
		for _, f := range facts {
			if c.shapes.kind(f.shape) == "node" && (target < 0 || f.doc < target) {
				target = f.doc
			}
		}
		if target < 0 {
			continue
		}
		for _, f := range facts {
			if c.shapes.kind(f.shape) == "edge" {
				edges = append(edges, edge{from: f.doc, to: target, pointer: c.shapes.pointer(f.shape)})
			}
		}
	}
	// Edges in run order of their source, then pointer, so that the result
	// does not depend on map order.
	slices.SortFunc(edges, func(a, b edge) int {
		if a.from != b.from {
			return int(a.from - b.from)
		}
		if a.pointer < b.pointer {
			return -1
		}
		if a.pointer > b.pointer {
			return 1
		}
		return int(a.to - b.to)
	})
	out := map[int32][]edge{}
	for _, e := range edges {
		out[e.from] = append(out[e.from], e)
		if !slices.Contains(targets[e.from], e.to) {
			targets[e.from] = append(targets[e.from], e.to)
		}
	}
	var cycles []cycle
	for _, component := range stronglyConnected(out) {
		if len(component) == 1 && !slices.Contains(targets[component[0]], component[0]) {
			continue // a document on no cycle
		}
		cycles = append(cycles, describe(component, out, targets))
	}
	slices.SortFunc(cycles, func(a, b cycle) int { return int(slices.Min(a.members) - slices.Min(b.members)) })
	return cycles
}

// describe orders a component's members and picks each one's pointer.
func describe(component []int32, out map[int32][]edge, targets map[int32][]int32) cycle {
	in := map[int32]bool{}
	simple := true
	for _, d := range component {
		in[d] = true
		simple = simple && len(targets[d]) == 1
	}
	first := slices.Min(component)
	cy := cycle{simple: simple}
	if simple {
		for d := first; ; {
			e := out[d][0]
			cy.members = append(cy.members, d)
			cy.pointers = append(cy.pointers, e.pointer)
			if d = e.to; d == first {
				break
			}
		}
		return cy
	}
	cy.members = slices.Sorted(slices.Values(component))
	for _, d := range cy.members {
		for _, e := range out[d] {
			if in[e.to] {
				cy.pointers = append(cy.pointers, e.pointer)
				break
			}
		}
	}
	return cy
}

// stronglyConnected returns the strongly connected components of the graph
// out, by Tarjan's algorithm run iteratively (a recursive walk would need a
// stack as deep as the longest line of reporting).
func stronglyConnected(out map[int32][]edge) [][]int32 {
	vertices := make([]int32, 0, len(out))
	for v := range out {
		vertices = append(vertices, v)
	}
	slices.Sort(vertices)
	index := map[int32]int{}
	low := map[int32]int{}
	onStack := map[int32]bool{}
	var stack []int32
	var components [][]int32
	type frame struct {
		v    int32
		next int // the next of v's edges to follow
	}
	for _, root := range vertices {
		if _, seen := index[root]; seen {
			continue
		}
		work := []frame{{v: root}}
		index[root], low[root] = len(index), len(index)
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			if edges := out[top.v]; top.next < len(edges) {
				w := edges[top.next].to
				top.next++
				if _, seen := index[w]; !seen {
					index[w], low[w] = len(index), len(index)
					stack = append(stack, w)
					onStack[w] = true
					work = append(work, frame{v: w})
				} else if onStack[w] {
					low[top.v] = min(low[top.v], index[w])
				}
				continue
			}
			v := top.v
			work = work[:len(work)-1]
			if len(work) > 0 {
				parent := work[len(work)-1].v
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == index[v] {
				var component []int32
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					component = append(component, w)
					if w == v {
						break
					}
				}
				components = append(components, component)
			}
		}
	}
	return components
}

// cyclesTerm is input.cycles: [{"members": [n...], "pointers": [p...],
// "simple": bool}...].
func cyclesTerm(cycles []cycle) *ast.Term {
	items := make([]*ast.Term, len(cycles))
	for i, cy := range cycles {
		members := make([]*ast.Term, len(cy.members))
		pointers := make([]*ast.Term, len(cy.pointers))
		for j, d := range cy.members {
			members[j] = ast.IntNumberTerm(int(d))
			pointers[j] = ast.StringTerm(cy.pointers[j])
		}
		items[i] = ast.ObjectTerm(
			[2]*ast.Term{ast.StringTerm("members"), ast.ArrayTerm(members...)},
			[2]*ast.Term{ast.StringTerm("pointers"), ast.ArrayTerm(pointers...)},
			[2]*ast.Term{ast.StringTerm("simple"), ast.BooleanTerm(cy.simple)},
		)
	}
	return ast.ArrayTerm(items...)
}
