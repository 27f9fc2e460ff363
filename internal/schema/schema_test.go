package schema_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/internal/testtool"
)

// validator compiles the embedded schema once for all tests, which also
// run in parallel against it: the Validator is meant to be shared.
var validator = sync.OnceValues(schema.New)

func newValidator(t *testing.T) *schema.Validator {
	t.Helper()
	v, err := validator()
	if err != nil {
		t.Fatalf("schema.New: %v", err)
	}
	return v
}

// minimal is the smallest descriptor the schema accepts: the required
// fields only.
const minimal = `{
  "schema": "cgcheck/partnership/v1",
  "id": "shared-office",
  "name": "Shared office",
  "area": "Inverclyde",
  "status": "active",
  "type": "task_limited",
  "purpose": {"task": "Build one shared office", "why_partnership": "One building costs less than two", "agreed_by": ["council"]},
  "lifecycle": {"start": "2006-04-01"},
  "lead": {"partner": "council", "person": "Head of Property"},
  "partners": [{"id": "council", "name": "The Council", "role": "core"}],
  "governance": {"body": "Project Board", "reports_to": "Council Executive"}
}`

// edit changes the descriptor at pointer: to the JSON value, or removes
// the member when value is empty.
type edit struct {
	pointer string
	value   string
}

func set(pointer, value string) edit { return edit{pointer, value} }
func del(pointer string) edit        { return edit{pointer, ""} }

// parseJSON reads src as the descriptor package does, so numbers are
// json.Number as in production.
func parseJSON(t *testing.T, src string) any {
	t.Helper()
	doc, err := descriptor.Parse([]byte(src), descriptor.JSON)
	if err != nil {
		t.Fatalf("parse %s: %v", src, err)
	}
	return doc.Value
}

// descriptorWith returns the minimal descriptor with edits applied.
func descriptorWith(t *testing.T, edits ...edit) any {
	t.Helper()
	root := parseJSON(t, minimal)
	for _, e := range edits {
		tokens := strings.Split(e.pointer, "/")[1:]
		for i, tok := range tokens {
			tokens[i] = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		parent := root
		for _, tok := range tokens[:len(tokens)-1] {
			switch p := parent.(type) {
			case map[string]any:
				parent = p[tok]
			case []any:
				i, err := strconv.Atoi(tok)
				if err != nil || i >= len(p) {
					t.Fatalf("edit %s: no item %q", e.pointer, tok)
				}
				parent = p[i]
			default:
				t.Fatalf("edit %s: %q is inside a %T", e.pointer, tok, p)
			}
		}
		last := tokens[len(tokens)-1]
		switch p := parent.(type) {
		case map[string]any:
			if e.value == "" {
				delete(p, last)
			} else {
				p[last] = parseJSON(t, e.value)
			}
		case []any:
			i, err := strconv.Atoi(last)
			if err != nil || i >= len(p) || e.value == "" {
				t.Fatalf("edit %s: cannot set or remove item %q", e.pointer, last)
			}
			p[i] = parseJSON(t, e.value)
		default:
			t.Fatalf("edit %s: parent is a %T", e.pointer, p)
		}
	}
	return root
}

func TestValidateAcceptsValidDescriptors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edits []edit
	}{
		{name: "minimal"},
		{name: "leap day", edits: []edit{set("/lifecycle/start", `"2024-02-29"`)}},
		{name: "first and last dates", edits: []edit{set("/lifecycle/start", `"1900-01-01"`), set("/lifecycle/expires", `"2199-12-31"`)}},
		{name: "identifier of 64 characters", edits: []edit{set("/id", `"`+strings.Repeat("a", 64)+`"`)}},
		{name: "identifier starting with a digit", edits: []edit{set("/id", `"2008-civic-centre"`)}},
		{name: "zero money and fractional staff", edits: []edit{
			set("/partners/0/contributes", `[{"kind": "budget", "what": "Nothing yet", "value_gbp": 0}, {"kind": "staff", "what": "Officer", "fte": 0.5}]`),
		}},
		{name: "optional fields", edits: []edit{
			set("/scale", `"programme"`),
			set("/purpose/added_value", `["economy_of_scale", "efficiency"]`),
			set("/purpose/outcome_links", `[{"framework": "national_outcome", "ref": "15"}]`),
			set("/partners/0/representative", `{"post": "Director", "authority": {"finance": true, "staff": false, "policy": true}}`),
			set("/governance/meeting_frequency", `"six_weekly"`),
		}},
		// Revision 2: every v1 descriptor stays valid (minimal above has a
		// string area and reports_to); these are the new forms.
		{name: "list of areas", edits: []edit{set("/area", `["Midlothian", "East Lothian"]`)}},
		{name: "list of one area", edits: []edit{set("/area", `["Inverclyde"]`)}},
		{name: "list of boards reported to", edits: []edit{
			set("/governance/reports_to", `["Integration Joint Board", "Community Planning Partnership Board"]`),
		}},
		{name: "reports_to another descriptor's id in a list", edits: []edit{set("/governance/reports_to", `["midlothian-cpp"]`)}},
		{name: "built-in frameworks", edits: []edit{set("/purpose/outcome_links", `[
			{"framework": "npf", "ref": "health"},
			{"framework": "national_outcome", "ref": "15"},
			{"framework": "soa", "ref": "Local outcome 3"},
			{"framework": "loip", "ref": "Inequalities are reduced"},
			{"framework": "locality_plan", "ref": "Greenock East"},
			{"framework": "other", "ref": "Scottish Government drug strategy"}
		]`)}},
		// Whether a framework is known is for rule references-resolve (a
		// config file may define it), not for the schema.
		{name: "framework the schema does not list", edits: []edit{set("/purpose/outcome_links", `[
			{"framework": "inverclyde_loip-2017", "ref": "p1"},
			{"framework": "2026plan", "ref": "anything"},
			{"framework": "`+strings.Repeat("f", 64)+`", "ref": "x"}
		]`)}},
		{name: "risks", edits: []edit{set("/risks", `[
			{"risk": "Pump-priming ends before mainstream funding is agreed", "owner": "council", "mitigation": "Budget bid in the 2027 round"}
		]`)}},
		{name: "no risks listed", edits: []edit{set("/risks", `[]`)}},
		{name: "learning with dissemination only", edits: []edit{set("/learning", `{"dissemination": "Annual report to the CPP Board"}`)}},
		{name: "learning in full", edits: []edit{
			set("/learning", `{"dissemination": "Annual report to the CPP Board", "evaluation": "Facilitated reflection session each year"}`),
		}},
	}
	v := newValidator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := v.Validate(descriptorWith(t, tt.edits...)); got != nil {
				t.Errorf("violations of a valid descriptor: %+v", got)
			}
		})
	}
}

