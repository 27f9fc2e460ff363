package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"example.org/cgcheck/internal/finding"
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
// run leaves the previous report in place.
type FileReporter struct {
	path   string
	format Factory
	tmp    *os.File
	inner  Reporter
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

// Path is the file the reporter writes.
func (f *FileReporter) Path() string { return f.path }

// Start creates the temporary file and starts the format on it.
func (f *FileReporter) Start(run Run) error {
	dir, base := filepath.Split(f.path)
	if dir == "" {
		dir = "."
	}
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
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", f.path, err)
	}
	f.tmp = nil
	return nil
}

// Abort removes the temporary file.
func (f *FileReporter) Abort() {
	if f.tmp != nil {
		f.tmp.Close()
		os.Remove(f.tmp.Name())
		f.tmp = nil
	}
}
