// Package webform builds an HTML form for a descriptor from the project's
// JSON Schema: a section per part of the descriptor in the schema's order
// (the template's), each field with the schema's title as its label and its
// description as help, lists that grow and shrink, dates as date inputs and
// fixed choices as drop-downs. cgcheck serve's page shows it; a small script
// on that page (assets/app.js in package serve) grows the lists and turns
// the filled-in form into a descriptor, reading the data-kind and data-key
// attributes written here.
package webform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Kind says how a field is shown and how the page reads it back.
type Kind string

// The kinds of field. Object and List hold other fields; the rest are one
// input each.
const (
	Const    Kind = "const"    // a fixed value, sent as it is (the format version)
	Text     Kind = "text"     // one line of text
	LongText Kind = "longtext" // a paragraph
	Number   Kind = "number"
	Date     Kind = "date"
	Choice   Kind = "choice" // one of a fixed list
	YesNo    Kind = "yesno"  // yes, no, or not stated
	Object   Kind = "object" // a group of named fields
	List     Kind = "list"   // entries of one kind that grow and shrink
	// OneOrMore is a text that may also be a list of texts (area,
	// reports_to): one entry is sent as a text, several as a list.
	OneOrMore Kind = "oneormore"
)

// Field is one part of the form.
type Field struct {
	Key      string // the descriptor's field name ("" for a list's entry)
	Title    string
	Help     string
	Kind     Kind
	Required bool
	Choices  []string // Choice: the allowed values
	Const    string   // Const: the value
	Minimum  *float64 // Number: the least value allowed
	Fields   []*Field // Object: its fields, in the schema's order
	Item     *Field   // List: one entry
	MinItems int      // List, OneOrMore: entries shown at first
}

// longText are the descriptor's fields that hold a paragraph rather than a
// name or a short phrase: they get a text area.
var longText = map[string]bool{
	"task": true, "why_partnership": true, "mandate": true, "end_condition": true,
	"remit": true, "interest": true, "will_not_contribute": true, "terms_of_reference": true,
	"definition": true, "service": true, "intended_impact": true, "sustainability_plan": true,
	"risk": true, "mitigation": true, "dissemination": true, "evaluation": true,
	"justification": true, "description": true, "what": true,
}

// FromSchema reads the JSON Schema and returns the form's top-level field:
// an Object whose fields are the descriptor's.
func FromSchema(schema []byte) (*Field, error) {
	root, err := parseOrdered(schema)
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	b := builder{defs: root.get("$defs")}
	return b.field("", root, nil, 0)
}

type builder struct{ defs *node }

// maxDepth guards against a schema whose references loop.
const maxDepth = 12

func (b builder) field(key string, n *node, required map[string]bool, depth int) (*Field, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("%s: the schema nests more than %d levels deep", key, maxDepth)
	}
	n, err := b.resolve(n)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	f := &Field{Key: key, Title: n.str("title"), Help: n.str("description"), Required: required[key]}
	types := n.types()
	switch {
	case n.get("const") != nil:
		f.Kind, f.Const = Const, fmt.Sprint(n.get("const").val)
	case n.get("enum") != nil:
		f.Kind = Choice
		for _, c := range n.get("enum").arr {
			f.Choices = append(f.Choices, fmt.Sprint(c.val))
		}
	case types["object"]:
		f.Kind = Object
		req := map[string]bool{}
		if r := n.get("required"); r != nil {
			for _, k := range r.arr {
				req[fmt.Sprint(k.val)] = true
			}
		}
		if props := n.get("properties"); props != nil {
			for _, k := range props.keys {
				child, err := b.field(k, props.obj[k], req, depth+1)
				if err != nil {
					return nil, err
				}
				f.Fields = append(f.Fields, child)
			}
		}
	case types["array"] && types["string"]:
		f.Kind = OneOrMore
		f.MinItems = 1
	case types["array"]:
		f.Kind = List
		item, err := b.field("", n.get("items"), nil, depth+1)
		if err != nil {
			return nil, err
		}
		f.Item = item
		if m := n.get("minItems"); m != nil {
			if v, ok := m.val.(json.Number); ok {
				i, _ := v.Int64()
				f.MinItems = int(i)
			}
		}
	case types["number"] || types["integer"]:
		f.Kind = Number
		if m := n.get("minimum"); m != nil {
			if v, ok := m.val.(json.Number); ok {
				x, _ := v.Float64()
				f.Minimum = &x
			}
		}
	case types["boolean"]:
		f.Kind = YesNo
	case n.str("format") == "date":
		f.Kind = Date
	case longText[key]:
		f.Kind = LongText
	default:
		f.Kind = Text
	}
	return f, nil
}

// resolve follows a local $ref ("#/$defs/name"), keeping the referring
// node's own title and description, which say what the value is there.
func (b builder) resolve(n *node) (*node, error) {
	if n == nil {
		return &node{obj: map[string]*node{}}, nil
	}
	ref := n.str("$ref")
	if ref == "" {
		return n, nil
	}
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok || b.defs == nil || b.defs.obj[name] == nil {
		return nil, fmt.Errorf("cannot follow $ref %q", ref)
	}
	def := b.defs.obj[name]
	merged := &node{obj: map[string]*node{}}
	for _, k := range def.keys {
		merged.set(k, def.obj[k])
	}
	for _, k := range n.keys {
		if k != "$ref" {
			merged.set(k, n.obj[k])
		}
	}
	return merged, nil
}

// node is a JSON value that keeps the order of an object's keys, which Go's
// maps lose: the form follows the schema's order.
type node struct {
	keys []string
	obj  map[string]*node
	arr  []*node
	val  any // a scalar: string, json.Number, bool or nil
}

func (n *node) get(key string) *node {
	if n == nil || n.obj == nil {
		return nil
	}
	return n.obj[key]
}

func (n *node) set(key string, v *node) {
	if _, ok := n.obj[key]; !ok {
		n.keys = append(n.keys, key)
	}
	n.obj[key] = v
}

func (n *node) str(key string) string {
	if v := n.get(key); v != nil {
		if s, ok := v.val.(string); ok {
			return s
		}
	}
	return ""
}

// types is the set of the node's "type" (a name or a list of names).
func (n *node) types() map[string]bool {
	out := map[string]bool{}
	t := n.get("type")
	if t == nil {
		return out
	}
	if s, ok := t.val.(string); ok {
		out[s] = true
	}
	for _, e := range t.arr {
		if s, ok := e.val.(string); ok {
			out[s] = true
		}
	}
	return out
}

func parseOrdered(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("more than one value")
	}
	return n, nil
}

func readNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		n := &node{obj: map[string]*node{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.set(k.(string), v)
		}
		_, err := dec.Token() // }
		return n, err
	case json.Delim('['):
		n := &node{arr: []*node{}}
		for dec.More() {
			v, err := readNode(dec)
			if err != nil {
				return nil, err
			}
			n.arr = append(n.arr, v)
		}
		_, err := dec.Token() // ]
		return n, err
	}
	return &node{val: tok}, nil
}
