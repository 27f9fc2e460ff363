package descriptor_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/descriptor"
)

// parse reads src, failing the test on any error.
func parse(t *testing.T, src string, format descriptor.Format) *descriptor.Document {
	t.Helper()
	doc, err := descriptor.Parse([]byte(src), format)
	if err != nil {
		t.Fatalf("Parse(%s): %v", format, err)
	}
	return doc
}

// syntaxError returns err as a *descriptor.SyntaxError, failing the test
// when it is not one.
func syntaxError(t *testing.T, err error) *descriptor.SyntaxError {
	t.Helper()
	var se *descriptor.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error = %v (%T), want a *descriptor.SyntaxError", err, err)
	}
	return se
}

// checkSyntaxError checks that err is a SyntaxError at pos whose message
// contains every one of msgs. Messages from the JSON and YAML libraries are
// matched by their stable parts only.
func checkSyntaxError(t *testing.T, err error, pos descriptor.Position, msgs ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one at %v containing %q", pos, msgs)
	}
	se := syntaxError(t, err)
	if diff := cmp.Diff(pos, se.Position); diff != "" {
		t.Errorf("position of %q (-want +got):\n%s", se.Msg, diff)
	}
	for _, m := range msgs {
		if !strings.Contains(se.Msg, m) {
			t.Errorf("message %q does not contain %q", se.Msg, m)
		}
	}
}

func pos(line, column int) descriptor.Position {
	return descriptor.Position{Line: line, Column: column}
}

