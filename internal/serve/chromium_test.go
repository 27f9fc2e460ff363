package serve_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/serve"
	"example.org/cgcheck/internal/testtool/chromium"
)

// pageJS finds the page's fields as a person sees them: at(path) is the
// field a path of keys and entry numbers leads to, following the form's own
// nesting (an object's fields by data-key, a list's entries in order);
// entries(list) are a list's entries and addButton(list) its "Add" button.
const pageJS = `
const fields = el => {
  const out = [];
  (function walk(n) {
    for (let c = n.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === "TEMPLATE") continue;
      if (c.hasAttribute("data-kind")) out.push(c); else walk(c);
    }
  })(el);
  return out;
};
const entries = list => fields(list.querySelector(":scope > .items"));
const at = path => {
  let el = document.getElementById("descriptor-form");
  for (const p of path) {
    const kind = el.getAttribute("data-kind");
    if (kind === "list" || kind === "oneormore") {
      const item = entries(el)[p];
      el = item && fields(item)[0];
    } else {
      el = fields(el).find(f => f.getAttribute("data-key") === p);
    }
    if (!el) return null;
  }
  return el;
};
const addButton = list => list.querySelector(":scope > button[data-action=add]");
const describe = e => !e || e === document.body ? "body" :
  e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.getAttribute("data-key") ? "[" + e.getAttribute("data-key") + "]" : "") +
  (e.type === "radio" ? "[" + e.value + "]" : "") + (e.tagName === "BUTTON" || e.tagName === "A" ? " " + JSON.stringify(e.textContent.trim()) : "");
`

// js is an expression that may use pageJS.
func js(expr string, args ...any) string {
	if len(args) > 0 {
		expr = fmt.Sprintf(expr, args...)
	}
	return "(() => {" + pageJS + "return (" + expr + ");})()"
}

// jsPath is a selector for the field at path.
func jsPath(path []any) chromedp.JSPath {
	p, _ := json.Marshal(path)
	return chromedp.JSPath(js("at(%s)", p))
}

// browserPage is a tab showing the server's page.
type browserPage struct {
	t     *testing.T
	ctx   context.Context
	log   *chromium.Log
	url   string
	phone bool // 390 CSS pixels wide
}

// step is the context of one step: none waits longer than 20 seconds.
func (p *browserPage) step() context.Context {
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	p.t.Cleanup(cancel)
	return ctx
}

func (p *browserPage) eval(v any, expr string, args ...any) {
	p.t.Helper()
	res := chromium.Run(p.t, p.step(), "evaluate "+expr, chromedp.Evaluate[json.RawMessage](js(expr, args...)))
	if err := json.Unmarshal(res, v); err != nil {
		p.t.Fatalf("evaluate %s: %v (%s)", expr, err, res)
	}
}

func (p *browserPage) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	chromium.Run(p.t, p.step(), what, chromedp.Steps(steps...))
}

// field is what the test reads of one of the form's fields.
type field struct {
	Tag, Type, Kind, Value string
	Invalid                string
	Notes                  []string // the notes of findings beside it
	Border                 string   // its border's colour
	Described              string   // the texts aria-describedby gives it
}

const fieldJS = `(e => e && {tag: e.tagName, type: e.type || "", kind: e.getAttribute("data-kind") || "", value: e.value ?? "",
  invalid: e.getAttribute("aria-invalid") || "", border: getComputedStyle(e).borderTopColor,
  described: (e.getAttribute("aria-describedby") || "").split(" ").filter(Boolean).map(id => document.getElementById(id)?.textContent || "(no element #" + id + ")").join(" | "),
  notes: [...(e.closest(".field") || e).querySelectorAll(":scope > .field-finding")].map(n => n.className + ": " + n.textContent)})(at(%s))`

func (p *browserPage) field(path []any) *field {
	p.t.Helper()
	var f *field
	b, _ := json.Marshal(path)
	p.eval(&f, fieldJS, b)
	if f == nil {
		p.t.Fatalf("the form has no field at %v", path)
	}
	return f
}

