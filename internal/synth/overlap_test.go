package synth_test

import (
	"slices"
	"strings"
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/synth"
)

// landscape is what the registry rules see in a generated registry, read
// back from its files (never from the generator's internals).
type landscape struct {
	open int // valid descriptors not closed
	// sharing is how many open descriptors share an (area, client group,
	// outcome link) key with another; biggest is the most descriptors on
	// one key.
	sharing, biggest int
	// maxSeats is the most open descriptors one representative sits on;
	// overloaded is how many people sit on more than four.
	maxSeats, overloaded int
	// depth is the longest reports_to path between descriptors outside
	// cycles, in steps; cycles the number of reporting cycles.
	depth, cycles int
	// idLists is how many descriptors have a reports_to list naming a
	// descriptor id; areaLists how many have an area list.
	idLists, areaLists int
}

// survey reads the valid files of a registry as the registry rules do:
// names folded, areas and reports_to as a text or a list.
func survey(t *testing.T, files []synth.File) landscape {
	t.Helper()
	var l landscape
	keys := map[string][]string{}         // area|group|link → open files
	seats := map[string]map[string]bool{} // person → open files
	next := map[string][]string{}         // descriptor id → reports_to entries
	var lists [][]string                  // reports_to lists
	for _, f := range files {
		if f.Broken != "" {
			continue
		}
		format, _ := descriptor.FormatForPath(f.Path)
		parsed, err := descriptor.Parse(f.Data, format)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		m := parsed.Value.(map[string]any)
		reports := m["governance"].(map[string]any)["reports_to"]
		next[m["id"].(string)] = texts(reports)
		if _, ok := reports.([]any); ok {
			lists = append(lists, texts(reports))
		}
		if _, ok := m["area"].([]any); ok {
			l.areaLists++
		}
		if m["status"] == "closed" {
			continue
		}
		l.open++
		for k := range overlapKeys(m) {
			keys[k] = append(keys[k], f.Path)
		}
		for _, p := range list(m["partners"]) {
			rep, _ := p.(map[string]any)["representative"].(map[string]any)
			if person, ok := rep["person"].(string); ok && strings.TrimSpace(person) != "" {
				key := strings.ToLower(strings.TrimSpace(person))
				if seats[key] == nil {
					seats[key] = map[string]bool{}
				}
				seats[key][f.Path] = true
			}
		}
	}
	shared := map[string]bool{}
	for _, paths := range keys {
		l.biggest = max(l.biggest, len(paths))
		if len(paths) > 1 {
			for _, p := range paths {
				shared[p] = true
			}
		}
	}
	l.sharing = len(shared)
	for _, files := range seats {
		l.maxSeats = max(l.maxSeats, len(files))
		if len(files) > 4 {
			l.overloaded++
		}
	}
	for _, entries := range lists {
		if slices.ContainsFunc(entries, func(e string) bool { _, ok := next[e]; return ok }) {
			l.idLists++
		}
	}
	l.depth, l.cycles = reporting(next)
	return l
}

// overlapKeys returns the (area, client group, outcome link) keys of an
// open descriptor, folded as overlapping-partnerships folds them.
func overlapKeys(m map[string]any) map[string]bool {
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), "") }
	out := map[string]bool{}
	for _, a := range texts(m["area"]) {
		for _, g := range list(m["client_groups"]) {
			for _, l := range list(m["purpose"].(map[string]any)["outcome_links"]) {
				lm := l.(map[string]any)
				out[fold(a)+"|"+fold(g.(map[string]any)["name"].(string))+"|"+lm["framework"].(string)+" "+lm["ref"].(string)] = true
			}
		}
	}
	return out
}

// reporting returns the longest reports_to path between descriptors in
// steps (counting a cycle as one step, as its members report to each
// other) and the number of cycles: the strongly connected components of
// more than one descriptor, or of one that reports to itself.
func reporting(next map[string][]string) (depth, cycles int) {
	// Tarjan's algorithm; components come out sinks first, so each one's
	// depth is known from those it reports to.
	index, low, comp := map[string]int{}, map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var compDepth []int
	ids := make([]string, 0, len(next))
	for id := range next {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var visit func(id string)
	visit = func(id string) {
		index[id], low[id] = len(index), len(index)
		stack = append(stack, id)
		onStack[id] = true
		for _, to := range next[id] {
			if _, ok := next[to]; !ok {
				continue // a board, not a descriptor
			}
			if _, seen := index[to]; !seen {
				visit(to)
				low[id] = min(low[id], low[to])
			} else if onStack[to] {
				low[id] = min(low[id], index[to])
			}
		}
		if low[id] != index[id] {
			return
		}
		c := len(compDepth)
		var members []string
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[top] = false
			comp[top] = c
			members = append(members, top)
			if top == id {
				break
			}
		}
		d := 0
		for _, from := range members {
			for _, to := range next[from] {
				if tc, ok := comp[to]; ok && tc != c {
					d = max(d, compDepth[tc]+1)
				}
			}
		}
		compDepth = append(compDepth, d)
		depth = max(depth, d)
		if len(members) > 1 || slices.Contains(next[id], id) {
			cycles++
		}
	}
	for _, id := range ids {
		if _, seen := index[id]; !seen {
			visit(id)
		}
	}
	return depth, cycles
}

// TestOverlapRegistryOverlaps: an overlap-heavy registry gives every
// registry rule its worst case, as read from the files: most open
// descriptors share an area, a client group and an outcome link with
// another; people sit on far more than four open partnerships; reporting
// lines between descriptors run 5 steps deep or more, some as lists, with
// a few cycles. The plain registry of the same seed shows none of that
// beyond its few plants, so the checks below tell the two apart.
func TestOverlapRegistryOverlaps(t *testing.T) {
	t.Parallel()
	const n = 1000
	opts := synth.Options{N: n, Seed: 1, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON, Overlap: true}
	heavy := survey(t, generate(t, opts))
	opts.Overlap = false
	plain := survey(t, generate(t, opts))
	t.Logf("overlap-heavy: %+v", heavy)
	t.Logf("plain:         %+v", plain)

	if share := float64(heavy.sharing) / float64(heavy.open); share < 0.6 {
		t.Errorf("%d of %d open descriptors (%.0f%%) share an (area, client group, outcome link) key, want at least 60%%", heavy.sharing, heavy.open, 100*share)
	}
	if heavy.biggest < 10 {
		t.Errorf("at most %d open descriptors share one key, want 10 or more", heavy.biggest)
	}
	if heavy.maxSeats <= 10 || heavy.overloaded < n/100 {
		t.Errorf("one person sits on at most %d open descriptors and %d people on more than 4, want more than 10 and at least %d", heavy.maxSeats, heavy.overloaded, n/100)
	}
	if heavy.depth < 5 {
		t.Errorf("the longest reporting line between descriptors is %d steps, want 5 or more", heavy.depth)
	}
	if heavy.cycles < 2 || heavy.cycles > n/100 {
		t.Errorf("%d reporting cycles, want a few: 2 to %d", heavy.cycles, n/100)
	}
	if heavy.idLists < 10 {
		t.Errorf("%d descriptors report to a list naming a descriptor, want 10 or more", heavy.idLists)
	}
	if heavy.areaLists < n/20 {
		t.Errorf("%d descriptors span a list of areas, want at least %d", heavy.areaLists, n/20)
	}

	// The plain registry keeps to its plants: the same checks fail there.
	if plain.sharing*10 > plain.open || plain.maxSeats > 6 || plain.depth >= 5 {
		t.Errorf("the plain registry overlaps too: %+v", plain)
	}
}
