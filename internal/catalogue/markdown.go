package catalogue

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteMarkdown writes the catalogue as the reference page docs/rules.md:
// an index by theme, then each rule with its description, the study's words,
// what to do, and its parameters. Everything comes from the METADATA.
func WriteMarkdown(w io.Writer, c *Catalogue) error {
	var b strings.Builder
	b.WriteString("# cgcheck rule catalogue\n\n")
	b.WriteString("<!-- Generated from the policies' METADATA by `cgcheck rules --format markdown`; do not edit by hand.\n")
	b.WriteString("     Regenerate: go run ./cmd/cgcheck rules --format markdown > docs/rules.md -->\n\n")
	b.WriteString("Each rule encodes a finding of the *Collaborative Gain Research Study* (Improvement Service, 2008). ")
	b.WriteString("A rule gives each descriptor `pass`, `warn`, `fail` or `skip` (not applicable, with a reason); ")
	b.WriteString("results roll up per theme as pass / warn / fail. There is no overall score.\n\n")
	b.WriteString("Parameters belong to the rule that declares them. Set one under `params:` in `.cgcheck.yaml` ")
	b.WriteString("(`group-size.group_size_max: 14`, or nested under the rule id), as `CGCHECK_PARAMS_<RULE>__<NAME>` ")
	b.WriteString("(`CGCHECK_PARAMS_GROUP_SIZE__GROUP_SIZE_MAX`), or with `--param rule.name=value`; a bare name ")
	b.WriteString("(`--param group_size_max=14`) is accepted where only one rule declares it. ")
	b.WriteString("`cgcheck explain RULE` shows each value in force and where it came from.\n\n")

	for _, theme := range append(slices.Clone(Themes), RegistryTheme) {
		rules := c.byTheme(theme)
		if len(rules) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s — %s\n\n", theme, ThemeTitles[theme])
		b.WriteString("| id | level | title |\n|---|---|---|\n")
		for _, r := range rules {
			fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, strings.Join(r.Levels, "/"), cell(r.Title))
		}
		b.WriteString("\n")
		for _, r := range rules {
			fmt.Fprintf(&b, "### %s\n\n", r.ID)
			fmt.Fprintf(&b, "**%s** · theme `%s` · level `%s`\n\n", r.Title, r.Theme, strings.Join(r.Levels, "/"))
			fmt.Fprintf(&b, "%s\n\n", oneParagraph(r.Description))
			if r.Quote != "" {
				fmt.Fprintf(&b, "> \u201c%s\u201d — *%s*\n\n", r.Quote, r.Section)
			}
			for _, c := range r.Citations {
				fmt.Fprintf(&b, "> \u201c%s\u201d — *%s*\n\n", c.Quote, c.Section)
			}
			fmt.Fprintf(&b, "**What to do.** %s\n\n", oneParagraph(r.Remediation))
			if len(r.Plain) > 0 {
				b.WriteString("**In plain words** (as a board paper puts it):\n\n")
				for _, status := range append([]string{"pass"}, r.Levels...) {
					if words := r.Plain[status]; words != "" {
						fmt.Fprintf(&b, "- %s: %s\n", status, oneParagraph(words))
					}
				}
				b.WriteString("\n")
			}
			if r.Question != "" {
				fmt.Fprintf(&b, "**Question for the board.** %s\n\n", oneParagraph(r.Question))
			}
			if len(r.Params) > 0 {
				b.WriteString("| param | type | default | meaning |\n|---|---|---|---|\n")
				for _, p := range r.Params {
					fmt.Fprintf(&b, "| `%s.%s` | %s | %s | %s |\n", r.ID, p.Name, p.Type, defaultCell(p.Default), cell(p.Description))
				}
				b.WriteString("\n")
			}
		}
	}
	// cgcheck's own checks have headings too, so a report's link to a
	// parse or schema finding's help lands somewhere.
	b.WriteString("## cgcheck's own checks\n\n")
	b.WriteString("These findings come from cgcheck itself rather than from a policy. They cannot be disabled or waived.\n\n")
	for _, r := range ToolRules() {
		fmt.Fprintf(&b, "### %s\n\n", r.ID)
		fmt.Fprintf(&b, "**%s** · level `%s`\n\n", r.Title, strings.Join(r.Levels, "/"))
		fmt.Fprintf(&b, "%s\n\n", oneParagraph(r.Description))
		fmt.Fprintf(&b, "**What to do.** %s\n\n", oneParagraph(r.Remediation))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (c *Catalogue) byTheme(theme string) []*Rule {
	var out []*Rule
	for _, r := range c.rules {
		if r.Theme == theme {
			out = append(out, r)
		}
	}
	return out
}

// defaultCell writes a param's default for a table: a list as its entries.
func defaultCell(v any) string {
	list, ok := v.([]any)
	if !ok {
		return "`" + fmt.Sprint(v) + "`"
	}
	parts := make([]string, len(list))
	for i, item := range list {
		parts[i] = "`" + cell(fmt.Sprint(item)) + "`"
	}
	return strings.Join(parts, ", ")
}

func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

func cell(s string) string { return strings.ReplaceAll(oneParagraph(s), "|", "\\|") }
