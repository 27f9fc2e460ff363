package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func init() { register("html", newHTML) }

// htmlReporter writes one self-contained HTML5 page for a reviewer or a
// board: an overview (totals, a documents × themes grid, a chart of warn and
// fail findings per rule), the registry findings, then a section per
// document. Everything is inline (CSS, SVG and one small script, the
// filter, which the page works without), so the page makes no request of
// any kind; a Content-Security-Policy says so to the browser too. html/template escapes every value from a descriptor.
//
// The overview comes first but needs every document, so the grid rows and
// the document sections are rendered as documents arrive into spools and
// copied out at the end, as the JSON reporter does.
type htmlReporter struct {
	w       io.Writer
	run     Run
	rules   ruleIndex
	rows    spool
	docs    spool
	order   areaOrder
	n       int
	tallies map[string]*ruleTally
	err     error
}

func newHTML(w io.Writer) Reporter {
	return &htmlReporter{w: w, rows: spool{limit: spoolMemoryLimit}, docs: spool{limit: spoolMemoryLimit},
		tallies: map[string]*ruleTally{}}
}

// ruleTally counts one rule's warn and fail findings for the chart.
type ruleTally struct {
	Rule       string
	Fail, Warn int
}

// htmlFinding is a finding as the page shows it.
type htmlFinding struct {
	Status                      finding.Status
	Rule, Title                 string
	Message, Location, Pointer  string
	Section, Quote, Remediation string
	Waiver                      *finding.Waiver
	// Files are the files a registry finding involves, with positions.
	Files []string
	// Change is "new" or "persisting" against check --baseline.
	Change finding.Change
}

type htmlDoc struct {
	N        int
	File, ID string
	// Name, Area and About say who and where (About is the partnership's
	// line: name, areas, status and type, lead).
	Name, Area, About string
	// Areas (one per line, NoArea when none) and ThemeStatus ("purpose=pass
	// governance=fail ...") are what the page's filter reads.
	Areas, ThemeStatus string
	Status             finding.Status
	Themes             []themeCell
	Findings           []htmlFinding // fail, then warn, then waived
	Rest               []htmlFinding // pass and skip
	Resolved           []htmlFinding // open in the baseline, not now
	Counts             map[finding.Status]int
}

func (r *htmlReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	return nil
}

func (r *htmlReporter) finding(file string, f finding.Finding) htmlFinding {
	section, quote, remediation := r.rules.explanation(f.Rule)
	var waiver *finding.Waiver
	if f.Waiver != nil {
		w := *f.Waiver
		w.Justification, w.ApprovedBy = safeText(w.Justification), safeText(w.ApprovedBy)
		waiver = &w
	}
	return htmlFinding{Status: f.Status, Rule: f.Rule, Title: r.rules.title(f.Rule), Message: safeText(f.Message),
		Location: safeText(location(file, f)), Pointer: safeText(f.PointerValue()),
		Section: section, Quote: quote, Remediation: remediation, Waiver: waiver, Change: f.Baseline}
}

func (r *htmlReporter) tally(rule string, s finding.Status) {
	if s != finding.Fail && s != finding.Warn {
		return
	}
	t := r.tallies[rule]
	if t == nil {
		t = &ruleTally{Rule: rule}
		r.tallies[rule] = t
	}
	if s == finding.Fail {
		t.Fail++
	} else {
		t.Warn++
	}
}

func (r *htmlReporter) Document(doc *finding.Document) error {
	if r.err != nil {
		return r.err
	}
	r.n++
	d := r.view(doc)
	row, section := span{from: r.rows.size()}, span{from: r.docs.size()}
	if err := htmlTemplates.ExecuteTemplate(&r.rows, "row", d); err != nil {
		r.err = err
		return err
	}
	if err := htmlTemplates.ExecuteTemplate(&r.docs, "doc", d); err != nil {
		r.err = err
		return err
	}
	row.to, section.to = r.rows.size(), r.docs.size()
	r.order.add(doc, row, section)
	return nil
}

