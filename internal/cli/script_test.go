package cli_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"example.org/cgcheck/internal/cli"
)

// TestMain lets the test binary double as the cgcheck command: testscript
// copies it onto the scripts' PATH under that name, and the copy runs
// cli.Main exactly as cmd/cgcheck does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cgcheck": func() {
			os.Exit(cli.Main(context.Background(), os.Args[1:], cli.Streams{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
		},
	})
}

// updateScripts rewrites the files that `cmp stdout FILE` compares against
// inside the scripts, for an intended change of output.
var updateScripts = flag.Bool("update", false, "update the expected output inside testdata/script/*.txtar")

// TestScripts runs the end-to-end scripts in testdata/script: each is a txtar
// archive of descriptors and config files plus the commands to run on them.
//
// Besides testscript's own commands, scripts have:
//
//	exits N PROGRAM [ARGS...]   run PROGRAM; its exit code must be exactly N
//	                            (exec only tells zero from non-zero, and
//	                            cgcheck's 1 and 2 mean different things)
//	genfile FILE PIECE...       write the PIECEs to FILE, for inputs a txtar
//	                            archive cannot hold: Go escapes (\x00, \n) are
//	                            decoded and N*TEXT repeats TEXT N times

func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Colour would never reach a pipe anyway; NO_COLOR makes sure.
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   cmdExits,
			"genfile": cmdGenfile,
		},
	})
}

// panicked matches what the Go runtime prints when a program panics; a
// panicking cgcheck also exits with 2, so a usage error must not hide one.
var panicked = regexp.MustCompile(`(?m)^panic: |^goroutine \d+ \[`)

func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exits does not support !; name the exit code instead")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: exit code %q is not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exits: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if stderr := ts.ReadFile("stderr"); panicked.MatchString(stderr) {
		ts.Fatalf("%s panicked", args[1])
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

var repeatPiece = regexp.MustCompile(`^(\d+)\*(.*)$`)

func cmdGenfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: genfile FILE PIECE...")
	}
	var b strings.Builder
	for _, piece := range args[1:] {
		n := 1
		if m := repeatPiece.FindStringSubmatch(piece); m != nil {
			n, _ = strconv.Atoi(m[1])
			piece = m[2]
		}
		text, err := strconv.Unquote(`"` + strings.ReplaceAll(piece, `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("genfile: cannot decode %q: %v", piece, err)
		}
		b.WriteString(strings.Repeat(text, n))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o666))
}

// TestCustomRuleExampleInSync keeps the copy of the worked custom rule in
// custom_rules.txtar identical to the one in testdata/custom-policies that
// the README points at, so the script tests the example users read.
func TestCustomRuleExampleInSync(t *testing.T) {
	t.Parallel()
	ar, err := txtar.ParseFile("testdata/script/custom_rules.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"elected_member_sponsor.rego", "elected_member_sponsor_test.rego"} {
		want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "custom-policies", "elected_member_sponsor", name))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range ar.Files {
			if f.Name == "custom/elected_member_sponsor/"+name {
				found = true
				if string(f.Data) != string(want) {
					t.Errorf("custom_rules.txtar: %s differs from testdata/custom-policies/elected_member_sponsor/%s; copy it again", f.Name, name)
				}
			}
		}
		if !found {
			t.Errorf("custom_rules.txtar has no custom/elected_member_sponsor/%s", name)
		}
	}
}
