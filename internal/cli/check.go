package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/config"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/frameworks"
	"example.org/cgcheck/internal/outfile"
	"example.org/cgcheck/internal/progress"
	"example.org/cgcheck/internal/registry"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/run"
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
		Example: `  cgcheck check registry/                          # every descriptor under registry/
  cgcheck check --today 2008-10-01 proposal.yaml   # one proposal, as of a given date
  cgcheck check -o html registry/ > report.html    # a report for reviewers
  cgcheck check --output sarif=cgcheck.sarif --fail-on warn registry/   # in CI
  cgcheck check --registry registry/ new.yaml      # one file, with the registry rules across the whole registry
  cgcheck check --exclude 'archive/**' registry/   # pass over a folder`,
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
	fl.StringArray("registry", nil, "run the registry rules across every descriptor under this folder too, reporting those that involve the files named (repeatable)")
	fl.String("baseline", "", "an earlier JSON report (check -o json): mark each warn and fail finding new or persisting since it, and list what was resolved")
	fl.Bool("skip-non-descriptors", false, "treat the files named like those found in a folder: one without a \"schema: cgcheck/...\" line is listed as skipped, not checked (the pre-commit hook uses this)")
	fl.StringArray("exclude", nil, "pass over files and folders matching this glob in a folder walk, relative to each PATH (e.g. docs/** or mkdocs.yml; repeatable)")
	fl.String("cache-dir", "", "where per-document results are cached (default the user's cache directory)")
	fl.Bool("no-cache", false, "neither read nor write the cache")
	fl.Int("jobs", 0, "files checked at once (default the number of CPUs)")
	fl.BoolP("quiet", "q", false, "no progress bar on standard error")
	fl.Duration("timeout", 0, "stop the whole run after this long, e.g. 10m (default no limit)")
	addLimitFlags(fl)
	return cmd
}

