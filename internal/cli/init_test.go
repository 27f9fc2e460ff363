package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/internal/synth"
	"example.org/cgcheck/schemas"
)

var commentedLine = regexp.MustCompile(`^(\s*)# ?(.*)$`)

// uncomment turns on every optional field of the template body (the lines
// after `schema:`), giving a descriptor that uses every field. The body's
// explanations start "##", so they stay comments.
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

// schemaDoc is the embedded schema as generic JSON.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(schemas.PartnershipV1, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// schemaKeys lists every property name the schema defines, at any depth.
func schemaKeys(t *testing.T) []string {
	t.Helper()
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
	walk(schemaDoc(t))
	var out []string
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// initTemplate is the YAML template as `cgcheck init -` writes it, dated
// synth.Today (the date the fixture's policies check as of).
func initTemplate(t *testing.T) string {
	t.Helper()
	return string(runCgcheck(t, "init", "--today", synth.Today, "-"))
}

// templateVariants are the template as written and with every optional
// field turned on.
func templateVariants(t *testing.T) map[string]string {
	t.Helper()
	out := initTemplate(t)
	return map[string]string{"as written": out, "with every optional field": uncomment(out)}
}

func parseYAML(t *testing.T, text string) any {
	t.Helper()
	doc, err := descriptor.Parse([]byte(text), descriptor.YAML)
	if err != nil {
		t.Fatalf("template does not parse: %v\n%s", err, text)
	}
	return doc.Value
}

func TestInitTemplate(t *testing.T) {
	out := initTemplate(t)
	if !strings.HasPrefix(out, "# yaml-language-server: $schema="+cli.LocalSchemaPath+"\n") {
		t.Errorf("template does not start with the yaml-language-server line:\n%s", out[:200])
	}
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range templateVariants(t) {
		if errs := v.Validate(parseYAML(t, text)); len(errs) > 0 {
			t.Errorf("template %s breaks the schema: %+v", name, errs)
		}
	}
	full := uncomment(out)
	for _, key := range schemaKeys(t) {
		if !regexp.MustCompile(`(^|[\s{,])` + regexp.QuoteMeta(key) + `:`).MatchString(full) {
			t.Errorf("template lacks field %q", key)
		}
	}
	// The forms revision 2 allows are shown, in comments: a list of areas
	// and of boards reported to, and a National Performance Framework link.
	for _, want := range []string{
		"area: [Midlothian, East Lothian]",
		"reports_to: [Integration Joint Board, Community Planning Partnership Board]",
		"{framework: npf, ref: ",
		"Local Outcomes Improvement Plan",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("template does not show %q", want)
		}
	}
}

// The comment forms shown for a list of areas and of boards are themselves
// valid descriptors' values.
func TestInitTemplateListFormsValid(t *testing.T) {
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	out := initTemplate(t)
	for _, form := range []string{
		`(?m)^## .*(area: \[.*\])$`,
		`(?m)^  ## .*(reports_to: \[.*\])$`,
	} {
		m := regexp.MustCompile(form).FindStringSubmatch(out)
		if m == nil {
			t.Errorf("template has no comment matching %s", form)
			continue
		}
		line := m[1]
		text := out
		if strings.HasPrefix(line, "reports_to") {
			text = regexp.MustCompile(`(?m)^  reports_to: .*$`).ReplaceAllString(text, "  "+line)
		} else {
			text = regexp.MustCompile(`(?m)^area: .*$`).ReplaceAllString(text, line)
		}
		if errs := v.Validate(parseYAML(t, text)); len(errs) > 0 {
			t.Errorf("template with %s breaks the schema: %+v", line, errs)
		}
	}
}

