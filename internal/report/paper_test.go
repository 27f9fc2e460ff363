package report_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/paper"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/testtool/chromium"
)

// samplePaper is a weak proposal's paper, every part filled in.
func samplePaper() *paper.Paper {
	return &paper.Paper{
		Title: "Armadale weekend off-sales pilot", Today: "2008-10-01", File: "registry/armadale.yaml",
		About: []paper.Fact{{Label: "Area", Value: "West Lothian"}, {Label: "Kind of partnership", Value: "Time-limited"},
			{Label: "Status", Value: "active"}, {Label: "Lead organisation", Value: "West Lothian Council"}, {Label: "Lead person", Value: "Community Safety Manager"}},
		Task: "Reduce weekend disorder in Armadale town centre by 20% by June 2009",
		Why:  "Licensing, policing and youth work together reach what none reaches alone.",
		Partners: []paper.Partner{{Name: "West Lothian Council", Role: "core partner", Contributes: []string{"staff: Licensing officer (0.5 FTE)", "budget: Diversionary activities (£12,000)"}},
			{Name: "Lothian and Borders Police", Role: "core partner"}},
		Money: "£12,000", Staff: "0.5 FTE",
		Funding:  []paper.Fact{{Label: "Scottish Government", Value: "pump priming, £20,000, ends 2009-03-31"}},
		Measures: []paper.Measure{{Indicator: "Weekend disorder incidents", Better: "lower is better", Baseline: "41 (2007-06-01)", Together: "33 by 2009-06-30"}},
		Dates:    []paper.Fact{{Label: "Started", Value: "2007-06-01"}, {Label: "Ends", Value: "2009-06-30"}},
		Checked:  true, Overall: finding.Fail,
		Themes: []paper.Theme{
			{Title: "Leadership, governance and performance management", Status: finding.Fail, Checks: []paper.Check{
				{Title: "One named lead", Status: finding.Fail, Words: "There is no single named lead organisation and lead person."},
				{Title: "A tight core group", Status: finding.Pass, Words: "The core group is small enough to manage."}}},
			{Title: "Measuring what working together adds", Status: finding.Warn, Checks: []paper.Check{
				{Title: "Outcome measures record the pre-partnership trend", Status: finding.Waived, Waived: true, Words: "Some outcome measures lack a starting point."},
				{Title: "A measure of the collaborative activity itself", Status: finding.Warn, Words: "It measures outcomes, but not the joint working the partners committed to."}}},
		},
		Questions: []paper.Question{{Text: "Who is the one named lead, and which organisation leads?", Because: "There is no single named lead organisation and lead person.", Status: finding.Fail}},
		Waivers:   []paper.Waiver{{Check: "Outcome measures record the pre-partnership trend", Justification: "Weekend disorder was not recorded separately before the pilot.", ApprovedBy: "CSP Board", Expires: "2009-06-30"}},
	}
}

func renderPaper(t *testing.T, p *paper.Paper) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePaper(&buf, p, report.Run{ToolName: "cgcheck", ToolVersion: "0.1.0", Today: "2008-10-01"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPaperGolden pins the board paper's page.
func TestPaperGolden(t *testing.T) {
	checkGolden(t, "paper", string(renderPaper(t, samplePaper())))
}

// TestPaperIsSelfContainedAndSafe: no request of any kind, no script, and
// descriptor text that would forge the page is escaped.
func TestPaperIsSelfContainedAndSafe(t *testing.T) {
	p := samplePaper()
	p.Task = "Reduce disorder <script>alert(1)</script>\x1b[8m hidden\u202e"
	out := string(renderPaper(t, p))
	for _, bad := range []string{"<script", "<img", "<link", " src=", "url(", "@import", "http://", "https://", "\x1b", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("the paper holds %q", bad)
		}
	}
	for _, want := range []string{`content="default-src 'none'; style-src 'unsafe-inline'"`, "@page{size:A4", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(out, want) {
			t.Errorf("the paper lacks %q", want)
		}
	}
}

// TestPaperInChromium: the paper reads on a phone without sideways
// scrolling of the page, prints on A4, makes no request and logs no error.
func TestPaperInChromium(t *testing.T) {
	tab := chromium.Start(t)
	dir := chromium.Artifacts(t)
	page := filepath.Join(dir, "paper.html")
	chromium.Write(t, dir, "paper.html", renderPaper(t, samplePaper()))
	ctx, log, pageURL := open(t, tab, page)

	type facts struct {
		Sections  []string `json:"sections"`
		Questions int      `json:"questions"`
		Width     int      `json:"width"`
		Page      int      `json:"page"`
	}
	const js = `(() => ({
  sections: [...document.querySelectorAll("main h2")].map(e => e.textContent),
  questions: document.querySelectorAll("ol.questions li").length,
  width: document.documentElement.clientWidth, page: document.documentElement.scrollWidth}))()`
	chromium.Run(t, ctx, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	got := chromium.Run(t, ctx, "read the phone layout", chromedp.Evaluate[facts](js))
	want := []string{"What is proposed", "What the checks found", "Questions for the board", "Exceptions the board is asked to note"}
	if strings.Join(got.Sections, "|") != strings.Join(want, "|") || got.Questions != 1 {
		t.Errorf("sections %q with %d questions; want %q and one", got.Sections, got.Questions, want)
	}
	if got.Width != 390 || got.Page > got.Width {
		t.Errorf("on a phone the page is %d wide in a %d viewport: it scrolls sideways", got.Page, got.Width)
	}
	chromium.Write(t, dir, "paper-phone.png", chromium.Run(t, ctx, "screenshot", chromedp.FullScreenshot(100)))

	chromium.Run(t, ctx, "reset", chromedp.ResetViewport())
	pdf := chromium.Run(t, ctx, "print to PDF", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	chromium.Write(t, dir, "paper-a4.pdf", pdf)
	checkA4(t, pdf)
	requests, errs := log.Result()
	for _, r := range requests {
		if r != pageURL {
			t.Errorf("the paper made a request: %s", r)
		}
	}
	if len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
