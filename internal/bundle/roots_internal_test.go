package bundle

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRoots: cgcheck and each custom package, none inside another (OPA
// refuses overlapping roots).
func TestRoots(t *testing.T) {
	t.Parallel()
	got := roots([][]string{
		{"cgcheck", "lib"}, {"custom", "a", "b"}, {"custom", "a"}, {"org", "x"}, {"org", "xy"}, {"org", "x", "y", "z"},
	})
	want := []string{"cgcheck", "custom/a", "org/x", "org/xy"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("roots (-want +got):\n%s", diff)
	}
}
