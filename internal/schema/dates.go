package schema

import (
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// AnyIndex stands for every index of a list in a path DateFields returns.
const AnyIndex = "*"

// DateFields returns where the schema expects a date (format date): each a
// path of property names, with AnyIndex for an item of a list, sorted. A
// validator that checks the format without cgcheck's years (MinYear to
// MaxYear) can check those at these paths.
func (v *Validator) DateFields() [][]string {
	seen := map[string]bool{}
	var out [][]string
	var walk func(sch *jsonschema.Schema, path []string, depth int)
	walk = func(sch *jsonschema.Schema, path []string, depth int) {
		// The descriptor schema does not recurse; the bound keeps a schema
		// that does from walking for ever.
		if sch == nil || depth > 64 {
			return
		}
		if sch.Format != nil && sch.Format.Name == "date" {
			if key := strings.Join(path, "\x00"); !seen[key] {
				seen[key] = true
				out = append(out, append([]string(nil), path...))
			}
		}
		for _, sub := range [][]*jsonschema.Schema{{sch.Ref}, sch.AllOf, sch.AnyOf, sch.OneOf} {
			for _, s := range sub {
				walk(s, path, depth+1)
			}
		}
		for name, p := range sch.Properties {
			walk(p, append(path[:len(path):len(path)], name), depth+1)
		}
		item := append(path[:len(path):len(path)], AnyIndex)
		walk(sch.Items2020, item, depth+1)
		for _, s := range sch.PrefixItems {
			walk(s, item, depth+1)
		}
		switch items := sch.Items.(type) {
		case *jsonschema.Schema:
			walk(items, item, depth+1)
		case []*jsonschema.Schema:
			for _, s := range items {
				walk(s, item, depth+1)
			}
		}
	}
	walk(v.schema, nil, 0)
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], "\x00") < strings.Join(out[j], "\x00") })
	return out
}
