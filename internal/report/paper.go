package report

import (
	"html/template"
	"io"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/paper"
)

// WritePaper writes a board paper as one self-contained HTML page: no
// request of any kind (a Content-Security-Policy says so), printable on
// A4, readable on a phone. Text from the descriptor is shown as written,
// with control characters escaped as in every human format.
func WritePaper(w io.Writer, p *paper.Paper, run Run) error {
	return paperTemplate.Execute(w, struct {
		P   *paper.Paper
		Run Run
	}{safePaper(p), run})
}

// safePaper is the paper with every text from the descriptor made safe to
// show (safeText); the template escapes HTML.
func safePaper(p *paper.Paper) *paper.Paper {
	s := *p
	s.Title, s.File, s.Task, s.Why, s.Mandate, s.Plan = safeText(p.Title), safeText(p.File), safeText(p.Task), safeText(p.Why), safeText(p.Mandate), safeText(p.Plan)
	facts := func(in []paper.Fact) []paper.Fact {
		out := make([]paper.Fact, len(in))
		for i, f := range in {
			out[i] = paper.Fact{Label: safeText(f.Label), Value: safeText(f.Value)}
		}
		return out
	}
	s.About, s.Funding, s.Dates = facts(p.About), facts(p.Funding), facts(p.Dates)
	s.Partners = make([]paper.Partner, len(p.Partners))
	for i, pr := range p.Partners {
		s.Partners[i] = paper.Partner{Name: safeText(pr.Name), Role: pr.Role, Contributes: safeAll(pr.Contributes)}
	}
	s.Measures = make([]paper.Measure, len(p.Measures))
	for i, m := range p.Measures {
		s.Measures[i] = paper.Measure{Indicator: safeText(m.Indicator), Better: m.Better, Baseline: safeText(m.Baseline), Alone: safeText(m.Alone), Together: safeText(m.Together)}
	}
	s.Waivers = make([]paper.Waiver, len(p.Waivers))
	for i, wv := range p.Waivers {
		s.Waivers[i] = paper.Waiver{Check: wv.Check, Justification: safeText(wv.Justification), ApprovedBy: safeText(wv.ApprovedBy), Expires: safeText(wv.Expires)}
	}
	return &s
}

// rag is a status as a board reads it: red, amber or green, with the
// word, so it prints in black and white and reads to colour-blind readers.
func rag(s finding.Status) string {
	switch s {
	case finding.Fail:
		return "Red: needs attention"
	case finding.Warn:
		return "Amber: worth a look"
	case finding.Waived:
		return "Exception agreed"
	case finding.Pass:
		return "Green: in place"
	}
	return "Not checked"
}