// view is a document as the page shows it, counting its warn and fail
// findings for the chart.
func (r *htmlReporter) view(doc *finding.Document) htmlDoc {
	d := htmlDoc{N: r.n, File: safeText(doc.File), ID: safeText(doc.ID), Status: doc.Status, Themes: docThemes(doc), Counts: doc.Counts(),
		Name: safeText(doc.Partnership.Label()), Area: safeText(doc.Partnership.AreaList()), About: safeText(doc.Partnership.Line())}
	d.Areas, d.ThemeStatus = filterData(doc, d.Themes)
	for _, s := range []finding.Status{finding.Fail, finding.Warn, finding.Waived, finding.Pass, finding.Skip} {
		for _, f := range doc.Findings {
			if f.Status != s {
				continue
			}
			r.tally(f.Rule, f.Status)
			hf := r.finding(doc.File, f)
			if s == finding.Pass || s == finding.Skip {
				d.Rest = append(d.Rest, hf)
			} else {
				d.Findings = append(d.Findings, hf)
			}
		}
	}
	for _, f := range doc.Resolved {
		d.Resolved = append(d.Resolved, r.finding(doc.File, f))
	}
	return d
}

// chart is the inline SVG bar chart of warn and fail findings per rule.
type chart struct {
	Width, Height int
	Bars          []chartBar
	Desc          string
}

type chartBar struct {
	ruleTally
	Title                       string
	LabelY, BarY                int
	FailWidth, WarnX, WarnWidth string
	HasFail, HasWarn            bool
}

const (
	chartWidth = 400 // viewBox units; the SVG scales to the page
	chartPitch = 38  // one rule: a label line and a bar
)

func (r *htmlReporter) chart() chart {
	ts := make([]*ruleTally, 0, len(r.tallies))
	for _, t := range r.tallies {
		ts = append(ts, t)
	}
	// Most findings first; ties broken by fails, then by rule id, so the
	// page is the same on every run.
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if a.Fail+a.Warn != b.Fail+b.Warn {
			return a.Fail+a.Warn > b.Fail+b.Warn
		}
		if a.Fail != b.Fail {
			return a.Fail > b.Fail
		}
		return a.Rule < b.Rule
	})
	most := 1
	if len(ts) > 0 {
		most = ts[0].Fail + ts[0].Warn
	}
	c := chart{Width: chartWidth, Height: len(ts)*chartPitch + 2}
	scale := func(n int) float64 { return float64(n) * chartWidth / float64(most) }
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	desc := ""
	for i, t := range ts {
		y := i * chartPitch
		c.Bars = append(c.Bars, chartBar{ruleTally: *t, Title: r.rules.title(t.Rule),
			LabelY: y + 14, BarY: y + 20,
			FailWidth: num(scale(t.Fail)), WarnX: num(scale(t.Fail)), WarnWidth: num(scale(t.Warn)),
			HasFail: t.Fail > 0, HasWarn: t.Warn > 0})
		if i > 0 {
			desc += "; "
		}
		desc += fmt.Sprintf("%s: %d fail, %d warn", t.Rule, t.Fail, t.Warn)
	}
	c.Desc = desc
	return c
}

// htmlPage is what the overview and the registry section show.
type htmlPage struct {
	Run          Run
	Summary      finding.Summary
	BaselineLine string
	Themes       []themeCell
	Documents    int
	FailFindings int
	WarnFindings int
	Chart        chart
	Registry     finding.Status
	RegFindings  []htmlFinding
	RegResolved  []htmlFinding
	// Skipped are the files found that are not descriptors, made safe.
	Skipped []finding.SkippedFile
}

