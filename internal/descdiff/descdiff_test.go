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
