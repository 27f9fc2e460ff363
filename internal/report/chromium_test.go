package report_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"example.org/cgcheck/internal/testtool/chromium"
)

// open loads a file in a new tab of the browser, recording its log from the
// first event.
func open(t *testing.T, parent context.Context, file string) (context.Context, *chromium.Log, string) {
	t.Helper()
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	tab, log := chromium.Open(t, parent, u)
	return tab, log, u
}

// pageFacts is what the browser test reads from the loaded page.
type pageFacts struct {
	Lang           string   `json:"lang"`
	GridRows       int      `json:"gridRows"`
	GridHeaders    []string `json:"gridHeaders"`
	RowHeaders     int      `json:"rowHeaders"`
	CellColours    []string `json:"cellColours"`
	Documents      []string `json:"documents"`
	ChartBars      int      `json:"chartBars"`
	ChartLabels    []string `json:"chartLabels"`
	Waivers        []string `json:"waivers"`
	RegistryFiles  []string `json:"registryFiles"`
	Outside        []string `json:"outside"`
	Scripts        int      `json:"scripts"`
	OutsideScripts int      `json:"outsideScripts"`
	H1             int      `json:"h1"`
}

const factsJS = `(() => {
  const all = s => [...document.querySelectorAll(s)];
  const text = e => e.textContent.replace(/\s+/g, " ").trim();
  return {
    lang: document.documentElement.lang,
    gridRows: all("#overview table.grid tbody tr").length,
    gridHeaders: all("#overview table.grid thead th[scope=col]").map(text),
    rowHeaders: all("#overview table.grid tbody th[scope=row]").length,
    cellColours: all("#overview table.grid td.cell").map(e => getComputedStyle(e).backgroundColor + " " + text(e)),
    documents: all("main section.doc").map(s => text(s.querySelector("h3"))),
    chartBars: all("svg.chart rect.bar").length,
    chartLabels: all("svg.chart text").map(text),
    waivers: all(".waiver").map(text),
    registryFiles: all("#registry ul.files li").map(text),
    outside: all("[src], [href], [srcset], [data], [action], [poster]")
      .map(e => e.getAttribute("src") || e.getAttribute("href") || e.getAttribute("srcset") || e.getAttribute("data") || e.getAttribute("action") || e.getAttribute("poster"))
      .filter(v => !v.startsWith("#")),
    scripts: document.scripts.length,
    outsideScripts: [...document.scripts].filter(e => e.src).length,
    h1: all("h1").length,
  };
})()`

// layoutFacts is what the page looks like at the current viewport and media.
type layoutFacts struct {
	ViewportWidth  float64  `json:"viewportWidth"`
	PageWidth      float64  `json:"pageWidth"`
	GridScrolls    bool     `json:"gridScrolls"`
	GridClipped    bool     `json:"gridClipped"`
	BodyFontPx     float64  `json:"bodyFontPx"`
	Hidden         []string `json:"hidden"`
	DetailsVisible int      `json:"detailsVisible"`
	DetailsItems   int      `json:"detailsItems"`
}

const layoutJS = `(() => {
  const all = s => [...document.querySelectorAll(s)];
  const grid = document.querySelector("#overview table.grid");
  const scroll = grid.closest(".scroll");
  const seen = e => e.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true});
  const items = all("details.rest li");
  return {
    viewportWidth: document.documentElement.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
    gridScrolls: scroll.scrollWidth > scroll.clientWidth + 1,
    gridClipped: grid.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(scroll).overflowX !== "auto",
    bodyFontPx: parseFloat(getComputedStyle(document.body).fontSize),
    hidden: all(".finding, .waiver, figure.quote, .fix, #overview table.grid, svg.chart").filter(e => !seen(e)).map(e => e.className.baseVal ?? e.className),
    detailsVisible: items.filter(seen).length,
    detailsItems: items.length,
  };
})()`

