package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/config"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/frameworks"
	"example.org/cgcheck/internal/progress"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/schema"
)

type checkFlags struct {
	params []string
}

func newCheckCmd(s Streams, g *globals) *cobra.Command {
	f := &checkFlags{}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check descriptors (files, directories, or - for standard input)",
		Long: `Check descriptors against the schema and the rule catalogue.

PATH is a file, a directory (walked recursively for *.json, *.yaml and *.yml;
hidden folders such as .git are skipped), or - for standard input. With no
PATH, the current directory is checked.

Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 usage error.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, s, g, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringP("format", "o", "text", "output format on standard output: "+joinFormats())
	fl.StringArray("output", nil, "also write a report to a file, FORMAT=PATH (repeatable), e.g. sarif=results.sarif")
	fl.String("fail-on", "fail", "lowest status that makes the exit code 1: fail or warn")
	fl.String("today", "", "as-of date for every date rule, YYYY-MM-DD (default the current date)")
	fl.BoolP("verbose", "v", false, "text output also lists passing and skipped rules")
	fl.Bool("explain", false, "text output shows the study's words and what to do under each fail and warn")
	fl.StringArrayVar(&f.params, "param", nil, "set a rule parameter, rule.name=value (or name=value where one rule has it; repeatable)")
	fl.Int("jobs", 0, "files checked at once (default the number of CPUs)")
	fl.BoolP("quiet", "q", false, "no progress bar on standard error")
	fl.Duration("timeout", 0, "stop the whole run after this long, e.g. 10m (default no limit)")
	fl.Duration("eval-timeout", config.DefaultEvalTimeout, "time allowed for the policies on one document")
	fl.Int("max-file-bytes", config.DefaultMaxFileBytes, "largest file read, in bytes")
	fl.Int("max-depth", config.DefaultMaxDepth, "deepest nesting of lists and mappings accepted")
	fl.Int("max-items", config.DefaultMaxItems, "most entries in one list or mapping")
	fl.Int("max-string-bytes", config.DefaultMaxStringBytes, "longest string or key, in bytes")
	return cmd
}

func joinFormats() string {
	out := ""
	for i, name := range report.Formats() {
		if i > 0 {
			out += ", "
		}
		out += name
	}
	return out
}

// setup is what check, rules and explain share: configuration, policies,
// and the resolved parameters.
type setup struct {
	cfg        *config.Config
	policies   *engine.Policies
	params     config.Params
	disabled   map[string]bool
	frameworks []frameworks.Framework // in force: built in, with the config file's
}

func loadSetup(cmd *cobra.Command, s Streams, g *globals, paramFlags []string) (*setup, error) {
	cfg, err := loadConfig(cmd, s, g)
	if err != nil {
		return nil, err
	}
	if err := cfg.SetParamFlags(paramFlags); err != nil {
		return nil, usageError(err)
	}
	// cfg.Policies already holds --policy when given (flag > env > file).
	policies, err := engine.Load(cfg.Policies)
	if err != nil {
		return nil, usageError(fmt.Errorf("cannot load policies:\n%w", err))
	}
	params, disabled, err := cfg.Resolve(policies.Catalogue())
	if err != nil {
		return nil, usageError(err)
	}
	// Not cancelled by Ctrl-C: reading them takes a millisecond, and an
	// interrupt during start-up is handled by the run that follows.
	builtin, err := policies.BuiltinFrameworks(context.WithoutCancel(cmd.Context()))
	if err != nil {
		return nil, err
	}
	return &setup{
		cfg: cfg, policies: policies, params: params, disabled: disabled,
		frameworks: frameworks.Merge(builtin, cfg.Frameworks),
	}, nil
}

func (st *setup) settings() engine.Settings {
	return engine.Settings{
		Today:      st.cfg.Today,
		Params:     st.params.Values(),
		Frameworks: frameworks.Data(st.frameworks),
		Disabled:   st.disabled,
		Timeout:    st.cfg.EvalTimeout,
	}
}

func runCheck(cmd *cobra.Command, s Streams, g *globals, f *checkFlags, args []string) error {
	ctx := cmd.Context()
	st, err := loadSetup(cmd, s, g, f.params)
	if err != nil {
		return err
	}
	stdoutReport, err := report.New(st.cfg.Format, s.Stdout)
	if err != nil {
		return usageError(err)
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	found, err := discover.Find(args)
	if err != nil {
		return usageError(err)
	}
	files, err := outputFiles(st.cfg.Outputs, found.Sources)
	if err != nil {
		return usageError(err)
	}
	rep := append(report.Multi{stdoutReport}, files...)
	finished := false
	defer func() {
		if !finished {
			rep.Abort() // an interrupted or failed run leaves no half-written report
		}
	}()
	for _, sk := range found.Skipped {
		fmt.Fprintf(s.Stderr, "cgcheck: skipped %s: %s\n", sk.Path, sk.Reason)
	}
	if len(found.Sources) == 0 {
		fmt.Fprintf(s.Stderr, "cgcheck: no descriptors (*.json, *.yaml, *.yml) found in %v\n", args)
	}

	validator, err := schema.New()
	if err != nil {
		return fmt.Errorf("load schema: %w", err)
	}
	evaluator, err := st.policies.Prepare(ctx, st.settings())
	if err != nil {
		return err
	}
	checker := &check.Checker{Schema: validator, Evaluator: evaluator, Stdin: s.Stdin, Limits: descriptor.Limits{
		MaxBytes: st.cfg.MaxFileBytes, MaxDepth: st.cfg.MaxDepth, MaxItems: st.cfg.MaxItems, MaxString: st.cfg.MaxStringBytes,
	}}
	if st.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, st.cfg.Timeout)
		defer cancel()
	}

	if err := rep.Start(report.Run{
		ToolName: "cgcheck", ToolVersion: Version, Today: st.cfg.Today,
		Verbose: st.cfg.Verbose, Explain: st.cfg.Explain, Color: useColor(s),
		Rules:  append(append([]*catalogue.Rule{}, evaluator.Rules()...), evaluator.RegistryRules()...),
		FailOn: finding.Status(st.cfg.FailOn),
	}); err != nil {
		return err
	}
	var summary finding.Summary
	threshold := finding.Fail.Severity()
	if st.cfg.FailOn == "warn" {
		threshold = finding.Warn.Severity()
	}
	failed := false
	// Only each document's registry facts are kept; the documents themselves
	// go to the reporter as they are finished.
	facts := registry.NewCollector(evaluator)
	bar := progress.New(s.Stderr, len(found.Sources), !st.cfg.Quiet && isTerminal(s.Stderr), progress.DefaultDelay)
	err = checker.Run(ctx, found.Sources, st.cfg.Jobs, func(c check.Checked) error {
		bar.Add(1)
		summary.Add(c.Doc)
		if c.Doc.Status.Severity() >= threshold {
			failed = true
		}
		facts.Add(c.Doc.File, c.Doc.ID, c.Facts)
		return rep.Document(c.Doc)
	})
	bar.Finish()
	if err != nil {
		return stopped(err, summary.Documents, len(found.Sources), st.cfg.Timeout)
	}
	across, err := facts.Evaluate(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return stopped(ctx.Err(), summary.Documents, len(found.Sources), st.cfg.Timeout)
		}
		return err
	}
	if across.Status.Severity() >= threshold {
		failed = true
	}
	if err := rep.Finish(summary, across); err != nil {
		return err
	}
	finished = true
	if failed {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// stopped explains a run that did not finish: interrupted (Ctrl-C) or over
// --timeout. Machine-readable reports are written whole or not at all, so
// nothing half-written is left behind.
func stopped(err error, done, total int, timeout time.Duration) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("stopped: --timeout %s reached after %d of %d files; no report was written (raise --timeout, or check fewer files at once)", timeout, done, total)}
	case errors.Is(err, context.Canceled):
		return &ExitError{Code: ExitInterrupted, Err: fmt.Errorf("interrupted after %d of %d files; no report was written", done, total)}
	}
	return err
}

// outputFiles reads --output FORMAT=PATH values. It refuses a path that is
// one of the files being checked: cgcheck never writes to its inputs.
func outputFiles(specs []string, sources []discover.Source) (report.Multi, error) {
	inputs := map[string]bool{}
	for _, src := range sources {
		if abs, err := filepath.Abs(src.Path); err == nil {
			inputs[abs] = true
		}
	}
	seen := map[string]bool{}
	var out report.Multi
	for _, spec := range specs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || format == "" || path == "" {
			return nil, fmt.Errorf("--output takes FORMAT=PATH (e.g. sarif=results.sarif), not %q", spec)
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("--output %s: %w", spec, err)
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		if inputs[abs] {
			return nil, fmt.Errorf("--output %s would overwrite a file being checked; write the report elsewhere", spec)
		}
		if seen[abs] {
			return nil, fmt.Errorf("--output %s: two reports would be written to the same file", spec)
		}
		seen[abs] = true
		fr, err := report.NewFile(format, path)
		if err != nil {
			return nil, fmt.Errorf("--output %s: %w", spec, err)
		}
		out = append(out, fr)
	}
	return out, nil
}

// useColor allows colour only on a terminal and never when NO_COLOR is set.
func useColor(s Streams) bool {
	return s.Getenv("NO_COLOR") == "" && isTerminal(s.Stdout)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
