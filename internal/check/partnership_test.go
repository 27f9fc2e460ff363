package check

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/finding"
)

// TestPartnershipOf takes what a descriptor says of itself, each field only
// in the shape the schema gives it, so a descriptor that breaks the schema
// still shows what it does say.
func TestPartnershipOf(t *testing.T) {
	for _, c := range []struct {
		name string
		obj  map[string]any
		want *finding.Partnership
	}{
		{"whole", map[string]any{
			"name": " Falls prevention ", "area": []any{"Fife", " ", "Angus", "Fife"}, "status": "active", "type": "continuing",
			"lead":     map[string]any{"partner": "nhs", "person": "Jo Bloggs"},
			"partners": []any{map[string]any{"id": "fc", "name": "Fife Council"}, map[string]any{"id": "nhs", "name": "NHS Fife"}},
		}, &finding.Partnership{Name: "Falls prevention", Areas: []string{"Fife", "Angus"}, Status: "active", Type: "continuing",
			Lead: &finding.Lead{Partner: "nhs", Organisation: "NHS Fife", Person: "Jo Bloggs"}}},
		{"lead not a partner", map[string]any{"name": "X", "area": "Fife", "lead": map[string]any{"partner": "adat"}},
			&finding.Partnership{Name: "X", Areas: []string{"Fife"}, Lead: &finding.Lead{Partner: "adat"}}},
		{"wrong shapes", map[string]any{"name": 7, "area": map[string]any{"x": 1}, "status": true, "lead": "nobody", "partners": "none"}, nil},
		{"nothing", map[string]any{"id": "x"}, nil},
	} {
		if diff := cmp.Diff(c.want, partnershipOf(c.obj)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}
