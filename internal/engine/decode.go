package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The decoders below read the OPA values the policies give back. Each is
// lenient: a value of the wrong type reads as the zero value, because a
// policy's answer is reported as found rather than failing the whole run.

// Elements returns the members of an array or set (nil for anything else).
func Elements(t *ast.Term) []*ast.Term {
	if t == nil {
		return nil
	}
	switch c := t.Value.(type) {
	case *ast.Array:
		out := make([]*ast.Term, c.Len())
		for i := range out {
			out[i] = c.Elem(i)
		}
		return out
	case ast.Set:
		return c.Slice()
	}
	return nil
}

// IsCollection reports whether t is an array or a set.
func IsCollection(t *ast.Term) bool {
	if t == nil {
		return false
	}
	switch t.Value.(type) {
	case *ast.Array, ast.Set:
		return true
	}
	return false
}

// Field returns an object's value for a string key, or nil.
func Field(t *ast.Term, name string) *ast.Term {
	if t == nil {
		return nil
	}
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return nil
	}
	return obj.Get(ast.StringTerm(name))
}

// Pointer reads a JSON pointer a policy gave. A value that is not a
// well-formed pointer reads as the root, so a finding still names its
// document.
func Pointer(t *ast.Term) string {
	if t == nil {
		return ""
	}
	s, _ := t.Value.(ast.String)
	return CleanPointer(string(s))
}

// CleanPointer keeps a well-formed JSON pointer and turns anything else into
// the root ("").
func CleanPointer(s string) string {
	if s != "" && !strings.HasPrefix(s, "/") {
		return ""
	}
	return s
}

// Text reads a string term as itself and any other term in Rego syntax.
func Text(t *ast.Term) string {
	if t == nil {
		return ""
	}
	if s, ok := t.Value.(ast.String); ok {
		return string(s)
	}
	return t.Value.String()
}

// Texts reads each term with Text, sorted.
func Texts(items []*ast.Term) []string {
	var out []string
	for _, s := range items {
		out = append(out, Text(s))
	}
	sort.Strings(out)
	return out
}

// Int reads a whole number (0 for anything else).
func Int(t *ast.Term) int {
	if t == nil {
		return 0
	}
	n, ok := t.Value.(ast.Number)
	if !ok {
		return 0
	}
	v, _ := n.Int()
	return v
}
