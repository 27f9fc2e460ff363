package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func init() { register("xlsx", newXLSX) }

// xlsxMaxRows is the most rows a worksheet holds (Excel's limit, header
// included).
const xlsxMaxRows = 1048576

// xlsxReporter writes an Excel workbook for reviewers: an "Overview" sheet
// of documents by theme, coloured red, amber and green (with the status in
// words too, for printing and colour-blind readers); a "Findings" sheet, the
// table of the csv format with a filter on every column and a frozen header;
// and a "Rules" sheet of the rules the run checked. The findings are
// streamed to the workbook's temporary storage as documents arrive; the
// overview keeps one short row per document.
type xlsxReporter struct {
	w        io.Writer
	run      Run
	file     *excelize.File
	findings *excelize.StreamWriter
	styles   xlsxStyles
	row      int // the last row written on Findings
	overview []overviewRow
	err      error
}

// overviewRow is one document as the Overview sheet shows it.
type overviewRow struct {
	name, area, file, id, partnershipStatus string
	sortKey                                 string // areaKey
	status                                  finding.Status
	themes                                  []themeCell
}

// xlsxStyles are the workbook's cell styles: the header, and a fill per
// status.
type xlsxStyles struct {
	header   int
	wrap     int
	byStatus map[finding.Status]int
}

func newXLSX(w io.Writer) Reporter { return &xlsxReporter{w: w} }

func (r *xlsxReporter) Start(run Run) error {
	r.run = run
	r.file = excelize.NewFile()
	if err := r.setUp(); err != nil {
		r.err = err
	}
	return r.err
}

// setUp names the sheets (Overview first, so the workbook opens on it),
// makes the styles and starts the Findings sheet with its header.
func (r *xlsxReporter) setUp() error {
	f := r.file
	if err := f.SetSheetName("Sheet1", "Overview"); err != nil {
		return err
	}
	for _, name := range []string{"Findings", "Rules"} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// The workbook's dates are the run's as-of date, not the clock's, so
	// that the same run gives the same bytes (as every format does).
	stamp := ""
	if r.run.Today != "" {
		stamp = r.run.Today + "T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: r.run.ToolName, Title: "Collaborative gain check", Created: stamp, Modified: stamp,
		Description: "Partnership descriptors checked against the findings of the Collaborative Gain Research Study (Improvement Service, 2008)",
	}); err != nil {
		return err
	}
	var err error
	if r.styles, err = newXLSXStyles(f); err != nil {
		return err
	}
	if r.findings, err = f.NewStreamWriter("Findings"); err != nil {
		return err
	}
	sw := r.findings
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for col, width := range []float64{28, 22, 28, 16, 12, 24, 11, 9, 80, 6, 30, 40, 12} {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return err
		}
	}
	r.row = 1
	return sw.SetRow("A1", styledRow(tableHeader, r.styles.header))
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	s := xlsxStyles{byStatus: map[finding.Status]int{}}
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	if s.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return s, err
	}
	// Light fills with dark text: readable printed in grey too.
	// In a fixed order, so that the same run gives the same bytes.
	for _, sf := range []struct {
		status finding.Status
		fill   string
	}{{finding.Fail, "F4CCCC"}, {finding.Warn, "FCE5CD"}, {finding.Pass, "D9EAD3"}, {finding.Waived, "D9D2E9"}, {finding.Skip, "EEEEEE"}} {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{sf.fill}}})
		if err != nil {
			return s, err
		}
		s.byStatus[sf.status] = id
	}
	return s, nil
}

func styledRow(cells []string, style int) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = excelize.Cell{StyleID: style, Value: c}
	}
	return out
}

// errTooManyRows is returned when the findings do not fit one worksheet.
var errTooManyRows = errors.New("the findings do not fit in a spreadsheet: a worksheet holds at most 1,048,575 rows; use --format csv, which has no limit, or check fewer files at a time")

// addRow writes one findings row, its status cell coloured.
func (r *xlsxReporter) addRow(t tableRow) error {
	if r.row+1 >= xlsxMaxRows {
		return errTooManyRows
	}
	r.row++
	cells := t.cells()
	values := make([]any, len(cells))
	for i, c := range cells {
		values[i] = xlsxText(c)
	}
	values[9] = t.Line // Line: a number, so that it sorts as one
	if t.Line == 0 {
		values[9] = nil
	}
	if style, ok := r.styles.byStatus[finding.Status(t.Status)]; ok {
		values[7] = excelize.Cell{StyleID: style, Value: t.Status}
	}
	cell, err := excelize.CoordinatesToCellName(1, r.row)
	if err != nil {
		return err
	}
	return r.findings.SetRow(cell, values)
}

