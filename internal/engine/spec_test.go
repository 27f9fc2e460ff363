package engine_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/testtool"
)

// specRule is one row of a rule table in ../shared/spec/rules.md.
type specRule struct {
	id, theme, levels, section, quote string
}

// fullSections maps the short section names rules.md uses to the study's
// headings the METADATA gives.
var fullSections = map[string]string{
	"Clarity of Leadership": "Clarity of Leadership, Governance and Performance Management",
	"Appendix 1":            "Appendix 1 Summary Literature Review",
}

var (
	rowRE   = regexp.MustCompile("^\\| `([a-z0-9-]+)` \\| ([a-z/]+) \\| (.*?) \\|(?: (.*) \\|)?$")
	quoteRE = regexp.MustCompile(`^(.*?) · "(.*?)"`)
)

func readSpecRules(t *testing.T) []specRule {
	t.Helper()
	src, err := os.ReadFile(testtool.SharedFile(t, "spec/rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []specRule
	var prev specRule
	theme := ""
	for _, line := range strings.Split(string(src), "\n") {
		if heading, ok := strings.CutPrefix(line, "## "); ok {
			theme, _, _ = strings.Cut(heading, " ")
		}
		m := rowRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r := specRule{id: m[1], theme: theme, levels: m[2]}
		cite := strings.TrimSpace(m[4])
		switch {
		case cite == "—": // no section or quote
		case cite == "same":
			r.section, r.quote = prev.section, prev.quote
		case cite != "":
			q := quoteRE.FindStringSubmatch(cite)
			if q == nil {
				t.Fatalf("rules.md row %s: cannot read section and quote from %q", r.id, cite)
			}
			r.section, r.quote = q[1], q[2]
			if full, ok := fullSections[r.section]; ok {
				r.section = full
			}
		}
		out = append(out, r)
		prev = r
	}
	if len(out) < 35 {
		t.Fatalf("read %d rules from rules.md; the table format may have changed", len(out))
	}
	return out
}

// TestCatalogueMatchesSpec holds every rule of rules.md, per-document and
// registry, to its id, theme, levels, section and verbatim quote.
func TestCatalogueMatchesSpec(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range readSpecRules(t) {
		r, ok := p.Catalogue().Rule(want.id)
		if !ok {
			t.Errorf("rule %s of rules.md is not in the catalogue", want.id)
			continue
		}
		if r.Theme != want.theme {
			t.Errorf("%s: theme %q, rules.md lists it under %q", r.ID, r.Theme, want.theme)
		}
		levels := strings.Split(want.levels, "/")
		slices.Sort(levels)
		if !slices.Equal(levels, r.Levels) {
			t.Errorf("%s: levels %v, rules.md says %s", r.ID, r.Levels, want.levels)
		}
		if r.Section != want.section {
			t.Errorf("%s: section %q, rules.md says %q", r.ID, r.Section, want.section)
		}
		if r.Quote != want.quote {
			t.Errorf("%s: quote %q, rules.md says %q", r.ID, r.Quote, want.quote)
		}
	}
}
