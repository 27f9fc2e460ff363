package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is a small run covering every status, a waiver, a parse failure
// and a registry finding, so each format's golden file shows all of them.
// Findings carry only their rule's id: what the formats show of a rule comes
// from sampleRules, or for parse from catalogue.ToolRules.
func sample() ([]*finding.Document, finding.Summary, finding.Registry) {
	ptr := finding.Ptr
	good := &finding.Document{File: "registry/civic.yaml", ID: "civic-centre", Partnership: &finding.Partnership{
		Name: "Civic Centre Access Partnership", Areas: []string{"Midlothian", "East Lothian"}, Status: "proposed", Type: "time_limited",
		Lead: &finding.Lead{Partner: "mc", Organisation: "Midlothian Council", Person: "Head of Customer Services"},
	}, Findings: []finding.Finding{
		{Rule: "single-lead", Theme: "governance", Status: finding.Pass, Message: "One named lead", Pointer: ptr(""), Line: 1, Column: 1},
		{Rule: "structure-review", Theme: "governance", Status: finding.Skip, Message: "status is proposed", Pointer: ptr(""), Line: 1, Column: 1},
		{Rule: "outcome-link", Theme: "purpose", Status: finding.Waived, Message: "purpose.outcome_links is empty", Pointer: ptr("/purpose"), Line: 7, Column: 3,
			Waiver: &finding.Waiver{Justification: "Outcome links are set by the SOA refresh due next quarter", ApprovedBy: "CPP Board", Expires: "2009-03-31", Waives: finding.Warn}},
	}}
	bad := &finding.Document{File: "registry/korsakoff.yaml", ID: "inverclyde-korsakoff", Partnership: &finding.Partnership{
		Name: "Inverclyde Korsakoff's Syndrome Service", Areas: []string{"Inverclyde"}, Status: "active", Type: "continuing",
		Lead: &finding.Lead{Partner: "nhs"},
	}, Findings: []finding.Finding{
		{Rule: "single-lead", Theme: "governance", Status: finding.Fail, Message: `lead.partner "nhs" is not one of the partners`, Pointer: ptr("/lead/partner"), Line: 14, Column: 12},
		{Rule: "evidence-base", Theme: "evidence", Status: finding.Warn, Message: "All 2 evidence items are quantitative; none is qualitative", Pointer: ptr("/evidence"), Line: 30, Column: 3},
		{Rule: "group-size", Theme: "governance", Status: finding.Pass, Message: "A tight core group", Pointer: ptr(""), Line: 1, Column: 1},
	}}
	broken := &finding.Document{File: "registry/broken.json", Findings: []finding.Finding{
		{Rule: "parse", Theme: "integrity", Status: finding.Fail, Message: "JSON syntax error: invalid character '}' after object value", Line: 3, Column: 1},
	}}
	docs := []*finding.Document{good, bad, broken}
	var s finding.Summary
	for _, d := range docs {
		d.Finish(catalogue.Themes)
		s.Add(d)
	}
	reg := finding.Registry{Status: finding.Fail, Findings: []finding.RegistryFinding{{
		Rule: "unique-ids", Status: finding.Fail, Message: `id "civic-centre" is used by 2 descriptors`,
		Files:     []string{"registry/a.yaml", "registry/b.yaml"},
		Locations: []finding.Location{{File: "registry/a.yaml", Line: 2, Column: 5}, {File: "registry/b.yaml", Line: 2, Column: 5}},
	}, longGroup()}}
	return docs, s, reg
}

// longGroup is a registry finding naming twelve partnerships, as a group of
// overlapping partnerships does: the text report lists the first ten and
// says how many more, the other formats list them all.
func longGroup() finding.RegistryFinding {
	f := finding.RegistryFinding{
		Rule: "shared-people", Status: finding.Warn,
		Message: `12 partnerships in area "Fife" serve the same client group ("Carers") towards the same outcome (npf "health"): "p01" (registry/p01.yaml), "p02" (registry/p02.yaml) and 10 more. They may overlap or duplicate effort`,
	}
	for i := 1; i <= 12; i++ {
		file := fmt.Sprintf("registry/p%02d.yaml", i)
		f.Files = append(f.Files, file)
		f.Locations = append(f.Locations, finding.Location{File: file, ID: fmt.Sprintf("p%02d", i), Line: 9, Column: 11})
	}
	return f
}

