package engine_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/engine"
)

const customRegistryHeader = `# METADATA
# title: One sponsor per council
# description: Warns when one sponsor post sponsors several partnerships.
# custom:
#   id: sponsor-spread
#   theme: registry
#   severity: warn
#   remediation: Share the sponsorship out.
package custom.sponsor_spread
`

// TestRegistryRuleFactsAndGrouping: a custom registry rule's facts come back
// from the per-document evaluation with their key, kind and pointer split out
// and the other fields kept as Rego text; its min_group and require_kinds set
// its grouping.
func TestRegistryRuleFactsAndGrouping(t *testing.T) {
	t.Parallel()
	ev := prepareCustom(t, map[string]string{"sponsor.rego": customRegistryHeader + `
facts contains {"key": lower(s.post), "kind": "sponsor", "pointer": sprintf("/governance/senior_sponsors/%d", [i]), "post": s.post, "n": i} if {
	some i, s in input.governance.senior_sponsors
}

min_group := 3

require_kinds := {"sponsor"}
`})
	index := -1
	for i, r := range ev.RegistryRules() {
		if r.ID == "sponsor-spread" {
			index = i
		}
	}
	if index < 0 {
		t.Fatal("custom registry rule not among the registry rules")
	}
	if g := ev.Grouping(index); g.MinGroup != 3 || len(g.RequireKinds) != 1 || g.RequireKinds[0] != "sponsor" {
		t.Errorf("grouping %+v, want min 3 and kind sponsor", g)
	}
	res, err := ev.Evaluate(context.Background(), map[string]any{"governance": map[string]any{
		"senior_sponsors": []any{map[string]any{"post": "Chief Executive"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []engine.Fact{{Key: "chief executive", Kind: "sponsor", Pointer: "/governance/senior_sponsors/0", Fields: `{"n": 0, "post": "Chief Executive"}`}}
	if diff := cmp.Diff(want, res.Facts[index]); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	for i, r := range ev.RegistryRules() {
		if g := ev.Grouping(i); r.Builtin && g.MinGroup < 2 {
			t.Errorf("built-in %s: min_group %d; a key one fact holds relates nothing", r.ID, g.MinGroup)
		}
	}
}

// TestBadFactsAndGroupingAreExplained: facts without a string key, or a
// min_group or require_kinds of the wrong type, are errors naming the rule.
func TestBadFactsAndGroupingAreExplained(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, wantPrepare, wantEval string
	}{
		{"fact not an object", `facts contains "x" if true`, "", `registry rule sponsor-spread: a fact must be an object with a string key, not "x"`},
		{"fact without key", `facts contains {"pointer": "/id"} if true`, "", "registry rule sponsor-spread: a fact must have a string key"},
		{"key not a string", `facts contains {"key": 1} if true`, "", "registry rule sponsor-spread: a fact must have a string key"},
		{"kind not a string", `facts contains {"key": "k", "kind": 1} if true`, "", `registry rule sponsor-spread: a fact's "kind" must be a string`},
		{"min_group zero", "min_group := 0", "rule sponsor-spread: min_group is 0; it must be a whole number of at least 1", ""},
		{"min_group a string", `min_group := "2"`, `rule sponsor-spread: min_group is "2"`, ""},
		{"require_kinds of numbers", "require_kinds := {1}", "rule sponsor-spread: require_kinds is {1}; it must be a set of strings", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := engine.Load([]string{writePolicy(t, map[string]string{"s.rego": customRegistryHeader + "\n" + tc.body + "\n"})})
			if err != nil {
				t.Fatal(err)
			}
			ev, err := p.Prepare(context.Background(), settings())
			if tc.wantPrepare != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantPrepare) {
					t.Fatalf("Prepare: %v, want %q", err, tc.wantPrepare)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = ev.Evaluate(context.Background(), map[string]any{"id": "x"})
			if err == nil || !strings.Contains(err.Error(), tc.wantEval) {
				t.Fatalf("Evaluate: %v, want %q", err, tc.wantEval)
			}
		})
	}
}
