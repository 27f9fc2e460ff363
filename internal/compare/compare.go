// Package compare sets two cgcheck JSON reports side by side: for each
// partnership (matched by descriptor id), which warn and fail findings are
// new, which were resolved and which persist, so that a reviewer sees what
// changed since the last review rather than reading every finding again.
package compare

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/finding"
)

// Report is what compare reads of a cgcheck JSON report (cli.md's "JSON
// output"): enough to match documents and findings.
type Report struct {
	Tool      map[string]string `json:"tool"`
	Today     string            `json:"today"`
	Documents []Document        `json:"documents"`
	Registry  struct {
		Findings []finding.RegistryFinding `json:"findings"`
	} `json:"registry"`
}

// Document is one document of a report.
type Document struct {
	File        string               `json:"file"`
	ID          string               `json:"id"`
	Partnership *finding.Partnership `json:"partnership"`
	Status      finding.Status       `json:"status"`
	Findings    []finding.Finding    `json:"findings"`
}

// Read reads a JSON report that `cgcheck check -o json` wrote. A file that
// is not one is refused with what is wrong and where.
func Read(path string) (*Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a JSON report from data; name is what messages call it.
func Parse(name string, data []byte) (*Report, error) {
	var r Report
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			at := descriptor.PositionAt(data, int(se.Offset)-1) // Offset is just past the bad byte
			return nil, fmt.Errorf("%s:%d:%d: not a JSON report: %v; it must be a report that `cgcheck check -o json` wrote", name, at.Line, at.Column, se)
		case errors.As(err, &te):
			at := descriptor.PositionAt(data, int(te.Offset))
			return nil, fmt.Errorf("%s:%d:%d: not a cgcheck JSON report: %s is %s where a report has %s; it must be a report that `cgcheck check -o json` wrote", name, at.Line, at.Column, te.Field, withArticle(te.Value), kindOf(te.Type))
		case errors.Is(err, io.EOF):
			return nil, fmt.Errorf("%s: the file is empty; it must be a report that `cgcheck check -o json` wrote", name)
		}
		return nil, fmt.Errorf("%s: not a JSON report: %v", name, err)
	}
	if r.Tool["name"] != "cgcheck" || r.Documents == nil {
		return nil, fmt.Errorf("%s: not a cgcheck JSON report (it has no tool name cgcheck and no documents list); write one with `cgcheck check -o json PATH > report.json`", name)
	}
	return &r, nil
}

// kindOf says in words what JSON a Go type is read from.
func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// withArticle is a JSON kind as encoding/json names it ("string", "array",
// "number") with its article.
func withArticle(kind string) string {
	if strings.HasPrefix(kind, "a") || strings.HasPrefix(kind, "o") {
		return "an " + kind
	}
	return "a " + kind
}

// Change is how a finding moved between the two reports.
type Change string

// The changes.
const (
	New        Change = "new"        // open now, not before
	Resolved   Change = "resolved"   // open before, not now
	Persisting Change = "persisting" // open in both
)

// Item is one finding that changed (or did not).
type Item struct {
	Rule    string         `json:"rule"`
	Theme   string         `json:"theme,omitempty"`
	Status  finding.Status `json:"status"`
	Message string         `json:"message"`
	Pointer string         `json:"pointer,omitempty"`
	Line    int            `json:"line,omitempty"`
	// Was is the status before, for a persisting finding whose status
	// changed (warn to fail, or back).
	Was finding.Status `json:"was,omitempty"`
	// Waived says a resolved finding is still there but now waived.
	Waived bool `json:"waived,omitempty"`
	// Files are the places a registry finding names.
	Files []string `json:"files,omitempty"`
}

// DocumentChange is one partnership's changes. In says which reports hold
// it: "both", "new" (only the new report) or "old" (only the old one).
type DocumentChange struct {
	ID          string               `json:"id,omitempty"`
	File        string               `json:"file"`
	OldFile     string               `json:"old_file,omitempty"` // when it moved
	Partnership *finding.Partnership `json:"partnership,omitempty"`
	In          string               `json:"in"`
	Changes
}

// Result is the whole comparison.
type Result struct {
	Old       Meta             `json:"old"`
	New       Meta             `json:"new"`
	Summary   Summary          `json:"summary"`
	Documents []DocumentChange `json:"documents"`
	Registry  DocumentChange   `json:"registry"`
}

// Meta says which report a side is.
type Meta struct {
	File    string `json:"file"`
	Today   string `json:"today"`
	Version string `json:"version"`
}

// Summary counts the changes.
type Summary struct {
	New        int `json:"new"`
	NewFail    int `json:"new_fail"`
	Resolved   int `json:"resolved"`
	Persisting int `json:"persisting"`
	// NotChecked counts findings open in the old report whose rule did not
	// run in the new one (its document broke the schema or is gone).
	NotChecked int `json:"not_checked"`
	// Added and Removed count partnerships only in the new or old report.
	Added   int `json:"added"`
	Removed int `json:"removed"`
}

