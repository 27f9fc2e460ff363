// Package catalogue describes the rules cgcheck knows, read from the METADATA
// annotations of the Rego packages that implement them, so the catalogue,
// `cgcheck explain`, reports and docs never drift from the policies.
package catalogue

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Themes are the study's groups of findings, in the order reports show them.
var Themes = []string{"purpose", "governance", "evidence", "action", "gain", "lifecycle", "integrity"}

// RegistryTheme is the theme of rules that run across all the descriptors
// checked together rather than on one; their findings are reported under
// "registry", not in a document.
const RegistryTheme = "registry"

// ThemeTitles are the headings of the study each theme follows.
var ThemeTitles = map[string]string{
	"purpose":    "Clarity of purpose",
	"governance": "Leadership, governance and performance management",
	"evidence":   "Evidence-based and client-focused",
	"action":     "Translating strategy into action",
	"gain":       "Measuring collaborative gain",
	"lifecycle":  "Lifecycle",
	"integrity":  "Integrity",
	"registry":   "Across all descriptors checked together",
}

// Param is a configurable threshold, phrase list or switch of a rule. It
// belongs to the rule that declares it: two rules may each declare a param
// of the same name without touching each other.
type Param struct {
	Name        string `json:"name"`
	Type        string `json:"type"` // integer, number, string, boolean or list (of strings)
	Default     any    `json:"default"`
	Description string `json:"description,omitempty"`
	// Minimum, when set, is the smallest value a number param accepts
	// (a negative count of months means nothing).
	Minimum *float64 `json:"minimum,omitempty"`
	// Maximum, when set, is the largest value a number param accepts; an
	// integer param without one accepts at most DefaultMaxInteger.
	Maximum *float64 `json:"maximum,omitempty"`
}

// DefaultMaxInteger bounds an integer param that declares no maximum. Every
// built-in one counts words, partners, seats, days or months, for which
// more is meaningless; a huge value would overflow date arithmetic and, say,
// make a rule stricter instead of more lenient.
const DefaultMaxInteger = 100_000

