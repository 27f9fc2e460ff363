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
	w    io.Writer
	run  Run
	docs spool
	n    int
}

func newJSON(w io.Writer) Reporter { return &jsonReporter{w: w, docs: spool{limit: spoolMemoryLimit}} }

func (r *jsonReporter) Start(run Run) error {
	r.run = run
	return nil
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
	b, err := marshal(doc, "    ")
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
	if registry.Findings == nil {
		registry.Findings = []finding.RegistryFinding{}
	}
	head := struct {
		Tool    map[string]string `json:"tool"`
		Today   string            `json:"today"`
		Summary finding.Summary   `json:"summary"`
	}{map[string]string{"name": r.run.ToolName, "version": r.run.ToolVersion}, r.run.Today, summary}
	b, err := marshal(head, "")
	if err != nil {
		return err
	}
	rb, err := marshal(registry, "  ")
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
	w.Write(rb)
	w.WriteString("\n}\n")
	return w.Flush()
}