// open reports whether a finding is one a reviewer must act on.
func open(s finding.Status) bool { return s == finding.Fail || s == finding.Warn }

// Compare sets old against new. Documents are matched by id (by file when
// a document has no id, as one that did not parse); within a document,
// findings by rule and pointer, in order when a rule gives several at one
// pointer.
func Compare(oldName string, old *Report, newName string, cur *Report) Result {
	res := Result{
		Old: Meta{File: oldName, Today: old.Today, Version: old.Tool["version"]},
		New: Meta{File: newName, Today: cur.Today, Version: cur.Tool["version"]},
	}
	oldByKey := map[string]*Document{}
	var oldOrder []string
	for i := range old.Documents {
		k := docKey(&old.Documents[i], oldByKey)
		oldByKey[k] = &old.Documents[i]
		oldOrder = append(oldOrder, k)
	}
	seen := map[string]*Document{}
	matched := map[string]bool{}
	for i := range cur.Documents {
		d := &cur.Documents[i]
		k := docKey(d, seen)
		seen[k] = d
		was := oldByKey[k]
		dc := DocumentChange{ID: d.ID, File: d.File, Partnership: d.Partnership, In: "both"}
		var before []finding.Finding
		if was == nil {
			dc.In = "new"
			res.Summary.Added++
		} else {
			matched[k] = true
			before = was.Findings
			if was.File != d.File {
				dc.OldFile = was.File
			}
		}
		dc.Changes = Findings(before, d.Findings)
		res.Documents = append(res.Documents, dc)
	}
	for _, k := range oldOrder {
		if matched[k] {
			continue
		}
		d := oldByKey[k]
		dc := DocumentChange{ID: d.ID, File: d.File, Partnership: d.Partnership, In: "old"}
		dc.Changes = Findings(d.Findings, nil)
		res.Documents = append(res.Documents, dc)
		res.Summary.Removed++
	}
	res.Registry = DocumentChange{File: "registry", In: "both"}
	res.Registry.Changes = Changes{NotChecked: []Item{}}
	res.Registry.New, res.Registry.Resolved, res.Registry.Persisting = diffRegistry(old.Registry.Findings, cur.Registry.Findings)
	for _, dc := range append(slices.Clone(res.Documents), res.Registry) {
		res.Summary.New += len(dc.New)
		res.Summary.Resolved += len(dc.Resolved)
		res.Summary.Persisting += len(dc.Persisting)
		res.Summary.NotChecked += len(dc.NotChecked)
		for _, it := range dc.New {
			if it.Status == finding.Fail {
				res.Summary.NewFail++
			}
		}
	}
	return res
}

// docKey is the key a document is matched by: its id, or its file when it
// has none; a key already taken in the same report (two descriptors with
// one id) gets the file added.
func docKey(d *Document, taken map[string]*Document) string {
	k := "id:" + d.ID
	if d.ID == "" {
		k = "file:" + d.File
	}
	if _, dup := taken[k]; dup {
		k += "\x00" + d.File
	}
	return k
}

// matching says, for the open findings of before and after: which of after
// persist (and the status each had before); which of before were resolved
// (and whether each is now waived); and which of before cannot be judged,
// because their rule did not run on after (it broke the schema, or the
// document is gone), so they are neither resolved nor persisting.
type matching struct {
	was       map[int]finding.Status // index in after -> status before
	resolved  []int                  // indexes in before
	waived    map[int]bool           // index in before -> waived now
	unchecked []int                  // indexes in before
}

// shifted normalises the list positions in a pointer or message
// ("/action_plan/2/owner", "action_plan[2].owner"), so that a finding
// whose item moved in its list (one inserted before it) is still the same
// finding.
var shifted = regexp.MustCompile(`/[0-9]+|\[[0-9]+\]`)

// match pairs the open findings of before and after: first those alike in
// rule, place and words; then in rule and place; then in rule, place and
// words with list positions set aside. Within each pass, several findings
// of one key are paired in order.
func match(before, after []finding.Finding) matching {
	m := matching{was: map[int]finding.Status{}, waived: map[int]bool{}}
	keys := []func(f finding.Finding) string{
		func(f finding.Finding) string { return f.Rule + "\x00" + f.PointerValue() + "\x00" + f.Message },
		func(f finding.Finding) string { return f.Rule + "\x00" + f.PointerValue() },
		func(f finding.Finding) string {
			return f.Rule + "\x00" + shifted.ReplaceAllString(f.PointerValue(), "#") + "\x00" + shifted.ReplaceAllString(f.Message, "#")
		},
	}
	used := map[int]bool{} // indexes in before already paired
	for _, key := range keys {
		pending := map[string][]int{}
		for i, f := range before {
			if open(f.Status) && !used[i] {
				pending[key(f)] = append(pending[key(f)], i)
			}
		}
		for i, f := range after {
			if _, done := m.was[i]; done || !open(f.Status) {
				continue
			}
			k := key(f)
			if olds := pending[k]; len(olds) > 0 {
				m.was[i] = before[olds[0]].Status
				used[olds[0]] = true
				pending[k] = olds[1:]
			}
		}
	}
	ran := map[string]bool{}
	waivedNow := map[string]int{}
	for _, f := range after {
		if f.Status != finding.Skip {
			ran[f.Rule] = true
		}
		if f.Status == finding.Waived {
			waivedNow[f.Rule+"\x00"+f.PointerValue()]++
		}
	}
	for i, f := range before {
		if !open(f.Status) || used[i] {
			continue
		}
		if !ran[f.Rule] {
			m.unchecked = append(m.unchecked, i)
			continue
		}
		m.resolved = append(m.resolved, i)
		if k := f.Rule + "\x00" + f.PointerValue(); waivedNow[k] > 0 {
			waivedNow[k]--
			m.waived[i] = true
		}
	}
	return m
}