// TestHTMLInChromium loads the HTML report of the sample run in headless
// Chromium from a file:// URL: it must log no error, make no request but
// for the page itself, show the overview grid, a section per document, the
// chart and the waiver; fit a phone's width (the grid scrolls inside its
// box); show every finding and the passing rules in print; and print to an
// A4 PDF. Screenshots and the PDF are left in the artefacts folder.
func TestHTMLInChromium(t *testing.T) {
	tab := chromium.Start(t)
	dir := chromium.Artifacts(t)
	page := filepath.Join(dir, "report.html")
	chromium.Write(t, dir, "report.html", render(t, "html", sampleRun()))

	ctx, log, pageURL := open(t, tab, page)

	facts := chromium.Run(t, ctx, "read the page", chromedp.Evaluate[pageFacts](factsJS))
	if facts.Lang != "en" || facts.H1 != 1 {
		t.Errorf("lang %q with %d h1, want en and one", facts.Lang, facts.H1)
	}
	if facts.GridRows != 3 || facts.RowHeaders != 3 {
		t.Errorf("grid has %d rows (%d row headers), want 3", facts.GridRows, facts.RowHeaders)
	}
	wantHeaders := "Document Area Status purpose governance evidence action gain lifecycle integrity"
	if got := strings.Join(facts.GridHeaders, " "); got != wantHeaders {
		t.Errorf("grid headers %q, want %q", got, wantHeaders)
	}
	// Red, amber and green, each with its word.
	colours := map[string]string{}
	for _, c := range facts.CellColours {
		rgb, word, _ := strings.Cut(c, ") ")
		colours[word] = rgb + ")"
	}
	for word, rgb := range map[string]string{"✗ fail": "rgb(249, 211, 207)", "! warn": "rgb(251, 226, 160)", "✓ pass": "rgb(207, 234, 213)", "– skip": "rgb(236, 236, 236)"} {
		if colours[word] != rgb {
			t.Errorf("grid cell %q is %s, want %s (all: %v)", word, colours[word], rgb, facts.CellColours)
		}
	}
	// By area: Inverclyde, then Midlothian (the civic centre's first area),
	// then the file with no area.
	wantDocs := []string{"✗ fail Inverclyde Korsakoff's Syndrome Service", "✓ pass Civic Centre Access Partnership", "✗ fail registry/broken.json"}
	if strings.Join(facts.Documents, "|") != strings.Join(wantDocs, "|") {
		t.Errorf("document sections %q, want %q", facts.Documents, wantDocs)
	}
	if facts.ChartBars != 5 || len(facts.ChartLabels) != 5 || facts.ChartLabels[0] != "parse: 1 fail, 0 warn" {
		t.Errorf("chart has %d bars, labels %q", facts.ChartBars, facts.ChartLabels)
	}
	if len(facts.Waivers) != 1 || !strings.Contains(facts.Waivers[0], "CPP Board") || !strings.Contains(facts.Waivers[0], "2009-03-31") ||
		!strings.Contains(facts.Waivers[0], "SOA refresh") {
		t.Errorf("waivers %q, want one with its justification, approver and expiry", facts.Waivers)
	}
	// Every member of the long group is listed, with its id.
	if len(facts.RegistryFiles) != 14 || strings.Join(facts.RegistryFiles[:3], " | ") != "registry/a.yaml:2:5 | registry/b.yaml:2:5 | registry/p01.yaml:9:11 (p01)" ||
		facts.RegistryFiles[13] != "registry/p12.yaml:9:11 (p12)" {
		t.Errorf("registry files %q", facts.RegistryFiles)
	}
	if len(facts.Outside) > 0 || facts.Scripts != 1 || facts.OutsideScripts > 0 {
		t.Errorf("the page refers outside itself %q or has %d scripts (%d from outside); want only its inline filter", facts.Outside, facts.Scripts, facts.OutsideScripts)
	}

	// Desktop: the grid fits, nothing is hidden but the passing rules.
	desk := chromium.Run(t, ctx, "read the layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if desk.PageWidth > desk.ViewportWidth || len(desk.Hidden) > 0 || desk.DetailsVisible != 0 {
		t.Errorf("desktop layout: %+v", desk)
	}
	chromium.Write(t, dir, "report-desktop.png", chromium.Run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// A4 in print: the printable width of A4 with the page's margins is
	// 186 mm, about 703 CSS pixels. Nothing clipped, the passing rules shown.
	chromium.Run(t, ctx, "print layout", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			return err
		}
		_, err := chromedp.EmulateViewport(703, 1000)(ctx, tg)
		return err
	}))
	printed := chromium.Run(t, ctx, "read the print layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if printed.PageWidth > printed.ViewportWidth || printed.GridScrolls || printed.GridClipped || len(printed.Hidden) > 0 {
		t.Errorf("print layout at A4 width clips or hides something: %+v", printed)
	}
	if printed.DetailsItems == 0 || printed.DetailsVisible != printed.DetailsItems {
		t.Errorf("in print %d of %d passing and skipped rules are visible, want all", printed.DetailsVisible, printed.DetailsItems)
	}
	chromium.Write(t, dir, "report-print.png", chromium.Run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// A phone, 390 CSS pixels wide: the page does not scroll sideways; the
	// grid scrolls inside its box; the text stays readable.
	chromium.Run(t, ctx, "phone", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			return err
		}
		_, err := chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))(ctx, tg)
		return err
	}))
	phone := chromium.Run(t, ctx, "read the phone layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if phone.ViewportWidth != 390 || phone.PageWidth > phone.ViewportWidth || !phone.GridScrolls || phone.BodyFontPx < 14 || len(phone.Hidden) > 0 {
		t.Errorf("phone layout: %+v", phone)
	}
	chromium.Write(t, dir, "report-phone.png", chromium.Run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// Print to PDF on A4, once.
	chromium.Run(t, ctx, "reset", chromedp.ResetViewport())
	pdf := chromium.Run(t, ctx, "print to PDF", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
		t.Errorf("PrintToPDF gave %d bytes starting %q, want a PDF", len(pdf), pdf[:min(len(pdf), 8)])
	}
	chromium.Write(t, dir, "report-a4.pdf", pdf)
	t.Logf("the PDF has %d A4 pages", checkA4(t, pdf))

	// The filter: the script shows it, and it hides what does not match,
	// in the grid and the sections alike (the page's CSP lets the script
	// run: a blocked script would leave a console error, checked below).
	for _, c := range []struct {
		area, theme, status string
		want                []string
	}{
		{"", "", "fail", []string{"✗ fail Inverclyde Korsakoff's Syndrome Service", "✗ fail registry/broken.json"}},
		{"Midlothian", "", "", []string{"✓ pass Civic Centre Access Partnership"}},
		{"", "governance", "", []string{"✗ fail Inverclyde Korsakoff's Syndrome Service"}},
		{"", "integrity", "fail", []string{"✗ fail registry/broken.json"}},
		{"", "", "", []string{"✗ fail Inverclyde Korsakoff's Syndrome Service", "✓ pass Civic Centre Access Partnership", "✗ fail registry/broken.json"}},
	} {
		js := fmt.Sprintf(`(() => {
  const f = document.getElementById("filter");
  f.elements.area.value = %q; f.elements.theme.value = %q; f.elements.status.value = %q;
  f.dispatchEvent(new Event("change"));
  const text = e => e.textContent.replace(/\s+/g, " ").trim();
  const seen = s => [...document.querySelectorAll(s)].filter(e => e.checkVisibility());
  return {form: !f.hidden, sections: seen("main section.doc").map(e => text(e.querySelector("h3"))),
          rows: seen("#overview table.grid tbody tr").length, count: text(document.getElementById("filter-count"))};
})()`, c.area, c.theme, c.status)
		type filtered struct {
			Form     bool     `json:"form"`
			Sections []string `json:"sections"`
			Rows     int      `json:"rows"`
			Count    string   `json:"count"`
		}
		got := chromium.Run(t, ctx, "filter", chromedp.Evaluate[filtered](js))
		want := fmt.Sprintf("Showing %d of 3 documents.", len(c.want))
		if !got.Form || !slices.Equal(got.Sections, c.want) || got.Rows != len(c.want) || got.Count != want {
			t.Errorf("filter area %q theme %q status %q: %+v; want the form shown, sections %q in the grid too, and %q", c.area, c.theme, c.status, got, c.want, want)
		}
	}

	requests, errs := log.Result()
	for _, r := range requests {
		if r != pageURL {
			t.Errorf("the page made a request: %s", r)
		}
	}
	if len(requests) == 0 {
		t.Errorf("no request seen at all, not even the page: is the network log working?")
	}
	if len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestChromiumHarnessSeesRequestsAndErrors makes sure the checks above can
// fail: a page that loads an image from elsewhere and logs an error is
// caught, and the report's Content-Security-Policy refuses a resource that
// slipped into the page. 127.0.0.1:9 (discard) keeps the test off the
// network.
func TestChromiumHarnessSeesRequestsAndErrors(t *testing.T) {
	tab := chromium.Start(t)
	dir := t.TempDir()

	bad := filepath.Join(dir, "bad.html")
	chromium.Write(t, dir, "bad.html", []byte(`<!DOCTYPE html><html lang="en"><title>bad</title>
<img src="http://127.0.0.1:9/tracker.png" alt=""><script>console.error("boom")</script></html>`))
	_, log, _ := open(t, tab, bad)
	chromium.WaitFor(func() bool { r, e := log.Result(); return len(r) >= 2 && len(e) >= 1 })
	requests, errs := log.Result()
	if !contains(requests, "http://127.0.0.1:9/tracker.png") || !containsText(errs, "boom") {
		t.Errorf("harness missed the image request or the console error: requests %q, errors %q", requests, errs)
	}

	// The report itself, with an image smuggled in: the browser test would
	// see the attempt, and the page's policy refuses it, which is logged as
	// an error too.
	const tracker = "http://127.0.0.1:9/tracker.png"
	page := render(t, "html", sampleRun())
	page = bytes.Replace(page, []byte("<main>"), []byte(`<main><img src="`+tracker+`" alt="">`), 1)
	smuggled := filepath.Join(dir, "smuggled.html")
	chromium.Write(t, dir, "smuggled.html", page)
	_, log, _ = open(t, tab, smuggled)
	chromium.WaitFor(func() bool { _, e := log.Result(); return len(e) >= 1 && log.BlockedBy(tracker) != "" })
	requests, errs = log.Result()
	if !contains(requests, tracker) {
		t.Errorf("harness missed the smuggled request: %q", requests)
	}
	if why := log.BlockedBy(tracker); why != network.BlockedReasonCsp {
		t.Errorf("smuggled image blocked by %q, want the page's Content-Security-Policy (csp)", why)
	}
	if !containsText(errs, "Content Security Policy") {
		t.Errorf("no policy refusal logged: %q", errs)
	}
}

// checkA4 holds every page of a PDF to A4 (595 × 842 points) and returns
// how many there are.
func checkA4(t *testing.T, pdf []byte) int {
	t.Helper()
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 {
		t.Errorf("the PDF has no page")
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if math.Abs(w-595.3) > 1.5 || math.Abs(h-841.9) > 1.5 {
			t.Errorf("a PDF page is %.1f × %.1f points, want A4 (595 × 842)", w, h)
		}
	}
	return len(boxes)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func containsText(list []string, s string) bool {
	for _, v := range list {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}
