// Package schemadoc writes the descriptor format's reference page,
// docs/descriptor.md, from the JSON Schema's titles and descriptions, so the
// page and the schema cannot drift apart: one table of fields per object,
// from the top of a descriptor down, with each field's type, whether it is
// required, and what it means.
package schemadoc

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// node is the part of a JSON Schema the page reads.
type node struct {
	Ref                  string           `json:"$ref"`
	Title                string           `json:"title"`
	Description          string           `json:"description"`
	Type                 any              `json:"type"` // a name or a list of names
	Enum                 []any            `json:"enum"`
	Const                any              `json:"const"`
	Format               string           `json:"format"`
	Pattern              string           `json:"pattern"`
	Minimum              *float64         `json:"minimum"`
	MinItems             *int             `json:"minItems"`
	Required             []string         `json:"required"`
	Properties           map[string]*node `json:"properties"`
	Items                *node            `json:"items"`
	Defs                 map[string]*node `json:"$defs"`
	AdditionalProperties any              `json:"additionalProperties"`
}

// order is the properties of an object in the order the schema writes
// them, which is the order of the template and of descriptor.md.
type order map[string][]string

// WriteMarkdown writes the reference page of the schema src.
func WriteMarkdown(w io.Writer, src []byte) error {
	var root node
	if err := json.Unmarshal(src, &root); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	keys, err := propertyOrder(src)
	if err != nil {
		return err
	}
	p := &page{defs: root.Defs, keys: keys}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", root.Title)
	b.WriteString("<!-- Generated from schemas/partnership.v1.schema.json by `cgcheck schema --format markdown`; do not edit by hand.\n")
	b.WriteString("     Regenerate: go run ./cmd/cgcheck schema --format markdown > docs/descriptor.md -->\n\n")
	fmt.Fprintf(&b, "%s\n\n", root.Description)
	b.WriteString("A descriptor is one YAML or JSON file. `cgcheck init` writes a commented template to start from; ")
	b.WriteString("`cgcheck schema` prints the JSON Schema this page is generated from. ")
	b.WriteString("Fields marked **required** must be present; a field not listed here is refused (check its spelling).\n\n")
	p.object(&b, "", &root, "/")
	p.writeDefs(&b)
	_, err = io.WriteString(w, b.String())
	return err
}

type page struct {
	defs map[string]*node
	keys order
	used []string // the $defs referred to, in first use
}

// object writes the table of one object's fields, then a section for each
// field that is itself an object or a list of objects.
func (p *page) object(b *strings.Builder, path string, n *node, at string) {
	names := p.keys[at]
	if len(names) == 0 {
		return
	}
	b.WriteString("| field | type | | meaning |\n|---|---|---|---|\n")
	for _, name := range names {
		f := n.Properties[name]
		req := ""
		if slices.Contains(n.Required, name) {
			req = "**required**"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", name, p.typeOf(f), req, cell(meaning(f)))
	}
	b.WriteString("\n")
	for _, name := range names {
		f := n.Properties[name]
		child := path + name
		switch {
		case isObject(f) && f.Properties != nil:
			fmt.Fprintf(b, "## `%s`\n\n", child)
			p.object(b, child+".", f, at+"properties/"+name+"/")
		case f.Items != nil && isObject(f.Items) && f.Items.Properties != nil:
			fmt.Fprintf(b, "## `%s[]`\n\n", child)
			if f.Items.Description != "" {
				fmt.Fprintf(b, "Each item: %s\n\n", f.Items.Description)
			}
			p.object(b, child+"[].", f.Items, at+"properties/"+name+"/items/")
		}
	}
}

// writeDefs describes each shared type the fields refer to.
func (p *page) writeDefs(b *strings.Builder) {
	if len(p.used) == 0 {
		return
	}
	b.WriteString("## Types\n\n")
	for _, name := range p.used {
		d := p.defs[name]
		fmt.Fprintf(b, "### %s\n\n%s", d.Title, d.Description)
		if len(d.Enum) > 0 {
			fmt.Fprintf(b, " One of %s.", enumList(d.Enum))
		}
		b.WriteString("\n\n")
		if d.Properties != nil {
			p.object(b, "", d, "/$defs/"+name+"/")
		}
	}
}

// typeOf names a field's type for a reader: "text", "date", "list of
// partner references", "one of `core`, `contributor`".
func (p *page) typeOf(n *node) string {
	if n.Ref != "" {
		name := strings.TrimPrefix(n.Ref, "#/$defs/")
		d, ok := p.defs[name]
		if !ok {
			return "see schema"
		}
		if !slices.Contains(p.used, name) {
			p.used = append(p.used, name)
		}
		return fmt.Sprintf("[%s](#%s)", strings.ToLower(d.Title), anchor(d.Title))
	}
	if n.Const != nil {
		return fmt.Sprintf("`%v`", n.Const)
	}
	if len(n.Enum) > 0 {
		return "one of " + enumList(n.Enum)
	}
	var names []string
	switch t := n.Type.(type) {
	case string:
		names = []string{t}
	case []any:
		for _, x := range t {
			names = append(names, fmt.Sprint(x))
		}
	}
	var out []string
	for _, t := range names {
		switch t {
		case "string":
			s := "text"
			if n.Format == "date" {
				s = "date"
			}
			out = append(out, s)
		case "array":
			item := "items"
			if n.Items != nil {
				item = p.typeOf(n.Items)
			}
			out = append(out, "list of "+item)
		case "object":
			out = append(out, "mapping")
		case "boolean":
			out = append(out, "true or false")
		case "integer":
			out = append(out, "whole number")
		case "number":
			out = append(out, "number")
		default:
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return "any"
	}
	return strings.Join(out, " or ")
}

func isObject(n *node) bool {
	t, _ := n.Type.(string)
	return t == "object"
}

// meaning is a field's title and description as one cell.
func meaning(n *node) string {
	switch {
	case n.Title != "" && n.Description != "":
		return "**" + n.Title + ".** " + n.Description
	case n.Description != "":
		return n.Description
	}
	return n.Title
}

func enumList(values []any) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprintf("`%v`", v)
	}
	return strings.Join(parts, ", ")
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

// anchor is the id GitHub gives a heading.
func anchor(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9'):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// propertyOrder reads, for every object in the schema (by its location:
// "/", "/properties/lead/", "/$defs/target/"), the names of its properties
// in the order the file writes them; encoding/json's maps forget it.
func propertyOrder(src []byte) (order, error) {
	out := order{}
	dec := json.NewDecoder(strings.NewReader(string(src)))
	var walk func(at string) error
	walk = func(at string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				key := kt.(string)
				if key == "properties" {
					if err := properties(dec, at, out, walk); err != nil {
						return err
					}
					continue
				}
				if err := walk(at + key + "/"); err != nil {
					return err
				}
			}
			_, err = dec.Token() // }
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s%d/", at, i)); err != nil {
					return err
				}
			}
			_, err = dec.Token() // ]
			return err
		}
		return nil
	}
	if err := walk("/"); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	return out, nil
}

// properties reads a properties object at location at, recording its names
// in order and walking each property's schema.
func properties(dec *json.Decoder, at string, out order, walk func(string) error) error {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("properties at %s is not an object", at)
	}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return err
		}
		name := kt.(string)
		out[at] = append(out[at], name)
		if err := walk(at + "properties/" + name + "/"); err != nil {
			return err
		}
	}
	_, err := dec.Token() // }
	return err
}