// Changes are the open findings of two versions of one document, sorted.
type Changes struct {
	New        []Item `json:"new"`
	Resolved   []Item `json:"resolved"`
	Persisting []Item `json:"persisting"`
	// NotChecked were open before, but their rule did not run now (the
	// document broke the schema or is gone): not resolved, not judged.
	NotChecked []Item `json:"not_checked"`
}

// Findings sorts the open (warn and fail) findings of two versions of one
// document, matched as match pairs them.
func Findings(before, after []finding.Finding) Changes {
	m := match(before, after)
	c := Changes{New: []Item{}, Resolved: []Item{}, Persisting: []Item{}, NotChecked: []Item{}}
	for i, f := range after {
		if !open(f.Status) {
			continue
		}
		was, ok := m.was[i]
		if !ok {
			c.New = append(c.New, item(f))
			continue
		}
		it := item(f)
		if was != f.Status {
			it.Was = was
		}
		c.Persisting = append(c.Persisting, it)
	}
	for _, i := range m.resolved {
		it := item(before[i])
		it.Waived = m.waived[i]
		c.Resolved = append(c.Resolved, it)
	}
	for _, i := range m.unchecked {
		c.NotChecked = append(c.NotChecked, item(before[i]))
	}
	return c
}

func item(f finding.Finding) Item {
	return Item{Rule: f.Rule, Theme: f.Theme, Status: f.Status, Message: f.Message, Pointer: f.PointerValue(), Line: f.Line}
}

// diffRegistry sorts the open registry findings of two reports, matched
// as matchRegistry pairs them.
func diffRegistry(before, after []finding.RegistryFinding) (added, resolved, persisting []Item) {
	added, resolved, persisting = []Item{}, []Item{}, []Item{}
	regItem := func(f finding.RegistryFinding) Item {
		return Item{Rule: f.Rule, Theme: "registry", Status: f.Status, Message: f.Message, Files: f.Files}
	}
	persists, gone := matchRegistry(before, after)
	for i, f := range after {
		switch {
		case !open(f.Status):
		case persists[i]:
			persisting = append(persisting, regItem(f))
		default:
			added = append(added, regItem(f))
		}
	}
	for _, i := range gone {
		resolved = append(resolved, regItem(before[i]))
	}
	return added, resolved, persisting
}

// matchRegistry pairs the open registry findings of before and after by
// registryKey, in order within a key: persists[i] is true for each finding
// of after that was open before too; gone lists, in order, the findings of
// before that after no longer has.
func matchRegistry(before, after []finding.RegistryFinding) (persists map[int]bool, gone []int) {
	pending := map[string][]int{}
	for i, f := range before {
		if open(f.Status) {
			pending[registryKey(f)] = append(pending[registryKey(f)], i)
		}
	}
	persists = map[int]bool{}
	for i, f := range after {
		if !open(f.Status) {
			continue
		}
		if k := registryKey(f); len(pending[k]) > 0 {
			pending[k] = pending[k][1:]
			persists[i] = true
		}
	}
	for _, idx := range pending {
		gone = append(gone, idx...)
	}
	slices.Sort(gone)
	return persists, gone
}

// registryKey is what a registry finding is matched by: its rule and the
// documents it names (ids, or files where a document has no id), in any
// order.
func registryKey(f finding.RegistryFinding) string {
	var names []string
	for _, l := range f.Locations {
		if l.ID != "" {
			names = append(names, "id:"+l.ID)
		} else {
			names = append(names, "file:"+l.File)
		}
	}
	if len(names) == 0 {
		for _, file := range f.Files {
			names = append(names, "file:"+file)
		}
	}
	slices.Sort(names)
	return f.Rule + "\x00" + strings.Join(slices.Compact(names), "\x00")
}

// Fails reports whether something new reaches failOn (fail, or warn for
// warn and fail).
func (r Result) Fails(failOn finding.Status) bool {
	if failOn == finding.Warn {
		return r.Summary.New > 0
	}
	return r.Summary.NewFail > 0
}
