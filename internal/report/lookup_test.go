package report_test

import (
	"strings"
	"testing"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

// TestFormatsTakeMetadataFromTheRule: findings carry only their rule's id, so
// what any format shows of a rule (its title, the study's words, what to do)
// must come from the run's rules, or for cgcheck's own checks from
// catalogue.ToolRules. Each rule here has words found nowhere else, and each
// format must show them where it shows such things at all.
func TestFormatsTakeMetadataFromTheRule(t *testing.T) {
	t.Parallel()
	docRule := &catalogue.Rule{ID: "lookup-doc", Theme: "action", Severity: "fail", Levels: []string{"fail"},
		Title: "Doc title zq", Description: "A rule only this test has.",
		Section: "Doc section zq", Quote: "doc quote zq", Remediation: "Doc remediation zq."}
	regRule := &catalogue.Rule{ID: "lookup-registry", Theme: catalogue.RegistryTheme, Severity: "fail", Levels: []string{"fail"},
		Title: "Registry title zq", Description: "A registry rule only this test has.",
		Section: "Registry section zq", Quote: "registry quote zq", Remediation: "Registry remediation zq."}
	var parse string
	for _, r := range catalogue.ToolRules() {
		if r.ID == finding.RuleParse {
			parse = r.Remediation
		}
	}

	docs := []*finding.Document{
		{File: "a.yaml", Findings: []finding.Finding{
			{Rule: docRule.ID, Theme: docRule.Theme, Status: finding.Fail, Message: "it failed", Pointer: finding.Ptr("/lead"), Line: 2, Column: 3},
		}},
		{File: "b.json", Findings: []finding.Finding{
			{Rule: finding.RuleParse, Theme: "integrity", Status: finding.Fail, Message: "not JSON", Line: 1, Column: 1},
		}},
	}
	var s finding.Summary
	for _, d := range docs {
		d.Finish(catalogue.Themes)
		s.Add(d)
	}
	reg := finding.Registry{Status: finding.Fail, Findings: []finding.RegistryFinding{
		{Rule: regRule.ID, Status: finding.Fail, Message: "across files", Files: []string{"a.yaml", "b.json"}},
	}}
	run := report.Run{ToolName: "cgcheck", ToolVersion: "test", Today: "2008-10-01", Explain: true,
		Rules: []*catalogue.Rule{docRule, regRule}, FailOn: finding.Fail}

	docWords := []string{docRule.Section, docRule.Quote, docRule.Remediation}
	regWords := []string{regRule.Section, regRule.Quote, regRule.Remediation}
	titles := []string{docRule.Title, regRule.Title}
	for _, tc := range []struct {
		format string
		want   [][]string
	}{
		{"json", [][]string{docWords, regWords, {parse}}},
		{"text", [][]string{docWords, {parse}}}, // text explains document findings only
		{"github", [][]string{docWords, regWords, titles, {parse}}},
		{"markdown", [][]string{docWords, regWords, titles, {parse}}},
		{"html", [][]string{docWords, regWords, titles, {parse}}},
		{"junit", [][]string{docWords, regWords, {parse}}},
		{"sarif", [][]string{docWords, regWords, titles, {parse}}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			t.Parallel()
			out := string(renderDocs(t, tc.format, run, docs, s, reg))
			for _, words := range tc.want {
				for _, w := range words {
					if !strings.Contains(out, w) {
						t.Errorf("%s output lacks %q, which only the rule lookup can give:\n%s", tc.format, w, out)
					}
				}
			}
		})
	}
}
