// Package testtool helps tests that need a tool from outside Go (opa,
// conftest, xmllint, Chromium, pre-commit) or the shared schemas: they skip
// with a message naming what is missing, except in CI, where .ci/run sets
// CGCHECK_REQUIRE_TOOLS=1 and a missing tool fails the test instead, so CI
// always runs them.
package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Required reports whether missing tools must fail tests (CI) rather than
// skip them.
func Required() bool { return os.Getenv("CGCHECK_REQUIRE_TOOLS") == "1" }

// Missing skips the test, or fails it in CI, because what is missing.
func Missing(t testing.TB, what, how string) {
	t.Helper()
	if Required() {
		t.Fatalf("needs %s, which is missing (%s); CGCHECK_REQUIRE_TOOLS=1 makes this a failure", what, how)
	}
	t.Skipf("skipping: needs %s (%s)", what, how)
}

// Look finds a program on PATH or in the repository's .ci/bin (where .ci/run
// installs the tools it builds), or skips/fails the test naming it.
func Look(t testing.TB, name, how string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	p := filepath.Join(RepoRoot(t), ".ci", "bin", name)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	Missing(t, name, how)
	return ""
}

// RepoRoot returns the repository's top folder (where go.mod is).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the repository")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SharedFile returns the path of a file under ../shared (beside the
// repository), or skips/fails the test naming it.
func SharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(RepoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "../shared/"+rel, "the shared folder beside the repository; CI provides it")
	}
	return p
}
