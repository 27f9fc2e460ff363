package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/outfile"
	"example.org/cgcheck/internal/paper"
	"example.org/cgcheck/internal/report"
)

func newPaperCmd(s Streams, g *globals) *cobra.Command {
	var out string
	var params []string
	cmd := &cobra.Command{
		Use:   "paper FILE",
		Short: "Write a board paper for one descriptor: what is proposed, what the checks found, the questions for the board",
		Example: `  cgcheck paper proposal.yaml -o board-paper.html
  cgcheck paper --today 2008-10-01 testdata/examples/weak-authority.yaml > paper.html`,
		Long: `Write a board paper for one partnership descriptor, as one self-contained
HTML page (no outside requests; prints on A4; reads on a phone), in plain
English with no field names: what is proposed (the partnership, its area,
lead, task and why it is a partnership; the partners and what each puts in,
with totals of money and staff time; funding; measures with their starting
points and targets; dates); what the checks found, by theme of the study,
red, amber or green; the questions for the board, one for each finding that
is red or amber; and the exceptions (waivers) the board is asked to note.

The checks are those of 'cgcheck check', with the same --today, parameters
and configuration. The file is never written to. Exit codes: 0 the paper is
written (whatever it found); 2 usage error, or a FILE that is missing.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != discover.Stdin {
				if err := oneFile(args[0], "name one descriptor file (a board paper is for one proposal)"); err != nil {
					return err
				}
			}
			st, err := loadSetup(cmd, s, g, params)
			if err != nil {
				return err
			}
			if out != "" {
				t, err := outfile.Resolve(out)
				if err != nil {
					return usageError(fmt.Errorf("-o %s: cannot write it: %w", out, err))
				}
				if _, same := outfile.NewGuard(args).Check(t); same {
					return usageError(fmt.Errorf("-o %s is the descriptor itself; write the paper elsewhere", out))
				}
			}
			checker, err := st.checker(cmd.Context(), s)
			if err != nil {
				return err
			}
			doc := checker.Check(cmd.Context(), discover.Source{Path: args[0], Explicit: true})
			// A file that does not parse still gets a paper, which says so.
			values, _ := readDescriptor(args[0], doc, checker.Limits)
			p := paper.Build(values, doc, checker.Evaluator.Rules(), st.cfg.Today)
			run := report.Run{ToolName: "cgcheck", ToolVersion: Version, Today: st.cfg.Today}
			if out == "" {
				return report.WritePaper(s.Stdout, p, run)
			}
			if err := report.WriteFile(out, func(w io.Writer) error { return report.WritePaper(w, p, run) }); err != nil {
				return setupError(err)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "write the paper to this file (default standard output)")
	fl.String("today", "", "as-of date for every date rule, YYYY-MM-DD (default the current date)")
	fl.StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (repeatable)")
	fl.String("cache-dir", "", "where per-document results are cached (default the user's cache directory)")
	fl.Bool("no-cache", false, "neither read nor write the cache")
	return cmd
}
