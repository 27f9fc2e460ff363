package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"example.org/cgcheck/internal/finding"
)

func init() { register("text", newText) }

// textReporter writes findings grouped by file, worst first, as
// "file:line:col  STATUS  rule  message", then a one-line summary.
type textReporter struct {
	w     *bufio.Writer
	run   Run
	rules ruleIndex
}

func newText(w io.Writer) Reporter { return &textReporter{w: bufio.NewWriter(w)} }

func (r *textReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	return nil
}

var statusOrder = map[finding.Status]int{finding.Fail: 0, finding.Warn: 1, finding.Waived: 2, finding.Skip: 3, finding.Pass: 4}

func (r *textReporter) shown(f finding.Finding) bool {
	switch f.Status {
	case finding.Fail, finding.Warn, finding.Waived:
		return true
	}
	// A pass or skip is about the whole document; one that points at a
	// place says something about it (a waiver that waives nothing).
	if p := f.PointerValue(); p != "" {
		return true
	}
	return r.run.Verbose
}

func (r *textReporter) Document(doc *finding.Document) error {
	title := safeText(doc.File)
	if doc.ID != "" {
		title += " (" + safeText(doc.ID) + ")"
	}
	fmt.Fprintf(r.w, "%s: %s\n", title, r.paint(doc.Status, strings.ToUpper(string(doc.Status))))
	if line := doc.Partnership.Line(); line != "" {
		fmt.Fprintf(r.w, "  %s\n", safeText(line))
	}
	r.themeLine(doc)
	fs := make([]finding.Finding, 0, len(doc.Findings))
	for _, f := range doc.Findings {
		if r.shown(f) {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return statusOrder[fs[i].Status] < statusOrder[fs[j].Status] })
	for _, f := range fs {
		loc := safeText(doc.File)
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, f.Line, f.Column)
		}
		status := fmt.Sprintf("%-6s", strings.ToUpper(string(f.Status)))
		fmt.Fprintf(r.w, "  %s  %s  %s  %s%s\n", loc, r.paint(f.Status, status), f.Rule, changeTag(f.Baseline), safeText(f.Message))
		if f.Waiver != nil {
			fmt.Fprintf(r.w, "      waived: %s\n", safeText(waiverText(f.Waiver)))
		}
		if r.run.Explain && (f.Status == finding.Fail || f.Status == finding.Warn) {
			r.explain(f)
		}
	}
	for _, f := range doc.Resolved {
		label := "RESOLVED"
		if f.Baseline == finding.ChangeWaived {
			label = "NOW WAIVED"
		}
		fmt.Fprintf(r.w, "  %s  %s  %s  %s\n", safeText(doc.File), r.paint(finding.Pass, label), f.Rule, safeText(f.Message))
	}
	return r.w.Flush()
}

// changeTag marks a finding new or persisting since the baseline, in the
// line-oriented formats; "" without a baseline.
func changeTag(c finding.Change) string {
	if c == "" {
		return ""
	}
	return "[" + string(c) + "] "
}

// baselineLine sums a run up against its baseline, or "" without one.
func baselineLine(summary finding.Summary) string {
	b := summary.Baseline
	if b == nil {
		return ""
	}
	line := fmt.Sprintf("since the baseline %s: %d new, %d persisting, %d resolved", b.File, b.New, b.Persisting, b.Resolved)
	if b.Unjudged > 0 {
		line += fmt.Sprintf("; %d not judged (the document no longer passes the schema, so its rules did not run)", b.Unjudged)
	}
	if b.Gone > 0 {
		line += fmt.Sprintf(" (%d %s of the baseline not checked this time", b.Gone, plural(b.Gone, "document", "documents"))
		if len(b.GoneFiles) > 0 {
			line += ": " + strings.Join(b.GoneFiles, ", ")
		}
		line += ")"
	}
	return line
}

// themeLine gives a reviewer the document at a glance: one status per theme
// of the study, in the study's order. It is a checklist, not a score. A theme
// none of whose rules ran (the file broke the schema) says "skip", so it is
// not mistaken for a pass.
func (r *textReporter) themeLine(doc *finding.Document) {
	names := doc.Themes.Names()
	if len(names) == 0 {
		return
	}
	checked := map[string]bool{}
	for _, f := range doc.Findings {
		if f.Status != finding.Skip {
			checked[f.Theme] = true
		}
	}
	parts := make([]string, len(names))
	for i, name := range names {
		s := doc.Themes.Get(name)
		if !checked[name] {
			s = finding.Skip
		}
		parts[i] = name + " " + r.paint(s, string(s))
	}
	fmt.Fprintf(r.w, "  %s\n", strings.Join(parts, " · "))
}

// explain prints the study's section and words, and what to do, from the
// finding's rule.
func (r *textReporter) explain(f finding.Finding) {
	section, quote, remediation := r.rules.explanation(f.Rule)
	if quote != "" {
		fmt.Fprintf(r.w, "      \u201c%s\u201d (%s)\n", quote, section)
	}
	if remediation != "" {
		fmt.Fprintf(r.w, "      what to do: %s\n", remediation)
	}
}

