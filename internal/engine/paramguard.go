package engine

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Parameters belong to the rule that declares them (rules.md v2). The run
// supplies them as data.cgcheck.params[<rule id>][<name>], and lib.param
// finds the calling rule's id in rego.metadata.chain(). Data is readable by
// every module, so a custom policy is held to reading its parameters that
// way: it may not refer to data.cgcheck.params (or the whole of
// data.cgcheck or data, which hold it) itself, and it must call lib.param
// with its own rego.metadata.chain(), not a chain it made up naming a
// built-in rule.

var (
	dataRef       = ast.MustParseRef("data")
	cgcheckRef    = ast.MustParseRef("data.cgcheck")
	paramsRef     = ast.MustParseRef("data.cgcheck.params")
	libParamRef   = ast.MustParseRef("data.cgcheck.lib.param")
	metadataChain = ast.MustParseRef("rego.metadata.chain")
)

// checkParamAccess reports each place a custom module could read another
// rule's parameters.
func checkParamAccess(name string, m *ast.Module) PolicyErrors {
	aliases := importAliases(m)
	var errs PolicyErrors
	report := func(loc *ast.Location, msg string) {
		errs = append(errs, errorAt(loc, name, msg))
	}
	// Rules only: the imports name paths without reading them.
	for _, rule := range m.Rules {
		walkParamRefs(rule, aliases, report)
	}
	for _, rule := range m.Rules {
		walkParamCalls(rule, aliases, report)
	}
	return errs
}

// walkParamRefs reports refs into data.cgcheck.params and reads of the
// whole of data or data.cgcheck.
func walkParamRefs(rule *ast.Rule, aliases map[ast.Var]ast.Ref, report func(*ast.Location, string)) {
	ast.WalkRefs(rule, func(r ast.Ref) bool {
		full := resolve(r, aliases)
		switch {
		case full.HasPrefix(paramsRef):
			report(r[0].Location, "reads data.cgcheck.params directly; read this rule's own parameters with lib.param(rego.metadata.chain(), \"name\") (a parameter belongs to the rule that declares it)")
		case full.Equal(dataRef), full.Equal(cgcheckRef), isDynamicBelow(full, dataRef), isDynamicBelow(full, cgcheckRef):
			report(r[0].Location, fmt.Sprintf("reads %s as a whole, which holds every rule's parameters; refer to the data the rule needs by name (data.cgcheck.today, lib.param(rego.metadata.chain(), \"name\"))", r))
		}
		return false
	})
}

// walkParamCalls reports calls of lib.param whose chain is not the rule's
// own rego.metadata.chain(), whether the call is an expression of its own
// or nested in one (x := lib.param(...)).
func walkParamCalls(rule *ast.Rule, aliases map[ast.Var]ast.Ref, report func(*ast.Location, string)) {
	check := func(terms []*ast.Term, loc *ast.Location) {
		if len(terms) == 0 {
			return
		}
		op, ok := terms[0].Value.(ast.Ref)
		if !ok || !resolve(op, aliases).Equal(libParamRef) {
			return
		}
		if len(terms) < 2 || !isMetadataChainCall(terms[1]) {
			report(loc, "calls lib.param with a chain of its own making; pass rego.metadata.chain(), so the parameter read is this rule's own")
		}
	}
	ast.NewGenericVisitor(func(x any) bool {
		switch x := x.(type) {
		case *ast.Expr:
			if terms, ok := x.Terms.([]*ast.Term); ok {
				check(terms, x.Location)
			}
		case *ast.Term:
			if call, ok := x.Value.(ast.Call); ok {
				check(call, x.Location)
			}
		}
		return false
	}).Walk(rule)
}

// isMetadataChainCall reports whether t is the call rego.metadata.chain().
func isMetadataChainCall(t *ast.Term) bool {
	call, ok := t.Value.(ast.Call)
	if !ok || len(call) != 1 {
		return false
	}
	op, ok := call[0].Value.(ast.Ref)
	return ok && op.Equal(metadataChain)
}

// isDynamicBelow reports whether r is prefix followed by a term that is
// not a constant (data[x], data.cgcheck[x]): a read of any part of prefix.
func isDynamicBelow(r, prefix ast.Ref) bool {
	if len(r) <= len(prefix) || !r.HasPrefix(prefix) {
		return false
	}
	_, isString := r[len(prefix)].Value.(ast.String)
	return !isString
}

// importAliases maps the name each import binds to the path it imports.
func importAliases(m *ast.Module) map[ast.Var]ast.Ref {
	out := map[ast.Var]ast.Ref{}
	for _, imp := range m.Imports {
		path, ok := imp.Path.Value.(ast.Ref)
		if !ok {
			continue
		}
		name := imp.Alias
		if name == "" {
			name = imp.Name() // the last element of the path
		}
		out[name] = path
	}
	return out
}

// resolve expands a ref that starts with an import alias into the full
// path it refers to (lib.param -> data.cgcheck.lib.param).
func resolve(r ast.Ref, aliases map[ast.Var]ast.Ref) ast.Ref {
	head, ok := r[0].Value.(ast.Var)
	if !ok {
		return r
	}
	if path, ok := aliases[head]; ok {
		return path.Concat(r[1:])
	}
	return r
}