func (r *htmlReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	if r.err != nil {
		return r.err
	}
	for _, f := range registry.Findings {
		r.tally(f.Rule, f.Status)
	}
	p := htmlPage{Run: r.run, Summary: summary, Documents: r.n, Chart: r.chart(), Registry: registry.Status,
		BaselineLine: safeText(capitalise(baselineLine(summary)))}
	p.Summary.Areas = slices.Clone(summary.Areas)
	for i := range p.Summary.Areas {
		p.Summary.Areas[i].Area = safeText(p.Summary.Areas[i].Area)
	}
	for _, sk := range summary.Skipped {
		p.Skipped = append(p.Skipped, finding.SkippedFile{File: safeText(sk.File), Reason: safeText(sk.Reason)})
	}
	for _, t := range catalogue.Themes {
		p.Themes = append(p.Themes, themeCell{Theme: t, Title: catalogue.ThemeTitles[t]})
	}
	for _, t := range r.tallies {
		p.FailFindings += t.Fail
		p.WarnFindings += t.Warn
	}
	for _, f := range registry.Findings {
		section, quote, remediation := r.rules.explanation(f.Rule)
		p.RegFindings = append(p.RegFindings, htmlFinding{Status: f.Status, Rule: f.Rule, Title: r.rules.title(f.Rule),
			Message: safeText(f.Message), Section: section, Quote: quote, Remediation: remediation, Files: safeAll(registryFiles(f)), Change: f.Baseline})
	}
	for _, f := range registry.Resolved {
		p.RegResolved = append(p.RegResolved, htmlFinding{Status: f.Status, Rule: f.Rule, Message: safeText(f.Message)})
	}
	w := bufio.NewWriter(r.w)
	if err := htmlTemplates.ExecuteTemplate(w, "top", p); err != nil {
		return err
	}
	if err := r.order.write(w, summary.SeveralAreas(), &r.rows, 0); err != nil {
		return err
	}
	if err := htmlTemplates.ExecuteTemplate(w, "middle", p); err != nil {
		return err
	}
	if err := r.order.write(w, summary.SeveralAreas(), &r.docs, 1); err != nil {
		return err
	}
	if err := htmlTemplates.ExecuteTemplate(w, "bottom", p); err != nil {
		return err
	}
	return w.Flush()
}

var htmlTemplates = template.Must(template.New("html").Funcs(template.FuncMap{
	"marker":     marker,
	"count":      func(m map[finding.Status]int, s string) int { return m[finding.Status(s)] },
	"plural":     plural,
	"scriptHash": func() template.HTMLAttr { return template.HTMLAttr(filterScriptHash) },
}).Parse(htmlSource))