func TestSchemaDescribesEveryProperty(t *testing.T) {
	described := map[string]bool{}
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
				described[strings.TrimPrefix(path+"."+k, ".")] = true
			}
		}
		// A list's items are shown on hover too.
		if items, ok := m["items"].(map[string]any); ok {
			if items["title"] == nil || items["description"] == nil {
				t.Errorf("the items of %s have no title or description (editors show them on hover)", path)
			}
			described[path+"[]"] = true
		}
		for k, c := range m {
			switch {
			case k == "properties":
				for name, p := range c.(map[string]any) {
					walk(strings.TrimPrefix(path+"."+name, "."), p)
				}
			case k == "items":
				walk(path+"[]", c)
			default:
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
	walk("", schemaDoc(t))
	// The walk reaches the fields of revision 2 (and so checks them).
	for _, want := range []string{
		"area", "area[]", "governance.reports_to", "governance.reports_to[]",
		"purpose.outcome_links[].framework", "purpose.outcome_links[].ref",
		"risks", "risks[]", "risks[].risk", "risks[].owner", "risks[].mitigation",
		"learning", "learning.dissemination", "learning.evaluation",
	} {
		if !described[want] {
			t.Errorf("the walk did not reach %s", want)
		}
	}
}

// The schema's texts speak of today's frameworks too, not only of the
// study's Single Outcome Agreements.
func TestSchemaNamesTodaysFrameworks(t *testing.T) {
	text := string(schemas.PartnershipV1)
	for _, want := range []string{
		"National Performance Framework",
		"Local Outcomes Improvement Plan",
		"Community Empowerment (Scotland) Act 2015",
		"npf", "national_outcome", "soa", "loip", "locality_plan", "other",
		"frameworks:",
		"references-resolve",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("schema does not mention %q", want)
		}
	}
}

// Placeholders as rules.md defines them ("Shared notions", placeholder),
// with the default params; a check of the template, independent of the
// rule placeholder-text that implements it.
var (
	placeholderTexts = []string{
		"tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be decided",
		"to be determined", "to follow", "n a", "na", "unknown", "not known", "xxx",
		"todo", "fixme", "placeholder", "lorem ipsum",
	}
	placeholderPrefixes = []string{"replace:", "todo:", "fixme:", "tbc", "tba", "tbd", "lorem ipsum"}
)

func isWordRune(r rune) bool { return unicode.In(r, unicode.L, unicode.M, unicode.N) }

// fold is rules.md's fold: lower case, every run of white space and
// punctuation one space, trimmed.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isPlaceholder(s string) bool {
	f := fold(s)
	for _, p := range placeholderTexts {
		if f == p {
			return true
		}
	}
	trimmed := strings.ToLower(strings.TrimSpace(s))
	if trimmed != "" && f == "" {
		return true
	}
	for _, p := range placeholderPrefixes {
		if !strings.HasPrefix(trimmed, p) {
			continue
		}
		last := []rune(p)[len([]rune(p))-1]
		rest := []rune(trimmed[len(p):])
		if !isWordRune(last) || len(rest) == 0 || !isWordRune(rest[0]) {
			return true
		}
	}
	return false
}

