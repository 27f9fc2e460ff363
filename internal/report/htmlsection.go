package report

import (
	"io"

	"example.org/cgcheck/internal/finding"
)

// HTMLStyle returns the HTML report's style sheet, for a page that shows
// sections of the report within itself (cgcheck serve serves it as a file,
// since its page allows no inline styles).
func HTMLStyle() string { return htmlStyle }

// WriteHTMLSection writes one document's section of the HTML report, exactly
// as the report shows it (status by theme, each fail, warn and waived finding
// with the study's words and what to do, the passing and skipped rules), as
// a fragment for a page that embeds it: the page supplies the style sheet.
// Every value from the descriptor is escaped.
func WriteHTMLSection(w io.Writer, run Run, doc *finding.Document) error {
	r := newHTML(io.Discard).(*htmlReporter)
	if err := r.Start(run); err != nil {
		return err
	}
	r.n = 1
	return htmlTemplates.ExecuteTemplate(w, "doc", r.view(doc))
}
