package check_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/testtool"
)

// newChecker checks as of synth.Today, 2008-10-01.
func newChecker(t testing.TB) *check.Checker {
	t.Helper()
	return &check.Checker{Schema: fixture.Validator(t), Evaluator: fixture.Evaluator(t)}
}

func examples(t testing.TB) []discover.Source {
	t.Helper()
	found, err := discover.Find([]string{filepath.Join(testtool.RepoRoot(t), "testdata", "examples")})
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Sources) < 10 {
		t.Fatalf("found %d examples", len(found.Sources))
	}
	return found.Sources
}

func runAll(t *testing.T, c *check.Checker, sources []discover.Source, jobs int) []*finding.Document {
	t.Helper()
	var docs []*finding.Document
	err := c.Run(context.Background(), check.Inputs(sources), jobs, func(d check.Checked) error {
		docs = append(docs, d.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestOrderAndResultsIndependentOfJobs: the same inputs give the same
// documents, in path order, with 1 worker or 8.
func TestOrderAndResultsIndependentOfJobs(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	src := examples(t)
	// Repeat the list so there are more files than workers and window.
	var many []discover.Source
	for i := 0; i < 5; i++ {
		many = append(many, src...)
	}
	one, _ := json.Marshal(runAll(t, c, many, 1))
	eight, _ := json.Marshal(runAll(t, c, many, 8))
	if !bytes.Equal(one, eight) {
		t.Fatal("results differ between --jobs 1 and --jobs 8")
	}
	docs := runAll(t, c, src, 3)
	for i := 1; i < len(docs); i++ {
		if docs[i-1].File > docs[i].File {
			t.Errorf("out of order: %s before %s", docs[i-1].File, docs[i].File)
		}
	}
}

func TestExamplesGiveTheirIntendedStatus(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	got := map[string]finding.Status{}
	for _, d := range runAll(t, c, examples(t), 0) {
		got[filepath.Base(d.File)] = d.Status
		for _, f := range d.Findings {
			if f.Status != finding.Pass && f.Status != finding.Skip && f.Line == 0 {
				t.Errorf("%s: finding %s has no line", d.File, f.Rule)
			}
		}
	}
	want := map[string]finding.Status{
		"civic-centre.yaml": finding.Pass, "korsakoff.json": finding.Pass,
		"eleven-partners.json": finding.Warn, "late-monitoring.json": finding.Warn,
		"too-many-partners.yaml": finding.Fail, "no-lead.yaml": finding.Fail,
		"consultee-lead.json": finding.Fail, "weak-authority.yaml": finding.Fail,
		"bolted-on-monitoring.yaml": finding.Fail, "passive-members.yaml": finding.Fail,
		"bad-references.json": finding.Fail, "waivers.yaml": finding.Fail,
		"generic-proposal.yaml": finding.Fail, "qualitative-pilot.yaml": finding.Warn,
		"two-council-npf.yaml": finding.Pass, "loip-linked.yaml": finding.Pass,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statuses (-want +got):\n%s", diff)
	}
}

// TestExamplesShowWhatTheirREADMESays pins, for each bundled example, every
// rule that does not pass and its status, as testdata/examples/README.md
// explains them under catalogue v2: each example is sound apart from what it
// is meant to show.
func TestExamplesShowWhatTheirREADMESays(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	got := map[string][]string{}
	for _, d := range runAll(t, c, examples(t), 0) {
		seen := map[string]bool{}
		shown := []string{}
		for _, f := range d.Findings {
			key := f.Rule + ":" + string(f.Status)
			if f.Status != finding.Pass && f.Status != finding.Skip && !seen[key] {
				seen[key] = true
				shown = append(shown, key)
			}
		}
		slices.Sort(shown)
		got[filepath.Base(d.File)] = shown
	}
	want := map[string][]string{
		"bad-references.json":       {"references-resolve:fail"},
		"bolted-on-monitoring.yaml": {"monitoring-at-outset:fail"},
		"civic-centre.yaml":         {},
		"consultee-lead.json":       {"single-lead:fail"},
		"eleven-partners.json":      {"group-size:warn"},
		"generic-proposal.yaml": {
			"added-value-stated:warn", "client-groups-defined:warn", "critical-mass:warn", "lessons-shared:warn",
			"mandate-defined:warn", "no-gain-areas:warn", "partner-remit-known:warn", "placeholder-text:fail",
			"risk-managed:warn", "specific-task:warn",
		},
		"korsakoff.json":         {},
		"late-monitoring.json":   {"monitoring-at-outset:warn"},
		"loip-linked.yaml":       {},
		"no-lead.yaml":           {"references-resolve:fail", "single-lead:fail"},
		"passive-members.yaml":   {"critical-mass:fail", "critical-mass:warn"},
		"qualitative-pilot.yaml": {"monitoring-at-outset:warn"},
		"too-many-partners.yaml": {"group-size:fail"},
		"two-council-npf.yaml":   {},
		"waivers.yaml": {
			"collaborative-activity-measure:warn", "pre-partnership-trend:waived", "structure-review:warn",
			"waiver-expired:warn", "waiver-valid:fail",
		},
		"weak-authority.yaml": {"delegated-authority:fail", "delegated-authority:warn"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules not passing, by example (-want +got):\n%s", diff)
	}
}

// writeFile writes a file and returns it as a source named on the command
// line, so it is checked in full whatever it holds.
func writeFile(t *testing.T, dir, name, body string) discover.Source {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return discover.Source{Path: p, Explicit: true}
}

// civicCentre is the bundled example that passes every rule.
func civicCentre(t *testing.T) []byte {
	t.Helper()
	good, err := os.ReadFile(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", "civic-centre.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return good
}

func TestBadFilesBecomeFindingsAndOthersAreStillChecked(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	dir := t.TempDir()
	good := civicCentre(t)
	sources := []discover.Source{
		writeFile(t, dir, "a-syntax.json", "{\n  \"id\": \"x\",\n  \"name\" \"y\"\n}\n"),
		writeFile(t, dir, "b-schema.yaml", strings.Replace(string(good), "type: task_limited", "type: task_limited\ncolour: blue", 1)),
		writeFile(t, dir, "c-good.yaml", string(good)),
		writeFile(t, dir, "d-empty.yaml", ""),
		{Path: filepath.Join(dir, "e-missing.yaml"), Explicit: true},
	}
	docs := runAll(t, c, sources, 2)
	if len(docs) != 5 {
		t.Fatalf("got %d documents, want 5", len(docs))
	}
	first := func(d *finding.Document) finding.Finding { return d.Findings[0] }
	if f := first(docs[0]); f.Rule != "parse" || f.Line != 3 || f.Column != 10 {
		t.Errorf("syntax error finding = %+v, want parse at 3:10", f)
	}
	if f := first(docs[1]); f.Rule != "schema" || !strings.Contains(f.Message, `unknown property "colour"`) || f.Line == 0 {
		t.Errorf("schema finding = %+v", f)
	}
	for _, f := range docs[1].Findings[1:] {
		if f.Status != finding.Skip {
			t.Errorf("rule %s is %s on a document that breaks the schema, want skip", f.Rule, f.Status)
		}
	}
	if docs[2].Status != finding.Pass {
		t.Errorf("good file status = %s", docs[2].Status)
	}
	if f := first(docs[3]); f.Rule != "parse" || !strings.Contains(f.Message, "empty") {
		t.Errorf("empty file finding = %+v", f)
	}
	if f := first(docs[4]); f.Rule != "parse" || !strings.Contains(f.Message, "cannot read") {
		t.Errorf("missing file finding = %+v", f)
	}
}

// TestFilesFoundThatAreNotDescriptorsAreSkipped: in a folder walk, a YAML or
// JSON file that parses but has no cgcheck schema at its top level (a
// mkdocs.yml, a CI file) is passed over with a reason and never judged; a
// file that does not parse, or is empty, is checked (a broken descriptor
// fails where it is seen); a file named on the command line is always
// checked in full; a UTF-16 file, whose schema line cannot be read as
// text, is checked and told to be saved as UTF-8.
func TestFilesFoundThatAreNotDescriptorsAreSkipped(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	dir := t.TempDir()
	good := civicCentre(t)
	found := func(s discover.Source) discover.Source { s.Explicit = false; return s }
	mkdocs := found(writeFile(t, dir, "mkdocs.yml", "site_name: Partnerships\nnav:\n  - index.md\n"))
	ci := found(writeFile(t, dir, "ci.json", `{"jobs": {"check": {"schema": "other/v1"}}}`))
	lost := found(writeFile(t, dir, "lost.yaml", strings.Replace(string(good), "schema: cgcheck/partnership/v1\n", "", 1)))
	flow := found(writeFile(t, dir, "flow.yaml", `{schema: cgcheck/partnership/v1, id: x}`))
	wide := found(writeFile(t, dir, "wide.yaml", "\xff\xfes\x00c\x00"))
	broken := found(writeFile(t, dir, "broken.yaml", "id: x\n  name: [unclosed\n"))
	empty := found(writeFile(t, dir, "empty.yaml", ""))
	nested := found(writeFile(t, dir, "nested.yaml", "schema:\n  cgcheck/partnership/v1\nid: x\n"))
	descriptor := found(writeFile(t, dir, "good.yaml", string(good)))
	for _, tc := range []struct {
		src     discover.Source
		skipped string // a phrase of the reason; "" when checked
	}{
		{mkdocs, `not a cgcheck descriptor: it has no "schema: cgcheck/partnership/v1" line`},
		{ci, "not a cgcheck descriptor"},
		{lost, "it lists partners, as a descriptor does: if it is one, add that line at the top"},
		{flow, ""},
		{wide, ""},
		{broken, ""}, // does not parse: a broken descriptor must fail where it is seen
		{empty, ""},
		{nested, ""}, // a schema line the text test misses, but the parse finds
		{descriptor, ""},
	} {
		got := c.CheckWithFacts(context.Background(), tc.src)
		if !strings.Contains(got.Skipped, tc.skipped) || (tc.skipped == "") != (got.Skipped == "") {
			t.Errorf("%s: skipped %q, want %q", tc.src.Path, got.Skipped, tc.skipped)
		}
		if got.Skipped != "" && (len(got.Doc.Findings) > 0 || got.Facts != nil) {
			t.Errorf("%s: skipped but judged: %+v", tc.src.Path, got.Doc.Findings)
		}
	}
	// Named, the same files are checked in full: a descriptor that lost
	// its schema line fails the schema.
	named := c.CheckWithFacts(context.Background(), discover.Source{Path: lost.Path, Explicit: true})
	if named.Skipped != "" || named.Doc.Status != finding.Fail || named.Doc.Findings[0].Rule != "schema" {
		t.Errorf("named lost.yaml: %+v", named.Doc.Findings)
	}
	if c.CheckWithFacts(context.Background(), discover.Source{Path: mkdocs.Path, Explicit: true}).Skipped != "" {
		t.Error("a named mkdocs.yml was skipped")
	}
}

func TestStdin(t *testing.T) {
	t.Parallel()
	c := newChecker(t)
	c.Stdin = strings.NewReader(`{"schema": "cgcheck/partnership/v1"}`)
	d := c.Check(context.Background(), discover.Source{Path: discover.Stdin})
	if d.File != "<stdin>" || d.Status != finding.Fail || d.Findings[0].Rule != "schema" {
		t.Errorf("stdin document = %+v", d)
	}
}
