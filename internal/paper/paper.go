// Package paper builds a board paper for one partnership descriptor: what
// is proposed, what the checks found (in plain words, by theme, red, amber
// or green), the questions for the board and the exceptions it is asked to
// note. It gathers the content; package report renders it. Nothing in a
// paper is a field name of the descriptor format: a board member reads it
// without the schema.
package paper

import (
	"fmt"
	"slices"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/plainwords"
	"example.org/cgcheck/internal/values"
)

// Paper is a board paper's content.
type Paper struct {
	Title   string // the partnership's name, or its file
	Today   string
	File    string
	About   []Fact // name, area, kind of partnership, status, lead...
	Task    string
	Why     string
	Mandate string

	Partners []Partner
	Money    string // the partners' contributions in pounds, in all ("" when no value is given)
	Staff    string // and in staff time
	Funding  []Fact
	Plan     string // how the work goes on when start-up funding ends
	// PumpPrimed is true when some funding is start-up (pump-priming)
	// funding, which the plan is about.
	PumpPrimed bool

	Measures []Measure
	Dates    []Fact

	// Checked is false when the proposal could not be checked in full (it
	// did not parse, or it is not in the agreed form); Unchecked says why.
	Checked      bool
	Unchecked    string
	schemaErrors int
	Themes       []Theme
	Questions    []Question
	Waivers      []Waiver
	// Overall is the worst status of the checks.
	Overall finding.Status
}

// Fact is a label and its value.
type Fact struct{ Label, Value string }

// Partner is one organisation and what it puts in.
type Partner struct {
	Name, Role  string
	Contributes []string
}

// Measure is one measure with its baseline and targets, in words.
type Measure struct {
	Indicator, Better, Baseline, Alone, Together string
}

// Theme is one theme of the study, its status and its checks.
type Theme struct {
	Title  string
	Status finding.Status
	Checks []Check
}

// Check is one rule's outcome in plain words.
type Check struct {
	Title  string
	Status finding.Status
	Words  string
	Waived bool
}

// Question is a prompt for the board, with what prompted it.
type Question struct {
	Text, Because string
	Status        finding.Status
}

// Waiver is an exception the board is asked to note.
type Waiver struct {
	Check, Justification, ApprovedBy, Expires string
}

// themeTitles name the study's themes for a board; the last is the
// proposal's own completeness, which "integrity" would make sound like a
// probity finding.
var themeTitles = map[string]string{
	"purpose":    "Clarity of purpose",
	"governance": "Leadership, governance and performance management",
	"evidence":   "Evidence, and focus on the people served",
	"action":     "Turning strategy into action",
	"gain":       "Measuring what working together adds",
	"lifecycle":  "When the partnership ends",
	"integrity":  "Completeness of the proposal",
}

// roles say a partner's role in words.
var roles = map[string]string{
	"core": "core partner", "contributor": "contributor", "consultee": "consulted",
}

// Build makes the paper of one descriptor: desc is the parsed descriptor
// (nil when it did not parse), doc its checked document, rules the run's
// rules.
func Build(desc map[string]any, doc *finding.Document, rules []*catalogue.Rule, today string) *Paper {
	p := &Paper{File: doc.File, Today: today, Title: doc.File, Overall: doc.Status}
	if doc.Partnership != nil && doc.Partnership.Name != "" {
		p.Title = doc.Partnership.Name
	}
	p.describe(desc, doc)
	p.judge(doc, rules)
	return p
}