func (r *xlsxReporter) Document(doc *finding.Document) error {
	if r.err != nil {
		return r.err
	}
	for _, row := range documentRows(doc) {
		if r.err = r.addRow(row); r.err != nil {
			return r.err
		}
	}
	o := overviewRow{file: doc.File, id: doc.ID, status: doc.Status, themes: docThemes(doc), sortKey: areaKey(doc)}
	if p := doc.Partnership; p != nil {
		o.name, o.area, o.partnershipStatus = p.Name, p.AreaList(), p.Status
	}
	r.overview = append(r.overview, o)
	return nil
}

func (r *xlsxReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	if r.err != nil {
		return r.err
	}
	for _, row := range closingRows(r.run, summary, registry) {
		if err := r.addRow(row); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(tableHeader), max(r.row, 2))
	if err != nil {
		return err
	}
	// A table gives every column a filter button and keeps the header
	// with its data when the reader sorts.
	if err := r.findings.AddTable(&excelize.Table{Range: "A1:" + last, Name: "Findings", StyleName: "TableStyleLight1"}); err != nil {
		return err
	}
	if err := r.findings.Flush(); err != nil {
		return err
	}
	if err := r.writeOverview(summary, registry); err != nil {
		return err
	}
	if err := r.writeRules(); err != nil {
		return err
	}
	r.file.SetActiveSheet(0)
	buf, err := r.file.WriteToBuffer()
	if err != nil {
		return err
	}
	if err := r.file.Close(); err != nil {
		return err
	}
	return writeSortedZip(r.w, buf.Bytes())
}

// writeSortedZip copies a zip archive to w with its entries in name order,
// their compressed bytes unchanged: excelize writes a workbook's parts in
// an order that varies from run to run, and cgcheck's reports are the same
// bytes for the same run.
func writeSortedZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	// [Content_Types].xml first, as Office itself writes it; then by name.
	slices.SortFunc(files, func(a, b *zip.File) int {
		const types = "[Content_Types].xml"
		if (a.Name == types) != (b.Name == types) {
			if a.Name == types {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		hdr := f.FileHeader
		out, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeOverview writes the documents by theme, a line of totals above them.
func (r *xlsxReporter) writeOverview(summary finding.Summary, registry finding.Registry) error {
	sw, err := r.file.NewStreamWriter("Overview")
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for col, width := range []float64{34, 20, 30, 22, 12, 10} {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return err
		}
	}
	title := fmt.Sprintf("Partnership descriptors checked against the findings of the Collaborative Gain Research Study (Improvement Service, 2008) by %s %s, as of %s",
		r.run.ToolName, r.run.ToolVersion, r.run.Today)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: r.styles.header, Value: title}}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{summaryLine(summary, registry)}); err != nil {
		return err
	}
	header := []string{"Name", "Area", "File", "ID", "Partnership status", "Status"}
	for _, t := range catalogue.Themes {
		header = append(header, t)
	}
	if err := sw.SetRow("A3", styledRow(header, r.styles.header)); err != nil {
		return err
	}
	if summary.SeveralAreas() {
		// By area (the first of each document's), as the other reports
		// group them; within an area, in the order checked.
		slices.SortStableFunc(r.overview, func(a, b overviewRow) int { return strings.Compare(a.sortKey, b.sortKey) })
	}
	for i, o := range r.overview {
		values := []any{xlsxText(o.name), xlsxText(o.area), xlsxText(o.file), xlsxText(o.id), xlsxText(o.partnershipStatus), r.statusCell(o.status)}
		for _, tc := range o.themes {
			values = append(values, r.statusCell(tc.Status))
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+4), values); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// statusCell is a status in words on its colour.
func (r *xlsxReporter) statusCell(s finding.Status) excelize.Cell {
	return excelize.Cell{StyleID: r.styles.byStatus[s], Value: marker(s)}
}

// writeRules lists the rules the run checked, with the study's words.
func (r *xlsxReporter) writeRules() error {
	sw, err := r.file.NewStreamWriter("Rules")
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for col, width := range []float64{28, 11, 40, 8, 40, 60, 60} {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return err
		}
	}
	header := []string{"Rule", "Theme", "Title", "Level", "Section of the study", "The study's words", "What to do"}
	if err := sw.SetRow("A1", styledRow(header, r.styles.header)); err != nil {
		return err
	}
	for i, rule := range newRuleIndex(r.run).rules {
		values := []any{rule.ID, rule.Theme, xlsxText(rule.Title), rule.Severity, xlsxText(rule.Section),
			excelize.Cell{StyleID: r.styles.wrap, Value: xlsxText(rule.Quote)},
			excelize.Cell{StyleID: r.styles.wrap, Value: xlsxText(rule.Remediation)}}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), values); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxText is text as a cell holds it: the characters XML cannot carry
// (and those that could forge what a reader sees) shown as escapes, as the
// other human formats show them.
func xlsxText(s string) string { return safeText(s) }
