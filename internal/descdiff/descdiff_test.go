package descdiff

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func parse(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDiff covers each kind of change a board asks about, and calls out
// those that weaken the proposal.
func TestDiff(t *testing.T) {
	old := parse(t, `{
	  "name": "Falls", "status": "proposed", "area": "Fife",
	  "lead": {"partner": "fc", "person": "Jo Bloggs"},
	  "lifecycle": {"start": "2008-04-01", "expires": "2010-03-31"},
	  "partners": [
	    {"id": "fc", "name": "Fife Council", "role": "core", "representative": {"authority": {"finance": true}},
	     "contributes": [{"kind": "budget", "what": "Grant", "value_gbp": 50000}, {"kind": "staff", "what": "Officer", "fte": 1}]},
	    {"id": "police", "name": "Fife Police", "role": "core"},
	    {"id": "vol", "name": "Volunteers", "role": "consultee"}
	  ],
	  "monitoring": {"measures": [
	    {"id": "falls", "indicator": "Falls per 1,000", "better": "lower", "baseline": {"value": 30}, "collaborative_target": {"value": 20}},
	    {"id": "visits", "indicator": "Visits", "better": "higher", "isolation_target": {"value": 400}},
	    {"id": "gone", "indicator": "Old measure", "better": "higher"}
	  ]},
	  "action_plan": [{"what": "Launch", "due": "2008-06-30"}]
	}`)
	cur := parse(t, `{
	  "name": "Falls", "status": "active", "area": ["Fife", "Angus"],
	  "lead": {"partner": "nhs", "person": "Jo Bloggs"},
	  "lifecycle": {"start": "2008-04-01", "expires": "2011-03-31"},
	  "partners": [
	    {"id": "fc", "name": "Fife Council", "role": "core", "representative": {"authority": {"finance": false}},
	     "contributes": [{"kind": "budget", "what": "grant", "value_gbp": 40000}]},
	    {"id": "police", "name": "Fife Police", "role": "consultee"},
	    {"id": "nhs", "name": "NHS Fife", "role": "core", "contributes": [{"kind": "staff", "what": "Nurse", "fte": 0.5}]}
	  ],
	  "monitoring": {"measures": [
	    {"id": "falls", "indicator": "Falls per 1,000", "better": "lower", "baseline": {"value": 32}, "collaborative_target": {"value": 25}},
	    {"id": "visits", "indicator": "Visits", "better": "higher", "isolation_target": {"value": 450}},
	    {"id": "new", "indicator": "New measure", "better": "higher"}
	  ]},
	  "action_plan": [{"what": "launch", "due": "2008-09-30"}]
	}`)
	var got []string
	for _, c := range Diff(old, cur) {
		mark := "-"
		if c.Weaker {
			mark = "!"
		}
		got = append(got, mark+" "+c.Section+": "+c.Text)
	}
	want := []string{
		`- Partnership: Status changed from "proposed" to "active"`,
		`- Partnership: Area changed from "Fife" to "Fife, Angus"`,
		`- Partnership: The lead organisation changed from Fife Council (fc) to NHS Fife (nhs)`,
		`! Partners: The representative of Fife Council (fc) no longer has delegated authority over finance`,
		`! Contributions: Fife Council (fc): "grant" changes from £50,000 to £40,000`,
		`! Contributions: Fife Council (fc) no longer contributes staff (Officer), 1 FTE`,
		`- Partners: NHS Fife (nhs) joins as a core partner`,
		`- Contributions: NHS Fife (nhs) contributes staff (Nurse), 0.5 FTE`,
		`! Partners: Fife Police (police) changes role from core to consultee`,
		`- Partners: Volunteers (vol) leaves (it was a consultee partner)`,
		`! Contributions: In all, partners now put in £40,000 and 0.5 FTE of staff time (before: £50,000 and 1 FTE)`,
		`- Measures and targets: "Falls per 1,000" (falls): the baseline changes from 30 to 32`,
		`! Measures and targets: "Falls per 1,000" (falls): the target working together changes from 20 to 25 (less ambitious: for this measure lower is better)`,
		`- Measures and targets: Measure added: "New measure" (new)`,
		`- Measures and targets: "Visits" (visits): the target working alone changes from 400 to 450`,
		`! Measures and targets: Measure dropped: "Old measure" (gone)`,
		`- Dates: End (expires) moved from 2010-03-31 to 2011-03-31 (365 days later)`,
		`- Dates: Action "launch" due moved from 2008-06-30 to 2008-09-30 (92 days later)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
	if n := len(Diff(cur, cur)); n != 0 {
		t.Errorf("a descriptor against itself gives %d changes, want none", n)
	}
}

// TestDiffGovernanceFundingRisksWaivers covers the rest of what a board
// asks about a revision.
func TestDiffGovernanceFundingRisksWaivers(t *testing.T) {
	old := parse(t, `{
	  "partners": [{"id": "wlc", "name": "West Lothian Council", "role": "core", "contributes": [{"kind": "asset", "what": "Site", "value_gbp": 2500000}]}],
	  "governance": {"reports_to": "CPP Board", "senior_sponsors": [{"partner": "wlc", "post": "Leader", "kind": "elected_member"}]},
	  "funding": {"sources": [{"from": "Council", "kind": "mainstream", "amount_gbp": 100000}], "sustainability_plan": "Mainstreamed"},
	  "monitoring": {"efficiencies": [{"description": "One building", "saving_gbp": {"min": 4500000, "max": 5000000}}],
	    "measures": [{"id": "cost", "indicator": "Cost", "better": "lower", "isolation_target": {"value": 47, "date": "2010-03-31"},
	                  "pre_partnership_trend": {"per_year": 1.5}}]},
	  "risks": [{"risk": "Costs rise"}, {"risk": "Staff leave"}],
	  "waivers": [{"rule": "structure-review", "justification": "Reviewed at the CPP board in spring", "approved_by": "Board", "expires": "2009-01-01"}]
	}`)
	cur := parse(t, `{
	  "partners": [{"id": "wlc", "name": "West Lothian Council", "role": "core", "contributes": [{"kind": "asset", "what": "Site"}]}],
	  "governance": {"reports_to": "Council Executive", "senior_sponsors": []},
	  "funding": {"sources": [{"from": "Council", "kind": "pump_priming", "amount_gbp": 100000, "ends": "2009-03-31"}]},
	  "monitoring": {"efficiencies": [{"description": "One building", "saving_gbp": {"min": 2000000, "max": 3000000}}],
	    "measures": [{"id": "cost", "indicator": "Cost", "better": "lower", "isolation_target": {"value": 49, "date": "2011-03-31"},
	                  "pre_partnership_trend": {"per_year": 0.5}}]},
	  "risks": [{"risk": "Costs rise"}],
	  "waivers": [{"rule": "monitoring-levels", "justification": "Only one level applies to a building project", "approved_by": "Board", "expires": "2009-06-30"}]
	}`)
	var got []string
	for _, c := range Diff(old, cur) {
		mark := "-"
		if c.Weaker {
			mark = "!"
		}
		got = append(got, mark+" "+c.Section+": "+c.Text)
	}
	want := []string{
		`- Governance: It now reports to "Council Executive" (before: "CPP Board")`,
		`! Governance: Senior sponsor no longer named: Leader of West Lothian Council (wlc) (elected member)`,
		`! Contributions: West Lothian Council (wlc): "Site" no longer has a value given (it was £2,500,000)`,
		`! Contributions: In all, partners now put in £0 and 0 FTE of staff time (before: £2,500,000 and 0 FTE)`,
		`! Funding: Funding from Council changes from mainstream, £100,000 to pump priming, £100,000, ending 2009-03-31`,
		`! Funding: The plan for when start-up funding ends changed from "Mainstreamed" to none`,
		`! Funding: The saving expected from "One building" changes from £4,500,000 to £5,000,000 to £2,000,000 to £3,000,000`,
		`! Measures and targets: "Cost" (cost): the target working alone changes from 47 to 49 (a lower expectation of working alone makes the gain claimed for working together look larger)`,
		`- Dates: "Cost" (cost): the target working alone's date moved from 2010-03-31 to 2011-03-31 (365 days later)`,
		`! Measures and targets: "Cost" (cost): the trend before the partnership changes from 1.5 to 0.5 a year (it is what the gain is measured against)`,
		`! Risks: Risk removed: "Staff leave"`,
		`! Exceptions (waivers): New exception asked for rule monitoring-levels: "Only one level applies to a building project", approved by "Board" until "2009-06-30"`,
		`- Exceptions (waivers): The exception for rule structure-review is withdrawn (it was "Reviewed at the CPP board in spring", approved by "Board" until "2009-01-01")`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diff (-want +got):\n%s", diff)
	}
}