func (p *Paper) describe(d map[string]any, doc *finding.Document) {
	if d == nil {
		return
	}
	partners := list(d["partners"])
	byID, _ := values.ByID(partners)
	nameOf := func(id string) string {
		p, ok := byID[id]
		switch {
		case str(p["name"]) != "":
			return str(p["name"])
		case id != "" && !ok:
			return id + " (not one of the partners)"
		}
		return id
	}
	add := func(label, value string) {
		if value != "" {
			p.About = append(p.About, Fact{label, value})
		}
	}
	add("Partnership", str(d["name"]))
	if pt := doc.Partnership; pt != nil {
		add(plainwords.Plural(len(pt.Areas), "Area", "Areas"), strings.Join(pt.Areas, ", "))
	}
	add("Kind of partnership", kindOf(str(d["type"]), str(d["scale"])))
	add("Status", plainwords.Capital(plainwords.Words(str(d["status"]))))
	lead := obj(d["lead"])
	add("Lead organisation", nameOf(str(lead["partner"])))
	add("Lead person", str(lead["person"]))
	gov := obj(d["governance"])
	add("Reports to", strings.Join(strs(gov["reports_to"]), ", "))
	purpose := obj(d["purpose"])
	p.Task, p.Why, p.Mandate = str(purpose["task"]), str(purpose["why_partnership"]), str(purpose["mandate"])

	var money, staff float64
	valued := false
	for _, x := range partners {
		o := obj(x)
		name := str(o["name"])
		if name == "" {
			name = str(o["id"])
		}
		pr := Partner{Name: name, Role: roles[str(o["role"])]}
		for _, c := range list(o["contributes"]) {
			c := obj(c)
			words := plainwords.Capital(plainwords.Words(str(c["kind"])))
			if what := str(c["what"]); what != "" {
				words += ": " + what
			}
			if v, ok := num(c["value_gbp"]); ok {
				words += " (" + plainwords.Pounds(v) + ")"
				money += v
				valued = true
			}
			if v, ok := num(c["fte"]); ok {
				words += " (" + plainwords.FTE(v) + ")"
				staff += v
				valued = true
			}
			pr.Contributes = append(pr.Contributes, words)
		}
		p.Partners = append(p.Partners, pr)
	}
	if valued {
		p.Money, p.Staff = plainwords.Pounds(money), plainwords.FTE(staff)
	}

	funding := obj(d["funding"])
	for _, s := range list(funding["sources"]) {
		s := obj(s)
		value := plainwords.Words(str(s["kind"]))
		if v, ok := num(s["amount_gbp"]); ok {
			value += ", " + plainwords.Pounds(v)
		}
		if ends := str(s["ends"]); ends != "" {
			value += ", ends " + ends
		}
		p.Funding = append(p.Funding, Fact{str(s["from"]), value})
	}
	p.Plan = str(funding["sustainability_plan"])
	for _, s := range list(funding["sources"]) {
		if str(obj(s)["kind"]) == "pump_priming" {
			p.PumpPrimed = true
		}
	}

	for _, m := range list(obj(d["monitoring"])["measures"]) {
		m := obj(m)
		better := "higher is better"
		if str(m["better"]) == "lower" {
			better = "lower is better"
		}
		p.Measures = append(p.Measures, Measure{Indicator: str(m["indicator"]), Better: better,
			Baseline: dated(m["baseline"], false), Alone: dated(m["isolation_target"], true), Together: dated(m["collaborative_target"], true)})
	}

	life := obj(d["lifecycle"])
	date := func(label, value string) {
		if value != "" {
			p.Dates = append(p.Dates, Fact{label, value})
		}
	}
	date("Started", str(life["start"]))
	date("Vision agreed", str(purpose["agreed_on"]))
	date("Monitoring agreed", str(obj(d["monitoring"])["designed_on"]))
	date("Next review", str(life["next_review"]))
	date("Ends", str(life["expires"]))
	date("Ends when", str(life["end_condition"]))
}

