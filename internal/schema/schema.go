// Package schema validates descriptors against the embedded JSON Schema and
// turns every leaf violation into a Violation a council officer can act on.
package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"example.org/cgcheck/internal/suggest"
	"example.org/cgcheck/schemas"
)

// Violation is one way a descriptor breaks the schema.
type Violation struct {
	// Pointer is the RFC 6901 pointer of the offending value; for a missing
	// required property, the pointer the property would have.
	Pointer string
	// AtKey is true when the violation is best shown at the member's key (an
	// unknown property) rather than at its value.
	AtKey bool
	// Message names the field, the value found and what is expected.
	Message string
}

// Validator holds the compiled schema; it is safe for concurrent use.
type Validator struct {
	schema *jsonschema.Schema
	// fields lists, by schema location, the properties an object schema
	// declares, so that an unknown property can be answered with the
	// nearest known one ("did you mean finance?"). Built once, read only.
	fields map[string][]string
}

// New compiles the embedded descriptor schema, asserting formats (dates).
func New() (*Validator, error) {
	return Compile(schemas.PartnershipV1ID, schemas.PartnershipV1)
}

// Compile compiles a schema document with the given $id.
func Compile(id string, src []byte) (*Validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "date", Validate: validateDate})
	if err := c.AddResource(id, doc); err != nil {
		return nil, fmt.Errorf("add schema: %w", err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("compile schema: %w", err)
	}
	v := &Validator{schema: sch, fields: map[string][]string{}}
	v.indexFields(sch, map[*jsonschema.Schema]bool{})
	return v, nil
}

// indexFields records the declared properties of sch and every schema
// under it. The validator names the object schema whose
// additionalProperties refused a member by that schema's location, which is
// the key here.
func (v *Validator) indexFields(sch *jsonschema.Schema, seen map[*jsonschema.Schema]bool) {
	if sch == nil || seen[sch] {
		return
	}
	seen[sch] = true
	if len(sch.Properties) > 0 {
		names := make([]string, 0, len(sch.Properties))
		for name := range sch.Properties {
			names = append(names, name)
		}
		sort.Strings(names)
		v.fields[sch.Location] = names
	}
	var subs []*jsonschema.Schema
	subs = append(subs, sch.Ref, sch.RecursiveRef, sch.Not, sch.If, sch.Then, sch.Else,
		sch.PropertyNames, sch.UnevaluatedProperties, sch.Contains, sch.Items2020,
		sch.UnevaluatedItems, sch.ContentSchema)
	if sch.DynamicRef != nil {
		subs = append(subs, sch.DynamicRef.Ref)
	}
	subs = append(subs, sch.AllOf...)
	subs = append(subs, sch.AnyOf...)
	subs = append(subs, sch.OneOf...)
	subs = append(subs, sch.PrefixItems...)
	for _, p := range sch.Properties {
		subs = append(subs, p)
	}
	for _, p := range sch.PatternProperties {
		subs = append(subs, p)
	}
	for _, p := range sch.DependentSchemas {
		subs = append(subs, p)
	}
	for _, extra := range []any{sch.AdditionalProperties, sch.Items, sch.AdditionalItems} {
		switch x := extra.(type) {
		case *jsonschema.Schema:
			subs = append(subs, x)
		case []*jsonschema.Schema:
			subs = append(subs, x...)
		}
	}
	for _, sub := range subs {
		v.indexFields(sub, seen)
	}
}

// The years a date may have. The policies compute with dates as int64
// nanoseconds (time.parse_ns, add_months), which hold only 1677 to 2262: a
// date such as 0001-01-01 or 9999-12-31 passed the schema and then made
// every rule fail to evaluate. Any real partnership falls well inside, with
// decades to spare for the calendar arithmetic of the rules.
const MinYear, MaxYear = 1900, 2199

var errDateRange = fmt.Errorf("year outside %d to %d", MinYear, MaxYear)

// validateDate is the date format (RFC 3339 full-date, as the built-in one
// checks) limited to the years MinYear to MaxYear.
func validateDate(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return err
	}
	if y := t.Year(); y < MinYear || y > MaxYear {
		return errDateRange
	}
	return nil
}

