package cli_test

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/schemas"
)

var commentedLine = regexp.MustCompile(`^(\s*)# ?(.*)$`)

// uncomment turns on every optional field of the template body (the lines
// after `schema:`), giving a descriptor that uses every field.
func uncomment(template string) string {
	lines := strings.Split(template, "\n")
	body := false
	for i, l := range lines {
		if strings.HasPrefix(l, "schema:") {
			body = true
		}
		if body {
			lines[i] = commentedLine.ReplaceAllString(l, "$1$2")
		}
	}
	return strings.Join(lines, "\n")
}

// schemaKeys lists every property name the schema defines, at any depth.
func schemaKeys(t *testing.T) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(schemas.PartnershipV1, &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if props, ok := x["properties"].(map[string]any); ok {
				for k := range props {
					keys[k] = true
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(doc)
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestInitTemplate(t *testing.T) {
	out := string(runCgcheck(t, "init", "--today", "2008-10-01", "-"))
	if !strings.HasPrefix(out, "# yaml-language-server: $schema="+schemas.PartnershipV1ID+"\n") {
		t.Errorf("template does not start with the yaml-language-server line:\n%s", out[:200])
	}
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"as written": out, "with every optional field": uncomment(out)} {
		doc, err := descriptor.Parse([]byte(text), descriptor.YAML)
		if err != nil {
			t.Fatalf("template %s does not parse: %v\n%s", name, err, text)
		}
		if errs := v.Validate(doc.Value); len(errs) > 0 {
			t.Errorf("template %s breaks the schema: %+v", name, errs)
		}
	}
	full := uncomment(out)
	for _, key := range schemaKeys(t) {
		if !regexp.MustCompile(`(^|[\s{,])` + regexp.QuoteMeta(key) + `:`).MatchString(full) {
			t.Errorf("template lacks field %q", key)
		}
	}
}

func TestSchemaDescribesEveryProperty(t *testing.T) {
	var doc any
	if err := json.Unmarshal(schemas.PartnershipV1, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for k, p := range props {
				pm, _ := p.(map[string]any)
				if pm["title"] == nil || pm["description"] == nil {
					t.Errorf("property %s.%s has no title or description (editors show them on hover)", path, k)
				}
				walk(path+"."+k, p)
			}
		}
		for k, c := range m {
			if k != "properties" {
				if l, ok := c.([]any); ok {
					for _, item := range l {
						walk(path+"."+k, item)
					}
				} else {
					walk(path+"."+k, c)
				}
			}
		}
	}
	walk("", doc)
}