// htmlSource is the page. Colours pair a tint with a dark text of the same
// hue (contrast 7:1 or more); every status is also written as a word with a
// mark, for colour-blind readers and black-and-white printing.
const htmlSource = `
{{- define "top" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src {{scriptHash}}">
<meta name="color-scheme" content="light">
<meta name="generator" content="{{.Run.ToolName}} {{.Run.ToolVersion}}">
<title>Collaborative gain check, {{.Run.Today}}</title>
<style>
` + htmlStyle + `</style>
</head>
<body>
<header class="masthead">
<h1>Collaborative gain check</h1>
<p class="lede">Partnership descriptors checked against the findings of the Collaborative Gain Research Study (Improvement Service, 2008) by {{.Run.ToolName}} {{.Run.ToolVersion}}, as of <time datetime="{{.Run.Today}}">{{.Run.Today}}</time>.</p>
</header>
<main>
<section id="overview" aria-labelledby="overview-title">
<h2 id="overview-title">Overview</h2>
<ul class="totals">
<li><span class="n">{{.Summary.Documents}}</span> {{plural .Summary.Documents "document" "documents"}}</li>
<li class="s-fail"><span class="n">{{.Summary.Fail}}</span> {{marker "fail"}}</li>
<li class="s-warn"><span class="n">{{.Summary.Warn}}</span> {{marker "warn"}}</li>
<li class="s-pass"><span class="n">{{.Summary.Pass}}</span> {{marker "pass"}}</li>
<li class="s-waived"><span class="n">{{.Summary.Waived}}</span> waived {{plural .Summary.Waived "finding" "findings"}}</li>
{{- if .Registry}}
<li class="s-{{.Registry}}"><span class="n">{{marker .Registry}}</span> <a href="#registry">registry</a></li>
{{- end}}
</ul>
{{- range .Run.Config.Lines}}
<p class="config">{{.}}</p>
{{- end}}
{{- with .BaselineLine}}
<p class="baseline">{{.}}</p>
{{- end}}
{{- if .Summary.Incomplete}}
<p class="incomplete s-fail"><strong>{{.Summary.Incomplete}}</strong></p>
{{- end}}
{{- if .Skipped}}
<p class="skipped">Skipped, not checked: {{len .Skipped}} file{{if ne (len .Skipped) 1}}s{{end}} found that {{if eq (len .Skipped) 1}}is not a cgcheck descriptor{{else}}are not cgcheck descriptors{{end}}.</p>
<ul class="skipped">
{{- range .Skipped}}
<li><code>{{.File}}</code>: {{.Reason}}</li>
{{- end}}
</ul>
{{- end}}
<p class="note">Documents are counted by their worst finding; waived findings count as pass. Findings in all: {{.FailFindings}} fail, {{.WarnFindings}} warn. A checklist, not a score.</p>
{{- if .Summary.SeveralAreas}}
<h3 id="areas-title">Documents by area</h3>
<div class="scroll" role="region" aria-labelledby="areas-title" tabindex="0">
<table class="areas">
<thead>
<tr><th scope="col">Area</th><th scope="col">Documents</th><th scope="col">{{marker "fail"}}</th><th scope="col">{{marker "warn"}}</th><th scope="col">{{marker "pass"}}</th></tr>
</thead>
<tbody>
{{- range .Summary.Areas}}
<tr><th scope="row">{{.Area}}</th><td>{{.Documents}}</td><td>{{.Fail}}</td><td>{{.Warn}}</td><td>{{.Pass}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
{{- if gt .Documents 1}}
<form id="filter" class="filter" hidden aria-label="Filter the documents">
{{- if .Summary.SeveralAreas}}
<label>Area <select name="area"><option value="">all areas</option>{{range .Summary.Areas}}<option>{{.Area}}</option>{{end}}</select></label>
{{- end}}
<label>Theme <select name="theme"><option value="">all themes</option>{{range .Themes}}<option value="{{.Theme}}">{{.Theme}}: {{.Title}}</option>{{end}}</select></label>
<label>Status <select name="status"><option value="">any status</option><option value="fail">fail</option><option value="warn">warn</option><option value="pass">pass</option></select></label>
<output id="filter-count" aria-live="polite"></output>
</form>
{{- end}}
<h3 id="grid-title">Documents by theme</h3>
{{- if .Documents}}
<p class="hint">The table scrolls sideways: swipe it to see every theme.</p>
<div class="scroll" role="region" aria-labelledby="grid-title" tabindex="0">
<table class="grid">
<thead>
<tr><th scope="col">Document</th><th scope="col">Area</th><th scope="col">Status</th>{{range .Themes}}<th scope="col"><abbr title="{{.Title}}">{{.Theme}}</abbr></th>{{end}}</tr>
</thead>
<tbody>
{{end}}
{{- end}}

{{- define "row" -}}
<tr data-status="{{.Status}}" data-areas="{{.Areas}}" data-themes="{{.ThemeStatus}}"><th scope="row"><a href="#doc-{{.N}}">{{if .Name}}{{.Name}}{{else if .ID}}{{.ID}}{{else}}{{.File}}{{end}}</a>{{if or .Name .ID}}<span class="file">{{.File}}</span>{{end}}</th><td>{{.Area}}</td><td class="cell s-{{.Status}}">{{marker .Status}}</td>{{range .Themes}}<td class="cell s-{{.Status}}">{{marker .Status}}</td>{{end}}</tr>
{{end}}

{{- define "middle" -}}
{{- if .Documents -}}
</tbody>
</table>
</div>
{{- else}}
<p class="none">No documents were checked.</p>
{{- end}}
<dl class="themes" aria-label="Themes of the study">
{{- range .Themes}}
<dt>{{.Theme}}</dt><dd>{{.Title}}</dd>
{{- end}}
</dl>
<p class="note">Each cell is the worst finding of that theme in that document; {{marker "skip"}} means nothing in the theme was checked (the file could not be read or broke the schema).</p>
<h3 id="chart-title">Warn and fail findings per rule</h3>
{{- with .Chart}}
{{- if .Bars}}
<ul class="key" aria-hidden="true"><li><span class="swatch fail"></span>fail</li><li><span class="swatch warn"></span>warn</li></ul>
<svg class="chart" role="img" aria-labelledby="chart-svg-title chart-svg-desc" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" xmlns="http://www.w3.org/2000/svg">
<title id="chart-svg-title">Warn and fail findings per rule, most first</title>
<desc id="chart-svg-desc">{{.Desc}}</desc>
{{- range .Bars}}
<g class="rule">
<text x="0" y="{{.LabelY}}">{{.Rule}}: {{.Fail}} fail, {{.Warn}} warn</text>
{{- if .HasFail}}
<rect class="bar fail" x="0" y="{{.BarY}}" width="{{.FailWidth}}" height="12"><title>{{.Rule}}: {{.Fail}} fail</title></rect>
{{- end}}
{{- if .HasWarn}}
<rect class="bar warn" x="{{.WarnX}}" y="{{.BarY}}" width="{{.WarnWidth}}" height="12"><title>{{.Rule}}: {{.Warn}} warn</title></rect>
{{- end}}
</g>
{{- end}}
</svg>
{{- else}}
<p class="none">No warn or fail findings.</p>
{{- end}}
{{- end}}
</section>
<section id="registry" aria-labelledby="registry-title">
<h2 id="registry-title">Registry{{if .Registry}} <span class="badge s-{{.Registry}}">{{marker .Registry}}</span>{{end}}</h2>
<p>Rules run across all the descriptors checked together.{{if eq (print .Registry) "skip"}} Not run: they compare two or more descriptors, and this report checked fewer.{{end}}</p>
{{- if .RegFindings}}
<ol class="findings">
{{- range .RegFindings}}
<li class="finding s-{{.Status}}">
<h3><span class="badge s-{{.Status}}">{{marker .Status}}</span>{{if .Change}} <span class="change">{{.Change}}</span>{{end}} <code>{{.Rule}}</code>{{if .Title}} <span class="title">{{.Title}}</span>{{end}}</h3>
<p class="msg">{{.Message}}</p>
<p class="loc">Files involved:</p>
<ul class="files">
{{- range .Files}}
<li><code>{{.}}</code></li>
{{- end}}
</ul>
{{- template "explain" .}}
</li>
{{- end}}
</ol>
{{- else}}
<p class="none">No findings across descriptors.</p>
{{- end}}
{{- if .RegResolved}}
<h3>Resolved since the baseline</h3>
<ul class="resolved">
{{- range .RegResolved}}
<li><span class="badge s-pass">{{marker "pass"}}</span> was <span class="badge s-{{.Status}}">{{marker .Status}}</span> <code>{{.Rule}}</code> {{.Message}}</li>
{{- end}}
</ul>
{{- end}}
</section>
<section id="documents" aria-labelledby="documents-title">
<h2 id="documents-title">Documents</h2>
{{- if not .Documents}}
<p class="none">No documents were checked.</p>
{{- end}}
{{end}}

{{- define "explain" -}}
{{- if .Quote}}
<figure class="quote">
<blockquote><p>“{{.Quote}}”</p></blockquote>
<figcaption>Collaborative Gain Research Study{{if .Section}}, <cite>{{.Section}}</cite>{{end}}</figcaption>
</figure>
{{- end}}
{{- if .Remediation}}
<p class="fix"><strong>What to do:</strong> {{.Remediation}}</p>
{{- end}}
{{- end}}

{{- define "doc" -}}
<section class="doc" id="doc-{{.N}}" aria-labelledby="doc-{{.N}}-title" data-status="{{.Status}}" data-areas="{{.Areas}}" data-themes="{{.ThemeStatus}}">
<header class="dochead">
<h3 id="doc-{{.N}}-title"><span class="badge s-{{.Status}}">{{marker .Status}}</span> {{if .Name}}{{.Name}}{{else if .ID}}{{.ID}}{{else}}{{.File}}{{end}}</h3>
{{- if .About}}
<p class="about">{{.About}}</p>
{{- end}}
<p class="docfile">File <code>{{.File}}</code>{{if .ID}} · id <code>{{.ID}}</code>{{end}}</p>
<ul class="themeline" aria-label="Status per theme">
{{- range .Themes}}
<li class="s-{{.Status}}"><abbr class="t" title="{{.Title}}">{{.Theme}}</abbr> {{marker .Status}}</li>
{{- end}}
</ul>
</header>
{{- if .Findings}}
<ol class="findings">
{{- range .Findings}}
<li class="finding s-{{.Status}}">
<h4><span class="badge s-{{.Status}}">{{marker .Status}}</span>{{if .Change}} <span class="change">{{.Change}}</span>{{end}} <code>{{.Rule}}</code>{{if .Title}} <span class="title">{{.Title}}</span>{{end}}</h4>
<p class="msg">{{.Message}}</p>
<p class="loc">At <code>{{.Location}}</code>{{if .Pointer}} (<code>{{.Pointer}}</code>){{end}}</p>
{{- with .Waiver}}
<div class="waiver">
<p><strong>Waiver</strong>{{if .Waives}}: without it this finding would be <span class="badge s-{{.Waives}}">{{marker .Waives}}</span>{{end}}</p>
<dl>
<dt>Justification</dt><dd>{{.Justification}}</dd>
<dt>Approved by</dt><dd>{{.ApprovedBy}}</dd>
<dt>Expires</dt><dd><time datetime="{{.Expires}}">{{.Expires}}</time></dd>
</dl>
</div>
{{- end}}
{{- template "explain" .}}
</li>
{{- end}}
</ol>
{{- else}}
<p class="none">No fail, warn or waived findings.</p>
{{- end}}
{{- if .Resolved}}
<h4 class="resolved-title">Resolved since the baseline</h4>
<ul class="resolved">
{{- range .Resolved}}
<li>{{if eq (print .Change) "waived"}}<span class="badge s-waived">{{marker "waived"}}</span> now{{else}}<span class="badge s-pass">{{marker "pass"}}</span>{{end}}, was <span class="badge s-{{.Status}}">{{marker .Status}}</span> <code>{{.Rule}}</code> {{.Message}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Rest}}
<details class="rest">
<summary>Passing and skipped rules ({{count .Counts "pass"}} pass, {{count .Counts "skip"}} skip)</summary>
<ul>
{{- range .Rest}}
<li><span class="badge s-{{.Status}}">{{marker .Status}}</span> <code>{{.Rule}}</code>{{if .Title}} {{.Title}}{{end}}{{if ne .Message .Title}}: {{.Message}}{{end}}</li>
{{- end}}
</ul>
</details>
{{- end}}
</section>
{{end}}

{{- define "bottom" -}}
</section>
</main>
<footer class="page">
<p>{{.Run.ToolName}} {{.Run.ToolVersion}} · as of {{.Run.Today}} · findings follow the Collaborative Gain Research Study (Improvement Service, 2008).</p>
</footer>
<script>` + filterScript + `</script>
</body>
</html>
{{end}}`

