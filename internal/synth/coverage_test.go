package synth_test

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture/pipeline"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/internal/synth"
)

// registryRules are the registry rules of rules.md. Each must fire on a
// generated registry of a few hundred files; those the policies do not
// define yet are checked against the files themselves.
var registryRules = []string{"unique-ids", "overlapping-partnerships", "representative-overload", "reporting-cycle"}

// unreachable are per-document levels no descriptor that passes the schema
// can give, with the check that proves it still holds.
var unreachable = map[string]map[string]func(t *testing.T, v *schema.Validator){
	// accountable-measures fails for a measure without an owner, but the
	// schema requires an owner matching the identifier pattern, so it never
	// reaches the rule; the rule is kept for custom schemas (rules.md).
	"accountable-measures": {"fail": func(t *testing.T, v *schema.Validator) {
		for _, owner := range []string{`""`, `" "`, `null`} {
			doc := `{"schema": "cgcheck/partnership/v1", "id": "x", "name": "x", "area": "x", "status": "active",
				"type": "one_off", "purpose": {"task": "x", "why_partnership": "x", "agreed_by": ["a"]},
				"lifecycle": {"start": "2008-01-01"}, "lead": {"partner": "a", "person": "x"},
				"partners": [{"id": "a", "name": "x", "role": "core"}], "governance": {"body": "x", "reports_to": "x"},
				"monitoring": {"measures": [{"id": "m", "indicator": "x", "kind": "outcome", "level": "strategic",
				"better": "higher", "owner": ` + owner + `}]}}`
			parsed, err := descriptor.Parse([]byte(doc), descriptor.JSON)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Validate(parsed.Value)) == 0 {
				t.Errorf("a measure with owner %s passes the schema: accountable-measures fail is reachable, so the generator should show it", owner)
			}
		}
	}},
}

func newChecker(t *testing.T) *check.Checker {
	t.Helper()
	return pipeline.Checker(t)
}

// TestRegistryCoversEveryRule runs the real pipeline over a generated
// registry of 300 files, as `cgcheck check --today 2008-10-01 DIR` does, and
// checks the generator's promises: every built-in per-document rule passes
// somewhere and gives each of its levels somewhere; every file gives the
// findings its scenarios are there for, and a clean file nothing worse than
// waived; only the broken files fail to parse or break the schema; every
// registry rule fires, only on the files planted for it, and rarely.
func TestRegistryCoversEveryRule(t *testing.T) {
	t.Parallel()
	files := generate(t, synth.Options{N: 300, Seed: 1, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON})
	run := runPipeline(t, files)
	run.coversEveryRule(t)

	// Every registry rule fires, only on files planted for it, rarely.
	fired := run.fired()
	for _, fd := range run.reg.Findings {
		for _, file := range fd.Files {
			if f := run.byPath[file]; !slices.Contains(f.Registry, fd.Rule) {
				t.Errorf("registry rule %s names %s, which was not planted for it: %s", fd.Rule, f.Path, fd.Message)
			}
		}
	}
	loaded := map[string]bool{}
	for _, r := range run.c.Registry.Catalogue() {
		loaded[r.ID] = true
		if r.Builtin && !slices.Contains(registryRules, r.ID) {
			t.Errorf("built-in registry rule %s is not in this test's list", r.ID)
		}
	}
	planted := plantedFiles(files)
	for _, rule := range registryRules {
		if len(planted[rule]) == 0 {
			t.Errorf("no file is planted for registry rule %s", rule)
		}
		if !loaded[rule] {
			t.Logf("registry rule %s is not defined by the policies yet; checked its files directly", rule)
			continue
		}
		if fired[rule] == 0 {
			t.Errorf("registry rule %s does not fire (planted in %v)", rule, planted[rule])
		}
		if fired[rule] > 2 {
			t.Errorf("registry rule %s fires %d times on 300 files; a real registry is mostly clean", rule, fired[rule])
		}
	}
	checkPlantedDirectly(t, files, planted)
}

// TestOverlapKeepsEveryScenario: making a registry overlap-heavy leaves the
// per-document scenarios alone. Through the real pipeline, every file of an
// overlap-heavy registry gives the findings its scenarios are there for,
// clean files stay clean, every level of every rule is still shown, and
// each registry rule fires, the first three far more often than on a plain
// registry (at most twice in 300 files there).
func TestOverlapKeepsEveryScenario(t *testing.T) {
	t.Parallel()
	const n = 600
	run := runPipeline(t, generate(t, synth.Options{N: n, Seed: 2, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON, Overlap: true}))
	run.coversEveryRule(t)
	fired := run.fired()
	t.Logf("registry findings: %v", fired)
	for rule, least := range map[string]int{"overlapping-partnerships": n / 20, "representative-overload": n / 50, "reporting-cycle": 2, "unique-ids": 1} {
		if fired[rule] < least {
			t.Errorf("registry rule %s fires %d times on %d overlap-heavy files, want at least %d", rule, fired[rule], n, least)
		}
	}
}

