package serve

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"strings"

	"go.yaml.in/yaml/v4"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/paper"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/webform"
	"example.org/cgcheck/schemas"
)

//go:embed assets
var assets embed.FS

// pagePolicy is the page's Content-Security-Policy: its script, styles and
// requests come from this server alone, and it cannot be framed.
const pagePolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"

func (s *Server) handlePage(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pagePolicy)
	h.Set("Cache-Control", "no-cache")
	_, _ = w.Write(s.page)
}

// assetTypes are the media types of the page's files.
var assetTypes = map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}

func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	var data []byte
	if name == "report.css" {
		data = []byte(report.HTMLStyle())
	} else {
		b, err := assets.ReadFile("assets/" + name)
		if err != nil || strings.Contains(name, "/") {
			writeError(w, http.StatusNotFound, "no such file: "+name)
			return
		}
		data = b
	}
	ext := path.Ext(name)
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	h := w.Header()
	h.Set("Content-Type", assetTypes[ext])
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	_, _ = w.Write(data)
}

// uiAnswer is what the page's script receives for a check: the document's
// section of the HTML report, and each finding's place, with which it
// marks the form's fields.
type uiAnswer struct {
	Status   finding.Status         `json:"status"`
	Counts   map[finding.Status]int `json:"counts"`
	Today    string                 `json:"today"`
	HTML     string                 `json:"html"`
	Findings []uiFinding            `json:"findings"`
}

type uiFinding struct {
	Rule    string         `json:"rule"`
	Status  finding.Status `json:"status"`
	Message string         `json:"message"`
	Pointer string         `json:"pointer"`
	Line    int            `json:"line"`
	Column  int            `json:"column"`
}

func (s *Server) handleUICheck(w http.ResponseWriter, r *http.Request) {
	res, ok := s.check(w, r, discardReporter)
	if !ok {
		return
	}
	header := s.opts.Header
	header.Today = res.today
	header.Rules = append(header.Rules, res.checker.Evaluator.Rules()...)
	var section bytes.Buffer
	if err := report.WriteHTMLSection(&section, header, res.doc); err != nil {
		writeError(w, http.StatusInternalServerError, "the report could not be written: "+err.Error())
		return
	}
	a := uiAnswer{Status: res.doc.Status, Counts: res.doc.Counts(), Today: res.today, HTML: section.String(), Findings: []uiFinding{}}
	for _, f := range res.doc.Findings {
		a.Findings = append(a.Findings, uiFinding{Rule: f.Rule, Status: f.Status, Message: f.Message, Pointer: f.PointerValue(), Line: f.Line, Column: f.Column})
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) handlePaper(w http.ResponseWriter, r *http.Request) {
	res, ok := s.check(w, r, discardReporter)
	if !ok {
		return
	}
	// A descriptor that does not parse still gets a paper, which says so.
	var values map[string]any
	if parsed, err := descriptor.ParseWithLimits(res.data, descriptor.FormatOf(res.name, res.data), res.checker.Limits); err == nil {
		values, _ = parsed.Value.(map[string]any)
	}
	p := paper.Build(values, res.doc, res.checker.Evaluator.Rules(), res.today)
	var out bytes.Buffer
	if err := report.WritePaper(&out, p, report.Run{ToolName: s.opts.Header.ToolName, ToolVersion: s.opts.Header.ToolVersion, Today: res.today}); err != nil {
		writeError(w, http.StatusInternalServerError, "the board paper could not be written: "+err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cgcheck-Status", string(res.doc.Status))
	if r.URL.Query().Get("download") != "" {
		h.Set("Content-Disposition", `attachment; filename="board-paper.html"`)
	}
	_, _ = w.Write(out.Bytes())
}

// handleYAML turns a descriptor (the page's form gives JSON) into YAML, in
// the order its fields were given, for a person to keep and edit.
func (s *Server) handleYAML(w http.ResponseWriter, r *http.Request) {
	name, data, ok := s.body(w, r)
	if !ok {
		return
	}
	// The descriptor's own parser first: its limits hold, and a mistake is
	// reported with its line and column.
	if _, err := descriptor.ParseWithLimits(data, descriptor.FormatOf(name, data), s.limits()); err != nil {
		writeError(w, http.StatusBadRequest, "the descriptor cannot be read: "+err.Error())
		return
	}
	out, err := toYAML(data)
	if err != nil {
		writeError(w, http.StatusBadRequest, "the descriptor cannot be written as YAML: "+err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/yaml; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", `attachment; filename="descriptor.yaml"`)
	_, _ = w.Write(out)
}

// limits are the parse limits of a request's descriptor: the server's,
// with the body's size limit.
func (s *Server) limits() descriptor.Limits {
	l := s.opts.Limits
	l.MaxBytes = int(s.opts.MaxBytes)
	return l
}

// toYAML writes JSON or YAML as block-style YAML, keeping the order of
// fields, with the comment that lets editors check it against the schema.
func toYAML(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	plain(&doc)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", schemas.PartnershipV1ID)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// plain drops the flow style and quoting JSON gives every node, so the
// YAML reads as a person would write it; the encoder still quotes a text
// that would otherwise read as something else (a date, a number, yes).
func plain(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		plain(c)
	}
}

// page is the page's template; the form is generated from the schema.
var pageTemplate = template.Must(template.New("page").Parse(pageSource))

func renderPage(opts Options) ([]byte, error) {
	root, err := webform.FromSchema(schemas.PartnershipV1)
	if err != nil {
		return nil, err
	}
	var form bytes.Buffer
	if err := webform.WriteHTML(&form, root); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = pageTemplate.Execute(&b, struct {
		Form           template.HTML
		Today, Version string
		MaxBytes       int64
	}{template.HTML(form.String()), opts.Today, opts.Header.ToolVersion, opts.MaxBytes})
	return b.Bytes(), err
}