// fill fills the form with a descriptor through its controls: the "Add"
// buttons for list entries, typing into the fields whose pointer is in
// typed, and setting the value of the others.
func (p *browserPage) fill(path []any, v any, typed map[string]bool) (fields int) {
	p.t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			fields += p.fill(append(slices.Clip(path), k), v[k], typed)
		}
	case []any:
		p.grow(path, len(v))
		for i, e := range v {
			fields += p.fill(append(slices.Clip(path), i), e, typed)
		}
	default:
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case json.Number:
			s = v.String()
		case bool:
			s = strconv.FormatBool(v)
		default:
			p.t.Fatalf("%v: cannot fill in %T", path, v)
		}
		f := p.field(path)
		switch {
		case f.Kind == "oneormore": // one text where a list may be
			return p.fill(path, []any{v}, typed)
		case f.Kind == "const":
			if f.Value != s {
				p.t.Fatalf("%v is fixed at %q, want %q", path, f.Value, s)
			}
		case typed[pointer(path)]:
			p.do(fmt.Sprintf("type into %v", path), chromedp.SendKeys(jsPath(path), s))
		default: // drop-downs, dates, numbers and most texts
			p.do(fmt.Sprintf("set %v", path), chromedp.SetValue(jsPath(path), s))
		}
		return 1
	}
	return fields
}

