package catalogue_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

// TestToolRulesDescribeCgchecksOwnFindings: every rule id cgcheck gives its
// own findings has the metadata a reporter shows (a title, a description, a
// remediation), as a policy's METADATA must.
func TestToolRulesDescribeCgchecksOwnFindings(t *testing.T) {
	t.Parallel()
	var ids []string
	for _, r := range catalogue.ToolRules() {
		ids = append(ids, r.ID)
		if r.Title == "" || r.Description == "" || r.Remediation == "" {
			t.Errorf("tool rule %s lacks a title, description or remediation: %+v", r.ID, r)
		}
		if r.Theme != "integrity" || r.Severity != "fail" || !r.Builtin {
			t.Errorf("tool rule %s: theme %q, severity %q, builtin %v; want integrity, fail, builtin", r.ID, r.Theme, r.Severity, r.Builtin)
		}
	}
	want := []string{finding.RuleParse, finding.RuleSchema, finding.RuleEvaluation, finding.RuleTimeout}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("tool rule ids (-want +got):\n%s", diff)
	}
}

// TestParseRemediationCoversUnreadableAndMalformed: a parse finding is either
// a file that cannot be opened or one that is not a descriptor's text, and
// its one remediation says what to do about both.
func TestParseRemediationCoversUnreadableAndMalformed(t *testing.T) {
	t.Parallel()
	var parse *catalogue.Rule
	for _, r := range catalogue.ToolRules() {
		if r.ID == finding.RuleParse {
			parse = r
		}
	}
	if parse == nil {
		t.Fatal("no tool rule for parse findings")
	}
	for _, want := range []string{
		"allowed to open",                   // permission refused
		"not a folder",                      // not a regular file
		"JSON or YAML",                      // malformed
		"UTF-8",                             // not text
		"leave it out of the paths checked", // not meant to be checked
		"other files are checked regardless",
	} {
		if !strings.Contains(parse.Remediation, want) {
			t.Errorf("parse remediation lacks %q: %s", want, parse.Remediation)
		}
	}
}

// TestToolRulesAreFreshEachCall: a caller that changes what it was given
// changes nobody else's metadata.
func TestToolRulesAreFreshEachCall(t *testing.T) {
	t.Parallel()
	first := catalogue.ToolRules()
	first[0].Remediation = "changed"
	if got := catalogue.ToolRules()[0].Remediation; got == "changed" {
		t.Error("ToolRules shares its rules between calls")
	}
}