func (r *textReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	if len(registry.Findings) > 0 {
		fmt.Fprintf(r.w, "registry: %s\n", r.paint(registry.Status, strings.ToUpper(string(registry.Status))))
		fs := append([]finding.RegistryFinding{}, registry.Findings...)
		sort.SliceStable(fs, func(i, j int) bool { return statusOrder[fs[i].Status] < statusOrder[fs[j].Status] })
		for _, f := range fs {
			fmt.Fprintf(r.w, "  %s  %s  %s%s\n", r.paint(f.Status, fmt.Sprintf("%-6s", strings.ToUpper(string(f.Status)))), f.Rule, changeTag(f.Baseline), safeText(f.Message))
			for i, l := range f.Locations {
				if i == textLocations && len(f.Locations) > textLocations+1 {
					fmt.Fprintf(r.w, "      and %d more (the JSON, SARIF and HTML reports list them all)\n", len(f.Locations)-i)
					break
				}
				fmt.Fprintf(r.w, "      %s:%d:%d", safeText(l.File), l.Line, l.Column)
				if l.ID != "" {
					fmt.Fprintf(r.w, "  %s", safeText(l.ID))
				}
				fmt.Fprintln(r.w)
			}
		}
	}
	for _, f := range registry.Resolved {
		fmt.Fprintf(r.w, "registry  %s  %s  %s\n", r.paint(finding.Pass, "RESOLVED"), f.Rule, safeText(f.Message))
	}
	if len(summary.Skipped) > 0 {
		fmt.Fprintln(r.w, "skipped, not checked:")
		for _, sk := range summary.Skipped {
			fmt.Fprintf(r.w, "  %s  %s  %s\n", safeText(sk.File), r.paint(finding.Skip, "SKIP  "), safeText(sk.Reason))
		}
	}
	if summary.SeveralAreas() {
		fmt.Fprintln(r.w, "by area:")
		for _, a := range summary.Areas {
			fmt.Fprintf(r.w, "  %s: %s\n", safeText(a.Area), areaCounts(a))
		}
	}
	for _, line := range r.run.Config.Lines() {
		fmt.Fprintln(r.w, safeText(line))
	}
	if summary.Incomplete != "" {
		fmt.Fprintln(r.w, r.paint(finding.Fail, summary.Incomplete))
	}
	if line := baselineLine(summary); line != "" {
		fmt.Fprintln(r.w, safeText(line))
	}
	fmt.Fprintln(r.w, summaryLine(summary, registry))
	return r.w.Flush()
}

// textLocations is how many places of a registry finding the text report
// lists: a group of overlapping partnerships can name hundreds.
const textLocations = 10

// summaryLine is the one-line summary that ends the text output (and the
// other line-oriented formats): "2 documents: 1 fail, 1 warn, 0 pass", then
// the registry's findings when there are any ("; registry: 1 fail, 0
// warn"), so a failing registry is never hidden behind documents that pass.
func summaryLine(summary finding.Summary, registry finding.Registry) string {
	noun := "documents"
	if summary.Documents == 1 {
		noun = "document"
	}
	line := fmt.Sprintf("%d %s: %d fail, %d warn, %d pass", summary.Documents, noun, summary.Fail, summary.Warn, summary.Pass)
	if summary.Waived > 0 {
		line += fmt.Sprintf("; %d waived finding(s)", summary.Waived)
	}
	if fail, warn := registryCounts(registry); fail+warn > 0 {
		line += fmt.Sprintf("; registry: %d fail, %d warn", fail, warn)
	}
	if n := len(summary.Skipped); n > 0 {
		line += fmt.Sprintf("; %d %s skipped (not cgcheck descriptors)", n, plural(n, "file", "files"))
	}
	return line
}

// areaCounts says how one area's documents came out: "3 documents: 1 fail,
// 1 warn, 1 pass".
func areaCounts(a finding.AreaCount) string {
	return fmt.Sprintf("%d %s: %d fail, %d warn, %d pass", a.Documents, plural(a.Documents, "document", "documents"), a.Fail, a.Warn, a.Pass)
}

// registryCounts counts the registry's fail and warn findings, which the
// summaries of the line-oriented formats and Markdown show.
func registryCounts(registry finding.Registry) (fail, warn int) {
	for _, f := range registry.Findings {
		switch f.Status {
		case finding.Fail:
			fail++
		case finding.Warn:
			warn++
		}
	}
	return fail, warn
}

const (
	ansiReset = "\x1b[0m"
	ansiRed   = "\x1b[31m"
	ansiAmber = "\x1b[33m"
	ansiGreen = "\x1b[32m"
	ansiGrey  = "\x1b[90m"
)

func (r *textReporter) paint(s finding.Status, text string) string {
	if !r.run.Color {
		return text
	}
	colour := ansiGreen
	switch s {
	case finding.Fail:
		colour = ansiRed
	case finding.Warn:
		colour = ansiAmber
	case finding.Skip, finding.Waived:
		colour = ansiGrey
	}
	return colour + text + ansiReset
}
