package report_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"example.org/cgcheck/internal/testtool"
)

// artifacts is the folder for what the browser test leaves for people to look
// at (the page, screenshots, the PDF): $CGCHECK_ARTIFACTS, or a temporary
// folder.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CGCHECK_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("artefacts in %s", dir)
	return dir
}

// browser starts headless Chromium with a fresh profile and nothing that
// talks to the network on its own (background networking, component
// updates, sync), and returns a context for its first tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := testtool.Look(t, "chromium", "apt-get install chromium")
	var output bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // as root in a container there is no sandbox to use
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&output),
	)
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start chromium: %v\n%s", err, output.String())
	}
	return tab
}

// pageLog records, in a tab, every request and every console error,
// uncaught exception and browser-log error (a Content-Security-Policy
// refusal is one).
type pageLog struct {
	mu       sync.Mutex
	requests []string
	errors   []string
	ids      map[network.RequestID]string
	blocked  map[string]network.BlockedReason // URL -> why the browser refused it
}

func (l *pageLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		l.requests = append(l.requests, ev.Request.URL)
		if l.ids == nil {
			l.ids = map[network.RequestID]string{}
		}
		l.ids[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		if ev.BlockedReason != "" {
			if l.blocked == nil {
				l.blocked = map[string]network.BlockedReason{}
			}
			l.blocked[l.ids[ev.RequestID]] = ev.BlockedReason
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			args := make([]string, len(ev.Args))
			for i, a := range ev.Args {
				args[i] = a.Description
				if len(a.Value) > 0 {
					args[i] = string(a.Value)
				}
			}
			l.errors = append(l.errors, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		l.errors = append(l.errors, "exception: "+ev.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			l.errors = append(l.errors, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

func (l *pageLog) blockedBy(url string) network.BlockedReason {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.blocked[url]
}

func (l *pageLog) result() (requests, errors []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.requests...), append([]string(nil), l.errors...)
}

// open loads a file in a new tab of the browser, recording its log from the
// first event.
func open(t *testing.T, parent context.Context, file string) (context.Context, *pageLog, string) {
	t.Helper()
	l := &pageLog{}
	tab, cancel := chromedp.NewContext(parent, chromedp.WithListener(l.listen))
	t.Cleanup(cancel)
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	if err := chromedp.Do(tab, chromedp.Navigate(u)); err != nil {
		t.Fatalf("load %s: %v", u, err)
	}
	return tab, l, u
}

func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func write(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", p)
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
	tab := browser(t)
	dir := artifacts(t)
	page := filepath.Join(dir, "report.html")
	write(t, dir, "report.html", render(t, "html", sampleRun()))

	ctx, log, pageURL := open(t, tab, page)

	facts := run(t, ctx, "read the page", chromedp.Evaluate[pageFacts](factsJS))
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
	desk := run(t, ctx, "read the layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if desk.PageWidth > desk.ViewportWidth || len(desk.Hidden) > 0 || desk.DetailsVisible != 0 {
		t.Errorf("desktop layout: %+v", desk)
	}
	write(t, dir, "report-desktop.png", run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// A4 in print: the printable width of A4 with the page's margins is
	// 186 mm, about 703 CSS pixels. Nothing clipped, the passing rules shown.
	run(t, ctx, "print layout", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			return err
		}
		_, err := chromedp.EmulateViewport(703, 1000)(ctx, tg)
		return err
	}))
	printed := run(t, ctx, "read the print layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if printed.PageWidth > printed.ViewportWidth || printed.GridScrolls || printed.GridClipped || len(printed.Hidden) > 0 {
		t.Errorf("print layout at A4 width clips or hides something: %+v", printed)
	}
	if printed.DetailsItems == 0 || printed.DetailsVisible != printed.DetailsItems {
		t.Errorf("in print %d of %d passing and skipped rules are visible, want all", printed.DetailsVisible, printed.DetailsItems)
	}
	write(t, dir, "report-print.png", run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// A phone, 390 CSS pixels wide: the page does not scroll sideways; the
	// grid scrolls inside its box; the text stays readable.
	run(t, ctx, "phone", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			return err
		}
		_, err := chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))(ctx, tg)
		return err
	}))
	phone := run(t, ctx, "read the phone layout", chromedp.Evaluate[layoutFacts](layoutJS))
	if phone.ViewportWidth != 390 || phone.PageWidth > phone.ViewportWidth || !phone.GridScrolls || phone.BodyFontPx < 14 || len(phone.Hidden) > 0 {
		t.Errorf("phone layout: %+v", phone)
	}
	write(t, dir, "report-phone.png", run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	// Print to PDF on A4, once.
	run(t, ctx, "reset", chromedp.ResetViewport())
	pdf := run(t, ctx, "print to PDF", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
		t.Errorf("PrintToPDF gave %d bytes starting %q, want a PDF", len(pdf), pdf[:min(len(pdf), 8)])
	}
	write(t, dir, "report-a4.pdf", pdf)
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
		got := run(t, ctx, "filter", chromedp.Evaluate[filtered](js))
		want := fmt.Sprintf("Showing %d of 3 documents.", len(c.want))
		if !got.Form || !slices.Equal(got.Sections, c.want) || got.Rows != len(c.want) || got.Count != want {
			t.Errorf("filter area %q theme %q status %q: %+v; want the form shown, sections %q in the grid too, and %q", c.area, c.theme, c.status, got, c.want, want)
		}
	}

	requests, errs := log.result()
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
	tab := browser(t)
	dir := t.TempDir()

	bad := filepath.Join(dir, "bad.html")
	write(t, dir, "bad.html", []byte(`<!DOCTYPE html><html lang="en"><title>bad</title>
<img src="http://127.0.0.1:9/tracker.png" alt=""><script>console.error("boom")</script></html>`))
	_, log, _ := open(t, tab, bad)
	waitFor(t, func() bool { r, e := log.result(); return len(r) >= 2 && len(e) >= 1 })
	requests, errs := log.result()
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
	write(t, dir, "smuggled.html", page)
	_, log, _ = open(t, tab, smuggled)
	waitFor(t, func() bool { _, e := log.result(); return len(e) >= 1 && log.blockedBy(tracker) != "" })
	requests, errs = log.result()
	if !contains(requests, tracker) {
		t.Errorf("harness missed the smuggled request: %q", requests)
	}
	if why := log.blockedBy(tracker); why != network.BlockedReasonCsp {
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

func waitFor(t *testing.T, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if done() {
			return
		}
	}
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
