//go:build unix

package check_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/testtool"
)

// opener is a Checker.Open that records what is opened and fails for chosen
// paths; other paths get the Checker's own open.
type opener struct {
	mu     sync.Mutex
	opened []string
	fault  map[string]func(path string) (fs.File, error)
}

func (o *opener) open(path string) (fs.File, error) {
	o.mu.Lock()
	o.opened = append(o.opened, path)
	fault := o.fault[path]
	o.mu.Unlock()
	if fault != nil {
		return fault(path)
	}
	return check.OpenNonBlocking(path)
}

// failingDisk is an open file whose reads fail as a failing disk's do.
type failingDisk struct{ fs.File }

func (f failingDisk) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}
}

// runWithin checks sources like runAll, failing the test if the run has not
// ended within a generous limit: a read that blocks never would.
func runWithin(t *testing.T, c *check.Checker, sources []discover.Source) []*finding.Document {
	t.Helper()
	var docs []*finding.Document
	done := make(chan error, 1)
	go func() {
		done <- c.Run(context.Background(), check.Inputs(sources), 4, func(d check.Checked) error {
			docs = append(docs, d.Doc)
			return nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the run has not ended after 20s: a read blocks")
	}
	return docs
}

// readFault is what a file that cannot be read shows: one parse finding,
// fail, with no position, saying what is wrong. What to do is the parse
// rule's remediation, which reporters look up (catalogue.ToolRules).
func readFault(t *testing.T, d *finding.Document, wantMsg string) {
	t.Helper()
	if d.Status != finding.Fail || len(d.Findings) != 1 {
		t.Fatalf("%s: status %s with %d findings, want fail with one parse finding: %+v", d.File, d.Status, len(d.Findings), d.Findings)
	}
	f := d.Findings[0]
	if f.Rule != finding.RuleParse || f.Status != finding.Fail || f.Message != wantMsg || f.Line != 0 || f.Column != 0 {
		t.Errorf("%s: finding %+v, want parse fail %q without a position", d.File, f, wantMsg)
	}
	if d.Themes.Get("integrity") != finding.Fail {
		t.Errorf("%s: integrity theme %s, want fail", d.File, d.Themes.Get("integrity"))
	}
}

// TestReadFaults: a file that cannot be read (permission refused, the disk
// failing, gone since it was found, a named pipe or a device, a named pipe
// swapped in after it was found) becomes one parse finding saying why, the
// run ends, and the other files' documents are exactly what they are
// without the faulty ones. Named pipes and devices are never opened.
func TestReadFaults(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var good []discover.Source
	for i, name := range []string{"civic-centre.yaml", "korsakoff.json", "no-lead.yaml"} {
		data, err := os.ReadFile(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", name))
		if err != nil {
			t.Fatal(err)
		}
		good = append(good, writeFile(t, dir, []string{"b ", "d é ", "f $(x) 'q' "}[i]+name, string(data)))
	}
	body, _ := os.ReadFile(good[0].Path)
	denied := writeFile(t, dir, "a-denied.yaml", string(body))
	eio := writeFile(t, dir, "c-eio.yaml", string(body))
	vanished := writeFile(t, dir, "e-vanished.yaml", string(body))
	swapped := writeFile(t, dir, "g-swapped.yaml", string(body))
	fifo := discover.Source{Path: filepath.Join(dir, "h-fifo.yaml"), Explicit: true}
	if err := syscall.Mkfifo(fifo.Path, 0o644); err != nil {
		t.Fatal(err)
	}
	device := discover.Source{Path: os.DevNull, Explicit: true}

	o := &opener{fault: map[string]func(string) (fs.File, error){
		denied.Path: func(p string) (fs.File, error) {
			return nil, &fs.PathError{Op: "open", Path: p, Err: syscall.EACCES}
		},
		eio.Path: func(p string) (fs.File, error) {
			f, err := os.Open(p)
			return failingDisk{f}, err
		},
		// A named pipe takes the file's place between the check that it is
		// a plain file and the open: the open must not wait for a writer.
		swapped.Path: func(p string) (fs.File, error) {
			if err := os.Remove(p); err != nil {
				return nil, err
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				return nil, err
			}
			return check.OpenNonBlocking(p)
		},
	}}
	if err := os.Remove(vanished.Path); err != nil { // found, then gone before it is read
		t.Fatal(err)
	}

	c := newChecker(t)
	want, _ := json.Marshal(runWithin(t, c, good))
	c.Open = o.open
	sources := []discover.Source{denied, good[0], eio, good[1], vanished, good[2], swapped, fifo, device}
	docs := runWithin(t, c, sources)
	if len(docs) != len(sources) {
		t.Fatalf("got %d documents, want %d", len(docs), len(sources))
	}
	for i, d := range docs {
		if d.File != sources[i].Path {
			t.Fatalf("document %d is %s, want %s", i, d.File, sources[i].Path)
		}
	}
	readFault(t, docs[0], "cannot read file: permission denied")
	readFault(t, docs[2], "cannot read file: input/output error")
	readFault(t, docs[4], "cannot read file: it no longer exists (removed or renamed while cgcheck ran)")
	readFault(t, docs[6], "not a regular file (a named pipe); descriptors are plain files")
	readFault(t, docs[7], "not a regular file (a named pipe); descriptors are plain files")
	readFault(t, docs[8], "not a regular file (a device); descriptors are plain files")

	got, _ := json.Marshal([]*finding.Document{docs[1], docs[3], docs[5]})
	if string(got) != string(want) {
		t.Errorf("the readable files' documents changed beside the faulty ones:\n got %s\nwant %s", got, want)
	}
	for _, never := range []string{fifo.Path, device.Path} {
		if slices.Contains(o.opened, never) {
			t.Errorf("%s was opened; named pipes and devices must not be", never)
		}
	}
}

// TestUnreadableFile: the permission case without the seam, where the
// system refuses (not as root, whom permission bits do not stop).
func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("skipping: running as root, where permission bits do not stop reading; TestReadFaults covers the case through Checker.Open")
	}
	dir := t.TempDir()
	src := writeFile(t, dir, "locked.yaml", "schema: cgcheck/partnership/v1\n")
	if err := os.Chmod(src.Path, 0o000); err != nil {
		t.Fatal(err)
	}
	docs := runWithin(t, newChecker(t), []discover.Source{src})
	readFault(t, docs[0], "cannot read file: permission denied")
}

// TestReadFaultsInJSON: the finding of an unreadable file has, in the JSON
// report, the fields cli.md promises (the remediation looked up from its
// rule) and no position, so consumers need no special case.
func TestReadFaultsInJSON(t *testing.T) {
	t.Parallel()
	d := newChecker(t).Check(context.Background(), discover.Source{Path: os.DevNull, Explicit: true})
	var buf bytes.Buffer
	r, err := report.New("json", &buf)
	if err != nil {
		t.Fatal(err)
	}
	var s finding.Summary
	s.Add(d)
	if err := errors.Join(r.Start(report.Run{}), r.Document(d), r.Finish(s, finding.Registry{})); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Documents []struct {
			Findings []map[string]any `json:"findings"`
		} `json:"documents"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	got := out.Documents[0].Findings[0]
	for _, k := range []string{"rule", "theme", "status", "message", "remediation"} {
		if _, ok := got[k]; !ok {
			t.Errorf("finding has no %q: %v", k, got)
		}
	}
	for _, k := range []string{"line", "column"} {
		if _, ok := got[k]; ok {
			t.Errorf("finding of an unreadable file has a %q: %v", k, got)
		}
	}
	if diff := cmp.Diff(map[string]any{"rule": "parse", "status": "fail"}, map[string]any{"rule": got["rule"], "status": got["status"]}); diff != "" {
		t.Error(diff)
	}
}
