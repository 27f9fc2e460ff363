package run

import (
	"path/filepath"
	"sort"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
)

// Inputs are the descriptors of a run in run order: the named ones, which
// are checked and reported, and, with a registry, the other descriptors under
// it, read only for the registry rules.
type Inputs struct {
	List    []check.Input
	Skipped []discover.Skipped
	// Partial is true when a registry gave context descriptors: registry
	// findings are then reported only when they involve a named file.
	Partial bool
}

// Named returns the sources whose findings are reported.
func (in *Inputs) Named() []discover.Source {
	var out []discover.Source
	for _, i := range in.List {
		if !i.FactsOnly {
			out = append(out, i.Source)
		}
	}
	return out
}

// Discover finds the descriptors of paths (as check's PATH arguments) and,
// for each registry folder, every descriptor under it. A named file under a
// registry stands in for its own path there, so it is read once. With a
// registry, the run order is by absolute path (standard input first), the
// order a run over the whole registry would take, so a file's findings read
// the same whichever way it is checked.
//
// exclude are globs a folder walk passes over (discover.FindExcluding),
// under the PATH arguments and the registry folders alike.
func Discover(paths, registries []string, exclude ...string) (*Inputs, error) {
	named, err := discover.FindExcluding(paths, exclude)
	if err != nil {
		return nil, err
	}
	in := &Inputs{List: check.Inputs(named.Sources), Skipped: named.Skipped}
	if len(registries) == 0 {
		return in, nil
	}
	context, err := discover.FindExcluding(registries, exclude)
	if err != nil {
		return nil, err
	}
	in.Skipped = append(in.Skipped, context.Skipped...)
	seen := map[string]bool{}
	for _, s := range named.Sources {
		seen[absolute(s.Path)] = true
	}
	for _, s := range context.Sources {
		if s.Path == discover.Stdin || seen[absolute(s.Path)] {
			continue
		}
		seen[absolute(s.Path)] = true
		in.List = append(in.List, check.Input{Source: s, FactsOnly: true})
		in.Partial = true
	}
	// A named file may be a registry file under another name (a link):
	// it stands in for it, as when the names match.
	sources := make([]discover.Source, len(in.List))
	for i, s := range in.List {
		sources[i] = s.Source
	}
	if unique, dropped := discover.Unique(sources); len(dropped) > 0 {
		keep := map[string]bool{}
		for _, s := range unique {
			keep[s.Path] = true
		}
		list := in.List[:0]
		for _, s := range in.List {
			if keep[s.Path] {
				list = append(list, s)
				delete(keep, s.Path)
			}
		}
		in.List = list // (context copies of named files: not worth a message)
	}
	sort.SliceStable(in.List, func(i, j int) bool {
		a, b := in.List[i].Path, in.List[j].Path
		if a == discover.Stdin || b == discover.Stdin {
			return a == discover.Stdin && b != discover.Stdin
		}
		return absolute(a) < absolute(b)
	})
	return in, nil
}

// absolute is a path made absolute and clean; a path that cannot be made so
// is kept as it is (it then matches only itself).
func absolute(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
