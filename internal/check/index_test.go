package check_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/fixture/pipeline"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/synth"
)

// TestContextIndexReadsOnlyChangedFiles: with a warm cache, a run that
// checks one file against a registry opens only that file and the context
// files whose stamp changed, and gives what a run without the cache gives:
// after a context file's bytes change behind an unchanged size and
// modification time, after the index is damaged, and when files changed too
// recently for their stamps to be trusted (then every file is read).
func TestContextIndexReadsOnlyChangedFiles(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the context index is kept on Linux only")
	}
	files, err := synth.Generate(synth.Options{N: 40, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := synth.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	found, err := discover.Find([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	inputs := make([]check.Input, len(found.Sources))
	for i, s := range found.Sources {
		inputs[i] = check.Input{Source: s, FactsOnly: i != 0}
	}

	plain := pipeline.Checker(t)
	cached := pipeline.Checker(t)
	cacheDir := t.TempDir()
	if cached.Cache, err = cache.Open(cacheDir, cache.DefaultMaxBytes); err != nil {
		t.Fatal(err)
	}
	cached.RunKey = []byte("test")
	var opens atomic.Int32
	cached.Open = func(path string) (fs.File, error) {
		opens.Add(1)
		return check.OpenNonBlocking(path)
	}
	run := func(t *testing.T, c *check.Checker) string {
		t.Helper()
		opens.Store(0)
		var out bytes.Buffer
		err := c.Run(context.Background(), inputs, 2, func(d check.Checked) error {
			enc, err := registry.EncodeFacts(d.Facts)
			if err != nil {
				return err
			}
			// (Findings only for the named file: a context file's are
			// never reported, and the cache does not keep them.)
			findings := -1
			if !d.FactsOnly {
				findings = len(d.Doc.Findings)
			}
			fmt.Fprintf(&out, "%s %s %d %x %v\n", filepath.Base(d.Doc.File), d.Doc.ID, findings, sha256.Sum256(enc), d.Facts == nil)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	wantOpens := func(t *testing.T, want int32) {
		t.Helper()
		if got := opens.Load(); got != want {
			t.Errorf("%d files opened, want %d", got, want)
		}
	}

	restore := check.SetRacyWindow(0)
	defer restore()
	want := run(t, plain)
	if got := run(t, cached); got != want {
		t.Fatalf("cold cache: results differ from a run without one:\n%s\nwant\n%s", got, want)
	}
	wantOpens(t, int32(len(inputs)))
	if got := run(t, cached); got != want {
		t.Errorf("warm cache: results differ from a run without one:\n%s\nwant\n%s", got, want)
	}
	wantOpens(t, 1) // the named file

	// Change a context file's bytes but not its size or modification time:
	// its change time moves, so it is read again.
	changed := inputs[5].Path
	info, err := os.Stat(changed)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("id: "))
	if i < 0 {
		t.Fatalf("%s has no id line", changed)
	}
	data[i+4] ^= 0x01 // another letter of the id
	if err := os.WriteFile(changed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(changed, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	want = run(t, plain)
	if got := run(t, cached); got != want {
		t.Errorf("one context file changed: results differ from a run without the cache:\n%s\nwant\n%s", got, want)
	}
	wantOpens(t, 2)

	// A damaged index is no index: every context file is read (and its
	// facts found in the cache by content), and the results hold.
	damage(t, cacheDir)
	if got := run(t, cached); got != want {
		t.Errorf("damaged cache: results differ")
	}
	if got := run(t, cached); got != want {
		t.Errorf("after a damaged cache: results differ")
	}

	// Files that changed within the racy window are never trusted by stamp.
	restore()
	time.Sleep(10 * time.Millisecond)
	if err := os.Chtimes(changed, time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	run(t, cached)
	run(t, cached)
	if got := opens.Load(); got < 2 {
		t.Errorf("%d files opened; a file changed just now must be read", got)
	}
}

// damage flips a byte in the middle of every entry of a cache.
func damage(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Dir(path) == dir {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b[len(b)/2] ^= 0x55
		return os.WriteFile(path, b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}
