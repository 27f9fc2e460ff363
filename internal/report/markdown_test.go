package report_test

import (
	"regexp"
	"strings"
	"testing"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

// unescapedPipe is a | that splits a GFM table cell: one not preceded by a
// backslash (an escaped backslash before it does not occur in mdText's
// output, which escapes \ as \\ and | as \|, so "\\|" cannot appear).
var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

// TestMarkdownEscapesTablesAndText renders names and messages that hold
// Markdown syntax, HTML, pipes and line breaks: every table row keeps its
// columns, and nothing becomes markup.
func TestMarkdownEscapesTablesAndText(t *testing.T) {
	t.Parallel()
	docs, s, reg := hostile()
	out := string(renderDocs(t, "markdown", sampleRun(), docs, s, reg))

	// Each row of the documents table has the header's number of cells.
	cols := 5 + len(catalogue.Themes)
	rows := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| Location") {
			continue
		}
		if strings.HasPrefix(line, "| Partnership") || strings.Contains(line, "dun-eideann") || strings.Contains(line, "b c.json") || strings.Contains(line, "odd:name") {
			rows++
			if got := len(unescapedPipe.FindAllString(line, -1)); got != cols+1 {
				t.Errorf("table row has %d cell separators, want %d:\n%s", got, cols+1, line)
			}
		}
	}
	if rows != 1+len(docs) {
		t.Errorf("found %d table lines, want a header and %d rows:\n%s", rows, len(docs), out)
	}

	// Outside code spans (which show locations verbatim), no raw HTML, no
	// line break from a message, no control character.
	text := regexp.MustCompile("`[^`]*`").ReplaceAllString(out, "")
	for _, raw := range []string{"<draft>", "<unclear>", "\r", "\nsecond line", "\x01"} {
		if strings.Contains(text, raw) {
			t.Errorf("output holds %q unescaped:\n%s", raw, out)
		}
	}
	for _, want := range []string{
		`Dún Éideann, 50%: \<draft\>.yaml`,                // in the table and the headings
		`\<unclear\> \& \]\]\>`,                           // the message
		"`./my docs/Dún Éideann, 50%: <draft>.yaml:2:14`", // a location is code, kept verbatim
		"`custom-check` at",                               // a rule the catalogue does not describe: no title
		"- `./my docs/Dún Éideann, 50%: <draft>.yaml`",    // registry files without positions
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestMarkdownOrdersFailFirst: failing documents come before warning ones
// whatever the path order, and fail findings before warn ones.
func TestMarkdownOrdersFailFirst(t *testing.T) {
	t.Parallel()
	docs, s, reg := hostile()
	out := string(renderDocs(t, "markdown", sampleRun(), docs, s, reg))
	i, j := strings.Index(out, "**✗ fail** `single-lead`"), strings.Index(out, "**! warn** `custom-check`")
	if i < 0 || j < 0 || i > j {
		t.Errorf("fail finding at %d, warn finding at %d; want fail first:\n%s", i, j, out)
	}

	// A warn document listed first in path order still comes after the fails.
	docs, s, reg = sample()
	docs[1].Findings = docs[1].Findings[1:] // korsakoff now only warns
	docs[1].Finish(catalogue.Themes)
	docs[0], docs[1] = docs[1], docs[0]
	out = string(renderDocs(t, "markdown", report.Run{ToolName: "cgcheck", Today: "2008-10-01"}, docs, s, reg))
	warnDoc, failDoc := strings.Index(out, "### Inverclyde Korsakoff's Syndrome Service"), strings.Index(out, "### registry/broken.json")
	if warnDoc < 0 || failDoc < 0 || failDoc > warnDoc {
		t.Errorf("warn document at %d, fail document at %d; want the fail first:\n%s", warnDoc, failDoc, out)
	}
}

// TestMarkdownEmptyRun: no documents gives a sentence, not an empty table.
func TestMarkdownEmptyRun(t *testing.T) {
	t.Parallel()
	out := string(renderDocs(t, "markdown", sampleRun(), nil, finding.Summary{}, finding.Registry{Status: finding.Pass}))
	for _, want := range []string{"**0 documents: 0 fail, 0 warn, 0 pass**", "No documents were checked.", "## Fail and warn findings\n\nNone."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, unwanted := range []string{"| File", "## Registry", "## Waived"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("output holds %q:\n%s", unwanted, out)
		}
	}
}