// grow clicks a list's "Add" button until it has n entries, checking each
// click adds one.
func (p *browserPage) grow(path []any, n int) {
	p.t.Helper()
	b, _ := json.Marshal(path)
	var have int
	p.eval(&have, "entries(at(%s)).length", b)
	for have < n {
		p.do(fmt.Sprintf("add an entry to %v", path), chromedp.Click(chromedp.JSPath(js("addButton(at(%s))", b))))
		var now int
		p.eval(&now, "entries(at(%s)).length", b)
		if now != have+1 {
			p.t.Fatalf("%v: the Add button made %d entries of %d", path, now, have)
		}
		have = now
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func pointer(path []any) string {
	var b strings.Builder
	for _, p := range path {
		fmt.Fprintf(&b, "/%v", p)
	}
	return b.String()
}

// result is what the page shows of a check.
type result struct {
	Hidden   bool
	Busy     string
	Summary  string
	Status   string   // the report section's
	Findings []string // "status rule" of each fail, warn and waived finding, e.g. "fail single-lead"
	Places   []string // where each finding is, as the report says
	Marks    []string // notes beside the form's fields
	Invalid  []string // the fields marked invalid
}

const resultJS = `{
  hidden: document.getElementById("result").hidden,
  busy: document.getElementById("busy").textContent,
  summary: document.getElementById("result-summary").textContent,
  status: document.querySelector("#result-report section.doc")?.getAttribute("data-status") || "",
  findings: [...document.querySelectorAll("#result-report li.finding")].map(e => e.className.replace("finding s-", "") + " " + e.querySelector("h4 code").textContent),
  places: [...document.querySelectorAll("#result-report li.finding .loc")].map(e => e.textContent),
  marks: [...document.querySelectorAll("#descriptor-form .field-finding")].map(e => e.className + ": " + e.textContent),
  invalid: [...document.querySelectorAll("[aria-invalid=true]")].map(describe),
}`

// check clicks "Check the partnership" and waits for the answer.
func (p *browserPage) check() *result {
	p.t.Helper()
	before := p.log.Finished(p.url + "/ui/check")
	p.do("check", chromedp.Click(chromedp.ID("check")))
	if !chromium.WaitFor(func() bool { return p.log.Finished(p.url+"/ui/check") > before }) {
		p.t.Fatalf("no check was sent")
	}
	chromium.Run(p.t, p.step(), "wait for the answer", chromedp.Poll[bool](`document.getElementById("busy").textContent !== "Checking…"`, chromedp.WithPollingTimeout(10*time.Second)))
	var r result
	p.eval(&r, resultJS)
	if r.Busy != "" || r.Hidden {
		p.t.Fatalf("after a check the page says %q and shows no result", r.Busy)
	}
	return &r
}

// layout is how the page fits its viewport.
type layout struct {
	Width, Page float64
	Scale       float64  // the visual viewport's: a phone zooms out of a page too wide
	Over        []string // elements that stick out of the viewport without a box of their own to scroll in
	Unlabelled  []string // inputs without a label
	Duplicates  []string // ids used twice
	Dangling    []string // for and aria-describedby naming no element
}

const layoutJS = `{
  width: document.documentElement.clientWidth,
  page: document.documentElement.scrollWidth,
  scale: visualViewport.scale,
  over: [...document.querySelectorAll("body *")].filter(e => {
    const r = e.getBoundingClientRect();
    const w = document.documentElement.clientWidth;
    if (r.width === 0 || r.right <= w + 1) return false;
    for (let a = e.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if ((o === "auto" || o === "scroll") && a.getBoundingClientRect().right <= w + 1) return false;
    }
    return true;
  }).map(describe).slice(0, 10),
  unlabelled: [...document.querySelectorAll("input, select, textarea")].filter(e => e.type !== "hidden" && e.labels.length === 0).map(describe),
  duplicates: [...document.querySelectorAll("[id]")].map(e => e.id).filter((id, i, all) => all.indexOf(id) !== i),
  dangling: [...document.querySelectorAll("label[for], [aria-describedby]")]
    .flatMap(e => (e.getAttribute("for") || e.getAttribute("aria-describedby")).split(" ").filter(id => id && !document.getElementById(id)).map(id => describe(e) + " -> " + id)),
}`

func (p *browserPage) layout(when string) *layout {
	p.t.Helper()
	var l layout
	p.eval(&l, layoutJS)
	if p.phone && (l.Width != 390 || l.Scale != 1) {
		p.t.Errorf("%s: the phone shows the page %v wide at scale %v, want 390 at 1", when, l.Width, l.Scale)
	}
	if l.Page > l.Width || len(l.Over) > 0 {
		p.t.Errorf("%s: the page is %v wide in a %v viewport; sticking out: %q", when, l.Page, l.Width, l.Over)
	}
	if len(l.Unlabelled) > 0 || len(l.Duplicates) > 0 || len(l.Dangling) > 0 {
		p.t.Errorf("%s: inputs without a label %q; ids used twice %q; references to no element %q", when, l.Unlabelled, l.Duplicates, l.Dangling)
	}
	return &l
}

// TestPageInChromium drives the page in headless Chromium as a person
// would: fills the form with a passing example through its controls until
// the check passes; breaks fields by keyboard and sees the failing findings
// beside them, then fixes them; downloads the descriptor, the report and the
// board paper; pastes YAML with a typo and sees its line and column; works
// the page by keyboard alone; and fits a phone. Throughout, every request
// stays on the server and nothing is logged as an error.
func TestPageInChromium(t *testing.T) {
	began := time.Now()
	tab := chromium.Start(t)
	ts := start(t, serve.Options{Today: "2008-10-01"})
	dir := chromium.Artifacts(t)
	var logs []*chromium.Log
	open := func(t *testing.T) *browserPage {
		ctx, log := chromium.Open(t, tab, ts.URL+"/")
		logs = append(logs, log)
		p := &browserPage{t: t, ctx: ctx, log: log, url: ts.URL}
		chromium.Run(t, ctx, "wait for the page", chromedp.Poll[bool](`document.readyState === "complete"`))
		return p
	}
	data := example(t, "civic-centre.yaml")
	doc, err := descriptor.Parse(data, descriptor.YAML)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("keyboard", func(t *testing.T) { testKeyboard(t, open(t)) })

	// One tab for the form, from empty to passing, failing and back.
	p := open(t)
	if !t.Run("form to pass", func(t *testing.T) {
		p.t = t
		p.layout("the empty form")
		typed := map[string]bool{"/id": true, "/name": true, "/area/0": true, "/lead/partner": true, "/lead/person": true, "/partners/2/name": true, "/governance/body": true}
		n := p.fill(nil, doc.Value, typed)
		t.Logf("filled in %d fields", n)
		p.layout("the filled form")
		chromium.Write(t, dir, "page-form-desktop.jpg", chromium.Run(t, p.ctx, "screenshot", chromedp.FullScreenshot(50)))
		r := p.check()
		if r.Status != "pass" || !strings.HasPrefix(r.Summary, "Every check passes.") || len(r.Findings) > 0 || len(r.Marks) > 0 || len(r.Invalid) > 0 {
			t.Fatalf("the filled-in form does not pass: %+v", r)
		}
	}) {
		return
	}

	t.Run("fail, fix, pass", func(t *testing.T) {
		p.t = t
		for _, c := range []struct {
			path        []any
			typo        string // typed instead of the right value
			rule, where string
		}{
			// The lead person is required by the schema: without one the
			// schema check fails there and the study's rules wait for it.
			{[]any{"lead", "person"}, "", "schema", "/lead/person"},
			// The lead organisation must be one of the partners.
			{[]any{"lead", "partner"}, "wcl", "single-lead", "/lead/partner"},
		} {
			right := p.field(c.path).Value
			p.do("clear "+c.where, chromedp.Focus(jsPath(c.path)), chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace))
			if c.typo != "" {
				p.do("type "+c.typo, chromedp.KeyEvent(c.typo))
			}
			if got := p.field(c.path).Value; got != c.typo {
				t.Fatalf("%s holds %q after clearing it and typing %q", c.where, got, c.typo)
			}
			r := p.check()
			f := p.field(c.path)
			if r.Status != "fail" || !slices.Contains(r.Findings, "fail "+c.rule) {
				t.Errorf("%s %q: want a failing %s finding, got %+v", c.where, c.typo, c.rule, r)
			}
			if len(f.Notes) == 0 || !strings.HasPrefix(f.Notes[0], "field-finding s-fail: ✗ fail: ") || f.Invalid != "true" {
				t.Errorf("%s %q: beside the field notes %q, aria-invalid %q; want a failing note and aria-invalid", c.where, c.typo, f.Notes, f.Invalid)
			}
			if !strings.HasPrefix(r.Summary, "Not ready") {
				t.Errorf("summary %q", r.Summary)
			}
			// The report names the form's field, not a line of JSON the
			// person never saw.
			if len(r.Places) == 0 {
				t.Errorf("%s: the report gives no place for its findings", c.where)
			}
			for _, place := range r.Places {
				t.Logf("%s: the report says %q", c.where, place)
				if !strings.HasPrefix(place, "In the form: ") || strings.Contains(place, "descriptor.json") || !strings.Contains(place, "Lead") {
					t.Errorf("%s: a finding's place reads %q; want the form field (under Lead)", c.where, place)
				}
			}
			// The field shows it (a red border, as the report's fail
			// colour), and a screen reader reads the note with the field.
			if valid := p.field([]any{"name"}); f.Border == valid.Border {
				t.Errorf("%s: the field marked invalid has the border of a valid one (%s)", c.where, f.Border)
			}
			if len(f.Notes) > 0 && !strings.Contains(f.Described, strings.TrimPrefix(f.Notes[0], "field-finding s-fail: ")) {
				t.Errorf("%s: the field is described as %q, not by its note %q", c.where, f.Described, f.Notes[0])
			}
			// "Go to the first field to look at" goes to it.
			p.do("go to the first field", chromedp.Click(chromedp.CSS("#result-summary button")))
			var focus, want string
			p.eval(&focus, "describe(document.activeElement)")
			p.eval(&want, "describe(at(%s))", must(json.Marshal(c.path)))
			if focus != want {
				t.Errorf("%s: the button to the first field goes to %s, want %s", c.where, focus, want)
			}
			p.do("fix "+c.where, chromedp.Focus(jsPath(c.path)), chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace), chromedp.SendKeys(jsPath(c.path), right))
			r = p.check()
			if r.Status != "pass" || len(r.Findings) > 0 || len(r.Marks) > 0 || len(r.Invalid) > 0 {
				t.Errorf("%s typed back: want a pass with no marks, got %+v", c.where, r)
			}
			if f := p.field(c.path); strings.Contains(f.Described, "fail") || f.Invalid != "" {
				t.Errorf("%s typed back: still described as %q, aria-invalid %q", c.where, f.Described, f.Invalid)
			}
		}
	})

	t.Run("downloads", func(t *testing.T) {
		p.t = t
		saved := t.TempDir()
		if _, err := chromedp.CallBrowser(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: saved}); err != nil {
			t.Fatal(err)
		}
		for _, d := range []struct{ button, file, want string }{
			{"download-yaml", "descriptor.yaml", "id: wl-civic-centre"},
			{"download-report", "cgcheck-report.html", "West Lothian Civic Centre co-location"},
			{"download-paper", "board-paper.html", "West Lothian Civic Centre co-location"},
		} {
			p.do("download", chromedp.Click(chromedp.ID(d.button)))
			path := filepath.Join(saved, d.file)
			var got []byte
			var readErr error
			chromium.WaitFor(func() bool { got, readErr = os.ReadFile(path); return readErr == nil && len(got) > 0 })
			var busy string
			p.eval(&busy, `document.getElementById("busy").textContent`)
			if len(got) == 0 || busy != "" || !strings.Contains(string(got), d.want) {
				t.Errorf("%s: %d bytes in %s (%v), the page says %q; want %q in it", d.button, len(got), d.file, readErr, busy, d.want)
				continue
			}
			if d.file == "descriptor.yaml" {
				// What the form holds is the example, field for field.
				back, err := descriptor.Parse(got, descriptor.YAML)
				if err != nil {
					t.Fatalf("the downloaded YAML does not parse: %v\n%s", err, got)
				}
				a, _ := json.Marshal(doc.Value)
				b, _ := json.Marshal(back.Value)
				if string(a) != string(b) {
					t.Errorf("the downloaded descriptor is not the example:\n%s\nwant\n%s", b, a)
				}
			}
		}
	})

	t.Run("paste with a typo", func(t *testing.T) {
		p.t = t
		// Choose "Paste or upload" by keyboard: from the checked radio, the
		// arrow key moves to the next.
		p.do("choose paste", chromedp.Focus(chromedp.CSS("input[name=mode][value=form]")), chromedp.KeyEvent(kb.ArrowDown))
		var panels struct{ Form, Paste bool }
		p.eval(&panels, `{form: !document.getElementById("form-panel").hidden, paste: !document.getElementById("paste-panel").hidden}`)
		if panels.Form || !panels.Paste {
			t.Fatalf("after choosing paste by keyboard the panels shown are %+v", panels)
		}
		// A file chosen to upload is shown in the box, to check or edit.
		upload := filepath.Join(t.TempDir(), "korsakoff.json")
		chromium.Write(t, filepath.Dir(upload), "korsakoff.json", example(t, "korsakoff.json"))
		p.do("upload", chromedp.SetUploadFiles(chromedp.ID("upload"), []string{upload}))
		if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("paste").value.includes("korsakoff")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("the uploaded file is not in the box: %v", err)
		}
		p.do("clear the box", chromedp.Focus(chromedp.ID("paste")), chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl)), chromedp.KeyEvent(kb.Backspace))
		// An unclosed quote on the line of end_condition.
		lines := strings.Split(string(data), "\n")
		line, col := 0, 0
		for i, l := range lines {
			if strings.HasPrefix(l, "  end_condition: ") {
				lines[i] = strings.Replace(l, ": ", `: "`, 1)
				line, col = i+1, len("  end_condition: ")+1
			}
		}
		p.do("paste", chromedp.Focus(chromedp.ID("paste")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: strings.Join(lines, "\n")})
			return err
		}))
		r := p.check()
		where := fmt.Sprintf("descriptor.yaml:%d:%d", line, col)
		if r.Status != "fail" || len(r.Findings) != 1 || r.Findings[0] != "fail parse" || len(r.Places) != 1 || !strings.Contains(r.Places[0], where) {
			t.Errorf("pasted YAML with an unclosed quote at %s: %+v", where, r)
		}
		if len(r.Marks) > 0 || len(r.Invalid) > 0 {
			t.Errorf("a pasted descriptor marked the form's fields: %q %q", r.Marks, r.Invalid)
		}
	})

	t.Run("phone", func(t *testing.T) {
		p := open(t)
		p.do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		p.phone = true
		p.layout("phone, the empty form")
		// Every list gets an entry, and the lists inside those entries one
		// more: partners' contributions, measures' targets and so on.
		for range 2 {
			var lists [][]any
			p.eval(&lists, `[...document.querySelectorAll("#descriptor-form fieldset[data-kind=list], #descriptor-form fieldset[data-kind=oneormore]")].map(e => {
  const path = [];
  for (let el = e; el.id !== "descriptor-form"; el = el.parentElement) {
    if (el.hasAttribute("data-key")) path.unshift(el.getAttribute("data-key"));
    else if (el.getAttribute("data-kind") === "item") path.unshift(entries(el.parentElement.closest("fieldset")).indexOf(el));
  }
  return path;
})`)
			for _, path := range lists {
				b, _ := json.Marshal(path)
				var n int
				p.eval(&n, "entries(at(%s)).length", b)
				p.grow(path, n+1)
			}
		}
		p.layout("phone, after adding entries")
		r := p.check()
		if r.Status != "fail" || len(r.Marks) == 0 {
			t.Errorf("a form with empty entries: %+v", r)
		}
		p.do("open the passing and skipped rules", chromedp.Click(chromedp.CSS("#result-report details > summary")))
		p.layout("phone, with a result")
		// A pasted descriptor with long pointers in its findings.
		p.do("paste", chromedp.Click(chromedp.CSS("input[name=mode][value=paste]")), chromedp.Focus(chromedp.ID("paste")), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.InsertText, input.InsertTextParams{Text: string(example(t, "weak-authority.yaml"))})
			return err
		}))
		r = p.check()
		if r.Status != "fail" || len(r.Findings) == 0 {
			t.Errorf("weak-authority.yaml: %+v", r)
		}
		p.do("open the passing and skipped rules", chromedp.Click(chromedp.CSS("#result-report details > summary")))
		p.layout("phone, with a pasted descriptor's result")
		chromium.Write(t, dir, "page-result-phone.png", chromium.Run(t, p.ctx, "screenshot", chromedp.Screenshot(chromedp.ID("result"))))
	})

	for i, log := range logs {
		requests, errs := log.Result()
		if len(requests) == 0 {
			t.Errorf("tab %d: no request seen at all: is the network log working?", i)
		}
		for _, r := range requests {
			// blob: is a download the page made from an answer; data: the
			// browser's own pictures (the date picker's calendar), neither
			// of which leaves the machine.
			if !strings.HasPrefix(r, ts.URL+"/") && !strings.HasPrefix(r, "blob:"+ts.URL+"/") && !strings.HasPrefix(r, "data:") {
				t.Errorf("tab %d made a request outside the server: %s", i, r)
			}
		}
		for _, r := range log.Responses() {
			if r.Status >= 400 {
				t.Errorf("tab %d: %s answered %d", i, r.URL, r.Status)
			}
		}
		if len(errs) > 0 {
			t.Errorf("tab %d logged errors:\n%s", i, strings.Join(errs, "\n"))
		}
	}
	t.Logf("the browser test took %s", time.Since(began).Round(time.Millisecond))
}

