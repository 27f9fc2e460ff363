package synth

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/descriptor"
)

// plain turns a parsed descriptor into plain JSON values (numbers as
// float64), so JSON and YAML readings compare equal when they mean the same.
func plain(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestYAMLMeansWhatJSONMeans: the hand-written YAML encoder, in both
// styles, reads back (with the project's own reader) to exactly the value
// the JSON encoder writes, for every descriptor of a registry: quoting,
// folded strings, flow style over several lines and plain dates included.
func TestYAMLMeansWhatJSONMeans(t *testing.T) {
	t.Parallel()
	g := &generator{
		r: rng{newRand(11)}, opts: Options{N: 150},
		ids: map[string]bool{}, groups: map[string]map[string]bool{}, groupN: map[string]int{}, persons: map[string]int{},
	}
	for _, a := range areas {
		g.groups[a.name] = map[string]bool{}
	}
	g.run()
	for _, d := range g.docs {
		obj := d.b.d.object()
		want, err := descriptor.Parse(normal.encodeJSON(obj), descriptor.JSON)
		if err != nil {
			t.Fatalf("%s: JSON does not parse: %v", d.file, err)
		}
		for _, st := range []style{normal, terse, dense} {
			js, err := descriptor.Parse(st.encodeJSON(obj), descriptor.JSON)
			if err != nil {
				t.Fatalf("%s: JSON (%+v) does not parse: %v", d.file, st, err)
			}
			ys, err := descriptor.Parse(st.encodeYAML(obj, []string{"a comment: with # signs"}), descriptor.YAML)
			if err != nil {
				t.Fatalf("%s: YAML (%+v) does not parse: %v\n%s", d.file, st, err, st.encodeYAML(obj, nil))
			}
			if diff := cmp.Diff(plain(t, want.Value), plain(t, js.Value)); diff != "" {
				t.Fatalf("%s: JSON styles differ (-normal +%+v):\n%s", d.file, st, diff)
			}
			if diff := cmp.Diff(plain(t, want.Value), plain(t, ys.Value)); diff != "" {
				t.Fatalf("%s: YAML (%+v) reads differently from JSON (-json +yaml):\n%s", d.file, st, diff)
			}
		}
	}
}

func TestPlainScalars(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", " x", "x ", "true", "No", "null", "~", "12", "1.5", "-3", "0x1F", ".inf", "1e3",
		"a: b", "a #b", "- x", "[x]", "{x}", "#x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x", "x:",
		"a\nb", "6:30"} {
		if plainOK(s, false) {
			t.Errorf("plainOK(%q) = true", s)
		}
	}
	for _, s := range []string{"2008-10-01", "Inverclyde", "Korsakoff's syndrome", "A&E", "Cost (GBP)", "16+ Learning Choices", "50%"} {
		if !plainOK(s, false) {
			t.Errorf("plainOK(%q) = false", s)
		}
	}
	for _, s := range []string{"a, b", "a]", "a}"} {
		if plainOK(s, true) {
			t.Errorf("plainOK(%q) in flow = true", s)
		}
	}
}
