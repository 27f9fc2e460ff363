package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
)

func init() { register("sarif", newSARIF) }

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the uriBaseId of every file inside the repository, as
	// GitHub code scanning and the SARIF multitool expect it.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names cgcheck's partialFingerprints; the version
	// changes if what goes into them ever does.
	fingerprintKey = "cgcheckFinding/v1"
)

// sarifReporter writes one SARIF 2.1.0 log with one run. The rules come
// first in the log but a finding may name a rule the run did not describe,
// so results are encoded as documents arrive, spooled, and written after
// the rules at Finish.
type sarifReporter struct {
	w       io.Writer
	run     Run
	rules   []sarifRule
	index   map[string]int // rule id → index in rules
	results spool
	n       int
	err     error
}

func newSARIF(w io.Writer) Reporter {
	return &sarifReporter{w: w, results: spool{limit: spoolMemoryLimit}, index: map[string]int{}}
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name,omitempty"`
	ShortDescription     *sarifText  `json:"shortDescription,omitempty"`
	FullDescription      *sarifText  `json:"fullDescription,omitempty"`
	HelpURI              string      `json:"helpUri,omitempty"`
	Help                 *sarifHelp  `json:"help,omitempty"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
	Properties           sarifProps  `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifProps struct {
	// Tags is the property SARIF viewers (GitHub code scanning among them)
	// filter on; it holds the theme.
	Tags    []string `json:"tags,omitempty"`
	Theme   string   `json:"theme,omitempty"`
	Section string   `json:"section,omitempty"`
	Quote   string   `json:"quote,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
	// RelatedLocations hold a registry finding's other files: GitHub
	// annotates only a result's first location.
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	// PartialFingerprints keep an alert the same alert across runs and
	// when lines move: its rule, document id and pointer, not its line.
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	// Properties carry the partnership the finding is about (name, areas,
	// status, type, lead), as the JSON report gives it.
	Properties *sarifResultProperties `json:"properties,omitempty"`
	// BaselineState is "new" or "unchanged" against check --baseline.
	BaselineState string `json:"baselineState,omitempty"`
}

type sarifResultProperties struct {
	Partnership *finding.Partnership `json:"partnership,omitempty"`
}

type sarifLocation struct {
	// ID numbers a related location (from 1); zero in a result's own.
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

func (r *sarifReporter) Start(run Run) error {
	r.run = run
	// Every rule the run knows is described, whether or not it finds
	// anything, so a viewer can show the whole checklist.
	for _, rule := range newRuleIndex(run).rules {
		r.addRule(rule)
	}
	return nil
}

// addRule appends a descriptor unless a rule of that id is already there.
func (r *sarifReporter) addRule(rule *catalogue.Rule) int {
	if i, ok := r.index[rule.ID]; ok {
		return i
	}
	d := sarifRule{
		ID:                   rule.ID,
		Name:                 rule.Title,
		DefaultConfiguration: sarifConfig{Level: sarifLevel(finding.Status(rule.Severity))},
		Properties:           sarifProps{Theme: rule.Theme, Section: rule.Section, Quote: rule.Quote},
	}
	if rule.Theme != "" {
		d.Properties.Tags = []string{rule.Theme}
	}
	if rule.Title != "" {
		d.ShortDescription = &sarifText{rule.Title}
	}
	if rule.Description != "" {
		d.FullDescription = &sarifText{rule.Description}
	}
	if text, md := ruleHelp(rule); text != "" {
		d.Help = &sarifHelp{Text: text, Markdown: md}
	}
	if r.run.RulesURL != "" && rule.Title != "" {
		// The catalogue has a heading per rule, whose anchor is its id.
		d.HelpURI = r.run.RulesURL + "#" + rule.ID
	}
	r.rules = append(r.rules, d)
	r.index[rule.ID] = len(r.rules) - 1
	return len(r.rules) - 1
}

// descriptorIndex returns the index of a finding's rule descriptor. A rule
// the run does not know (a finding from outside Run.Rules) is described by
// what the finding says of it, its id, theme and status, so a result never
// points at a rule that is not in the log.
func (r *sarifReporter) descriptorIndex(id, theme string, status finding.Status) int {
	if i, ok := r.index[id]; ok {
		return i
	}
	severity := "warn"
	if status == finding.Fail {
		severity = "fail"
	}
	return r.addRule(&catalogue.Rule{ID: id, Theme: theme, Severity: severity})
}

// ruleHelp is the rule's remediation followed by the study's words, as plain
// text and as Markdown; empty for a nil rule.
func ruleHelp(rule *catalogue.Rule) (text, md string) {
	if rule == nil {
		return "", ""
	}
	remediation, section, quote := rule.Remediation, rule.Section, rule.Quote
	var t, m []string
	if remediation != "" {
		t = append(t, remediation)
		m = append(m, remediation)
	}
	switch {
	case quote != "" && section != "":
		t = append(t, fmt.Sprintf("The study, %s: \u201c%s\u201d", section, quote))
		m = append(m, fmt.Sprintf("The study, *%s*:\n\n> %s", section, quote))
	case quote != "":
		t = append(t, fmt.Sprintf("The study: \u201c%s\u201d", quote))
		m = append(m, "The study:\n\n> "+quote)
	case section != "":
		t = append(t, "The study, "+section+".")
		m = append(m, "The study, *"+section+"*.")
	}
	return strings.Join(t, "\n\n"), strings.Join(m, "\n\n")
}

// sarifBaselineState is SARIF's word for a finding's change since the
// baseline: new, or unchanged for one that persists.
func sarifBaselineState(c finding.Change) string {
	switch c {
	case finding.ChangeNew:
		return "new"
	case finding.ChangePersisting:
		return "unchanged"
	}
	return ""
}

// sarifLevel maps a status to a SARIF level: fail is an error, anything
// else reported is a warning.
func sarifLevel(s finding.Status) string {
	if s == finding.Fail {
		return "error"
	}
	return "warning"
}

func (r *sarifReporter) Document(doc *finding.Document) error {
	artifact := r.artifact(doc.File)
	docKey := doc.ID
	if docKey == "" {
		docKey = artifact.URI
	}
	seen := map[string]int{}
	for _, f := range doc.Findings {
		if f.Status != finding.Fail && f.Status != finding.Warn && f.Status != finding.Waived {
			continue
		}
		status := f.Status
		if f.Waiver != nil && f.Waiver.Waives != "" {
			status = f.Waiver.Waives
		}
		i := r.descriptorIndex(f.Rule, f.Theme, status)
		level := sarifLevel(status)
		if f.Status == finding.Waived && (f.Waiver == nil || f.Waiver.Waives == "") {
			// What was waived is unknown: say what the rule gives at worst.
			level = r.rules[i].DefaultConfiguration.Level
		}
		// Findings of one rule at one pointer are told apart by their
		// order, which does not change when lines move.
		key := f.Rule + "\x00" + f.PointerValue()
		seen[key]++
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: i, Level: level,
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{locationAt(artifact, f.Line, f.Column)},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f.Rule, docKey, f.PointerValue(), fmt.Sprint(seen[key]))},
		}
		if doc.Partnership != nil {
			res.Properties = &sarifResultProperties{Partnership: doc.Partnership}
		}
		res.BaselineState = sarifBaselineState(f.Baseline)
		if f.Status == finding.Waived {
			s := sarifSuppression{Kind: "external", Status: "accepted"}
			if f.Waiver != nil {
				s.Justification = waiverText(f.Waiver)
			}
			res.Suppressions = []sarifSuppression{s}
		}
		r.add(res)
	}
	return r.err
}

// waiverText is a waiver in one line, as the text format shows it.
func waiverText(w *finding.Waiver) string {
	return fmt.Sprintf("%s (approved by %s, expires %s)", w.Justification, w.ApprovedBy, w.Expires)
}

// locationAt is a location in an artifact, with a region when the line is
// known.
func locationAt(a sarifArtifact, line, col int) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: a}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, StartColumn: col}
	}
	return loc
}

// artifact is where a file is for a SARIF viewer: relative to the
// repository root under %SRCROOT% when it is inside it (GitHub code scanning
// places alerts by that path, whatever folder cgcheck ran in), an absolute
// file URI when it is outside, and the name as given when the run has no
// root (a library caller) or the file is standard input.
func (r *sarifReporter) artifact(file string) sarifArtifact {
	if r.run.SourceRoot == "" || file == "<stdin>" {
		return sarifArtifact{URI: fileURI(file)}
	}
	abs := file
	if !filepath.IsAbs(abs) {
		if r.run.WorkDir == "" {
			return sarifArtifact{URI: fileURI(file)}
		}
		abs = filepath.Join(r.run.WorkDir, file)
	}
	rel, err := filepath.Rel(r.run.SourceRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return sarifArtifact{URI: fileURI(filepath.Clean(abs))}
	}
	return sarifArtifact{URI: fileURI(rel), URIBaseID: srcRoot}
}

// fingerprint is a short stable hash of its parts.
func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// add encodes one result into the spool.
func (r *sarifReporter) add(res sarifResult) {
	if r.err != nil {
		return
	}
	b, err := marshal(res, "        ")
	if err != nil {
		r.err = err
		return
	}
	sep := "\n        "
	if r.n > 0 {
		sep = ",\n        "
	}
	if _, err := io.WriteString(&r.results, sep); err != nil {
		r.err = err
		return
	}
	if _, err := r.results.Write(b); err != nil {
		r.err = err
		return
	}
	r.n++
}

func (r *sarifReporter) Finish(summary finding.Summary, registry finding.Registry) error {
	for _, f := range registry.Findings {
		if f.Status != finding.Fail && f.Status != finding.Warn && f.Status != finding.Waived {
			continue
		}
		i := r.descriptorIndex(f.Rule, catalogue.RegistryTheme, f.Status)
		level := sarifLevel(f.Status)
		if f.Status == finding.Waived {
			level = r.rules[i].DefaultConfiguration.Level
		}
		res := sarifResult{RuleID: f.Rule, RuleIndex: i, Level: level, Message: sarifText{f.Message}, BaselineState: sarifBaselineState(f.Baseline)}
		// The first file is the result's location; the others are
		// related locations, named by id, so GitHub annotates one place
		// and lists the rest.
		var members []string
		add := func(file, id string, line, col int) {
			a := r.artifact(file)
			loc := locationAt(a, line, col)
			if len(res.Locations) == 0 {
				res.Locations = []sarifLocation{loc}
			} else {
				loc.ID = len(res.RelatedLocations) + 1
				if id != "" {
					loc.Message = &sarifText{id}
				}
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
			if id == "" {
				id = a.URI
			}
			members = append(members, id)
		}
		for _, l := range f.Locations {
			add(l.File, l.ID, l.Line, l.Column)
		}
		if len(f.Locations) == 0 {
			for _, file := range f.Files {
				add(file, "", 0, 0)
			}
		}
		slices.Sort(members)
		res.PartialFingerprints = map[string]string{fingerprintKey: fingerprint(append([]string{f.Rule}, members...)...)}
		if f.Status == finding.Waived {
			res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted"}}
		}
		r.add(res)
	}
	if r.err != nil {
		return r.err
	}

	name := r.run.ToolName
	if name == "" {
		name = "cgcheck"
	}
	tool := struct {
		Driver struct {
			Name           string      `json:"name"`
			Version        string      `json:"version,omitempty"`
			InformationURI string      `json:"informationUri,omitempty"`
			Rules          []sarifRule `json:"rules"`
		} `json:"driver"`
	}{}
	tool.Driver.Name = name
	tool.Driver.Version = r.run.ToolVersion
	tool.Driver.InformationURI = r.run.HomeURL
	tool.Driver.Rules = r.rules
	if tool.Driver.Rules == nil {
		tool.Driver.Rules = []sarifRule{}
	}
	tb, err := marshal(tool, "      ")
	if err != nil {
		return err
	}

	w := bufio.NewWriter(r.w)
	fmt.Fprintf(w, "{\n  \"$schema\": %q,\n  \"version\": %q,\n  \"runs\": [\n    {\n      \"tool\": ", sarifSchema, sarifVersion)
	w.Write(tb)
	// Columns count Unicode code points, as the descriptor reader does.
	w.WriteString(",\n      \"columnKind\": \"unicodeCodePoints\"")
	// One category for every cgcheck run, so each upload replaces the
	// last one's alerts instead of adding to them.
	w.WriteString(",\n      \"automationDetails\": {\n        \"id\": \"cgcheck/\"\n      }")
	if r.run.SourceRoot != "" {
		// Where %SRCROOT% is on the machine that ran: a viewer elsewhere
		// uses its own checkout instead.
		root := filepath.ToSlash(r.run.SourceRoot)
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		bb, err := marshal(map[string]any{srcRoot: map[string]string{"uri": fileURI(root)}}, "      ")
		if err != nil {
			return err
		}
		w.WriteString(",\n      \"originalUriBaseIds\": ")
		w.Write(bb)
	}
	if r.run.Today != "" {
		// The as-of date of every date rule: without it a result cannot be
		// reproduced.
		props := map[string]any{"today": r.run.Today}
		if !r.run.Config.Empty() {
			props["config"] = r.run.Config
		}
		pb, err := marshal(props, "      ")
		if err != nil {
			return err
		}
		w.WriteString(",\n      \"properties\": ")
		w.Write(pb)
	}
	if summary.Incomplete != "" || len(summary.Skipped) > 0 {
		// A run cut short says so where SARIF viewers look for it; so
		// does each file passed over as not a descriptor, as a note.
		var notes []map[string]any
		if summary.Incomplete != "" {
			notes = append(notes, map[string]any{"level": "error", "message": map[string]string{"text": summary.Incomplete}})
		}
		for _, sk := range summary.Skipped {
			notes = append(notes, map[string]any{
				"level": "note", "message": map[string]string{"text": sk.Reason},
				"locations": []sarifLocation{locationAt(r.artifact(sk.File), 0, 0)},
			})
		}
		inv := []map[string]any{{
			"executionSuccessful":        summary.Incomplete == "",
			"toolExecutionNotifications": notes,
		}}
		ib, err := marshal(inv, "      ")
		if err != nil {
			return err
		}
		w.WriteString(",\n      \"invocations\": ")
		w.Write(ib)
	}
	w.WriteString(",\n      \"results\": [")
	if _, err := r.results.WriteTo(w); err != nil {
		return err
	}
	if r.n > 0 {
		w.WriteString("\n      ")
	}
	w.WriteString("]\n    }\n  ]\n}\n")
	return w.Flush()
}

// fileURI turns a file path into the URI SARIF wants: a relative reference
// with forward slashes for a relative path (no leading "./"), a file:// URI
// for an absolute one; anything outside RFC 3986's path characters,
// including spaces and every byte of a non-ASCII character, is
// percent-encoded.
func fileURI(path string) string {
	if filepath.IsAbs(path) {
		s := filepath.ToSlash(path)
		switch {
		case strings.HasPrefix(s, "//"): // a UNC path: //host/share/...
			return "file:" + escapeURIPath(s, true)
		case strings.HasPrefix(s, "/"):
			return "file://" + escapeURIPath(s, true)
		default: // a drive letter: C:/...
			return "file:///" + escapeURIPath(s, true)
		}
	}
	s := filepath.ToSlash(path)
	for strings.HasPrefix(s, "./") {
		s = strings.TrimLeft(s[2:], "/")
	}
	// A colon stays encoded in a relative reference, where "a:b.yaml" would
	// otherwise read as a URI of scheme "a".
	return escapeURIPath(s, false)
}

// escapeURIPath percent-encodes every byte that is not an RFC 3986 pchar or
// "/"; a colon is kept only where allowed.
func escapeURIPath(s string, colon bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~/!$&'()*+,;=@", c) >= 0, c == ':' && colon:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