// htmlStyle is the page's style sheet. cgcheck serve's page serves it as a
// file (HTMLStyle) for the document sections it shows.
const htmlStyle = `:root{--fail-fg:#7a1711;--fail-bg:#f9d3cf;--fail-line:#b3261e;--warn-fg:#5c3d00;--warn-bg:#fbe2a0;--warn-line:#b26b00;--pass-fg:#1d5128;--pass-bg:#cfead5;--pass-line:#2e7d32;--skip-fg:#444;--skip-bg:#ececec;--skip-line:#9e9e9e;--waived-fg:#2c3a73;--waived-bg:#dfe3f5;--waived-line:#4a5aa8;--ink:#1f1f1f;--muted:#555;--rule:#d0d0d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:1rem 1rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
h4,.finding h3{font-size:1rem;margin:0 0 .25rem}
p{margin:.25rem 0 .5rem}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.9em;overflow-wrap:anywhere}
.lede{color:var(--muted);max-width:48rem}
.badge,.cell{white-space:nowrap;font-weight:600}
.badge{display:inline-block;padding:0 .4em;border:1px solid;border-radius:.25rem;font-size:.9em}
.s-fail{color:var(--fail-fg);background:var(--fail-bg);border-color:var(--fail-line)}
.s-warn{color:var(--warn-fg);background:var(--warn-bg);border-color:var(--warn-line)}
.s-pass{color:var(--pass-fg);background:var(--pass-bg);border-color:var(--pass-line)}
.s-skip{color:var(--skip-fg);background:var(--skip-bg);border-color:var(--skip-line)}
.s-waived{color:var(--waived-fg);background:var(--waived-bg);border-color:var(--waived-line)}
.totals{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.5rem 0}
.totals li{border:1px solid var(--rule);border-left-width:.4rem;border-radius:.25rem;padding:.25rem .75rem;min-width:6.5rem}
.totals .s-fail{border-left-color:var(--fail-line)}
.totals .s-warn{border-left-color:var(--warn-line)}
.totals .s-pass{border-left-color:var(--pass-line)}
.totals .s-waived{border-left-color:var(--waived-line)}
.totals .n{display:block;font-size:1.5rem;font-weight:700;line-height:1.2}
.note{color:var(--muted);font-size:.9rem}
.scroll{overflow-x:auto;max-width:100%;border:1px solid var(--rule);border-radius:.25rem}
[hidden]{display:none!important}
table.areas{border-collapse:collapse}
table.areas th,table.areas td{padding:.25rem .75rem;text-align:right;border-bottom:1px solid var(--rule)}
table.areas th[scope=row],table.areas thead th:first-child{text-align:left}
.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.filter label{display:flex;gap:.4rem;align-items:center;max-width:100%}
.filter select{max-width:14rem;font:inherit}
@media print{.filter{display:none}}
.scroll:focus{outline:2px solid #1a4fa0;outline-offset:2px}
table.grid{border-collapse:collapse;width:100%;font-size:.9rem}
.grid th,.grid td{border:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}
.grid thead th{background:#f3f3f3;white-space:nowrap}
.grid tbody th{font-weight:400;min-width:12rem;max-width:22rem;position:sticky;left:0;background:#fff;z-index:1}
.grid tbody th a{font-weight:600;color:#1a4fa0}
.grid .file{display:block;color:var(--muted);font-size:.85em}
.grid td{border-color:var(--rule)}
abbr[title]{text-decoration:none}
dl.themes{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;font-size:.9rem;margin:.75rem 0}
dl.themes dt{font-weight:600}
dl.themes dd{margin:0}
svg.chart{display:block;width:100%;max-width:400px;height:auto;margin:.5rem 0}
svg.chart text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
svg.chart .fail{fill:var(--fail-line)}
svg.chart .warn{fill:#c77c00}
.key{display:flex;gap:1rem;font-size:.9rem;list-style:none;padding:0;margin:.25rem 0}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border:1px solid var(--ink)}
.swatch.fail{background:var(--fail-line)}
.swatch.warn{background:#c77c00}
.doc{border-top:1px solid var(--rule);padding-top:.25rem;margin-top:2rem}
.doc > header h3{margin-top:.75rem}
h2 + .doc{border-top:0;margin-top:0;padding-top:0}
.docfile{margin:0 0 .5rem}
ul.themeline{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.5rem 0}
ul.themeline li{border:1px solid;border-radius:.25rem;padding:0 .45rem;font-size:.85rem}
ul.themeline .t{font-weight:400}
ol.findings{list-style:none;padding:0;margin:.75rem 0}
.finding{border:1px solid var(--rule);border-left:.4rem solid var(--rule);border-radius:.25rem;padding:.6rem .8rem;margin:.6rem 0;background:#fff}
.finding.s-fail{border-left-color:var(--fail-line);background:#fff}
.finding.s-warn{border-left-color:var(--warn-line);background:#fff}
.finding.s-waived{border-left-color:var(--waived-line);background:#fff}
.finding.s-fail,.finding.s-warn,.finding.s-waived{color:var(--ink)}
.finding h4 .title{font-weight:400}
.msg{font-weight:500}
.loc{color:var(--muted);font-size:.9rem}
figure.quote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid var(--muted);background:#f7f7f7}
figure.quote blockquote{margin:0;font-style:italic}
figure.quote figcaption{font-size:.85rem;color:var(--muted)}
.fix strong{font-weight:600}
.waiver{border:1px dashed var(--waived-line);border-radius:.25rem;padding:.4rem .6rem;margin:.5rem 0;background:#f6f7fc}
.waiver dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.25rem 0 0}
.waiver dt{font-weight:600}
.waiver dd{margin:0}
details.rest{margin:.5rem 0 1rem}
details.rest summary{cursor:pointer;color:#1a4fa0}
details.rest ul{list-style:none;padding:0;margin:.5rem 0}
details.rest li{padding:.2rem 0;border-bottom:1px solid #eee}
ul.files{margin:.25rem 0 .5rem;padding-left:1.25rem}
.none{color:var(--muted)}
.hint{display:none;color:var(--muted);font-size:.85rem;margin:.25rem 0}
footer.page{margin-top:3rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:.5rem}
@media (max-width:600px){
body{padding:.75rem .75rem 2rem;font-size:15px}
h1{font-size:1.35rem}
.totals li{min-width:0;flex:1 1 40%}
.grid tbody th{min-width:9rem;max-width:11rem}
.finding{padding:.5rem .6rem}
.hint{display:block}
}
@page{size:A4;margin:14mm 12mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10pt}
h2{break-after:avoid}
h3,h4{break-after:avoid}
.scroll{overflow:visible;border:0}
table.grid{font-size:7.5pt;table-layout:auto}
.grid th,.grid td{padding:.15rem .25rem}
.grid thead th{white-space:normal}
.grid tbody th{position:static;min-width:0;max-width:none}
.grid .file{overflow-wrap:anywhere}
.grid tr,.finding,figure.quote,.waiver{break-inside:avoid}
svg.chart{max-width:120mm}
details.rest summary{color:var(--ink);list-style:none}
details.rest summary::-webkit-details-marker{display:none}
.dochead{break-inside:avoid;break-after:avoid}
.hint{display:none}
details.rest::details-content{content-visibility:visible;display:block}
.doc{break-inside:auto}
}
`

