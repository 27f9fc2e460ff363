package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/finding"
)

// ComparisonFormats are the formats `cgcheck compare` writes.
var ComparisonFormats = []string{"text", "json", "markdown", "html"}

// WriteComparison writes what changed between two reports in one of
// ComparisonFormats. Partnerships with nothing open and nothing resolved
// are left out of the human formats; JSON lists every one.
func WriteComparison(w io.Writer, format string, c compare.Result) error {
	switch format {
	case "json":
		b, err := marshal(c, "")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case "text":
		return comparisonText(w, c)
	case "markdown":
		return comparisonMarkdown(w, c)
	case "html":
		return comparisonHTML(w, c)
	}
	return fmt.Errorf("unknown format %q for compare; use %s", format, strings.Join(ComparisonFormats, ", "))
}

// comparisonHeadline is the one line that sums the comparison up.
func comparisonHeadline(c compare.Result) string {
	s := c.Summary
	line := fmt.Sprintf("%d new (%d fail), %d resolved, %d persisting", s.New, s.NewFail, s.Resolved, s.Persisting)
	if s.Added > 0 {
		line += fmt.Sprintf("; %d %s only in the new report", s.Added, plural(s.Added, "partnership", "partnerships"))
	}
	if s.Removed > 0 {
		line += fmt.Sprintf("; %d %s only in the old report", s.Removed, plural(s.Removed, "partnership", "partnerships"))
	}
	if s.NotChecked > 0 {
		line += fmt.Sprintf("; %d not checked in the new report (their partnership is gone from it, or no longer passes the schema)", s.NotChecked)
	}
	return line
}

// changeTitle names a partnership in a comparison: its name, else its id,
// else its file; with the file (and where it was before, if it moved).
func changeTitle(d compare.DocumentChange) string {
	title := d.File
	if name := d.Partnership.Label(); name != "" {
		title = name + " (" + d.File + ")"
	} else if d.ID != "" {
		title = d.ID + " (" + d.File + ")"
	}
	if d.OldFile != "" {
		title += ", was " + d.OldFile
	}
	switch d.In {
	case "new":
		title += ": not in the old report"
	case "old":
		title += ": not in the new report"
	}
	return title
}

// allChanges are the documents' changes, then the registry's.
func allChanges(c compare.Result) []compare.DocumentChange {
	return append(slices.Clone(c.Documents), c.Registry)
}

func changed(d compare.DocumentChange) bool {
	return len(d.New)+len(d.Resolved)+len(d.Persisting)+len(d.NotChecked) > 0
}

// itemText is one finding of a comparison in a line.
func itemText(it compare.Item) string {
	s := fmt.Sprintf("%s  %s  %s", strings.ToUpper(string(it.Status)), it.Rule, it.Message)
	if it.Was != "" {
		s += fmt.Sprintf(" (was %s)", it.Was)
	}
	if it.Waived {
		s += " (now waived)"
	}
	if it.Line > 0 {
		s += fmt.Sprintf(" [line %d]", it.Line)
	}
	return s
}

func comparisonText(w io.Writer, c compare.Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Changes from %s (as of %s) to %s (as of %s)\n", safeText(c.Old.File), safeText(c.Old.Today), safeText(c.New.File), safeText(c.New.Today))
	for _, d := range allChanges(c) {
		if !changed(d) {
			continue
		}
		fmt.Fprintf(bw, "%s\n", safeText(changeTitle(d)))
		for _, part := range []struct {
			label string
			items []compare.Item
		}{{"NEW        ", d.New}, {"RESOLVED   ", d.Resolved}, {"PERSISTING ", d.Persisting}, {"NOT CHECKED", d.NotChecked}} {
			for _, it := range part.items {
				fmt.Fprintf(bw, "  %s  %s\n", part.label, safeText(itemText(it)))
			}
		}
	}
	fmt.Fprintln(bw, comparisonHeadline(c))
	return bw.Flush()
}

