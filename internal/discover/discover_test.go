package discover_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/discover"
)

func touch(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(root, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func paths(r *discover.Result) []string {
	var out []string
	for _, s := range r.Sources {
		out = append(out, s.Path)
	}
	return out
}

func TestWalk(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	touch(t, root, "b.yaml", "a.json", "sub/c.yml", "sub/notes.txt", ".git/config.yaml", ".hidden.yaml", "sub/.cache/x.json", "with space/é.yaml")
	outside := t.TempDir()
	touch(t, outside, "elsewhere.yaml")
	if err := os.Symlink(outside, filepath.Join(root, "link-to-dir.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "elsewhere.yaml"), filepath.Join(root, "link-to-file.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "sub"), filepath.Join(root, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	res, err := discover.Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join(root, "a.json"),
		filepath.Join(root, "b.yaml"),
		filepath.Join(root, "link-to-file.yaml"),
		filepath.Join(root, "sub", "c.yml"),
		filepath.Join(root, "with space", "é.yaml"),
	}
	if diff := cmp.Diff(want, paths(res)); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Path != filepath.Join(root, "link-to-dir.yaml") {
		t.Errorf("skipped = %+v, want the link to a folder", res.Skipped)
	}
}

func TestExplicitFilesStdinAndDuplicates(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	touch(t, root, "z.txt", "a.yaml")
	res, err := discover.Find([]string{filepath.Join(root, "z.txt"), "-", root, filepath.Join(root, "a.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-", filepath.Join(root, "a.yaml"), filepath.Join(root, "z.txt")}
	if diff := cmp.Diff(want, paths(res)); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
}

func TestMissingPathIsAPathError(t *testing.T) {
	t.Parallel()
	_, err := discover.Find([]string{filepath.Join(t.TempDir(), "nope")})
	var pe *discover.PathError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a PathError", err)
	}
}
