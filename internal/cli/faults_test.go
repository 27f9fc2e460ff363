//go:build unix

package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/synth"
	"example.org/cgcheck/internal/testtool"
)

func copyExample(t *testing.T, name, to string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestFileSystemFaults: what a user sees when the folder checked holds more
// than plain descriptors. Each fault is reported and skipped cleanly, the
// run completes, the other files' results are exactly those of a run
// without the faulty ones, and stdout is complete and valid:
//
//   - a named pipe or a device named like a descriptor: a parse finding
//     "not a regular file (a named pipe|a device); descriptors are plain
//     files" (fail, exit 1), never opened, so never blocking;
//   - an unreadable file (not as root): a parse finding "cannot read file:
//     permission denied"; an unreadable folder: "cgcheck: skipped DIR:
//     permission denied" on stderr;
//   - a link loop, a link to nothing, a link to a folder: "cgcheck: skipped
//     PATH: REASON" on stderr, and the walk goes on;
//   - a folder named like a descriptor: walked like any folder;
//   - names with spaces, non-ASCII and shell-special characters: reported as
//     they are, in text and in JSON.
func TestFileSystemFaults(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	good := []string{
		filepath.Join(root, "civic centre é.yaml"),
		filepath.Join(root, "sub", "$(touch pwned); 'k' & \"q\" `x` *?.json"),
		filepath.Join(root, "x.yaml", "no-lead.yaml"),
	}
	copyExample(t, "civic-centre.yaml", good[0])
	copyExample(t, "korsakoff.json", good[1])
	copyExample(t, "no-lead.yaml", good[2])
	fifo := filepath.Join(root, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	device := filepath.Join(root, "null.yaml")
	mustSymlink(t, os.DevNull, device)
	mustSymlink(t, "loop-b.yaml", filepath.Join(root, "loop-a.yaml"))
	mustSymlink(t, "loop-a.yaml", filepath.Join(root, "loop-b.yaml"))
	mustSymlink(t, "nowhere.yaml", filepath.Join(root, "dangling.yaml"))
	mustSymlink(t, "sub", filepath.Join(root, "dirlink.yaml"))
	mustSymlink(t, "..", filepath.Join(root, "sub", "up"))
	faulty := map[string]string{
		fifo:   "not a regular file (a named pipe); descriptors are plain files",
		device: "not a regular file (a device); descriptors are plain files",
	}
	skippedLines := []string{
		"cgcheck: skipped " + filepath.Join(root, "dangling.yaml") + ": broken symbolic link: no such file or directory",
		"cgcheck: skipped " + filepath.Join(root, "dirlink.yaml") + ": symbolic link to a folder (not followed)",
		"cgcheck: skipped " + filepath.Join(root, "loop-a.yaml") + ": broken symbolic link: too many levels of symbolic links",
		"cgcheck: skipped " + filepath.Join(root, "loop-b.yaml") + ": broken symbolic link: too many levels of symbolic links",
	}
	if os.Geteuid() != 0 {
		// Permission bits do not stop root; as anyone else they do.
		locked := filepath.Join(root, "locked.yaml")
		copyExample(t, "civic-centre.yaml", locked)
		lockedDir := filepath.Join(root, "locked-dir")
		copyExample(t, "civic-centre.yaml", filepath.Join(lockedDir, "inside.yaml"))
		for _, p := range []string{locked, lockedDir} {
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o755) })
		}
		faulty[locked] = "cannot read file: permission denied"
		skippedLines = append(skippedLines, "cgcheck: skipped "+lockedDir+": permission denied")
		slices.Sort(skippedLines)
	}

	args := []string{"check", "--today", "2008-10-01", "-o", "json"}
	baseline := cgcheck(t, append(args, good...)...)
	if baseline.code != 1 || baseline.stderr != "" {
		t.Fatalf("baseline: exit %d, stderr %q", baseline.code, baseline.stderr)
	}
	want := decodeJSON(t, baseline.stdout)

	got := cgcheck(t, append(args, root)...)
	if got.code != 1 {
		t.Errorf("exit %d, want 1 (the faulty files fail)", got.code)
	}
	if diff := cmp.Diff(strings.Join(skippedLines, "\n")+"\n", got.stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	rep := decodeJSON(t, got.stdout)
	wantFiles := slices.Concat(good, slices.Collect(maps.Keys(faulty)))
	slices.Sort(wantFiles)
	if diff := cmp.Diff(wantFiles, rep.files()); diff != "" {
		t.Fatalf("documents (-want +got):\n%s", diff)
	}
	var goodDocs []json.RawMessage
	for i, d := range rep.Documents {
		msg, bad := faulty[d.File]
		if !bad {
			goodDocs = append(goodDocs, rep.raw.Documents[i])
			continue
		}
		if d.Status != "fail" || len(d.Findings) != 1 {
			t.Errorf("%s: %s with %d findings, want one parse finding that fails", d.File, d.Status, len(d.Findings))
			continue
		}
		f := d.Findings[0]
		if f.Rule != "parse" || f.Status != "fail" || f.Message != msg || f.Line != 0 || !strings.Contains(f.Remediation, "leave it out of the paths checked") {
			t.Errorf("%s: finding %+v, want parse fail %q saying what to do", d.File, f, msg)
		}
	}
	if diff := cmp.Diff(want.raw.Documents, goodDocs, rawJSON); diff != "" {
		t.Errorf("the readable files' results changed beside the faulty ones (-alone +with faults):\n%s", diff)
	}
	if diff := cmp.Diff(want.Registry, rep.Registry, rawJSON); diff != "" {
		t.Errorf("registry findings changed beside the faulty ones (-alone +with faults):\n%s", diff)
	}

	text := cgcheck(t, "check", "--today", "2008-10-01", root)
	if text.code != 1 || text.stderr != got.stderr {
		t.Errorf("text: exit %d, stderr %q", text.code, text.stderr)
	}
	for _, f := range wantFiles {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(f) + `[ :]`).MatchString(text.stdout) {
			t.Errorf("text output does not name %q as it is", f)
		}
	}
	if !strings.HasSuffix(text.stdout, "\n"+rep.summaryLine()+"\n") {
		t.Errorf("text output does not end with the summary %q:\n%s", rep.summaryLine(), text.stdout)
	}
}

