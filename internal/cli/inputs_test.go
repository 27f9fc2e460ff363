package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/synth"
)

// ran is one in-process run of cgcheck.
type ran struct {
	code           int
	stdout, stderr string
}

// cgcheck runs the command in-process with no environment and no config
// file, failing the test if it has not ended within a generous limit (a
// read that blocks never would) or if it panicked.
func cgcheck(t *testing.T, args ...string) ran {
	t.Helper()
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	dir := t.TempDir()
	go func() {
		done <- cli.Main(context.Background(), args, cli.Streams{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
			Dir: dir, Getenv: func(string) string { return "" },
		})
	}()
	select {
	case code := <-done:
		if panicked.MatchString(errOut.String()) {
			t.Fatalf("cgcheck %q panicked:\n%s", args, errOut.String())
		}
		return ran{code, out.String(), errOut.String()}
	case <-time.After(60 * time.Second):
		t.Fatalf("cgcheck %q has not ended after 60s: something blocks", args)
		return ran{}
	}
}

// jsonReport is the part of the JSON output the tests look into; the
// documents are also kept whole to compare.
type jsonReport struct {
	Summary struct {
		Documents, Pass, Warn, Fail int
	} `json:"summary"`
	Documents []struct {
		File     string `json:"file"`
		Status   string `json:"status"`
		Findings []struct {
			Rule, Status, Message, Remediation string
			Line, Column                       int
		} `json:"findings"`
	} `json:"documents"`
	Registry json.RawMessage `json:"registry"`
	raw      struct {
		Documents []json.RawMessage `json:"documents"`
	}
}

func decodeJSON(t *testing.T, out string) *jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("the JSON output does not decode: %v\n%s", err, out)
	}
	if err := json.Unmarshal([]byte(out), &r.raw); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Documents != len(r.Documents) || r.Summary.Pass+r.Summary.Warn+r.Summary.Fail != len(r.Documents) {
		t.Errorf("summary %+v does not add up to the %d documents", r.Summary, len(r.Documents))
	}
	return &r
}

func (r *jsonReport) files() []string {
	var out []string
	for _, d := range r.Documents {
		out = append(out, d.File)
	}
	return out
}

// rawJSON compares JSON values, not their spelling.
var rawJSON = cmp.Transformer("json", func(m json.RawMessage) any {
	var v any
	if err := json.Unmarshal(m, &v); err != nil {
		return string(m)
	}
	return v
})

// writeRegistry writes a synthetic registry of n descriptors, some broken
// and with registry findings planted, and returns its folder.
func writeRegistry(t *testing.T, n int, seed uint64, broken float64) string {
	t.Helper()
	files, err := synth.Generate(synth.Options{N: n, Seed: seed, Broken: broken, JSON: synth.DefaultJSON})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "registry")
	if err := synth.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

// stat is what cgcheck must leave as it was of each input.
type stat struct {
	Mode   fs.FileMode
	MTime  time.Time
	SHA256 string // of a file's bytes
}

// snapshot records every file and folder under root.
func snapshot(t *testing.T, root string) map[string]stat {
	t.Helper()
	out := map[string]stat{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s := stat{Mode: info.Mode(), MTime: info.ModTime()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			s.SHA256 = hex.EncodeToString(sum[:])
		}
		out[path] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNeverWritesInputs: checking a registry in every way (text, JSON,
// reports written with --output to another folder) leaves every input's
// bytes, modification time and mode as they were and adds no file among
// them; and inputs made read-only (files 0444, folders 0555) are checked
// just the same.
func TestNeverWritesInputs(t *testing.T) {
	t.Parallel()
	reg := writeRegistry(t, 40, 2, 0.05)
	outDir := t.TempDir()
	today := "--today=" + synth.Today
	text := []string{"check", today}
	for _, f := range report.Formats() {
		text = append(text, "--output", f+"="+filepath.Join(outDir, "report."+f))
	}
	runs := [][]string{
		append(text, reg),                   // text on stdout, every format with --output
		{"check", today, "-o", "json", reg}, // JSON on stdout
	}

	before := snapshot(t, reg)
	var jsonOut string
	for _, args := range runs {
		r := cgcheck(t, args...)
		if r.code != 1 {
			t.Fatalf("cgcheck %q: exit %d, want 1 (some files are broken); stderr:\n%s", args, r.code, r.stderr)
		}
		jsonOut = r.stdout // the last run's: JSON
	}
	if diff := cmp.Diff(before, snapshot(t, reg)); diff != "" {
		t.Fatalf("checking changed the inputs (-before +after):\n%s", diff)
	}
	if got := listDir(t, outDir); len(got) != len(report.Formats()) {
		t.Errorf("--output folder holds %q, want one report per format", got)
	}

	// Read-only inputs. Permission bits do not stop root from writing, so
	// the snapshot is what shows nothing was written.
	t.Cleanup(func() {
		filepath.WalkDir(reg, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(path, 0o755)
			}
			return nil
		})
	})
	err := filepath.WalkDir(reg, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := fs.FileMode(0o444)
		if d.IsDir() {
			mode = 0o555
		}
		return os.Chmod(path, mode)
	})
	if err != nil {
		t.Fatal(err)
	}
	before = snapshot(t, reg)
	r := cgcheck(t, "check", today, "-o", "json", reg)
	if r.code != 1 || r.stdout != jsonOut {
		t.Errorf("read-only inputs: exit %d, and the JSON output differs from the writable run's: %v; stderr:\n%s", r.code, r.stdout != jsonOut, r.stderr)
	}
	if diff := cmp.Diff(before, snapshot(t, reg)); diff != "" {
		t.Fatalf("checking changed the read-only inputs (-before +after):\n%s", diff)
	}
}

