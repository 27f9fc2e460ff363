package engine

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Source is one policy file as Load read it: its text exactly as it is on
// disk (or embedded), for tools that ship the policies elsewhere, such as an
// OPA bundle.
type Source struct {
	// Name is the module's name in messages: policies/cgcheck/... for a
	// built-in module, the custom folder's path joined with Rel for a
	// custom one.
	Name string
	// Folder is 0 for a built-in module, else the position (from 1) of its
	// folder among the custom folders Load was given.
	Folder int
	// Rel is the file's slash-separated path under its folder (under
	// policies/ for a built-in module: cgcheck/lib/lib.rego).
	Rel string
	// Package is the module's package path (data.cgcheck.lib).
	Package ast.Ref
	// Text is the file's text.
	Text []byte
}

// Sources returns every policy file loaded, tests excluded: the built-in
// ones, then each custom folder's in the order the folders were given,
// each folder's files by path.
func (p *Policies) Sources() []Source {
	out := make([]Source, len(p.sources))
	copy(out, p.sources)
	return out
}

// Defines reports whether the policies have rules at ref
// (data.x.y.deny): a generated query that reads only what is defined
// reads no name that a strict compiler would call unknown.
func (p *Policies) Defines(ref string) bool { return p.kindOf(ref) != noRules }

// keepText wraps read so that each file's text is also kept in texts, by
// the path read.
func keepText(read func(string) ([]byte, error), texts map[string][]byte) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		src, err := read(p)
		if err == nil {
			texts[p] = src
		}
		return src, err
	}
}

// sortSources orders sources as Sources promises: by folder, then path.
func sortSources(s []Source) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Folder != s[j].Folder {
			return s[i].Folder < s[j].Folder
		}
		return s[i].Rel < s[j].Rel
	})
}