func TestParseGivesTheSameValueForJSONAndYAML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		json string
		yaml string
		want any
	}{
		{
			name: "descriptor",
			json: `{
  "schema": "cgcheck/partnership/v1",
  "id": "civic-centre",
  "lifecycle": {"start": "2006-04-01", "expires": "2010-03-31"},
  "partners": [
    {"id": "council", "role": "core", "contributes": [{"kind": "budget", "value_gbp": 4500000, "fte": 1.5}]},
    {"id": "police", "representative": {"authority": {"finance": true, "staff": false}}, "remit": null}
  ],
  "monitoring": {"measures": [{"baseline": {"value": -2.25e3, "date": "2006-03-01"}}]},
  "purpose": {"agreed_by": [], "no_gain_areas": ["Court scheduling"], "outcome_links": [{"framework": "national_outcome", "ref": "15"}]},
  "funding": {}
}`,
			yaml: `schema: cgcheck/partnership/v1
id: civic-centre
lifecycle: {start: 2006-04-01, expires: 2010-03-31}
partners:
  - id: council
    role: core
    contributes: [{kind: budget, value_gbp: 4500000, fte: 1.5}]
  - id: police
    representative: {authority: {finance: true, staff: false}}
    remit: null
monitoring:
  measures:
    - baseline: {value: -2.25e3, date: 2006-03-01}
purpose:
  agreed_by: []
  no_gain_areas: [Court scheduling]
  outcome_links: [{framework: national_outcome, ref: "15"}]
funding: {}
`,
			want: map[string]any{
				"schema":    "cgcheck/partnership/v1",
				"id":        "civic-centre",
				"lifecycle": map[string]any{"start": "2006-04-01", "expires": "2010-03-31"},
				"partners": []any{
					map[string]any{
						"id": "council", "role": "core",
						"contributes": []any{map[string]any{"kind": "budget", "value_gbp": json.Number("4500000"), "fte": json.Number("1.5")}},
					},
					map[string]any{
						"id":             "police",
						"representative": map[string]any{"authority": map[string]any{"finance": true, "staff": false}},
						"remit":          nil,
					},
				},
				"monitoring": map[string]any{"measures": []any{
					map[string]any{"baseline": map[string]any{"value": json.Number("-2.25e3"), "date": "2006-03-01"}},
				}},
				"purpose": map[string]any{
					"agreed_by":     []any{},
					"no_gain_areas": []any{"Court scheduling"},
					"outcome_links": []any{map[string]any{"framework": "national_outcome", "ref": "15"}},
				},
				"funding": map[string]any{},
			},
		},
		{
			name: "numbers",
			json: `[0, -1, 1.5, 1e3, -2.25E-3, 12345678901234567890, 123456789012345678901234567890]`,
			yaml: `[0, -1, 1.5, 1e3, -2.25E-3, 12345678901234567890, 123456789012345678901234567890]`,
			want: []any{
				json.Number("0"), json.Number("-1"), json.Number("1.5"), json.Number("1e3"), json.Number("-2.25E-3"),
				json.Number("12345678901234567890"), json.Number("123456789012345678901234567890"),
			},
		},
		{
			name: "booleans and null",
			json: `{"yes": true, "no": false, "none": null}`,
			yaml: "yes: true\nno: false\nnone: null\n",
			want: map[string]any{"yes": true, "no": false, "none": nil},
		},
		{
			name: "strings that look like other things",
			json: `{"ref": "15", "flag": "true", "date": "2006-04-01", "empty": ""}`,
			yaml: "ref: \"15\"\nflag: 'true'\ndate: 2006-04-01\nempty: ''\n",
			want: map[string]any{"ref": "15", "flag": "true", "date": "2006-04-01", "empty": ""},
		},
		{
			name: "unicode",
			json: `{"name": "Comhairle nan Eilean Siar – Ùr 🙂", "é": "\u00fc"}`,
			yaml: "name: Comhairle nan Eilean Siar – Ùr 🙂\né: ü\n",
			want: map[string]any{"name": "Comhairle nan Eilean Siar – Ùr 🙂", "é": "ü"},
		},
		{
			name: "keys needing escapes in a pointer",
			json: `{"a/b": {"c~d": 1}, "": 2}`,
			yaml: "a/b: {c~d: 1}\n\"\": 2\n",
			want: map[string]any{"a/b": map[string]any{"c~d": json.Number("1")}, "": json.Number("2")},
		},
		{
			name: "nested lists",
			json: `[[], [[1], {"a": [true]}]]`,
			yaml: "- []\n- - [1]\n  - a:\n      - true\n",
			want: []any{[]any{}, []any{[]any{json.Number("1")}, map[string]any{"a": []any{true}}}},
		},
		{
			name: "top-level scalar",
			json: `"text"`,
			yaml: `text`,
			want: "text",
		},
		{
			name: "top-level empty array",
			json: `[]`,
			yaml: `[]`,
			want: []any{},
		},
		{
			name: "top-level null",
			json: `null`,
			yaml: `~`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fromJSON := parse(t, tt.json, descriptor.JSON).Value
			fromYAML := parse(t, tt.yaml, descriptor.YAML).Value
			if diff := cmp.Diff(tt.want, fromJSON); diff != "" {
				t.Errorf("JSON value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, fromYAML); diff != "" {
				t.Errorf("YAML value (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseYAMLScalars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		yaml string
		want any
	}{
		// Ints in every notation become the decimal json.Number.
		{"0x10", json.Number("16")},
		{"0X1F", json.Number("31")},
		{"-0x1F", json.Number("-31")},
		{"0o17", json.Number("15")},
		{"0b101", json.Number("5")},
		{"1_000", json.Number("1000")},
		{"+12", json.Number("12")},
		{"-0", json.Number("-0")},
		{"18446744073709551615", json.Number("18446744073709551615")},
		{"007", json.Number("7")},
		{"-12", json.Number("-12")},
		{"9223372036854775807", json.Number("9223372036854775807")},
		{"9223372036854775808", json.Number("9223372036854775808")},
		{"-9223372036854775808", json.Number("-9223372036854775808")},
		{"-9223372036854775809", json.Number("-9223372036854775809")},
		// Floats keep the written digits when they are a JSON number.
		{"1.5", json.Number("1.5")},
		{"1.0", json.Number("1.0")},
		{"1.5e3", json.Number("1.5e3")},
		{"6.8523015e+5", json.Number("6.8523015e+5")},
		{".5", json.Number("0.5")},
		{"-.5", json.Number("-0.5")},
		{"+1.5", json.Number("1.5")},
		{"1.", json.Number("1")},
		{"1_000.5", json.Number("1000.5")},
		// Booleans: YAML 1.2 spellings only.
		{"true", true},
		{"True", true},
		{"FALSE", false},
		{"yes", "yes"},
		{"no", "no"},
		{"on", "on"},
		// Null.
		{"null", nil},
		{"~", nil},
		{"NULL", nil},
		{"", nil},
		// Timestamps stay the strings they were written as.
		{"2006-04-01", "2006-04-01"},
		{"2006-4-1", "2006-4-1"},
		{"2006-04-01T10:30:00Z", "2006-04-01T10:30:00Z"},
		{"2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10 -5"},
		{"!!timestamp 2006-04-01", "2006-04-01"},
		// Strings, however they are written or tagged.
		{`"2006-04-01"`, "2006-04-01"},
		{`"12"`, "12"},
		{"'true'", "true"},
		{"!!str 12", "12"},
		{"!!binary aGk=", "aGk="},
		{"!custom text", "text"},
		{">-\n  one\n  two", "one two"},
		{"|\n  one\n  two", "one\ntwo\n"},
		// Explicit tags convert too.
		{`!!int "12"`, json.Number("12")},
		{`!!float "1.5"`, json.Number("1.5")},
	}
	for _, tt := range tests {
		t.Run(tt.yaml, func(t *testing.T) {
			t.Parallel()
			doc := parse(t, "v: "+tt.yaml+"\n", descriptor.YAML)
			if diff := cmp.Diff(map[string]any{"v": tt.want}, doc.Value); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseJSONNumbersKeepTheirText(t *testing.T) {
	t.Parallel()
	doc := parse(t, `[1.50, -0, 1E+2, 0.1e-400, 1.7e308, 9007199254740993]`, descriptor.JSON)
	want := []any{json.Number("1.50"), json.Number("-0"), json.Number("1E+2"), json.Number("0.1e-400"), json.Number("1.7e308"), json.Number("9007199254740993")}
	if diff := cmp.Diff(want, doc.Value); diff != "" {
		t.Errorf("value (-want +got):\n%s", diff)
	}
}

// A number beyond float64's range is refused by both readers, at the
// number. The YAML resolver leaves such a number a string, which the schema
// reported as "expected number, found a string" while the JSON reader
// accepted the same number: the two formats must agree.
func TestParseRefusesNumbersOutOfRange(t *testing.T) {
	t.Parallel()
	digits := strings.Repeat("9", 400)
	tests := []struct {
		name   string
		format descriptor.Format
		src    string
		pos    descriptor.Position
		msg    string
	}{
		{"JSON 1e400", descriptor.JSON, `{"n": 1e400}`, pos(1, 7), "the number 1e400 is out of range"},
		{"JSON -1e400", descriptor.JSON, `{"n": [1, -1e400]}`, pos(1, 11), "the number -1e400 is out of range"},
		{"JSON 400 digits", descriptor.JSON, "{\n  \"n\": " + digits + "\n}", pos(2, 8), "the number 9999999999999999… (400 characters) is out of range"},
		{"YAML 1e400", descriptor.YAML, "n: 1e400\n", pos(1, 4), "the number 1e400 is out of range"},
		{"YAML -1E+400 in a flow list", descriptor.YAML, "n: [1, -1E+400]\n", pos(1, 8), "the number -1E+400 is out of range"},
		{"YAML .5e400", descriptor.YAML, "n: .5e400\n", pos(1, 4), "the number .5e400 is out of range"},
		{"YAML 400 digits", descriptor.YAML, "a: 1\nn: " + digits + "\n", pos(2, 4), "the number 9999999999999999… (400 characters) is out of range"},
		{"YAML 1_000e400", descriptor.YAML, "n: 1_000e400\n", pos(1, 4), "the number 1_000e400 is out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := descriptor.Parse([]byte(tt.src), tt.format)
			checkSyntaxError(t, err, tt.pos, tt.msg, "quote it if it is text")
		})
	}
	// Quoted, tagged or in range, the same text is fine.
	for _, ok := range []struct {
		format descriptor.Format
		src    string
		want   any
	}{
		{descriptor.YAML, `n: "1e400"`, "1e400"},
		{descriptor.YAML, `n: !!str 1e400`, "1e400"},
		{descriptor.YAML, `n: 1e-400`, json.Number("1e-400")},
		{descriptor.YAML, `n: 1.7e308`, json.Number("1.7e308")},
		{descriptor.JSON, `{"n": "1e400"}`, "1e400"},
		{descriptor.JSON, `{"n": -1e-400}`, json.Number("-1e-400")},
	} {
		doc := parse(t, ok.src, ok.format)
		if diff := cmp.Diff(map[string]any{"n": ok.want}, doc.Value); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", ok.format, ok.src, diff)
		}
	}
}

// positionsJSON and positionsYAML are the same document. Lines 5 and 6 put
// multibyte characters (é: 2 bytes, 🙂: 4 bytes) before other values, so a
// column counted in bytes would be off.
const positionsJSON = `{
  "name": "Ceann-suidhe – Comhairle",
  "partners": [
    {"id": "council", "role": "core"},
    {"id": "pólice", "tags": ["🙂", "é"]}
  ],
  "a/b": {"c~d": 1},
  "": 2
}
`

const positionsYAML = `# Positions to find
name: Ceann-suidhe – Comhairle
partners:
  - id: council
    role: core
  - {id: pólice, tags: [🙂, é]}
a/b: {c~d: 1}
"": 2
`

func TestLocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pointer string
		json    descriptor.Position
		yaml    descriptor.Position
	}{
		{"root", "", pos(1, 1), pos(2, 1)},
		{"string", "/name", pos(2, 11), pos(2, 7)},
		{"array", "/partners", pos(3, 15), pos(4, 3)},
		{"array item", "/partners/0", pos(4, 5), pos(4, 5)},
		{"member of an item", "/partners/0/role", pos(4, 31), pos(5, 11)},
		{"after two-byte characters", "/partners/1/tags", pos(5, 30), pos(6, 24)},
		{"first item, depth 4", "/partners/1/tags/0", pos(5, 31), pos(6, 25)},
		{"after a four-byte character", "/partners/1/tags/1", pos(5, 36), pos(6, 28)},
		{"key with / (escaped ~1)", "/a~1b", pos(7, 10), pos(7, 6)},
		{"key with ~ (escaped ~0)", "/a~1b/c~0d", pos(7, 18), pos(7, 12)},
		{"empty key", "/", pos(8, 7), pos(8, 5)},
		// A missing value is shown at its nearest existing parent.
		{"missing member", "/partners/0/sector", pos(4, 5), pos(4, 5)},
		{"missing item", "/partners/7", pos(3, 15), pos(4, 3)},
		{"missing below a missing item", "/partners/1/tags/5/x", pos(5, 30), pos(6, 24)},
		{"missing top-level member", "/governance/body", pos(1, 1), pos(2, 1)},
		{"unescaped key is not the escaped one", "/a/b", pos(1, 1), pos(2, 1)},
	}
	jsonDoc := parse(t, positionsJSON, descriptor.JSON)
	yamlDoc := parse(t, positionsYAML, descriptor.YAML)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.json, jsonDoc.Locate(tt.pointer)); diff != "" {
				t.Errorf("JSON Locate(%q) (-want +got):\n%s", tt.pointer, diff)
			}
			if diff := cmp.Diff(tt.yaml, yamlDoc.Locate(tt.pointer)); diff != "" {
				t.Errorf("YAML Locate(%q) (-want +got):\n%s", tt.pointer, diff)
			}
		})
	}
}

func TestLocateKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		pointer string
		json    descriptor.Position
		yaml    descriptor.Position
	}{
		{"top-level key", "/name", pos(2, 3), pos(2, 1)},
		{"key of a list", "/partners", pos(3, 3), pos(3, 1)},
		{"key in a list item", "/partners/0/role", pos(4, 23), pos(5, 5)},
		{"key after two-byte characters", "/partners/1/tags", pos(5, 22), pos(6, 18)},
		{"key with /", "/a~1b", pos(7, 3), pos(7, 1)},
		{"key with ~", "/a~1b/c~0d", pos(7, 11), pos(7, 7)},
		{"empty key", "/", pos(8, 3), pos(8, 1)},
		// Without a key, the value's position, then the parent's.
		{"array item has no key", "/partners/1", pos(5, 5), pos(6, 5)},
		{"root", "", pos(1, 1), pos(2, 1)},
		{"missing member", "/partners/0/sector", pos(4, 5), pos(4, 5)},
	}
	jsonDoc := parse(t, positionsJSON, descriptor.JSON)
	yamlDoc := parse(t, positionsYAML, descriptor.YAML)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.json, jsonDoc.LocateKey(tt.pointer)); diff != "" {
				t.Errorf("JSON LocateKey(%q) (-want +got):\n%s", tt.pointer, diff)
			}
			if diff := cmp.Diff(tt.yaml, yamlDoc.LocateKey(tt.pointer)); diff != "" {
				t.Errorf("YAML LocateKey(%q) (-want +got):\n%s", tt.pointer, diff)
			}
		})
	}
}

