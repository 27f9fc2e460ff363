package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is a small run covering every status, a waiver, a parse failure
// and a registry finding, so each format's golden file shows all of them.
func sample() ([]*finding.Document, finding.Summary, finding.Registry) {
	ptr := finding.Ptr
	good := &finding.Document{File: "registry/civic.yaml", ID: "civic-centre", Findings: []finding.Finding{
		{Rule: "single-lead", Theme: "governance", Status: finding.Pass, Message: "One named lead", Pointer: ptr(""), Line: 1, Column: 1},
		{Rule: "structure-review", Theme: "governance", Status: finding.Skip, Message: "status is proposed", Pointer: ptr(""), Line: 1, Column: 1},
		{Rule: "outcome-link", Theme: "purpose", Status: finding.Waived, Message: "purpose.outcome_links is empty", Pointer: ptr("/purpose"), Line: 7, Column: 3,
			Section: "Context", Quote: "15 key national outcomes", Remediation: "Link the work to the outcomes it serves.",
			Waiver: &finding.Waiver{Justification: "Outcome links are set by the SOA refresh due next quarter", ApprovedBy: "CPP Board", Expires: "2009-03-31", Waives: finding.Warn}},
	}}
	bad := &finding.Document{File: "registry/korsakoff.yaml", ID: "inverclyde-korsakoff", Findings: []finding.Finding{
		{Rule: "single-lead", Theme: "governance", Status: finding.Fail, Message: `lead.partner "nhs" is not one of the partners`, Pointer: ptr("/lead/partner"), Line: 14, Column: 12,
			Section: "Clarity of Leadership, Governance and Performance Management", Quote: "led / co-ordinated by one named individual/ organisation", Remediation: "Name one lead organisation from partners and one lead person."},
		{Rule: "evidence-base", Theme: "evidence", Status: finding.Warn, Message: "All 2 evidence items are quantitative; none is qualitative", Pointer: ptr("/evidence"), Line: 30, Column: 3,
			Section: "Key Messages", Quote: "Service interventions need to be informed by robust evidence", Remediation: "Add qualitative evidence."},
		{Rule: "group-size", Theme: "governance", Status: finding.Pass, Message: "A tight core group", Pointer: ptr(""), Line: 1, Column: 1},
	}}
	broken := &finding.Document{File: "registry/broken.json", Findings: []finding.Finding{
		{Rule: "parse", Theme: "integrity", Status: finding.Fail, Message: "JSON syntax error: invalid character '}' after object value", Line: 3, Column: 1, Remediation: "Fix the file."},
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
	}}}
	return docs, s, reg
}

func render(t *testing.T, format string, run report.Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	r, err := report.New(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	docs, s, reg := sample()
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

func TestGolden(t *testing.T) {
	run := report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01"}
	cases := []struct {
		name, format string
		run          report.Run
	}{
		{"text", "text", run},
		{"text-verbose", "text", report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01", Verbose: true}},
		{"text-explain", "text", report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01", Explain: true}},
		{"json", "json", run},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.format, tc.run)
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s output differs from %s (-want +got):\n%s", tc.format, golden, diff)
			}
		})
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
	want := finding.Summary{Documents: 3, Pass: 1, Warn: 0, Fail: 2, Waived: 1}
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

func TestUnknownFormatListsKnownOnes(t *testing.T) {
	_, err := report.New("yaml", &bytes.Buffer{})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("json, text")) {
		t.Fatalf("err = %v, want a list of known formats", err)
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