// The YAML example in descriptor.md must pass the schema: where the page
// and the schema disagree, one of them is wrong.
func TestValidateAcceptsTheSpecExample(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(testtool.SharedFile(t, "spec/descriptor.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Example \\(YAML\\)\n+```yaml\n(.*?)```").FindSubmatch(page)
	if m == nil {
		t.Fatal("descriptor.md has no ## Example (YAML) block")
	}
	doc, err := descriptor.Parse(m[1], descriptor.YAML)
	if err != nil {
		t.Fatalf("parse the example: %v", err)
	}
	if got := newValidator(t).Validate(doc.Value); got != nil {
		t.Errorf("violations of the spec's example: %+v", got)
	}
}

const unknownHint = " (check the spelling; descriptor v1 has no such field here)"

const identifierHint = " is not an identifier (lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters)"

func TestValidateViolations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edits []edit
		want  []schema.Violation
	}{
		// additionalProperties: shown at the key.
		{
			name:  "unknown property at top level",
			edits: []edit{set("/colour", `"blue"`)},
			want:  []schema.Violation{{Pointer: "/colour", AtKey: true, Message: `the document: unknown property "colour"` + unknownHint}},
		},
		{
			name:  "unknown property in a list item",
			edits: []edit{set("/partners/0/rolee", `"core"`)},
			want:  []schema.Violation{{Pointer: "/partners/0/rolee", AtKey: true, Message: `partners[0]: unknown property "rolee" (did you mean "role"? descriptor v1 has no field "rolee" here)`}},
		},
		// The nearest field of the object in question, not of another.
		{
			name:  "a slip in a nested field's name",
			edits: []edit{set("/partners/0/representative", `{"authority": {"finanse": true}}`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/representative/authority/finanse", AtKey: true,
				Message: `partners[0].representative.authority: unknown property "finanse" (did you mean "finance"? descriptor v1 has no field "finanse" here)`,
			}},
		},
		{
			name:  "a slip at the top level",
			edits: []edit{set("/lifecylce", `{}`)},
			want: []schema.Violation{{
				Pointer: "/lifecylce", AtKey: true,
				Message: `the document: unknown property "lifecylce" (did you mean "lifecycle"? descriptor v1 has no field "lifecylce" here)`,
			}},
		},
		{
			name:  "unknown property three levels down",
			edits: []edit{set("/partners/0/representative", `{"authority": {"budget": true}}`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/representative/authority/budget", AtKey: true,
				Message: `partners[0].representative.authority: unknown property "budget"` + unknownHint,
			}},
		},
		{
			name:  "unknown property with / and ~ in its name",
			edits: []edit{set("/lead/a~1b~0c", `1`)},
			want:  []schema.Violation{{Pointer: "/lead/a~1b~0c", AtKey: true, Message: `lead: unknown property "a/b~c"` + unknownHint}},
		},
		{
			name:  "two unknown properties in one object",
			edits: []edit{set("/lead/role", `"x"`), set("/lead/email", `"x"`)},
			want: []schema.Violation{
				{Pointer: "/lead/email", AtKey: true, Message: `lead: unknown property "email"` + unknownHint},
				{Pointer: "/lead/role", AtKey: true, Message: `lead: unknown property "role"` + unknownHint},
			},
		},
		// required: the pointer the missing property would have.
		{
			name:  "missing property at top level",
			edits: []edit{del("/name")},
			want:  []schema.Violation{{Pointer: "/name", Message: `the document: required property "name" is missing`}},
		},
		{
			name:  "missing nested property",
			edits: []edit{del("/purpose/task")},
			want:  []schema.Violation{{Pointer: "/purpose/task", Message: `purpose: required property "task" is missing`}},
		},
		{
			name:  "missing property of a list item",
			edits: []edit{del("/partners/0/role")},
			want:  []schema.Violation{{Pointer: "/partners/0/role", Message: `partners[0]: required property "role" is missing`}},
		},
		{
			name:  "two missing properties of one object",
			edits: []edit{del("/lead/person"), del("/lead/partner")},
			want: []schema.Violation{
				{Pointer: "/lead/partner", Message: `lead: required property "partner" is missing`},
				{Pointer: "/lead/person", Message: `lead: required property "person" is missing`},
			},
		},
		// type.
		{
			name:  "number for a string",
			edits: []edit{set("/partners/0/role", `3`)},
			want:  []schema.Violation{{Pointer: "/partners/0/role", Message: "partners[0].role: expected string, found a number"}},
		},
		{
			name:  "string for an object",
			edits: []edit{set("/lifecycle", `"2006-04-01"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle", Message: "lifecycle: expected object, found a string"}},
		},
		{
			name:  "object for an array",
			edits: []edit{set("/partners", `{"id": "council"}`)},
			want:  []schema.Violation{{Pointer: "/partners", Message: "partners: expected array, found an object"}},
		},
		{
			name:  "array for a string",
			edits: []edit{set("/status", `["active"]`)},
			want:  []schema.Violation{{Pointer: "/status", Message: "status: expected string, found an array"}},
		},
		{
			name:  "null for a string",
			edits: []edit{set("/name", `null`)},
			want:  []schema.Violation{{Pointer: "/name", Message: "name: expected string, found null"}},
		},
		{
			name:  "string for a boolean",
			edits: []edit{set("/partners/0/representative", `{"authority": {"finance": "yes"}}`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/representative/authority/finance",
				Message: "partners[0].representative.authority.finance: expected boolean, found a string (write true or false, without quotes; yes, no, on and off are text)",
			}},
		},
		{
			name:  "string for a number",
			edits: []edit{set("/partners/0/contributes", `[{"kind": "budget", "what": "Cash", "value_gbp": "10"}]`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/contributes/0/value_gbp",
				Message: "partners[0].contributes[0].value_gbp: expected number, found a string",
			}},
		},
		{
			name:  "number for a date",
			edits: []edit{set("/lifecycle/start", `20060401`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: "lifecycle.start: expected string, found a number"}},
		},
		// enum.
		{
			name:  "value not in the enum",
			edits: []edit{set("/status", `"done"`)},
			want:  []schema.Violation{{Pointer: "/status", Message: `status: "done" is not one of "proposed", "active", "closing", "closed"`}},
		},
		{
			name:  "list item not in the enum",
			edits: []edit{set("/purpose/added_value", `["efficiency", "synergy"]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/added_value/1",
				Message: `purpose.added_value[1]: "synergy" is not one of "economy_of_scale", "critical_mass", "enhanced_outcomes", "quality_effectiveness", "mutual_understanding", "efficiency"`,
			}},
		},
		{
			name:  "long value shortened by characters",
			edits: []edit{set("/status", `"a`+strings.Repeat("é", 70)+`"`)},
			want: []schema.Violation{{
				Pointer: "/status",
				Message: `status: "a` + strings.Repeat("é", 55) + `... is not one of "proposed", "active", "closing", "closed"`,
			}},
		},
		// const.
		{
			name:  "wrong format version",
			edits: []edit{set("/schema", `"cgcheck/partnership/v2"`)},
			want:  []schema.Violation{{Pointer: "/schema", Message: `schema: must be "cgcheck/partnership/v1", found "cgcheck/partnership/v2"`}},
		},
		// pattern: identifiers explained rather than quoted as a regexp.
		{
			name:  "identifier with capitals and an underscore",
			edits: []edit{set("/id", `"Shared_Office"`)},
			want:  []schema.Violation{{Pointer: "/id", Message: `id: "Shared_Office"` + identifierHint}},
		},
		{
			name:  "identifier starting with a hyphen",
			edits: []edit{set("/partners/0/id", `"-council"`)},
			want:  []schema.Violation{{Pointer: "/partners/0/id", Message: `partners[0].id: "-council"` + identifierHint}},
		},
		{
			name:  "identifier of 65 characters",
			edits: []edit{set("/id", `"`+strings.Repeat("a", 65)+`"`)},
			want:  []schema.Violation{{Pointer: "/id", Message: `id: "` + strings.Repeat("a", 65) + `"` + identifierHint}},
		},
		{
			name:  "reference that is a name",
			edits: []edit{set("/lead/partner", `"The Council"`)},
			want:  []schema.Violation{{Pointer: "/lead/partner", Message: `lead.partner: "The Council"` + identifierHint}},
		},
		{
			name:  "reference in a list",
			edits: []edit{set("/purpose/agreed_by", `["council", ""]`)},
			want:  []schema.Violation{{Pointer: "/purpose/agreed_by/1", Message: `purpose.agreed_by[1]: ""` + identifierHint}},
		},
		// format: date.
		{
			name:  "month 13 and day 45",
			edits: []edit{set("/lifecycle/start", `"2006-13-45"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-13-45" is not a date (YYYY-MM-DD)`}},
		},
		{
			name:  "30 February",
			edits: []edit{set("/lifecycle/start", `"2023-02-30"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2023-02-30" is not a date (YYYY-MM-DD)`}},
		},
		{
			name:  "29 February outside a leap year",
			edits: []edit{set("/lifecycle/expires", `"2023-02-29"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/expires", Message: `lifecycle.expires: "2023-02-29" is not a date (YYYY-MM-DD)`}},
		},
		{
			name:  "date without leading zeros",
			edits: []edit{set("/lifecycle/start", `"2006-4-1"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-4-1" is not a date (YYYY-MM-DD)`}},
		},
		{
			name:  "British date",
			edits: []edit{set("/purpose/agreed_on", `"01/04/2006"`)},
			want:  []schema.Violation{{Pointer: "/purpose/agreed_on", Message: `purpose.agreed_on: "01/04/2006" is not a date (YYYY-MM-DD)`}},
		},
		{
			name:  "date and time",
			edits: []edit{set("/lifecycle/start", `"2006-04-01T09:00:00Z"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-04-01T09:00:00Z" is not a date (YYYY-MM-DD)`}},
		},
		// Years the policies cannot compute with (int64 nanoseconds hold
		// 1677 to 2262) once passed the schema and made every rule fail to
		// evaluate; found by FuzzCheck.
		{
			name:  "year 1",
			edits: []edit{set("/lifecycle/start", `"0001-01-01"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "0001-01-01" is outside the years 1900 to 2199 (check the year)`}},
		},
		{
			name:  "year 9999",
			edits: []edit{set("/lifecycle/expires", `"9999-12-31"`)},
			want:  []schema.Violation{{Pointer: "/lifecycle/expires", Message: `lifecycle.expires: "9999-12-31" is outside the years 1900 to 2199 (check the year)`}},
		},
		{
			name:  "year 2200",
			edits: []edit{set("/purpose/agreed_on", `"2200-01-01"`)},
			want:  []schema.Violation{{Pointer: "/purpose/agreed_on", Message: `purpose.agreed_on: "2200-01-01" is outside the years 1900 to 2199 (check the year)`}},
		},
		// minimum.
		{
			name:  "negative money",
			edits: []edit{set("/partners/0/contributes", `[{"kind": "budget", "what": "Cash", "value_gbp": -1}]`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/contributes/0/value_gbp",
				Message: "partners[0].contributes[0].value_gbp: -1 is below the minimum of 0",
			}},
		},
		{
			name:  "slightly negative money",
			edits: []edit{set("/partners/0/contributes", `[{"kind": "budget", "what": "Cash", "value_gbp": -0.001}]`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/contributes/0/value_gbp",
				Message: "partners[0].contributes[0].value_gbp: -0.001 is below the minimum of 0",
			}},
		},
		{
			name:  "negative staff time",
			edits: []edit{set("/partners/0/contributes", `[{"kind": "staff", "what": "Officer", "fte": -1.5}]`)},
			want: []schema.Violation{{
				Pointer: "/partners/0/contributes/0/fte",
				Message: "partners[0].contributes[0].fte: -1.5 is below the minimum of 0",
			}},
		},
		// minItems.
		{
			name:  "no partners",
			edits: []edit{set("/partners", `[]`)},
			want:  []schema.Violation{{Pointer: "/partners", Message: "partners: needs at least 1 item(s), found 0"}},
		},
		// Revision 2: area and governance.reports_to are a text or a
		// non-empty list of texts. The schema says so with a type list
		// (string or array) rather than anyOf/oneOf, so each mistake gives
		// one message, not one per alternative.
		{
			name:  "number for an area",
			edits: []edit{set("/area", `3`)},
			want:  []schema.Violation{{Pointer: "/area", Message: "area: expected string or array, found a number"}},
		},
		{
			name:  "null area",
			edits: []edit{set("/area", `null`)},
			want:  []schema.Violation{{Pointer: "/area", Message: "area: expected string or array, found null"}},
		},
		{
			name:  "mapping for an area",
			edits: []edit{set("/area", `{"name": "Midlothian"}`)},
			want:  []schema.Violation{{Pointer: "/area", Message: "area: expected string or array, found an object"}},
		},
		{
			name:  "empty list of areas",
			edits: []edit{set("/area", `[]`)},
			want:  []schema.Violation{{Pointer: "/area", Message: "area: needs at least 1 item(s), found 0"}},
		},
		{
			name:  "list of areas with a number",
			edits: []edit{set("/area", `["Midlothian", 3]`)},
			want:  []schema.Violation{{Pointer: "/area/1", Message: "area[1]: expected string, found a number"}},
		},
		{
			name:  "list of areas with a list",
			edits: []edit{set("/area", `[["Midlothian", "East Lothian"]]`)},
			want:  []schema.Violation{{Pointer: "/area/0", Message: "area[0]: expected string, found an array"}},
		},
		{
			name:  "number for reports_to",
			edits: []edit{set("/governance/reports_to", `12`)},
			want:  []schema.Violation{{Pointer: "/governance/reports_to", Message: "governance.reports_to: expected string or array, found a number"}},
		},
		{
			name:  "empty list of boards reported to",
			edits: []edit{set("/governance/reports_to", `[]`)},
			want:  []schema.Violation{{Pointer: "/governance/reports_to", Message: "governance.reports_to: needs at least 1 item(s), found 0"}},
		},
		{
			name:  "list of boards reported to with a mapping",
			edits: []edit{set("/governance/reports_to", `["CPP Board", {"board": "IJB"}]`)},
			want:  []schema.Violation{{Pointer: "/governance/reports_to/1", Message: "governance.reports_to[1]: expected string, found an object"}},
		},
		// Framework names: any name of the pattern.
		{
			name:  "framework name in capitals",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": "NPF", "ref": "health"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: `purpose.outcome_links[0].framework: "NPF" is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)`,
			}},
		},
		{
			name:  "framework name with a space",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": "national outcome", "ref": "1"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: `purpose.outcome_links[0].framework: "national outcome" is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)`,
			}},
		},
		{
			name:  "framework name starting with an underscore",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": "_loip", "ref": "p1"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: `purpose.outcome_links[0].framework: "_loip" is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)`,
			}},
		},
		{
			name:  "empty framework name",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": "", "ref": "p1"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: `purpose.outcome_links[0].framework: "" is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)`,
			}},
		},
		{
			name:  "framework name of 65 characters",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": "`+strings.Repeat("f", 65)+`", "ref": "p1"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: `purpose.outcome_links[0].framework: "` + strings.Repeat("f", 65) + `" is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)`,
			}},
		},
		{
			name:  "number for a framework",
			edits: []edit{set("/purpose/outcome_links", `[{"framework": 2018, "ref": "health"}]`)},
			want: []schema.Violation{{
				Pointer: "/purpose/outcome_links/0/framework",
				Message: "purpose.outcome_links[0].framework: expected string, found a number",
			}},
		},
		// risks[]: {risk, owner, mitigation}, all required.
		{
			name:  "risk without an owner",
			edits: []edit{set("/risks", `[{"risk": "Funding ends", "mitigation": "Budget bid"}]`)},
			want:  []schema.Violation{{Pointer: "/risks/0/owner", Message: `risks[0]: required property "owner" is missing`}},
		},
		{
			name:  "empty risk",
			edits: []edit{set("/risks", `[{}]`)},
			want: []schema.Violation{
				{Pointer: "/risks/0/mitigation", Message: `risks[0]: required property "mitigation" is missing`},
				{Pointer: "/risks/0/owner", Message: `risks[0]: required property "owner" is missing`},
				{Pointer: "/risks/0/risk", Message: `risks[0]: required property "risk" is missing`},
			},
		},
		{
			name:  "risk owner that is a name",
			edits: []edit{set("/risks", `[{"risk": "Funding ends", "owner": "The Council", "mitigation": "Budget bid"}]`)},
			want:  []schema.Violation{{Pointer: "/risks/0/owner", Message: `risks[0].owner: "The Council"` + identifierHint}},
		},
		{
			name:  "risk with an unknown property",
			edits: []edit{set("/risks", `[{"risk": "Funding ends", "owner": "council", "mitigation": "Budget bid", "likelihood": "high"}]`)},
			want:  []schema.Violation{{Pointer: "/risks/0/likelihood", AtKey: true, Message: `risks[0]: unknown property "likelihood"` + unknownHint}},
		},
		{
			name:  "number for a mitigation",
			edits: []edit{set("/risks", `[{"risk": "Funding ends", "owner": "council", "mitigation": 1}]`)},
			want:  []schema.Violation{{Pointer: "/risks/0/mitigation", Message: "risks[0].mitigation: expected string, found a number"}},
		},
		{
			name:  "one risk for a list",
			edits: []edit{set("/risks", `{"risk": "Funding ends", "owner": "council", "mitigation": "Budget bid"}`)},
			want:  []schema.Violation{{Pointer: "/risks", Message: "risks: expected array, found an object"}},
		},
		// learning: {dissemination (required), evaluation}.
		{
			name:  "learning without dissemination",
			edits: []edit{set("/learning", `{"evaluation": "Facilitated reflection each year"}`)},
			want:  []schema.Violation{{Pointer: "/learning/dissemination", Message: `learning: required property "dissemination" is missing`}},
		},
		{
			name:  "empty learning",
			edits: []edit{set("/learning", `{}`)},
			want:  []schema.Violation{{Pointer: "/learning/dissemination", Message: `learning: required property "dissemination" is missing`}},
		},
		{
			name:  "learning with an unknown property",
			edits: []edit{set("/learning", `{"dissemination": "Annual report", "evalution": "Yearly"}`)},
			want:  []schema.Violation{{Pointer: "/learning/evalution", AtKey: true, Message: `learning: unknown property "evalution" (did you mean "evaluation"? descriptor v1 has no field "evalution" here)`}},
		},
		{
			name:  "text for learning",
			edits: []edit{set("/learning", `"Lessons shared at the CPP Board"`)},
			want:  []schema.Violation{{Pointer: "/learning", Message: "learning: expected object, found a string"}},
		},
		{
			name:  "null dissemination",
			edits: []edit{set("/learning", `{"dissemination": null}`)},
			want:  []schema.Violation{{Pointer: "/learning/dissemination", Message: "learning.dissemination: expected string, found null"}},
		},
		// Several at once: every one, ordered by pointer.
		{
			name: "several violations",
			edits: []edit{
				set("/lifecycle/start", `"2006-13-45"`),
				set("/status", `"x"`),
				set("/partners/0/role", `3`),
				del("/name"),
				set("/colour", `"blue"`),
				set("/partners/0/contributes", `[{"kind": "budget", "what": "Cash", "value_gbp": -1}]`),
				set("/schema", `"v2"`),
			},
			want: []schema.Violation{
				{Pointer: "/colour", AtKey: true, Message: `the document: unknown property "colour"` + unknownHint},
				{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-13-45" is not a date (YYYY-MM-DD)`},
				{Pointer: "/name", Message: `the document: required property "name" is missing`},
				{Pointer: "/partners/0/contributes/0/value_gbp", Message: "partners[0].contributes[0].value_gbp: -1 is below the minimum of 0"},
				{Pointer: "/partners/0/role", Message: "partners[0].role: expected string, found a number"},
				{Pointer: "/schema", Message: `schema: must be "cgcheck/partnership/v1", found "v2"`},
				{Pointer: "/status", Message: `status: "x" is not one of "proposed", "active", "closing", "closed"`},
			},
		},
		{
			name: "the same violation in two list items",
			edits: []edit{
				set("/partners", `[{"id": "a", "name": "A", "role": "boss"}, {"id": "b", "name": "B", "role": "boss"}]`),
			},
			want: []schema.Violation{
				{Pointer: "/partners/0/role", Message: `partners[0].role: "boss" is not one of "core", "contributor", "consultee"`},
				{Pointer: "/partners/1/role", Message: `partners[1].role: "boss" is not one of "core", "contributor", "consultee"`},
			},
		},
	}
	v := newValidator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := v.Validate(descriptorWith(t, tt.edits...))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			for _, g := range got {
				if !utf8.ValidString(g.Message) {
					t.Errorf("message is not valid UTF-8: %q", g.Message)
				}
			}
		})
	}
}

