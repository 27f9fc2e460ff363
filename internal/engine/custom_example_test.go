package engine_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/testtool"
	"example.org/cgcheck/policies"
)

// customExample is the worked custom rule the README points at.
const customExample = "../../testdata/custom-policies"

// TestCustomExampleRegoTests runs the example's own _test.rego with the
// built-in policies (for cgcheck.lib) and the production sandbox, as
// `opa test policies testdata/custom-policies` does.
func TestCustomExampleRegoTests(t *testing.T) {
	t.Parallel()
	modules := map[string]*ast.Module{}
	add := func(fsys fs.FS, prefix string) {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
				return err
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			m, err := ast.ParseModuleWithOpts(prefix+p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			if err != nil {
				return err
			}
			modules[prefix+p] = m
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add(policies.FS, "policies/")
	add(os.DirFS(customExample), "custom/")
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(engine.Capabilities())).
		RaiseBuiltinErrors(true).
		Run(context.Background(), modules)
	if err != nil {
		t.Fatalf("run Rego tests: %v", err)
	}
	n := 0
	for r := range ch {
		if !strings.HasPrefix(r.Package, "data.custom.") {
			continue
		}
		n++
		if r.Error != nil || r.Fail {
			t.Errorf("%s %s: fail %v", r.Location, r.Name, r.Error)
		}
	}
	if n < 3 {
		t.Errorf("ran %d tests of the custom example; want one per status at least", n)
	}
}

// TestCustomExampleLoads checks the example loads in the sandbox as a custom
// rule, with the METADATA the README and custom_rules.txtar rely on.
func TestCustomExampleLoads(t *testing.T) {
	t.Parallel()
	p, err := engine.Load([]string{customExample})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Catalogue().Rule("elected-member-sponsor")
	if !ok {
		t.Fatal("elected-member-sponsor is not in the catalogue")
	}
	if r.Builtin || r.Theme != "governance" || r.Severity != "warn" || r.Package != "data.custom.elected_member_sponsor" {
		t.Errorf("rule = %+v", r)
	}
	if r.Section != "Clarity of Leadership, Governance and Performance Management" {
		t.Errorf("section = %q", r.Section)
	}
	// The quote is the study's words, verbatim.
	study, err := os.ReadFile(testtool.SharedFile(t, "reference/collaborative-gain-study.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Quote == "" || !strings.Contains(string(study), r.Quote) {
		t.Errorf("quote %q is not verbatim in the study", r.Quote)
	}
	if want := filepath.ToSlash(filepath.Clean(customExample)) + "/elected_member_sponsor/elected_member_sponsor.rego"; r.File != want {
		t.Errorf("File = %q, want %q", r.File, want)
	}
}
