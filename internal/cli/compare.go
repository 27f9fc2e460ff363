package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/compare"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
)

func newCompareCmd(s Streams) *cobra.Command {
	var format, failOn string
	cmd := &cobra.Command{
		Use:   "compare OLD.json NEW.json",
		Short: "Say what changed between two JSON reports: the findings that are new, resolved and persisting",
		Example: `  cgcheck check -o json registry/ > march.json      # at one review
  cgcheck check -o json registry/ > september.json  # at the next
  cgcheck compare march.json september.json
  cgcheck compare --format html march.json september.json > changes.html`,
		Long: `Compare two reports that 'cgcheck check -o json' wrote, for example at two
reviews of a registry or for two revisions of one proposal. Partnerships are
matched by descriptor id (by file when a document has no id); their warn and
fail findings by rule and place (pointer). For each partnership it lists the
findings that are new, those resolved since (a finding now waived counts as
resolved, and says so) and those persisting, with any change of status. The
registry's findings are matched by rule and the partnerships they name.

Exit codes: 0 nothing new at or above --fail-on; 1 something new is; 2 usage
error or a file that is not a cgcheck JSON report.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var fail finding.Status
			switch failOn {
			case "fail", "warn":
				fail = finding.Status(failOn)
			default:
				return usageError(fmt.Errorf("--fail-on %q: use fail or warn", failOn))
			}
			if !slices.Contains(report.ComparisonFormats, format) {
				return usageError(fmt.Errorf("unknown format %q for compare; use %s", format, strings.Join(report.ComparisonFormats, ", ")))
			}
			old, err := compare.Read(args[0])
			if err != nil {
				return setupError(err)
			}
			cur, err := compare.Read(args[1])
			if err != nil {
				return setupError(err)
			}
			res := compare.Compare(args[0], old, args[1], cur)
			if err := report.WriteComparison(s.Stdout, format, res); err != nil {
				return err
			}
			if res.Fails(fail) {
				return &ExitError{Code: ExitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "o", "text", "output format: "+strings.Join(report.ComparisonFormats, ", "))
	cmd.Flags().StringVar(&failOn, "fail-on", "fail", "lowest status of a new finding that makes the exit code 1: fail or warn")
	return cmd
}
