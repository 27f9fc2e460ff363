package report

import (
	"slices"
	"strconv"

	"example.org/cgcheck/internal/finding"
)

// The spreadsheet formats (csv, xlsx) share one table: a row per finding,
// so that a reviewer can sort, filter and annotate the findings of many
// partnerships at once. Registry findings give a row per document they
// name; files passed over as not descriptors give a row each, so nothing
// checked or left out is missing from the sheet.

// tableHeader names the columns, in order.
var tableHeader = []string{
	"File", "ID", "Name", "Area", "Partnership status", "Rule", "Theme",
	"Status", "Message", "Line", "Pointer", "Waiver", "Since baseline",
}

// tableRow is one row of the findings table. Line is 0 when the finding has
// no position.
type tableRow struct {
	File, ID, Name, Area, PartnershipStatus string
	Rule, Theme, Status, Message            string
	Line                                    int
	Pointer, Waiver                         string
	// Change is new, persisting or resolved against check --baseline.
	Change finding.Change
}

// cells gives the row as text, in tableHeader's order; a missing line is
// an empty cell.
func (t tableRow) cells() []string {
	line := ""
	if t.Line > 0 {
		line = strconv.Itoa(t.Line)
	}
	return []string{t.File, t.ID, t.Name, t.Area, t.PartnershipStatus, t.Rule, t.Theme,
		t.Status, t.Message, line, t.Pointer, t.Waiver, string(t.Change)}
}

// documentRows are a document's findings as rows, in the document's order
// (catalogue order).
func documentRows(doc *finding.Document) []tableRow {
	var name, area, status string
	if p := doc.Partnership; p != nil {
		name, area, status = p.Name, p.AreaList(), p.Status
	}
	rows := make([]tableRow, 0, len(doc.Findings)+len(doc.Resolved))
	for _, f := range slices.Concat(doc.Findings, doc.Resolved) {
		row := tableRow{File: doc.File, ID: doc.ID, Name: name, Area: area, PartnershipStatus: status,
			Rule: f.Rule, Theme: f.Theme, Status: string(f.Status), Message: f.Message,
			Line: f.Line, Pointer: f.PointerValue(), Change: f.Baseline}
		if f.Waiver != nil {
			row.Waiver = waiverText(f.Waiver)
		}
		rows = append(rows, row)
	}
	return rows
}

// registryRows give each registry finding a row per place it names (or
// per file, when it has no places).
func registryRows(reg finding.Registry) []tableRow {
	var rows []tableRow
	for _, f := range slices.Concat(reg.Findings, reg.Resolved) {
		base := tableRow{Rule: f.Rule, Theme: "registry", Status: string(f.Status), Message: f.Message, Change: f.Baseline}
		switch {
		case len(f.Locations) > 0:
			for _, l := range f.Locations {
				row := base
				row.File, row.ID, row.Line = l.File, l.ID, l.Line
				rows = append(rows, row)
			}
		case len(f.Files) > 0:
			for _, file := range f.Files {
				row := base
				row.File = file
				rows = append(rows, row)
			}
		default:
			rows = append(rows, base)
		}
	}
	return rows
}

// closingRows end the table after the documents: the registry's rows, the
// files skipped, the configuration where it is not the defaults (rule
// "config", so a changed parameter is never lost from the sheet) and, for a
// run cut short, why (rule "incomplete").
func closingRows(run Run, summary finding.Summary, registry finding.Registry) []tableRow {
	rows := append(registryRows(registry), skippedRows(summary)...)
	for _, line := range run.Config.Lines() {
		rows = append(rows, tableRow{Rule: "config", Message: line})
	}
	if summary.Incomplete != "" {
		rows = append(rows, tableRow{Rule: "incomplete", Status: string(finding.Fail), Message: summary.Incomplete})
	}
	return rows
}

// skippedRows list the files passed over as not descriptors.
func skippedRows(summary finding.Summary) []tableRow {
	rows := make([]tableRow, 0, len(summary.Skipped))
	for _, sk := range summary.Skipped {
		rows = append(rows, tableRow{File: sk.File, Status: string(finding.Skip), Message: sk.Reason})
	}
	return rows
}
