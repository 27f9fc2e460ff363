package registry_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/synth"
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

// prepare loads the built-in policies with one custom policy file and
// prepares the registry rules and the per-document evaluator that reads
// their facts.
func prepare(t *testing.T, src string) (*registry.Rules, *engine.Evaluator, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "s.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := engine.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	s := engine.Settings{Today: synth.Today}
	rules, err := registry.Prepare(context.Background(), p, s)
	if err != nil {
		return nil, nil, err
	}
	ev, err := p.Prepare(context.Background(), s, rules.Reads()...)
	if err != nil {
		t.Fatal(err)
	}
	return rules, ev, nil
}

func index(t *testing.T, rules *registry.Rules, id string) int {
	t.Helper()
	for i, r := range rules.Catalogue() {
		if r.ID == id {
			return i
		}
	}
	t.Fatalf("rule %s not among the registry rules", id)
	return -1
}

func noPosition(string) (int, int) { return 0, 0 }

// TestRegistryRuleFactsAndGrouping: a custom registry rule's facts come back
// from the per-document evaluation with their key, kind and pointer split out
// and the other fields kept as OPA values; its min_group and require_kinds set
// its grouping.
func TestRegistryRuleFactsAndGrouping(t *testing.T) {
	t.Parallel()
	rules, ev, err := prepare(t, customRegistryHeader+`
facts contains {"key": lower(s.post), "kind": "sponsor", "pointer": sprintf("/governance/senior_sponsors/%d", [i]), "post": s.post, "n": i, "tags": {"a"}} if {
	some i, s in input.governance.senior_sponsors
}

min_group := 3

require_kinds := {"sponsor"}
`)
	if err != nil {
		t.Fatal(err)
	}
	i := index(t, rules, "sponsor-spread")
	if g := rules.Grouping(i); g.MinGroup != 3 || len(g.RequireKinds) != 1 || g.RequireKinds[0] != "sponsor" {
		t.Errorf("grouping %+v, want min 3 and kind sponsor", g)
	}
	res, err := ev.Evaluate(context.Background(), map[string]any{"governance": map[string]any{
		"senior_sponsors": []any{map[string]any{"post": "Chief Executive"}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := rules.Facts(res, func(p string) (int, int) { return len(p), 7 })
	if err != nil {
		t.Fatal(err)
	}
	fields := ast.MustParseTerm(`{"n": 0, "post": "Chief Executive", "tags": {"a"}}`).Value.(ast.Object)
	want := []registry.Fact{{Key: "chief executive", Kind: "sponsor", Pointer: "/governance/senior_sponsors/0", Fields: fields, Line: 29, Column: 7}}
	if diff := cmp.Diff(want, facts[i], cmp.Comparer(func(a, b ast.Object) bool { return a.Compare(b) == 0 })); diff != "" {
		t.Errorf("facts (-want +got):\n%s", diff)
	}
	// The cache's copy reads back to the same typed values, sets included.
	data, err := registry.EncodeFacts(facts)
	if err != nil {
		t.Fatal(err)
	}
	back, err := registry.DecodeFacts(data, len(facts))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(facts, back, cmp.Comparer(func(a, b ast.Object) bool { return a.Compare(b) == 0 })); diff != "" {
		t.Errorf("facts through the cache (-before +after):\n%s", diff)
	}
	// Anything but a whole entry is refused: nothing, text, a truncated or
	// extended entry, or one whose Rego field no longer parses.
	broken := []byte(strings.Replace(string(data), `{"a"}`, `{"a"(`, 1)) // the same length
	if bytes.Equal(broken, data) {
		t.Fatal("no Rego field to break in the entry")
	}
	for _, bad := range [][]byte{nil, []byte("[[1]]"), data[:len(data)-1], append(append([]byte{}, data...), 0), broken} {
		if _, err := registry.DecodeFacts(bad, len(facts)); err == nil {
			t.Errorf("DecodeFacts(%q) read a cache entry that is not facts", bad)
		}
	}
	for i, r := range rules.Catalogue() {
		if g := rules.Grouping(i); r.Builtin && g.MinGroup < 2 {
			t.Errorf("built-in %s: min_group %d; a key one fact holds relates nothing", r.ID, g.MinGroup)
		}
	}
}

// TestBadFactsAndSettingsAreExplained: facts without a string key, or a
// min_group, require_kinds or per_key of the wrong type, are errors naming
// the rule.
func TestBadFactsAndSettingsAreExplained(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body, wantPrepare, wantFacts string
	}{
		{"fact not an object", `facts contains "x" if true`, "", `registry rule sponsor-spread: a fact must be an object with a string key, not "x"`},
		{"fact without key", `facts contains {"pointer": "/id"} if true`, "", "registry rule sponsor-spread: a fact must have a string key"},
		{"key not a string", `facts contains {"key": 1} if true`, "", "registry rule sponsor-spread: a fact must have a string key"},
		{"kind not a string", `facts contains {"key": "k", "kind": 1} if true`, "", `registry rule sponsor-spread: a fact's "kind" must be a string`},
		{"min_group zero", "min_group := 0", "rule sponsor-spread: min_group is 0; it must be a whole number of at least 1", ""},
		{"min_group a string", `min_group := "2"`, `rule sponsor-spread: min_group is "2"`, ""},
		{"require_kinds of numbers", "require_kinds := {1}", "rule sponsor-spread: require_kinds is {1}; it must be a set of strings", ""},
		{"per_key a string", `per_key := "yes"`, `rule sponsor-spread: per_key is "yes"; it must be true or false`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rules, ev, err := prepare(t, customRegistryHeader+"\n"+tc.body+"\n")
			if tc.wantPrepare != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantPrepare) {
					t.Fatalf("Prepare: %v, want %q", err, tc.wantPrepare)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			res, err := ev.Evaluate(context.Background(), map[string]any{"id": "x"})
			if err != nil {
				t.Fatal(err)
			}
			_, err = rules.Facts(res, noPosition)
			if err == nil || !strings.Contains(err.Error(), tc.wantFacts) {
				t.Fatalf("Facts: %v, want %q", err, tc.wantFacts)
			}
		})
	}
}