// addLimitFlags adds the flags that bound the work on one descriptor, which
// check and serve share: its time and the parse limits.
func addLimitFlags(fl *pflag.FlagSet) {
	fl.Duration("eval-timeout", config.DefaultEvalTimeout, "time allowed for each document, from reading it to the last policy; a document past it fails with rule timeout")
	fl.Int("max-file-bytes", config.DefaultMaxFileBytes, "largest descriptor read, in bytes")
	fl.Int("max-depth", config.DefaultMaxDepth, "deepest nesting of lists and mappings accepted")
	fl.Int("max-items", config.DefaultMaxItems, "most entries in one list or mapping")
	fl.Int("max-string-bytes", config.DefaultMaxStringBytes, "longest string or key, in bytes")
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
		return nil, setupError(fmt.Errorf("cannot load policies:\n%w", err))
	}
	if err := config.CheckEnvironment(s.Environ(), policies.Catalogue()); err != nil {
		return nil, usageError(err)
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
	if st.cfg.Format == "xlsx" && isTerminal(s.Stdout) {
		// A workbook is binary: on a terminal it is noise, and can upset it.
		return usageError(errors.New("--format xlsx writes a binary workbook, which a terminal cannot show: write it to a file with --output xlsx=review.xlsx, or redirect standard output (> review.xlsx)"))
	}
	var baseline *compare.Baseline
	if path, _ := cmd.Flags().GetString("baseline"); path != "" {
		old, err := compare.Read(path)
		if err != nil {
			return setupError(fmt.Errorf("--baseline: %w", err))
		}
		baseline = compare.NewBaseline(path, old)
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	inputs, err := run.Discover(args, st.cfg.Registries, st.cfg.Exclude...)
	if err != nil {
		return usageError(err)
	}
	if st.cfg.SkipNonDescriptors {
		for i := range inputs.List {
			if inputs.List[i].Path != discover.Stdin {
				inputs.List[i].Explicit = false
			}
		}
	}
	named := inputs.Named()
	files, err := outputFiles(st.cfg.Outputs, inputs.List)
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
	for _, sk := range inputs.Skipped {
		fmt.Fprintf(s.Stderr, "cgcheck: skipped %s: %s\n", sk.Path, sk.Reason)
	}
	if len(named) == 0 {
		fmt.Fprintf(s.Stderr, "cgcheck: no descriptors (*.json, *.yaml, *.yml) found in %v\n", args)
	}

	checker, err := st.checker(ctx, s)
	if err != nil {
		if ctx.Err() != nil {
			// Interrupted while the policies were being prepared.
			return stopped(ctx.Err(), 0, len(named), st.cfg.Timeout)
		}
		return err
	}
	if checker.Cache != nil {
		// Keeping the cache within its bound is housekeeping: a failure
		// costs only disk space, and the next run tries again.
		defer func() { _ = checker.Cache.Trim() }()
	}
	if st.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, st.cfg.Timeout)
		defer cancel()
	}
	// SARIF places files relative to the repository they are in.
	var wd, root string
	if dir, err := filepath.Abs(s.Dir); err == nil {
		wd, root = dir, sourceRoot(dir)
	}
	bar := progress.New(s.Stderr, len(inputs.List), !st.cfg.Quiet && isTerminal(s.Stderr), progress.DefaultDelay)
	res, err := run.Run(ctx, inputs, run.Options{
		Checker:  checker,
		Reporter: rep,
		Header: report.Run{
			ToolName: "cgcheck", ToolVersion: Version, Today: st.cfg.Today,
			Verbose: st.cfg.Verbose, Explain: st.cfg.Explain, Color: useColor(s),
			Config: st.reportConfig(), Started: time.Now(),
			SourceRoot: root, WorkDir: wd, HomeURL: HomeURL, RulesURL: RulesURL,
		},
		Jobs:     st.cfg.Jobs,
		FailOn:   finding.Status(st.cfg.FailOn),
		Baseline: baseline,
		Progress: func() { bar.Add(1) },
		Incomplete: func(checked, named int) string {
			return fmt.Sprintf("INCOMPLETE: --timeout %s was reached after %d of %d files; the rest were not checked and the registry rules were not run", st.cfg.Timeout, checked, named)
		},
	})
	bar.Finish()
	if res.Incomplete {
		finished = true // the report of what was checked is written
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("stopped: --timeout %s reached after %d of %d files; the report covers those and is marked incomplete (raise --timeout, or check fewer files at once)", st.cfg.Timeout, res.Checked, res.Named)}
	}
	if err != nil {
		if ctx.Err() != nil {
			return stopped(ctx.Err(), res.Checked, res.Named, st.cfg.Timeout)
		}
		return err
	}
	finished = true
	if res.Failed {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// checker prepares the policies, the registry rules, the schema and the
// cache for a run.
func (st *setup) checker(ctx context.Context, s Streams) (*check.Checker, error) {
	return st.checkerAsOf(ctx, s, st.cfg.Today)
}

// checkerAsOf is checker with another as-of date (cgcheck serve's requests
// each have their own).
func (st *setup) checkerAsOf(ctx context.Context, s Streams, today string) (*check.Checker, error) {
	validator, err := schema.New()
	if err != nil {
		return nil, fmt.Errorf("load schema: %w", err)
	}
	settings := st.settings()
	settings.Today = today
	rules, err := registry.Prepare(ctx, st.policies, settings)
	if err != nil {
		return nil, err
	}
	evaluator, err := st.policies.Prepare(ctx, settings, rules.Reads()...)
	if err != nil {
		return nil, err
	}
	c := &check.Checker{Schema: validator, Evaluator: evaluator, Registry: rules, Stdin: s.Stdin, Timeout: st.cfg.EvalTimeout, Limits: descriptor.Limits{
		MaxBytes: st.cfg.MaxFileBytes, MaxDepth: st.cfg.MaxDepth, MaxItems: st.cfg.MaxItems, MaxString: st.cfg.MaxStringBytes,
	}}
	if c.Cache, err = st.openCache(s); err != nil {
		return nil, err
	}
	if c.Cache != nil {
		if c.RunKey, err = run.CacheKey(run.BuildID(Version), st.policies, settings, c.Limits); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// openCache opens the cache of per-document results: --cache-dir, or
// cgcheck's folder in the user's cache directory; nil with --no-cache. The
// cache only saves time, so when the default folder cannot be made the run
// goes on without it; a --cache-dir that cannot be used is a usage error.
func (st *setup) openCache(s Streams) (*cache.Cache, error) {
	if st.cfg.NoCache {
		return nil, nil
	}
	dir := st.cfg.CacheDir
	if dir == "" {
		var err error
		if dir, err = defaultCacheDir(s.Getenv); err != nil {
			return nil, nil
		}
		c, err := cache.Open(dir, cache.DefaultMaxBytes)
		if err != nil {
			return nil, nil
		}
		return c, nil
	}
	c, err := cache.Open(dir, cache.DefaultMaxBytes)
	if err != nil {
		return nil, setupError(fmt.Errorf("--cache-dir %s cannot be used: %w (name a folder cgcheck can create and write, or use --no-cache)", dir, err))
	}
	return c, nil
}

// defaultCacheDir is cgcheck's folder in the user's cache directory, found
// as os.UserCacheDir finds it but from getenv, so that a test's environment
// (or any embedding's) decides where the cache goes.
func defaultCacheDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		return cache.Dir()
	}
	if dir := getenv("XDG_CACHE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "cgcheck"), nil
	}
	home := getenv("HOME")
	if !filepath.IsAbs(home) {
		return "", errors.New("neither $XDG_CACHE_HOME nor $HOME is an absolute path")
	}
	return filepath.Join(home, ".cache", "cgcheck"), nil
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
// one of the files being read, compared by identity once links are followed
// (cgcheck never writes to its inputs), and two reports to one file.
func outputFiles(specs []string, sources []check.Input) (report.Multi, error) {
	paths := make([]string, 0, len(sources))
	for _, src := range sources {
		if src.Path != discover.Stdin {
			paths = append(paths, src.Path)
		}
	}
	guard := outfile.NewGuard(paths)
	seen := map[string]string{}
	var out report.Multi
	for _, spec := range specs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || format == "" || path == "" {
			return nil, fmt.Errorf("--output takes FORMAT=PATH (e.g. sarif=results.sarif), not %q", spec)
		}
		t, err := outfile.Resolve(path)
		if err != nil {
			return nil, fmt.Errorf("--output %s: cannot write %s: %w", spec, path, err)
		}
		if input, ok := guard.Check(t); ok {
			return nil, fmt.Errorf("--output %s would overwrite a file being checked (%s); write the report elsewhere", spec, input)
		}
		if t.Exists() && t.Info.IsDir() {
			return nil, fmt.Errorf("--output %s names a folder; name a file in it, e.g. %s=%s", spec, format, filepath.Join(path, "cgcheck."+format))
		}
		key := t.Path
		if abs, err := filepath.Abs(key); err == nil {
			key = abs
		}
		if other, ok := seen[key]; ok && t.Regular() {
			return nil, fmt.Errorf("--output %s: two reports would be written to the same file (also --output %s)", spec, other)
		}
		seen[key] = spec
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

// reportConfig is the configuration a report records: the rules disabled,
// the parameters set away from their defaults (with where each was set) and
// the custom policy folders.
func (st *setup) reportConfig() report.Config {
	var c report.Config
	for id := range st.disabled {
		c.Disabled = append(c.Disabled, id)
	}
	sort.Strings(c.Disabled)
	for _, rule := range slices.Sorted(maps.Keys(st.params)) {
		byName := st.params[rule]
		for _, name := range slices.Sorted(maps.Keys(byName)) {
			pv := byName[name]
			if pv.Source == "default" {
				continue
			}
			c.Params = append(c.Params, report.ParamSetting{Rule: rule, Name: name, Value: pv.Value, Default: pv.Param.Default, Source: pv.Source})
		}
	}
	c.Policies = append(c.Policies, st.cfg.Policies...)
	return c
}
