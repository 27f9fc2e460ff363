package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/descdiff"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

func newDiffCmd(s Streams, g *globals) *cobra.Command {
	var format, failOn string
	var params []string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Say what changed between two versions of one descriptor, and which findings changed with it",
		Example: `  cgcheck diff proposal-march.yaml proposal-june.yaml
  cgcheck diff --format markdown --today 2008-10-01 old/falls.yaml falls.yaml`,
		Long: `Compare two versions of one partnership descriptor, for example the proposal
a board saw in March and the revision in front of it now: partners added,
removed or changing role, and their representatives' authority; what each
partner contributes, with the totals of money and staff time; measures with
their baselines and targets (a target made less ambitious is called out);
dates moved; the lead, status and task. Then both versions are checked, as
'cgcheck check' would with the same --today and parameters, and the warn and
fail findings that are new or resolved are listed. Lines marked "!" are
worth a second look.

Exit codes: 0 nothing new at or above --fail-on; 1 a new finding is; 2 usage
error or a file that cannot be read as a descriptor.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if failOn != "fail" && failOn != "warn" {
				return usageError(fmt.Errorf("--fail-on %q: use fail or warn", failOn))
			}
			if !slices.Contains(report.DiffFormats, format) {
				return usageError(fmt.Errorf("unknown format %q for diff; use %s", format, strings.Join(report.DiffFormats, ", ")))
			}
			for _, path := range args {
				if err := oneFile(path, "diff compares two versions of one descriptor file"); err != nil {
					return err
				}
			}
			st, err := loadSetup(cmd, s, g, params)
			if err != nil {
				return err
			}
			checker, err := st.checker(cmd.Context(), s)
			if err != nil {
				return err
			}
			var docs [2]*finding.Document
			var values [2]map[string]any
			for i, path := range args {
				docs[i] = checker.Check(cmd.Context(), discover.Source{Path: path, Explicit: true})
				if values[i], err = readDescriptor(path, docs[i], checker.Limits); err != nil {
					return setupError(err)
				}
			}
			d := report.DescriptorDiff{Old: args[0], New: args[1], Changes: descdiff.Diff(values[0], values[1])}
			if docs[1].Partnership != nil {
				d.Name = docs[1].Partnership.Name
			}
			d.Findings = compare.Findings(docs[0].Findings, docs[1].Findings)
			if err := report.WriteDescriptorDiff(s.Stdout, format, d); err != nil {
				return err
			}
			for _, it := range d.Findings.New {
				if it.Status == finding.Fail || failOn == "warn" {
					return &ExitError{Code: ExitFindings}
				}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "o", "text", "output format: "+strings.Join(report.DiffFormats, ", "))
	fl.StringVar(&failOn, "fail-on", "fail", "lowest status of a new finding that makes the exit code 1: fail or warn")
	fl.String("today", "", "as-of date for every date rule, YYYY-MM-DD (default the current date)")
	fl.StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (repeatable)")
	fl.String("cache-dir", "", "where per-document results are cached (default the user's cache directory)")
	fl.Bool("no-cache", false, "neither read nor write the cache")
	return cmd
}

// readDescriptor reads what a file says for the diff. A file that cannot
// be read or parsed is refused with the checker's own finding, which says
// what is wrong and where.
func readDescriptor(path string, doc *finding.Document, limits descriptor.Limits) (map[string]any, error) {
	for _, f := range doc.Findings {
		if f.Rule == finding.RuleParse || f.Rule == finding.RuleTimeout {
			where := path
			if f.Line > 0 {
				where = fmt.Sprintf("%s:%d:%d", path, f.Line, f.Column)
			}
			return nil, fmt.Errorf("%s: %s", where, f.Message)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	parsed, err := descriptor.ParseWithLimits(data, descriptor.FormatOf(path, data), limits)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	obj, ok := parsed.Value.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: not a descriptor: its top level is not a mapping of fields", path)
	}
	return obj, nil
}

// oneFile refuses, before any work, a path that is missing or a folder
// where a command takes one descriptor file; forFolder says what to name.
func oneFile(path, forFolder string) error {
	info, err := os.Stat(path)
	if err != nil {
		return usageError(fmt.Errorf("cannot read %s: %w", path, errors.Unwrap(err)))
	}
	if info.IsDir() {
		return usageError(fmt.Errorf("%s is a folder: %s", path, forFolder))
	}
	return nil
}
