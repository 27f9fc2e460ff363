package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/testtool"
)

// TestDocsDescriptorUpToDate fails when docs/descriptor.md no longer
// matches the schema's titles and descriptions, or leaves a field out.
// Regenerate it with
// `go run ./cmd/cgcheck schema --format markdown > docs/descriptor.md`
// or `go test ./internal/cli -run TestDocs -update`.
func TestDocsDescriptorUpToDate(t *testing.T) {
	page := generatedDoc(t, "descriptor.md", "the schema", "schema", "--format", "markdown")
	for _, key := range schemaKeys(t) {
		if !strings.Contains(page, "| `"+key+"` |") {
			t.Errorf("the descriptor page has no row for field %q", key)
		}
	}
}

// TestDocsRulesUpToDate fails when docs/rules.md no longer matches the
// policies' METADATA. Regenerate it with
// `go run ./cmd/cgcheck rules --format markdown > docs/rules.md`
// or `go test ./internal/cli -run TestDocs -update`.
func TestDocsRulesUpToDate(t *testing.T) {
	generatedDoc(t, "rules.md", "the policies' METADATA", "rules", "--format", "markdown")
}

// generatedDoc runs cgcheck with args and compares what it prints with
// docs/name, generated from source (rewritten with -update), and returns
// the page.
func generatedDoc(t *testing.T, name, source string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(context.Background(), args, cli.Streams{
		Stdout: &out, Stderr: &errOut, Dir: t.TempDir(), Getenv: func(string) string { return "" },
	})
	command := "go run ./cmd/cgcheck " + strings.Join(args, " ") + " > docs/" + name
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", command, code, errOut.String())
	}
	path := filepath.Join(testtool.RepoRoot(t), "docs", name)
	if *updateScripts {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (generate it with: %s)", err, command)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("docs/%s is out of date with %s; regenerate it with\n  %s\n(-committed +generated):\n%s", name, source, command, diff)
	}
	return out.String()
}

// TestREADMETemplateExcerptIsTheTemplates holds the README's excerpt of the
// `cgcheck init` template to the template: every line of it is a line the
// template has, so the README shows the placeholders as they really are.
func TestREADMETemplateExcerptIsTheTemplates(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(testtool.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "as the template has it:\n\n```yaml\n")
	if !ok {
		t.Fatal("README.md has no template excerpt (\"as the template has it:\" then a yaml block)")
	}
	excerpt, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("the README's template excerpt is not closed")
	}
	template := "\n" + initTemplate(t)
	for _, line := range strings.Split(strings.TrimSuffix(excerpt, "\n"), "\n") {
		if !strings.Contains(template, "\n"+line+"\n") {
			t.Errorf("the README's template excerpt has a line the template does not: %q", line)
		}
	}
}

// TestEveryCommandShowsExamples: --help of cgcheck and of each of its
// commands shows examples to copy, since most of its users do not live in
// a terminal.
func TestEveryCommandShowsExamples(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"check", "--help"}, {"rules", "--help"}, {"explain", "--help"},
		{"schema", "--help"}, {"data", "--help"}, {"frameworks", "--help"}, {"init", "--help"}, {"version", "--help"},
		{"bundle", "--help"}} {
		var out, errOut bytes.Buffer
		code := cli.Main(context.Background(), args, cli.Streams{
			Stdout: &out, Stderr: &errOut, Dir: t.TempDir(), Getenv: func(string) string { return "" },
		})
		if code != 0 || !strings.Contains(out.String(), "Examples:\n  cgcheck ") {
			t.Errorf("cgcheck %s: exit %d, no examples:\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
	}
}

// TestREADMEOutputExampleIsReal runs the command the README shows under
// "What the output looks like" and holds the README to its real output, so
// the first thing a reader sees is never out of date.
func TestREADMEOutputExampleIsReal(t *testing.T) {
	root := testtool.RepoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "## What the output looks like\n\n```text\n$ cgcheck ")
	if !ok {
		t.Fatal("README.md has no output example (\"## What the output looks like\", then a text block starting \"$ cgcheck \")")
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("the README's output example is not closed")
	}
	command, want, _ := strings.Cut(block, "\n")
	t.Chdir(root)
	got := cgcheck(t, append(strings.Fields(command), "--no-cache")...)
	if diff := cmp.Diff(want, got.stdout); diff != "" {
		t.Errorf("the README's output of `cgcheck %s` is not what it prints (-README +real):\n%s", command, diff)
	}
}

// TestPaperSpeaksWithoutFieldNames writes the board paper of every bundled
// example and holds what a reader sees (outside the file name in the
// footer) free of the descriptor format's field names: no snake_case word,
// no dotted path.
func TestPaperSpeaksWithoutFieldNames(t *testing.T) {
	root := testtool.RepoRoot(t)
	files, err := filepath.Glob(filepath.Join(root, "testdata", "examples", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	hidden := regexp.MustCompile(`(?s)<head>.*?</head>|<footer>.*?</footer>|<code>.*?</code>`)
	tags := regexp.MustCompile(`<[^>]+>`)
	fieldName := regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+\b|\b[a-z_]+\.[a-z_]+\b`)
	n := 0
	for _, file := range files {
		if ext := filepath.Ext(file); ext != ".yaml" && ext != ".json" {
			continue
		}
		n++
		got := cgcheck(t, "paper", "--no-cache", "--today", "2008-10-01", file)
		if got.code != 0 || got.stderr != "" {
			t.Errorf("paper %s: exit %d, stderr %q", file, got.code, got.stderr)
			continue
		}
		text := tags.ReplaceAllString(hidden.ReplaceAllString(got.stdout, ""), " ")
		if m := fieldName.FindAllString(text, 5); len(m) > 0 {
			t.Errorf("the paper of %s speaks in field names: %q", filepath.Base(file), m)
		}
		if !strings.Contains(text, "What the checks found") {
			t.Errorf("the paper of %s has no findings section", filepath.Base(file))
		}
	}
	if n < 10 {
		t.Fatalf("only %d examples found", n)
	}
}
