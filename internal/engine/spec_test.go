package engine_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/testtool"
)

// specRule is one row of a rule table in ../shared/spec/rules.md.
type specRule struct {
	id, theme, levels string
	cites             []catalogue.Citation // the first is METADATA's section and quote
}

// fullSections maps the short section names rules.md uses to the study's
// headings the METADATA gives.
var fullSections = map[string]string{
	"Clarity of Leadership": "Clarity of Leadership, Governance and Performance Management",
	"Appendix 1":            "Appendix 1 Summary Literature Review",
}

var (
	rowRE = regexp.MustCompile("^\\| `([a-z0-9-]+)` \\| ([a-z/]+) \\| (.*?) \\|(?: (.*) \\|)?$")
	// quoteRE reads each `Section · "quote"` of a cell; v2 cells hold two,
	// separated by "; " (and marked **v2**, which is dropped first).
	quoteRE = regexp.MustCompile(`(?:^|;\s*)([^·;"]+?) · "([^"]*)"`)
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
		cite := strings.TrimSpace(strings.ReplaceAll(m[4], "**v2**", ""))
		switch {
		case cite == "—" || cite == "": // no section or quote
		case cite == "same":
			r.cites = prev.cites
		default:
			quotes := quoteRE.FindAllStringSubmatch(cite, -1)
			if quotes == nil {
				t.Fatalf("rules.md row %s: cannot read section and quote from %q", r.id, cite)
			}
			for _, q := range quotes {
				section := strings.TrimSpace(q[1])
				if full, ok := fullSections[section]; ok {
					section = full
				}
				r.cites = append(r.cites, catalogue.Citation{Section: section, Quote: q[2]})
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

// TestEveryBuiltinRuleSpeaksPlainly: every built-in rule says in plain
// words what each of its outcomes means (pass and each level) and gives the
// question a board paper asks, so board papers never fall back on the
// descriptor's field names.
func TestEveryBuiltinRuleSpeaksPlainly(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	fieldPath := regexp.MustCompile(`\b[a-z]+(_[a-z]+)*\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b`)
	for _, r := range p.Catalogue().Rules() {
		for _, status := range append([]string{"pass"}, r.Levels...) {
			words := r.Plain[status]
			if words == "" {
				t.Errorf("rule %s: METADATA has no custom.plain.%s", r.ID, status)
			}
			if m := fieldPath.FindString(words); m != "" {
				t.Errorf("rule %s: plain.%s speaks in field names (%q): %s", r.ID, status, m, words)
			}
		}
		if len(r.Plain) != len(r.Levels)+1 {
			t.Errorf("rule %s: plain has %d entries, want pass and %v", r.ID, len(r.Plain), r.Levels)
		}
		if !strings.HasSuffix(r.Question, "?") {
			t.Errorf("rule %s: custom.question %q is not a question", r.ID, r.Question)
		}
	}
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
		var got []catalogue.Citation
		if r.Section != "" || r.Quote != "" {
			got = append(got, catalogue.Citation{Section: r.Section, Quote: r.Quote})
		}
		got = append(got, r.Citations...)
		if d := cmp.Diff(want.cites, got); d != "" {
			t.Errorf("%s: section and quote (METADATA section/quote, then citations) differ from rules.md (-rules.md +METADATA):\n%s", r.ID, d)
		}
	}
}

// TestQuotesAreTheStudysWords holds every built-in rule's quotes to the text
// of the study, verbatim (white space, such as the study's line breaks,
// aside).
func TestQuotesAreTheStudysWords(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(testtool.SharedFile(t, "reference/collaborative-gain-study.txt"))
	if err != nil {
		t.Fatal(err)
	}
	study := strings.Join(strings.Fields(string(src)), " ")
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.Catalogue().Rules() {
		quotes := []string{r.Quote}
		for _, c := range r.Citations {
			quotes = append(quotes, c.Quote)
		}
		for _, q := range quotes {
			if q != "" && !strings.Contains(study, strings.Join(strings.Fields(q), " ")) {
				t.Errorf("%s: quote %q is not in the study", r.ID, q)
			}
		}
	}
}
