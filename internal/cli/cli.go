// Package cli is cgcheck's command line: cobra commands that take their
// input and output streams as parameters (so tests run them in-process) and
// return an *ExitError instead of exiting.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/config"
)

// Version is cgcheck's version; release builds set it with -ldflags.
var Version = "0.1.0"

// Exit codes, as cli.md specifies.
const (
	ExitOK       = 0 // no finding at or above --fail-on
	ExitFindings = 1 // at least one finding at or above --fail-on
	ExitUsage    = 2 // bad flag or config, unknown format, missing PATH, bad policy; or --timeout reached
	// ExitInterrupted is the shell's convention for a run stopped by Ctrl-C.
	ExitInterrupted = 130
)

// ExitError carries the exit code a command ends with.
type ExitError struct {
	Code int
	Err  error // nil when there is nothing to print (exit 1 after a report)
	// usage marks a mistake in how cgcheck was called, which earns a pointer
	// to --help.
	usage bool
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

func usageError(err error) *ExitError { return &ExitError{Code: ExitUsage, Err: err, usage: true} }

// setupError is exit 2 for a problem that is not how cgcheck was called (a
// policy that does not load, a file init will not overwrite, a folder it
// cannot write): the message says what to fix, and --help would not help.
func setupError(err error) *ExitError { return &ExitError{Code: ExitUsage, Err: err} }

// Streams are the process's standard streams and environment.
type Streams struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Environ lists the environment as os.Environ does (nil: the process's
	// own when Getenv is os.Getenv, none otherwise); cgcheck refuses the
	// CGCHECK_ variables it does not read.
	Environ func() []string
	// Dir is the working directory (where .cgcheck.yaml is looked for).
	Dir string
}

// Main runs cgcheck with args (without the program name) and returns the
// exit code. Only cmd/cgcheck calls os.Exit with it.
func Main(ctx context.Context, args []string, s Streams) int {
	if s.Getenv == nil {
		s.Getenv = os.Getenv
		if s.Environ == nil {
			s.Environ = os.Environ
		}
	}
	if s.Environ == nil {
		s.Environ = func() []string { return nil }
	}
	if s.Dir == "" {
		s.Dir = "."
	}
	prof := &profiling{}
	root := newRoot(s)
	prof.addFlags(root)
	root.PersistentPreRunE = func(*cobra.Command, []string) error { return prof.start() }
	root.SetArgs(args)
	root.SetIn(s.Stdin)
	root.SetOut(s.Stdout)
	root.SetErr(s.Stderr)
	err := root.ExecuteContext(ctx)
	if perr := prof.stop(); perr != nil && err == nil {
		err = perr
	}
	if err == nil {
		return ExitOK
	}
	var exit *ExitError
	if !errors.As(err, &exit) {
		// cobra's own errors: unknown command or flag, wrong arguments.
		exit = usageError(err)
	}
	if exit.Err != nil {
		msg := strings.TrimRight(exit.Err.Error(), "\n")
		fmt.Fprintf(s.Stderr, "cgcheck: %s\n", strings.ReplaceAll(msg, "\n", "\n  "))
		if exit.usage {
			fmt.Fprintln(s.Stderr, "Run 'cgcheck --help' for usage.")
		}
	}
	return exit.Code
}

// globals are the flags every command that loads policies shares.
type globals struct {
	configPath string
	policies   []string
}

func newRoot(s Streams) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "cgcheck",
		Short: "Check partnership descriptors against the findings of the Collaborative Gain Research Study",
		Example: `  cgcheck init proposal.yaml        # start a new descriptor
  cgcheck check proposal.yaml       # check it
  cgcheck check registry/           # check a whole registry
  cgcheck explain single-lead       # what a rule checks and why`,
		Long: `cgcheck checks partnership descriptors (JSON or YAML) against the findings of
the Collaborative Gain Research Study (Improvement Service, 2008): one named
lead, a tight core group, representatives with delegated authority, monitoring
built in from the start, critical mass, evidence, client focus, and an end when
the purpose is achieved.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.configPath, "config", "", "config file (default .cgcheck.yaml in the current directory, if present)")
	root.PersistentFlags().StringArrayVar(&g.policies, "policy", nil, "extra Rego policy directory (repeatable)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.AddCommand(
		newCheckCmd(s, g),
		newRulesCmd(s, g),
		newExplainCmd(s, g),
		newSchemaCmd(s),
		newDataCmd(s, g),
		newFrameworksCmd(s, g),
		newCompareCmd(s),
		newDiffCmd(s, g),
		newPaperCmd(s, g),
		newBundleCmd(s, g),
		newServeCmd(s, g),
		newInitCmd(s),
		newVersionCmd(s),
	)
	return root
}

// loadConfig resolves the configuration for a command.
func loadConfig(cmd *cobra.Command, s Streams, g *globals) (*config.Config, error) {
	cfg, err := config.Load(cmd.Flags(), g.configPath, s.Dir, s.Getenv)
	if err != nil {
		return nil, usageError(err)
	}
	return cfg, nil
}
