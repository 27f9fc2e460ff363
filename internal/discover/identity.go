package discover

import (
	"os"
	"path/filepath"
)

// Unique drops every source that is the same file on disk as one before it
// (named twice in different spellings, through a link, or found both named
// and under a registry), so that no file is checked twice: two copies of one
// descriptor would fail unique-ids against themselves. Each dropped source
// is returned as skipped, naming the one kept. Standard input and files that
// cannot be read are kept as they are (reading them reports the problem).
func Unique(sources []Source) ([]Source, []Skipped) {
	kept := make([]Source, 0, len(sources))
	var dropped []Skipped
	first := map[any]string{}
	for _, s := range sources {
		if s.Path == Stdin {
			kept = append(kept, s)
			continue
		}
		info, err := os.Stat(s.Path)
		if err != nil {
			kept = append(kept, s)
			continue
		}
		key, ok := identity(info)
		if !ok {
			if real, err := filepath.EvalSymlinks(s.Path); err == nil {
				if abs, err := filepath.Abs(real); err == nil {
					key, ok = abs, true
				}
			}
		}
		if !ok {
			kept = append(kept, s)
			continue
		}
		if prev, seen := first[key]; seen {
			dropped = append(dropped, Skipped{Path: s.Path, Reason: "the same file as " + prev + ", which is checked"})
			continue
		}
		first[key] = s.Path
		kept = append(kept, s)
	}
	return kept, dropped
}
