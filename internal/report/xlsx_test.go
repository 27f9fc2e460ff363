package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/testtool"
)

// dumpWorkbook lists every sheet's cells, row by row, tab-separated: the
// golden form of the xlsx format (the zip around them is not stable).
func dumpWorkbook(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the xlsx output does not open: %v", err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&out, "== %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			fmt.Fprintln(&out, strings.Join(row, "\t"))
		}
	}
	return out.String()
}

// TestXLSXGolden: the workbook's cells, sheet by sheet, match the golden
// file; the Findings sheet has a filter on every column and a frozen
// header, and a status cell is coloured.
func TestXLSXGolden(t *testing.T) {
	b := render(t, "xlsx", sampleRun())
	checkGolden(t, "xlsx", dumpWorkbook(t, b))

	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Overview", "Findings", "Rules"}; !cmp.Equal(got, want) {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	tables, err := f.GetTables("Findings")
	if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:M") {
		t.Errorf("Findings tables = %+v, %v; want one table from A1 over every column", tables, err)
	}
	panes, err := f.GetPanes("Findings")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Findings panes = %+v, %v; want the header row frozen", panes, err)
	}
	// The korsakoff document's single-lead fail is on row 5 (header, then
	// three rows of civic-centre); its status cell is red.
	if v, _ := f.GetCellValue("Findings", "H5"); v != "fail" {
		t.Fatalf("Findings!H5 = %q, want fail", v)
	}
	style, err := f.GetCellStyle("Findings", "H5")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "F4CCCC" {
		t.Errorf("Findings!H5 style = %+v, %v; want the red fill F4CCCC", st, err)
	}
}

// TestXLSXReadByOpenpyxl reads the workbook with an independent reader,
// Python's openpyxl (Debian's python3-openpyxl, which .ci/run installs):
// the sheets, the header, every findings row, the filter, the frozen
// header and the colours are what a spreadsheet program sees.
func TestXLSXReadByOpenpyxl(t *testing.T) {
	python := findOpenpyxl(t)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := os.WriteFile(path, render(t, "xlsx", sampleRun()), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Findings"]
out = {
  "sheets": wb.sheetnames,
  "active": wb.active.title,
  "header": [c.value for c in ws[1]],
  "rows": ws.max_row,
  "freeze": ws.freeze_panes,
  "tables": {name: (t if isinstance(t, str) else t.ref) for name, t in ws.tables.items()},
  "fail_fill": ws["H5"].fill.fgColor.rgb,
  "fail_value": ws["H5"].value,
  "line": ws["J5"].value,
  "overview_first": [c.value for c in wb["Overview"][4]][:6],
}
print(json.dumps(out))
`
	cmd := exec.Command(python, "-c", script, path)
	outb, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl could not read the workbook: %v\n%s", err, outb)
	}
	var got struct {
		Sheets        []string          `json:"sheets"`
		Active        string            `json:"active"`
		Header        []string          `json:"header"`
		Rows          int               `json:"rows"`
		Freeze        string            `json:"freeze"`
		Tables        map[string]string `json:"tables"`
		FailFill      string            `json:"fail_fill"`
		FailValue     string            `json:"fail_value"`
		Line          int               `json:"line"`
		OverviewFirst []any             `json:"overview_first"`
	}
	if err := json.Unmarshal(outb, &got); err != nil {
		t.Fatalf("%v\n%s", err, outb)
	}
	docs, s, reg := sample()
	rows := 1 // header
	for _, d := range docs {
		rows += len(d.Findings)
	}
	for _, f := range reg.Findings {
		rows += len(f.Locations)
	}
	rows += len(s.Skipped)
	if got.Rows != rows {
		t.Errorf("Findings has %d rows, want %d (header, a row per finding, a row per place of each registry finding)", got.Rows, rows)
	}
	if !cmp.Equal(got.Sheets, []string{"Overview", "Findings", "Rules"}) || got.Active != "Overview" {
		t.Errorf("sheets %v, active %q; want Overview, Findings, Rules, opening on Overview", got.Sheets, got.Active)
	}
	if got.Header[0] != "File" || got.Header[2] != "Name" || got.Header[len(got.Header)-1] != "Since baseline" {
		t.Errorf("header = %v", got.Header)
	}
	if got.Freeze != "A2" || got.Tables["Findings"] != fmt.Sprintf("A1:M%d", rows) {
		t.Errorf("freeze %q, tables %v; want A2 and one table A1:L%d", got.Freeze, got.Tables, rows)
	}
	if got.FailValue != "fail" || !strings.HasSuffix(got.FailFill, "F4CCCC") || got.Line != 14 {
		t.Errorf("H5 = %q with fill %q, J5 = %d; want fail on red at line 14", got.FailValue, got.FailFill, got.Line)
	}
	// The overview is by area: Inverclyde comes first.
	if len(got.OverviewFirst) < 6 || got.OverviewFirst[0] != "Inverclyde Korsakoff's Syndrome Service" || got.OverviewFirst[1] != "Inverclyde" {
		t.Errorf("the overview's first document = %v", got.OverviewFirst)
	}
}

// findOpenpyxl returns a Python that can import openpyxl, or skips (fails
// in CI) naming it.
func findOpenpyxl(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import openpyxl").Run() == nil {
			return path
		}
	}
	testtool.Missing(t, "Python's openpyxl", "apt-get install python3-openpyxl")
	return ""
}

// TestCSVRowsAndInertCells: the CSV parses as RFC 4180 with a row per
// finding, and text from a descriptor that a spreadsheet would take for a
// formula is kept as text.
func TestCSVRowsAndInertCells(t *testing.T) {
	doc := &finding.Document{File: "=cmd|' /C calc'!A0.yaml", ID: "x", Partnership: &finding.Partnership{Name: "+SUM(1,2)", Areas: []string{"@Fife"}},
		Findings: []finding.Finding{{Rule: "single-lead", Theme: "governance", Status: finding.Fail, Message: "-1 partners, \"quoted\"\nand a new line", Line: 3, Column: 1}}}
	doc.Finish(nil)
	var s finding.Summary
	s.Add(doc)
	out := renderDocs(t, "csv", report.Run{ToolName: "cgcheck", Today: "2008-10-01"}, []*finding.Document{doc}, s, finding.Registry{Status: finding.Skip})
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	if len(records) != 2 {
		t.Fatalf("%d records, want a header and one finding:\n%s", len(records), out)
	}
	row := records[1]
	want := []string{"'=cmd|' /C calc'!A0.yaml", "x", "'+SUM(1,2)", "'@Fife", "", "single-lead", "governance", "fail", "'-1 partners, \"quoted\"\nand a new line", "3", "", "", ""}
	if diff := cmp.Diff(want, row); diff != "" {
		t.Errorf("row (-want +got):\n%s", diff)
	}
}
