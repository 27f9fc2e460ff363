package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/plainwords"
)

func init() { register("markdown", newMarkdown) }

// markdownReporter writes a summary for a pull-request comment or a board
// paper: totals, a documents × themes table, registry findings, then the fail
// and warn findings with the study's words and what to do, then every waived
// finding. It is a checklist, not a score.
//
// The table comes before the findings, so each part is spooled as documents
// arrive (like the JSON reporter) and written out in order at the end: a
// large registry is not held in memory.
type markdownReporter struct {
	w     io.Writer
	run   Run
	rules ruleIndex
	// rows of the table; findings of documents that fail, then of those
	// that warn (fail first); waived findings.
	rows, failing, warning, waived, resolved spool
	order                                    areaOrder
	n                                        int
}

func newMarkdown(w io.Writer) Reporter {
	return &markdownReporter{w: w,
		rows: spool{limit: spoolMemoryLimit}, failing: spool{limit: spoolMemoryLimit},
		warning: spool{limit: spoolMemoryLimit}, waived: spool{limit: spoolMemoryLimit}, resolved: spool{limit: spoolMemoryLimit}}
}

func (r *markdownReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	return nil
}

func (r *markdownReporter) Document(doc *finding.Document) error {
	r.n++
	// The table row: file, id, status, one cell per theme.
	cells := []string{mdText(doc.Partnership.Label()), mdText(doc.Partnership.AreaList()), mdText(doc.File), mdText(doc.ID), marker(doc.Status)}
	for _, tc := range docThemes(doc) {
		cells = append(cells, marker(tc.Status))
	}
	spans := []span{{from: r.rows.size()}, {from: r.failing.size()}, {from: r.warning.size()}}
	defer func() {
		spans[0].to, spans[1].to, spans[2].to = r.rows.size(), r.failing.size(), r.warning.size()
		r.order.add(doc, spans...)
	}()
	fmt.Fprintf(&r.rows, "| %s |\n", strings.Join(cells, " | "))

	var out *spool
	switch doc.Status {
	case finding.Fail:
		out = &r.failing
	case finding.Warn:
		out = &r.warning
	}
	if out != nil {
		fmt.Fprintf(out, "\n### %s: %s\n", docTitle(doc, mdText), marker(doc.Status))
		if line := doc.Partnership.Line(); line != "" {
			fmt.Fprintf(out, "\n%s\n", mdText(line))
		}
		for _, s := range []finding.Status{finding.Fail, finding.Warn} {
			for _, f := range doc.Findings {
				if f.Status == s {
					r.finding(out, doc, f)
				}
			}
		}
	}
	for _, f := range doc.Resolved {
		was := marker(f.Status)
		if f.Baseline == finding.ChangeWaived {
			was += " (now waived)"
		}
		fmt.Fprintf(&r.resolved, "| %s | %s | %s | %s |\n", mdText(docTitle(doc, func(s string) string { return s })), mdCode(f.Rule), was, mdText(f.Message))
	}
	for _, f := range doc.Findings {
		if f.Status != finding.Waived || f.Waiver == nil {
			continue
		}
		wv := f.Waiver
		fmt.Fprintf(&r.waived, "| %s | %s | %s | %s | %s | %s | %s |\n",
			mdText(location(doc.File, f)), mdText(f.Rule), marker(wv.Waives), mdText(f.Message),
			mdText(wv.Justification), mdText(wv.ApprovedBy), mdText(wv.Expires))
	}
	return firstErr(&r.rows, &r.failing, &r.warning, &r.waived, &r.resolved)
}

// finding writes one fail or warn finding as a list item: status, rule,
// location and message on the first line; the study's words as a blockquote
// with its section; what to do.
func (r *markdownReporter) finding(w io.Writer, doc *finding.Document, f finding.Finding) {
	fmt.Fprintf(w, "\n- **%s**%s %s%s at %s: %s\n", marker(f.Status), mdChange(f.Baseline), mdCode(f.Rule), r.ruleTitle(f.Rule),
		mdCode(location(doc.File, f)), mdText(f.Message))
	r.explain(w, f.Rule)
}

// explain writes the rule's study words and what to do, indented under a
// list item.
func (r *markdownReporter) explain(w io.Writer, rule string) {
	section, quote, remediation := r.rules.explanation(rule)
	if quote != "" {
		fmt.Fprintf(w, "\n  > \u201c%s\u201d", mdText(quote))
		if section != "" {
			fmt.Fprintf(w, "\n  > \u2014 *%s*", mdText(section))
		}
		fmt.Fprintln(w)
	}
	if remediation != "" {
		fmt.Fprintf(w, "\n  **What to do:** %s\n", mdText(remediation))
	}
}

func (r *markdownReporter) ruleTitle(id string) string {
	if t := r.rules.title(id); t != "" {
		return " (" + mdText(t) + ")"
	}
	return ""
}

