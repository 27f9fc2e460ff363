// Package report writes check results in the formats users read: one
// Reporter interface, one file per format.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

// Run describes the run a report is about.
type Run struct {
	ToolName    string
	ToolVersion string
	Today       string
	// Started is when the run began, by the wall clock (JUnit's timestamp);
	// zero leaves it out where a format allows, or uses Today.
	Started time.Time
	// SourceRoot is the folder SARIF's file URIs are relative to (its
	// %SRCROOT%): the repository root, as an absolute path. WorkDir is the
	// absolute folder relative file names are read from. With either
	// empty, SARIF writes paths as given.
	SourceRoot, WorkDir string
	// HomeURL is cgcheck's published home and RulesURL its rule catalogue
	// (docs/rules.md, whose headings are the rule ids), as release builds
	// set them; SARIF links the tool and each rule's help there. Empty: no
	// links, rather than links to nowhere.
	HomeURL, RulesURL string
	// Verbose asks human-oriented formats to list passing and skipped rules.
	Verbose bool
	// Explain asks human-oriented formats to show the study's words and the
	// remediation under each fail and warn finding.
	Explain bool
	// Color allows ANSI colour in human-oriented formats.
	Color bool
	// Rules are the rules the run evaluated (built-in and custom, per-document
	// and registry), in catalogue order. Findings carry only their rule's id:
	// every format takes a rule's title, section, quote and remediation from
	// here, through ruleIndex, which adds cgcheck's own checks
	// (catalogue.ToolRules) so no caller has to.
	Rules []*catalogue.Rule
	// FailOn is the lowest status that fails the run (fail or warn); formats
	// with their own notion of failure (JUnit) follow it.
	FailOn finding.Status
	// Config is the configuration in force where it differs from the
	// defaults, which every format records: a rule disabled or a parameter
	// changed must never vanish from a report without trace.
	Config Config
}

// Config is what a run was told that changes its results.
type Config struct {
	Disabled []string       `json:"disabled,omitempty"` // rule ids, sorted
	Params   []ParamSetting `json:"params,omitempty"`   // parameters not at their default
	Policies []string       `json:"policies,omitempty"` // custom policy folders
}

// ParamSetting is one parameter set away from its default.
type ParamSetting struct {
	Rule    string `json:"rule"`
	Name    string `json:"name"`
	Value   any    `json:"value"`
	Default any    `json:"default"`
	Source  string `json:"source"`
}

// Empty reports whether the run used the defaults throughout.
func (c Config) Empty() bool {
	return len(c.Disabled) == 0 && len(c.Params) == 0 && len(c.Policies) == 0
}

// Lines says the configuration in words, one line per kind, for the
// human-oriented formats; none when it is the default.
func (c Config) Lines() []string {
	var out []string
	if len(c.Disabled) > 0 {
		out = append(out, "Rules disabled by configuration (not checked): "+strings.Join(c.Disabled, ", "))
	}
	if len(c.Params) > 0 {
		var ps []string
		for _, p := range c.Params {
			ps = append(ps, fmt.Sprintf("%s.%s = %v (default %v; %s)", p.Rule, p.Name, p.Value, p.Default, p.Source))
		}
		out = append(out, "Parameters changed: "+strings.Join(ps, "; "))
	}
	if len(c.Policies) > 0 {
		out = append(out, "Custom policies from: "+strings.Join(c.Policies, ", "))
	}
	return out
}

// Reporter receives a run's results as they are produced: Start once, then
// each document in path order, then Finish with the totals and the registry
// findings. Formats that need the whole run before writing buffer it.
type Reporter interface {
	Start(run Run) error
	Document(doc *finding.Document) error
	Finish(summary finding.Summary, registry finding.Registry) error
}

// Factory makes a reporter that writes to w.
type Factory func(w io.Writer) Reporter

var formats = map[string]Factory{}

// register adds a format; each format's file registers itself.
func register(name string, f Factory) { formats[name] = f }

// New returns a reporter for the named format, or an error listing the
// formats there are.
func New(name string, w io.Writer) (Reporter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q; known formats: %s", name, strings.Join(Formats(), ", "))
	}
	return f(w), nil
}

// Formats lists the known format names, sorted.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ruleIndex is the one way a reporter finds a rule's metadata from the id a
// finding carries: the run's rules first, then cgcheck's own checks (parse,
// schema, evaluation) under ids no run rule took. A rule neither knows has no
// metadata, and formats show the finding without it.
type ruleIndex struct {
	// rules are the run's rules then the tool rules, each id once, in that
	// order (SARIF lists its rule descriptors so).
	rules []*catalogue.Rule
	byID  map[string]*catalogue.Rule
}

// newRuleIndex indexes the run's rules and the tool rules. Where two rules
// share an id (a custom policy may reuse a tool rule's), the first wins.
func newRuleIndex(run Run) ruleIndex {
	tools := catalogue.ToolRules()
	ix := ruleIndex{byID: make(map[string]*catalogue.Rule, len(run.Rules)+len(tools))}
	for _, rules := range [][]*catalogue.Rule{run.Rules, tools} {
		for _, r := range rules {
			if _, dup := ix.byID[r.ID]; !dup {
				ix.byID[r.ID] = r
				ix.rules = append(ix.rules, r)
			}
		}
	}
	return ix
}

// rule returns the rule of that id, or nil.
func (ix ruleIndex) rule(id string) *catalogue.Rule { return ix.byID[id] }

// title returns the rule's title, or "" for a rule the index does not know.
func (ix ruleIndex) title(id string) string {
	if r := ix.byID[id]; r != nil {
		return r.Title
	}
	return ""
}

// explanation returns the study's section and words and what to do for a
// finding of the rule; all empty for a rule the index does not know.
func (ix ruleIndex) explanation(id string) (section, quote, remediation string) {
	if r := ix.byID[id]; r != nil {
		return r.Section, r.Quote, r.Remediation
	}
	return "", "", ""
}

// explained reports whether formats show a finding of this status with its
// rule's explanation: what failed, warned or was waived, not what passed or
// was skipped.
func explained(s finding.Status) bool {
	return s == finding.Fail || s == finding.Warn || s == finding.Waived
}