// judge sets out the checks by theme in plain words, the questions from
// each warn and fail, and the waivers.
func (p *Paper) judge(doc *finding.Document, rules []*catalogue.Rule) {
	byID := map[string]*catalogue.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	p.Checked = true
	for _, f := range doc.Findings {
		switch f.Rule {
		case finding.RuleParse, finding.RuleFile, finding.RuleTimeout, finding.RuleEvaluation:
			p.Checked = false
			p.Unchecked = "The proposal could not be read in full, so it was not checked. Ask for a corrected copy before the board considers it."
		case finding.RuleSchema:
			p.Checked = false
			p.schemaErrors++
		}
	}
	if p.schemaErrors > 0 && p.Unchecked == "" {
		p.Unchecked = fmt.Sprintf("%d %s of the proposal %s missing or not in the agreed form, so the checks could not be run. Ask for it to be completed before the board considers it: the partnership officer can see what to correct with cgcheck check.",
			p.schemaErrors, plainwords.Plural(p.schemaErrors, "entry", "entries"), plainwords.Plural(p.schemaErrors, "is", "are"))
	}
	if !p.Checked {
		return
	}
	// The worst outcome of each rule, in the catalogue's order.
	worst := map[string]finding.Finding{}
	var order []string
	for _, f := range doc.Findings {
		w, seen := worst[f.Rule]
		if !seen {
			order = append(order, f.Rule)
		}
		if !seen || f.Status.Severity() > w.Status.Severity() {
			worst[f.Rule] = f
		}
	}
	themes := map[string]*Theme{}
	asked := map[string]int{} // rule -> index in Questions
	open := map[string]int{}  // rule -> its warn and fail findings
	for _, f := range doc.Findings {
		if f.Status == finding.Fail || f.Status == finding.Warn {
			open[f.Rule]++
		}
	}
	for _, id := range order {
		f, r := worst[id], byID[id]
		if r == nil || r.IsRegistry() || f.Status == finding.Skip {
			continue
		}
		status := f.Status
		waived := status == finding.Waived
		words := r.PlainFor(string(status))
		if waived && f.Waiver != nil {
			words = r.PlainFor(string(f.Waiver.Waives))
		}
		if words == "" {
			words = r.Title
		}
		t := themes[r.Theme]
		if t == nil {
			t = &Theme{Title: themeTitles[r.Theme], Status: finding.Pass}
			themes[r.Theme] = t
		}
		t.Checks = append(t.Checks, Check{Title: r.Title, Status: status, Words: words, Waived: waived})
		if !waived {
			t.Status = finding.Worst(t.Status, status)
		}
		if _, done := asked[r.ID]; (status == finding.Fail || status == finding.Warn) && r.Question != "" && !done {
			because := words
			if n := open[r.ID]; n > 1 {
				because = strings.TrimSuffix(because, ".") + fmt.Sprintf(" (found %d times in the proposal).", n)
			}
			asked[r.ID] = len(p.Questions)
			p.Questions = append(p.Questions, Question{Text: r.Question, Because: because, Status: status})
		}
	}
	for _, name := range catalogue.Themes {
		if t := themes[name]; t != nil {
			// Fails first, then warns, waived, passes.
			slices.SortStableFunc(t.Checks, func(a, b Check) int { return rank(a.Status) - rank(b.Status) })
			p.Themes = append(p.Themes, *t)
		}
	}
	slices.SortStableFunc(p.Questions, func(a, b Question) int { return rank(a.Status) - rank(b.Status) })
	for _, f := range doc.Findings {
		if f.Status != finding.Waived || f.Waiver == nil {
			continue
		}
		title := f.Rule
		if r := byID[f.Rule]; r != nil {
			title = r.Title
		}
		p.Waivers = append(p.Waivers, Waiver{Check: title, Justification: f.Waiver.Justification, ApprovedBy: f.Waiver.ApprovedBy, Expires: f.Waiver.Expires})
	}
}

func rank(s finding.Status) int {
	return map[finding.Status]int{finding.Fail: 0, finding.Warn: 1, finding.Waived: 2, finding.Pass: 3}[s]
}

// kindOf says how long the partnership is meant to last, and its scale.
func kindOf(typ, scale string) string {
	k := map[string]string{
		"one_off": "One-off", "time_limited": "Time-limited", "task_limited": "Ends when its task is done", "continuing": "Continuing",
	}[typ]
	if k != "" && scale != "" {
		k += " (a " + plainwords.Words(scale) + ")"
	}
	return k
}

// dated writes a dated value: "42 (2006-03-01)" for a baseline, "40 by
// 2010-03-31" for a target.
func dated(v any, target bool) string {
	o := obj(v)
	n, ok := num(o["value"])
	if !ok {
		return ""
	}
	s := plainwords.Number(n)
	if d := str(o["date"]); d != "" && target {
		s += " by " + d
	} else if d != "" {
		s += " (" + d + ")"
	}
	return s
}

// The readers of the parsed descriptor, by shape.
var (
	str  = values.Str
	obj  = values.Obj
	list = values.List
	num  = values.Num
	strs = values.Strs
)
