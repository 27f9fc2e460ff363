package report

import (
	"encoding/csv"
	"io"
	"strings"

	"example.org/cgcheck/internal/finding"
)

func init() { register("csv", newCSV) }

// csvReporter writes the findings table (table.go) as CSV (RFC 4180), a row
// per finding as documents arrive, then the registry's rows and the files
// skipped. The configuration, when not the defaults, ends the table as rows
// of rule "config", so a changed parameter is never lost from the sheet.
type csvReporter struct {
	w   *csv.Writer
	run Run
}

func newCSV(w io.Writer) Reporter { return &csvReporter{w: csv.NewWriter(w)} }

func (r *csvReporter) Start(run Run) error {
	r.run = run
	return r.write(tableHeader)
}

func (r *csvReporter) Document(doc *finding.Document) error {
	for _, row := range documentRows(doc) {
		if err := r.write(row.cells()); err != nil {
			return err
		}
	}
	r.w.Flush()
	return r.w.Error()
}

func (r *csvReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	for _, row := range closingRows(r.run, summary, registry) {
		if err := r.write(row.cells()); err != nil {
			return err
		}
	}
	r.w.Flush()
	return r.w.Error()
}

func (r *csvReporter) write(cells []string) error {
	for i, c := range cells {
		cells[i] = inertCell(c)
	}
	return r.w.Write(cells)
}

// inertCell keeps a spreadsheet from reading text taken from a descriptor
// as a formula: a cell that starts with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text (the
// OWASP advice on CSV injection). cgcheck's own cells never start so.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
