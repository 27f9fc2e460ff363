// Package registry runs the rules that look across every descriptor of a run
// (duplicated ids, overlapping partnerships, over-committed people, cycles of
// reporting). During the run it keeps, compactly, the facts each registry
// rule gave for each document; at the end it groups them by key and runs each
// rule once over the groups that could matter to it.
//
// Grouping in Go rather than in Rego is what lets a registry of 100,000
// descriptors be judged in a few seconds and well under 256 MiB: a fact is
// about 60 bytes here and several hundred as an OPA value, and only the few
// facts under keys that other facts share are ever turned into OPA values.
package registry

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
)

// Fact is one registry fact of one document, with the line and column its
// pointer leads to.
type Fact struct {
	engine.Fact
	Line, Column int
}

// Collector keeps the registry facts of the documents of a run. Add is
// called once per document, in run order; it is not safe for concurrent use.
type Collector struct {
	ev        *engine.Evaluator
	documents int // documents checked, whether or not they gave facts
	files     []string
	ids       []string // "" when the document has no id
	tables    []table  // one per registry rule
	shapes    shapes
}

// NewCollector returns a collector for the registry rules of ev.
func NewCollector(ev *engine.Evaluator) *Collector {
	return &Collector{ev: ev, tables: make([]table, len(ev.RegistryRules()))}
}

// Add records a document of the run and its facts, one list per registry
// rule (as engine.Result.Facts, located). facts is nil for a document the
// policies did not run on (unreadable, unparsable, off-schema): it still
// counts towards the two documents registry rules need.
func (c *Collector) Add(file, id string, facts [][]Fact) {
	c.documents++
	if facts == nil {
		return
	}
	doc := int32(len(c.files))
	c.files = append(c.files, file)
	c.ids = append(c.ids, id)
	for i := range c.tables {
		if i >= len(facts) {
			break
		}
		for _, f := range facts[i] {
			c.tables[i].add(stored{
				key: f.Key, fields: f.Fields, shape: c.shapes.id(f.Kind, f.Pointer),
				doc: doc, line: int32(f.Line), column: int32(f.Column),
			})
		}
	}
}

// Evaluate runs every registry rule over its grouped facts and returns the
// report's registry section. Each rule's facts are released once its input
// is built, so memory falls as the rules run. Rules run only when at least
// two documents were checked.
func (c *Collector) Evaluate(ctx context.Context) (finding.Registry, error) {
	reg := finding.Registry{Status: finding.Pass, Findings: []finding.RegistryFinding{}}
	rules := c.ev.RegistryRules()
	if c.documents < 2 || len(rules) == 0 {
		return reg, nil
	}
	for i, rule := range rules {
		in := c.input(i)
		c.tables[i] = table{}
		outcome, err := c.ev.EvaluateRegistry(ctx, i, in.value, in.facts)
		if err != nil {
			return reg, fmt.Errorf("registry rule %s: %w", rule.ID, err)
		}
		add := func(status finding.Status, m engine.RegistryMessage) {
			f := finding.RegistryFinding{
				Rule: rule.ID, Status: status, Message: m.Msg,
				Section: rule.Section, Quote: rule.Quote, Remediation: rule.Remediation,
				Files: []string{}, Locations: []finding.Location{},
			}
			seen := map[string]bool{}
			for _, l := range m.Locations {
				if l.Index < 0 || l.Index >= len(c.files) {
					continue
				}
				file := c.files[l.Index]
				loc := finding.Location{File: file}
				if pos, ok := in.positions[place{int32(l.Index), l.Pointer}]; ok {
					loc.Line, loc.Column = int(pos[0]), int(pos[1])
				}
				f.Locations = append(f.Locations, loc)
				if !seen[file] {
					seen[file] = true
					f.Files = append(f.Files, file)
				}
			}
			sort.Strings(f.Files)
			reg.Findings = append(reg.Findings, f)
			reg.Status = finding.Worst(reg.Status, status)
		}
		for _, m := range outcome.Deny {
			add(finding.Fail, m)
		}
		for _, m := range outcome.Warn {
			add(finding.Warn, m)
		}
	}
	return reg, nil
}

// place is a pointer into one document of the run.
type place struct {
	doc     int32
	pointer string
}

// input is one registry rule's input and what it takes to read its answer.
type input struct {
	value     ast.Value
	facts     int                // facts passed
	positions map[place][2]int32 // line and column of every fact passed
}

// input groups the i-th rule's facts by key, keeps the groups its Grouping
// allows, and builds {"groups": {key: [fact...]}, "documents": {n: {"file",
// "id"}}}: each fact passed loses its key and gains "document", its
// document's number in the run; documents names each document a passed fact
// comes from.
func (c *Collector) input(i int) input {
	g := c.ev.Grouping(i)
	t := &c.tables[i]

	// First pass: how many facts, and which of the required kinds, each key has.
	type tally struct {
		facts int32
		kinds uint64 // bit k: a fact of RequireKinds[k]
	}
	need := uint64(1)<<len(g.RequireKinds) - 1
	kindBit := map[string]uint64{}
	for k, kind := range g.RequireKinds {
		kindBit[kind] = 1 << k
	}
	tallies := map[string]tally{}
	t.each(func(f *stored) {
		tl := tallies[f.key]
		tl.facts++
		tl.kinds |= kindBit[c.shapes.kind(f.shape)]
		tallies[f.key] = tl
	})
	keep := func(key string) bool {
		tl := tallies[key]
		return int(tl.facts) >= g.MinGroup && tl.kinds&need == need
	}

	// Second pass: the facts of the groups kept, in run order.
	in := input{positions: map[place][2]int32{}}
	groups := map[string][]*ast.Term{}
	docs := map[int32]bool{}
	t.each(func(f *stored) {
		if !keep(f.key) {
			return
		}
		kind, ptr := c.shapes.kind(f.shape), c.shapes.pointer(f.shape)
		obj := ast.NewObject()
		if f.fields != "" {
			if v, err := ast.ParseTerm(f.fields); err == nil {
				if o, ok := v.Value.(ast.Object); ok {
					obj = o
				}
			}
		}
		obj.Insert(ast.StringTerm("document"), ast.IntNumberTerm(int(f.doc)))
		obj.Insert(ast.StringTerm("pointer"), ast.StringTerm(ptr))
		if kind != "" {
			obj.Insert(ast.StringTerm("kind"), ast.StringTerm(kind))
		}
		groups[f.key] = append(groups[f.key], ast.NewTerm(obj))
		docs[f.doc] = true
		in.positions[place{f.doc, ptr}] = [2]int32{f.line, f.column}
		in.facts++
	})
	// Inserted in order, so the input is the same on every run.
	groupsObj := ast.NewObject()
	for _, key := range slices.Sorted(maps.Keys(groups)) {
		groupsObj.Insert(ast.StringTerm(key), ast.ArrayTerm(groups[key]...))
	}
	docsObj := ast.NewObject()
	for _, d := range slices.Sorted(maps.Keys(docs)) {
		id := ast.NullTerm()
		if c.ids[d] != "" {
			id = ast.StringTerm(c.ids[d])
		}
		docsObj.Insert(ast.IntNumberTerm(int(d)), ast.ObjectTerm(
			[2]*ast.Term{ast.StringTerm("file"), ast.StringTerm(c.files[d])},
			[2]*ast.Term{ast.StringTerm("id"), id},
		))
	}
	in.value = ast.NewObject(
		[2]*ast.Term{ast.StringTerm("groups"), ast.NewTerm(groupsObj)},
		[2]*ast.Term{ast.StringTerm("documents"), ast.NewTerm(docsObj)},
	)
	return in
}
