package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"example.org/cgcheck/internal/finding"
)

// TestHTMLIsSelfContained: the page asks for nothing outside itself (no
// script, stylesheet, font or image by URL), says so in its
// Content-Security-Policy, and carries what phones, printers and screen
// readers need. The browser test checks the same in Chromium; this one runs
// everywhere.
func TestHTMLIsSelfContained(t *testing.T) {
	t.Parallel()
	out := string(render(t, "html", sampleRun()))

	// The only URL is the SVG namespace, which is a name, not a request.
	rest := strings.ReplaceAll(out, `xmlns="http://www.w3.org/2000/svg"`, "")
	for _, loc := range regexp.MustCompile(`(?i)\b(https?|ftp|wss?):|//[a-z0-9.-]+\.[a-z]{2,}/`).FindAllStringIndex(rest, -1) {
		t.Errorf("a URL in the page: %q", rest[loc[0]:min(loc[1]+40, len(rest))])
	}
	// One script, inline: the filter, allowed by the page's CSP by its hash
	// and by nothing else.
	scripts := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(out, -1)
	if len(scripts) != 1 || strings.Count(strings.ToLower(out), "<script") != 1 {
		t.Fatalf("%d inline scripts, %d <script tags; want the one filter script", len(scripts), strings.Count(strings.ToLower(out), "<script"))
	}
	sum := sha256.Sum256([]byte(scripts[0][1]))
	csp := `content="default-src 'none'; style-src 'unsafe-inline'; script-src &#39;sha256-` + base64.StdEncoding.EncodeToString(sum[:]) + `&#39;"`
	if !strings.Contains(out, csp) {
		t.Errorf("the page's CSP does not allow exactly its script: want %s", csp)
	}
	out = strings.Replace(out, scripts[0][0], "", 1)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", " src=", "@import", "url(", "@font-face"} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"en\">",
		`<meta charset="utf-8">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		"@page{size:A4",
		"@media print{",
		"details.rest::details-content{content-visibility:visible", // passing rules print
		"@media (max-width:600px){",
		`<th scope="col">Document</th>`,
		`<th scope="row">`,
		`<svg class="chart" role="img"`,
		`<section class="doc" id="doc-3"`,
		`<div class="waiver">`,
		"<dt>Approved by</dt><dd>CPP Board</dd>",
		`<time datetime="2009-03-31">2009-03-31</time>`,
		"<li><code>registry/a.yaml:2:5</code></li>", // a registry finding names every file
		"<li><code>registry/b.yaml:2:5</code></li>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n := strings.Count(out, `<section class="doc"`); n != 3 {
		t.Errorf("%d document sections, want 3", n)
	}
	// No score: the page counts, it does not grade.
	body := out[strings.Index(out, "</style>"):]
	if regexp.MustCompile(`(?i)score:|\d+ ?%`).MatchString(body) {
		t.Errorf("the page shows a score or percentage")
	}
}

// TestHTMLEscapesDescriptorText: names and messages from descriptors cannot
// add markup to the page.
func TestHTMLEscapesDescriptorText(t *testing.T) {
	t.Parallel()
	docs, s, reg := hostile()
	out := string(renderDocs(t, "html", sampleRun(), docs, s, reg))
	for _, raw := range []string{"<draft>", "<unclear>", "]]> "} {
		if strings.Contains(out, raw) {
			t.Errorf("the page holds %q unescaped", raw)
		}
	}
	for _, want := range []string{
		"Dún Éideann, 50%: &lt;draft&gt;.yaml",
		"&lt;unclear&gt; &amp; ]]&gt;",
		"<code>custom-check</code></h4>", // a rule the catalogue does not describe: no title
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestHTMLEmptyRun: a run with no documents and no findings still makes a
// whole page, with sentences where the grid and the chart would be.
func TestHTMLEmptyRun(t *testing.T) {
	t.Parallel()
	out := renderDocs(t, "html", sampleRun(), nil, finding.Summary{}, finding.Registry{Status: finding.Pass})
	for _, want := range []string{"No documents were checked.", "No warn or fail findings.", "No findings across descriptors.", "</html>\n"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the page lacks %q:\n%s", want, out)
		}
	}
	if bytes.Contains(out, []byte("<table")) || bytes.Contains(out, []byte("<svg")) {
		t.Errorf("an empty run has a table or a chart:\n%s", out)
	}
}

// TestHTMLChartSortsRules: the chart lists rules by their number of warn and
// fail findings, most first, fails breaking ties, then by id.
func TestHTMLChartSortsRules(t *testing.T) {
	t.Parallel()
	docs, s, reg := hostile()
	out := string(renderDocs(t, "html", sampleRun(), docs, s, reg))
	labels := regexp.MustCompile(`<text x="0" y="\d+">([^<]*)</text>`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, l := range labels {
		got = append(got, l[1])
	}
	want := []string{
		"schema: 2 fail, 0 warn",
		"parse: 1 fail, 0 warn",
		"single-lead: 1 fail, 0 warn",
		"custom-check: 0 fail, 1 warn",
		"shared-people: 0 fail, 1 warn", // registry findings count too
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("chart labels:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHTMLGroupsByAreaFromDisk: with documents from several areas, the
// grid and the sections come grouped by area even when the spools have
// moved to disk.
func TestHTMLGroupsByAreaFromDisk(t *testing.T) {
	docs, _, reg := sample()
	var run []*finding.Document
	var s finding.Summary
	for i := 0; i < 3000; i++ { // several MB of sections, past the in-memory limit
		d := *docs[1]
		area := []string{"Perth", "angus"}[i%2]
		d.Partnership = &finding.Partnership{Name: fmt.Sprintf("P%d", i), Areas: []string{area}}
		s.Add(&d)
		run = append(run, &d)
	}
	out := string(renderDocs(t, "html", sampleRun(), run, s, reg))
	if len(out) < 5<<20 {
		t.Fatalf("the report is %d bytes: too small to move the spools to disk", len(out))
	}
	for _, what := range []string{`<tr data-status="fail" data-areas="`, `<section class="doc" id="doc-`} {
		lastAngus, firstPerth := -1, len(out)
		for i := 0; ; {
			j := strings.Index(out[i:], what)
			if j < 0 {
				break
			}
			i += j + len(what)
			rest := out[i:min(i+300, len(out))]
			switch {
			case strings.Contains(rest, `data-areas="angus"`) || strings.HasPrefix(rest, "angus"):
				lastAngus = i
			case strings.Contains(rest, `data-areas="Perth"`) || strings.HasPrefix(rest, "Perth"):
				firstPerth = min(firstPerth, i)
			}
		}
		if lastAngus < 0 || firstPerth == len(out) || lastAngus > firstPerth {
			t.Errorf("%s...: last angus at %d, first Perth at %d; want every angus first", what, lastAngus, firstPerth)
		}
	}
}