func (r *markdownReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	w := bufio.NewWriter(r.w)
	fmt.Fprintf(w, "# cgcheck report\n\n")
	fmt.Fprintf(w, "Partnership descriptors checked against the findings of the Collaborative Gain Research Study (Improvement Service, 2008) by %s %s, as of %s.\n\n",
		mdText(r.run.ToolName), mdText(r.run.ToolVersion), mdText(r.run.Today))

	// One line of totals, in the words of the text format.
	noun := "documents"
	if summary.Documents == 1 {
		noun = "document"
	}
	fmt.Fprintf(w, "**%d %s: %d fail, %d warn, %d pass**", summary.Documents, noun, summary.Fail, summary.Warn, summary.Pass)
	fmt.Fprintf(w, " \u00b7 %d waived %s", summary.Waived, plural(summary.Waived, "finding", "findings"))
	switch {
	case registry.Status == finding.Skip:
		// Not "pass": with fewer than two documents nothing was compared.
		fmt.Fprintf(w, " \u00b7 registry rules not run (they compare two or more descriptors)")
	case registry.Status != "":
		fmt.Fprintf(w, " \u00b7 registry %s", marker(registry.Status))
		if fail, warn := registryCounts(registry); fail+warn > 0 {
			fmt.Fprintf(w, " (%d fail, %d warn)", fail, warn)
		}
	}
	if n := len(summary.Skipped); n > 0 {
		fmt.Fprintf(w, " \u00b7 %d %s skipped (not cgcheck descriptors)", n, plural(n, "file", "files"))
	}
	fmt.Fprintln(w)
	if summary.Incomplete != "" {
		fmt.Fprintf(w, "\n**%s**\n", mdText(summary.Incomplete))
	}
	if line := baselineLine(summary); line != "" {
		fmt.Fprintf(w, "\n%s\n", mdText(capitalise(line)))
	}
	for _, line := range r.run.Config.Lines() {
		fmt.Fprintf(w, "\n_%s_\n", mdText(line))
	}

	if r.n == 0 {
		fmt.Fprintf(w, "\nNo documents were checked.\n")
	} else {
		if summary.SeveralAreas() {
			fmt.Fprintf(w, "\n| Area | Documents | Fail | Warn | Pass |\n|---|---|---|---|---|\n")
			for _, a := range summary.Areas {
				fmt.Fprintf(w, "| %s | %d | %d | %d | %d |\n", mdText(a.Area), a.Documents, a.Fail, a.Warn, a.Pass)
			}
		}
		fmt.Fprintf(w, "\n| Partnership | Area | File | ID | Status |")
		for _, t := range catalogue.Themes {
			fmt.Fprintf(w, " %s |", t)
		}
		fmt.Fprintf(w, "\n|---|---|---|---|---|%s\n", strings.Repeat("---|", len(catalogue.Themes)))
		if err := r.order.write(w, summary.SeveralAreas(), &r.rows, 0); err != nil {
			return err
		}
		// The theme names are short; a board paper needs the study's headings.
		parts := make([]string, len(catalogue.Themes))
		for i, t := range catalogue.Themes {
			parts[i] = fmt.Sprintf("**%s**: %s", t, mdText(catalogue.ThemeTitles[t]))
		}
		fmt.Fprintf(w, "\nThemes of the study: %s. Each cell is the worst finding of that theme; %s means nothing in it was checked.\n",
			strings.Join(parts, "; "), marker(finding.Skip))
	}

	if len(registry.Findings) > 0 {
		fmt.Fprintf(w, "\n## Registry: %s\n\n%s.\n", marker(registry.Status), mdText(catalogue.ThemeTitles[catalogue.RegistryTheme]))
		for _, f := range registry.Findings {
			fmt.Fprintf(w, "\n- **%s**%s %s%s: %s\n", marker(f.Status), mdChange(f.Baseline), mdCode(f.Rule), r.ruleTitle(f.Rule), mdText(f.Message))
			fmt.Fprintln(w)
			for _, l := range registryFiles(f) {
				fmt.Fprintf(w, "  - %s\n", mdCode(l))
			}
			r.explain(w, f.Rule)
		}
	}

	fmt.Fprintf(w, "\n## Fail and warn findings\n")
	if summary.Fail == 0 && summary.Warn == 0 {
		fmt.Fprintf(w, "\nNone.\n")
	}
	if err := r.order.write(w, summary.SeveralAreas(), &r.failing, 1); err != nil {
		return err
	}
	if err := r.order.write(w, summary.SeveralAreas(), &r.warning, 2); err != nil {
		return err
	}

	if summary.Baseline != nil && summary.Baseline.Resolved > 0 {
		fmt.Fprintf(w, "\n## Resolved since the baseline\n\nOpen in %s, and not now.\n\n| Document | Rule | Was | Finding |\n|---|---|---|---|\n", mdCode(summary.Baseline.File))
		if _, err := r.resolved.WriteTo(w); err != nil {
			return err
		}
		for _, f := range registry.Resolved {
			fmt.Fprintf(w, "| registry | %s | %s | %s |\n", mdCode(f.Rule), marker(f.Status), mdText(f.Message))
		}
	}
	if len(summary.Skipped) > 0 {
		fmt.Fprintf(w, "\n## Skipped files\n\nFound in the folders checked but not cgcheck descriptors, so not checked.\n\n| File | Why |\n|---|---|\n")
		for _, sk := range summary.Skipped {
			fmt.Fprintf(w, "| %s | %s |\n", mdText(sk.File), mdText(sk.Reason))
		}
	}

	if summary.Waived > 0 {
		fmt.Fprintf(w, "\n## Waived findings\n\nComply or explain: these findings are waived, and shown so that the departures stay in view.\n\n")
		fmt.Fprintf(w, "| Location | Rule | Waives | Finding | Justification | Approved by | Expires |\n|---|---|---|---|---|---|---|\n")
		if _, err := r.waived.WriteTo(w); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Helpers shared by the human-oriented summary formats (markdown, html).

// marker is a status in words with a plain-text mark, so it reads in black
// and white and to colour-blind readers.
func marker(s finding.Status) string {
	switch s {
	case finding.Fail:
		return "\u2717 fail"
	case finding.Warn:
		return "! warn"
	case finding.Pass:
		return "\u2713 pass"
	case finding.Skip:
		return "\u2013 skip"
	case finding.Waived:
		return "~ waived"
	}
	return string(s)
}

// themeCell is one theme's status in a document.
type themeCell struct {
	Theme  string
	Title  string
	Status finding.Status
}

// docThemes gives the document's status per theme of the study, in the
// study's order. A theme none of whose rules ran (the file broke the schema)
// is "skip", so it is not mistaken for a pass.
func docThemes(doc *finding.Document) []themeCell {
	checked := map[string]bool{}
	for _, f := range doc.Findings {
		if f.Status != finding.Skip {
			checked[f.Theme] = true
		}
	}
	cells := make([]themeCell, len(catalogue.Themes))
	for i, t := range catalogue.Themes {
		s := doc.Themes.Get(t)
		if !checked[t] || s == "" {
			s = finding.Skip
		}
		cells[i] = themeCell{Theme: t, Title: catalogue.ThemeTitles[t], Status: s}
	}
	return cells
}

// location is file:line:col, or the file alone when there is no position.
func location(file string, f finding.Finding) string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", file, f.Line, f.Column)
	}
	return file
}

