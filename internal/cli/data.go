package cli

import (
	"encoding/json"

	"github.com/spf13/cobra"
)

// newDataCmd prints the data document the policies read, so stock OPA tools
// and conftest can run the same policies with the same as-of date and
// parameters: conftest test --all-namespaces --policy policies --data data.json FILES
func newDataCmd(s Streams, g *globals) *cobra.Command {
	var params []string
	cmd := &cobra.Command{
		Use:   "data",
		Short: "Print the data document (today, params, rule ids) for running the policies with opa or conftest",
		Example: `  cgcheck data --today 2008-10-01 > data.json
  conftest test --all-namespaces --policy policies --data data.json proposal.yaml   # in a checkout of cgcheck`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := loadSetup(cmd, s, g, params)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(s.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(st.policies.Data(st.settings()))
		},
	}
	cmd.Flags().String("today", "", "as-of date, YYYY-MM-DD (default the current date)")
	cmd.Flags().StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (or name=value where one rule has it; repeatable)")
	return cmd
}