func (r *jsonReport) summaryLine() string {
	s := r.Summary
	return fmt.Sprintf("%d documents: %d fail, %d warn, %d pass", s.Documents, s.Fail, s.Warn, s.Pass)
}

// TestFileSystemFaultsNamed: the same faults given as PATH arguments.
func TestFileSystemFaultsNamed(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	fifo := filepath.Join(root, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	copyExample(t, "korsakoff.json", filepath.Join(root, "reg", "k.json"))
	mustSymlink(t, "loop-b.yaml", filepath.Join(root, "loop-a.yaml"))
	mustSymlink(t, "loop-a.yaml", filepath.Join(root, "loop-b.yaml"))
	mustSymlink(t, "reg", filepath.Join(root, "registry"))

	t.Run("a named pipe and a device are findings, never waited on", func(t *testing.T) {
		t.Parallel()
		r := cgcheck(t, "check", "-o", "json", fifo, os.DevNull)
		if r.code != 1 || r.stderr != "" {
			t.Errorf("exit %d, stderr %q; want 1 and nothing", r.code, r.stderr)
		}
		rep := decodeJSON(t, r.stdout)
		if diff := cmp.Diff([]string{os.DevNull, fifo}, rep.files()); diff != "" {
			t.Fatalf("documents (-want +got):\n%s", diff)
		}
		for _, d := range rep.Documents {
			if d.Findings[0].Rule != "parse" || !strings.HasPrefix(d.Findings[0].Message, "not a regular file") {
				t.Errorf("%s: %+v", d.File, d.Findings)
			}
		}
	})
	t.Run("a link loop is a usage error", func(t *testing.T) {
		t.Parallel()
		r := cgcheck(t, "check", "-o", "json", filepath.Join(root, "loop-a.yaml"))
		wantErr := "cgcheck: " + filepath.Join(root, "loop-a.yaml") + ": too many levels of symbolic links\nRun 'cgcheck --help' for usage.\n"
		if r.code != 2 || r.stdout != "" || r.stderr != wantErr {
			t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, %q", r.code, r.stdout, r.stderr, wantErr)
		}
	})
	t.Run("a link to a folder is walked", func(t *testing.T) {
		t.Parallel()
		r := cgcheck(t, "check", "--today", "2008-10-01", "-o", "json", filepath.Join(root, "registry"))
		if r.code != 0 || r.stderr != "" {
			t.Errorf("exit %d, stderr %q; want 0 and nothing", r.code, r.stderr)
		}
		if diff := cmp.Diff([]string{filepath.Join(root, "registry", "k.json")}, decodeJSON(t, r.stdout).files()); diff != "" {
			t.Errorf("documents (-want +got):\n%s", diff)
		}
	})
}

// cgcheckBinary builds cmd/cgcheck for the tests that need a real process
// (signals), with the go command that runs the tests.
func cgcheckBinary(t *testing.T) string {
	t.Helper()
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			testtool.Missing(t, "the go command", "to build cmd/cgcheck; it is the toolchain running the tests")
		}
	}
	bin := filepath.Join(t.TempDir(), "cgcheck")
	cmd := exec.Command(goCmd, "build", "-o", bin, "./cmd/cgcheck")
	cmd.Dir = testtool.RepoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build cmd/cgcheck: %v\n%s", err, out)
	}
	return bin
}