// registryFiles lists the places a registry finding names, in the order the
// rule gave them (the way round a cycle, run order for a group), each with
// its position and descriptor id where known; then any file of Files no
// place is in.
func registryFiles(f finding.RegistryFinding) []string {
	var out []string
	located := map[string]bool{}
	for _, l := range f.Locations {
		located[l.File] = true
		out = append(out, locationOf(l))
	}
	for _, file := range f.Files {
		if !located[file] {
			out = append(out, file)
		}
	}
	return out
}

// locationOf is file:line:column, or the file alone when the line is not
// known, followed by the descriptor's id in brackets when it has one.
func locationOf(l finding.Location) string {
	s := l.File
	if l.Line > 0 {
		s = fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column)
	}
	if l.ID != "" {
		s += " (" + l.ID + ")"
	}
	return s
}

// docTitle names a document: its file, and its id when it has one.
func docTitle(doc *finding.Document, esc func(string) string) string {
	where := esc(doc.File)
	if doc.ID != "" {
		where += " (" + esc(doc.ID) + ")"
	}
	if name := doc.Partnership.Label(); name != "" {
		return esc(name) + " \u2014 " + where
	}
	return where
}

// mdChange marks a finding new or persisting since the baseline.
func mdChange(c finding.Change) string {
	if c == "" {
		return ""
	}
	return " _" + string(c) + "_"
}

// capitalise and plural are plainwords', for the formats and templates.
var (
	capitalise = plainwords.Capital
	plural     = plainwords.Plural
)

func firstErr(spools ...*spool) error {
	for _, s := range spools {
		if s.err != nil {
			return s.err
		}
	}
	return nil
}

// mdEscaper backslash-escapes the characters that are active in Markdown
// text (CommonMark allows a backslash before any ASCII punctuation), so a
// descriptor's words cannot become emphasis, links, HTML or a table column;
// a line break would end a table row or a list item, so it becomes a space.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `&`, `\&`, `#`, `\#`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

// mdText escapes s for Markdown text, including a table cell. A control
// character (from a file that is not text) shows as U+FFFD rather than
// reaching the reader's terminal or browser.
func mdText(s string) string { return mdEscaper.Replace(strings.Map(visible, s)) }

func visible(r rune) rune {
	if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r) {
		return '\uFFFD'
	}
	return r
}

// mdCode writes s as a code span (not for table cells, where a | would
// still split the cell): a fence one backtick longer than any run inside.
func mdCode(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(strings.Map(visible, s))
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
