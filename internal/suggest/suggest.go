// Package suggest finds the name a user probably meant, so that a message
// about an unknown rule, parameter or variable can say "did you mean ...?".
package suggest

import (
	"strings"

	"github.com/agnivade/levenshtein"
)

// Nearest returns the candidate closest to name, when one is close enough
// to be a slip: at most a third of its length in edits, and never more than
// three. Case, "-" and "_" count as the same, so group_size finds group-size.
func Nearest(name string, candidates []string) (string, bool) {
	fold := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", "-") }
	want := fold(name)
	best, bestDistance := "", min(3, len(want)/3)+1
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(want, fold(c)); d < bestDistance {
			best, bestDistance = c, d
		}
	}
	return best, best != ""
}

// Hint is Nearest as the end of a message: " (did you mean X?)", or "".
func Hint(name string, candidates []string) string {
	if best, ok := Nearest(name, candidates); ok {
		return " (did you mean " + best + "?)"
	}
	return ""
}
