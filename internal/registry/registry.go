// Package registry runs the rules that look across every descriptor of a run
// (duplicated ids, overlapping partnerships, over-committed people, cycles of
// reporting). It is the one home of those rules: it prepares them, reads
// each document's facts from its evaluation, keeps them compactly during the
// run, groups them by key at the end, runs each rule once over the groups
// that could matter to it, and turns the answers into findings.
//
// Grouping in Go rather than in Rego is what lets a registry of 100,000
// descriptors be judged in a few seconds and well under 256 MiB: a fact is
// 32 bytes in memory here (its key and fields wait in a temporary file; see
// store.go) and several hundred as an OPA value, only the facts under keys
// that other facts share are ever passed to the rules, and those a batch at
// a time (units.go).
//
// A run may check a few named files against a whole registry (check
// --registry DIR): the other descriptors under DIR are then context, their
// facts count, and only the findings that involve a named file are
// reported.
package registry

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
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
	spill     spill        // each fact's key and fields (store.go)
	objects   []ast.Object // fields that are not all strings
	record    []byte       // scratch for encoding a record
	batchSize int          // facts per batch (0: batchFacts); tests set 1 to judge every part alone
}

// NewCollector returns a collector for rules (nil: no registry rules).
func NewCollector(rules *Rules) *Collector {
	c := &Collector{rules: rules, spill: spill{limit: spillMemory}}
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
			c.record = appendRecord(c.record[:0], f.Key, f.Fields, &c.objects)
			c.tables[i].add(stored{
				hash: keyHash(f.Key), record: c.spill.add(c.record), shape: c.shapes.id(f.Kind, f.Pointer),
				doc: doc, line: int32(f.Line), column: int32(f.Column),
			})
		}
	}
}

// Evaluate runs every rule over its grouped facts and returns the report's
// registry section, findings in catalogue order and, within a rule, deny
// before warn, each by message. Rules run only when at least two documents
// were checked. In a partial run (some document is context) only findings
// that name a document that is not context are kept.
//
// A rule that declares per_key or find_cycles is judged a batch of its
// groups at a time (see units.go), so the OPA values built for it stay a
// few MiB however large the registry; any other rule is judged once over
// all its groups. Each rule's facts are released once it is judged, so
// memory falls as the rules run.
func (c *Collector) Evaluate(ctx context.Context) (finding.Registry, error) {
	defer c.Close()
	reg := finding.Registry{Status: finding.Pass, Findings: []finding.RegistryFinding{}}
	if c.rules == nil || len(c.rules.rules) == 0 || c.documents < 2 {
		// Nothing was judged: say so rather than pass (with one document
		// there is nothing to compare it with).
		reg.Status = finding.Skip
		return reg, nil
	}
	for i, r := range c.rules.rules {
		var found []judged
		size := c.batchSize
		if size == 0 {
			size = batchFacts
		}
		batches, err := c.batches(i, size)
		if err != nil {
			return reg, fmt.Errorf("registry rule %s: %w", r.meta.ID, err)
		}
		for _, batch := range batches {
			in := c.build(r, batch)
			answer, err := c.answer(ctx, r, in)
			if err != nil {
				return reg, fmt.Errorf("registry rule %s: %w", r.meta.ID, err)
			}
			for _, set := range []struct {
				messages []message
				status   finding.Status
			}{{answer.Deny, finding.Fail}, {answer.Warn, finding.Warn}} {
				for _, m := range set.messages {
					if c.partial && !c.namesNamedFile(m) {
						continue
					}
					found = append(found, judged{m, c.finding(r, set.status, m, in.positions)})
				}
			}
		}
		c.tables[i] = table{}
		for _, j := range sortJudged(found) {
			reg.Findings = append(reg.Findings, j.finding)
			reg.Status = finding.Worst(reg.Status, j.finding.Status)
		}
	}
	return reg, nil
}

// Close releases the temporary file that holds the facts, if there is one;
// Evaluate closes it when it is done. A collector is not used after Close.
func (c *Collector) Close() error {
	c.objects = nil
	return c.spill.close()
}

