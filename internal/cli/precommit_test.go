package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"example.org/cgcheck/internal/testtool"
)

// TestPreCommitHook uses this repository as a pre-commit hook source from a
// fresh git repository, exactly as the README tells users to: a commit with a
// failing descriptor is blocked, a passing one is allowed. The hook is taken
// from the repository's HEAD commit, as pre-commit takes it from a tag, and
// so are the two example descriptors: read from the working tree instead,
// they may be ahead of the committed cgcheck (fields its schema does not know
// yet) and the passing one would then be blocked.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: pre-commit builds cgcheck from source")
	}
	preCommit := testtool.Look(t, "pre-commit", "apt-get install pre-commit")
	git := testtool.Look(t, "git", "apt-get install git")
	root := testtool.RepoRoot(t)
	rev, err := exec.Command(git, "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("skipping: %s is not a git checkout with a commit (%v)", root, err)
	}

	repo := t.TempDir()
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit-cache"),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org",
		// The as-of date through the environment, so the hook runs with
		// its default args (--registry .), as a user's would.
		"CGCHECK_TODAY=2008-10-01",
		"CGCHECK_CACHE_DIR="+filepath.Join(t.TempDir(), "cgcheck-cache"),
	)
	run := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(name string, args ...string) {
		t.Helper()
		if out, err := run(name, args...); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
	}
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(repo, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	must(git, "init", "-q", "-b", "main")
	write(".pre-commit-config.yaml", `repos:
  - repo: `+root+`
    rev: `+strings.TrimSpace(string(rev))+`
    hooks:
      - id: cgcheck
`)
	must(git, "add", ".pre-commit-config.yaml")
	must(git, "commit", "-q", "-m", "config")
	must(preCommit, "install")

	atHead := func(path string) []byte {
		t.Helper()
		out, err := exec.Command(git, "-C", root, "show", strings.TrimSpace(string(rev))+":"+path).Output()
		if err != nil {
			t.Fatalf("git show HEAD:%s: %v", path, err)
		}
		return out
	}
	good := atHead("testdata/examples/civic-centre.yaml")
	bad := atHead("testdata/examples/no-lead.yaml")

	write("registry/no-lead.yaml", string(bad))
	must(git, "add", "registry/no-lead.yaml")
	out, err := run(git, "commit", "-m", "add a partnership with no lead")
	if err == nil {
		t.Fatalf("commit of a failing descriptor was allowed:\n%s", out)
	}
	if !strings.Contains(out, "single-lead") || !strings.Contains(out, "Failed") {
		t.Errorf("blocked commit does not show the finding:\n%s", out)
	}
	must(git, "rm", "-q", "--cached", "registry/no-lead.yaml")
	if err := os.Remove(filepath.Join(repo, "registry/no-lead.yaml")); err != nil {
		t.Fatal(err)
	}

	write("registry/civic-centre.yaml", string(good))
	must(git, "add", "registry/civic-centre.yaml")
	out, err = run(git, "commit", "-m", "add a sound partnership")
	if err != nil {
		t.Fatalf("commit of a passing descriptor was blocked: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Passed") {
		t.Errorf("allowed commit did not run the hook:\n%s", out)
	}

	// A copy under another name reuses the committed file's id. Only the copy
	// is staged, but the hook checks it against the whole repository, so the
	// duplicate blocks the commit, naming both files.
	write("registry/civic-centre-copy.yaml", string(good))
	must(git, "add", "registry/civic-centre-copy.yaml")
	out, err = run(git, "commit", "-m", "add a partnership under an id already used")
	if err == nil {
		t.Fatalf("commit of a duplicate id was allowed:\n%s", out)
	}
	if !strings.Contains(out, "unique-ids") || !strings.Contains(out, "registry/civic-centre.yaml") || !strings.Contains(out, "registry/civic-centre-copy.yaml") {
		t.Errorf("blocked commit does not name the duplicate id and both files:\n%s", out)
	}
	// The repository's other descriptors are context: their own findings are
	// not reported.
	if strings.Contains(out, "registry/civic-centre.yaml (") {
		t.Errorf("the committed file was reported as if it were checked:\n%s", out)
	}
}
