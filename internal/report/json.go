package report

import (
	"bufio"
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
	docs spool
	n    int
}

func newJSON(w io.Writer) Reporter { return &jsonReporter{w: w, docs: spool{limit: spoolMemoryLimit}} }

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