// sampleRules is the catalogue metadata of the rules in sample(), as
// Run.Rules carries it: every format takes titles, the study's words and
// remediations from here.
func sampleRules() []*catalogue.Rule {
	return []*catalogue.Rule{
		{ID: "outcome-link", Theme: "purpose", Severity: "warn", Levels: []string{"warn"}, Builtin: true,
			Title: "Linked to national outcomes", Description: "The partnership links its work to the national outcomes it serves.",
			Section: "Context", Quote: "15 key national outcomes", Remediation: "Link the work to the outcomes it serves.",
			File: "policies/cgcheck/rules/purpose/outcome_link/outcome_link.rego"},
		{ID: "group-size", Theme: "governance", Severity: "warn", Levels: []string{"warn"}, Builtin: true,
			Title: "A tight core group", Description: "The core group is small enough to act.",
			Section: "Clarity of Leadership, Governance and Performance Management", Quote: "a tight core group", Remediation: "Keep the core group small.",
			Params: []catalogue.Param{{Name: "max_core_group", Type: "integer", Default: 12}}},
		{ID: "single-lead", Theme: "governance", Severity: "fail", Levels: []string{"fail"}, Builtin: true,
			Title: "One named lead", Description: "The partnership names one lead organisation, which is one of its partners, and one lead person.",
			Section: "Clarity of Leadership, Governance and Performance Management", Quote: "led / co-ordinated by one named individual/ organisation",
			Remediation: "Name one lead organisation from partners and one lead person."},
		{ID: "structure-review", Theme: "governance", Severity: "warn", Levels: []string{"warn"}, Builtin: true,
			Title: "Structure reviewed", Description: "An active partnership has reviewed its structure.", Remediation: "Review the structure."},
		{ID: "evidence-base", Theme: "evidence", Severity: "warn", Levels: []string{"warn"}, Builtin: true,
			Title: "Mixed evidence base", Description: "The evidence is both quantitative and qualitative.",
			Section: "Key Messages", Quote: "Service interventions need to be informed by robust evidence", Remediation: "Add qualitative evidence."},
		{ID: "unique-ids", Theme: "registry", Severity: "fail", Levels: []string{"fail"}, Builtin: true,
			Title: "Unique descriptor ids", Description: "No two descriptors checked together share an id.", Remediation: "Give each descriptor an id of its own."},
		{ID: "shared-people", Theme: "registry", Severity: "warn", Levels: []string{"warn"},
			Title: "People shared across partnerships", Description: "A custom registry rule that found nothing.", Remediation: "Spread the load."},
	}
}

// sampleRun is the run the golden files describe.
func sampleRun() report.Run {
	return report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01", Rules: sampleRules(), FailOn: finding.Fail,
		// SARIF: the files are relative to the repository root, under
		// %SRCROOT%, and the rules link to a published catalogue.
		SourceRoot: "/src/partnerships", WorkDir: "/src/partnerships",
		HomeURL: "https://example.org/cgcheck", RulesURL: "https://example.org/cgcheck/docs/rules.md"}
}

func render(t *testing.T, format string, run report.Run) []byte {
	t.Helper()
	docs, s, reg := sample()
	return renderDocs(t, format, run, docs, s, reg)
}

// renderDocs runs one format over the given results, as the check command
// does: Start, each document, Finish.
func renderDocs(t *testing.T, format string, run report.Run, docs []*finding.Document, s finding.Summary, reg finding.Registry) []byte {
	t.Helper()
	var buf bytes.Buffer
	r, err := report.New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(run); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := r.Document(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(s, reg); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostile is a run whose names and messages hold what formats must escape:
// spaces, non-ASCII, commas, colons, percent signs, quotes, angle brackets,
// line breaks, a control character and "]]>"; an absolute path; one rule
// with several findings; and a rule the run's catalogue does not describe.
func hostile() ([]*finding.Document, finding.Summary, finding.Registry) {
	ptr := finding.Ptr
	weird := &finding.Document{File: "./my docs/Dún Éideann, 50%: <draft>.yaml", ID: "dun-eideann", Findings: []finding.Finding{
		{Rule: "single-lead", Theme: "governance", Status: finding.Fail, Message: "lead \"a, b\": 50% <unclear> & ]]> \x01bell\r\nsecond line::error::injected",
			Pointer: ptr("/lead"), Line: 2, Column: 14},
		{Rule: "custom-check", Theme: "action", Status: finding.Warn, Message: "from a custom policy", Pointer: ptr(""), Line: 1, Column: 1},
	}}
	schema := &finding.Document{File: "/abs/path/b c.json", Findings: []finding.Finding{
		{Rule: "schema", Theme: "integrity", Status: finding.Fail, Message: "/lead: missing property 'person'", Pointer: ptr("/lead"), Line: 4, Column: 3},
		{Rule: "schema", Theme: "integrity", Status: finding.Fail, Message: "/start: 'soon' is not a date", Pointer: ptr("/start"), Line: 9, Column: 10},
		{Rule: "single-lead", Theme: "governance", Status: finding.Skip, Message: "not checked: the descriptor does not match the schema", Pointer: ptr(""), Line: 1, Column: 1},
	}}
	unreadable := &finding.Document{File: "odd:name.yaml", Findings: []finding.Finding{
		{Rule: "parse", Theme: "integrity", Status: finding.Fail, Message: "not UTF-8"},
	}}
	docs := []*finding.Document{weird, schema, unreadable}
	var s finding.Summary
	for _, d := range docs {
		d.Finish(catalogue.Themes)
		s.Add(d)
	}
	reg := finding.Registry{Status: finding.Warn, Findings: []finding.RegistryFinding{{
		Rule: "shared-people", Status: finding.Warn, Message: "a person, \"J. Smith\", leads 3 partnerships",
		Files: []string{"./my docs/Dún Éideann, 50%: <draft>.yaml", "/abs/path/b c.json"},
	}}}
	return docs, s, reg
}

func TestGolden(t *testing.T) {
	run := sampleRun()
	with := func(change func(*report.Run)) report.Run {
		r := sampleRun()
		change(&r)
		return r
	}
	cases := []struct {
		name, format string
		run          report.Run
	}{
		{"text", "text", run},
		{"text-verbose", "text", with(func(r *report.Run) { r.Verbose = true })},
		{"text-explain", "text", with(func(r *report.Run) { r.Explain = true })},
		{"json", "json", run},
		{"sarif", "sarif", run},
		{"junit", "junit", run},
		{"junit-fail-on-warn", "junit", with(func(r *report.Run) { r.FailOn = finding.Warn })},
		{"github", "github", run},
		{"github-explain", "github", with(func(r *report.Run) { r.Explain = true })},
		{"markdown", "markdown", run},
		{"html", "html", run},
		{"csv", "csv", run},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkGolden(t, tc.name, string(render(t, tc.format, tc.run)))
		})
	}
}

