package suggest

import "testing"

func TestNearest(t *testing.T) {
	rules := []string{"group-size", "single-lead", "outcome-link", "references-resolve"}
	for _, c := range []struct {
		name, want string
	}{
		{"group_size", "group-size"},
		{"outcome_link", "outcome-link"},
		{"singel-lead", "single-lead"},
		{"GROUP-SIZE", "group-size"},
		{"budget", ""},
		{"x", ""},
	} {
		got, ok := Nearest(c.name, rules)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Nearest(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
	if h := Hint("group_size", rules); h != " (did you mean group-size?)" {
		t.Errorf("Hint: %q", h)
	}
}