func TestPointersIndexEveryValue(t *testing.T) {
	t.Parallel()
	want := []string{
		"", "/", "/a~1b", "/a~1b/c~0d", "/name", "/partners",
		"/partners/0", "/partners/0/id", "/partners/0/role",
		"/partners/1", "/partners/1/id", "/partners/1/tags", "/partners/1/tags/0", "/partners/1/tags/1",
	}
	for _, tt := range []struct {
		format descriptor.Format
		src    string
	}{{descriptor.JSON, positionsJSON}, {descriptor.YAML, positionsYAML}} {
		t.Run(tt.format.String(), func(t *testing.T) {
			t.Parallel()
			var got []string
			for p := range parse(t, tt.src, tt.format).Pointers() {
				got = append(got, p)
			}
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pointers (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		format descriptor.Format
		src    string
		pos    descriptor.Position
		msg    []string
	}{
		// JSON.
		{
			name: "JSON missing comma", format: descriptor.JSON,
			src: "{\n  \"id\": \"x\"\n  \"name\": \"y\"\n}\n",
			pos: pos(3, 3), msg: []string{"JSON syntax error: ", "missing comma"},
		},
		{
			name: "JSON missing comma after multibyte text", format: descriptor.JSON,
			src: `{"é": "ü", "b": 1 2}`,
			pos: pos(1, 19), msg: []string{"JSON syntax error: ", "missing comma"},
		},
		{
			// The tokenizer says "after array element"; the hint once
			// looked for "after array value" and never showed in arrays.
			name: "JSON missing comma in an array", format: descriptor.JSON,
			src: "{\n  \"a\": [\"x\"\n         \"y\"]\n}\n",
			pos: pos(3, 10), msg: []string{"JSON syntax error: ", "after array element", "missing comma, colon or closing bracket"},
		},
		{
			name: "JSON unclosed array", format: descriptor.JSON,
			src: "{\n  \"a\": [\"x\",\n  \"b\": 1\n}\n",
			pos: pos(3, 6), msg: []string{"JSON syntax error: ", "after array element", "missing comma, colon or closing bracket"},
		},
		{
			name: "JSON trailing comma in an object", format: descriptor.JSON,
			src: "{\n  \"id\": \"x\",\n  \"name\": \"y\",\n}\n",
			pos: pos(3, 14), msg: []string{"JSON syntax error: ", "no trailing comma"},
		},
		{
			name: "JSON trailing comma in an array", format: descriptor.JSON,
			src: `{"agreed_by": ["a", "b",]}`,
			pos: pos(1, 24), msg: []string{"JSON syntax error: ", "no trailing comma"},
		},
		{
			name: "JSON single quotes", format: descriptor.JSON,
			src: `{'id': 'x'}`,
			pos: pos(1, 2), msg: []string{"JSON syntax error: ", "double quotes"},
		},
		{
			name: "JSON unterminated string", format: descriptor.JSON,
			src: "{\n  \"id\": \"abc",
			pos: pos(2, 13), msg: []string{"JSON syntax error: ", "unexpected EOF", "missing } or ]"},
		},
		{
			name: "JSON line break in a string", format: descriptor.JSON,
			src: "{\n  \"id\": \"abc\n\"}\n",
			pos: pos(2, 13), msg: []string{"JSON syntax error: ", `invalid character '\n' in string`, "a missing closing quote?"},
		},
		{
			name: "JSON unterminated object", format: descriptor.JSON,
			src: "{\n  \"id\": \"x\"\n",
			pos: pos(3, 1), msg: []string{"JSON syntax error: ", "unexpected EOF", "missing } or ]"},
		},
		{
			name: "JSON unterminated array without a newline", format: descriptor.JSON,
			src: `{"a": [1, 2`,
			pos: pos(1, 12), msg: []string{"unexpected EOF"},
		},
		{
			name: "JSON second document", format: descriptor.JSON,
			src: "{\"id\": \"a\"}\n{\"id\": \"b\"}\n",
			pos: pos(2, 1), msg: []string{"unexpected data after the end of the JSON document; a file holds one descriptor"},
		},
		{
			name: "JSON trailing word", format: descriptor.JSON,
			src: `{"id": "a"} x`,
			pos: pos(1, 13), msg: []string{"unexpected data after the end of the JSON document"},
		},
		{
			name: "JSON trailing bracket", format: descriptor.JSON,
			src: "{\"id\": \"a\"}\n  ]\n",
			pos: pos(2, 3), msg: []string{"unexpected data after the end of the JSON document"},
		},
		{
			name: "JSON bad literal", format: descriptor.JSON,
			src: `{"a": tru}`,
			pos: pos(1, 10), msg: []string{"JSON syntax error: ", "literal true"},
		},
		{
			name: "JSON duplicate key", format: descriptor.JSON,
			src: "{\n  \"id\": \"first\",\n  \"name\": \"x\",\n  \"id\": \"second\"\n}\n",
			pos: pos(4, 3),
			msg: []string{`key "id" appears twice in the same object (lines 2 and 4); keep one — a repeated key would silently hide the first value`},
		},
		{
			name: "JSON duplicate key nested", format: descriptor.JSON,
			src: "{\n  \"lead\": {\n    \"partner\": \"a\",\n    \"person\": \"b\",\n    \"partner\": \"c\"\n  }\n}\n",
			pos: pos(5, 5), msg: []string{`key "partner" appears twice in the same object (lines 3 and 5)`},
		},
		{
			name: "JSON duplicate key written with an escape", format: descriptor.JSON,
			src: `{"id": "a", "\u0069d": "b"}`,
			pos: pos(1, 13), msg: []string{`key "id" appears twice in the same object (lines 1 and 1)`},
		},
		{
			name: "JSON same key in sibling objects is fine, duplicate in the second is not", format: descriptor.JSON,
			src: "[{\"id\": 1}, {\"id\": 2,\n \"id\": 3}]",
			pos: pos(2, 2), msg: []string{`key "id" appears twice in the same object (lines 1 and 2)`},
		},
		// YAML.
		{
			name: "YAML duplicate key", format: descriptor.YAML,
			src: "id: first\nname: x\nid: second\n",
			pos: pos(3, 1),
			msg: []string{`key "id" appears twice in the same mapping (lines 1 and 3); keep one — a repeated key would silently hide the first value`},
		},
		{
			name: "YAML duplicate key nested", format: descriptor.YAML,
			src: "id: x\nlead:\n  partner: council\n  person: Head of Property\n  partner: police\n",
			pos: pos(5, 3), msg: []string{`key "partner" appears twice in the same mapping (lines 3 and 5)`},
		},
		{
			name: "YAML duplicate key in a list item", format: descriptor.YAML,
			src: "partners:\n  - id: a\n  - id: b\n    role: core\n    id: c\n",
			pos: pos(5, 5), msg: []string{`key "id" appears twice in the same mapping (lines 3 and 5)`},
		},
		{
			name: "YAML duplicate key in a flow mapping", format: descriptor.YAML,
			src: "lead: {partner: a, partner: b}\n",
			pos: pos(1, 20), msg: []string{`key "partner" appears twice in the same mapping (lines 1 and 1)`},
		},
		{
			// Over 32 keys the earlier keys are looked up in a map, not scanned.
			name: "YAML duplicate key in a large mapping", format: descriptor.YAML,
			src: manyKeys(40) + "k7: again\n",
			pos: pos(41, 1), msg: []string{`key "k7" appears twice in the same mapping (lines 8 and 41)`},
		},
		{
			name: "YAML duplicate key quoted once", format: descriptor.YAML,
			src: "id: a\n\"id\": b\n",
			pos: pos(2, 1), msg: []string{`key "id" appears twice`},
		},
		{
			name: "YAML duplicate key in a mapping merged inline", format: descriptor.YAML,
			src: "lead:\n  <<: {partner: a, partner: b}\n",
			pos: pos(2, 20), msg: []string{`key "partner" appears twice in the same mapping (lines 2 and 2)`},
		},
		{
			name: "YAML key indented too far", format: descriptor.YAML,
			src: "purpose:\n  task: Build\n   why_partnership: Cheaper\n",
			pos: pos(3, 19), msg: []string{"YAML syntax error: ", "mapping values are not allowed", "check the indentation"},
		},
		{
			name: "YAML key indented too little", format: descriptor.YAML,
			src: "purpose:\n  task: Build\n why_partnership: Cheaper\n",
			pos: pos(3, 2), msg: []string{"YAML syntax error: ", "did not find expected key"},
		},
		{
			name: "YAML value with colon and space", format: descriptor.YAML,
			src: "name: Board: Steering\n",
			pos: pos(1, 12), msg: []string{"mapping values are not allowed", `quote a value that contains ": "`},
		},
		{
			name: "YAML tab indentation", format: descriptor.YAML,
			src: "lead:\n\tpartner: council\n",
			pos: pos(2, 1), msg: []string{"YAML syntax error: ", "cannot start any token", "YAML does not allow tabs for indentation; use spaces"},
		},
		{
			// A tab before a plain scalar's continuation gets another
			// message from the library; the hint must show there too.
			name: "YAML tab indentation inside a mapping", format: descriptor.YAML,
			src: "lifecycle:\n  start: 2006-04-01\n\tend: soon\n",
			pos: pos(3, 1), msg: []string{"YAML syntax error: ", "tab character that violates indentation", "YAML does not allow tabs for indentation; use spaces"},
		},
		{
			name: "YAML unclosed flow sequence", format: descriptor.YAML,
			src: "agreed_by: [a, b\nname: x\n",
			pos: pos(2, 5), msg: []string{"YAML syntax error: while parsing a flow sequence: ", "did not find expected ',' or ']'", "(in the [ list opened at 1:12)"},
		},
		{
			name: "YAML unclosed flow sequence at the end", format: descriptor.YAML,
			src: "id: x\nagreed_by: [a, b\n",
			pos: pos(3, 1), msg: []string{"while parsing a flow sequence", "(in the [ list opened at 2:12)"},
		},
		{
			name: "YAML unclosed flow sequence at the end without a line break", format: descriptor.YAML,
			src: "id: x\nagreed_by: [a, b",
			pos: pos(2, 17), msg: []string{"while parsing a flow sequence"},
		},
		{
			name: "YAML unclosed flow mapping", format: descriptor.YAML,
			src: "lead: {partner: a\n",
			pos: pos(2, 1), msg: []string{"while parsing a flow mapping", "(in the { mapping opened at 1:7)"},
		},
		{
			// The library fails at the end of the file; the finding is
			// at the opening quote, where the fix goes.
			name: "YAML unterminated quoted string", format: descriptor.YAML,
			src: "name: \"Board\n",
			pos: pos(1, 7), msg: []string{"YAML syntax error: the quoted string that starts here is never closed; add the closing quote"},
		},
		{
			name: "YAML unterminated single-quoted string before more keys", format: descriptor.YAML,
			src: "id: x\nname: 'Board\n\nstatus: active\n",
			pos: pos(2, 7), msg: []string{"the quoted string that starts here is never closed"},
		},
		{
			name: "YAML list then mapping", format: descriptor.YAML,
			src: "- a\nid: x\n",
			pos: pos(2, 1), msg: []string{"did not find expected '-' indicator"},
		},
		{
			name: "YAML two documents", format: descriptor.YAML,
			src: "id: a\n---\nid: b\n",
			pos: pos(2, 1), msg: []string{"file holds more than one YAML document (a second --- line); put each partnership in a file of its own"},
		},
		{
			name: "YAML two documents each with a marker", format: descriptor.YAML,
			src: "# first\n---\nid: a\n--- # second\nid: b\n",
			pos: pos(4, 1), msg: []string{"more than one YAML document"},
		},
		{
			name: "YAML unknown anchor", format: descriptor.YAML,
			src: "lead: *boss\n",
			pos: pos(1, 7), msg: []string{"YAML syntax error: ", "unknown anchor 'boss' referenced"},
		},
		{
			name: "YAML key that is a list", format: descriptor.YAML,
			src: "? [a, b]\n: 1\n",
			pos: pos(1, 3), msg: []string{"a key must be a plain name, not a list or mapping"},
		},
		{
			name: "YAML infinity", format: descriptor.YAML,
			src: "value_gbp: .inf\n",
			pos: pos(1, 12), msg: []string{".inf is not a finite number; descriptors hold plain numbers (quote it if it is text)"},
		},
		{
			name: "YAML not a number", format: descriptor.YAML,
			src: "fte:\n  .NaN\n",
			pos: pos(2, 3), msg: []string{".NaN is not a finite number"},
		},
		{
			name: "YAML merge of a scalar", format: descriptor.YAML,
			src: "lead:\n  <<: council\n",
			pos: pos(2, 7), msg: []string{"a merge key (<<) must name a mapping"},
		},
		// Nothing to read.
		{
			name: "JSON empty file", format: descriptor.JSON, src: "",
			pos: pos(1, 1), msg: []string{"file is empty; a descriptor needs at least the required fields (run `cgcheck init` for a template)"},
		},
		{
			name: "YAML empty file", format: descriptor.YAML, src: "",
			pos: pos(1, 1), msg: []string{"file is empty"},
		},
		{
			name: "JSON white space only", format: descriptor.JSON, src: " \n\t\r\n  \n",
			pos: pos(1, 1), msg: []string{"file is empty"},
		},
		{
			name: "YAML white space only", format: descriptor.YAML, src: "\n\n   \n",
			pos: pos(1, 1), msg: []string{"file is empty"},
		},
		{
			name: "BOM only", format: descriptor.YAML, src: "\uFEFF\n",
			pos: pos(1, 1), msg: []string{"file is empty"},
		},
		{
			name: "YAML comments only", format: descriptor.YAML, src: "# id: draft\n\n  # name: later\n",
			pos: pos(1, 1), msg: []string{"file holds no YAML data; a descriptor needs at least the required fields"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := descriptor.Parse([]byte(tt.src), tt.format)
			if doc != nil {
				t.Errorf("Parse returned a document with its error: %#v", doc.Value)
			}
			checkSyntaxError(t, err, tt.pos, tt.msg...)
		})
	}
}

func TestParseEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		format descriptor.Format
		src    string
		pos    descriptor.Position
		msg    string
	}{
		{
			name: "UTF-16 LE with BOM", format: descriptor.JSON,
			src: "\xFF\xFE{\x00\"\x00i\x00d\x00\"\x00",
			pos: pos(1, 1), msg: "file is UTF-16 encoded; save it as UTF-8",
		},
		{
			name: "UTF-16 BE with BOM", format: descriptor.YAML,
			src: "\xFE\xFF\x00i\x00d\x00:",
			pos: pos(1, 1), msg: "file is UTF-16 encoded; save it as UTF-8",
		},
		{
			name: "UTF-16 LE without BOM", format: descriptor.JSON,
			src: "{\x00\"\x00i\x00d\x00\"\x00",
			pos: pos(1, 2), msg: "file looks UTF-16 encoded (NUL bytes between characters); save it as UTF-8",
		},
		{
			name: "UTF-16 BE without BOM", format: descriptor.YAML,
			src: "\x00i\x00d\x00:\x00 \x00x",
			pos: pos(1, 1), msg: "file looks UTF-16 encoded (NUL bytes between characters); save it as UTF-8",
		},
		{
			name: "UTF-32 LE with BOM", format: descriptor.JSON,
			src: "\xFF\xFE\x00\x00{\x00\x00\x00",
			pos: pos(1, 1), msg: "file is UTF-32 encoded; save it as UTF-8",
		},
		{
			name: "UTF-32 BE with BOM", format: descriptor.YAML,
			src: "\x00\x00\xFE\xFF\x00\x00\x00i",
			pos: pos(1, 1), msg: "file is UTF-32 encoded; save it as UTF-8",
		},
		{
			name: "Latin-1 byte", format: descriptor.JSON,
			src: "{\n  \"name\": \"caf\xE9\"\n}\n",
			pos: pos(2, 15), msg: "invalid UTF-8 (byte 0xE9); save the file as UTF-8",
		},
		{
			name: "invalid byte after multibyte characters", format: descriptor.YAML,
			src: "id: x\nname: Ùré\x80\n",
			pos: pos(2, 10), msg: "invalid UTF-8 (byte 0x80)",
		},
		{
			name: "truncated sequence", format: descriptor.YAML,
			src: "a: 1\nb: \xE2\x82\n",
			pos: pos(2, 4), msg: "invalid UTF-8 (byte 0xE2)",
		},
		{
			name: "invalid UTF-8 after a BOM", format: descriptor.JSON,
			src: "\uFEFF{\"a\": \"\xFF\"}",
			pos: pos(1, 8), msg: "invalid UTF-8 (byte 0xFF)",
		},
		{
			name: "NUL byte", format: descriptor.JSON,
			src: "{\"a\":\n 1,\x00}",
			pos: pos(2, 4), msg: "file contains a NUL byte; descriptors are UTF-8 text",
		},
		{
			name: "NUL byte after multibyte characters", format: descriptor.YAML,
			src: "id: x\nname: é🙂\x00\n",
			pos: pos(2, 9), msg: "file contains a NUL byte",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := descriptor.Parse([]byte(tt.src), tt.format)
			checkSyntaxError(t, err, tt.pos, tt.msg)
		})
	}
}

