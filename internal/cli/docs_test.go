package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/testtool"
)

// TestDocsRulesUpToDate fails when docs/rules.md no longer matches the
// policies' METADATA. Regenerate it with
// `go run ./cmd/cgcheck rules --format markdown > docs/rules.md`
// or `go test ./internal/cli -run TestDocs -update`.
func TestDocsRulesUpToDate(t *testing.T) {
	var out, errOut bytes.Buffer
	code := cli.Main(context.Background(), []string{"rules", "--format", "markdown"}, cli.Streams{
		Stdout: &out, Stderr: &errOut, Dir: t.TempDir(), Getenv: func(string) string { return "" },
	})
	if code != 0 {
		t.Fatalf("cgcheck rules --format markdown: exit %d: %s", code, errOut.String())
	}
	path := filepath.Join(testtool.RepoRoot(t), "docs", "rules.md")
	if *updateScripts {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (generate it with: go run ./cmd/cgcheck rules --format markdown > docs/rules.md)", err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("docs/rules.md is out of date with the policies' METADATA; regenerate it with\n  go run ./cmd/cgcheck rules --format markdown > docs/rules.md\n(-committed +generated):\n%s", diff)
	}
}
