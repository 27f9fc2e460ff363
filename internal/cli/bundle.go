package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/bundle"
	"example.org/cgcheck/internal/outfile"
	"example.org/cgcheck/internal/report"
)

func newBundleCmd(s Streams, g *globals) *cobra.Command {
	var out string
	var params []string
	cmd := &cobra.Command{
		Use:   "bundle -o FILE.tar.gz",
		Short: "Write the checks as an OPA bundle, for stock OPA servers (entrypoint data.cgcheck.main.report)",
		Example: `  cgcheck bundle -o cgcheck.tar.gz                        # dates judged as of each decision
  cgcheck bundle --today 2008-10-01 -o cgcheck.tar.gz     # every decision as of one date
  cgcheck bundle --policy custom/ --param group-size.group_size_max=8 -o cgcheck.tar.gz
  opa run --server cgcheck.tar.gz                          # then POST {"input": DESCRIPTOR} to /v1/data/cgcheck/main/report`,
		Long: `Write an OPA bundle (a .tar.gz) that a stock OPA server serves unchanged,
from a file (opa run --server FILE.tar.gz) or from a bundle server. It holds
the policies (built-in and those of --policy), the settings of 'cgcheck
check' (parameters, disabled rules, outcome frameworks, --today), the
descriptor schema and an entrypoint, data.cgcheck.main.report: given one
descriptor as input, it says whether the descriptor matches the schema and
gives each rule's findings, with waivers applied, as 'cgcheck check' does.
The registry rules, which need several descriptors, are not in the report.

Without --today (or today: in the config file, or CGCHECK_TODAY) each
decision is made as of the date it is made (UTC); with it, as of that date
for as long as the bundle is served.

The bundle's revision is the catalogue version and a hash of its contents:
the same policies and settings give the same bytes. See docs/bundle.md for
how to deploy it. Exit codes: 0 the bundle is written; 2 usage error.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError(fmt.Errorf("bundle takes no file to read; name the bundle to write with -o, e.g. -o %s", args[0]))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError(errors.New("-o FILE is required: name the bundle to write, e.g. -o cgcheck.tar.gz"))
			}
			t, err := outfile.Resolve(out)
			if err != nil {
				return usageError(fmt.Errorf("-o %s: cannot write it: %w", out, err))
			}
			if t.Exists() && t.Info.IsDir() {
				return usageError(fmt.Errorf("-o %s is a folder; name a file in it, e.g. -o %s", out, out+"/cgcheck.tar.gz"))
			}
			st, err := loadSetup(cmd, s, g, params)
			if err != nil {
				return err
			}
			// The bundle never replaces a file it is made from.
			var sources []string
			for _, src := range st.policies.Sources() {
				if src.Folder > 0 {
					sources = append(sources, src.Name)
				}
			}
			if st.cfg.File != "" {
				sources = append(sources, st.cfg.File)
			}
			if same, ok := outfile.NewGuard(sources).Check(t); ok {
				return usageError(fmt.Errorf("-o %s is %s, which the bundle is made from; write the bundle elsewhere", out, same))
			}
			b, err := bundle.Build(bundle.Options{
				Policies:         st.policies,
				Settings:         st.settings(),
				TodayPinned:      st.cfg.TodayGiven(),
				CatalogueVersion: CatalogueVersion,
				Version:          Version,
			})
			if err != nil {
				return err
			}
			err = report.WriteFile(out, func(w io.Writer) error {
				_, err := b.WriteTo(w)
				return err
			})
			if err != nil {
				return setupError(err)
			}
			fmt.Fprintf(s.Stdout, "wrote %s: revision %s, %d rules, as of %s\n", out, b.Manifest.Revision, b.Rules, b.Manifest.Metadata["today"])
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "the bundle file to write, e.g. cgcheck.tar.gz (required)")
	fl.String("today", "", "as-of date for every date rule, YYYY-MM-DD (default the date of each decision)")
	fl.StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (or name=value where one rule has it; repeatable)")
	return cmd
}