// judged is one message of a rule and the finding made of it.
type judged struct {
	message message
	finding finding.RegistryFinding
}

// sortJudged puts a rule's findings in report order (deny before warn, then
// by message, then by the documents and pointers named) and drops repeats:
// a message given by two batches is one finding, as it is one member of a
// Rego set when the rule is judged once.
func sortJudged(found []judged) []judged {
	compare := func(a, b judged) int {
		if sa, sb := a.finding.Status.Severity(), b.finding.Status.Severity(); sa != sb {
			return sb - sa
		}
		if c := strings.Compare(a.message.Msg, b.message.Msg); c != 0 {
			return c
		}
		return slices.CompareFunc(a.message.Locations, b.message.Locations, func(x, y location) int {
			if x.Doc != y.Doc {
				return x.Doc - y.Doc
			}
			return strings.Compare(x.Pointer, y.Pointer)
		})
	}
	slices.SortStableFunc(found, compare)
	return slices.CompactFunc(found, func(a, b judged) bool { return compare(a, b) == 0 })
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
	// (At most a week: a long per-document limit times many facts must not
	// overflow into a negative duration.)
	const longest = 7 * 24 * time.Hour
	timeout := c.rules.timeout
	if n := time.Duration(1 + in.facts/100); timeout > longest/n {
		timeout = longest
	} else {
		timeout *= n
	}
	b, err := r.query.Eval(ctx, in.value, timeout)
	if errors.Is(err, engine.ErrTimeout) {
		return answer{}, fmt.Errorf("%w (the registry rules are allowed the time for one document, --eval-timeout, for every 100 facts they judge)", err)
	}
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

// build makes rule r's input from a batch: {"groups": {key: [fact...]},
// "documents": {n: {"file", "id"}}} and, for a find_cycles rule, "cycles".
// Each fact passed loses its key and gains "document", its document's
// number in the run; documents names each document a passed fact comes
// from.
func (c *Collector) build(r *rule, b batch) input {
	in := input{positions: map[place][2]int32{}}
	groupsObj := ast.NewObject()
	docs := map[int32]bool{}
	for _, key := range slices.Sorted(maps.Keys(b.groups)) {
		facts := b.groups[key]
		terms := make([]*ast.Term, len(facts))
		for n, f := range facts {
			kind, ptr := c.shapes.kind(f.shape), c.shapes.pointer(f.shape)
			pairs := make([][2]*ast.Term, 0, 8)
			if fields := f.fields.object(); fields != nil {
				fields.Foreach(func(k, v *ast.Term) { pairs = append(pairs, [2]*ast.Term{k, v}) })
			}
			pairs = append(pairs,
				[2]*ast.Term{ast.StringTerm("document"), ast.IntNumberTerm(int(f.doc))},
				[2]*ast.Term{ast.StringTerm("pointer"), ast.StringTerm(ptr)})
			if kind != "" {
				pairs = append(pairs, [2]*ast.Term{ast.StringTerm("kind"), ast.StringTerm(kind)})
			}
			terms[n] = ast.ObjectTerm(pairs...)
			docs[f.doc] = true
			in.positions[place{f.doc, ptr}] = [2]int32{f.line, f.column}
		}
		in.facts += len(facts)
		// Inserted in order, so the input is the same on every run.
		groupsObj.Insert(ast.StringTerm(key), ast.ArrayTerm(terms...))
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
		fields = append(fields, [2]*ast.Term{ast.StringTerm("cycles"), cyclesTerm(b.cycles)})
	}
	in.value = ast.NewObject(fields...)
	return in
}

// input is the i-th rule's input with all its groups in one batch: what the
// rule would be given if it were judged once (and what the Rego harness
// builds for stock opa and conftest).
func (c *Collector) input(i int) (input, error) {
	g, err := c.grouped(i)
	if err != nil {
		return input{}, err
	}
	b := batch{groups: g}
	if c.rules.rules[i].findCycles {
		b.cycles = c.cyclesOf(g)
	}
	return c.build(c.rules.rules[i], b), nil
}
