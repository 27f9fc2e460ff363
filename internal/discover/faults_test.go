//go:build unix

package discover_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/discover"
)

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func skipped(r *discover.Result) map[string]string {
	out := map[string]string{}
	for _, s := range r.Skipped {
		out[s.Path] = s.Reason
	}
	return out
}

// TestWalkFaults: what the walk makes of everything a registry folder can
// hold besides plain descriptors. Special files named like descriptors are
// sources (checking them then reports them without opening them); links
// that lead nowhere, in a circle or to a folder are skipped with a reason;
// a folder named like a descriptor is walked; odd names are kept as they
// are. The walk ends, whatever the links.
func TestWalkFaults(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	odd := "name with space é $(x) 'q' ;&|*?.yaml"
	touch(t, root, "good.yaml", odd, "x.yaml/inner.yaml", "sub/deep.json")
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, os.DevNull, filepath.Join(root, "null.yaml"))
	symlink(t, "loop-b.yaml", filepath.Join(root, "loop-a.yaml"))
	symlink(t, "loop-a.yaml", filepath.Join(root, "loop-b.yaml"))
	symlink(t, "self.yaml", filepath.Join(root, "self.yaml"))
	symlink(t, "nowhere.yaml", filepath.Join(root, "dangling.yaml"))
	symlink(t, "..", filepath.Join(root, "sub", "up.yaml"))        // a folder link named like a descriptor, in a circle
	symlink(t, "..", filepath.Join(root, "sub", "up"))             // a folder link in a circle
	symlink(t, t.TempDir(), filepath.Join(root, "elsewhere.json")) // a folder link out of the tree
	devices := []string{}
	if os.Geteuid() == 0 {
		// Only root may make a device node; os.DevNull behind a link covers
		// the rest of the time.
		if err := syscall.Mknod(filepath.Join(root, "dev.yml"), syscall.S_IFCHR|0o644, 1<<8|3); err == nil {
			devices = append(devices, filepath.Join(root, "dev.yml"))
		}
	}

	res, err := discover.Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	want := append(devices,
		filepath.Join(root, "fifo.yaml"),
		filepath.Join(root, "good.yaml"),
		filepath.Join(root, odd),
		filepath.Join(root, "null.yaml"),
		filepath.Join(root, "sub", "deep.json"),
		filepath.Join(root, "x.yaml", "inner.yaml"),
	)
	slices.Sort(want)
	if diff := cmp.Diff(want, paths(res)); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	for _, s := range res.Sources {
		if s.Explicit {
			t.Errorf("%s is marked explicit, but the walk found it", s.Path)
		}
	}
	loop := "broken symbolic link: " + syscall.ELOOP.Error()
	wantSkipped := map[string]string{
		filepath.Join(root, "loop-a.yaml"):    loop,
		filepath.Join(root, "loop-b.yaml"):    loop,
		filepath.Join(root, "self.yaml"):      loop,
		filepath.Join(root, "dangling.yaml"):  "broken symbolic link: " + syscall.ENOENT.Error(),
		filepath.Join(root, "sub", "up.yaml"): "symbolic link to a folder (not followed)",
		filepath.Join(root, "elsewhere.json"): "symbolic link to a folder (not followed)",
	}
	if diff := cmp.Diff(wantSkipped, skipped(res)); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

// TestExplicitFaults: PATH arguments that are not plain files or folders.
func TestExplicitFaults(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	touch(t, root, "reg/a.yaml", "reg/b/c.json", "x.yaml/inner.yaml")
	fifo := filepath.Join(root, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, "loop-b.yaml", filepath.Join(root, "loop-a.yaml"))
	symlink(t, "loop-a.yaml", filepath.Join(root, "loop-b.yaml"))
	symlink(t, "reg", filepath.Join(root, "link"))
	symlink(t, "reg", filepath.Join(root, "link.yaml"))

	t.Run("special files named are sources", func(t *testing.T) {
		t.Parallel()
		res, err := discover.Find([]string{fifo, os.DevNull})
		if err != nil {
			t.Fatal(err)
		}
		want := []discover.Source{{Path: os.DevNull, Explicit: true}, {Path: fifo, Explicit: true}}
		if diff := cmp.Diff(want, res.Sources); diff != "" {
			t.Errorf("sources (-want +got):\n%s", diff)
		}
	})
	t.Run("link loop is a path error", func(t *testing.T) {
		t.Parallel()
		_, err := discover.Find([]string{filepath.Join(root, "loop-a.yaml")})
		var pe *discover.PathError
		if !errors.As(err, &pe) || !errors.Is(err, syscall.ELOOP) {
			t.Fatalf("err = %v, want a PathError for a link loop", err)
		}
		if !strings.Contains(err.Error(), "loop-a.yaml: too many levels of symbolic links") {
			t.Errorf("message %q does not name the path and the loop", err)
		}
	})
	// A PATH that is a link to a folder is walked (once it silently found
	// nothing), and the files keep the path the user gave.
	for _, name := range []string{"link", "link.yaml"} {
		t.Run("link to a folder named: "+name, func(t *testing.T) {
			t.Parallel()
			res, err := discover.Find([]string{filepath.Join(root, name)})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{filepath.Join(root, name, "a.yaml"), filepath.Join(root, name, "b", "c.json")}
			if diff := cmp.Diff(want, paths(res)); diff != "" {
				t.Errorf("sources (-want +got):\n%s", diff)
			}
			if len(res.Skipped) > 0 {
				t.Errorf("skipped = %+v, want nothing", res.Skipped)
			}
		})
	}
	t.Run("folder named like a descriptor is walked", func(t *testing.T) {
		t.Parallel()
		res, err := discover.Find([]string{filepath.Join(root, "x.yaml")})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{filepath.Join(root, "x.yaml", "inner.yaml")}, paths(res)); diff != "" {
			t.Errorf("sources (-want +got):\n%s", diff)
		}
	})
}

// TestUnreadableFolders: a folder the walk cannot list is skipped with the
// reason and the rest is still found; a named folder that cannot be listed is
// a path error. Permission bits do not stop root, so this needs another user
// (CI runs it as one).
func TestUnreadableFolders(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("skipping: running as root, where permission bits do not stop reading")
	}
	root := t.TempDir()
	touch(t, root, "a.yaml", "locked/b.yaml", "z.yaml")
	locked := filepath.Join(root, "locked")
	if err := os.Chmod(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	res, err := discover.Find([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{filepath.Join(root, "a.yaml"), filepath.Join(root, "z.yaml")}, paths(res)); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]string{locked: syscall.EACCES.Error()}, skipped(res)); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}

	_, err = discover.Find([]string{locked})
	var pe *discover.PathError
	if !errors.As(err, &pe) || !errors.Is(err, syscall.EACCES) {
		t.Errorf("err = %v, want a PathError for permission denied", err)
	}
}
