package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/synth"
)

// registry is a synthetic registry with every registry rule planted in it,
// parsed, with each document's file name.
func registry(t *testing.T, n int) ([]string, []*descriptor.Document) {
	t.Helper()
	files, docs := fixture.Descriptors(t, synth.Options{N: n, Seed: 5})
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Path
	}
	return names, docs
}

// prepared are the built-in registry rules and the per-document evaluator
// that reads their facts, as of synth.Today with every param at its default.
type prepared struct {
	rules *Rules
	ev    *engine.Evaluator
}

func prepare(t testing.TB) prepared {
	t.Helper()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := engine.Settings{Today: synth.Today}
	rules, err := Prepare(context.Background(), p, s)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := p.Prepare(context.Background(), s, rules.Reads()...)
	if err != nil {
		t.Fatal(err)
	}
	return prepared{rules, ev}
}

// facts evaluates one parsed document and returns its located facts.
func (p prepared) facts(t testing.TB, name string, d *descriptor.Document) [][]Fact {
	t.Helper()
	res, err := p.ev.Evaluate(context.Background(), d.Value)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	facts, err := p.rules.Facts(res, func(ptr string) (int, int) {
		pos := d.Locate(ptr)
		return pos.Line, pos.Column
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return facts
}

// collect adds every document to a new collector; context[i] marks the i-th
// as read for the registry alone (nil: none is).
func collect(t *testing.T, p prepared, names []string, docs []*descriptor.Document, context ...bool) *Collector {
	t.Helper()
	c := NewCollector(p.rules)
	for i, d := range docs {
		id, _ := d.Value.(map[string]any)["id"].(string)
		c.Add(Document{File: names[i], ID: id, Context: i < len(context) && context[i]}, p.facts(t, names[i], d))
	}
	return c
}

// TestInputIsWhatTheRegoTestsAssume: for every registry rule, the input the
// collector builds is exactly the one policies/cgcheck/registry/harness/harness_test.rego
// builds from the same descriptors, so the rules' Rego tests run the rules as
// cgcheck does.
func TestInputIsWhatTheRegoTestsAssume(t *testing.T) {
	p := prepare(t)
	names, docs := registry(t, 300)
	c := collect(t, p, names, docs)

	entries := make([]any, len(docs))
	for i, d := range docs {
		entries[i] = []any{names[i], d.Value}
	}
	for i, rule := range p.rules.Catalogue() {
		g := p.rules.Grouping(i)
		kinds := make([]any, len(g.RequireKinds))
		for k, kind := range g.RequireKinds {
			kinds[k] = kind
		}
		query := fmt.Sprintf(`x := data.cgcheck.registry.harness.input_for([doc |
			some [file, d] in input.entries
			facts := %s.facts with input as d
			doc := {"file": file, "id": object.get(d, "id", null), "facts": facts}
		], input.min, {k | some k in input.kinds})`, rule.Package)
		rs, err := rego.New(
			rego.Query(query),
			rego.Load([]string{filepath.Join("..", "..", "policies")}, nil),
			rego.Input(map[string]any{"entries": entries, "min": g.MinGroup, "kinds": kinds}),
		).Eval(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", rule.ID, err)
		}
		want, err := ast.InterfaceToValue(rs[0].Bindings["x"])
		if err != nil {
			t.Fatal(err)
		}
		got := mustInput(t, c, i)
		// The harness builds the groups and documents; cgcheck's cycles
		// (find_cycles) are checked against the Rego fallback elsewhere.
		gotValue := withoutCycles(got.value)
		// JSON made the harness's document numbers strings; compare as JSON.
		gotJSON, wantJSON := asJSON(t, gotValue), asJSON(t, want)
		if gotJSON != wantJSON {
			t.Errorf("%s: collector input differs from the harness's:\n got %.2000s\nwant %.2000s", rule.ID, gotJSON, wantJSON)
		}
		groups := gotValue.(ast.Object).Get(ast.StringTerm("groups")).Value.(ast.Object)
		if groups.Len() == 0 {
			t.Errorf("%s: no group passed; the synthetic registry plants every registry rule", rule.ID)
		}
	}
}

// withoutCycles is an input without the cycles cgcheck adds for a
// find_cycles rule: the input the rule's own Rego works its cycles out from.
func withoutCycles(v ast.Value) ast.Value {
	obj := v.(ast.Object)
	out := ast.NewObject()
	obj.Foreach(func(k, e *ast.Term) {
		if !k.Equal(ast.StringTerm("cycles")) {
			out.Insert(k, e)
		}
	})
	return out
}

// TestCyclesFoundInGoMatchTheRego: on registries with cycles of every
// kind (simple ones, ones through reports_to lists, self-reports, lines
// running into cycles), the reporting-cycle findings from the cycles cgcheck
// finds (input.cycles) are the findings the rule's own Rego works out,
// message for message and document for document.
func TestCyclesFoundInGoMatchTheRego(t *testing.T) {
	p := prepare(t)
	index := -1
	for i, r := range p.rules.Catalogue() {
		if r.ID == "reporting-cycle" {
			index = i
		}
	}
	check := func(t *testing.T, names []string, docs []*descriptor.Document) {
		t.Helper()
		c := collect(t, p, names, docs)
		r := p.rules.rules[index]
		in := mustInput(t, c, index)
		ctx := context.Background()
		given, err := r.query.Eval(ctx, in.value, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		own, err := r.query.Eval(ctx, withoutCycles(in.value), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		g, o := messages(given.Members("deny")), messages(own.Members("deny"))
		if len(g) == 0 {
			t.Fatal("no cycle found; the registry plants some")
		}
		if len(g) != len(o) {
			t.Fatalf("%d cycles from cgcheck, %d from the Rego", len(g), len(o))
		}
		for i := range g {
			if g[i].Msg != o[i].Msg {
				t.Errorf("cycle %d:\n cgcheck %s\n    Rego %s", i, g[i].Msg, o[i].Msg)
			}
			var gd, od []int
			for _, l := range g[i].Locations {
				gd = append(gd, l.Doc)
			}
			for _, l := range o[i].Locations {
				od = append(od, l.Doc)
			}
			if !slices.Equal(gd, od) {
				t.Errorf("cycle %d: documents %v from cgcheck, %v from the Rego", i, gd, od)
			}
		}
	}
	t.Run("overlap-heavy synthetic registry", func(t *testing.T) {
		files, docs := fixture.Descriptors(t, synth.Options{N: 1500, Seed: 4, Overlap: true})
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = f.Path
		}
		check(t, names, docs)
	})
	t.Run("crafted", func(t *testing.T) {
		lines := map[string]string{
			"a": "b", "b": "c", "c": "a", // a simple cycle
			"d": "[e, x]", "e": "d", // through a list that also names a board
			"f": "[g, h]", "g": "f", "h": "g", // through a list naming two descriptors
			"i": "i",                      // a self-report
			"j": "[j, k]", "k": "Council", // a self-report in a list
			"l": "a", "m": "l", // lines running into a cycle
		}
		names, docs := reportingLines(t, lines)
		check(t, names, docs)
	})
}

// reportingLines is a registry of one small descriptor per id, each
// reporting to what lines gives it (YAML: a name or a list), in id order.
func reportingLines(t *testing.T, lines map[string]string) ([]string, []*descriptor.Document) {
	t.Helper()
	var names []string
	var docs []*descriptor.Document
	for _, id := range slices.Sorted(maps.Keys(lines)) {
		d, err := descriptor.Parse([]byte(fmt.Sprintf("id: %s\ngovernance: {reports_to: %s}\n", id, lines[id])), descriptor.YAML)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, "reg/"+id+".yaml")
		docs = append(docs, d)
	}
	return names, docs
}

func asJSON(t *testing.T, v ast.Value) string {
	t.Helper()
	j, err := ast.JSON(v)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ast.InterfaceToValue(j)
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestFindingsNameFilesAndLines: the findings of a run name every file
// involved, sorted, and the line and column of each fact the rule points at.
func TestFindingsNameFilesAndLines(t *testing.T) {
	p := prepare(t)
	doc := func(id, reportsTo string) *descriptor.Document {
		d, err := descriptor.Parse([]byte(fmt.Sprintf("id: %s\nstatus: active\ngovernance:\n  reports_to: %s\n", id, reportsTo)), descriptor.YAML)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	names := []string{"reg/b.yaml", "reg/a.yaml", "reg/c.yaml"}
	docs := []*descriptor.Document{doc("x", "y"), doc("y", "x"), doc("x", "Council")}
	c := collect(t, p, names, docs)
	c.Add(Document{File: "reg/unreadable.yaml"}, nil) // a document that could not be read still counts
	reg, err := c.Evaluate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if reg.Status != finding.Fail {
		t.Errorf("status %s, want fail", reg.Status)
	}
	byRule := map[string]finding.RegistryFinding{}
	for _, f := range reg.Findings {
		byRule[f.Rule] = f
	}
	ids := byRule["unique-ids"]
	if fmt.Sprint(ids.Files) != "[reg/b.yaml reg/c.yaml]" || fmt.Sprint(ids.Locations) != "[{reg/b.yaml x 1 5} {reg/c.yaml x 1 5}]" {
		t.Errorf("unique-ids: files %v, locations %v", ids.Files, ids.Locations)
	}
	cycle := byRule["reporting-cycle"]
	if fmt.Sprint(cycle.Files) != "[reg/a.yaml reg/b.yaml]" || fmt.Sprint(cycle.Locations) != "[{reg/b.yaml x 4 15} {reg/a.yaml y 4 15}]" {
		t.Errorf("reporting-cycle: files %v, locations %v", cycle.Files, cycle.Locations)
	}
	if len(reg.Findings) != 2 {
		t.Errorf("%d findings, want 2: %+v", len(reg.Findings), reg.Findings)
	}
	for i := range c.tables {
		if len(c.tables[i].chunks) != 0 {
			t.Errorf("rule %d: facts still held after the run", i)
		}
	}
}

// TestOneDocumentRunsNoRules: registry rules need two documents checked,
// counting those that gave no facts.
func TestOneDocumentRunsNoRules(t *testing.T) {
	p := prepare(t)
	d, err := descriptor.Parse([]byte("id: x\nstatus: active\ngovernance: {reports_to: x}\n"), descriptor.YAML)
	if err != nil {
		t.Fatal(err)
	}
	c := collect(t, p, []string{"a.yaml"}, []*descriptor.Document{d})
	reg, err := c.Evaluate(context.Background())
	if err != nil || len(reg.Findings) != 0 || reg.Status != finding.Skip {
		t.Fatalf("one document: %+v, %v; want skip (nothing to compare) with no findings", reg, err)
	}
	c = collect(t, p, []string{"a.yaml"}, []*descriptor.Document{d})
	c.Add(Document{File: "b.yaml"}, nil)
	reg, err = c.Evaluate(context.Background())
	if err != nil || len(reg.Findings) != 1 || reg.Findings[0].Rule != "reporting-cycle" {
		t.Fatalf("one document and one unreadable: %+v, %v; want the self-report cycle", reg, err)
	}
}

// TestBatchesGiveTheFindingsOfOneWholeInput: judging a rule a part at a
// time (per_key: keys with the same members; find_cycles: one cycle), even
// one part per evaluation, gives exactly the findings of judging it once on
// all its groups, on a planted, an overlap-heavy and a crafted registry,
// whole and partial.
func TestBatchesGiveTheFindingsOfOneWholeInput(t *testing.T) {
	p := prepare(t)
	whole := func(t *testing.T, c *Collector) []finding.RegistryFinding {
		t.Helper()
		var out []finding.RegistryFinding
		for i, r := range c.rules.rules {
			in := mustInput(t, c, i)
			b, err := r.query.Eval(context.Background(), in.value, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			var found []judged
			for _, set := range []struct {
				items  []*ast.Term
				status finding.Status
			}{{b.Members("deny"), finding.Fail}, {b.Members("warn"), finding.Warn}} {
				for _, m := range messages(set.items) {
					if !c.partial || c.namesNamedFile(m) {
						found = append(found, judged{m, c.finding(r, set.status, m, in.positions)})
					}
				}
			}
			for _, j := range sortJudged(found) {
				out = append(out, j.finding)
			}
		}
		return out
	}
	check := func(t *testing.T, names []string, docs []*descriptor.Document, context ...bool) {
		t.Helper()
		want := whole(t, collect(t, p, names, docs, context...))
		if len(want) == 0 {
			t.Fatal("no registry finding; the registry plants some")
		}
		for _, size := range []int{1, 7, batchFacts} {
			c := collect(t, p, names, docs, context...)
			c.batchSize = size
			got, err := c.Evaluate(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if g, w := asText(t, got.Findings), asText(t, want); g != w {
				t.Errorf("batches of %d facts: findings differ from one whole input:\n got %.3000s\nwant %.3000s", size, g, w)
			}
		}
		// Facts kept in a temporary file rather than in memory, and every
		// key hashed alike (so the collector must tell keys apart by
		// reading them back).
		for _, v := range []struct {
			name    string
			spill   int
			collide bool
		}{{"facts on disk", 1, false}, {"every key one hash", spillMemory, true}} {
			if v.collide {
				old := keyHash
				keyHash = func(string) uint64 { return 7 }
				defer func() { keyHash = old }()
			}
			c := NewCollector(p.rules)
			c.spill.limit = v.spill
			for i, d := range docs {
				id, _ := d.Value.(map[string]any)["id"].(string)
				c.Add(Document{File: names[i], ID: id, Context: i < len(context) && context[i]}, p.facts(t, names[i], d))
			}
			if v.spill == 1 && c.spill.file == nil {
				t.Fatalf("%s: the facts were not moved to a temporary file", v.name)
			}
			got, err := c.Evaluate(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if g, w := asText(t, got.Findings), asText(t, want); g != w {
				t.Errorf("%s: findings differ from one whole input:\n got %.3000s\nwant %.3000s", v.name, g, w)
			}
		}
	}
	planted := func(n int, seed uint64, overlap bool) ([]string, []*descriptor.Document) {
		files, docs := fixture.Descriptors(t, synth.Options{N: n, Seed: seed, Overlap: overlap})
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = f.Path
		}
		return names, docs
	}
	t.Run("planted", func(t *testing.T) {
		names, docs := planted(300, 5, false)
		check(t, names, docs)
	})
	t.Run("overlap-heavy", func(t *testing.T) {
		names, docs := planted(500, 4, true)
		check(t, names, docs)
	})
	t.Run("overlap-heavy, partial", func(t *testing.T) {
		names, docs := planted(500, 4, true)
		context := make([]bool, len(docs))
		for i := range context {
			context[i] = i%50 != 0
		}
		check(t, names, docs, context...)
	})
	t.Run("crafted cycles sharing targets", func(t *testing.T) {
		lines := map[string]string{
			"a": "[b, hub]", "b": "a", // two cycles whose members also report to one hub
			"c": "[d, hub]", "d": "c",
			"hub": "Council",
			"e":   "e", "f": "[g, h]", "g": "f", "h": "g",
		}
		names, docs := reportingLines(t, lines)
		check(t, names, docs)
	})
}

// asText is findings as indented JSON, for comparing and for showing.
func asText(t *testing.T, fs []finding.RegistryFinding) string {
	t.Helper()
	b, err := json.MarshalIndent(fs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustInput is the i-th rule's whole input.
func mustInput(t *testing.T, c *Collector, i int) input {
	t.Helper()
	in, err := c.input(i)
	if err != nil {
		t.Fatal(err)
	}
	return in
}