var (
	junitStamp = regexp.MustCompile(`timestamp="[^"]*"`)
	sarifRoot  = regexp.MustCompile(`"%SRCROOT%": \{\s*"uri": "[^"]*"`)
)

// TestOutputIndependentOfJobsAndRuns: the same inputs and --today give
// byte-identical reports in every format with --jobs 1 and --jobs 8, and
// two runs give identical reports; over a registry with broken files (parse
// and schema findings) and registry findings.
func TestOutputIndependentOfJobsAndRuns(t *testing.T) {
	t.Parallel()
	reg := writeRegistry(t, 200, 3, 0.03)
	formats := report.Formats()
	for _, want := range []string{"text", "json", "sarif", "junit", "github", "markdown", "html"} {
		if !strings.Contains(" "+strings.Join(formats, " ")+" ", " "+want+" ") {
			t.Errorf("format %s is missing from report.Formats() = %q", want, formats)
		}
	}
	// One run writes every format: text on stdout, all of them with --output.
	run := func(jobs string) map[string]string {
		dir := t.TempDir()
		args := []string{"check", "--today", synth.Today, "--jobs", jobs}
		for _, f := range formats {
			args = append(args, "--output", f+"="+filepath.Join(dir, "report."+f))
		}
		r := cgcheck(t, append(args, reg)...)
		if r.code != 1 {
			t.Fatalf("--jobs %s: exit %d, want 1; stderr:\n%s", jobs, r.code, r.stderr)
		}
		out := map[string]string{"stdout": r.stdout, "stderr": r.stderr}
		for _, f := range formats {
			b, err := os.ReadFile(filepath.Join(dir, "report."+f))
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(b)
		}
		return out
	}
	one, eight, again := run("1"), run("8"), run("8")
	// What rightly differs between runs: when each began (JUnit's
	// timestamp) and the folder each ran in (SARIF's %SRCROOT%).
	for _, out := range []map[string]string{one, eight, again} {
		out["junit"] = junitStamp.ReplaceAllString(out["junit"], `timestamp="(when the run began)"`)
		out["sarif"] = sarifRoot.ReplaceAllString(out["sarif"], `"%SRCROOT%": {"uri": "(where the run began)"`)
	}
	for name, want := range one {
		for label, other := range map[string]map[string]string{"--jobs 8": eight, "a second run": again} {
			if got := other[name]; got != want {
				t.Errorf("%s differs between --jobs 1 and %s: %s", name, label, firstDifference(want, got))
			}
		}
	}
	if one["text"] != one["stdout"] {
		t.Errorf("--output text differs from the text on stdout: %s", firstDifference(one["stdout"], one["text"]))
	}

	// The registry is one that exercises what could go out of order.
	rep := decodeJSON(t, one["json"])
	rules := map[string]bool{}
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if f.Status == "fail" || f.Status == "warn" {
				rules[f.Rule] = true
			}
		}
	}
	var registry struct{ Findings []json.RawMessage }
	json.Unmarshal(rep.Registry, &registry)
	if !rules["parse"] || !rules["schema"] || len(registry.Findings) == 0 || len(rep.Documents) != 200 {
		t.Errorf("registry of %d documents with parse findings %v, schema findings %v, %d registry findings; want all of them",
			len(rep.Documents), rules["parse"], rules["schema"], len(registry.Findings))
	}
}

// firstDifference describes where two outputs first differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %s\nvs\n  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("one is %d lines long, the other %d", len(al), len(bl))
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