// Validate returns every leaf violation of value, ordered by pointer, or nil.
func (v *Validator) Validate(value any) []Violation {
	err := v.schema.Validate(value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Violation{{Pointer: "", Message: err.Error()}}
	}
	var out []Violation
	v.collect(ve, &out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return dedupe(out)
}

// collect walks the cause tree to its leaves, so nested errors are not lost
// behind the first one.
func (v *Validator) collect(ve *jsonschema.ValidationError, out *[]Violation) {
	if len(ve.Causes) > 0 {
		for _, c := range ve.Causes {
			v.collect(c, out)
		}
		return
	}
	*out = append(*out, v.describe(ve)...)
}

func dedupe(in []Violation) []Violation {
	seen := map[Violation]bool{}
	out := in[:0]
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

var printer = message.NewPrinter(language.English)

// describe words one leaf error; required and additionalProperties errors
// that name several properties become one violation each.
func (v *Validator) describe(ve *jsonschema.ValidationError) []Violation {
	pointer := Pointer(ve.InstanceLocation)
	field := FieldName(ve.InstanceLocation)
	switch k := ve.ErrorKind.(type) {
	case *kind.Required:
		var out []Violation
		for _, name := range k.Missing {
			out = append(out, Violation{
				Pointer: Pointer(append(append([]string{}, ve.InstanceLocation...), name)),
				Message: fmt.Sprintf("%s: required property %q is missing", displayField(field), name),
			})
		}
		return out
	case *kind.AdditionalProperties:
		var out []Violation
		for _, name := range k.Properties {
			out = append(out, Violation{
				Pointer: Pointer(append(append([]string{}, ve.InstanceLocation...), name)),
				AtKey:   true,
				Message: v.unknownProperty(ve.SchemaURL, field, name),
			})
		}
		return out
	case *kind.Type:
		msg := fmt.Sprintf("%s: expected %s, found %s", displayField(field), strings.Join(k.Want, " or "), article(k.Got))
		if slices.Contains(k.Want, "boolean") && k.Got == "string" {
			// finance: yes is text in YAML 1.2, which descriptors use.
			msg += " (write true or false, without quotes; yes, no, on and off are text)"
		}
		return []Violation{{Pointer: pointer, Message: msg}}
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			want = append(want, display(w))
		}
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s is not one of %s", displayField(field), display(k.Got), strings.Join(want, ", "))}}
	case *kind.Const:
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: must be %s, found %s", displayField(field), display(k.Want), display(k.Got))}}
	case *kind.Format:
		if k.Want == "date" && errors.Is(k.Err, errDateRange) {
			return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s is outside the years %d to %d (check the year)", displayField(field), display(k.Got), MinYear, MaxYear)}}
		}
		if k.Want == "date" {
			return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s is not a date (YYYY-MM-DD)", displayField(field), display(k.Got))}}
		}
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s is not a valid %s", displayField(field), display(k.Got), k.Want)}}
	case *kind.Pattern:
		if k.Want == identifierPattern {
			return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %q is not an identifier (lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters)", displayField(field), k.Got)}}
		}
		if k.Want == frameworkNamePattern {
			return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %q is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit, at most 64 characters; run cgcheck frameworks to see those known)", displayField(field), k.Got)}}
		}
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %q does not match the pattern %s", displayField(field), k.Got, k.Want)}}
	case *kind.Minimum:
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s is below the minimum of %s", displayField(field), number(k.Got), number(k.Want))}}
	case *kind.MinItems:
		return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: needs at least %d item(s), found %d", displayField(field), k.Want, k.Got)}}
	}
	return []Violation{{Pointer: pointer, Message: fmt.Sprintf("%s: %s", displayField(field), ve.ErrorKind.LocalizedString(printer))}}
}

// unknownProperty words a property the object schema at location does not
// declare, naming the nearest declared one when it looks like a slip
// (finanse, Finance, start_date for start).
func (v *Validator) unknownProperty(location, field, name string) string {
	if best, ok := suggest.Nearest(name, v.fields[location]); ok {
		return fmt.Sprintf("%s: unknown property %q (did you mean %q? descriptor v1 has no field %q here)", displayField(field), name, best, name)
	}
	return fmt.Sprintf("%s: unknown property %q (check the spelling; descriptor v1 has no such field here)", displayField(field), name)
}

// identifierPattern is the pattern descriptor.md gives ids and refs; its
// violations get a message that explains it instead of quoting a regexp.
const identifierPattern = "^[a-z0-9][a-z0-9-]{0,63}$"

// frameworkNamePattern is the pattern of an outcome link's framework name
// (descriptor revision 2).
const frameworkNamePattern = "^[a-z0-9][a-z0-9_-]{0,63}$"

// Pointer renders an instance location as an RFC 6901 pointer.
func Pointer(location []string) string {
	var b strings.Builder
	for _, tok := range location {
		tok = strings.ReplaceAll(tok, "~", "~0")
		tok = strings.ReplaceAll(tok, "/", "~1")
		b.WriteString("/")
		b.WriteString(tok)
	}
	return b.String()
}

// FieldName renders an instance location the way descriptor.md names
// fields: lifecycle.start, partners[2].representative.
func FieldName(location []string) string {
	var b strings.Builder
	for _, tok := range location {
		if isIndex(tok) {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteString(".")
		}
		b.WriteString(tok)
	}
	return b.String()
}

func displayField(field string) string {
	if field == "" {
		return "the document"
	}
	return field
}

func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for _, r := range tok {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func article(typ string) string {
	switch typ {
	case "object", "array", "integer":
		return "an " + typ
	case "null":
		return "null"
	}
	return "a " + typ
}

// display renders a JSON value briefly for a message. It shortens by
// characters, not bytes, so the message stays valid UTF-8.
func display(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:57]) + "..."
	}
	return s
}

// number renders a schema bound or the value it was compared with as the
// number it is (-1, 0.5, -0.001): rounding to a fixed number of places would
// show -0.001 as "-0.00 is below the minimum of 0".
func number(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'g', -1, 64)
}