func TestIsPlaceholder(t *testing.T) {
	// The examples of rules.md.
	for s, want := range map[string]bool{
		"REPLACE: the task": true, "TBC - awaiting board": true, "TBC-awaiting": true,
		"tbc (board)": true, "tbc-partnership-id": true, "To be confirmed.": true,
		"?": true, "...": true, " TBC ": true,
		"Replace the two counters with one": false, "tbcx": false, "": false, "  ": false,
		"replace-with-partnership-id": false, "Inverclyde": false,
	} {
		if got := isPlaceholder(s); got != want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

// stringValue is one string of a descriptor, at its JSON pointer.
type stringValue struct {
	pointer, value string
	tokens         []string
}

// stringsOf lists every string value of a parsed descriptor, in pointer
// order.
func stringsOf(v any) []stringValue {
	var out []stringValue
	var walk func(tokens []string, v any)
	walk = func(tokens []string, v any) {
		switch x := v.(type) {
		case string:
			out = append(out, stringValue{schema.Pointer(tokens), x, append([]string{}, tokens...)})
		case map[string]any:
			for k, c := range x {
				walk(append(tokens, k), c)
			}
		case []any:
			for i, c := range x {
				walk(append(tokens, strconv.Itoa(i)), c)
			}
		}
	}
	walk(nil, v)
	sort.Slice(out, func(i, j int) bool { return out[i].pointer < out[j].pointer })
	return out
}

// subschema is the schema of the value at tokens, following properties,
// items and $ref.
func subschema(t *testing.T, root map[string]any, tokens []string) map[string]any {
	t.Helper()
	cur := root
	deref := func() {
		for {
			ref, ok := cur["$ref"].(string)
			if !ok {
				return
			}
			cur = root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	for _, tok := range tokens {
		deref()
		if _, err := strconv.Atoi(tok); err == nil {
			cur, _ = cur["items"].(map[string]any)
		} else {
			props, _ := cur["properties"].(map[string]any)
			cur, _ = props[tok].(map[string]any)
		}
		if cur == nil {
			t.Fatalf("the schema has no %s", schema.Pointer(tokens))
		}
	}
	deref()
	return cur
}

// choice reports whether the string at tokens is a genuine choice, for
// which the template may give a sensible default: one of a fixed set
// (enum, const), a date, or the name of an outcome framework.
func choice(t *testing.T, root map[string]any, tokens []string) bool {
	s := subschema(t, root, tokens)
	if s["enum"] != nil || s["const"] != nil || s["format"] == "date" {
		return true
	}
	return len(tokens) == 4 && tokens[0] == "purpose" && tokens[1] == "outcome_links" && tokens[3] == "framework"
}

// placeholdersOf returns the pointers of the placeholders of a parsed
// descriptor.
func placeholdersOf(v any) []string {
	var out []string
	for _, s := range stringsOf(v) {
		if isPlaceholder(s.value) {
			out = append(out, s.pointer)
		}
	}
	return out
}

// TestInitTemplatePlaceholders: every value of the template still to be
// filled in, an id or ref as much as a text, is a placeholder (rules.md),
// so that rule placeholder-text fails until the officer has written it.
func TestInitTemplatePlaceholders(t *testing.T) {
	root := schemaDoc(t)
	for name, text := range templateVariants(t) {
		t.Run(name, func(t *testing.T) {
			value := parseYAML(t, text)
			n := 0
			for _, s := range stringsOf(value) {
				if choice(t, root, s.tokens) {
					continue
				}
				n++
				if !isPlaceholder(s.value) {
					t.Errorf("%s = %q is to be filled in but is not a placeholder: start it with \"REPLACE:\" (a text) or \"tbc-\" (an id)", s.pointer, s.value)
				}
			}
			if n < 12 {
				t.Errorf("only %d values to be filled in", n)
			}
		})
	}
	// The required fields of the template as written, ids included.
	got := placeholdersOf(parseYAML(t, initTemplate(t)))
	want := []string{
		"/area", "/governance/body", "/governance/reports_to", "/id", "/lead/partner",
		"/lead/person", "/name", "/partners/0/id", "/partners/0/name",
		"/purpose/agreed_by/0", "/purpose/task", "/purpose/why_partnership",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("placeholders of the template as written (-want +got):\n%s", diff)
	}
}

// fill writes real text for every placeholder of the template: the text
// after "REPLACE: ", the id after "tbc-" (so that refs still resolve).
func fill(text string) string {
	text = strings.ReplaceAll(text, `"REPLACE: `, `"`)
	return strings.ReplaceAll(text, "tbc-", "")
}

// checkTemplate runs the whole pipeline (schema, policies, waivers) on a
// template text as of synth.Today and returns its findings of rule.
func checkTemplate(t *testing.T, c *check.Checker, text, rule string) []finding.Finding {
	t.Helper()
	path := filepath.Join(t.TempDir(), "partnership.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := c.Check(context.Background(), discover.Source{Path: path, Explicit: true})
	var out []finding.Finding
	for _, f := range doc.Findings {
		switch f.Rule {
		case finding.RuleParse, finding.RuleSchema, finding.RuleEvaluation:
			t.Fatalf("the template was not checked: %s: %s", f.Rule, f.Message)
		case rule:
			out = append(out, f)
		}
	}
	return out
}

// TestInitTemplateTripsPlaceholderText runs the template through the whole
// pipeline: rule placeholder-text fails once for every placeholder, at its
// pointer; once filled in, it passes.
func TestInitTemplateTripsPlaceholderText(t *testing.T) {
	const rule = "placeholder-text"
	c := &check.Checker{Schema: fixture.Validator(t), Evaluator: fixture.Evaluator(t)}
	known := false
	for _, r := range c.Evaluator.Rules() {
		known = known || r.ID == rule
	}
	if !known {
		t.Fatalf("rule %s is not among the built-in rules (rules.md v2): the template cannot be checked for placeholders", rule)
	}
	for name, text := range templateVariants(t) {
		t.Run(name, func(t *testing.T) {
			want := placeholdersOf(parseYAML(t, text))
			var got []string
			for _, f := range checkTemplate(t, c, text, rule) {
				if f.Status != finding.Fail {
					t.Errorf("%s gives %s at %v: %s", rule, f.Status, f.Pointer, f.Message)
					continue
				}
				if f.Pointer == nil {
					t.Errorf("%s finding without a pointer: %s", rule, f.Message)
					continue
				}
				got = append(got, *f.Pointer)
			}
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s findings, one per placeholder (-want +got):\n%s", rule, diff)
			}
		})
		t.Run(name+", filled in", func(t *testing.T) {
			filled := fill(text)
			if left := placeholdersOf(parseYAML(t, filled)); len(left) > 0 {
				t.Fatalf("fill left placeholders at %v", left)
			}
			fs := checkTemplate(t, c, filled, rule)
			if len(fs) != 1 || fs[0].Status != finding.Pass {
				t.Errorf("%s on the filled-in template: %+v, want one pass", rule, fs)
			}
		})
	}
}

// `cgcheck init p.json` writes the template as JSON, fields in the
// template's order, holding the same descriptor as the YAML one.
func TestInitJSON(t *testing.T) {
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	want := parseYAML(t, initTemplate(t))
	for _, file := range []string{"p.json", "P.JSON"} {
		t.Run(file, func(t *testing.T) {
			dir := t.TempDir()
			var out, errOut bytes.Buffer
			code := cli.Main(context.Background(), []string{"init", "--today", synth.Today, file}, cli.Streams{
				Stdout: &out, Stderr: &errOut, Dir: dir, Getenv: func(string) string { return "" },
			})
			if code != 0 {
				t.Fatalf("cgcheck init %s: exit %d: %s", file, code, errOut.String())
			}
			if !strings.Contains(errOut.String(), "wrote "+file+";") || !strings.Contains(errOut.String(), "JSON") {
				t.Errorf("stderr does not say what was written: %s", errOut.String())
			}
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(data) || !bytes.HasPrefix(data, []byte("{\n  \"schema\": ")) || !bytes.HasSuffix(data, []byte("}\n")) {
				t.Fatalf("not indented JSON:\n%s", data)
			}
			doc, err := descriptor.Parse(data, descriptor.JSON)
			if err != nil {
				t.Fatalf("the JSON does not parse: %v\n%s", err, data)
			}
			if errs := v.Validate(doc.Value); len(errs) > 0 {
				t.Errorf("the JSON breaks the schema: %+v", errs)
			}
			if diff := cmp.Diff(want, doc.Value); diff != "" {
				t.Errorf("the JSON differs from the YAML template (-yaml +json):\n%s", diff)
			}
			// The fields keep the template's order.
			dec := json.NewDecoder(bytes.NewReader(data))
			var keys []string
			depth := 0
			for {
				tok, err := dec.Token()
				if err != nil {
					break
				}
				switch tok {
				case json.Delim('{'), json.Delim('['):
					depth++
				case json.Delim('}'), json.Delim(']'):
					depth--
				default:
					if s, ok := tok.(string); ok && depth == 1 && dec.More() {
						keys = append(keys, s)
						// Skip the value.
						var skip json.RawMessage
						if err := dec.Decode(&skip); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			wantKeys := []string{"schema", "id", "name", "area", "status", "type", "purpose", "lifecycle", "lead", "partners", "governance"}
			if diff := cmp.Diff(wantKeys, keys); diff != "" {
				t.Errorf("top-level fields (-want +got):\n%s", diff)
			}
		})
	}
}