// testKeyboard works the page from the keyboard alone: Tab from the top
// reaches the skip link, the mode radios, the form's fields, an Add button
// and the Check button; Enter on Add adds an entry and moves into it, and
// Enter on its Remove button takes it away and goes back to Add.
func testKeyboard(t *testing.T, p *browserPage) {
	p.layout("the page as loaded")
	var order []string
	for range 400 {
		p.do("tab", chromedp.KeyEvent(kb.Tab))
		var at string
		p.eval(&at, "describe(document.activeElement)")
		order = append(order, at)
		if at == `button#check "Check the partnership"` {
			break
		}
	}
	firstAdd := slices.IndexFunc(order, func(s string) bool { return strings.HasPrefix(s, "button") && strings.Contains(s, `"Add `) })
	for _, want := range []string{`a "Skip to the Check button"`, "input[form]", "input#f1[id]", "select#f10[status]", "textarea#f17[task]", `button#check "Check the partnership"`} {
		if !slices.Contains(order, want) {
			t.Errorf("Tab from the top never reaches %s; it goes %q", want, order)
		}
	}
	if firstAdd < 0 {
		t.Fatalf("Tab from the top never reaches an Add button; it goes %q", order)
	}
	if len(order) > 0 && order[0] != `a "Skip to the Check button"` {
		t.Errorf("the first Tab goes to %s, want the skip link", order[0])
	}

	// The skip link skips the form: the next Tab is the Check button.
	p.do("skip the form", chromedp.Focus(chromedp.CSS("a.skip")), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	var skipped string
	p.eval(&skipped, "describe(document.activeElement)")
	if skipped != `button#check "Check the partnership"` {
		t.Errorf("Enter on the skip link, then Tab, goes to %s, want the Check button", skipped)
	}

	// Enter on a mode radio or in a field submits nothing: the page stays,
	// with what was typed.
	p.do("type an id", chromedp.Focus(chromedp.ID("f1")), chromedp.KeyEvent("x1"), chromedp.KeyEvent(kb.Enter),
		chromedp.Focus(chromedp.CSS("input[name=mode][value=form]")), chromedp.KeyEvent(kb.Enter), chromedp.Sleep(300*time.Millisecond))
	var kept struct{ URL, ID string }
	p.eval(&kept, `{url: location.origin + location.pathname + location.search, id: document.getElementById("f1").value}`)
	if kept.URL != p.url+"/" || kept.ID != "x1" {
		t.Errorf("after Enter in a field and on a radio the page is %s with id %q; want it unchanged, with x1", kept.URL, kept.ID)
	}

	// Back to the first Add button, and Enter.
	p.do("focus the first Add button", chromedp.Focus(chromedp.CSS("#descriptor-form button[data-action=add]")))
	var before struct {
		Entries int
		Add     string
	}
	p.eval(&before, `{entries: entries(document.activeElement.closest("fieldset")).length, add: describe(document.activeElement)}`)
	if before.Add != order[firstAdd] {
		t.Errorf("the first Add button is %s, Tab reached %s first", before.Add, order[firstAdd])
	}
	p.do("Enter on Add", chromedp.KeyEvent(kb.Enter))
	var added struct {
		Entries int
		InNew   bool
		Focus   string
	}
	p.eval(&added, `(() => { const list = document.querySelector("#descriptor-form button[data-action=add]").closest("fieldset");
  const all = entries(list), e = document.activeElement;
  return {entries: all.length, inNew: all[all.length - 1].contains(e) && /^(INPUT|SELECT|TEXTAREA)$/.test(e.tagName), focus: describe(e)}; })()`)
	if added.Entries != before.Entries+1 || !added.InNew {
		t.Errorf("Enter on %s: %d entries (had %d), focus on %s; want one more and the focus in it", before.Add, added.Entries, before.Entries, added.Focus)
	}
	p.do("type in the new entry", chromedp.KeyEvent("Midlothian"), chromedp.KeyEvent(kb.Tab))
	var focus string
	p.eval(&focus, "describe(document.activeElement)")
	if !strings.HasPrefix(focus, "button") || !strings.Contains(focus, `"Remove`) {
		t.Errorf("Tab from the new entry goes to %s, want its Remove button", focus)
	}
	p.do("Enter on Remove", chromedp.KeyEvent(kb.Enter))
	var removed struct {
		Entries int
		Focus   string
	}
	p.eval(&removed, `{entries: entries(document.querySelector("#descriptor-form button[data-action=add]").closest("fieldset")).length, focus: describe(document.activeElement)}`)
	if removed.Entries != before.Entries || removed.Focus != before.Add {
		t.Errorf("Enter on Remove: %d entries, focus on %s; want %d and %s", removed.Entries, removed.Focus, before.Entries, before.Add)
	}
	p.layout("after adding and removing by keyboard")
}
