// Package values reads a parsed descriptor (maps, lists, strings and
// json.Number, as package descriptor gives it) by expected shape: a value
// of another shape reads as the zero value, since the schema's findings
// report it. Readers that describe a descriptor in words (diff, paper) use
// it.
package values

import (
	"encoding/json"
	"strings"
)

// Str is v trimmed when it is a string, else "".
func Str(v any) string { s, _ := v.(string); return strings.TrimSpace(s) }

// Obj is v when it is an object, else nil.
func Obj(v any) map[string]any { m, _ := v.(map[string]any); return m }

// List is v when it is a list, else nil.
func List(v any) []any { l, _ := v.([]any); return l }

// Num is v as a number, and whether it is one.
func Num(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	case int:
		return float64(n), true
	}
	return 0, false
}

// Strs reads a string, or a list of strings, leaving out blanks.
func Strs(v any) []string {
	if s := Str(v); s != "" {
		return []string{s}
	}
	var out []string
	for _, x := range List(v) {
		if s := Str(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// At walks a slash-separated path of object keys.
func At(v map[string]any, path string) any {
	var cur any = v
	for _, k := range strings.Split(path, "/") {
		cur = Obj(cur)[k]
	}
	return cur
}

// ByID indexes a list of objects by their id (the first of a repeated id:
// the one a reference to it means), with each id's index in the list.
func ByID(items []any) (map[string]map[string]any, map[string]int) {
	m, idx := map[string]map[string]any{}, map[string]int{}
	for i, it := range items {
		o := Obj(it)
		if id := Str(o["id"]); id != "" {
			if _, dup := m[id]; !dup {
				m[id], idx[id] = o, i
			}
		}
	}
	return m, idx
}
