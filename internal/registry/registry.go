// Package registry runs the rules that look across every descriptor of a run
// (duplicated ids, overlapping partnerships, over-committed people, cycles of
// reporting). It is the one home of those rules: it prepares them, reads
// each document's facts from its evaluation, keeps them compactly during the
// run, groups them by key at the end, runs each rule once over the groups
// that could matter to it, and turns the answers into findings.
//
// Grouping in Go rather than in Rego is what lets a registry of 100,000
// descriptors be judged in a few seconds and well under 256 MiB: a fact is
// about 60 bytes here and several hundred as an OPA value, and only the facts
// under keys that other facts share are ever passed to the rules.
//
// A run may check a few named files against a whole registry (check
// --registry DIR): the other descriptors under DIR are then context, their
// facts count, and only the findings that involve a named file are
// reported.
package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
)

// Document is one document of a run as the registry rules know it.
type Document struct {
	File string
	ID   string // "" when it has none
	// Context marks a document read only for the registry rules (check
	// --registry): findings about it alone are not reported.
	Context bool
}

// Collector keeps the registry facts of the documents of a run. Add is
// called once per document, in run order; it is not safe for concurrent use.
type Collector struct {
	// Cache, when not nil, keeps each rule's answer to each input between
	// runs, under RunKey (see check.Checker): a commit that changes one file
	// of a large registry seldom changes, say, its lines of reporting, and
	// the rule then need not judge the whole registry again.
	Cache  *cache.Cache
	RunKey []byte

	rules     *Rules
	documents int // documents checked, whether or not they gave facts
	docs      []Document
	partial   bool    // some document is context
	tables    []table // one per rule
	shapes    shapes
	fields    values
}

// NewCollector returns a collector for rules (nil: no registry rules).
func NewCollector(rules *Rules) *Collector {
	c := &Collector{rules: rules}
	if rules != nil {
		c.tables = make([]table, len(rules.rules))
	}
	return c
}

// Add records a document of the run and its facts, one list per rule (as
// Rules.Facts gives them). facts is nil for a document the policies did not
// run on (unreadable, unparsable, off-schema): it still counts towards the
// two documents registry rules need.
func (c *Collector) Add(d Document, facts [][]Fact) {
	c.documents++
	c.partial = c.partial || d.Context
	if facts == nil {
		return
	}
	doc := int32(len(c.docs))
	c.docs = append(c.docs, d)
	for i := range c.tables {
		if i >= len(facts) {
			break
		}
		for _, f := range facts[i] {
			c.tables[i].add(stored{
				key: f.Key, fields: c.fields.id(f.Fields), shape: c.shapes.id(f.Kind, f.Pointer),
				doc: doc, line: int32(f.Line), column: int32(f.Column),
			})
		}
	}
}

// Evaluate runs every rule over its grouped facts and returns the report's
// registry section, findings in catalogue order and, within a rule, by
// message. Each rule's facts are released once its input is built, so
// memory falls as the rules run. Rules run only when at least two documents
// were checked. In a partial run (some document is context) only findings
// that name a document that is not context are kept.
func (c *Collector) Evaluate(ctx context.Context) (finding.Registry, error) {
	reg := finding.Registry{Status: finding.Pass, Findings: []finding.RegistryFinding{}}
	if c.rules == nil || c.documents < 2 {
		return reg, nil
	}
	for i, r := range c.rules.rules {
		in := c.input(i)
		c.tables[i] = table{}
		answer, err := c.answer(ctx, r, in)
		if err != nil {
			return reg, fmt.Errorf("registry rule %s: %w", r.meta.ID, err)
		}
		for _, set := range []struct {
			messages []message
			status   finding.Status
		}{{answer.Deny, finding.Fail}, {answer.Warn, finding.Warn}} {
			for _, m := range set.messages {
				f := c.finding(r, set.status, m, in.positions)
				if c.partial && !c.namesNamedFile(m) {
					continue
				}
				reg.Findings = append(reg.Findings, f)
				reg.Status = finding.Worst(reg.Status, set.status)
			}
		}
	}
	return reg, nil
}

// answer is what a rule said about its input: the messages of its deny and
// warn sets.
type answer struct {
	Deny, Warn []message
}

// answer evaluates rule r on in, or reads its answer from the cache when the
// rule has judged exactly this input before under the same run key.
func (c *Collector) answer(ctx context.Context, r *rule, in input) (answer, error) {
	var key cache.Key
	if c.Cache != nil {
		key = cache.NewKey(c.RunKey, []byte("registry"), []byte(r.meta.ID), []byte(in.value.String()))
		if data, ok := c.Cache.Get(key); ok {
			var a answer
			if json.Unmarshal(data, &a) == nil {
				return a, nil
			}
		}
	}
	// The whole registry is judged at once, so the time allowed grows with
	// the facts passed.
	timeout := c.rules.timeout * time.Duration(1+in.facts/100)
	b, err := r.query.Eval(ctx, in.value, timeout)
	if err != nil {
		return answer{}, err
	}
	a := answer{Deny: messages(b.Members("deny")), Warn: messages(b.Members("warn"))}
	if c.Cache != nil {
		if data, err := json.Marshal(a); err == nil {
			_ = c.Cache.Put(key, data)
		}
	}
	return a, nil
}

// namesNamedFile reports whether a message names a document that is not
// context.
func (c *Collector) namesNamedFile(m message) bool {
	for _, l := range m.Locations {
		if l.Doc >= 0 && l.Doc < len(c.docs) && !c.docs[l.Doc].Context {
			return true
		}
	}
	return false
}

