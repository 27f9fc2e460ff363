package report

import (
	"bufio"
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"

	"example.org/cgcheck/internal/finding"
)

func init() { register("json", newJSON) }

// jsonReporter writes the stable JSON document of cli.md. The summary comes
// before the documents there, so documents are encoded as they arrive and
// written out at the end.
type jsonReporter struct {
	w     io.Writer
	run   Run
	rules ruleIndex
	docs  spool
	n     int
}

func newJSON(w io.Writer) Reporter { return &jsonReporter{w: w, docs: spool{limit: spoolMemoryLimit}} }

func (r *jsonReporter) Start(run Run) error {
	r.run = run
	r.rules = newRuleIndex(run)
	return nil
}

// The JSON of cli.md gives each fail, warn and waived finding its rule's
// section, quote and remediation, which findings do not carry: these views
// add them from the rule index. Each embeds the finding type, so a field
// added to it reaches the JSON without a change here; a field declared
// both here and in the embedded type is written once, from here (Go's rule
// for embedded fields), which puts the waiver after the remediation, where
// cli.md has it.

type jsonDocument struct {
	*finding.Document
	Findings []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	finding.Finding
	jsonExplanation
	// WaivedStatus is the status a waived finding would have without its
	// waiver (warn or fail), beside the waiver, for consumers that sort or
	// filter on it without reading the waiver object.
	WaivedStatus finding.Status  `json:"waived_status,omitempty"`
	Waiver       *finding.Waiver `json:"waiver,omitempty"`
}

type jsonRegistryFinding struct {
	finding.RegistryFinding
	jsonExplanation
}

// jsonExplanation is a rule's metadata as a finding of it shows it.
type jsonExplanation struct {
	Section     string `json:"section,omitempty"`
	Quote       string `json:"quote,omitempty"`
	Remediation string `json:"remediation,omitempty"`
}

// explain returns the metadata a finding of that rule and status shows:
// none for a pass or a skip.
func (r *jsonReporter) explain(rule string, s finding.Status) jsonExplanation {
	if !explained(s) {
		return jsonExplanation{}
	}
	var e jsonExplanation
	e.Section, e.Quote, e.Remediation = r.rules.explanation(rule)
	return e
}

func (r *jsonReporter) document(doc *finding.Document) jsonDocument {
	d := jsonDocument{Document: doc}
	if doc.Findings != nil {
		d.Findings = make([]jsonFinding, len(doc.Findings))
	}
	for i, f := range doc.Findings {
		d.Findings[i] = jsonFinding{Finding: f, jsonExplanation: r.explain(f.Rule, f.Status), Waiver: f.Waiver}
		if f.Status == finding.Waived && f.Waiver != nil {
			d.Findings[i].WaivedStatus = f.Waiver.Waives
		}
	}
	return d
}

// marshal indents like encoding/json's MarshalIndent (and keeps its rules for
// omitempty, nil slices and map key order) but leaves <, > and & as they are
// ("<stdin>" stays readable); the output is not embedded in HTML. It indents
// while encoding: encoding/json encodes compactly and then reads its own
// output again to indent it, which was half the cost of the JSON report.
func marshal(v any, prefix string) ([]byte, error) {
	return json.Marshal(v, jsonv1.DefaultOptionsV1(), jsontext.EscapeForHTML(false),
		jsontext.WithIndentPrefix(prefix), jsontext.WithIndent("  "))
}

func (r *jsonReporter) Document(doc *finding.Document) error {
	b, err := marshal(r.document(doc), "    ")
	if err != nil {
		return err
	}
	sep := "\n    "
	if r.n > 0 {
		sep = ",\n    "
	}
	if _, err := io.WriteString(&r.docs, sep); err != nil {
		return err
	}
	if _, err := r.docs.Write(b); err != nil {
		return err
	}
	r.n++
	return nil
}

func (r *jsonReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	head := struct {
		Tool    map[string]string `json:"tool"`
		Today   string            `json:"today"`
		Config  *Config           `json:"config,omitempty"` // only when not the defaults
		Summary finding.Summary   `json:"summary"`
	}{Tool: map[string]string{"name": r.run.ToolName, "version": r.run.ToolVersion}, Today: r.run.Today, Summary: summary}
	if !r.run.Config.Empty() {
		head.Config = &r.run.Config
	}
	b, err := marshal(head, "")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(r.w)
	w.Write(b[:len(b)-2]) // reopen the object: drop "\n}"
	w.WriteString(",\n  \"documents\": [")
	if _, err := r.docs.WriteTo(w); err != nil {
		return err
	}
	if r.n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("],\n  \"registry\": ")
	if err := r.writeRegistry(w, registry); err != nil {
		return err
	}
	if len(summary.Skipped) > 0 {
		// Beside documents: files found that are not descriptors.
		sb, err := marshal(summary.Skipped, "  ")
		if err != nil {
			return err
		}
		w.WriteString(",\n  \"skipped\": ")
		w.Write(sb)
	}
	w.WriteString("\n}\n")
	return w.Flush()
}

// writeRegistry writes the registry section as marshal would, one finding
// at a time: on a large overlapping registry the section alone runs to
// hundreds of MiB, which must not be held in memory at once.
func (r *jsonReporter) writeRegistry(w *bufio.Writer, reg finding.Registry) error {
	status, err := marshal(reg.Status, "")
	if err != nil {
		return err
	}
	w.WriteString("{\n    \"status\": ")
	w.Write(status)
	if len(reg.Findings) == 0 {
		w.WriteString(",\n    \"findings\": []")
		if err := r.writeResolved(w, reg); err != nil {
			return err
		}
		w.WriteString("\n  }")
		return nil
	}
	w.WriteString(",\n    \"findings\": [")
	for i, f := range reg.Findings {
		b, err := marshal(jsonRegistryFinding{RegistryFinding: f, jsonExplanation: r.explain(f.Rule, f.Status)}, "      ")
		if err != nil {
			return err
		}
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n      ")
		w.Write(b)
	}
	w.WriteString("\n    ]")
	if err := r.writeResolved(w, reg); err != nil {
		return err
	}
	w.WriteString("\n  }")
	return nil
}

// writeResolved adds the registry findings resolved since the baseline.
func (r *jsonReporter) writeResolved(w *bufio.Writer, reg finding.Registry) error {
	if len(reg.Resolved) == 0 {
		return nil
	}
	b, err := marshal(reg.Resolved, "    ")
	if err != nil {
		return err
	}
	w.WriteString(",\n    \"resolved\": ")
	w.Write(b)
	return nil
}