func comparisonMarkdown(w io.Writer, c compare.Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# What changed since the last review\n\nFrom %s (as of %s) to %s (as of %s).\n\n**%s**\n",
		mdCode(c.Old.File), mdText(c.Old.Today), mdCode(c.New.File), mdText(c.New.Today), mdText(comparisonHeadline(c)))
	for _, d := range allChanges(c) {
		if !changed(d) {
			continue
		}
		fmt.Fprintf(bw, "\n## %s\n", mdText(changeTitle(d)))
		for _, part := range []struct {
			label string
			items []compare.Item
		}{{"New", d.New}, {"Resolved", d.Resolved}, {"Persisting", d.Persisting}, {"Not checked in the new report", d.NotChecked}} {
			if len(part.items) == 0 {
				continue
			}
			fmt.Fprintf(bw, "\n**%s**\n\n", part.label)
			for _, it := range part.items {
				fmt.Fprintf(bw, "- **%s** %s: %s", marker(it.Status), mdCode(it.Rule), mdText(it.Message))
				if it.Was != "" {
					fmt.Fprintf(bw, " (was %s)", marker(it.Was))
				}
				if it.Waived {
					fmt.Fprint(bw, " (now waived)")
				}
				fmt.Fprintln(bw)
			}
		}
	}
	return bw.Flush()
}

type comparisonPart struct {
	Label, Class string
	Items        []compare.Item
}

type comparisonDoc struct {
	Title string
	Parts []comparisonPart
}

func comparisonHTML(w io.Writer, c compare.Result) error {
	page := struct {
		Old, New compare.Meta
		Headline string
		Docs     []comparisonDoc
	}{Old: c.Old, New: c.New, Headline: comparisonHeadline(c)}
	page.Old.File, page.New.File = safeText(page.Old.File), safeText(page.New.File)
	for _, d := range allChanges(c) {
		if !changed(d) {
			continue
		}
		cd := comparisonDoc{Title: safeText(changeTitle(d))}
		for _, p := range []comparisonPart{{"New", "new", d.New}, {"Resolved", "resolved", d.Resolved}, {"Persisting", "persisting", d.Persisting}, {"Not checked in the new report", "unchecked", d.NotChecked}} {
			if len(p.Items) == 0 {
				continue
			}
			items := make([]compare.Item, len(p.Items))
			for i, it := range p.Items {
				it.Message = safeText(it.Message)
				items[i] = it
			}
			p.Items = items
			cd.Parts = append(cd.Parts, p)
		}
		page.Docs = append(page.Docs, cd)
	}
	return comparisonTemplate.Execute(w, page)
}

var comparisonTemplate = template.Must(template.New("compare").Funcs(template.FuncMap{
	"marker": func(s finding.Status) string { return marker(s) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What changed since the last review</title>
<style>
body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d0d0}
.headline{font-weight:600}
.new h3{color:#7a1711}.resolved h3{color:#1d5128}.persisting h3{color:#5c3d00}
h3{font-size:1rem;margin:.8rem 0 .2rem}
ul{margin:.2rem 0;padding-left:1.2rem}li{margin:.2rem 0}
.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.85rem;font-weight:600}
.s-fail{background:#f9d3cf;color:#7a1711}.s-warn{background:#fbe2a0;color:#5c3d00}
code{font-size:.9em}
@media print{body{max-width:none}}
@page{size:A4;margin:15mm}
</style>
</head>
<body>
<main>
<h1>What changed since the last review</h1>
<p>From <code>{{.Old.File}}</code> (as of <time datetime="{{.Old.Today}}">{{.Old.Today}}</time>) to <code>{{.New.File}}</code> (as of <time datetime="{{.New.Today}}">{{.New.Today}}</time>).</p>
<p class="headline">{{.Headline}}</p>
{{- range .Docs}}
<section>
<h2>{{.Title}}</h2>
{{- range .Parts}}
<div class="{{.Class}}">
<h3>{{.Label}}</h3>
<ul>
{{- range .Items}}
<li><span class="badge s-{{.Status}}">{{marker .Status}}</span> <code>{{.Rule}}</code> {{.Message}}{{if .Was}} (was {{marker .Was}}){{end}}{{if .Waived}} (now waived){{end}}</li>
{{- end}}
</ul>
</div>
{{- end}}
</section>
{{- else}}
<p>Nothing open in either report.</p>
{{- end}}
</main>
</body>
</html>
`))
