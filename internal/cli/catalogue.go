package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/schemadoc"
	"example.org/cgcheck/internal/suggest"
	"example.org/cgcheck/schemas"
)

func newRulesCmd(s Streams, g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue (id, theme, level, title)",
		Example: `  cgcheck rules
  cgcheck rules --format markdown > docs/rules.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := loadSetup(cmd, s, g, nil)
			if err != nil {
				return err
			}
			rules := st.policies.Catalogue().Rules()
			switch format {
			case "json":
				enc := json.NewEncoder(s.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(struct {
					Rules []*catalogue.Rule `json:"rules"`
				}{rules})
			case "markdown":
				return catalogue.WriteMarkdown(s.Stdout, st.policies.Catalogue())
			case "text":
				tw := tabwriter.NewWriter(s.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tTHEME\tLEVEL\tTITLE")
				for _, r := range rules {
					level := strings.Join(r.Levels, "/")
					title := r.Title
					if !r.Builtin {
						title += " (custom)"
					}
					if st.disabled[r.ID] {
						title += " (disabled)"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Theme, level, title)
				}
				return tw.Flush()
			}
			return usageError(fmt.Errorf("unknown format %q for rules; use text, json or markdown", format))
		},
	}
	cmd.Flags().StringVarP(&format, "format", "o", "text", "output format: text, json or markdown (the docs/rules.md page)")
	return cmd
}

func newExplainCmd(s Streams, g *globals) *cobra.Command {
	var params []string
	cmd := &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain one rule: what it checks, the study's words, what to do, its params",
		Example: `  cgcheck explain group-size
  cgcheck explain group-size --param group-size.group_size_max=14   # with a parameter changed`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := loadSetup(cmd, s, g, params)
			if err != nil {
				return err
			}
			r, ok := st.policies.Catalogue().Rule(args[0])
			if !ok {
				// cgcheck's own findings (parse, schema, evaluation) are
				// explained too, though no policy defines them.
				for _, t := range catalogue.ToolRules() {
					if t.ID == args[0] {
						r, ok = t, true
					}
				}
			}
			if !ok {
				var ids []string
				for _, r := range st.policies.Catalogue().Rules() {
					ids = append(ids, r.ID)
				}
				return usageError(fmt.Errorf("unknown rule %q%s; `cgcheck rules` lists them", args[0], suggest.Hint(args[0], ids)))
			}
			writeExplain(s.Stdout, r, st)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&params, "param", nil, "set a rule parameter, rule.name=value (or name=value where one rule has it; repeatable)")
	return cmd
}

func writeExplain(w io.Writer, r *catalogue.Rule, st *setup) {
	fmt.Fprintf(w, "%s: %s\n", r.ID, r.Title)
	fmt.Fprintf(w, "theme: %s (%s)   level: %s", r.Theme, catalogue.ThemeTitles[r.Theme], strings.Join(r.Levels, "/"))
	if !r.Builtin {
		fmt.Fprintf(w, "   custom rule from %s", r.File)
	}
	if st.disabled[r.ID] {
		fmt.Fprint(w, "   (disabled by config)")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "\n%s\n", wrap(r.Description, 78, ""))
	if r.Section != "" || r.Quote != "" {
		fmt.Fprintf(w, "\nThe study (Collaborative Gain Research Study, 2008), %s:\n", r.Section)
		if r.Quote != "" {
			fmt.Fprintf(w, "  %s\n", wrap("\u201c"+r.Quote+"\u201d", 76, "  "))
		}
	}
	for _, c := range r.Citations {
		fmt.Fprintf(w, "\nAlso, %s:\n  %s\n", c.Section, wrap("\u201c"+c.Quote+"\u201d", 76, "  "))
	}
	fmt.Fprintf(w, "\nWhat to do:\n  %s\n", wrap(r.Remediation, 76, "  "))
	if len(r.Plain) > 0 {
		fmt.Fprintln(w, "\nIn plain words (as a board paper puts it):")
		for _, status := range append([]string{"pass"}, r.Levels...) {
			if words := r.Plain[status]; words != "" {
				fmt.Fprintf(w, "  %s: %s\n", status, wrap(words, 70, "        "))
			}
		}
	}
	if r.Question != "" {
		fmt.Fprintf(w, "\nQuestion for the board:\n  %s\n", wrap(r.Question, 76, "  "))
	}
	if len(r.Params) > 0 {
		fmt.Fprintln(w, "\nParams:")
		for _, p := range r.Params {
			pv := st.params[r.ID][p.Name]
			if pv.Source == "default" {
				fmt.Fprintf(w, "  %s.%s = %s (default)\n", r.ID, p.Name, showParam(pv.Value))
			} else {
				fmt.Fprintf(w, "  %s.%s = %s (%s; default %s)\n", r.ID, p.Name, showParam(pv.Value), pv.Source, showParam(p.Default))
			}
			if p.Description != "" {
				fmt.Fprintf(w, "      %s\n", wrap(p.Description, 72, "      "))
			}
		}
	}
}

