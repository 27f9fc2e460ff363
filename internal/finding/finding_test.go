package finding_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func TestRollUp(t *testing.T) {
	t.Parallel()
	cases := []struct {
		statuses []finding.Status
		want     finding.Status
	}{
		{nil, finding.Pass},
		{[]finding.Status{finding.Pass, finding.Skip, finding.Waived}, finding.Pass},
		{[]finding.Status{finding.Pass, finding.Warn, finding.Waived}, finding.Warn},
		{[]finding.Status{finding.Warn, finding.Fail, finding.Pass}, finding.Fail},
	}
	for _, tc := range cases {
		d := &finding.Document{}
		for _, s := range tc.statuses {
			d.Findings = append(d.Findings, finding.Finding{Rule: "r", Theme: "gain", Status: s})
		}
		d.Finish(catalogue.Themes)
		if d.Status != tc.want || d.Themes.Get("gain") != tc.want || d.Themes.Get("purpose") != finding.Pass {
			t.Errorf("%v: document %s, gain %s; want %s", tc.statuses, d.Status, d.Themes.Get("gain"), tc.want)
		}
	}
}

func TestSummaryCountsWaived(t *testing.T) {
	t.Parallel()
	var s finding.Summary
	for _, st := range [][]finding.Status{{finding.Waived, finding.Pass}, {finding.Warn}, {finding.Fail, finding.Waived}} {
		d := &finding.Document{}
		for _, x := range st {
			d.Findings = append(d.Findings, finding.Finding{Theme: "gain", Status: x})
		}
		d.Finish(catalogue.Themes)
		s.Add(d)
	}
	want := finding.Summary{Documents: 3, Pass: 1, Warn: 1, Fail: 1, Waived: 2,
		Areas: []finding.AreaCount{{Area: finding.NoArea, Documents: 3, Pass: 1, Warn: 1, Fail: 1}}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("summary = %+v, want %+v", s, want)
	}
}

// TestSummaryCountsAreas: each document is counted under each of its areas
// once, areas sorted without regard to case, those without an area last.
func TestSummaryCountsAreas(t *testing.T) {
	t.Parallel()
	var s finding.Summary
	for _, c := range []struct {
		areas  []string
		status finding.Status
	}{
		{[]string{"Midlothian", "East Lothian"}, finding.Fail},
		{[]string{"east Lothian"}, finding.Pass},
		{nil, finding.Warn},
		{[]string{"Midlothian", "Midlothian"}, finding.Warn},
		{[]string{"Aberdeen City"}, finding.Pass},
	} {
		d := &finding.Document{Status: c.status}
		if c.areas != nil {
			d.Partnership = &finding.Partnership{Areas: c.areas}
		}
		s.Add(d)
	}
	want := []finding.AreaCount{
		{Area: "Aberdeen City", Documents: 1, Pass: 1},
		{Area: "East Lothian", Documents: 1, Fail: 1},
		{Area: "east Lothian", Documents: 1, Pass: 1},
		{Area: "Midlothian", Documents: 2, Fail: 1, Warn: 1},
		{Area: finding.NoArea, Documents: 1, Warn: 1},
	}
	if !reflect.DeepEqual(s.Areas, want) {
		t.Errorf("areas = %+v\nwant %+v", s.Areas, want)
	}
	if !s.SeveralAreas() {
		t.Error("SeveralAreas() = false")
	}
}

// TestPartnershipLine: what the human formats say of a partnership, with
// whatever parts the descriptor gave.
func TestPartnershipLine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		p    *finding.Partnership
		want string
	}{
		{nil, ""},
		{&finding.Partnership{Name: "Falls", Areas: []string{"Fife", "Angus"}, Status: "active", Type: "time_limited",
			Lead: &finding.Lead{Partner: "nhs", Organisation: "NHS Fife", Person: "Jo Bloggs"}},
			"Falls · Fife, Angus · active, time limited · lead: NHS Fife (Jo Bloggs)"},
		{&finding.Partnership{Name: "Falls", Lead: &finding.Lead{Partner: "nhs"}}, "Falls · lead: nhs"},
		{&finding.Partnership{Type: "one_off", Lead: &finding.Lead{Person: "Jo"}}, "one off · lead: Jo"},
	} {
		if got := c.p.Line(); got != c.want {
			t.Errorf("Line() = %q, want %q", got, c.want)
		}
	}
}

func TestThemesMarshalInCatalogueOrder(t *testing.T) {
	t.Parallel()
	th := finding.NewThemes(catalogue.Themes)
	th.Add("lifecycle", finding.Fail)
	b, err := json.Marshal(th)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"purpose":"pass","governance":"pass","evidence":"pass","action":"pass","gain":"pass","lifecycle":"fail","integrity":"pass"}`
	if string(b) != want {
		t.Errorf("themes = %s\nwant     %s", b, want)
	}
}
