package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/testtool"
)

// conftestVersion is the conftest .ci/run installs; the policies must run
// unchanged under it.
const conftestVersion = "v0.71.1"

func runCgcheck(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Main(context.Background(), args, cli.Streams{
		Stdout: &out, Stderr: &errOut, Dir: t.TempDir(), Getenv: func(string) string { return "" },
	})
	if code > 1 {
		t.Fatalf("cgcheck %v: exit %d: %s", args, code, errOut.String())
	}
	return out.Bytes()
}

// TestConftestAgrees runs the built-in policies under stock conftest
// (--all-namespaces, with cgcheck's data document) on the examples and
// checks conftest reports exactly the warn and fail findings cgcheck does
// for each file, before waivers.
func TestConftestAgrees(t *testing.T) {
	conftest := testtool.Look(t, "conftest", "go install github.com/open-policy-agent/conftest@"+conftestVersion)
	root := testtool.RepoRoot(t)
	examples, err := filepath.Glob(filepath.Join(root, "testdata", "examples", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range examples {
		if ext := filepath.Ext(f); ext == ".yaml" || ext == ".json" {
			files = append(files, f)
		}
	}

	data := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(data, runCgcheck(t, "data", "--today", "2008-10-01"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The catalogue maps conftest's namespaces (packages) to rule ids.
	var cat struct {
		Rules []struct{ ID, Package string }
	}
	if err := json.Unmarshal(runCgcheck(t, "rules", "--format", "json"), &cat); err != nil {
		t.Fatal(err)
	}
	ruleOf := map[string]string{}
	for _, r := range cat.Rules {
		ruleOf[strings.TrimPrefix(r.Package, "data.")] = r.ID
	}

	// What cgcheck finds, with waived findings counted as what they waive.
	var report struct {
		Documents []struct {
			File     string
			Findings []struct {
				Rule, Status, Message string
				Waiver                *struct{ Waives string }
			}
		}
	}
	args := append([]string{"check", "--today", "2008-10-01", "-o", "json"}, files...)
	if err := json.Unmarshal(runCgcheck(t, args...), &report); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, d := range report.Documents {
		for _, f := range d.Findings {
			status := f.Status
			if f.Waiver != nil {
				status = f.Waiver.Waives
			}
			if status == "warn" || status == "fail" {
				want[d.File] = append(want[d.File], status+" "+f.Rule+": "+f.Message)
			}
		}
	}

	cmd := exec.Command(conftest, append([]string{"test", "--all-namespaces", "--no-color", "--policy", filepath.Join(root, "policies"), "--data", data, "--output", "json"}, files...)...)
	out, err := cmd.Output()
	if err != nil && cmd.ProcessState.ExitCode() != 1 { // 1: some failures, as expected
		t.Fatalf("conftest: %v\n%s", err, out)
	}
	var results []struct {
		Filename  string
		Namespace string
		Warnings  []struct{ Msg string }
		Failures  []struct{ Msg string }
	}
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("conftest output: %v\n%s", err, out)
	}
	got := map[string][]string{}
	for _, r := range results {
		rule, ok := ruleOf[r.Namespace]
		if !ok && len(r.Warnings)+len(r.Failures) > 0 {
			t.Errorf("conftest reports findings in %s, which is not a rule package", r.Namespace)
			continue
		}
		for _, w := range r.Warnings {
			got[r.Filename] = append(got[r.Filename], "warn "+rule+": "+w.Msg)
		}
		for _, f := range r.Failures {
			got[r.Filename] = append(got[r.Filename], "fail "+rule+": "+f.Msg)
		}
	}
	for _, m := range []map[string][]string{want, got} {
		for k := range m {
			sort.Strings(m[k])
		}
	}
	if len(want) == 0 {
		t.Fatal("cgcheck found nothing on the examples; the comparison would prove nothing")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conftest and cgcheck disagree (-cgcheck +conftest):\n%s", diff)
	}
}
