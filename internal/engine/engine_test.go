package engine_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/engine"
)

const customHeader = `# METADATA
# title: Named lead has a post
# description: The lead person is written as a post, such as Director of Housing.
# custom:
#   id: lead-post
#   theme: governance
#   severity: warn
#   remediation: Write the lead as a post so the role survives staff changes.
package custom.lead_post
`

func writePolicy(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// prepareCustom loads the built-in policies with the custom policy files
// given (name -> source) and prepares them with settings().
func prepareCustom(t *testing.T, files map[string]string) *engine.Evaluator {
	t.Helper()
	p, err := engine.Load([]string{writePolicy(t, files)})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := p.Prepare(context.Background(), settings())
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestBuiltinCatalogue(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"single-lead", "group-size", "delegated-authority", "monitoring-at-outset", "critical-mass", "references-resolve"} {
		r, ok := p.Catalogue().Rule(id)
		if !ok {
			t.Errorf("rule %s missing from the catalogue", id)
			continue
		}
		if !r.Builtin || r.Remediation == "" || r.Title == "" {
			t.Errorf("rule %s: incomplete metadata %+v", id, r)
		}
	}
	if r, _ := p.Catalogue().Rule("group-size"); len(r.Params) != 2 {
		t.Errorf("group-size params = %+v, want group_size_max and group_size_warn", r.Params)
	}
}

// TestSandboxRefusesBuiltins proves custom policies cannot reach the
// network, the environment or the clock: each is refused at load with a
// message naming the builtin, the file and the line. (sandbox_test.go
// checks every builtin the sandbox removes the same way.)
func TestSandboxRefusesBuiltins(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"http.send":            `deny contains "x" if { http.send({"method": "get", "url": "http://127.0.0.1/"}) }`,
		"opa.runtime":          `deny contains "x" if { opa.runtime().env.HOME }`,
		"time.now_ns":          `deny contains "x" if { time.now_ns() > 0 }`,
		"net.lookup_ip_addr":   `deny contains "x" if { net.lookup_ip_addr("example.org") }`,
		"rand.intn":            `deny contains "x" if { rand.intn("x", 10) > 5 }`,
		"uuid.rfc4122":         `deny contains "x" if { uuid.rfc4122("x") }`,
		"net.cidr_contains":    `deny contains "x" if { net.cidr_contains("10.0.0.0/8", "10.0.0.1") }`,
		"io.jwt.decode_verify": `deny contains "x" if { io.jwt.decode_verify("t", {"secret": "s"}) }`,
		"crypto.x509.parse_and_verify_certificates":              `deny contains "x" if { crypto.x509.parse_and_verify_certificates("pem") }`,
		"crypto.x509.parse_and_verify_certificates_with_options": `deny contains "x" if { crypto.x509.parse_and_verify_certificates_with_options("pem", {}) }`,
	}
	for builtin, rule := range cases {
		t.Run(builtin, func(t *testing.T) {
			t.Parallel()
			dir := writePolicy(t, map[string]string{"bad.rego": customHeader + "\n" + rule + "\n"})
			_, err := engine.Load([]string{dir})
			if err == nil {
				t.Fatal("policy loaded; want it refused")
			}
			msg := err.Error()
			for _, want := range []string{"bad.rego:11:", builtin, "not allowed"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not mention %q", msg, want)
				}
			}
		})
	}
}

func TestCustomPolicyErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"does not compile", map[string]string{"x.rego": customHeader + "deny contains x if { x := }\n"}, []string{"x.rego:10:", "unexpected } token"}},
		{"no metadata", map[string]string{"x.rego": "package custom.bare\n\ndeny contains \"x\" if { true }\n"}, []string{"x.rego:1:", "no METADATA with custom.id"}},
		{"no remediation", map[string]string{"x.rego": strings.Replace(customHeader, "#   remediation: Write the lead as a post so the role survives staff changes.\n", "", 1) + "warn contains \"x\" if { true }\n"}, []string{"x.rego:1:", "custom.remediation"}},
		{"bad theme", map[string]string{"x.rego": strings.Replace(customHeader, "theme: governance", "theme: vibes", 1)}, []string{"custom.theme", "vibes"}},
		{"clashes with built-in id", map[string]string{"x.rego": strings.Replace(customHeader, "id: lead-post", "id: single-lead", 1)}, []string{"x.rego:1:", `rule id "single-lead" is already used by a built-in rule (policies/cgcheck/rules/governance/single_lead/single_lead.rego)`}},
		// Named so that it sorts after "policies/": the custom file is still the one blamed.
		{"clashes with built-in id from a later-sorting file", map[string]string{"zz/x.rego": strings.Replace(customHeader, "id: lead-post", "id: single-lead", 1)}, []string{"zz/x.rego:1:", `is already used by a built-in rule`}},
		{"two custom rules share an id", map[string]string{"a.rego": customHeader, "b.rego": strings.Replace(customHeader, "package custom.lead_post", "package custom.lead_post_again", 1)}, []string{"b.rego:1:", `rule id "lead-post" is already used by the custom rule in `, "a.rego"}},
		{"reads another rule's parameter", map[string]string{"x.rego": customHeader + "warn contains \"x\" if data.cgcheck.params[\"group-size\"].group_size_max > 1\n"}, []string{"x.rego:", "reads data.cgcheck.params directly"}},
		{"reads parameters through an import", map[string]string{"x.rego": customHeader + "import data.cgcheck\n\nwarn contains \"x\" if cgcheck.params.anything\n"}, []string{"reads data.cgcheck.params directly"}},
		{"reads the whole data document", map[string]string{"x.rego": customHeader + "warn contains \"x\" if data[k]\n"}, []string{"reads data[k] as a whole"}},
		{"reads the whole of data.cgcheck", map[string]string{"x.rego": customHeader + "x := data.cgcheck\n"}, []string{"reads data.cgcheck as a whole"}},
		{"forges a chain for lib.param", map[string]string{"x.rego": customHeader + "import data.cgcheck.lib\n\nmax := lib.param([{\"annotations\": {\"custom\": {\"id\": \"group-size\"}}}], \"group_size_max\")\n"}, []string{"calls lib.param with a chain of its own making"}},
		{"cgcheck namespace", map[string]string{"x.rego": strings.Replace(customHeader, "package custom.lead_post", "package cgcheck.lib", 1)}, []string{"x.rego:9:", "cgcheck's own namespace"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := engine.Load([]string{writePolicy(t, tc.files)})
			if err == nil {
				t.Fatal("loaded; want an error")
			}
			var pe engine.PolicyErrors
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not PolicyErrors", err, err)
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
		})
	}
	if _, err := engine.Load([]string{"/no/such/dir"}); err == nil || !strings.Contains(err.Error(), "/no/such/dir") {
		t.Errorf("missing dir: err = %v", err)
	}
}

func settings() engine.Settings {
	return engine.Settings{Today: "2008-10-01", Params: map[string]map[string]any{}}
}

