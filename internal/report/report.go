// Package report writes check results in the formats users read: one
// Reporter interface, one file per format.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

// Run describes the run a report is about.
type Run struct {
	ToolName    string
	ToolVersion string
	Today       string
	// Verbose asks human-oriented formats to list passing and skipped rules.
	Verbose bool
	// Explain asks human-oriented formats to show the study's words and the
	// remediation under each fail and warn finding.
	Explain bool
	// Color allows ANSI colour in human-oriented formats.
	Color bool
	// Rules are the rules the run evaluated (built-in and custom, per-document
	// and registry), in catalogue order: formats that describe their rules
	// (SARIF, HTML) take the metadata from here.
	Rules []*catalogue.Rule
	// FailOn is the lowest status that fails the run (fail or warn); formats
	// with their own notion of failure (JUnit) follow it.
	FailOn finding.Status
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
