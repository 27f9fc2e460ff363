package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"example.org/cgcheck/internal/cli"
	"example.org/cgcheck/internal/testtool"
)

// startServe runs `cgcheck serve` in-process with args and returns its
// base URL and a function that stops it (as Ctrl-C does) and returns its
// exit code and standard error.
func startServe(t *testing.T, dir string, args ...string) (string, func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &testtool.SyncBuffer{}
	code := make(chan int, 1)
	go func() {
		code <- cli.Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), cli.Streams{
			Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: stderr,
			Getenv: func(string) string { return "" }, Dir: dir,
		})
	}()
	open := regexp.MustCompile(`open (http://127\.0\.0\.1:\d+) in a browser`)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if m := open.FindStringSubmatch(stderr.String()); m != nil {
			stop := func() (int, string) {
				cancel()
				select {
				case c := <-code:
					return c, stderr.String()
				case <-time.After(40 * time.Second):
					t.Fatal("serve did not stop")
					return 0, ""
				}
			}
			t.Cleanup(func() { cancel() })
			return m[1], stop
		}
		select {
		case c := <-code:
			cancel()
			t.Fatalf("serve exited %d: %s", c, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start: %s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

type reportFindings struct {
	Documents []struct {
		Status   string            `json:"status"`
		Findings []json.RawMessage `json:"findings"`
	} `json:"documents"`
}

// TestServeAnswersAsCheck starts the command, with a config file that
// changes a parameter and disables a rule, and holds every example's answer
// from POST /v1/check to the findings of `cgcheck check -o json` with the
// same configuration: the same rules, statuses, messages, pointers, lines
// and columns. Then it stops the server as Ctrl-C does.
func TestServeAnswersAsCheck(t *testing.T) {
	dir := t.TempDir()
	config := "params:\n  group-size:\n    group_size_warn: 6\ndisable: [lessons-shared]\n"
	if err := os.WriteFile(filepath.Join(dir, ".cgcheck.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	base, stop := startServe(t, dir, "--today", "2008-10-01")
	files, _ := filepath.Glob(filepath.Join(testtool.RepoRoot(t), "testdata", "examples", "*.*"))
	checked := 0
	for _, path := range files {
		ext := filepath.Ext(path)
		if ext != ".yaml" && ext != ".json" {
			continue
		}
		var out bytes.Buffer
		cli.Main(context.Background(), []string{"check", "--today", "2008-10-01", "--no-cache", "-o", "json", path}, cli.Streams{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }, Dir: dir,
		})
		var want reportFindings
		if err := json.Unmarshal(out.Bytes(), &want); err != nil || len(want.Documents) != 1 {
			t.Fatalf("check %s: %v\n%s", path, err, out.String())
		}
		data, _ := os.ReadFile(path)
		ctype := map[string]string{".yaml": "application/yaml", ".json": "application/json"}[ext]
		res, err := http.Post(base+"/v1/check", ctype, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		var got reportFindings
		if err := json.Unmarshal(body, &got); err != nil || res.StatusCode != 200 || len(got.Documents) != 1 {
			t.Fatalf("serve %s: %d %v\n%s", path, res.StatusCode, err, body)
		}
		w, g := want.Documents[0], got.Documents[0]
		if w.Status != g.Status || len(w.Findings) != len(g.Findings) {
			t.Errorf("%s: serve says %s with %d findings, check %s with %d", path, g.Status, len(g.Findings), w.Status, len(w.Findings))
			continue
		}
		for i := range w.Findings {
			if !bytes.Equal(w.Findings[i], g.Findings[i]) {
				t.Errorf("%s: finding %d\n serve %s\n check %s", path, i, g.Findings[i], w.Findings[i])
			}
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d examples compared", checked)
	}
	// The config file reached the server as it reached check: had either
	// missed it, lessons-shared (disabled there) would be in one answer
	// and not the other.
	code, stderr := stop()
	if code != 0 || !strings.Contains(stderr, "cgcheck serve: stopped") {
		t.Errorf("stopping: exit %d\n%s", code, stderr)
	}
	if strings.Contains(stderr, "partnership/v1") || strings.Count(stderr, "msg=request") != checked {
		t.Errorf("the log should hold one line per request and no content:\n%s", stderr)
	}
}

// TestServeAddressInUse: a second server on the same address says what to
// do instead of failing with the system's words alone.
func TestServeAddressInUse(t *testing.T) {
	base, stop := startServe(t, t.TempDir())
	defer stop()
	addr := strings.TrimPrefix(base, "http://")
	var stderr bytes.Buffer
	code := cli.Main(context.Background(), []string{"serve", "--addr", addr}, cli.Streams{
		Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr, Getenv: func(string) string { return "" }, Dir: t.TempDir(),
	})
	if code != 2 || !strings.Contains(stderr.String(), "is in use by another program: choose another port") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestServeStopsOnSIGTERM runs the binary as a service manager would and
// stops it with SIGTERM: it finishes cleanly, exit 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	bin := cgcheckBinary(t)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	stderr := &testtool.SyncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	open := regexp.MustCompile(`open (http://127\.0\.0\.1:\d+) in a browser`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := open.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		cmd.Process.Kill()
		t.Fatalf("serve did not start: %s", stderr.String())
	}
	res, err := http.Get(base + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", res, err)
	}
	res.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("serve has not stopped 10 s after SIGTERM: %s", stderr.String())
	}
	if code := cmd.ProcessState.ExitCode(); code != 0 || !strings.HasSuffix(stderr.String(), "cgcheck serve: stopped\n") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