func TestEvaluateCustomRule(t *testing.T) {
	t.Parallel()
	dir := writePolicy(t, map[string]string{
		"lead_post.rego": customHeader + `
import data.cgcheck.lib

warn contains lib.finding("/lead/person", "lead.person looks like a name, not a post") if {
	not contains(lower(input.lead.person), "director")
}

warn contains "a bare string message" if input.lead.person == "Jo Bloggs"
`,
		"lead_post_test.rego": "package custom.lead_post_test\n\ntest_ignored_in_production if false\n",
	})
	p, err := engine.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Catalogue().Rule("lead-post")
	if !ok || r.Builtin {
		t.Fatalf("custom rule not in the catalogue as custom: %+v", r)
	}
	ev, err := p.Prepare(context.Background(), settings())
	if err != nil {
		t.Fatal(err)
	}
	res, err := ev.Evaluate(context.Background(), map[string]any{"lead": map[string]any{"person": "Jo Bloggs"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []engine.Message
	for _, o := range res.Outcomes {
		if o.Rule.ID == "lead-post" {
			got = o.Warn
		}
	}
	want := []engine.Message{{Msg: "a bare string message"}, {Msg: "lead.person looks like a name, not a post", Pointer: "/lead/person"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("warn (-want +got):\n%s", diff)
	}
}

// A custom rule may define deny as a complete rule (deny := [...] if ...),
// which is undefined when its body fails. That must read as no findings for
// that rule, not fail the evaluation of every rule (the built-in rules' sets
// are read directly, which only partial set rules allow).
func TestEvaluateCompleteRuleSets(t *testing.T) {
	t.Parallel()
	ev := prepareCustom(t, map[string]string{
		"lead_post.rego": customHeader + `
deny := ["the lead is a placeholder"] if input.lead.person == "TBC"

warn := {"lead.person is blank"} if input.lead.person == ""
`,
	})
	for _, tc := range []struct {
		person     string
		deny, warn []engine.Message
	}{
		{person: "TBC", deny: []engine.Message{{Msg: "the lead is a placeholder"}}},
		{person: "", warn: []engine.Message{{Msg: "lead.person is blank"}}},
		{person: "Director of Housing"},
	} {
		res, err := ev.Evaluate(context.Background(), map[string]any{"lead": map[string]any{"person": tc.person}})
		if err != nil {
			t.Fatalf("person %q: %v", tc.person, err)
		}
		var found bool
		for _, o := range res.Outcomes {
			switch o.Rule.ID {
			case "lead-post":
				found = true
				if diff := cmp.Diff(tc.deny, o.Deny); diff != "" {
					t.Errorf("person %q: deny (-want +got):\n%s", tc.person, diff)
				}
				if diff := cmp.Diff(tc.warn, o.Warn); diff != "" {
					t.Errorf("person %q: warn (-want +got):\n%s", tc.person, diff)
				}
			case "single-lead":
				// The built-in rules still run beside the custom one.
				if len(o.Deny)+len(o.Warn) == 0 && tc.person == "TBC" {
					t.Errorf("person %q: single-lead found nothing on a descriptor with no lead post", tc.person)
				}
			}
		}
		if !found {
			t.Fatalf("lead-post has no outcome")
		}
	}
}

// A custom rule set that is no collection is named at the policy's own
// line: at load when its type is known (deny := true), for each document when
// it is not (deny := input.flag). Before, the first failed with a position
// in cgcheck's internal query, and a non-collection read as no findings.
func TestRuleSetsMustBeCollections(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"deny := true", `warn := "a message"`, "deny := 3"} {
		_, err := engine.Load([]string{writePolicy(t, map[string]string{"lead_post.rego": customHeader + "\n" + body + "\n"})})
		var pe engine.PolicyErrors
		if !errors.As(err, &pe) || len(pe) != 1 {
			t.Fatalf("%s: err = %v, want one policy error", body, err)
		}
		if !strings.HasSuffix(pe[0].File, "lead_post.rego") || pe[0].Line != 11 || !strings.Contains(pe[0].Msg, "must be a set of messages") {
			t.Errorf("%s: %v", body, pe[0])
		}
	}

	ev := prepareCustom(t, map[string]string{"lead_post.rego": customHeader + "\ndeny := input.flag\n"})
	_, err := ev.Evaluate(context.Background(), map[string]any{"flag": true})
	if err == nil || !strings.Contains(err.Error(), "lead_post.rego:11:1: deny is true (a boolean), but it must be a set of messages") {
		t.Errorf("deny := input.flag with flag true: err = %v", err)
	}
	res, err := ev.Evaluate(context.Background(), map[string]any{"flag": []any{"one message"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		if o.Rule.ID == "lead-post" && (len(o.Deny) != 1 || o.Deny[0].Msg != "one message") {
			t.Errorf("deny := input.flag with a list: %+v", o.Deny)
		}
	}
}

func TestDisabledRulesAreNotEvaluated(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := settings()
	s.Disabled = map[string]bool{"single-lead": true}
	ev, err := p.Prepare(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ev.Rules() {
		if r.ID == "single-lead" {
			t.Fatal("disabled rule single-lead is still evaluated")
		}
	}
	want := 0
	for _, r := range p.Catalogue().Rules() {
		if !r.IsRegistry() && r.ID != "single-lead" {
			want++
		}
	}
	if n := len(ev.Rules()); n != want {
		t.Errorf("evaluating %d rules per document, want %d (every enabled rule but the registry rules)", n, want)
	}
}

func TestEvaluationTimeout(t *testing.T) {
	t.Parallel()
	dir := writePolicy(t, map[string]string{"slow.rego": customHeader + `
deny contains "slow" if {
	count([x | some x in numbers.range(1, 100000000); x % 7 == 0]) > 0
}
`})
	p, err := engine.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	s := settings()
	s.Timeout = 50 * time.Millisecond
	ev, err := p.Prepare(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ev.Evaluate(context.Background(), map[string]any{})
	if !errors.Is(err, engine.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func TestDataForStockTools(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := p.Data(engine.Settings{
		Today:      "2008-10-01",
		Params:     map[string]map[string]any{"group-size": {"group_size_max": int64(12)}},
		Frameworks: map[string]any{"loip": map[string]any{"title": "Inverclyde LOIP"}},
	})
	cg := d["cgcheck"].(map[string]any)
	if cg["today"] != "2008-10-01" || cg["params"].(map[string]any)["group-size"].(map[string]any)["group_size_max"] != int64(12) {
		t.Errorf("data = %v", d)
	}
	if _, ok := cg["frameworks"].(map[string]any)["loip"]; !ok {
		t.Errorf("data.cgcheck.frameworks = %v, want the run's frameworks", cg["frameworks"])
	}
	if ids := cg["catalogue"].([]any); len(ids) != len(p.Catalogue().Rules()) {
		t.Errorf("catalogue has %d ids, want %d", len(ids), len(p.Catalogue().Rules()))
	}
}

// TestCustomParamCannotChangeBuiltinRule: a custom rule that declares a
// parameter of the same name as a built-in rule's gets its own value; the
// built-in rule keeps its own. (Under catalogue v1 parameters were global,
// and this custom rule turned group-size's fail into a warn.)
func TestCustomParamCannotChangeBuiltinRule(t *testing.T) {
	t.Parallel()
	header := strings.Replace(customHeader, "package custom.lead_post", `#   params:
#     group_size_max: {default: 100, type: integer, description: Not group-size's.}
package custom.lead_post`, 1)
	p, err := engine.Load([]string{writePolicy(t, map[string]string{"lead_post.rego": header + `
import data.cgcheck.lib

warn contains sprintf("%d", [lib.param(rego.metadata.chain(), "group_size_max")])
`})})
	if err != nil {
		t.Fatal(err)
	}
	s := settings()
	s.Params = map[string]map[string]any{"lead-post": {"group_size_max": int64(100)}, "group-size": {"group_size_max": int64(12), "group_size_warn": int64(10)}}
	ev, err := p.Prepare(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var partners []any
	for i := range 14 {
		partners = append(partners, map[string]any{"id": fmt.Sprintf("p%d", i), "name": "Partner", "role": "core"})
	}
	res, err := ev.Evaluate(context.Background(), map[string]any{"partners": partners})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		switch o.Rule.ID {
		case "group-size":
			if len(o.Deny) != 1 {
				t.Errorf("group-size with 14 core partners: deny = %v, want one fail (its own group_size_max, 12)", o.Deny)
			}
		case "lead-post":
			if len(o.Warn) != 1 || o.Warn[0].Msg != "100" {
				t.Errorf("the custom rule read group_size_max = %v, want its own 100", o.Warn)
			}
		}
	}
}

// TestCustomFolderNamedTwice: a folder named twice (in the config file and
// on the command line, or as dir and ./dir/, or through a link) is loaded
// once; loading it twice declared its package twice and failed.
func TestCustomFolderNamedTwice(t *testing.T) {
	t.Parallel()
	dir := writePolicy(t, map[string]string{"lead_post.rego": customHeader + "\nwarn contains \"x\" if false\n"})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	p, err := engine.Load([]string{dir, dir + string(filepath.Separator) + ".", link})
	if err != nil {
		t.Fatalf("the same folder three ways: %v", err)
	}
	if _, ok := p.Catalogue().Rule("lead-post"); !ok {
		t.Fatal("the custom rule is missing")
	}
}
