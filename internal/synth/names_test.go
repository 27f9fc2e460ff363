package synth

import (
	"strings"
	"testing"
)

// TestNamesOutlastPlainPairs: once every first-and-last-name pair is taken
// (as it is in a registry of a few tens of thousands of descriptors) both
// kinds of name still come, and new ones are still new. Before initials
// were added the generator searched forever at about 10,000 files.
func TestNamesOutlastPlainPairs(t *testing.T) {
	t.Parallel()
	g := &generator{r: rng{newRand(3)}, persons: map[string]int{}}
	for _, f := range firstNames {
		for _, l := range surnames {
			g.persons[strings.ToLower(f+" "+l)] = 3
		}
	}
	seen := map[string]bool{}
	for range 20000 {
		name := g.newPerson()
		if seen[name] {
			t.Fatalf("newPerson gave %q twice", name)
		}
		seen[name] = true
	}
	for range 20000 {
		if name := g.person(g.r, true); !strings.Contains(name, ".") {
			t.Fatalf("person gave %q, a plain pair already on three open descriptors", name)
		}
	}
}
