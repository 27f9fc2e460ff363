// Package discover turns the PATH arguments of `cgcheck check` into the list
// of descriptor files to check, in path order.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"example.org/cgcheck/internal/descriptor"
)

// Stdin is the PATH that means standard input.
const Stdin = "-"

// Source is one thing to check: a file path, or Stdin.
type Source struct {
	Path string
	// Explicit is true when the user named the file itself, so it is checked
	// whatever its extension.
	Explicit bool
}

// PathError is a PATH argument that does not exist or cannot be read; it is a
// usage error, reported before anything is checked.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// Skipped is a file or folder the walk passed over with a reason worth
// telling the user (an unreadable folder, a link to a folder).
type Skipped struct {
	Path   string
	Reason string
}

// Result is the outcome of discovery.
type Result struct {
	Sources []Source
	Skipped []Skipped
}

// Find resolves paths: files as named, directories walked recursively for
// *.json, *.yaml and *.yml (hidden files and folders such as .git skipped,
// symbolic links to folders found inside never followed, though a PATH that
// is itself such a link is walked), "-" for standard input. The
// result is sorted by path with duplicates removed; standard input comes
// first.
func Find(paths []string) (*Result, error) { return FindExcluding(paths, nil) }

// FindExcluding is Find, passing over what the exclude globs match in a
// folder walk (check --exclude, config exclude:). A glob is matched against
// the path relative to the PATH argument walked, with / between folders and
// ** for any number of them (docs/**, registry/archive/*.yaml); a glob
// without a / matches a file's or folder's name at any depth (mkdocs.yml,
// *.draft.yaml), as in .gitignore. A folder matched is not entered. Files
// named as PATH arguments are always checked.
func FindExcluding(paths, exclude []string) (*Result, error) {
	for _, g := range exclude {
		if !doublestar.ValidatePattern(g) {
			return nil, &PathError{Path: g, Err: errors.New("--exclude: not a valid glob pattern (use *, ?, [abc], {a,b} and ** for any number of folders)")}
		}
	}
	excluded := func(rel string) bool {
		rel = filepath.ToSlash(rel)
		name := path.Base(rel)
		for _, g := range exclude {
			target := rel
			if !strings.Contains(g, "/") {
				target = name
			}
			if ok, _ := doublestar.Match(g, target); ok {
				return true
			}
		}
		return false
	}
	res := &Result{}
	seen := map[string]bool{}
	add := func(s Source) {
		if !seen[s.Path] {
			seen[s.Path] = true
			res.Sources = append(res.Sources, s)
		}
	}
	for _, p := range paths {
		if p == Stdin {
			add(Source{Path: Stdin, Explicit: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &PathError{Path: p, Err: errors.New("no such file or directory")}
			}
			return nil, &PathError{Path: p, Err: unwrapPathError(err)}
		}
		if !info.IsDir() {
			add(Source{Path: filepath.Clean(p), Explicit: true})
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link; with a trailing
			// separator the system resolves it, and paths still start with p.
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if path != root && len(exclude) > 0 {
				if rel, rerr := filepath.Rel(root, path); rerr == nil && excluded(rel) {
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
			}
			if err != nil {
				if path == root {
					return err
				}
				res.Skipped = append(res.Skipped, Skipped{Path: path, Reason: unwrapPathError(err).Error()})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if _, ok := descriptor.FormatForPath(name); !ok {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				target, err := os.Stat(path)
				switch {
				case err != nil:
					res.Skipped = append(res.Skipped, Skipped{Path: path, Reason: "broken symbolic link: " + unwrapPathError(err).Error()})
					return nil
				case target.IsDir():
					res.Skipped = append(res.Skipped, Skipped{Path: path, Reason: "symbolic link to a folder (not followed)"})
					return nil
				}
			}
			add(Source{Path: path})
			return nil
		})
		if err != nil {
			return nil, &PathError{Path: p, Err: unwrapPathError(err)}
		}
	}
	sort.SliceStable(res.Sources, func(i, j int) bool {
		a, b := res.Sources[i].Path, res.Sources[j].Path
		if a == Stdin || b == Stdin {
			return a == Stdin && b != Stdin
		}
		return a < b
	})
	var dropped []Skipped
	res.Sources, dropped = Unique(res.Sources)
	res.Skipped = append(res.Skipped, dropped...)
	return res, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