// wrap folds text at width, indenting continuation lines.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(text) {
		if i > 0 {
			if line+1+len(word) > width {
				b.WriteString("\n" + indent)
				line = 0
			} else {
				b.WriteString(" ")
				line++
			}
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}

func newSchemaCmd(s Streams) *cobra.Command {
	var write bool
	var format string
	cmd := &cobra.Command{
		Use:   "schema [--write [DIR]]",
		Short: "Print the embedded JSON Schema of the descriptor format (or its reference page), or with --write keep a copy in DIR/" + LocalSchemaPath + " for editors",
		Example: `  cgcheck schema > partnership.schema.json
  cgcheck schema --format markdown  # the reference page, docs/descriptor.md
  cgcheck schema --write            # ./` + LocalSchemaPath + `, which cgcheck init's template points editors at
  cgcheck schema --write registry/  # after upgrading cgcheck, refresh the copy beside the descriptors`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if !write {
				if len(args) > 0 {
					return usageError(fmt.Errorf("schema takes a folder only with --write (it prints the schema otherwise)"))
				}
				switch format {
				case "json":
					_, err := s.Stdout.Write(schemas.PartnershipV1)
					return err
				case "markdown":
					return schemadoc.WriteMarkdown(s.Stdout, schemas.PartnershipV1)
				}
				return usageError(fmt.Errorf("unknown --format %q for schema (json or markdown)%s", format, suggest.Hint(format, []string{"json", "markdown"})))
			}
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			given := dir
			shown := filepath.Join(dir, filepath.FromSlash(LocalSchemaPath))
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(s.Dir, dir)
			}
			if info, err := os.Stat(dir); err != nil || !info.IsDir() {
				return setupError(fmt.Errorf("%s is not a folder; give the folder that holds the descriptors", given))
			}
			did, err := writeLocalSchema(dir, true)
			if err != nil {
				return setupError(err)
			}
			switch did {
			case schemaCurrent:
				fmt.Fprintf(s.Stderr, "cgcheck: %s is already this version's schema\n", shown)
			case schemaRefreshed:
				fmt.Fprintf(s.Stderr, "cgcheck: refreshed %s\n", shown)
			default:
				fmt.Fprintf(s.Stderr, "cgcheck: wrote %s\n", shown)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "json (the schema) or markdown (its reference page)")
	cmd.Flags().BoolVar(&write, "write", false, "write the schema to DIR/"+LocalSchemaPath+" (default DIR: the current folder), replacing an older copy")
	return cmd
}

func newVersionCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print cgcheck's version and the versions of OPA, the schema and the catalogue",
		Example: `  cgcheck version`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(s.Stdout, "cgcheck %s\nOPA %s\nschema %s\ncatalogue %s\n", Version, version.Version, schemas.FormatVersion, CatalogueVersion)
			return nil
		},
	}
}

// CatalogueVersion is the version of the rule catalogue (rules.md).
const CatalogueVersion = "v2"

// showParam writes a parameter's value as a person reads it: a list as
// ["tbc", "tba"], anything else as it is.
func showParam(v any) string {
	list, ok := v.([]any)
	if !ok {
		return fmt.Sprint(v)
	}
	parts := make([]string, len(list))
	for i, item := range list {
		parts[i] = fmt.Sprintf("%q", item)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