var paperTemplate = template.Must(template.New("paper").Funcs(template.FuncMap{
	"rag": rag,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light">
<meta name="generator" content="{{.Run.ToolName}} {{.Run.ToolVersion}}">
<title>Board paper: {{.P.Title}}</title>
<style>
:root{--red-fg:#7a1711;--red-bg:#f9d3cf;--amber-fg:#5c3d00;--amber-bg:#fbe2a0;--green-fg:#1d5128;--green-bg:#cfead5;--grey-fg:#444;--grey-bg:#ececec;--ink:#1f1f1f;--muted:#555;--rule:#d0d0d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:48rem;padding:1rem 1rem 3rem;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;line-height:1.25;margin:.3rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
p,li,dd,td,th{overflow-wrap:break-word;hyphens:auto}
.lede{color:var(--muted);margin:.2rem 0 1rem}
dl.facts{display:grid;grid-template-columns:minmax(8rem,12rem) 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
td ul{margin:0;padding-left:1.1rem}
.rag{display:inline-block;padding:0 .45rem;border-radius:.3rem;font:600 .85rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;white-space:nowrap}
.s-fail{background:var(--red-bg);color:var(--red-fg)}.s-warn{background:var(--amber-bg);color:var(--amber-fg)}
.s-pass{background:var(--green-bg);color:var(--green-fg)}.s-waived,.s-skip{background:var(--grey-bg);color:var(--grey-fg)}
.overall{font-size:1.05rem;margin:1rem 0}
ul.checks{list-style:none;padding:0;margin:0}
ul.checks li{margin:.35rem 0;display:flex;gap:.6rem;align-items:baseline}
ul.checks .rag{min-width:10.5rem;text-align:center}
ol.questions li{margin:.6rem 0}
ol.questions .because{display:block;color:var(--muted);font-size:.92rem}
.note{color:var(--muted);font-size:.92rem}
.unchecked{border-left:4px solid var(--red-fg);padding:.5rem .8rem;background:var(--red-bg)}
footer{margin-top:2.5rem;border-top:1px solid var(--rule);padding-top:.5rem;color:var(--muted);font-size:.85rem}
@media (max-width:600px){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}ul.checks li{flex-direction:column;gap:.1rem}ul.checks .rag{min-width:0}}
@page{size:A4;margin:18mm 16mm}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-after:avoid}li,tr{break-inside:avoid}.rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style>
</head>
<body>
<header>
<p class="lede">Board paper · checked against the findings of the Collaborative Gain Research Study (Improvement Service, 2008) as of <time datetime="{{.P.Today}}">{{.P.Today}}</time></p>
<h1>{{.P.Title}}</h1>
</header>
<main>
<section aria-labelledby="proposed">
<h2 id="proposed">What is proposed</h2>
{{- if .P.About}}
<dl class="facts">
{{- range .P.About}}
<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
{{- end}}
{{- if .P.Task}}
<h3>The task</h3>
<p>{{.P.Task}}</p>
{{- end}}
{{- if .P.Why}}
<h3>Why in partnership</h3>
<p>{{.P.Why}}</p>
{{- end}}
{{- if .P.Mandate}}
<h3>The need it answers</h3>
<p>{{.P.Mandate}}</p>
{{- end}}
{{- if .P.Partners}}
<h3>Partners and what each puts in</h3>
<div class="scroll"><table>
<thead><tr><th scope="col">Partner</th><th scope="col">Role</th><th scope="col">Contributes</th></tr></thead>
<tbody>
{{- range .P.Partners}}
<tr><th scope="row">{{.Name}}</th><td>{{.Role}}</td><td>{{if .Contributes}}<ul>{{range .Contributes}}<li>{{.}}</li>{{end}}</ul>{{else}}nothing recorded{{end}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- if .P.Money}}
<p>In all, the partners put in {{.P.Money}} and {{.P.Staff}} of staff time, as far as values are given.</p>
{{- else}}
<p>No value in money or staff time is given for what the partners put in.</p>
{{- end}}
{{- end}}
{{- if or .P.Funding .P.Plan}}
<h3>Funding</h3>
{{- if .P.Funding}}
<dl class="facts">
{{- range .P.Funding}}
<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
{{- end}}
{{- if .P.Plan}}
<p>{{if .P.PumpPrimed}}When start-up funding ends{{else}}How the work is sustained{{end}}: {{.P.Plan}}</p>
{{- end}}
{{- end}}
{{- if .P.Measures}}
<h3>How progress will be measured</h3>
<div class="scroll"><table>
<thead><tr><th scope="col">Measure</th><th scope="col">Starting point</th><th scope="col">Target working alone</th><th scope="col">Target working together</th></tr></thead>
<tbody>
{{- range .P.Measures}}
<tr><th scope="row">{{.Indicator}} <span class="note">({{.Better}})</span></th><td>{{or .Baseline "not given"}}</td><td>{{or .Alone "not given"}}</td><td>{{or .Together "not given"}}</td></tr>
{{- end}}
</tbody>
</table></div>
{{- end}}
{{- if .P.Dates}}
<h3>Dates</h3>
<dl class="facts">
{{- range .P.Dates}}
<dt>{{.Label}}</dt><dd>{{.Value}}</dd>
{{- end}}
</dl>
{{- end}}
</section>
<section aria-labelledby="found">
<h2 id="found">What the checks found</h2>
{{- if not .P.Checked}}
<p class="overall">Overall: <span class="rag s-skip">Not checked</span></p>
<p class="unchecked">{{.P.Unchecked}}</p>
{{- else}}
<p class="overall">Overall: <span class="rag s-{{.P.Overall}}">{{rag .P.Overall}}</span></p>
<p class="note">Each line below is one finding of the study, checked against what the proposal records. Red means the study's finding is not met; amber, that it is worth a look; green, that it is in place. A checklist for discussion, not a score.</p>
{{- range .P.Themes}}
<h3>{{.Title}} <span class="rag s-{{.Status}}">{{rag .Status}}</span></h3>
<ul class="checks">
{{- range .Checks}}
<li><span class="rag s-{{.Status}}">{{rag .Status}}</span> <span>{{.Words}}</span></li>
{{- end}}
</ul>
{{- end}}
{{- end}}
</section>
{{- if .P.Questions}}
<section aria-labelledby="questions">
<h2 id="questions">Questions for the board</h2>
<p class="note">Prompts for discussion, drawn from the study's findings: not verdicts on the people involved.</p>
<ol class="questions">
{{- range .P.Questions}}
<li>{{.Text}} <span class="because">{{.Because}}</span></li>
{{- end}}
</ol>
</section>
{{- end}}
{{- if .P.Waivers}}
<section aria-labelledby="waivers">
<h2 id="waivers">Exceptions the board is asked to note</h2>
<p class="note">Where the partners have explained why a finding does not apply, rather than complied with it.</p>
<div class="scroll"><table>
<thead><tr><th scope="col">Finding</th><th scope="col">Why it is accepted</th><th scope="col">Approved by</th><th scope="col">Until</th></tr></thead>
<tbody>
{{- range .P.Waivers}}
<tr><th scope="row">{{.Check}}</th><td>{{.Justification}}</td><td>{{.ApprovedBy}}</td><td><time datetime="{{.Expires}}">{{.Expires}}</time></td></tr>
{{- end}}
</tbody>
</table></div>
</section>
{{- end}}
</main>
<footer>
<p>Prepared by {{.Run.ToolName}} {{.Run.ToolVersion}} from <code>{{.P.File}}</code>, as of {{.P.Today}}. The checks follow the Collaborative Gain Research Study (Improvement Service, 2008).</p>
</footer>
</body>
</html>
`))
