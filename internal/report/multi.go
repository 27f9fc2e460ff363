package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/outfile"
)

// Multi sends one run to several reporters, so the files are checked once
// however many formats are written.
type Multi []Reporter

// Start starts every reporter.
func (m Multi) Start(run Run) error {
	for _, r := range m {
		if err := r.Start(run); err != nil {
			return err
		}
	}
	return nil
}

// Document passes a finished document to every reporter.
func (m Multi) Document(doc *finding.Document) error {
	for _, r := range m {
		if err := r.Document(doc); err != nil {
			return err
		}
	}
	return nil
}

// Finish finishes every reporter, returning the first error.
func (m Multi) Finish(summary finding.Summary, registry finding.Registry) error {
	var errs []error
	for _, r := range m {
		errs = append(errs, r.Finish(summary, registry))
	}
	return errors.Join(errs...)
}

// Abort discards what the reporters that write files have written so far.
func (m Multi) Abort() {
	for _, r := range m {
		if a, ok := r.(interface{ Abort() }); ok {
			a.Abort()
		}
	}
}

// FileReporter writes one format to a file, whole or not at all: it writes to
// a temporary file beside the target and renames it over the target only when
// the run finishes, so a CI job never reads half a report and an interrupted
// run leaves the previous report in place. A symbolic link is followed and
// kept (the report replaces the file it points to), and a target that is not
// a regular file (/dev/null, /dev/stdout, a named pipe) is written through,
// never replaced.
type FileReporter struct {
	path   string
	format Factory
	tmp    *os.File // the temporary file, for a regular target
	direct *os.File // the target itself, written through
	target string   // where the report goes, links followed
	made   []string // folders Start made, deepest first (Abort removes them)
	inner  Reporter
}

// missingDirs lists the folders of dir that do not exist yet, deepest
// first.
func missingDirs(dir string) []string {
	var out []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			return out
		}
		out = append(out, d)
		if parent := filepath.Dir(d); parent == d {
			return out
		}
	}
}

// NewFile returns a reporter writing format to path; an unknown format is
// an error listing the known ones.
func NewFile(format, path string) (*FileReporter, error) {
	factory, ok := formats[format]
	if !ok {
		_, err := New(format, nil)
		return nil, err
	}
	return &FileReporter{path: path, format: factory}, nil
}

// Path is the file the reporter writes, as it was named.
func (f *FileReporter) Path() string { return f.path }

// Start opens the temporary file (or the target, when it is not a regular
// file) and starts the format on it.
func (f *FileReporter) Start(run Run) error {
	t, err := outfile.Resolve(f.path)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	f.target = t.Path
	if !t.Regular() {
		if t.Info.IsDir() {
			return fmt.Errorf("cannot write %s: it is a folder; name a file", f.path)
		}
		direct, err := os.OpenFile(t.Path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", f.path, err)
		}
		f.direct = direct
		f.inner = f.format(direct)
		return f.inner.Start(run)
	}
	dir, base := filepath.Split(t.Path)
	if dir == "" {
		dir = "."
	}
	f.made = missingDirs(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	f.tmp = tmp
	f.inner = f.format(tmp)
	return f.inner.Start(run)
}

// Document passes the document to the format.
func (f *FileReporter) Document(doc *finding.Document) error { return f.inner.Document(doc) }

// Finish completes the format, then moves the file into place.
func (f *FileReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	if err := f.inner.Finish(summary, registry); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if f.direct != nil {
		err := f.direct.Close()
		f.direct = nil
		if err != nil {
			return fmt.Errorf("write %s: %w", f.path, err)
		}
		return nil
	}
	if err := f.tmp.Sync(); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := f.tmp.Close(); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := os.Chmod(f.tmp.Name(), 0o644); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	if err := os.Rename(f.tmp.Name(), f.target); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	f.tmp = nil
	return nil
}

// Abort removes the temporary file and the folders Start made for it, when
// they are still empty (a target written through keeps what it was given).
func (f *FileReporter) Abort() {
	if f.tmp != nil {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		f.tmp = nil
		for _, d := range f.made {
			if os.Remove(d) != nil {
				break // not empty: something else is in it
			}
		}
		f.made = nil
	}
	if f.direct != nil {
		f.direct.Close()
		f.direct = nil
	}
}
