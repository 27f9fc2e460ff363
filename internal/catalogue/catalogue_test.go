package catalogue_test

import (
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"example.org/cgcheck/internal/catalogue"
)

// module parses a rule package whose METADATA custom block is given.
func module(t *testing.T, pkg, custom string) *ast.Module {
	t.Helper()
	src := "# METADATA\n# title: A rule\n# description: What it checks.\n# custom:\n" + custom + "package " + pkg + "\n"
	m, err := ast.ParseModuleWithOpts("rule.rego", src, ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const base = "#   id: single-lead\n#   theme: governance\n#   severity: fail\n#   remediation: Name one lead.\n"

func TestBuiltinRuleLivesWhereItsIDAndThemeSay(t *testing.T) {
	t.Parallel()
	if _, err := catalogue.FromModule(module(t, "cgcheck.rules.governance.single_lead", base), true); err != nil {
		t.Fatalf("a rule in its own package: %v", err)
	}
	for _, pkg := range []string{"cgcheck.rules.purpose.single_lead", "cgcheck.rules.governance.one_lead", "cgcheck.registry.single_lead"} {
		_, err := catalogue.FromModule(module(t, pkg, base), true)
		if err == nil || !strings.Contains(err.Error(), "must be declared in package cgcheck.rules.governance.single_lead") {
			t.Errorf("package %s: err = %v; want the package it must be in", pkg, err)
		}
	}
	// Custom rules may live in any package of their own.
	if _, err := catalogue.FromModule(module(t, "custom.anything", base), false); err != nil {
		t.Errorf("custom rule: %v", err)
	}
}

func TestCitationsAndListParams(t *testing.T) {
	t.Parallel()
	custom := base + `#   section: Executive Summary
#   quote: first words
#   citations:
#     - {section: Key Messages, quote: second words}
#   params:
#     phrases: {default: [for all, quality of life], type: list, description: Phrases.}
`
	r, err := catalogue.FromModule(module(t, "cgcheck.rules.governance.single_lead", custom), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Citations) != 1 || r.Citations[0] != (catalogue.Citation{Section: "Key Messages", Quote: "second words"}) {
		t.Errorf("citations = %+v", r.Citations)
	}
	if p, ok := r.Param("phrases"); !ok || p.Type != "list" {
		t.Errorf("param phrases = %+v, %v", p, ok)
	}
}

func TestMetadataErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"#   params:\n#     Group_Max: {default: 3, type: integer}\n":      `param name "Group_Max" must be lowercase`,
		"#   params:\n#     group_m\u0430x: {default: 3, type: integer}\n": "must be lowercase letters",
		"#   params:\n#     phrases: {default: [a, 3], type: list}\n":      "entry 2 is 3",
		"#   params:\n#     flag: {default: 3, type: map}\n":               "use integer, number, string, boolean, list",
		"#   citations: {section: x}\n":                                    "citations must be a list",
		"#   citations:\n#     - {section: Key Messages}\n":                "needs a section and a quote",
		"#   plain: [a]\n":                "custom.plain must be a mapping",
		"#   plain: {warn: Some words}\n": "custom.plain.warn: the rule gives pass and fail, not warn",
		"#   plain: {fail: 3}\n":          "custom.plain.fail must be a sentence",
		"#   question: [a]\n":             "custom.question must be a string",
	}
	for custom, want := range cases {
		_, err := catalogue.FromModule(module(t, "cgcheck.rules.governance.single_lead", base+custom), true)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("METADATA %q: err = %v; want it to say %q", custom, err, want)
		}
	}
}
