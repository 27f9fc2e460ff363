// Package outfile decides where a file cgcheck writes (a report, a profile)
// really goes, so that writing it can never replace something the user owns
// by accident: a symbolic link is followed and kept, a device or pipe is
// written through rather than replaced by a regular file, and a target that
// is one of the files being read is refused.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Target is where a path leads once its symbolic links are followed.
type Target struct {
	// Path is the file itself: the path with every link along it followed
	// (the path as given when it holds no link).
	Path string
	// Info is the file's (nil when it does not exist yet).
	Info fs.FileInfo
}

// Exists reports whether the target exists.
func (t Target) Exists() bool { return t.Info != nil }

// Regular reports whether the target is a regular file or does not exist
// yet: one that may be written beside and renamed into place.
func (t Target) Regular() bool { return t.Info == nil || t.Info.Mode().IsRegular() }

// maxLinks bounds the links followed, as the kernel does (ELOOP).
const maxLinks = 40

// Resolve follows path's symbolic links, including a last one that points
// at nothing yet (the report is then created where it points).
func Resolve(path string) (Target, error) {
	p := path
	for range maxLinks {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			// The file does not exist; its folder may hold links, which
			// the operating system follows when the file is made.
			return Target{Path: p}, nil
		}
		if err != nil {
			return Target{}, err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			// The file as the operating system reaches it (a link before
			// a ".." counts), and the path with every link followed.
			if info, err = os.Stat(p); err != nil {
				return Target{}, err
			}
			if real, err := filepath.EvalSymlinks(p); err == nil {
				if ri, err := os.Stat(real); err == nil && os.SameFile(ri, info) {
					p = real
				}
			}
			return Target{Path: p, Info: info}, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return Target{}, err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return Target{}, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// Guard refuses targets that are files being read, by identity (the same
// file on disk), not by name: a link, a folder reached through a link or a
// path with ".." in it all name the same file. It stats the files it
// guards only once asked about a target that exists.
type Guard struct {
	paths []string
	infos []fs.FileInfo
	ready bool
}

// NewGuard guards the files at paths.
func NewGuard(paths []string) *Guard { return &Guard{paths: paths} }

// Check returns the guarded path that is the same file as t, if any.
func (g *Guard) Check(t Target) (string, bool) {
	if g == nil || !t.Exists() {
		return "", false // a file that does not exist is not being read
	}
	if !g.ready {
		g.ready = true
		for _, p := range g.paths {
			info, err := os.Stat(p)
			if err == nil {
				g.infos = append(g.infos, info)
			} else {
				g.infos = append(g.infos, nil)
			}
		}
	}
	for i, info := range g.infos {
		if info != nil && os.SameFile(info, t.Info) {
			return g.paths[i], true
		}
	}
	return "", false
}
