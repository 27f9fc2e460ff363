package report_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

// TestGitHubEscaping: names and messages full of what GitHub's workflow
// commands treat specially come out one command a line, escaped as the
// Actions toolkit does: %, CR and LF in the message; also ":" and "," in
// property values. An unknown rule is titled by its id.
func TestGitHubEscaping(t *testing.T) {
	t.Parallel()
	run := sampleRun()
	run.Rules = append(run.Rules, &catalogue.Rule{ID: "odd-title", Theme: "action", Severity: "warn", Title: "Odd: 100%, really\nso"})
	docs := []*finding.Document{{File: "dir,1/a:b%.yaml", Findings: []finding.Finding{
		{Rule: "odd-title", Theme: "action", Status: finding.Warn, Message: "50% done, see: x\r\nnext::error file=evil::injected", Line: 3, Column: 7},
		{Rule: "not-in-catalogue", Theme: "action", Status: finding.Fail, Message: "no position"},
		{Rule: "single-lead", Theme: "governance", Status: finding.Pass, Message: "passes are not annotated", Line: 1, Column: 1},
		{Rule: "structure-review", Theme: "governance", Status: finding.Skip, Message: "skips are not annotated", Line: 1, Column: 1},
	}}}
	var s finding.Summary
	for _, d := range docs {
		d.Finish(catalogue.Themes)
		s.Add(d)
	}
	reg := finding.Registry{Status: finding.Warn, Findings: []finding.RegistryFinding{
		{Rule: "shared-people", Status: finding.Warn, Message: "shared, by files", Files: []string{"x,y.yaml", "z.yaml"}},
		{Rule: "unique-ids", Status: finding.Fail, Message: "nowhere"},
	}}
	got := strings.Split(string(renderDocs(t, "github", run, docs, s, reg)), "\n")
	want := []string{
		"::warning file=dir%2C1/a%3Ab%25.yaml,line=3,col=7,title=Odd%3A 100%25%2C really%0Aso (cgcheck odd-title)::50%25 done, see: x\\r\\nnext::error file=evil::injected",
		"::error file=dir%2C1/a%3Ab%25.yaml,title=cgcheck not-in-catalogue::no position",
		"::warning file=x%2Cy.yaml,title=People shared across partnerships (cgcheck shared-people)::shared, by files",
		"::warning file=z.yaml,title=People shared across partnerships (cgcheck shared-people)::shared, by files",
		"::error title=Unique descriptor ids (cgcheck unique-ids)::nowhere",
		"1 document: 1 fail, 0 warn, 0 pass; registry: 1 fail, 1 warn",
		"",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("github output (-want +got):\n%s", diff)
	}
}

// TestGitHubEndsWithTextSummary: the last line is the text format's.
func TestGitHubEndsWithTextSummary(t *testing.T) {
	t.Parallel()
	last := func(b []byte) string {
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		return lines[len(lines)-1]
	}
	run := report.Run{Today: "2008-10-01"}
	if g, tx := last(render(t, "github", run)), last(render(t, "text", run)); g != tx {
		t.Errorf("github ends with %q, text with %q", g, tx)
	}
}
