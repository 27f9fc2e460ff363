package report

import (
	"io"

	"example.org/cgcheck/internal/finding"
)

// WriteFile writes to path what write writes, as --output files are
// written (a temporary file renamed into place; a link's target; a pipe or
// device written through), for a file that is no report of documents: a
// board paper, an OPA bundle. Nothing is left behind when it fails.
func WriteFile(path string, write func(io.Writer) error) error {
	f := &FileReporter{path: path, format: func(w io.Writer) Reporter { return &writerReporter{w: w, write: write} }}
	if err := f.Start(Run{}); err != nil {
		f.Abort()
		return err
	}
	return f.Finish(finding.Summary{}, finding.Registry{}) // which cleans up after itself
}

// writerReporter writes once, when the run finishes.
type writerReporter struct {
	w     io.Writer
	write func(io.Writer) error
}

func (r *writerReporter) Start(Run) error                                { return nil }
func (r *writerReporter) Document(*finding.Document) error               { return nil }
func (r *writerReporter) Finish(finding.Summary, finding.Registry) error { return r.write(r.w) }