// TestInterruptAndTimeout: Ctrl-C stops a run promptly with exit 130, and
// --timeout with exit 2. After Ctrl-C stdout holds no partial JSON and no
// --output file is created (an existing one is left as it was); after
// --timeout the report of the files checked so far is written, whole,
// marked incomplete, with the registry rules skipped. Either way nothing
// temporary is left behind, and stderr says what happened.
func TestInterruptAndTimeout(t *testing.T) {
	t.Parallel()
	bin := cgcheckBinary(t)
	// One worker on some hundreds of files: far longer than the 300 ms
	// after which the run is stopped, however fast the machine.
	files, err := synth.Generate(synth.Options{N: 800, Seed: 1, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON})
	if err != nil {
		t.Fatal(err)
	}
	reg := filepath.Join(t.TempDir(), "registry")
	if err := synth.Write(reg, files); err != nil {
		t.Fatal(err)
	}
	base := []string{"check", "--today", synth.Today, "--jobs", "1", "-q"}
	cases := []struct {
		name   string
		args   []string
		signal bool
		old    bool // an earlier report is at the --output path
		code   int
		stderr string
		// report: the report of what was checked is written, marked
		// incomplete (--timeout); otherwise none is.
		report bool
	}{
		{"ctrl-c json", []string{"-o", "json"}, true, false, 130, "^cgcheck: interrupted after [0-9]+ of 800 files; no report was written\n$", false},
		{"ctrl-c output file", []string{"-o", "text", "--output", "json=OUT"}, true, false, 130, "^cgcheck: interrupted after [0-9]+ of 800 files; no report was written\n$", false},
		{"ctrl-c over an earlier report", []string{"-o", "json", "--output", "sarif=OUT"}, true, true, 130, "^cgcheck: interrupted after [0-9]+ of 800 files; no report was written\n$", false},
		{"timeout", []string{"-o", "json", "--output", "json=OUT", "--timeout", "300ms"}, false, false, 2, "^cgcheck: stopped: --timeout 300ms reached after [0-9]+ of 800 files; the report covers those and is marked incomplete \\(raise --timeout, or check fewer files at once\\)\n$", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			outDir, tmpDir := t.TempDir(), t.TempDir()
			out := filepath.Join(outDir, "report")
			if tc.old {
				if err := os.WriteFile(out, []byte("the previous report\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := slices.Concat(base, tc.args, []string{reg})
			for i, a := range args {
				args[i] = strings.Replace(a, "=OUT", "="+out, 1)
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, args...)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			// Spooled output goes to TMPDIR: it must be left empty too.
			cmd.Env = append(os.Environ(), "TMPDIR="+tmpDir, "NO_COLOR=1")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			time.Sleep(300 * time.Millisecond)
			if tc.signal {
				if err := cmd.Process.Signal(os.Interrupt); err != nil {
					t.Fatalf("send SIGINT: %v (had cgcheck already ended? stderr %q)", err, stderr.String())
				}
			}
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				<-exited
				t.Fatalf("cgcheck has not ended 5s after it was stopped; stderr:\n%s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit %d (%v), want %d; stderr:\n%s", code, cmd.ProcessState, tc.code, stderr.String())
			}
			if tc.report {
				var rep struct {
					Summary struct {
						Documents  int
						Incomplete string
					}
					Registry struct{ Status string }
				}
				if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
					t.Fatalf("stdout is not the JSON report of what was checked: %v", err)
				}
				if !strings.HasPrefix(rep.Summary.Incomplete, "INCOMPLETE: --timeout 300ms was reached after ") || rep.Registry.Status != "skip" {
					t.Errorf("the report is not marked incomplete: %+v", rep)
				}
				if b, err := os.ReadFile(out); err != nil || !bytes.Equal(b, stdout.Bytes()) {
					t.Errorf("the --output report differs from stdout's (%v)", err)
				}
			} else if tc.args[1] == "json" && stdout.Len() > 0 {
				t.Errorf("stdout holds %d bytes of a JSON report that was never finished", stdout.Len())
			}
			if !regexp.MustCompile(tc.stderr).MatchString(stderr.String()) {
				t.Errorf("stderr %q does not match %q", stderr.String(), tc.stderr)
			}
			wantLeft := []string{}
			if tc.report {
				wantLeft = []string{"report"}
			}
			if tc.old {
				wantLeft = []string{"report"}
				if b, _ := os.ReadFile(out); string(b) != "the previous report\n" {
					t.Errorf("the earlier report was changed to %q", b)
				}
			}
			if diff := cmp.Diff(wantLeft, listDir(t, outDir)); diff != "" {
				t.Errorf("files beside the report (-want +got):\n%s", diff)
			}
			if left := listDir(t, tmpDir); len(left) > 0 {
				t.Errorf("temporary files left in TMPDIR: %q", left)
			}
		})
	}
}

// TestSecondInterruptExitsAtOnce: while cgcheck reads a standard input
// that a writer holds open and never closes, Ctrl-C still stops it (it used
// to wait for the input to end); and should the first Ctrl-C ever meet
// something that does not listen, a second ends cgcheck at once (before,
// the second was swallowed and only kill could end it).
func TestSecondInterruptExitsAtOnce(t *testing.T) {
	t.Parallel()
	bin := cgcheckBinary(t)
	cmd := exec.Command(bin, "check", "--today", synth.Today, "-q", "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	time.Sleep(500 * time.Millisecond) // reading standard input by now
	for i := 0; i < 2; i++ {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			break // it has ended already
		}
		select {
		case <-exited:
			if i > 0 {
				t.Errorf("the first Ctrl-C did not stop cgcheck reading standard input; the second did")
			}
			return
		case <-time.After(time.Second):
		}
	}
	select {
	case <-exited:
	case <-time.After(2 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("cgcheck did not end after a second Ctrl-C; stderr:\n%s", stderr.String())
	}
}