// filterData gives a document's areas (one per line, as the page's area
// filter lists them) and its status per theme, for the page's filter.
func filterData(doc *finding.Document, themes []themeCell) (areas, themeStatus string) {
	list := []string{finding.NoArea}
	if doc.Partnership != nil && len(doc.Partnership.Areas) > 0 {
		list = doc.Partnership.Areas
	}
	safe := make([]string, len(list))
	for i, a := range list {
		safe[i] = safeText(a)
	}
	parts := make([]string, len(themes))
	for i, t := range themes {
		parts[i] = t.Theme + "=" + string(t.Status)
	}
	return strings.Join(safe, "\n"), strings.Join(parts, " ")
}

// filterScript shows the page's filter and applies it: documents (rows of
// the grid and sections) by area, by status, and by theme (with a status:
// that theme's status; without: a fail or warn in it). Without the script,
// which a mail client or a strict viewer may not run, the form stays
// hidden and every document shows. The page's Content-Security-Policy
// allows this script alone, by its hash.
const filterScript = `(function () {
  var form = document.getElementById("filter");
  if (!form) { return; }
  form.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-status]"));
  var count = document.getElementById("filter-count");
  function apply() {
    var area = form.elements.area ? form.elements.area.value : "";
    var theme = form.elements.theme.value, status = form.elements.status.value;
    var shown = 0, total = 0;
    items.forEach(function (el) {
      var ok = true, s = el.getAttribute("data-status");
      if (area && el.getAttribute("data-areas").split("\n").indexOf(area) < 0) { ok = false; }
      if (theme) {
        s = "skip";
        el.getAttribute("data-themes").split(" ").forEach(function (kv) {
          var i = kv.indexOf("=");
          if (kv.slice(0, i) === theme) { s = kv.slice(i + 1); }
        });
        if (!status && s !== "fail" && s !== "warn") { ok = false; }
      }
      if (status && s !== status) { ok = false; }
      el.hidden = !ok;
      if (el.tagName === "SECTION") { total++; if (ok) { shown++; } }
    });
    count.textContent = "Showing " + shown + " of " + total + " documents.";
  }
  form.addEventListener("change", apply);
  apply();
})();`

// filterScriptHash is the script's hash as a Content-Security-Policy
// source.
var filterScriptHash = func() string {
	sum := sha256.Sum256([]byte(filterScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// safeAll is safeText of each string.
func safeAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = safeText(s)
	}
	return out
}
