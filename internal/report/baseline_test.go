package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

// baselined is the sample run as check --baseline marks it: the korsakoff
// single-lead fail persists, its evidence-base warn is new, a critical-mass
// warn was resolved, and so was a registry finding.
func baselined() ([]*finding.Document, finding.Summary, finding.Registry) {
	docs, s, reg := sample()
	for _, d := range docs {
		for i := range d.Findings {
			switch f := &d.Findings[i]; {
			case f.Rule == "single-lead" && f.Status == finding.Fail:
				f.Baseline = finding.ChangePersisting
			case f.Status == finding.Fail || f.Status == finding.Warn:
				f.Baseline = finding.ChangeNew
			}
		}
	}
	docs[1].Resolved = []finding.Finding{{Rule: "critical-mass", Theme: "action", Status: finding.Warn,
		Message: "Only 1 partner contributes staff, budget or assets", Pointer: finding.Ptr("/partners"), Line: 18, Column: 3, Baseline: finding.ChangeResolved}}
	for i := range reg.Findings {
		reg.Findings[i].Baseline = finding.ChangePersisting
	}
	reg.Resolved = []finding.RegistryFinding{{Rule: "reporting-cycle", Status: finding.Fail, Message: "governance.reports_to forms a cycle of 2",
		Files: []string{"registry/x.yaml", "registry/y.yaml"}, Baseline: finding.ChangeResolved}}
	s.Baseline = &finding.BaselineCounts{File: "march.json", New: 2, Persisting: 3, Resolved: 2, Gone: 1, GoneFiles: []string{"registry/old.yaml"}}
	return docs, s, reg
}

// TestBaselineInEveryFormat: every format marks new and persisting
// findings and lists what was resolved.
func TestBaselineInEveryFormat(t *testing.T) {
	docs, s, reg := baselined()
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			out := renderDocs(t, format, sampleRun(), docs, s, reg)
			var got string
			switch format {
			case "xlsx":
				got = dumpWorkbook(t, out)
			case "sarif":
				got = string(out)
				for _, want := range []string{`"baselineState": "new"`, `"baselineState": "unchanged"`} {
					if !strings.Contains(got, want) {
						t.Errorf("lacks %s", want)
					}
				}
				return // SARIF has no place for what is gone
			case "junit":
				got = string(out)
				if !strings.Contains(got, "[new] All 2 evidence items") || !strings.Contains(got, "[persisting] lead.partner") {
					t.Errorf("junit does not mark the failures new and persisting:\n%s", got)
				}
				return
			case "github":
				if !strings.Contains(string(out), "title=Inverclyde Korsakoff's Syndrome Service%3A New%3A ") {
					t.Errorf("github does not title the new finding New:\n%s", out)
				}
				if !strings.Contains(string(out), "title=Resolved since the baseline%3A ") {
					t.Errorf("github does not list what was resolved:\n%s", out)
				}
				return
			case "json":
				if !json.Valid(out) {
					t.Fatalf("not JSON:\n%s", out)
				}
				got = string(out)
			default:
				got = string(out)
			}
			for _, want := range []string{"new", "persisting", "critical-mass", "reporting-cycle"} {
				if !strings.Contains(got, want) {
					t.Errorf("%s does not show %q:\n%.3000s", format, want, got)
				}
			}
		})
	}
}

// TestBaselineTextGolden pins the text format's marks and its baseline line.
func TestBaselineTextGolden(t *testing.T) {
	docs, s, reg := baselined()
	got := string(renderDocs(t, "text", sampleRun(), docs, s, reg))
	checkGolden(t, "text-baseline", got)
}
