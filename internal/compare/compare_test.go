package compare

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/finding"
)

func f(rule string, s finding.Status, ptr string, line int) finding.Finding {
	return finding.Finding{Rule: rule, Status: s, Message: rule + " at " + ptr, Pointer: finding.Ptr(ptr), Line: line}
}

func report(docs ...Document) *Report {
	return &Report{Tool: map[string]string{"name": "cgcheck"}, Documents: docs}
}

// TestCompareMatchesByIDRuleAndPointer covers each way a finding can move:
// new, resolved, resolved by a waiver, persisting with a changed status and
// at a moved line, a rule giving two findings at one pointer, a document
// only in one report, and a document that has no id.
func TestCompareMatchesByIDRuleAndPointer(t *testing.T) {
	old := report(
		Document{ID: "a", File: "reg/a.yaml", Findings: []finding.Finding{
			f("single-lead", finding.Fail, "/lead", 3),
			f("group-size", finding.Warn, "/partners", 9),
			f("outcome-link", finding.Warn, "/purpose", 5),
			f("critical-mass", finding.Warn, "/partners/1", 20),
			f("critical-mass", finding.Warn, "/partners/1", 20),
			f("mandate-defined", finding.Pass, "", 1),
		}},
		Document{ID: "gone", File: "reg/gone.yaml", Findings: []finding.Finding{f("single-lead", finding.Fail, "/lead", 3)}},
		Document{File: "reg/broken.yaml", Findings: []finding.Finding{{Rule: "parse", Status: finding.Fail, Message: "bad"}}},
	)
	cur := report(
		Document{ID: "a", File: "reg/renamed.yaml", Findings: []finding.Finding{
			f("single-lead", finding.Pass, "", 1),
			f("group-size", finding.Fail, "/partners", 12),
			f("outcome-link", finding.Waived, "/purpose", 5),
			f("critical-mass", finding.Warn, "/partners/1", 20),
			f("mandate-defined", finding.Warn, "/purpose", 4),
		}},
		Document{ID: "added", File: "reg/added.yaml", Findings: []finding.Finding{f("expiry-defined", finding.Warn, "/lifecycle", 7)}},
		Document{File: "reg/broken.yaml", Findings: []finding.Finding{{Rule: "parse", Status: finding.Fail, Message: "bad"}}},
	)
	got := Compare("old.json", old, "new.json", cur)

	item := func(rule string, s finding.Status, ptr string, line int) Item {
		return Item{Rule: rule, Status: s, Message: rule + " at " + ptr, Pointer: ptr, Line: line}
	}
	a := got.Documents[0]
	if a.OldFile != "reg/a.yaml" || a.In != "both" {
		t.Errorf("a: old file %q, in %q", a.OldFile, a.In)
	}
	wantNew := []Item{item("mandate-defined", finding.Warn, "/purpose", 4)}
	grown := item("group-size", finding.Fail, "/partners", 12)
	grown.Was = finding.Warn
	wantPersisting := []Item{grown, item("critical-mass", finding.Warn, "/partners/1", 20)}
	waived := item("outcome-link", finding.Warn, "/purpose", 5)
	waived.Waived = true
	wantResolved := []Item{item("single-lead", finding.Fail, "/lead", 3), waived, item("critical-mass", finding.Warn, "/partners/1", 20)}
	for _, c := range []struct {
		name      string
		got, want []Item
	}{{"new", a.New, wantNew}, {"persisting", a.Persisting, wantPersisting}, {"resolved", a.Resolved, wantResolved}} {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("a, %s (-want +got):\n%s", c.name, diff)
		}
	}
	if d := got.Documents[1]; d.ID != "added" || d.In != "new" || len(d.New) != 1 {
		t.Errorf("added: %+v", d)
	}
	if d := got.Documents[2]; d.File != "reg/broken.yaml" || d.In != "both" || len(d.Persisting) != 1 || len(d.New) != 0 {
		t.Errorf("a document without an id is matched by file: %+v", d)
	}
	if d := got.Documents[3]; d.ID != "gone" || d.In != "old" || len(d.Resolved) != 0 || len(d.NotChecked) != 1 {
		t.Errorf("gone: its findings are not checked, not resolved: %+v", d)
	}
	want := Summary{New: 2, NewFail: 0, Resolved: 3, Persisting: 3, NotChecked: 1, Added: 1, Removed: 1}
	if diff := cmp.Diff(want, got.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if got.Fails(finding.Fail) || !got.Fails(finding.Warn) {
		t.Errorf("Fails(fail) = %v, Fails(warn) = %v; want false, true (the new findings are warns)", got.Fails(finding.Fail), got.Fails(finding.Warn))
	}
}

