package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func init() { register("junit", newJUnit) }

// junitReporter writes JUnit XML as the Apache Ant JUnit schema (junit.xsd)
// defines it, which CI dashboards read: a <testsuite> per document, and one
// for the registry, holding a <testcase> per rule. A rule is a test: it
// fails at or above Run.FailOn, its warnings below that and its waivers are
// kept in the suite's <system-out> (the schema allows no output inside a
// testcase), and cgcheck's own problems with a file (parse, schema,
// evaluation) are errors. Suites are written as documents arrive.
type junitReporter struct {
	w      *bufio.Writer
	enc    *xml.Encoder
	run    Run
	rules  ruleIndex
	failOn finding.Status
	stamp  string
	id     int
}

func newJUnit(w io.Writer) Reporter {
	bw := bufio.NewWriter(w)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	return &junitReporter{w: bw, enc: enc}
}

type junitSuite struct {
	XMLName    xml.Name        `xml:"testsuite"`
	ID         int             `xml:"id,attr"`
	Name       string          `xml:"name,attr"`
	Package    string          `xml:"package,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Properties junitProperties `xml:"properties"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  junitText       `xml:"system-out"`
	SystemErr  junitText       `xml:"system-err"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
}

// junitProblem is a <failure>, <error> or <skipped>.
type junitProblem struct {
	Message string
	Type    string // required on failure and error; none on skipped
	Body    junitText
}

func (p *junitProblem) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: "message"}, Value: p.Message})
	if start.Name.Local != "skipped" {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: "type"}, Value: p.Type})
	}
	return p.Body.MarshalXML(e, start)
}

// junitText is element content kept as written: encoding/xml escapes it,
// but through a CharData token, so line breaks stay line breaks instead of
// becoming &#xA; and a stack-trace-like body reads as such in the file.
type junitText string

func (t junitText) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if t != "" {
		if err := e.EncodeToken(xml.CharData(t)); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

func (r *junitReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	r.failOn = run.FailOn
	if r.failOn != finding.Warn {
		r.failOn = finding.Fail
	}
	// The schema requires a timestamp: when the run began (a CI server
	// lists runs by it), in UTC, as JUnit writes it without a zone. A run
	// whose start is not known (a library caller) gives its as-of date.
	r.stamp = "1970-01-01T00:00:00"
	switch d, err := time.Parse(time.DateOnly, run.Today); {
	case !run.Started.IsZero():
		r.stamp = run.Started.UTC().Format("2006-01-02T15:04:05")
	case err == nil:
		r.stamp = d.Format("2006-01-02T15:04:05")
	}
	if _, err := io.WriteString(r.w, xml.Header); err != nil {
		return err
	}
	return r.enc.EncodeToken(junitRoot)
}

var junitRoot = xml.StartElement{Name: xml.Name{Local: "testsuites"}}

// toolRule reports whether a rule id is one of cgcheck's own checks, whose
// failures are errors (the file could not be checked) rather than failures.
func toolRule(id string) bool {
	switch id {
	case finding.RuleParse, finding.RuleSchema, finding.RuleEvaluation, finding.RuleFile, finding.RuleTimeout:
		return true
	}
	return false
}

// junitItem is one finding as the JUnit format needs it, document or
// registry alike.
type junitItem struct {
	status  finding.Status
	message string
	where   string
	waiver  *finding.Waiver
}

// junitGroup gathers a rule's findings into its one testcase.
type junitGroup struct {
	rule, theme string
	items       []junitItem
}

func (r *junitReporter) Document(doc *finding.Document) error {
	var groups []*junitGroup
	byRule := map[string]*junitGroup{}
	for _, f := range doc.Findings {
		g := byRule[f.Rule]
		if g == nil {
			g = &junitGroup{rule: f.Rule, theme: f.Theme}
			byRule[f.Rule] = g
			groups = append(groups, g)
		}
		where := doc.File
		if f.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", doc.File, f.Line, f.Column)
		}
		g.items = append(g.items, junitItem{
			status: f.Status, message: changeTag(f.Baseline) + f.Message, where: where, waiver: f.Waiver,
		})
	}
	var props []junitProperty
	if doc.ID != "" {
		props = append(props, junitProperty{"descriptor.id", doc.ID})
	}
	if p := doc.Partnership; p != nil {
		for _, kv := range [][2]string{
			{"partnership.name", p.Name}, {"partnership.area", p.AreaList()},
			{"partnership.status", p.Status}, {"partnership.type", p.Type}, {"partnership.lead", p.LeadText()},
		} {
			if kv[1] != "" {
				props = append(props, junitProperty{kv[0], kv[1]})
			}
		}
	}
	if err := r.suite(doc.File, groups, props); err != nil {
		return err
	}
	if err := r.enc.Flush(); err != nil {
		return err
	}
	return r.w.Flush()
}

func (r *junitReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	var groups []*junitGroup
	byRule := map[string]*junitGroup{}
	for _, rule := range r.rules.rules {
		if rule.IsRegistry() && byRule[rule.ID] == nil {
			g := &junitGroup{rule: rule.ID, theme: rule.Theme}
			byRule[rule.ID] = g
			groups = append(groups, g)
		}
	}
	for _, f := range registry.Findings {
		g := byRule[f.Rule]
		if g == nil {
			g = &junitGroup{rule: f.Rule, theme: catalogue.RegistryTheme}
			byRule[f.Rule] = g
			groups = append(groups, g)
		}
		var where []string
		for _, l := range f.Locations {
			where = append(where, fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column))
		}
		if len(f.Locations) == 0 {
			where = f.Files
		}
		g.items = append(g.items, junitItem{
			status: f.Status, message: f.Message, where: strings.Join(where, ", "),
		})
	}
	if len(groups) > 0 {
		if err := r.suite("registry", groups, nil); err != nil {
			return err
		}
	}
	if len(summary.Skipped) > 0 {
		// One skipped test per file found that is not a descriptor, so a
		// CI server lists it without counting it as a failure.
		var files []*junitGroup
		for _, sk := range summary.Skipped {
			files = append(files, &junitGroup{rule: sk.File, theme: "not-a-descriptor",
				items: []junitItem{{status: finding.Skip, message: sk.Reason, where: sk.File}}})
		}
		if err := r.suite("skipped files", files, nil); err != nil {
			return err
		}
	}
	if summary.Incomplete != "" {
		// A failing test of its own, so CI cannot read a run cut short as
		// a pass.
		g := &junitGroup{rule: "run-complete", theme: "integrity",
			items: []junitItem{{status: finding.Fail, message: summary.Incomplete}}}
		if err := r.suite("incomplete", []*junitGroup{g}, nil); err != nil {
			return err
		}
	}
	if err := r.enc.EncodeToken(junitRoot.End()); err != nil {
		return err
	}
	if err := r.enc.Flush(); err != nil {
		return err
	}
	if _, err := io.WriteString(r.w, "\n"); err != nil {
		return err
	}
	return r.w.Flush()
}

// suite writes one <testsuite>.
func (r *junitReporter) suite(name string, groups []*junitGroup, props []junitProperty) error {
	s := junitSuite{
		ID: r.id, Name: name, Package: "cgcheck", Time: "0", Timestamp: r.stamp, Hostname: "localhost",
	}
	r.id++
	if r.run.ToolVersion != "" {
		props = append(props, junitProperty{"cgcheck.version", r.run.ToolVersion})
	}
	if r.run.Today != "" {
		props = append(props, junitProperty{"cgcheck.today", r.run.Today})
	}
	props = append(props, junitProperty{"cgcheck.fail-on", string(r.failOn)})
	for _, id := range r.run.Config.Disabled {
		props = append(props, junitProperty{"cgcheck.disabled", id})
	}
	for _, p := range r.run.Config.Params {
		props = append(props, junitProperty{"cgcheck.param." + p.Rule + "." + p.Name, fmt.Sprint(p.Value)})
	}
	for _, dir := range r.run.Config.Policies {
		props = append(props, junitProperty{"cgcheck.policy", dir})
	}
	s.Properties.Property = props

	var out []string
	for _, g := range groups {
		c, notes := r.testcase(g)
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
		s.Cases = append(s.Cases, c)
		out = append(out, notes...)
	}
	s.Tests = len(s.Cases)
	if len(out) > 0 {
		s.SystemOut = junitText(strings.Join(out, "\n") + "\n")
	}
	return r.enc.Encode(s)
}

// testcase turns a rule's findings into its testcase, and the lines its
// warnings below --fail-on and its waivers add to the suite's output.
func (r *junitReporter) testcase(g *junitGroup) (junitCase, []string) {
	c := junitCase{Name: g.rule, Classname: g.theme, Time: "0"}
	if c.Classname == "" {
		c.Classname = "cgcheck"
	}
	var failing []junitItem
	var notes []string
	worst := finding.Pass
	skipped := len(g.items) > 0
	for _, it := range g.items {
		if it.status != finding.Skip {
			skipped = false
		}
		switch {
		case it.status == finding.Fail || it.status == r.failOn:
			failing = append(failing, it)
			worst = finding.Worst(worst, it.status)
		case it.status == finding.Warn:
			notes = append(notes, fmt.Sprintf("WARN  %s  %s  %s", it.where, g.rule, it.message))
		case it.status == finding.Waived:
			note := fmt.Sprintf("WAIVED  %s  %s  %s", it.where, g.rule, it.message)
			if it.waiver != nil {
				note += "; waived: " + waiverText(it.waiver)
			}
			notes = append(notes, note)
		}
	}
	switch {
	case len(failing) > 0:
		msgs := make([]string, len(failing))
		lines := make([]string, len(failing))
		for i, it := range failing {
			msgs[i] = it.message
			lines[i] = it.where + ": " + it.message
		}
		body := strings.Join(lines, "\n")
		if text, _ := ruleHelp(r.rules.rule(g.rule)); text != "" {
			body += "\n\n" + text
		}
		p := &junitProblem{Message: strings.Join(msgs, "; "), Type: string(worst), Body: junitText(body + "\n")}
		if toolRule(g.rule) {
			p.Type = g.rule
			c.Error = p
		} else {
			c.Failure = p
		}
	case skipped:
		c.Skipped = &junitProblem{Message: g.items[0].message}
	}
	return c, notes
}