// A UTF-8 byte order mark is dropped: the document reads as without it, and
// columns on the first line do not count it.
func TestParseAcceptsUTF8BOM(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		format descriptor.Format
		src    string
		pos    descriptor.Position
	}{
		{descriptor.JSON, `{"id": "x"}`, pos(1, 8)},
		{descriptor.YAML, "id: x\n", pos(1, 5)},
	} {
		t.Run(tt.format.String(), func(t *testing.T) {
			t.Parallel()
			doc := parse(t, "\uFEFF"+tt.src, tt.format)
			if diff := cmp.Diff(map[string]any{"id": "x"}, doc.Value); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.pos, doc.Locate("/id")); diff != "" {
				t.Errorf("Locate(/id) (-want +got):\n%s", diff)
			}
		})
	}
}

// LF, CRLF and a lone CR (old Mac files) each end a line, in both formats,
// as they do in an editor.
func TestParseLineEnds(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		format descriptor.Format
		src    string
		pos    descriptor.Position
	}{
		{"JSON LF", descriptor.JSON, "{\n  \"a\": 1,\n  \"b\": [2]\n}\n", pos(3, 9)},
		{"JSON CRLF", descriptor.JSON, "{\r\n  \"a\": 1,\r\n  \"b\": [2]\r\n}\r\n", pos(3, 9)},
		{"JSON CR", descriptor.JSON, "{\r  \"a\": 1,\r  \"b\": [2]\r}\r", pos(3, 9)},
		{"YAML LF", descriptor.YAML, "a: 1\nb:\n  - 2\n", pos(3, 5)},
		{"YAML CRLF", descriptor.YAML, "a: 1\r\nb:\r\n  - 2\r\n", pos(3, 5)},
		{"YAML CR", descriptor.YAML, "a: 1\rb:\r  - 2\r", pos(3, 5)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := parse(t, tt.src, tt.format)
			if diff := cmp.Diff(tt.pos, doc.Locate("/b/0")); diff != "" {
				t.Errorf("Locate(/b/0) (-want +got):\n%s", diff)
			}
		})
	}
	// Errors too: the NUL byte is on line 2 whatever ends line 1.
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		_, err := descriptor.Parse([]byte("a: 1"+eol+"b: \x00"), descriptor.YAML)
		checkSyntaxError(t, err, pos(2, 4), "NUL byte")
	}
}

// An empty value has no text of its own; it is placed where it would stand,
// and never past the end of the file even when the file has no final line
// break (the YAML library reports such a value on the line after the last).
func TestLocateEmptyValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		src     string
		pointer string
		want    descriptor.Position
	}{
		{"value after the colon", "id: x\nlead:\n", "/lead", pos(2, 6)},
		{"value at the end without a line break", "id: x\nlead:", "/lead", pos(2, 6)},
		{"explicit key", "? lead\nid: x\n", "/lead", pos(2, 1)},
		{"explicit key at the end", "id: x\n? lead\n", "/lead", pos(3, 1)},
		{"explicit key at the end without a line break", "id: x\n? lead", "/lead", pos(2, 7)},
		{"empty key at the end without a line break", "?", "/", pos(1, 2)},
		{"explicit non-ASCII key at the end without a line break", "id: x\n? léad", "/léad", pos(2, 7)},
		{"value after a non-ASCII key at the end without a line break", "id: x\nnäme:", "/näme", pos(2, 6)},
		{"list item", "- \n- x\n", "/0", pos(1, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := parse(t, tt.src, descriptor.YAML)
			if diff := cmp.Diff(tt.want, doc.Locate(tt.pointer)); diff != "" {
				t.Errorf("Locate(%q) (-want +got):\n%s", tt.pointer, diff)
			}
			checkPositionsInside(t, []byte(tt.src), doc)
		})
	}
}

func TestParseLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		format descriptor.Format
		limits descriptor.Limits
		src    string
		pos    descriptor.Position // zero when src is within the limits
		msg    string
	}{
		{
			name: "JSON at the depth limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxDepth: 3}, src: `[[{"a": 1}]]`,
		},
		{
			name: "JSON over the depth limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxDepth: 3}, src: "[[\n  {\"a\": [1]}]]",
			pos: pos(2, 9), msg: "nesting is deeper than 3 levels; a descriptor is only a few levels deep",
		},
		{
			name: "YAML at the depth limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxDepth: 3}, src: "- - a: 1\n",
		},
		{
			name: "YAML over the depth limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxDepth: 3}, src: "- - a:\n      - 1\n",
			pos: pos(2, 7), msg: "nesting is deeper than 3 levels; a descriptor is only a few levels deep",
		},
		{
			name: "JSON array at the item limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxItems: 3}, src: `[1, 2, 3]`,
		},
		{
			name: "JSON array over the item limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxItems: 3}, src: "[1, 2, 3,\n 4, 5]",
			pos: pos(2, 2), msg: "an array has more than 3 items",
		},
		{
			name: "JSON object over the item limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxItems: 2}, src: `{"a": 1, "b": 2, "c": 3}`,
			pos: pos(1, 23), msg: "an object has more than 2 members",
		},
		{
			name: "YAML list at the item limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxItems: 3}, src: "a: [1, 2, 3]\n",
		},
		{
			name: "YAML list over the item limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxItems: 3}, src: "a:\n  - 1\n  - 2\n  - 3\n  - 4\n",
			pos: pos(2, 3), msg: "a list has 4 items, over the limit of 3",
		},
		{
			name: "YAML mapping over the item limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxItems: 2}, src: "x:\n  a: 1\n  b: 2\n  c: 3\n",
			pos: pos(2, 3), msg: "a mapping has 3 keys, over the limit of 2",
		},
		{
			name: "JSON string at the limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxString: 4}, src: `{"name": "abcd", "é": "éé"}`,
		},
		{
			name: "JSON string over the limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxString: 4}, src: `{"name": "abcde"}`,
			pos: pos(1, 10), msg: "a string is 5 bytes long, over the limit of 4",
		},
		{
			name: "JSON string over the limit in bytes, not characters", format: descriptor.JSON,
			limits: descriptor.Limits{MaxString: 4}, src: `{"name": "ééé"}`,
			pos: pos(1, 10), msg: "a string is 6 bytes long, over the limit of 4",
		},
		{
			name: "JSON string over the limit once unescaped", format: descriptor.JSON,
			limits: descriptor.Limits{MaxString: 4}, src: `{"name": "\u00e9\u00e9\u00e9"}`,
			pos: pos(1, 10), msg: "a string is 6 bytes long, over the limit of 4",
		},
		{
			name: "JSON key over the limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxString: 4}, src: `{"names": "a"}`,
			pos: pos(1, 2), msg: "a key is 5 bytes long, over the limit of 4",
		},
		{
			name: "YAML string at the limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxString: 4}, src: "name: abcd\né: éé\n",
		},
		{
			name: "YAML string over the limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxString: 4}, src: "name: abcde\n",
			pos: pos(1, 7), msg: "a string is 5 bytes long, over the limit of 4",
		},
		{
			name: "YAML block string over the limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxString: 4}, src: "name: |\n  ab\n  cd\n",
			pos: pos(1, 7), msg: "a string is 6 bytes long, over the limit of 4",
		},
		{
			name: "YAML key over the limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxString: 4}, src: "id: x\nnames: a\n",
			pos: pos(2, 1), msg: "a key is 5 bytes long, over the limit of 4",
		},
		{
			name: "file at the size limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxBytes: 11}, src: `{"id": "x"}`,
		},
		{
			name: "JSON file over the size limit", format: descriptor.JSON,
			limits: descriptor.Limits{MaxBytes: 10}, src: `{"id": "x"}`,
			pos: pos(1, 1), msg: "file is 11 bytes, over the limit of 10 bytes; a descriptor is a few KB (limit max-file-bytes: raise it with --max-file-bytes",
		},
		{
			name: "YAML file over the size limit counts the BOM", format: descriptor.YAML,
			limits: descriptor.Limits{MaxBytes: 6}, src: "\uFEFFid: x\n",
			pos: pos(1, 1), msg: "file is 9 bytes, over the limit of 6 bytes",
		},
		{
			name: "aliases at the expansion limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxAliasWork: 6}, src: "x: &x [1, 2]\ny: [*x, *x]\n",
		},
		{
			name: "aliases over the expansion limit", format: descriptor.YAML,
			limits: descriptor.Limits{MaxAliasWork: 5}, src: "x: &x [1, 2]\ny: [*x, *x]\n",
			pos: pos(1, 11), msg: "aliases expand to more than 5 values; refusing to expand them further (an alias bomb?)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := descriptor.ParseWithLimits([]byte(tt.src), tt.format, tt.limits)
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("within the limits, got %v", err)
				}
				return
			}
			checkSyntaxError(t, err, tt.pos, tt.msg)
		})
	}
}

// billionLaughs is the classic alias bomb: nine levels of nine aliases each,
// which would expand to 9^9 (387 million) strings.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	prev := "a"
	for _, name := range strings.Split("bcdefghi", "") {
		fmt.Fprintf(&b, "%s: &%s [%s]\n", name, name, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = name
	}
	b.WriteString("j: *i\n")
	return b.String()
}

// Hostile input is refused by the default limits, and quickly (without a
// timed assertion: a regression would show as a slow or killed test run).
func TestParseDefaultLimitsRefuseHostileInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		format descriptor.Format
		src    string
		pos    descriptor.Position
		msg    string
	}{
		{
			name: "JSON 10,000 unclosed [", format: descriptor.JSON,
			src: strings.Repeat("[", 10000),
			pos: pos(1, 65), msg: "nesting is deeper than 64 levels",
		},
		{
			name: "JSON 10,000 nested arrays", format: descriptor.JSON,
			src: strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
			pos: pos(1, 65), msg: "nesting is deeper than 64 levels",
		},
		{
			name: "JSON 10,000 nested objects", format: descriptor.JSON,
			src: strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000),
			pos: pos(1, 321), msg: "nesting is deeper than 64 levels",
		},
		{
			// Both readers stop at the 65th container, one past the limit.
			name: "YAML 10,000 nested flow lists", format: descriptor.YAML,
			src: strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
			pos: pos(1, 65), msg: "nesting is deeper than 64 levels",
		},
		{
			name: "YAML 100 nested block mappings", format: descriptor.YAML,
			src: func() string {
				var b strings.Builder
				for i := range 100 {
					b.WriteString(strings.Repeat("  ", i) + "k:\n")
				}
				return b.String() + strings.Repeat("  ", 100) + "v: 1\n"
			}(),
			pos: pos(65, 129), msg: "nesting is deeper than 64 levels",
		},
		{
			name: "YAML billion laughs", format: descriptor.YAML,
			src: billionLaughs(),
			pos: pos(1, 26), msg: "aliases expand to more than 100000 values; refusing to expand them further (an alias bomb?)",
		},
		{
			name: "JSON 20,000 items", format: descriptor.JSON,
			src: "[" + strings.Repeat("0,", 20000) + "0]",
			pos: pos(1, 20002), msg: "an array has more than 10000 items",
		},
		{
			name: "file over 10 MiB", format: descriptor.YAML,
			src: "a: " + strings.Repeat("x", 10<<20),
			pos: pos(1, 1), msg: "file is 10485763 bytes, over the limit of 10485760 bytes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := descriptor.Parse([]byte(tt.src), tt.format)
			checkSyntaxError(t, err, tt.pos, tt.msg)
		})
	}
}

func TestParseYAMLMergeKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		yaml      string
		want      any
		positions map[string]descriptor.Position // pointer -> Locate
		keys      map[string]descriptor.Position // pointer -> LocateKey
	}{
		{
			name: "local keys win over merged ones",
			yaml: `defaults: &defaults
  role: contributor
  sector: public
partner:
  <<: *defaults
  role: core
`,
			want: map[string]any{
				"defaults": map[string]any{"role": "contributor", "sector": "public"},
				"partner":  map[string]any{"role": "core", "sector": "public"},
			},
			positions: map[string]descriptor.Position{
				"/partner":        pos(5, 3),
				"/partner/role":   pos(6, 9),
				"/partner/sector": pos(3, 11), // where the merged value is written
			},
			keys: map[string]descriptor.Position{
				"/partner":      pos(4, 1),
				"/partner/role": pos(6, 3),
			},
		},
		{
			name: "local keys win even before the merge key",
			yaml: "d: &d {role: contributor, sector: public}\np:\n  role: core\n  <<: *d\n",
			want: map[string]any{
				"d": map[string]any{"role": "contributor", "sector": "public"},
				"p": map[string]any{"role": "core", "sector": "public"},
			},
			positions: map[string]descriptor.Position{"/p/role": pos(3, 9), "/p/sector": pos(1, 35)},
			keys:      map[string]descriptor.Position{"/p/role": pos(3, 3)},
		},
		{
			name: "earlier mappings in a merge list win",
			yaml: "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 3\n",
			want: map[string]any{
				"a": map[string]any{"x": json.Number("1"), "y": json.Number("1")},
				"b": map[string]any{"y": json.Number("2"), "z": json.Number("2")},
				"c": map[string]any{"w": json.Number("3"), "x": json.Number("1"), "y": json.Number("1"), "z": json.Number("2")},
			},
			positions: map[string]descriptor.Position{"/c/y": pos(1, 17), "/c/z": pos(2, 17), "/c/w": pos(5, 6)},
		},
		{
			name: "a mapping merged inline keeps its keys' positions",
			yaml: "p:\n  <<: {role: contributor, sector: public}\n  role: core\n",
			want: map[string]any{"p": map[string]any{"role": "core", "sector": "public"}},
			positions: map[string]descriptor.Position{
				"/p":        pos(2, 3),
				"/p/role":   pos(3, 9),
				"/p/sector": pos(2, 35),
			},
			keys: map[string]descriptor.Position{"/p/role": pos(3, 3), "/p/sector": pos(2, 27)},
		},
		{
			name: "merged keys stay in their own mapping",
			yaml: "d: &d {role: core}\nlist:\n  - <<: *d\n    id: a\n  - id: b\n",
			want: map[string]any{
				"d": map[string]any{"role": "core"},
				"list": []any{
					map[string]any{"id": "a", "role": "core"},
					map[string]any{"id": "b"},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := parse(t, tt.yaml, descriptor.YAML)
			if diff := cmp.Diff(tt.want, doc.Value); diff != "" {
				t.Errorf("value (-want +got):\n%s", diff)
			}
			for p, want := range tt.positions {
				if diff := cmp.Diff(want, doc.Locate(p)); diff != "" {
					t.Errorf("Locate(%q) (-want +got):\n%s", p, diff)
				}
			}
			for p, want := range tt.keys {
				if diff := cmp.Diff(want, doc.LocateKey(p)); diff != "" {
					t.Errorf("LocateKey(%q) (-want +got):\n%s", p, diff)
				}
			}
		})
	}
}

// A value reached through an alias is located at the alias; what lies inside
// it at the anchor it names, so every position is somewhere in the file.
func TestParseYAMLAliasPositions(t *testing.T) {
	t.Parallel()
	src := `core: &core [council, police]
lead: &lead {partner: council, person: Chief Executive}
purpose:
  agreed_by: *core
sponsor: *lead
`
	doc := parse(t, src, descriptor.YAML)
	want := map[string]any{
		"core":    []any{"council", "police"},
		"lead":    map[string]any{"partner": "council", "person": "Chief Executive"},
		"purpose": map[string]any{"agreed_by": []any{"council", "police"}},
		"sponsor": map[string]any{"partner": "council", "person": "Chief Executive"},
	}
	if diff := cmp.Diff(want, doc.Value); diff != "" {
		t.Errorf("value (-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		pointer string
		key     bool
		want    descriptor.Position
	}{
		{"/purpose/agreed_by", false, pos(4, 14)},
		{"/purpose/agreed_by/0", false, pos(1, 14)},
		{"/purpose/agreed_by/1", false, pos(1, 23)},
		{"/sponsor", false, pos(5, 10)},
		{"/sponsor/person", false, pos(2, 40)},
		{"/sponsor/person", true, pos(2, 40)},
		// The anchors themselves are not moved by their aliases.
		{"/core/1", false, pos(1, 23)},
		{"/lead/person", true, pos(2, 32)},
	} {
		got := doc.Locate(tt.pointer)
		if tt.key {
			got = doc.LocateKey(tt.pointer)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("position of %q (key %v) (-want +got):\n%s", tt.pointer, tt.key, diff)
		}
	}
}

// specExample is the YAML example of descriptor.md.
const specExample = `schema: cgcheck/partnership/v1
id: civic-centre-colocation
name: Civic centre co-location
area: Example Council area
status: active
type: task_limited
purpose:
  task: Build one civic centre shared by the council, police and courts
  why_partnership: Each partner needs new offices; one shared building costs less and joins up services
  agreed_by: [council, police, courts]
  outcome_links: [{framework: national_outcome, ref: "15"}]
lifecycle: {start: 2006-04-01, end_condition: Building occupied and snagging closed, expires: 2010-03-31}
lead: {partner: council, person: Director of Corporate Services}
partners:
  - id: council
    name: Example Council
    role: core
    representative: {post: Director of Corporate Services, authority: {finance: true, staff: true, policy: true}}
    contributes: [{kind: asset, what: Site}, {kind: budget, what: Construction share}]
  - id: police
    name: Example Police
    role: core
    representative: {post: Chief Superintendent, authority: {finance: true, staff: true, policy: false}}
    contributes: [{kind: budget, what: Construction share}]
governance: {body: Project Board, reports_to: Council Executive, meeting_frequency: six_monthly,
  senior_sponsors: [{partner: council, post: Chief Executive, kind: senior_officer}]}
monitoring:
  designed_on: 2006-03-01
  measures:
    - {id: build-cost, indicator: Construction cost (GBP m), kind: efficiency, level: programme,
       owner: council, better: lower, isolation_target: {value: 45, date: 2010-03-31},
       collaborative_target: {value: 40, date: 2010-03-31}}
  efficiencies: [{description: One building instead of three, saving_gbp: {min: 4500000, max: 5000000}}]
`

// Every position in the index lies inside the source: on one of its lines,
// and no further right than just past that line's last character.
func TestPointersLieInsideTheSource(t *testing.T) {
	t.Parallel()
	inputs := []struct {
		name   string
		format descriptor.Format
		src    string
	}{
		{"positions JSON", descriptor.JSON, positionsJSON},
		{"positions YAML", descriptor.YAML, positionsYAML},
		{"spec example", descriptor.YAML, specExample},
		{"aliases", descriptor.YAML, "a: &a [x, {y: &y z}]\nb: [*a, *a, *y]\nc: *a"},
		{"merge keys", descriptor.YAML, "d: &d {r: 1, s: 2}\np:\n  <<: [*d, {t: 3}]\n  r: 0\n"},
		{"CRLF JSON", descriptor.JSON, "{\r\n  \"a\": [1,\r\n 2]\r\n}"},
		{"CRLF YAML", descriptor.YAML, "a:\r\n  - 1\r\n  - é\r\n"},
		{"CR JSON", descriptor.JSON, "{\r  \"a\": [1,\r 2]\r}"},
		{"CR YAML", descriptor.YAML, "a:\r  - 1\r  - é\r"},
		{"empty values at the end", descriptor.YAML, "a:\nb:\n  ? c"},
		{"BOM JSON", descriptor.JSON, "\uFEFF{\"é\": [\"ü\"]}"},
		{"BOM YAML", descriptor.YAML, "\uFEFFé: [ü]"},
		{"only a document marker", descriptor.YAML, "---\n"},
		{"document end marker", descriptor.YAML, "a: 1\n...\n"},
		{"block scalars", descriptor.YAML, "a: |\n  x\n  y\nb: >-\n  z\n\nc: 1\n"},
		{"empty values", descriptor.YAML, "a:\nb:\n  c:\n"},
		{"top-level scalar JSON", descriptor.JSON, "\n\n  42  \n"},
		{"top-level scalar YAML", descriptor.YAML, "\n\n  42  \n"},
		{"minified JSON", descriptor.JSON, `{"a":{"b":[{"c":null}],"d":[]},"e":{}}`},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			t.Parallel()
			checkPositionsInside(t, []byte(in.src), parse(t, in.src, in.format))
		})
	}
}

// lineBreak is a line break as YAML and editors see one.
var lineBreak = regexp.MustCompile("\r\n|\r|\n")

// sourceLines splits src into the lines positions refer to: after any UTF-8
// byte order mark (positions do not count it), broken as the readers break
// them.
func sourceLines(src []byte) []string {
	return lineBreak.Split(strings.TrimPrefix(string(src), "\uFEFF"), -1)
}