// finding turns one message of rule r into a finding: every location it
// names, with its document's file and id and the line and column of the
// fact's pointer, and the files, sorted.
func (c *Collector) finding(r *rule, status finding.Status, m message, positions map[place][2]int32) finding.RegistryFinding {
	f := finding.RegistryFinding{
		Rule: r.meta.ID, Status: status, Message: m.Msg,
		Files: []string{}, Locations: []finding.Location{},
	}
	seen := map[string]bool{}
	for _, l := range m.Locations {
		if l.Doc < 0 || l.Doc >= len(c.docs) {
			continue
		}
		d := c.docs[l.Doc]
		loc := finding.Location{File: d.File, ID: d.ID}
		if pos, ok := positions[place{int32(l.Doc), l.Pointer}]; ok {
			loc.Line, loc.Column = int(pos[0]), int(pos[1])
		}
		f.Locations = append(f.Locations, loc)
		if !seen[d.File] {
			seen[d.File] = true
			f.Files = append(f.Files, d.File)
		}
	}
	sort.Strings(f.Files)
	return f
}

// message is one deny or warn entry of a registry rule: its text and the
// places it names, each a document of the run and a pointer into it.
// (Exported fields, for the cache.)
type message struct {
	Msg       string     `json:"m"`
	Locations []location `json:"l,omitempty"`
}

type location struct {
	Doc     int    `json:"d"`
	Pointer string `json:"p,omitempty"`
}

// messages reads deny or warn entries: {"msg", "locations": [{"index",
// "pointer"}]} as the built-in rules give, or a bare string. They come back
// sorted by text, each one's locations in the order the rule gave them
// (an order that may mean something, such as the way round a cycle).
func messages(items []*ast.Term) []message {
	var out []message
	for _, item := range items {
		if _, ok := item.Value.(ast.Object); !ok {
			out = append(out, message{Msg: engine.Text(item)})
			continue
		}
		m := message{Msg: engine.Text(engine.Field(item, "msg"))}
		for _, l := range engine.Elements(engine.Field(item, "locations")) {
			m.Locations = append(m.Locations, location{Doc: engine.Int(engine.Field(l, "index")), Pointer: engine.Pointer(engine.Field(l, "pointer"))})
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Msg < out[j].Msg })
	return out
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
// allows (and, in a partial run of a per_key rule, only those that hold a
// named document's fact), and builds {"groups": {key: [fact...]},
// "documents": {n: {"file", "id"}}}: each fact passed loses its key and
// gains "document", its document's number in the run; documents names each
// document a passed fact comes from.
func (c *Collector) input(i int) input {
	r := c.rules.rules[i]
	g := r.grouping
	t := &c.tables[i]

	// First pass: how many facts, and which of the required kinds, each key
	// has, and whether a named document gave one.
	type tally struct {
		facts int32
		kinds uint64 // bit k: a fact of RequireKinds[k]
		named bool
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
		tl.named = tl.named || !c.docs[f.doc].Context
		tallies[f.key] = tl
	})
	onlyNamed := c.partial && r.perKey
	keep := func(key string) bool {
		tl := tallies[key]
		return int(tl.facts) >= g.MinGroup && tl.kinds&need == need && (tl.named || !onlyNamed)
	}

	// Second pass: the facts of the groups kept, in run order.
	in := input{positions: map[place][2]int32{}}
	groups := map[string][]*ast.Term{}
	kept := map[string][]*stored{} // for find_cycles
	docs := map[int32]bool{}
	t.each(func(f *stored) {
		if !keep(f.key) {
			return
		}
		if r.findCycles {
			kept[f.key] = append(kept[f.key], f)
		}
		kind, ptr := c.shapes.kind(f.shape), c.shapes.pointer(f.shape)
		pairs := make([][2]*ast.Term, 0, 8)
		if fields := c.fields.get(f.fields); fields != nil {
			fields.Foreach(func(k, v *ast.Term) { pairs = append(pairs, [2]*ast.Term{k, v}) })
		}
		pairs = append(pairs,
			[2]*ast.Term{ast.StringTerm("document"), ast.IntNumberTerm(int(f.doc))},
			[2]*ast.Term{ast.StringTerm("pointer"), ast.StringTerm(ptr)})
		if kind != "" {
			pairs = append(pairs, [2]*ast.Term{ast.StringTerm("kind"), ast.StringTerm(kind)})
		}
		groups[f.key] = append(groups[f.key], ast.ObjectTerm(pairs...))
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
		if c.docs[d].ID != "" {
			id = ast.StringTerm(c.docs[d].ID)
		}
		docsObj.Insert(ast.IntNumberTerm(int(d)), ast.ObjectTerm(
			[2]*ast.Term{ast.StringTerm("file"), ast.StringTerm(c.docs[d].File)},
			[2]*ast.Term{ast.StringTerm("id"), id},
		))
	}
	fields := [][2]*ast.Term{
		{ast.StringTerm("groups"), ast.NewTerm(groupsObj)},
		{ast.StringTerm("documents"), ast.NewTerm(docsObj)},
	}
	if r.findCycles {
		fields = append(fields, [2]*ast.Term{ast.StringTerm("cycles"), cyclesTerm(c.cyclesOf(kept))})
	}
	in.value = ast.NewObject(fields...)
	return in
}