// pipelineRun is what the real pipeline made of a generated registry.
type pipelineRun struct {
	c      *check.Checker
	byPath map[string]synth.File             // path as written → file
	seen   map[string]map[finding.Status]int // rule → status → documents
	reg    finding.Registry
}

// runPipeline writes files to a folder and checks them as `cgcheck check
// --today 2008-10-01 DIR` does. On the way it checks each file: only the
// broken files fail to parse or break the schema, every other file gives
// the findings its scenarios are there for, and a clean file nothing worse
// than waived.
func runPipeline(t *testing.T, files []synth.File) pipelineRun {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	run := pipelineRun{c: newChecker(t), byPath: map[string]synth.File{}, seen: map[string]map[finding.Status]int{}}
	for _, f := range files {
		run.byPath[filepath.Join(dir, filepath.FromSlash(f.Path))] = f
	}
	found, err := discover.Find([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Sources) != len(files) {
		t.Fatalf("discover found %d files, want %d", len(found.Sources), len(files))
	}

	ctx := context.Background()
	collected := registry.NewCollector(run.c.Registry)
	err = run.c.Run(ctx, check.Inputs(found.Sources), 0, func(ck check.Checked) error {
		d, f := ck.Doc, run.byPath[ck.Doc.File]
		collected.Add(registry.Document{File: d.File, ID: d.ID}, ck.Facts)
		statuses := map[string]map[finding.Status]bool{}
		for _, fd := range d.Findings {
			if statuses[fd.Rule] == nil {
				statuses[fd.Rule] = map[finding.Status]bool{}
			}
			statuses[fd.Rule][fd.Status] = true
		}
		for rule, ss := range statuses {
			if run.seen[rule] == nil {
				run.seen[rule] = map[finding.Status]int{}
			}
			for s := range ss {
				run.seen[rule][s]++
			}
		}
		unreadable := statuses[finding.RuleParse] != nil || statuses[finding.RuleSchema] != nil
		if (f.Broken != "") != unreadable {
			t.Errorf("%s: broken %q, but parse/schema findings %v", f.Path, f.Broken, statuses)
			return nil
		}
		if f.Broken != "" {
			return nil
		}
		for _, e := range f.Shows {
			if !statuses[e.Rule][finding.Status(e.Level)] {
				t.Errorf("%s (%v): rule %s is %v, want %s", f.Path, f.Scenarios, e.Rule, keys(statuses[e.Rule]), e.Level)
			}
		}
		if len(f.Shows) == 0 {
			for _, fd := range d.Findings {
				if fd.Status == finding.Warn || fd.Status == finding.Fail {
					t.Errorf("%s (%v) is meant to be clean, but %s is %s: %s", f.Path, f.Scenarios, fd.Rule, fd.Status, fd.Message)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if run.reg, err = collected.Evaluate(ctx); err != nil {
		t.Fatal(err)
	}
	return run
}

// coversEveryRule checks that every built-in per-document rule passes on
// some descriptor and gives each of its levels on some descriptor.
func (run pipelineRun) coversEveryRule(t *testing.T) {
	t.Helper()
	for _, r := range run.c.Evaluator.Rules() {
		if !r.Builtin {
			continue
		}
		if run.seen[r.ID][finding.Pass] == 0 {
			t.Errorf("rule %s passes on no descriptor (statuses %v)", r.ID, run.seen[r.ID])
		}
		for _, level := range r.Levels {
			if prove, ok := unreachable[r.ID][level]; ok {
				prove(t, run.c.Schema)
				continue
			}
			if run.seen[r.ID][finding.Status(level)] == 0 {
				t.Errorf("rule %s gives %s on no descriptor (statuses %v)", r.ID, level, run.seen[r.ID])
			}
		}
	}
}

// fired counts the registry findings of each rule.
func (run pipelineRun) fired() map[string]int {
	out := map[string]int{}
	for _, fd := range run.reg.Findings {
		out[fd.Rule]++
	}
	return out
}

func keys(m map[finding.Status]bool) []finding.Status {
	var out []finding.Status
	for s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func plantedFiles(files []synth.File) map[string][]string {
	out := map[string][]string{}
	for _, f := range files {
		for _, r := range f.Registry {
			out[r] = append(out[r], f.Path)
		}
	}
	return out
}

// checkPlantedDirectly reads the valid files and checks, independently of
// the policies, that each registry condition holds exactly among the files
// planted for it.
func checkPlantedDirectly(t *testing.T, files []synth.File, planted map[string][]string) {
	t.Helper()
	type doc struct {
		path, id, status                        string
		areas, reportsTo, groups, links, people []string
	}
	var docs []doc
	for _, f := range files {
		if f.Broken != "" {
			continue
		}
		format, _ := descriptor.FormatForPath(f.Path)
		parsed, err := descriptor.Parse(f.Data, format)
		if err != nil {
			t.Fatal(err)
		}
		m := parsed.Value.(map[string]any)
		d := doc{path: f.Path, id: m["id"].(string), status: m["status"].(string)}
		// area and reports_to are a string or a list of strings (revision 2).
		for _, a := range texts(m["area"]) {
			d.areas = append(d.areas, strings.Join(strings.Fields(strings.ToLower(a)), ""))
		}
		d.reportsTo = texts(m["governance"].(map[string]any)["reports_to"])
		for _, g := range list(m["client_groups"]) {
			d.groups = append(d.groups, strings.Join(strings.Fields(strings.ToLower(g.(map[string]any)["name"].(string))), ""))
		}
		for _, l := range list(m["purpose"].(map[string]any)["outcome_links"]) {
			lm := l.(map[string]any)
			d.links = append(d.links, lm["framework"].(string)+" "+lm["ref"].(string))
		}
		for _, p := range list(m["partners"]) {
			if rep, ok := p.(map[string]any)["representative"].(map[string]any); ok {
				if person, ok := rep["person"].(string); ok {
					d.people = append(d.people, strings.ToLower(strings.TrimSpace(person)))
				}
			}
		}
		docs = append(docs, d)
	}
	involved := map[string]map[string]bool{}
	add := func(rule string, paths ...string) {
		if involved[rule] == nil {
			involved[rule] = map[string]bool{}
		}
		for _, p := range paths {
			involved[rule][p] = true
		}
	}
	ids := map[string][]string{}
	seats := map[string]map[string]bool{}
	overlap := map[string][]string{}
	for _, d := range docs {
		ids[d.id] = append(ids[d.id], d.path)
		if d.status == "closed" {
			continue
		}
		for _, p := range d.people {
			if seats[p] == nil {
				seats[p] = map[string]bool{}
			}
			seats[p][d.path] = true
		}
		keys := map[string]bool{}
		for _, a := range d.areas {
			for _, g := range d.groups {
				for _, l := range d.links {
					keys[a+"|"+g+"|"+l] = true
				}
			}
		}
		for k := range keys {
			overlap[k] = append(overlap[k], d.path)
		}
	}
	for _, paths := range ids {
		if len(paths) > 1 {
			add("unique-ids", paths...)
		}
	}
	for _, paths := range seats {
		if len(paths) > 4 {
			for p := range paths {
				add("representative-overload", p)
			}
		}
	}
	for _, paths := range overlap {
		if len(paths) > 1 {
			add("overlapping-partnerships", paths...)
		}
	}
	// reporting-cycle: follow every reports_to entry through descriptor ids;
	// a descriptor is on a cycle when it can reach itself.
	next := map[string][]string{}
	pathOf := map[string]string{}
	for _, d := range docs {
		if len(ids[d.id]) == 1 {
			next[d.id], pathOf[d.id] = d.reportsTo, d.path
		}
	}
	for start := range next {
		seenIDs := map[string]bool{}
		todo := slices.Clone(next[start])
		for len(todo) > 0 {
			id := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if _, ok := next[id]; !ok || seenIDs[id] {
				continue
			}
			if id == start {
				add("reporting-cycle", pathOf[start])
				break
			}
			seenIDs[id] = true
			todo = append(todo, next[id]...)
		}
	}
	for _, rule := range registryRules {
		var got []string
		for p := range involved[rule] {
			got = append(got, p)
		}
		sort.Strings(got)
		want := slices.Clone(planted[rule])
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("registry condition %s holds for %v, want exactly the planted files %v", rule, got, want)
		}
	}
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// texts reads a field that is a string or a list of strings.
func texts(v any) []string {
	if s, ok := v.(string); ok {
		return []string{s}
	}
	var out []string
	for _, e := range list(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
