package descriptor_test

import (
	"testing"

	"example.org/cgcheck/internal/descriptor"
)

// TestFormatOf: the name's extension decides, whatever the text looks like
// (a YAML flow mapping starts with "{" as JSON does); without one, the text
// is sniffed.
func TestFormatOf(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       descriptor.Format
	}{
		{"p.yaml", "{schema: cgcheck/partnership/v1}", descriptor.YAML},
		{"p.YML", "[1]", descriptor.YAML},
		{"p.json", "schema: x", descriptor.JSON},
		{"-", " {\"a\": 1}", descriptor.JSON},
		{"descriptor", "a: 1", descriptor.YAML},
		{"notes.txt", "\ufeff[1]", descriptor.JSON},
	} {
		if got := descriptor.FormatOf(c.name, []byte(c.data)); got != c.want {
			t.Errorf("FormatOf(%q, %q) = %v, want %v", c.name, c.data, got, c.want)
		}
	}
}
