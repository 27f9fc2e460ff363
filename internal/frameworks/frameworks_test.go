package frameworks_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/frameworks"
)

func TestMergeReplacesByNameAndAdds(t *testing.T) {
	t.Parallel()
	builtin := []frameworks.Framework{
		{Name: "npf", Title: "National Performance Framework", Outcomes: []frameworks.Outcome{{Ref: "health", Title: "We are healthy and active"}}, Source: frameworks.Builtin},
		{Name: "loip", Title: "Any LOIP priority", Source: frameworks.Builtin},
	}
	configured := []frameworks.Framework{
		{Name: "loip", Title: "Inverclyde LOIP", Outcomes: []frameworks.Outcome{{Ref: "p1", Title: "Population"}}, Source: "config file c.yaml"},
		{Name: "area-plan", Title: "Area plan", Source: "config file c.yaml"},
	}
	got := frameworks.Merge(builtin, configured)
	want := []frameworks.Framework{configured[1], configured[0], builtin[0]}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Merge (-want +got):\n%s", d)
	}
}

func TestDataRoundTrip(t *testing.T) {
	t.Parallel()
	set := []frameworks.Framework{
		{Name: "national_outcome", Title: "National outcomes", Source: frameworks.Builtin, Outcomes: []frameworks.Outcome{
			{Ref: "2", Title: "Two"}, {Ref: "10", Title: "Ten"}, {Ref: "x", Title: "Ex"},
		}},
		{Name: "soa", Title: "Single Outcome Agreement", Source: frameworks.Builtin},
	}
	data := frameworks.Data(set)
	if _, ok := data["soa"].(map[string]any)["outcomes"]; ok {
		t.Errorf("a framework that accepts any ref must have no outcomes in the data: %v", data["soa"])
	}
	back, err := frameworks.FromData(data, frameworks.Builtin)
	if err != nil {
		t.Fatal(err)
	}
	// Natural order: "2" before "10", numbers before other refs.
	if d := cmp.Diff(set, back); d != "" {
		t.Errorf("FromData(Data(x)) (-want +got):\n%s", d)
	}
	if !back[1].AnyRef() || back[0].AnyRef() {
		t.Errorf("AnyRef: %v %v", back[0].AnyRef(), back[1].AnyRef())
	}
}

func TestFromDataRefusesOtherShapes(t *testing.T) {
	t.Parallel()
	for _, v := range []any{nil, "npf", map[string]any{"npf": "x"}} {
		if _, err := frameworks.FromData(v, frameworks.Builtin); err == nil {
			t.Errorf("FromData(%v) gave no error", v)
		}
	}
}

func TestValidName(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{"npf": true, "national_outcome": true, "loip-2027": true, "": false, "LOIP": false, "-x": false, "a b": false} {
		if got := frameworks.ValidName(name); got != want {
			t.Errorf("ValidName(%q) = %v, want %v", name, got, want)
		}
	}
}