func TestValidateWholeDocument(t *testing.T) {
	t.Parallel()
	var required []schema.Violation
	for _, name := range []string{"area", "governance", "id", "lead", "lifecycle", "name", "partners", "purpose", "schema", "status", "type"} {
		required = append(required, schema.Violation{Pointer: "/" + name, Message: `the document: required property "` + name + `" is missing`})
	}
	tests := []struct {
		name  string
		value string
		want  []schema.Violation
	}{
		{"empty object", `{}`, required},
		{"array", `[]`, []schema.Violation{{Pointer: "", Message: "the document: expected object, found an array"}}},
		{"string", `"partnership"`, []schema.Violation{{Pointer: "", Message: "the document: expected object, found a string"}}},
		{"null", `null`, []schema.Violation{{Pointer: "", Message: "the document: expected object, found null"}}},
	}
	v := newValidator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, v.Validate(parseJSON(t, tt.value))); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// Dates written unquoted in YAML reach the schema as the text written, so a
// date that is no date is reported as such, not as a wrong type.
func TestValidateYAMLDates(t *testing.T) {
	t.Parallel()
	const base = `schema: cgcheck/partnership/v1
id: shared-office
name: Shared office
area: Inverclyde
status: active
type: task_limited
purpose: {task: Build one shared office, why_partnership: Cheaper, agreed_by: [council]}
lead: {partner: council, person: Head of Property}
partners: [{id: council, name: The Council, role: core}]
governance: {body: Project Board, reports_to: Council Executive}
`
	tests := []struct {
		start string
		want  []schema.Violation
	}{
		{"2006-04-01", nil},
		{"2006-13-45", []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-13-45" is not a date (YYYY-MM-DD)`}}},
		{"2023-02-30", []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2023-02-30" is not a date (YYYY-MM-DD)`}}},
		{"2006-4-1", []schema.Violation{{Pointer: "/lifecycle/start", Message: `lifecycle.start: "2006-4-1" is not a date (YYYY-MM-DD)`}}},
	}
	v := newValidator(t)
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			t.Parallel()
			doc, err := descriptor.Parse([]byte(base+"lifecycle: {start: "+tt.start+"}\n"), descriptor.YAML)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, v.Validate(doc.Value)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// Revision 2's lists as an officer writes them in YAML, flow or block.
func TestValidateYAMLLists(t *testing.T) {
	t.Parallel()
	const head = `schema: cgcheck/partnership/v1
id: midlothian-adp
name: Midlothian and East Lothian Drug and Alcohol Partnership
status: active
type: continuing
purpose: {task: Cut drug deaths, why_partnership: One service across two areas, agreed_by: [nhs]}
lifecycle: {start: 2019-04-01}
lead: {partner: nhs, person: Chair}
partners: [{id: nhs, name: NHS Lothian, role: core}]
`
	tests := []struct {
		name, body string
		want       []schema.Violation
	}{
		{"flow lists", "area: [Midlothian, East Lothian]\ngovernance: {body: Board, reports_to: [Midlothian IJB, East Lothian IJB]}\n", nil},
		{"block lists", "area:\n  - Midlothian\n  - East Lothian\ngovernance:\n  body: Board\n  reports_to:\n    - Midlothian IJB\n", nil},
		{"empty flow list", "area: []\ngovernance: {body: Board, reports_to: CPP Board}\n",
			[]schema.Violation{{Pointer: "/area", Message: "area: needs at least 1 item(s), found 0"}}},
		{"empty area", "area:\ngovernance: {body: Board, reports_to: CPP Board}\n",
			[]schema.Violation{{Pointer: "/area", Message: "area: expected string or array, found null"}}},
		{"number in a list", "area: [Midlothian, 2]\ngovernance: {body: Board, reports_to: CPP Board}\n",
			[]schema.Violation{{Pointer: "/area/1", Message: "area[1]: expected string, found a number"}}},
	}
	v := newValidator(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := descriptor.Parse([]byte(head+tt.body), descriptor.YAML)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, v.Validate(doc.Value)); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

// A schema other than the embedded one reaches the general wordings.
func TestValidateOtherKeywords(t *testing.T) {
	t.Parallel()
	v, err := schema.Compile("https://example.org/test.schema.json", []byte(`{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"type": "object",
		"properties": {
			"code": {"type": "string", "pattern": "^[A-Z]{3}$"},
			"mail": {"type": "string", "format": "email"},
			"short": {"type": "string", "maxLength": 3},
			"count": {"type": "integer", "minimum": 0.5}
		}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		value string
		want  []schema.Violation
	}{
		{"pattern", `{"code": "abc"}`, []schema.Violation{{Pointer: "/code", Message: `code: "abc" does not match the pattern ^[A-Z]{3}$`}}},
		{"format other than date", `{"mail": "nobody"}`, []schema.Violation{{Pointer: "/mail", Message: `mail: "nobody" is not a valid email`}}},
		{"keyword without its own wording", `{"short": "abcd"}`, []schema.Violation{{Pointer: "/short", Message: "short: maxLength: got 4, want 3"}}},
		{"integer", `{"count": 1.5}`, []schema.Violation{{Pointer: "/count", Message: "count: expected integer, found a number"}}},
		{"fractional minimum", `{"count": 0}`, []schema.Violation{{Pointer: "/count", Message: "count: 0 is below the minimum of 0.5"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, v.Validate(parseJSON(t, tt.value))); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		src    string
		prefix string
	}{
		{"not JSON", `{"type": `, "read schema: "},
		{"not a schema", `{"type": 3}`, "compile schema: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := schema.Compile("https://example.org/bad.schema.json", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.prefix) {
				t.Errorf("Compile error = %v, want one starting %q", err, tt.prefix)
			}
		})
	}
}

func TestPointer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		location []string
		want     string
	}{
		{nil, ""},
		{[]string{"partners"}, "/partners"},
		{[]string{"partners", "2", "representative"}, "/partners/2/representative"},
		{[]string{"a/b"}, "/a~1b"},
		{[]string{"c~d"}, "/c~0d"},
		{[]string{"~1"}, "/~01"},
		{[]string{"/~"}, "/~1~0"},
		{[]string{""}, "/"},
		{[]string{"é 🙂"}, "/é 🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := schema.Pointer(tt.location); got != tt.want {
				t.Errorf("Pointer(%q) = %q, want %q", tt.location, got, tt.want)
			}
		})
	}
}

func TestFieldName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		location []string
		want     string
	}{
		{nil, ""},
		{[]string{"lifecycle", "start"}, "lifecycle.start"},
		{[]string{"partners", "2", "representative"}, "partners[2].representative"},
		{[]string{"partners", "0", "contributes", "1", "value_gbp"}, "partners[0].contributes[1].value_gbp"},
		{[]string{"purpose", "agreed_by", "10"}, "purpose.agreed_by[10]"},
		{[]string{"0"}, "[0]"},
		{[]string{"0", "id"}, "[0].id"},
		{[]string{"a/b", "c~d"}, "a/b.c~d"},
		{[]string{"x1", "1x"}, "x1.1x"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := schema.FieldName(tt.location); got != tt.want {
				t.Errorf("FieldName(%q) = %q, want %q", tt.location, got, tt.want)
			}
		})
	}
}
