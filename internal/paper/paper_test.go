package paper

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func rules() []*catalogue.Rule {
	return []*catalogue.Rule{
		{ID: "single-lead", Theme: "governance", Title: "One named lead", Levels: []string{"fail"},
			Plain:    map[string]string{"pass": "One lead is named.", "fail": "There is no single named lead."},
			Question: "Who is the one named lead?"},
		{ID: "group-size", Theme: "governance", Title: "A tight core group", Levels: []string{"fail", "warn"},
			Plain:    map[string]string{"pass": "The core group is small.", "warn": "The core group is large.", "fail": "The core group is too large."},
			Question: "Does everyone need to be there?"},
		{ID: "pre-partnership-trend", Theme: "gain", Title: "Trend recorded", Levels: []string{"warn"},
			Plain:    map[string]string{"pass": "Trends are recorded.", "warn": "Some trends are missing."},
			Question: "How will we see the difference?"},
		{ID: "structure-review", Theme: "governance", Title: "Structures reviewed", Levels: []string{"warn"},
			Plain: map[string]string{"pass": "Reviewed.", "warn": "Not reviewed."}, Question: "When was it reviewed?"},
	}
}

func descriptor(t *testing.T) map[string]any {
	t.Helper()
	var d map[string]any
	dec := json.NewDecoder(strings.NewReader(`{
	  "name": "Falls", "area": ["Fife", "Angus"], "status": "proposed", "type": "time_limited",
	  "lead": {"partner": "nhs", "person": "Jo Bloggs"},
	  "purpose": {"task": "Fewer falls", "why_partnership": "Shared visits", "agreed_on": "2008-01-10"},
	  "governance": {"reports_to": ["cpp-board", "chcp"]},
	  "partners": [
	    {"id": "nhs", "name": "NHS Fife", "role": "core", "contributes": [{"kind": "staff", "what": "Nurse", "fte": 1.5}, {"kind": "budget", "what": "Grant", "value_gbp": 25000}]},
	    {"id": "vol", "name": "Age Concern", "role": "consultee"}
	  ],
	  "funding": {"sources": [{"from": "Scottish Government", "kind": "pump_priming", "amount_gbp": 10000, "ends": "2009-03-31"}]},
	  "monitoring": {"designed_on": "2008-01-10", "measures": [{"indicator": "Falls", "better": "lower", "baseline": {"value": 40, "date": "2007-12-31"}, "collaborative_target": {"value": 30, "date": "2009-12-31"}}]},
	  "lifecycle": {"start": "2008-02-01", "expires": "2010-01-31"}
	}`))
	dec.UseNumber()
	if err := dec.Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBuild gathers what is proposed in words, the checks by theme with the
// worst of each rule, one question per rule that warns or fails (fails
// first), and the waivers.
func TestBuild(t *testing.T) {
	doc := &finding.Document{File: "falls.yaml", Status: finding.Fail, Partnership: &finding.Partnership{Name: "Falls", Areas: []string{"Fife", "Angus"}},
		Findings: []finding.Finding{
			{Rule: "single-lead", Theme: "governance", Status: finding.Pass},
			{Rule: "group-size", Theme: "governance", Status: finding.Warn, Message: "11 core partners"},
			{Rule: "group-size", Theme: "governance", Status: finding.Fail, Message: "13 core partners"},
			{Rule: "structure-review", Theme: "governance", Status: finding.Skip},
			{Rule: "pre-partnership-trend", Theme: "gain", Status: finding.Waived,
				Waiver: &finding.Waiver{Justification: "No data before", ApprovedBy: "Board", Expires: "2009-06-30", Waives: finding.Warn}},
		}}
	p := Build(descriptor(t), doc, rules(), "2008-10-01")

	wantAbout := []Fact{{"Partnership", "Falls"}, {"Areas", "Fife, Angus"}, {"Kind of partnership", "Time-limited"}, {"Status", "Proposed"},
		{"Lead organisation", "NHS Fife"}, {"Lead person", "Jo Bloggs"}, {"Reports to", "cpp-board, chcp"}}
	if diff := cmp.Diff(wantAbout, p.About); diff != "" {
		t.Errorf("about (-want +got):\n%s", diff)
	}
	wantPartners := []Partner{{Name: "NHS Fife", Role: "core partner", Contributes: []string{"Staff: Nurse (1.5 FTE)", "Budget: Grant (£25,000)"}}, {Name: "Age Concern", Role: "consulted"}}
	if diff := cmp.Diff(wantPartners, p.Partners); diff != "" {
		t.Errorf("partners (-want +got):\n%s", diff)
	}
	if p.Money != "£25,000" || p.Staff != "1.5 FTE" {
		t.Errorf("totals %q, %q", p.Money, p.Staff)
	}
	if diff := cmp.Diff([]Measure{{Indicator: "Falls", Better: "lower is better", Baseline: "40 (2007-12-31)", Together: "30 by 2009-12-31"}}, p.Measures); diff != "" {
		t.Errorf("measures (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Fact{{"Scottish Government", "pump priming, £10,000, ends 2009-03-31"}}, p.Funding); diff != "" {
		t.Errorf("funding (-want +got):\n%s", diff)
	}
	wantThemes := []Theme{
		{Title: "Leadership, governance and performance management", Status: finding.Fail, Checks: []Check{
			{Title: "A tight core group", Status: finding.Fail, Words: "The core group is too large."},
			{Title: "One named lead", Status: finding.Pass, Words: "One lead is named."},
		}},
		{Title: "Measuring what working together adds", Status: finding.Pass, Checks: []Check{
			{Title: "Trend recorded", Status: finding.Waived, Words: "Some trends are missing.", Waived: true},
		}},
	}
	if diff := cmp.Diff(wantThemes, p.Themes); diff != "" {
		t.Errorf("themes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Question{{Text: "Does everyone need to be there?", Because: "The core group is too large (found 2 times in the proposal).", Status: finding.Fail}}, p.Questions); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	if len(p.Waivers) != 1 || p.Waivers[0].Check != "Trend recorded" || p.Waivers[0].ApprovedBy != "Board" {
		t.Errorf("waivers %+v", p.Waivers)
	}
}

// TestBuildUnchecked: a descriptor that breaks the schema gets a paper that
// says it could not be checked, with no checks or questions.
func TestBuildUnchecked(t *testing.T) {
	doc := &finding.Document{File: "x.yaml", Status: finding.Fail, Findings: []finding.Finding{
		{Rule: finding.RuleSchema, Status: finding.Fail, Message: "/lead: missing property 'person'"},
		{Rule: "single-lead", Status: finding.Skip},
	}}
	p := Build(map[string]any{"name": "X", "lead": map[string]any{"partner": "adat"}}, doc, rules(), "2008-10-01")
	if got := p.About[1]; got != (Fact{"Lead organisation", "adat (not one of the partners)"}) {
		t.Errorf("a lead that is not a partner: %+v", got)
	}
	if p.Checked || !strings.Contains(p.Unchecked, "1 entry of the proposal is missing or not in the agreed form") || len(p.Themes) != 0 || len(p.Questions) != 0 {
		t.Errorf("paper of a schema failure: %+v", p)
	}
}
