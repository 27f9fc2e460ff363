// Package frameworks holds the outcome frameworks that a descriptor's
// purpose.outcome_links may name (rules.md, "Outcome frameworks"): the
// built-in ones, which the policies declare, and those a config file adds
// or replaces, such as a Community Planning Partnership's own Local Outcomes
// Improvement Plan priorities.
package frameworks

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Builtin is the source of a framework that cgcheck knows without
// configuration.
const Builtin = "built in"

// Outcome is one outcome of a framework: the ref an outcome link gives and
// its title.
type Outcome struct {
	Ref   string `json:"ref"`
	Title string `json:"title"`
}

// Framework is an outcome framework. A framework without outcomes accepts
// any non-blank ref (a Single Outcome Agreement, a locality plan).
type Framework struct {
	Name     string    `json:"name"`
	Title    string    `json:"title"`
	Outcomes []Outcome `json:"outcomes,omitempty"`
	// Source is Builtin or "config file PATH".
	Source string `json:"source"`
}

// AnyRef reports whether the framework accepts any non-blank ref.
func (f Framework) AnyRef() bool { return f.Outcomes == nil }

// namePattern is the descriptor format's pattern for a framework name.
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidName reports whether name may name a framework.
func ValidName(name string) bool { return namePattern.MatchString(name) }

// Merge returns the frameworks in force: the built-in ones, with those of
// the config file added or, under the same name, replacing them; sorted by
// name.
func Merge(builtin, configured []Framework) []Framework {
	byName := map[string]Framework{}
	for _, f := range builtin {
		byName[f.Name] = f
	}
	for _, f := range configured {
		byName[f.Name] = f
	}
	out := make([]Framework, 0, len(byName))
	for _, f := range byName {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Data is the frameworks as the policies read them (data.cgcheck.frameworks):
// name -> {"title", "outcomes": {ref: title}}, with no "outcomes" for a
// framework that accepts any ref.
func Data(set []Framework) map[string]any {
	out := make(map[string]any, len(set))
	for _, f := range set {
		entry := map[string]any{"title": f.Title}
		if !f.AnyRef() {
			outcomes := make(map[string]any, len(f.Outcomes))
			for _, o := range f.Outcomes {
				outcomes[o.Ref] = o.Title
			}
			entry["outcomes"] = outcomes
		}
		out[f.Name] = entry
	}
	return out
}

// FromData reads frameworks in the form Data writes (the policies' built-in
// ones), naming them as coming from source. Outcomes are put in natural
// order, so national outcome "2" comes before "10".
func FromData(v any, source string) ([]Framework, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("frameworks must map names to {title, outcomes}, not %T", v)
	}
	var out []Framework
	for name, raw := range m {
		entry, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("framework %s must be {title, outcomes}", name)
		}
		f := Framework{Name: name, Source: source}
		f.Title, _ = entry["title"].(string)
		if outcomes, ok := entry["outcomes"].(map[string]any); ok {
			f.Outcomes = []Outcome{}
			for ref, title := range outcomes {
				t, _ := title.(string)
				f.Outcomes = append(f.Outcomes, Outcome{Ref: ref, Title: t})
			}
			sort.Slice(f.Outcomes, func(i, j int) bool { return naturalLess(f.Outcomes[i].Ref, f.Outcomes[j].Ref) })
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// naturalLess orders refs that are whole numbers by value, before any
// other, and other refs as text.
func naturalLess(a, b string) bool {
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	switch {
	case errA == nil && errB == nil:
		return na < nb
	case errA == nil:
		return true
	case errB == nil:
		return false
	}
	return strings.Compare(a, b) < 0
}
