package report

import (
	"io"

	"example.org/cgcheck/internal/finding"
)

// WriterFile returns a reporter that writes what write writes to path, as
// --output files are written (a temporary file renamed into place; a
// link's target; a pipe or device written through), when the run
// finishes: for a file that is no report of documents, such as an OPA
// bundle.
func WriterFile(path string, write func(io.Writer) error) *FileReporter {
	return &FileReporter{path: path, format: func(w io.Writer) Reporter { return &writerReporter{w: w, write: write} }}
}

type writerReporter struct {
	w     io.Writer
	write func(io.Writer) error
}

func (r *writerReporter) Start(Run) error                                { return nil }
func (r *writerReporter) Document(*finding.Document) error               { return nil }
func (r *writerReporter) Finish(finding.Summary, finding.Registry) error { return r.write(r.w) }
