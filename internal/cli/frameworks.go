package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/frameworks"
)

func newFrameworksCmd(s Streams, g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "frameworks",
		Short: "List the outcome frameworks that outcome links may name: where each comes from and its outcomes",
		Example: `  cgcheck frameworks
  cgcheck frameworks --format json`,
		Long: `List the outcome frameworks in force: the built-in ones (the National
Performance Framework, the national outcomes of 2007, and frameworks that
accept any reference such as a Single Outcome Agreement or a Local Outcomes
Improvement Plan) and those a config file adds or replaces under frameworks:,
with where each comes from and its outcomes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := loadSetup(cmd, s, g, nil)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				enc := json.NewEncoder(s.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(struct {
					Frameworks []frameworks.Framework `json:"frameworks"`
				}{st.frameworks})
			case "text":
				return writeFrameworks(s.Stdout, st.frameworks)
			}
			return usageError(fmt.Errorf("unknown format %q for frameworks; use text or json", format))
		},
	}
	cmd.Flags().StringVarP(&format, "format", "o", "text", "output format: text or json")
	return cmd
}

// writeFrameworks lists each framework with its source and outcomes.
func writeFrameworks(w io.Writer, set []frameworks.Framework) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, f := range set {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s: %s (%s)\n", f.Name, f.Title, f.Source)
		if f.AnyRef() {
			fmt.Fprintln(tw, "  any non-blank ref")
			continue
		}
		for _, o := range f.Outcomes {
			fmt.Fprintf(tw, "  %s\t%s\n", o.Ref, o.Title)
		}
	}
	return tw.Flush()
}
