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
	// Baseline, in a run given an earlier report (check --baseline), says
	// whether a warn or fail finding is new since it or persisting; a
	// document's Resolved findings say "resolved".
	Baseline Change `json:"baseline,omitempty"`
}

// Change is how a finding stands against an earlier report.
type Change string

// The changes against a baseline.
const (
	ChangeNew        Change = "new"        // open now, not in the baseline
	ChangePersisting Change = "persisting" // open in both
	ChangeResolved   Change = "resolved"   // open in the baseline, not now
	ChangeWaived     Change = "waived"     // open in the baseline, waived now
)

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
	File string `json:"file"`
	ID   string `json:"id,omitempty"`
	// Partnership says who and where the descriptor is about, so that a
	// report is read by the partnership's name rather than its file; nil
	// when the file did not parse.
	Partnership *Partnership `json:"partnership,omitempty"`
	Status      Status       `json:"status"`
	Themes      Themes       `json:"themes"`
	Findings    []Finding    `json:"findings"`
	// Resolved are the findings open in the baseline report (check
	// --baseline) that are not open now, as the baseline gave them.
	Resolved []Finding `json:"resolved,omitempty"`
}

// Partnership is what a descriptor says of itself that a reader of a report
// recognises it by: its name, area or areas, status, type and lead. Each
// field is taken only when the descriptor gives it in the right shape, so a
// descriptor that breaks the schema still shows what it does say.
type Partnership struct {
	Name string `json:"name,omitempty"`
	// Areas are the local authority / CPP areas, one or (descriptor
	// revision 2) several.
	Areas  []string `json:"areas,omitempty"`
	Status string   `json:"status,omitempty"`
	Type   string   `json:"type,omitempty"`
	Lead   *Lead    `json:"lead,omitempty"`
}

// Lead is the partnership's one lead: the organisation (its partner id and,
// when that id names a partner with a name, the organisation's name) and the
// person.
type Lead struct {
	Partner      string `json:"partner,omitempty"`
	Organisation string `json:"organisation,omitempty"`
	Person       string `json:"person,omitempty"`
}

// Label is the partnership's name, or "" when it has none: what human
// formats show beside the file.
func (p *Partnership) Label() string {
	if p == nil {
		return ""
	}
	return p.Name
}

// AreaList is the areas joined for reading ("Midlothian, East Lothian"), or
// "" when there are none.
func (p *Partnership) AreaList() string {
	if p == nil {
		return ""
	}
	return strings.Join(p.Areas, ", ")
}

// LeadText says who leads, for reading: "Inverclyde Council (Jo Bloggs)",
// the partner id when the organisation has no name, "" when nothing is
// said.
func (p *Partnership) LeadText() string {
	if p == nil || p.Lead == nil {
		return ""
	}
	org := p.Lead.Organisation
	if org == "" {
		org = p.Lead.Partner
	}
	switch {
	case org != "" && p.Lead.Person != "":
		return org + " (" + p.Lead.Person + ")"
	case org != "":
		return org
	default:
		return p.Lead.Person
	}
}

// Line is one line about the partnership for the human formats: name, areas,
// status and type, and lead, each where known, joined by " · ". Types and
// statuses are shown in words ("time limited", not "time_limited").
func (p *Partnership) Line() string {
	if p == nil {
		return ""
	}
	var parts []string
	if p.Name != "" {
		parts = append(parts, p.Name)
	}
	if a := p.AreaList(); a != "" {
		parts = append(parts, a)
	}
	var kind []string
	for _, w := range []string{p.Status, p.Type} {
		if w != "" {
			kind = append(kind, strings.ReplaceAll(w, "_", " "))
		}
	}
	if len(kind) > 0 {
		parts = append(parts, strings.Join(kind, ", "))
	}
	if l := p.LeadText(); l != "" {
		parts = append(parts, "lead: "+l)
	}
	return strings.Join(parts, " · ")
}

// NoArea is the name under which documents that give no area are counted.
const NoArea = "(no area given)"

// AreaCount is how the documents of one area came out. A partnership that
// spans several areas is counted in each.
type AreaCount struct {
	Area      string `json:"area"`
	Documents int    `json:"documents"`
	Pass      int    `json:"pass"`
	Warn      int    `json:"warn"`
	Fail      int    `json:"fail"`
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
	// Baseline is as Finding.Baseline.
	Baseline Change `json:"baseline,omitempty"`
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
	// Resolved are the registry findings open in the baseline that are not
	// open now.
	Resolved []RegistryFinding `json:"resolved,omitempty"`
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
	// Areas counts the documents of each area, sorted by area; documents
	// that give no area (or did not parse) are counted under NoArea, last.
	Areas []AreaCount `json:"areas,omitempty"`
	// Baseline counts the warn and fail findings against an earlier report
	// (check --baseline); nil without one.
	Baseline *BaselineCounts `json:"baseline,omitempty"`
}

// BaselineCounts count findings against a baseline report. Gone counts
// the documents of the baseline not checked in this run, whose findings
// are not counted as resolved (they were not checked, not fixed).
type BaselineCounts struct {
	File       string `json:"file"`
	New        int    `json:"new"`
	Persisting int    `json:"persisting"`
	Resolved   int    `json:"resolved"`
	// Unjudged counts findings open in the baseline whose rule did not
	// run now (the document broke the schema): neither resolved nor new.
	Unjudged  int      `json:"not_judged"`
	Gone      int      `json:"documents_not_checked"`
	GoneFiles []string `json:"documents_not_checked_files,omitempty"`
}

// SeveralAreas reports whether the documents span more than one area, when
// the human formats show them by area.
func (s Summary) SeveralAreas() bool { return len(s.Areas) > 1 }

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
	s.addAreas(d)
}

// addAreas counts the document under each of its areas, keeping Areas
// sorted (NoArea last) so that every report lists them in one order.
func (s *Summary) addAreas(d *Document) {
	areas := []string{NoArea}
	if d.Partnership != nil && len(d.Partnership.Areas) > 0 {
		areas = d.Partnership.Areas
	}
	seen := map[string]bool{}
	for _, area := range areas {
		if seen[area] {
			continue
		}
		seen[area] = true
		i, found := slices.BinarySearchFunc(s.Areas, area, compareArea)
		if !found {
			s.Areas = slices.Insert(s.Areas, i, AreaCount{Area: area})
		}
		c := &s.Areas[i]
		c.Documents++
		switch d.Status {
		case Fail:
			c.Fail++
		case Warn:
			c.Warn++
		default:
			c.Pass++
		}
	}
}

// compareArea orders area counts by name, case-insensitively, with NoArea
// last.
func compareArea(c AreaCount, area string) int {
	switch {
	case c.Area == area:
		return 0
	case c.Area == NoArea:
		return 1
	case area == NoArea:
		return -1
	}
	if n := strings.Compare(strings.ToLower(c.Area), strings.ToLower(area)); n != 0 {
		return n
	}
	return strings.Compare(c.Area, area)
}