// TestCompareRevisionThatBreaksTheSchema: findings whose rules did not run
// on the new version (it broke the schema) are not judged, never resolved.
func TestCompareRevisionThatBreaksTheSchema(t *testing.T) {
	old := []finding.Finding{f("single-lead", finding.Fail, "/lead", 3), f("group-size", finding.Warn, "/partners", 9)}
	cur := []finding.Finding{
		{Rule: finding.RuleSchema, Status: finding.Fail, Message: "missing task", Pointer: finding.Ptr("/purpose")},
		{Rule: "single-lead", Status: finding.Skip}, {Rule: "group-size", Status: finding.Skip},
	}
	c := Findings(old, cur)
	if len(c.Resolved) != 0 || len(c.NotChecked) != 2 || len(c.New) != 1 || c.New[0].Rule != finding.RuleSchema {
		t.Errorf("changes = %+v; want the schema failure new and both old findings not checked", c)
	}
}

// TestCompareFollowsAFindingWhoseItemMoved: a finding about an item that
// moved in its list (one inserted before it) persists.
func TestCompareFollowsAFindingWhoseItemMoved(t *testing.T) {
	old := []finding.Finding{{Rule: "references-resolve", Status: finding.Fail, Message: `action_plan[1].owner "police" is not one of the partners`, Pointer: finding.Ptr("/action_plan/1/owner")}}
	cur := []finding.Finding{{Rule: "references-resolve", Status: finding.Fail, Message: `action_plan[2].owner "police" is not one of the partners`, Pointer: finding.Ptr("/action_plan/2/owner")}}
	c := Findings(old, cur)
	if len(c.Persisting) != 1 || len(c.New)+len(c.Resolved) != 0 {
		t.Errorf("changes = %+v; want the one finding persisting", c)
	}
}

// TestCompareRegistryByRuleAndMembers: a registry finding persists while it
// names the same partnerships, whatever their order or message.
func TestCompareRegistryByRuleAndMembers(t *testing.T) {
	old, cur := report(), report()
	old.Registry.Findings = []finding.RegistryFinding{
		{Rule: "unique-ids", Status: finding.Fail, Message: "dup", Locations: []finding.Location{{File: "a.yaml", ID: "x"}, {File: "b.yaml", ID: "y"}}},
		{Rule: "reporting-cycle", Status: finding.Fail, Message: "cycle", Locations: []finding.Location{{File: "c.yaml", ID: "c"}}},
	}
	cur.Registry.Findings = []finding.RegistryFinding{
		{Rule: "unique-ids", Status: finding.Fail, Message: "dup, reworded", Locations: []finding.Location{{File: "b.yaml", ID: "y"}, {File: "a.yaml", ID: "x"}}},
		{Rule: "overlapping-partnerships", Status: finding.Warn, Message: "overlap", Locations: []finding.Location{{File: "a.yaml", ID: "x"}}},
	}
	got := Compare("o", old, "n", cur).Registry
	if len(got.Persisting) != 1 || got.Persisting[0].Rule != "unique-ids" ||
		len(got.New) != 1 || got.New[0].Rule != "overlapping-partnerships" ||
		len(got.Resolved) != 1 || got.Resolved[0].Rule != "reporting-cycle" {
		t.Errorf("registry: %+v", got)
	}
}

// TestParseRefusesWhatIsNotAReport names the file and place.
func TestParseRefusesWhatIsNotAReport(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"", "r.json: the file is empty"},
		{"{\n  \"tool\": {\"name\": \"cgcheck\"},\n  \"documents\": [,]\n}", "r.json:3:17: not a JSON report: invalid character ','"},
		{`{"tool": {"name": "cgcheck"}, "documents": "none"}`, "r.json:1:50: not a cgcheck JSON report: documents is a string where a report has a list"},
		{`{"findings": []}`, "r.json: not a cgcheck JSON report"},
	} {
		_, err := Parse("r.json", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", c.data, err, c.want)
		}
	}
}
