package report

import (
	"bytes"
	"encoding/json"
	"io"

	"example.org/cgcheck/internal/finding"
)

func init() { register("json", newJSON) }

// jsonReporter writes the stable JSON document of cli.md. The summary comes
// before the documents there, so documents are encoded as they arrive and
// written out at the end.
type jsonReporter struct {
	w    io.Writer
	run  Run
	docs bytes.Buffer
	n    int
}

func newJSON(w io.Writer) Reporter { return &jsonReporter{w: w} }

func (r *jsonReporter) Start(run Run) error {
	r.run = run
	return nil
}

// marshal indents like json.MarshalIndent but leaves <, > and & as they are
// ("<stdin>" stays readable); the output is not embedded in HTML.
func marshal(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func (r *jsonReporter) Document(doc *finding.Document) error {
	b, err := marshal(doc, "    ")
	if err != nil {
		return err
	}
	if r.n > 0 {
		r.docs.WriteString(",")
	}
	r.docs.WriteString("\n    ")
	r.docs.Write(b)
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
	var out bytes.Buffer
	b, err := marshal(head, "")
	if err != nil {
		return err
	}
	out.Write(b[:len(b)-2]) // reopen the object: drop "\n}"
	out.WriteString(",\n  \"documents\": [")
	out.Write(r.docs.Bytes())
	if r.n > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("],\n  \"registry\": ")
	rb, err := marshal(registry, "  ")
	if err != nil {
		return err
	}
	out.Write(rb)
	out.WriteString("\n}\n")
	_, err = r.w.Write(out.Bytes())
	return err
}
