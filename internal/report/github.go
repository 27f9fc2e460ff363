package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.org/cgcheck/internal/finding"
)

func init() { register("github", newGitHub) }

// githubReporter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the files of a pull request: one ::error or
// ::warning line per fail or warn finding, a ::notice line per waived one,
// then the text format's summary line so the log stays readable.
type githubReporter struct {
	w     *bufio.Writer
	run   Run
	rules ruleIndex
}

func newGitHub(w io.Writer) Reporter { return &githubReporter{w: bufio.NewWriter(w)} }

func (r *githubReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	return nil
}

// title names the rule in an annotation's heading; the rule id is what
// `cgcheck explain` and waivers take.
func (r *githubReporter) title(rule string) string {
	if t := r.rules.title(rule); t != "" {
		return t + " (cgcheck " + rule + ")"
	}
	return "cgcheck " + rule
}

func (r *githubReporter) Document(doc *finding.Document) error {
	for _, f := range doc.Findings {
		var cmd, msg string
		switch f.Status {
		case finding.Fail:
			cmd, msg = "error", safeText(f.Message)
		case finding.Warn:
			cmd, msg = "warning", safeText(f.Message)
		case finding.Waived:
			cmd, msg = "notice", "Waived: "+safeText(f.Message)
			if f.Waiver != nil {
				msg += "\nJustification: " + safeText(waiverText(f.Waiver))
			}
		default:
			continue
		}
		if r.run.Explain && f.Status != finding.Waived {
			if text := r.help(f.Rule); text != "" {
				msg += "\n\n" + text
			}
		}
		title := r.title(f.Rule)
		if f.Baseline == finding.ChangeNew {
			title = "New: " + title
		}
		if name := doc.Partnership.Label(); name != "" {
			// The annotation sits on the file; its heading says which
			// partnership, as the reviewer knows it.
			title = safeText(name) + ": " + title
		}
		r.command(cmd, safeText(doc.File), f.Line, f.Column, title, msg)
	}
	for _, f := range doc.Resolved {
		r.command("notice", safeText(doc.File), 0, 0, "Resolved since the baseline: "+r.title(f.Rule), safeText(f.Message))
	}
	return r.w.Flush()
}

func (r *githubReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	for _, f := range registry.Findings {
		var cmd string
		switch f.Status {
		case finding.Fail:
			cmd = "error"
		case finding.Warn:
			cmd = "warning"
		case finding.Waived:
			cmd = "notice"
		default:
			continue
		}
		msg := safeText(f.Message)
		if f.Status == finding.Waived {
			msg = "Waived: " + msg
		}
		if r.run.Explain && f.Status != finding.Waived {
			if text := r.help(f.Rule); text != "" {
				msg += "\n\n" + text
			}
		}
		title := r.title(f.Rule)
		// One annotation per place, so each file shows it.
		switch {
		case len(f.Locations) > 0:
			for _, l := range f.Locations {
				r.command(cmd, safeText(l.File), l.Line, l.Column, title, msg)
			}
		case len(f.Files) > 0:
			for _, file := range f.Files {
				r.command(cmd, file, 0, 0, title, msg)
			}
		default:
			r.command(cmd, "", 0, 0, title, msg)
		}
	}
	for _, f := range registry.Resolved {
		r.command("notice", "", 0, 0, "Resolved since the baseline: "+r.title(f.Rule), safeText(f.Message))
	}
	for _, sk := range summary.Skipped {
		r.command("notice", safeText(sk.File), 0, 0, "Skipped: not a cgcheck descriptor", safeText(sk.Reason))
	}
	for _, line := range r.run.Config.Lines() {
		r.command("notice", "", 0, 0, "cgcheck configuration", safeText(line))
	}
	if summary.Incomplete != "" {
		r.command("error", "", 0, 0, "cgcheck run incomplete", summary.Incomplete)
	}
	fmt.Fprintln(r.w, summaryLine(summary, registry))
	return r.w.Flush()
}

// help is what --explain adds to a fail or warn annotation: what to do and
// the study's words, from the finding's rule.
func (r *githubReporter) help(rule string) string {
	text, _ := ruleHelp(r.rules.rule(rule))
	return text
}

// command writes one workflow command; empty properties are left out.
func (r *githubReporter) command(cmd, file string, line, col int, title, msg string) {
	var props []string
	if file != "" {
		props = append(props, "file="+ghProperty(file))
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
			if col > 0 {
				props = append(props, "col="+strconv.Itoa(col))
			}
		}
	}
	if title != "" {
		props = append(props, "title="+ghProperty(title))
	}
	r.w.WriteString("::" + cmd)
	if len(props) > 0 {
		r.w.WriteString(" " + strings.Join(props, ","))
	}
	r.w.WriteString("::" + ghData(msg) + "\n")
}

// The escapes of GitHub's workflow commands (toolkit's command.ts): in the
// message, %, CR and LF; in a property value also ":" and ",", which would
// otherwise end the value.
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string     { return ghDataEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
