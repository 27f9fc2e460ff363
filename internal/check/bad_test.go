package check_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/testtool"
)

// badCase is one row of the table in testdata/bad/README.md.
type badCase struct {
	file     string
	settings string
	limits   descriptor.Limits
	rule     string // parse, schema or "none"
	pos      descriptor.Position
	phrase   string
}

func (c badCase) name() string {
	if c.settings == "" {
		return c.file
	}
	return c.file + "," + c.settings
}

// readBadCases reads the table of testdata/bad/README.md, so the page that
// documents each file's finding is the one the test checks.
func readBadCases(t *testing.T, readme string) []badCase {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	var cases []badCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), "|")
		if len(cells) != 6 {
			t.Fatalf("README.md:%d: %d cells, want 6 (file, case, settings, finding, at, message)", n, len(cells))
		}
		cell := func(i int) string { return strings.Trim(strings.TrimSpace(cells[i]), "`") }
		c := badCase{file: cell(0), settings: cell(2), rule: cell(3), phrase: cell(5)}
		if c.settings != "" {
			name, value, _ := strings.Cut(c.settings, "=")
			v, err := strconv.Atoi(value)
			if err != nil {
				t.Fatalf("README.md:%d: settings %q: want name=number", n, c.settings)
			}
			switch name {
			case "max-string-bytes":
				c.limits.MaxString = v
			case "max-depth":
				c.limits.MaxDepth = v
			case "max-items":
				c.limits.MaxItems = v
			default:
				t.Fatalf("README.md:%d: unknown setting %q", n, name)
			}
		}
		switch c.rule {
		case finding.RuleParse, finding.RuleSchema:
			if _, err := fmt.Sscanf(cell(4), "%d:%d", &c.pos.Line, &c.pos.Column); err != nil || c.phrase == "" {
				t.Fatalf("README.md:%d: a %s row needs line:column and a message phrase", n, c.rule)
			}
		case "none":
		default:
			t.Fatalf("README.md:%d: finding %q, want parse, schema or none", n, c.rule)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("%s has no table rows", readme)
	}
	return cases
}

// TestBadInputs checks every file of testdata/bad against its row in the
// README's table: the rule, the position and a phrase of the message; a
// parse failure as the only finding; and a schema failure with every rule
// skipped beside it.
func TestBadInputs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testtool.RepoRoot(t), "testdata", "bad")
	cases := readBadCases(t, filepath.Join(dir, "README.md"))

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, c := range cases {
		rows[c.file] = true
	}
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" || strings.HasPrefix(name, ".") {
			continue
		}
		if !rows[name] {
			t.Errorf("testdata/bad/%s has no row in README.md", name)
		}
		delete(rows, name)
	}
	for name := range rows {
		t.Errorf("README.md has a row for %s, which is not in testdata/bad", name)
	}

	c := newChecker(t)
	rules := map[string]bool{}
	for _, r := range c.Evaluator.Rules() {
		rules[r.ID] = true
	}
	for _, tc := range cases {
		t.Run(tc.name(), func(t *testing.T) {
			t.Parallel()
			checker := *c // a copy: cases differ in limits only
			checker.Limits = tc.limits
			doc := checkWithin(t, &checker, discover.Source{Path: filepath.Join(dir, tc.file), Explicit: true})
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, tc.file, data, doc, rules)

			var failed []finding.Finding
			for _, f := range doc.Findings {
				if f.Status == finding.Fail || f.Status == finding.Warn {
					failed = append(failed, f)
				}
			}
			if tc.rule == "none" {
				for _, f := range doc.Findings {
					if f.Rule == finding.RuleParse || f.Rule == finding.RuleSchema || f.Rule == finding.RuleEvaluation {
						t.Errorf("finding %s at %d:%d: %s; want the file read and schema-valid", f.Rule, f.Line, f.Column, f.Message)
					}
				}
				if doc.Status != finding.Pass {
					t.Errorf("status %s, want pass (findings %+v)", doc.Status, failed)
				}
				return
			}
			if len(failed) == 0 {
				t.Fatalf("no failing finding; want %s at %v containing %q", tc.rule, tc.pos, tc.phrase)
			}
			got := failed[0]
			if got.Rule != tc.rule || got.Line != tc.pos.Line || got.Column != tc.pos.Column || !strings.Contains(got.Message, tc.phrase) {
				t.Errorf("first failing finding:\n  %s at %d:%d: %s\nwant\n  %s at %v containing %q",
					got.Rule, got.Line, got.Column, got.Message, tc.rule, tc.pos, tc.phrase)
			}
			if tc.rule == finding.RuleSchema {
				for _, f := range doc.Findings {
					if f.Rule != finding.RuleSchema && f.Status != finding.Skip {
						t.Errorf("rule %s is %s on a document that breaks the schema, want skip", f.Rule, f.Status)
					}
				}
			}
		})
	}
}

// checkWithin checks one source, turning a panic into a test failure that
// names the file, and a hang into one after a minute. The bound is a guard
// against a hang or an exponential blow-up (an alias bomb expanded), not a
// benchmark: each file takes milliseconds, a thousandth of it.
func checkWithin(t *testing.T, c *check.Checker, src discover.Source) *finding.Document {
	t.Helper()
	type result struct {
		doc   *finding.Document
		panic string
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panic: fmt.Sprintf("%v\n%s", r, debug.Stack())}
			}
		}()
		done <- result{doc: c.Check(context.Background(), src)}
	}()
	select {
	case r := <-done:
		if r.panic != "" {
			t.Fatalf("panic: %s", r.panic)
		}
		return r.doc
	case <-time.After(time.Minute):
		t.Fatalf("%s: still being checked after a minute", src.Path)
		return nil
	}
}
