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
	want := finding.Summary{Documents: 3, Pass: 1, Warn: 1, Fail: 1, Waived: 2}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("summary = %+v, want %+v", s, want)
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