// Rule is one rule of the catalogue.
type Rule struct {
	ID          string   `json:"id"`
	Theme       string   `json:"theme"`
	Severity    string   `json:"level"` // the worst status it gives: fail or warn
	Levels      []string `json:"levels"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Section     string   `json:"section,omitempty"`
	Quote       string   `json:"quote,omitempty"`
	// Citations are further passages of the study the rule follows, after
	// the one in Section and Quote.
	Citations   []Citation `json:"citations,omitempty"`
	Remediation string     `json:"remediation"`
	// Plain says what each outcome of the rule means in words a board
	// member reads without the descriptor format: keyed by pass and by
	// each of the rule's levels. Question is the prompt for reflection a
	// board paper asks when the rule warns or fails. Built-in rules give
	// both (a test holds them to it); custom rules may.
	Plain    map[string]string `json:"plain,omitempty"`
	Question string            `json:"question,omitempty"`
	Params   []Param           `json:"params,omitempty"`
	Builtin  bool              `json:"builtin"`

	// Package is the Rego path of the rule's package, e.g.
	// data.cgcheck.rules.governance.single_lead.
	Package string `json:"package"`
	// File is where the package is declared.
	File string `json:"file"`
}

// Citation is a passage of the study: the section it is in and its words.
type Citation struct {
	Section string `json:"section"`
	Quote   string `json:"quote"`
}

// Param returns the named parameter of the rule.
func (r *Rule) Param(name string) (Param, bool) {
	for _, p := range r.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// Catalogue is the ordered set of rules.
type Catalogue struct {
	rules []*Rule
	byID  map[string]*Rule
}

// New orders rules by theme, then id, and indexes them; a duplicate id is an
// error naming both files.
func New(rules []*Rule) (*Catalogue, error) {
	c := &Catalogue{byID: map[string]*Rule{}}
	for _, r := range rules {
		if prev, ok := c.byID[r.ID]; ok {
			return nil, fmt.Errorf("%s: rule id %q is already used by %s", r.File, r.ID, prev.File)
		}
		c.byID[r.ID] = r
		c.rules = append(c.rules, r)
	}
	sort.SliceStable(c.rules, func(i, j int) bool {
		ti, tj := themeOrder(c.rules[i].Theme), themeOrder(c.rules[j].Theme)
		if ti != tj {
			return ti < tj
		}
		return c.rules[i].ID < c.rules[j].ID
	})
	return c, nil
}

// themeOrder places registry rules after every per-document theme.
func themeOrder(theme string) int {
	if i := slices.Index(Themes, theme); i >= 0 {
		return i
	}
	return len(Themes)
}

// plain reads custom.plain: a mapping from pass and the rule's levels to a
// sentence each.
func plain(r *Rule, raw any, fail func(string, ...any) error) (map[string]string, error) {
	if raw == nil {
		return nil, nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fail("rule %s: METADATA custom.plain must be a mapping of pass, warn and fail to a sentence each", r.ID)
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, fail("rule %s: METADATA custom.plain.%s must be a sentence", r.ID, k)
		}
		if k != "pass" && !slices.Contains(r.Levels, k) {
			return nil, fail("rule %s: METADATA custom.plain.%s: the rule gives pass and %s, not %s", r.ID, k, strings.Join(r.Levels, " and "), k)
		}
		out[k] = strings.TrimSpace(s)
	}
	return out, nil
}

// PlainFor is the plain words for a status of the rule: a waived finding
// reads as what it waives; "" when the rule gives none.
func (r *Rule) PlainFor(status string) string {
	if r == nil {
		return ""
	}
	return r.Plain[status]
}

// IsRegistry reports whether the rule runs across descriptors.
func (r *Rule) IsRegistry() bool { return r.Theme == RegistryTheme }

// Rules returns the rules in catalogue order.
func (c *Catalogue) Rules() []*Rule { return c.rules }

// Rule returns the rule with the given id.
func (c *Catalogue) Rule(id string) (*Rule, bool) {
	r, ok := c.byID[id]
	return r, ok
}

// IDs returns every rule id in catalogue order.
func (c *Catalogue) IDs() []string {
	ids := make([]string, len(c.rules))
	for i, r := range c.rules {
		ids[i] = r.ID
	}
	return ids
}

// ParamOwners returns the rules that declare a parameter of that name, in
// catalogue order. More than one means the bare name is ambiguous and must
// be written rule.name.
func (c *Catalogue) ParamOwners(name string) []*Rule {
	var out []*Rule
	for _, r := range c.rules {
		if _, ok := r.Param(name); ok {
			out = append(out, r)
		}
	}
	return out
}

// MetadataError is a rule package whose METADATA is missing or malformed.
type MetadataError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *MetadataError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// FromModule reads the rule declared by a module's package METADATA. It
// returns nil and no error for a module that declares no rule (no custom.id),
// such as a helper library.
func FromModule(m *ast.Module, builtin bool) (*Rule, error) {
	var ann *ast.Annotations
	for _, a := range m.Annotations {
		if a.Scope == "package" {
			ann = a
			break
		}
	}
	if ann == nil || ann.Custom["id"] == nil {
		return nil, nil
	}
	loc := m.Package.Location
	fail := func(format string, args ...any) error {
		e := &MetadataError{Msg: fmt.Sprintf(format, args...)}
		if ann.Location != nil {
			e.File, e.Line, e.Column = ann.Location.File, ann.Location.Row, ann.Location.Col
		} else if loc != nil {
			e.File, e.Line, e.Column = loc.File, loc.Row, loc.Col
		}
		return e
	}
	str := func(key string) (string, error) {
		v, ok := ann.Custom[key]
		if !ok || v == nil {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", fail("METADATA custom.%s must be a string", key)
		}
		return strings.TrimSpace(s), nil
	}
	r := &Rule{
		Title:       strings.TrimSpace(ann.Title),
		Description: strings.TrimSpace(ann.Description),
		Builtin:     builtin,
		Package:     m.Package.Path.String(),
	}
	if loc != nil {
		r.File = loc.File
	}
	var err error
	for key, dst := range map[string]*string{
		"id": &r.ID, "theme": &r.Theme, "severity": &r.Severity,
		"section": &r.Section, "quote": &r.Quote, "remediation": &r.Remediation, "question": &r.Question,
	} {
		if *dst, err = str(key); err != nil {
			return nil, err
		}
	}
	switch {
	case !validID(r.ID):
		return nil, fail("METADATA custom.id %q is not a rule id (lowercase letters, digits and hyphens)", r.ID)
	case r.Title == "":
		return nil, fail("rule %s: METADATA needs a title", r.ID)
	case r.Description == "":
		return nil, fail("rule %s: METADATA needs a description", r.ID)
	case !slices.Contains(Themes, r.Theme) && r.Theme != RegistryTheme:
		return nil, fail("rule %s: METADATA custom.theme %q is not one of %s, %s", r.ID, r.Theme, strings.Join(Themes, ", "), RegistryTheme)
	case r.Severity != "fail" && r.Severity != "warn":
		return nil, fail("rule %s: METADATA custom.severity must be fail or warn, not %q", r.ID, r.Severity)
	case r.Remediation == "":
		return nil, fail("rule %s: METADATA needs custom.remediation (what to do about a finding)", r.ID)
	}
	r.Levels = []string{r.Severity}
	if raw, ok := ann.Custom["levels"]; ok {
		list, ok := raw.([]any)
		if !ok {
			return nil, fail("rule %s: METADATA custom.levels must be a list of fail and warn", r.ID)
		}
		r.Levels = nil
		for _, l := range list {
			s, _ := l.(string)
			if s != "fail" && s != "warn" {
				return nil, fail("rule %s: METADATA custom.levels may hold only fail and warn, not %v", r.ID, l)
			}
			if !slices.Contains(r.Levels, s) {
				r.Levels = append(r.Levels, s)
			}
		}
		slices.Sort(r.Levels) // "fail" before "warn", however they were written
	}
	if r.Plain, err = plain(r, ann.Custom["plain"], fail); err != nil {
		return nil, err
	}
	if r.Citations, err = citations(r.ID, ann.Custom["citations"], fail); err != nil {
		return nil, err
	}
	if r.Params, err = params(r.ID, ann.Custom["params"], fail); err != nil {
		return nil, err
	}
	if builtin {
		// A built-in rule's id and theme are where it lives, as in Regal:
		// cgcheck.rules.<theme>.<id with _> or cgcheck.registry.<id with _>,
		// so the catalogue cannot drift from the tree.
		want := "data.cgcheck.rules." + r.Theme + "." + strings.ReplaceAll(r.ID, "-", "_")
		if r.IsRegistry() {
			want = "data.cgcheck.registry." + strings.ReplaceAll(r.ID, "-", "_")
		}
		if r.Package != want {
			return nil, fail("rule %s (theme %s) must be declared in package %s, not %s", r.ID, r.Theme, strings.TrimPrefix(want, "data."), strings.TrimPrefix(r.Package, "data."))
		}
	}
	return r, nil
}

func citations(id string, raw any, fail func(string, ...any) error) ([]Citation, error) {
	if raw == nil {
		return nil, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, fail("rule %s: METADATA custom.citations must be a list of {section, quote}", id)
	}
	out := make([]Citation, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		section, _ := m["section"].(string)
		quote, _ := m["quote"].(string)
		if strings.TrimSpace(section) == "" || strings.TrimSpace(quote) == "" {
			return nil, fail("rule %s: each METADATA custom.citations entry needs a section and a quote", id)
		}
		out = append(out, Citation{Section: strings.TrimSpace(section), Quote: strings.TrimSpace(quote)})
	}
	return out, nil
}

func params(id string, raw any, fail func(string, ...any) error) ([]Param, error) {
	if raw == nil {
		return nil, nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, fail("rule %s: METADATA custom.params must map names to {default, type, description}", id)
	}
	var out []Param
	for name, spec := range m {
		if !validParamName(name) {
			return nil, fail("rule %s: param name %q must be lowercase letters, digits and underscores, starting with a letter", id, name)
		}
		s, ok := spec.(map[string]any)
		if !ok {
			return nil, fail("rule %s: param %s must be {default, type, description}", id, name)
		}
		p := Param{Name: name, Default: s["default"]}
		p.Type, _ = s["type"].(string)
		p.Description, _ = s["description"].(string)
		p.Description = strings.TrimSpace(p.Description)
		if raw, ok := s["minimum"]; ok {
			m, ok := toFloat(raw)
			if !ok {
				return nil, fail("rule %s: param %s minimum must be a number", id, name)
			}
			p.Minimum = &m
		}
		if raw, ok := s["maximum"]; ok {
			m, ok := toFloat(raw)
			if !ok {
				return nil, fail("rule %s: param %s maximum must be a number", id, name)
			}
			p.Maximum = &m
		}
		if !slices.Contains(ParamTypes, p.Type) {
			return nil, fail("rule %s: param %s has type %q; use %s", id, name, p.Type, strings.Join(ParamTypes, ", "))
		}
		if _, err := ConvertParam(p, p.Default); err != nil {
			return nil, fail("rule %s: param %s default: %v", id, name, err)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// ParamTypes are the types a param may declare; list is a list of strings
// (phrase and word lists).
var ParamTypes = []string{"integer", "number", "string", "boolean", "list"}

// validParamName allows lowercase ASCII letters, digits and underscores
// only, so that no case or Unicode look-alike can make one param pass for
// another in a config file, an environment variable or a flag.
func validParamName(name string) bool {
	if name == "" || len(name) > 64 || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r == '-' && i > 0:
		default:
			return false
		}
	}
	return true
}
