//go:build unix

package report_test

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"example.org/cgcheck/internal/report"
)

// writeReport writes the sample run as JSON to path through a FileReporter.
func writeReport(t *testing.T, path string) []byte {
	t.Helper()
	docs, s, reg := sample()
	fr, err := report.NewFile("json", path)
	if err != nil {
		t.Fatal(err)
	}
	m := report.Multi{fr}
	if err := m.Start(report.Run{ToolName: "cgcheck"}); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := m.Document(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Finish(s, reg); err != nil {
		t.Fatal(err)
	}
	// What the same run gives written directly, to compare with the file.
	return renderDocs(t, "json", report.Run{ToolName: "cgcheck"}, docs, s, reg)
}

// TestFileReporterKeepsLinksAndWritesThroughPipes: a report through a
// symbolic link replaces the file the link points to and keeps the link; a
// report to a named pipe is written into the pipe, which is still a pipe
// afterwards (as /dev/null and /dev/stdout stay what they are).
func TestFileReporterKeepsLinksAndWritesThroughPipes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	real := filepath.Join(dir, "reports", "latest.json")
	if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink(filepath.Join("reports", "latest.json"), link); err != nil {
		t.Fatal(err)
	}
	want := writeReport(t, link)
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info, err)
	}
	if got, _ := os.ReadFile(real); !bytes.Equal(got, want) {
		t.Errorf("the file the link points to does not hold the report: %.80q", got)
	}

	// A link to a file that does not exist yet: the report is made there.
	dangling := filepath.Join(dir, "next.json")
	if err := os.Symlink(filepath.Join("reports", "next.json"), dangling); err != nil {
		t.Fatal(err)
	}
	writeReport(t, dangling)
	if got, _ := os.ReadFile(filepath.Join(dir, "reports", "next.json")); !bytes.Equal(got, want) {
		t.Errorf("a dangling link's target does not hold the report")
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	writeReport(t, fifo)
	if b := <-got; !bytes.Equal(b, want) {
		t.Errorf("the pipe's reader got %d bytes, want the report's %d", len(b), len(want))
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", info, err)
	}
}