// checkInside checks that at lies inside the source split into lines: on
// one of its lines, and no further right than just past that line's last
// character.
func checkInside(t *testing.T, lines []string, what string, at descriptor.Position) {
	t.Helper()
	if at.Line < 1 || at.Line > len(lines) {
		t.Errorf("%s at %v: line outside 1..%d", what, at, len(lines))
		return
	}
	if last := utf8.RuneCountInString(lines[at.Line-1]) + 1; at.Column < 1 || at.Column > last {
		t.Errorf("%s at %v: column outside 1..%d", what, at, last)
	}
}

// checkPositionsInside checks the index of doc, read from src, against src.
func checkPositionsInside(t *testing.T, src []byte, doc *descriptor.Document) {
	t.Helper()
	lines := sourceLines(src)
	for p, at := range doc.Pointers() {
		checkInside(t, lines, fmt.Sprintf("%q", p), at)
	}
}

// fuzzSeeds are the inputs FuzzParse starts from: a real example of each
// format, the inputs of the tests above, and the kinds of bad input a reader
// must refuse with a position (testdata/bad holds the full set).
func fuzzSeeds(f *testing.F) []string {
	seeds := []string{
		positionsJSON, positionsYAML, specExample, billionLaughs(),
		"a: &a [1]\nb: *a\n", "{\"a\": [1, {\"b\": null}]}",
		"d: &d {r: 1, s: 2}\np:\n  <<: [*d, {t: 3}]\n  r: 0\n",
		"{\r\n  \"a\": [1,\r\n 2]\r\n}", "a:\r  - 1\r  - é\r",
		"\uFEFF{\"é\": [\"ü\"]}", "\uFEFFé: [ü]",
		"a:\nb:\n  ? c", "---\n", "a: 1\n...\n", "a: 1\n---\nb: 2\n",
		"a: |\n  x\n  y\nb: >-\n  z\n\nc: 1\n",
		"{\"a\": 1 \"b\": 2}", "{\"a\": [1, 2}", "{\"a\": \"x", "{\"a\": 1, \"a\": 2}",
		"a:\n  b: 1\n   c: 2\n", "a:\n\tb: 1\n", "a: \"x\n", "a: 1\na: 2\n",
		"{\"n\": 1e400, \"m\": -1e-400}", "n: 1e400\nm: .inf\no: .nan\np: 0x1F\nq: 0o17\n",
		"{\"n\": " + strings.Repeat("9", 400) + "}",
		strings.Repeat("[", 100) + strings.Repeat("]", 100),
		"\xFF\xFE{\x00}\x00", "\xFE\xFF\x00{\x00}", "{\x00}\x00", "a: \xC3\x28\n", "a: 1\x00\n",
		"", " \n\t\n", "# only a comment\n", "42", "[1, 2]", "a: !!binary aGk=\nb: !custom x\n",
		"? [a]\n: b\n", "a: *nope\n", "start: 2006-04-01\nend: 2023-02-30\n",
	}
	for _, name := range []string{"civic-centre.yaml", "korsakoff.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", name))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(data))
	}
	return seeds
}

// FuzzParse checks that any input, read as JSON and as YAML, either parses,
// with every position in the index inside the source and a value that
// marshals as JSON, or is refused with a SyntaxError positioned inside the
// source; and that Locate and LocateKey give a position inside the source
// for any pointer. Never a panic.
func FuzzParse(f *testing.F) {
	for i, seed := range fuzzSeeds(f) {
		pointers := []string{"", "/partners/0/id", "/a/~1b/~0c", "a", "/", "//", "/0/-"}
		f.Add([]byte(seed), pointers[i%len(pointers)])
	}
	f.Fuzz(func(t *testing.T, src []byte, pointer string) {
		lines := sourceLines(src)
		for _, format := range []descriptor.Format{descriptor.JSON, descriptor.YAML} {
			doc, err := descriptor.Parse(src, format)
			if err != nil {
				se := syntaxError(t, err)
				checkInside(t, lines, fmt.Sprintf("%s error %q", format, se.Msg), se.Position)
				continue
			}
			if _, err := json.Marshal(doc.Value); err != nil {
				t.Errorf("%s value does not marshal as JSON: %v", format, err)
			}
			checkPositionsInside(t, src, doc)
			for _, p := range []string{pointer, "/" + pointer, pointer + "/"} {
				checkInside(t, lines, fmt.Sprintf("%s Locate(%q)", format, p), doc.Locate(p))
				checkInside(t, lines, fmt.Sprintf("%s LocateKey(%q)", format, p), doc.LocateKey(p))
			}
			for p, at := range doc.Pointers() {
				if got := doc.Locate(p); got != at {
					t.Errorf("%s Locate(%q) = %v, want %v as indexed", format, p, got, at)
				}
				checkInside(t, lines, fmt.Sprintf("%s LocateKey(%q)", format, p), doc.LocateKey(p))
				child := p + "/" + pointer
				checkInside(t, lines, fmt.Sprintf("%s Locate(%q)", format, child), doc.Locate(child))
			}
		}
	})
}

func TestSniffFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data string
		want descriptor.Format
	}{
		{"object", `{"id": "x"}`, descriptor.JSON},
		{"array", `[1]`, descriptor.JSON},
		{"object after white space", " \r\n\t {", descriptor.JSON},
		{"object after a UTF-8 BOM", "\uFEFF{\"id\": \"x\"}", descriptor.JSON},
		{"YAML mapping", "id: x\n", descriptor.YAML},
		{"YAML list", "- x\n", descriptor.YAML},
		{"YAML document marker", "---\n{a: 1}\n", descriptor.YAML},
		{"YAML comment before a flow mapping", "# c\n{a: 1}\n", descriptor.YAML},
		{"YAML after a UTF-8 BOM", "\uFEFFid: x\n", descriptor.YAML},
		{"JSON scalar", `"x"`, descriptor.YAML},
		{"empty", "", descriptor.YAML},
		{"white space only", " \n\t", descriptor.YAML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := descriptor.SniffFormat([]byte(tt.data)); got != tt.want {
				t.Errorf("SniffFormat(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

func TestFormatForPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path   string
		want   descriptor.Format
		wantOK bool
	}{
		{"civic-centre.json", descriptor.JSON, true},
		{"dir/civic-centre.yaml", descriptor.YAML, true},
		{"civic-centre.yml", descriptor.YAML, true},
		{"UPPER.JSON", descriptor.JSON, true},
		{"Mixed.Yml", descriptor.YAML, true},
		{"with.dots.in.name.yaml", descriptor.YAML, true},
		{".json", descriptor.JSON, true},
		{"notes.txt", 0, false},
		{"civic-centre.json.bak", 0, false},
		{"json", 0, false},
		{"dir.json/file", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			got, ok := descriptor.FormatForPath(tt.path)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("FormatForPath(%q) = %v, %v; want %v, %v", tt.path, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestFormatString(t *testing.T) {
	t.Parallel()
	for f, want := range map[descriptor.Format]string{descriptor.JSON: "JSON", descriptor.YAML: "YAML", 0: "unknown", 9: "unknown"} {
		if got := f.String(); got != want {
			t.Errorf("Format(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}

func TestSyntaxErrorError(t *testing.T) {
	t.Parallel()
	err := &descriptor.SyntaxError{Position: pos(3, 14), Msg: "something is wrong"}
	if got, want := err.Error(), "3:14: something is wrong"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := pos(3, 14).String(), "3:14"; got != want {
		t.Errorf("Position.String() = %q, want %q", got, want)
	}
}

// An unknown format is a mistake in the caller, not in the input.
func TestParseUnknownFormat(t *testing.T) {
	t.Parallel()
	_, err := descriptor.Parse([]byte(`{}`), descriptor.Format(0))
	if err == nil {
		t.Fatal("no error for format 0")
	}
	var se *descriptor.SyntaxError
	if errors.As(err, &se) {
		t.Errorf("error %v is a SyntaxError; an unknown format is not a problem with the input", err)
	}
}

// manyKeys is a YAML mapping of n keys, k0 to k<n-1>, one per line.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: %d\n", i, i)
	}
	return b.String()
}
