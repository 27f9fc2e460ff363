package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"example.org/cgcheck/internal/report"
)

func TestFileReporterWritesWholeOrNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "results.json")
	if err := os.WriteFile(path, []byte("previous report"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, s, reg := sample()

	// An aborted run leaves the previous report and no temporary file.
	fr, err := report.NewFile("json", path)
	if err != nil {
		t.Fatal(err)
	}
	m := report.Multi{fr}
	if err := m.Start(report.Run{ToolName: "cgcheck"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Document(docs[0]); err != nil {
		t.Fatal(err)
	}
	m.Abort()
	if got, _ := os.ReadFile(path); string(got) != "previous report" {
		t.Errorf("after abort the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("after abort the folder holds %d files, want only the report", len(entries))
	}

	// A finished run replaces it whole, identical to the same format on a writer.
	fr, _ = report.NewFile("json", path)
	m = report.Multi{fr}
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
	var want bytes.Buffer
	direct, _ := report.New("json", &want)
	direct.Start(report.Run{ToolName: "cgcheck"})
	for _, d := range docs {
		direct.Document(d)
	}
	direct.Finish(s, reg)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want.Bytes()) {
		t.Errorf("file report differs from the same format written directly")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the report", len(entries))
	}
}

func TestNewFileRefusesUnknownFormat(t *testing.T) {
	t.Parallel()
	if _, err := report.NewFile("yaml", filepath.Join(t.TempDir(), "x")); err == nil {
		t.Fatal("unknown format accepted")
	}
}

// TestAbortRemovesTheFoldersItMade: an interrupted run leaves no empty
// folders behind where its report would have gone, and never removes a
// folder that was there before.
func TestAbortRemovesTheFoldersItMade(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fr, err := report.NewFile("json", filepath.Join(dir, "out", "new", "r.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := fr.Start(report.Run{ToolName: "cgcheck"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "new")); err != nil {
		t.Fatalf("Start made no folder: %v", err)
	}
	fr.Abort()
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("after abort the folder Start made is still there (%v)", err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("the folder that was there before is gone: %v", err)
	}
}
