package config

import (
	"slices"
	"strings"
	"testing"
)

// TestSplitOutputs: several --output specs in one string split where a
// FORMAT= begins, never inside a path with spaces or commas.
func TestSplitOutputs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"json=my report.json", []string{"json=my report.json"}},
		{"json=a.json sarif=b.sarif", []string{"json=a.json", "sarif=b.sarif"}},
		{"json=a b.json, sarif=out/x,y.sarif", []string{"json=a b.json", "sarif=out/x,y.sarif"}},
		{"  html=r.html  ", []string{"html=r.html"}},
		{"results.json", []string{"results.json"}},
		{"", nil},
	} {
		if got := splitOutputs(c.in); !slices.Equal(got, c.want) {
			t.Errorf("splitOutputs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCheckEnvironmentRefusesTypos: a CGCHECK_ variable cgcheck does not
// read is refused with the nearest it does; the ones it reads, the
// project's own test variables and other programs' variables pass.
func TestCheckEnvironmentRefusesTypos(t *testing.T) {
	ok := []string{"CGCHECK_FAIL_ON=warn", "CGCHECK_CONFIG=x.yaml", "CGCHECK_REQUIRE_TOOLS=1", "PATH=/bin", "CGCHECKER=1"}
	if err := CheckEnvironment(ok, nil); err != nil {
		t.Errorf("known variables refused: %v", err)
	}
	err := CheckEnvironment([]string{"CGCHECK_FAIL_ONN=warn"}, nil)
	if err == nil || !strings.Contains(err.Error(), "CGCHECK_FAIL_ONN is not a setting cgcheck reads (did you mean CGCHECK_FAIL_ON?)") {
		t.Errorf("typo: %v", err)
	}
}