// checkGolden compares got with testdata/NAME.golden, which -update
// rewrites.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
	}
}

// TestJSONIsValidAndComplete checks the JSON output parses and holds the
// fields cli.md promises consumers.
func TestJSONIsValidAndComplete(t *testing.T) {
	out := render(t, "json", report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01"})
	var got struct {
		Tool      map[string]string `json:"tool"`
		Today     string            `json:"today"`
		Summary   finding.Summary   `json:"summary"`
		Documents []struct {
			File     string            `json:"file"`
			Status   string            `json:"status"`
			Themes   map[string]string `json:"themes"`
			Findings []map[string]any  `json:"findings"`
		} `json:"documents"`
		Registry struct {
			Status   string           `json:"status"`
			Findings []map[string]any `json:"findings"`
		} `json:"registry"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	want := finding.Summary{Documents: 3, Pass: 1, Warn: 0, Fail: 2, Waived: 1, Areas: []finding.AreaCount{
		{Area: "East Lothian", Documents: 1, Pass: 1}, {Area: "Inverclyde", Documents: 1, Fail: 1},
		{Area: "Midlothian", Documents: 1, Pass: 1}, {Area: finding.NoArea, Documents: 1, Fail: 1},
	}}
	if diff := cmp.Diff(want, got.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if got.Tool["name"] != "cgcheck" || got.Today != "2008-10-01" {
		t.Errorf("tool/today = %v %q", got.Tool, got.Today)
	}
	if len(got.Documents[0].Themes) != len(catalogue.Themes) {
		t.Errorf("themes = %v, want all of %v", got.Documents[0].Themes, catalogue.Themes)
	}
	if w := got.Documents[0].Findings[2]["waiver"]; w == nil {
		t.Errorf("waived finding lost its waiver: %v", got.Documents[0].Findings[2])
	}
	if got.Registry.Findings[0]["files"] == nil {
		t.Errorf("registry finding has no files: %v", got.Registry.Findings[0])
	}
}

// TestFormats: every format this package implements is registered, and
// asking for an unknown one names them all.
func TestFormats(t *testing.T) {
	t.Parallel()
	want := []string{"csv", "github", "html", "json", "junit", "markdown", "sarif", "text", "xlsx"}
	got := report.Formats()
	if !slices.IsSorted(got) {
		t.Errorf("Formats() = %v, not sorted", got)
	}
	for _, name := range want {
		if !slices.Contains(got, name) {
			t.Errorf("Formats() = %v, missing %q", got, name)
		}
		if _, err := report.New(name, &bytes.Buffer{}); err != nil {
			t.Errorf("New(%q): %v", name, err)
		}
	}
	_, err := report.New("yaml", &bytes.Buffer{})
	if err == nil {
		t.Fatal("New(\"yaml\") succeeded, want an error")
	}
	if !strings.Contains(err.Error(), `"yaml"`) || !strings.Contains(err.Error(), strings.Join(got, ", ")) {
		t.Errorf("err = %v, want the unknown name and the list %v", err, got)
	}
}

// TestJSONSpoolsLargeRunsToDisk: a run larger than the in-memory limit gives
// the same document as a small one would.
func TestJSONSpoolsLargeRunsToDisk(t *testing.T) {
	var buf bytes.Buffer
	r, err := report.New("json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	docs, _, reg := sample()
	if err := r.Start(report.Run{ToolName: "cgcheck", Today: "2008-10-01"}); err != nil {
		t.Fatal(err)
	}
	var s finding.Summary
	const n = 6000 // about 6 MB of documents, over the spool's memory limit
	for i := 0; i < n; i++ {
		d := *docs[i%len(docs)]
		s.Add(&d)
		if err := r.Document(&d); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(s, reg); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Documents []json.RawMessage `json:"documents"`
		Summary   finding.Summary   `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("spooled output is not JSON: %v", err)
	}
	if len(got.Documents) != n || got.Summary.Documents != n {
		t.Errorf("got %d documents (summary %d), want %d", len(got.Documents), got.Summary.Documents, n)
	}
}
