package policies_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/testtool"
	"example.org/cgcheck/policies"
)

// TestRego runs every *_test.rego with the production capabilities, so a
// policy that calls a builtin the sandbox refuses fails here too, and with
// them the load shapes in testdata/rego-load: registries of thousands of
// descriptors, which stock `opa test` is not given because they take longer
// than its 5 s per test on a busy machine.
func TestRego(t *testing.T) {
	modules := map[string]*ast.Module{}
	read := func(fsys fs.FS, prefix string) {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
				return err
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			name := path.Join(prefix, p)
			m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			if err != nil {
				return err
			}
			modules[name] = m
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read(policies.FS, "")
	load := filepath.Join(testtool.RepoRoot(t), "testdata", "rego-load")
	read(os.DirFS(load), "testdata/rego-load")
	loadTests := 0
	for name := range modules {
		if strings.HasPrefix(name, "testdata/rego-load/") {
			loadTests++
		}
	}
	if loadTests == 0 {
		t.Fatalf("no load tests found in %s", load)
	}
	compiler := ast.NewCompiler().WithCapabilities(engine.Capabilities()).WithEnablePrintStatements(true)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		// The registry tests build registries of thousands of documents to
		// show the rules group rather than compare every pair; under -race
		// they take longer than OPA's default 5 s. This is a bound against a
		// hang, not a speed assertion: speed is measured by bench/run.sh.
		SetTimeout(5*time.Minute).
		Run(context.Background(), modules)
	if err != nil {
		t.Fatalf("run Rego tests: %v", err)
	}
	n := 0
	for r := range ch {
		n++
		t.Run(strings.TrimPrefix(r.Package, "data.")+"/"+r.Name, func(t *testing.T) {
			switch {
			case r.Error != nil:
				t.Errorf("%s: error: %v\n%s", r.Location, r.Error, r.Output)
			case r.Fail:
				t.Errorf("%s: fail\n%s", r.Location, r.Output)
			case r.Skip:
				t.Skipf("%s: skipped (todo_ test)", r.Location)
			}
		})
	}
	if n < 100 {
		t.Errorf("ran %d Rego tests; expected the whole suite (every rule has several)", n)
	}
}

// TestStockOPA checks the policies also pass under the stock `opa test`,
// so users can work on them with OPA's own tools.
func TestStockOPA(t *testing.T) {
	opa := testtool.Look(t, "opa", ".ci/run builds it: go build -o .ci/bin/opa github.com/open-policy-agent/opa")
	// At OPA's default settings, as a user runs it: every test finishes
	// well inside 5 s (the load shapes are in testdata/rego-load). This runs
	// beside the rest of `go test ./...` on a busy machine, so it is a check
	// that no test is near the limit, not only that they pass.
	out, err := exec.Command(opa, "test", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("opa test policies: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "PASS:") {
		t.Fatalf("opa test printed no PASS line:\n%s", out)
	}
}
