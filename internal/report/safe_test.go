package report

import (
	"bytes"
	"github.com/xuri/excelize/v2"
	"strings"
	"testing"

	"example.org/cgcheck/internal/finding"
)

// renderOne runs one format over one document, as the check command does.
func renderOne(t *testing.T, format string, run Run, doc *finding.Document, s finding.Summary, reg finding.Registry) string {
	t.Helper()
	var out bytes.Buffer
	rep, err := New(format, &out)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Start(run); err != nil {
		t.Fatal(err)
	}
	if err := rep.Document(doc); err != nil {
		t.Fatal(err)
	}
	if err := rep.Finish(s, reg); err != nil {
		t.Fatal(err)
	}
	if format == "xlsx" {
		return workbookText(t, out.Bytes())
	}
	return out.String()
}

// workbookText is every cell of a workbook, a line per row: what a reader
// of the xlsx format sees.
func workbookText(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			out.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	return out.String()
}

// TestTextFromDescriptorsCannotForgeOutput: a file name, id, message and
// waiver holding a newline, an escape sequence, a C1 control or a
// right-to-left override reach no human-readable format raw (a forged
// summary line, a hidden real one), and the text keeps its letters.
func TestTextFromDescriptorsCannotForgeOutput(t *testing.T) {
	evil := "x\n2 documents: 0 fail, 0 warn, 2 pass\x1b[8m\u009b\u202eabc"
	doc := &finding.Document{File: "reg/" + evil + ".yaml", ID: "id" + evil, Status: finding.Waived}
	doc.Findings = []finding.Finding{{
		Rule: "single-lead", Theme: "governance", Status: finding.Waived, Message: "msg " + evil, Line: 1, Column: 1,
		Waiver: &finding.Waiver{Justification: "because " + evil, ApprovedBy: "board" + evil, Expires: "2009-01-01"},
	}}
	reg := finding.Registry{Status: finding.Fail, Findings: []finding.RegistryFinding{{
		Rule: "unique-ids", Status: finding.Fail, Message: "dup " + evil,
		Files: []string{doc.File}, Locations: []finding.Location{{File: doc.File, ID: doc.ID, Line: 1, Column: 1}},
	}}}
	for _, format := range []string{"text", "github", "markdown", "html"} {
		got := renderOne(t, format, Run{ToolName: "cgcheck", Verbose: true}, doc, finding.Summary{Documents: 1, Pass: 1, Waived: 1}, reg)
		for _, bad := range []string{"\x1b", "\u009b", "\u202e", "\n2 documents"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: output holds %q raw", format, bad)
			}
		}
		if !strings.Contains(got, "abc") {
			t.Errorf("%s: the text around the controls is lost", format)
		}
	}
}

// TestIncompleteRunIsMarkedInEveryFormat: a run cut short by --timeout is
// reported as such in every format, never as a whole run.
func TestIncompleteRunIsMarkedInEveryFormat(t *testing.T) {
	why := "INCOMPLETE: --timeout 1s was reached after 1 of 9 files"
	doc := &finding.Document{File: "a.yaml", Status: finding.Pass}
	for _, format := range Formats() {
		summary := finding.Summary{Documents: 1, Pass: 1, Incomplete: why}
		got := renderOne(t, format, Run{ToolName: "cgcheck"}, doc, summary, finding.Registry{Status: finding.Skip, Findings: []finding.RegistryFinding{}})
		if !strings.Contains(got, "INCOMPLETE: --timeout 1s was reached after 1 of 9 files") {
			t.Errorf("%s: the report does not say it is incomplete:\n%.600s", format, got)
		}
	}
}

// TestConfigurationIsRecordedInEveryFormat: a disabled rule, a changed
// parameter and a custom policy folder appear in every format's report.
func TestConfigurationIsRecordedInEveryFormat(t *testing.T) {
	cfg := Config{
		Disabled: []string{"monitoring-at-outset"},
		Params:   []ParamSetting{{Rule: "group-size", Name: "group_size_max", Value: 14, Default: 12, Source: "config file .cgcheck.yaml:3"}},
		Policies: []string{"local-rules"},
	}
	doc := &finding.Document{File: "a.yaml", Status: finding.Pass}
	for _, format := range Formats() {
		got := renderOne(t, format, Run{ToolName: "cgcheck", Today: "2008-10-01", Config: cfg}, doc,
			finding.Summary{Documents: 1, Pass: 1}, finding.Registry{Status: finding.Skip, Findings: []finding.RegistryFinding{}})
		if format == "markdown" {
			got = strings.ReplaceAll(got, `\`, "") // Markdown's escapes, not shown
		}
		for _, want := range []string{"monitoring-at-outset", "group_size_max", "14", "local-rules"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the report does not record %q", format, want)
			}
		}
	}
}
