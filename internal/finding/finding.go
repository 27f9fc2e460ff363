// Package finding holds the results cgcheck reports: findings, documents,
// the theme roll-up, the summary, and how waivers turn findings into
// "waived" ones.
package finding

import (
	"encoding/json"
	"slices"
	"strings"
)

// Status is a finding's or a roll-up's verdict.
type Status string

// The statuses, from best to worst for reporting purposes.
const (
	Pass   Status = "pass"
	Skip   Status = "skip"
	Waived Status = "waived"
	Warn   Status = "warn"
	Fail   Status = "fail"
)

// Severity orders statuses for roll-ups: waived, pass and skip count as pass.
func (s Status) Severity() int {
	switch s {
	case Fail:
		return 2
	case Warn:
		return 1
	}
	return 0
}

// RollUp is the status a finding contributes to its document and theme.
func (s Status) RollUp() Status {
	switch s {
	case Fail, Warn:
		return s
	}
	return Pass
}

// Worst returns the worse of two roll-up statuses.
func Worst(a, b Status) Status {
	if b.RollUp().Severity() > a.RollUp().Severity() {
		return b.RollUp()
	}
	return a.RollUp()
}

// Rule ids of findings that come from cgcheck itself rather than a policy.
const (
	RuleParse      = "parse"      // the file cannot be read as a descriptor
	RuleSchema     = "schema"     // the descriptor breaks the JSON Schema
	RuleEvaluation = "evaluation" // the policies could not be evaluated
	RuleFile       = "file"       // the file cannot be read at all
	RuleTimeout    = "timeout"    // the document was not finished in the time allowed
)

// ToolRule reports whether id is one of cgcheck's own rules (parse, schema,
// evaluation, file, timeout), which no policy may take, in any case.
func ToolRule(id string) bool {
	switch strings.ToLower(id) {
	case RuleParse, RuleSchema, RuleEvaluation, RuleFile, RuleTimeout:
		return true
	}
	return false
}

// Waiver is the "comply or explain" record behind a waived finding.
type Waiver struct {
	Justification string `json:"justification"`
	ApprovedBy    string `json:"approved_by"`
	Expires       string `json:"expires"`
	// Waives is the status the finding had before the waiver (warn or
	// fail), so a consumer can still tell what was waived.
	Waives Status `json:"waives"`
}

// Finding is one rule's verdict on one place in one document. It names its
// rule by id and carries nothing of the rule's metadata: the study's section
// and words and the remediation are the rule's, and reporters look them up
// (package report), so no copy can drift from the catalogue.
type Finding struct {
	Rule    string `json:"rule"`
	Theme   string `json:"theme"`
	Status  Status `json:"status"`
	Message string `json:"message"`
	// Pointer is the RFC 6901 pointer the finding is about; nil for a
	// document that could not be parsed.
	Pointer *string `json:"pointer,omitempty"`
	// Line and Column are 1-based; zero when there is no position.
	Line   int     `json:"line,omitempty"`
	Column int     `json:"column,omitempty"`
	Waiver *Waiver `json:"waiver,omitempty"`
}

// PointerValue returns the pointer or "" when there is none.
func (f *Finding) PointerValue() string {
	if f.Pointer == nil {
		return ""
	}
	return *f.Pointer
}

// Ptr returns a pointer to s, for Finding.Pointer.
func Ptr(s string) *string { return &s }

// Themes is a theme -> status map that marshals in catalogue order.
type Themes struct {
	order  []string
	status map[string]Status
}

// NewThemes starts every theme at pass.
func NewThemes(order []string) Themes {
	t := Themes{order: order, status: make(map[string]Status, len(order))}
	for _, name := range order {
		t.status[name] = Pass
	}
	return t
}

// Add folds a finding's status into its theme.
func (t *Themes) Add(theme string, s Status) {
	if _, ok := t.status[theme]; !ok {
		t.order = append(t.order, theme)
		t.status[theme] = Pass
	}
	t.status[theme] = Worst(t.status[theme], s)
}

// Get returns a theme's status.
func (t Themes) Get(theme string) Status { return t.status[theme] }

// Names returns the themes in order.
func (t Themes) Names() []string { return t.order }

// MarshalJSON writes the themes as an object in catalogue order.
func (t Themes) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, name := range t.order {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(name)
		v, _ := json.Marshal(t.status[name])
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// Document is the checked result of one file.
type Document struct {
	File     string    `json:"file"`
	ID       string    `json:"id,omitempty"`
	Status   Status    `json:"status"`
	Themes   Themes    `json:"themes"`
	Findings []Finding `json:"findings"`
}

// Finish computes the document's status and theme roll-up from its findings.
func (d *Document) Finish(themeOrder []string) {
	d.Themes = NewThemes(slices.Clone(themeOrder))
	d.Status = Pass
	for _, f := range d.Findings {
		d.Themes.Add(f.Theme, f.Status)
		d.Status = Worst(d.Status, f.Status)
	}
}

// Counts returns how many findings of each status the document has.
func (d *Document) Counts() map[Status]int {
	c := map[Status]int{}
	for _, f := range d.Findings {
		c[f.Status]++
	}
	return c
}

// RegistryFinding is a finding across several documents. Like Finding, it
// names its rule by id and leaves the rule's metadata to the reporters.
type RegistryFinding struct {
	Rule      string     `json:"rule"`
	Status    Status     `json:"status"`
	Message   string     `json:"message"`
	Files     []string   `json:"files"`
	Locations []Location `json:"locations,omitempty"`
}

// Location is a place in one file.
type Location struct {
	File string `json:"file"`
	// ID is the id of the descriptor in File, when it has one.
	ID     string `json:"id,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// Registry is the result of the rules run across all documents.
type Registry struct {
	Status   Status            `json:"status"`
	Findings []RegistryFinding `json:"findings"`
}

// Summary counts documents by status, and waived findings.
type Summary struct {
	Documents int `json:"documents"`
	Pass      int `json:"pass"`
	Warn      int `json:"warn"`
	Fail      int `json:"fail"`
	Waived    int `json:"waived"`
	// Incomplete, when not empty, says why the report covers only part of
	// the run (--timeout reached after 12 of 800 files): every format shows
	// it, so a partial report is never read as the whole.
	Incomplete string `json:"incomplete,omitempty"`
	// Skipped are files a folder walk found that are not cgcheck
	// descriptors (a mkdocs.yml, a CI file): every format lists them, so
	// that a descriptor that lost its schema line is seen, but they are
	// neither documents nor failures. The JSON report gives them at its top
	// level, beside documents.
	Skipped []SkippedFile `json:"-"`
}

// SkippedFile is a file found but not checked, and why.
type SkippedFile struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Add counts one finished document.
func (s *Summary) Add(d *Document) {
	s.Documents++
	switch d.Status {
	case Fail:
		s.Fail++
	case Warn:
		s.Warn++
	default:
		s.Pass++
	}
	for _, f := range d.Findings {
		if f.Status == Waived {
			s.Waived++
		}
	}
}
