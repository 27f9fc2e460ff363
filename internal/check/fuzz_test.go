package check_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/testtool"
)

// lineBreak is a line break as the readers and editors see one.
var lineBreak = regexp.MustCompile("\r\n|\r|\n")

// insideFile reports why at is not a position inside data (on one of its
// lines, no further right than just past that line's last character, with
// any UTF-8 byte order mark not counted), or "" when it is.
func insideFile(data []byte, line, column int) string {
	lines := lineBreak.Split(strings.TrimPrefix(string(data), "\uFEFF"), -1)
	if line < 1 || line > len(lines) {
		return fmt.Sprintf("line %d outside 1..%d", line, len(lines))
	}
	if last := utf8.RuneCountInString(lines[line-1]) + 1; column < 1 || column > last {
		return fmt.Sprintf("column %d outside 1..%d of line %d", column, last, line)
	}
	return ""
}

// checkDocument checks the invariants every checked document keeps, whatever
// its input: at least one finding; every finding with a known status and
// rule and a position inside the file; a parse failure as the one finding;
// and for a document that parsed, every enabled rule on the checklist.
func checkDocument(t *testing.T, how string, data []byte, d *finding.Document, rules map[string]bool) {
	t.Helper()
	if d == nil {
		t.Fatalf("%s: no document", how)
	}
	if len(d.Findings) == 0 {
		t.Fatalf("%s: no findings", how)
	}
	switch d.Status {
	case finding.Pass, finding.Warn, finding.Fail:
	default:
		t.Errorf("%s: document status %q", how, d.Status)
	}
	seen := map[string]int{}
	for _, f := range d.Findings {
		seen[f.Rule]++
		switch f.Status {
		case finding.Pass, finding.Skip, finding.Waived, finding.Warn, finding.Fail:
		default:
			t.Errorf("%s: %s has unknown status %q", how, f.Rule, f.Status)
		}
		switch {
		case f.Rule == finding.RuleParse, f.Rule == finding.RuleSchema, rules[f.Rule]:
		case f.Rule == finding.RuleEvaluation:
			// A document the schema accepts must never make a policy fail.
			t.Errorf("%s: the policies failed on a schema-valid document: %s", how, f.Message)
		default:
			t.Errorf("%s: unknown rule %q", how, f.Rule)
		}
		if why := insideFile(data, f.Line, f.Column); why != "" {
			t.Errorf("%s: %s finding %q at %d:%d: %s", how, f.Rule, f.Message, f.Line, f.Column, why)
		}
	}
	if seen[finding.RuleParse] > 0 {
		if len(d.Findings) != 1 {
			t.Errorf("%s: a parse failure and %d other findings, want the parse failure alone", how, len(d.Findings)-1)
		}
		return
	}
	for id := range rules {
		if seen[id] == 0 {
			t.Errorf("%s: rule %s missing from a parsed document's checklist", how, id)
		}
	}
}

// FuzzCheck runs the whole per-document pipeline (read, parse, schema,
// policies, findings) on arbitrary bytes, as YAML and as JSON, and checks
// the invariants of checkDocument. Seeds
// The Checker is prepared once and shared by every input.
func FuzzCheck(f *testing.F) {
	c := newChecker(f)
	rules := map[string]bool{}
	for _, r := range c.Evaluator.Rules() {
		rules[r.ID] = true
	}
	if len(rules) == 0 {
		f.Fatal("no rules enabled")
	}
	// Seeds: the examples and the bad-input corpus as they are now, plus
	// the near-valid variants in testdata/fuzz/FuzzCheck that reach the
	// policies with odd values (CRLF, anchors, extreme numbers and dates).
	bad, err := filepath.Glob(filepath.Join(testtool.RepoRoot(f), "testdata", "bad", "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	paths := bad
	for _, src := range examples(f) {
		paths = append(paths, src.Path)
	}
	for _, p := range paths {
		if filepath.Ext(p) == ".md" || strings.HasPrefix(filepath.Base(p), ".") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		// Large seeds (a 100 KB string) make every mutation and every
		// minimization slow and find nothing the small ones do not.
		if len(data) <= 16<<10 {
			f.Add(data)
		}
	}
	// One process runs its inputs one at a time, so the files are reused.
	dir := f.TempDir()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		// Standard input reads the bytes in the format they look like; a
		// file with the other extension reads them in the other one. Two
		// checks an input cover both readers and both ways of reading.
		stdin := *c // a copy, so the shared Checker is never changed
		stdin.Stdin = bytes.NewReader(data)
		checkDocument(t, "stdin", data, stdin.Check(ctx, discover.Source{Path: discover.Stdin}), rules)
		name := "doc.json"
		if descriptor.SniffFormat(data) == descriptor.JSON {
			name = "doc.yaml"
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		checkDocument(t, name, data, c.Check(ctx, discover.Source{Path: p, Explicit: true}), rules)
	})
}
