package config_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/pflag"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/config"
	"example.org/cgcheck/internal/frameworks"
)

func testCatalogue(t *testing.T) *catalogue.Catalogue {
	t.Helper()
	cat, err := catalogue.New([]*catalogue.Rule{
		{ID: "group-size", Theme: "governance", Params: []catalogue.Param{
			{Name: "group_size_max", Type: "integer", Default: 12},
			{Name: "group_size_warn", Type: "integer", Default: 10},
		}},
		{ID: "single-lead", Theme: "governance"},
		{ID: "proportionate-monitoring", Theme: "gain", Params: []catalogue.Param{
			{Name: "max_items", Type: "integer", Default: 12},
			{Name: "phrases", Type: "list", Default: []any{"for all"}},
		}},
		{ID: "other-rule", Theme: "gain", Params: []catalogue.Param{
			{Name: "max_items", Type: "integer", Default: 5},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func flags(args ...string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("check", pflag.ContinueOnError)
	fs.String("format", "text", "")
	fs.String("fail-on", "fail", "")
	fs.String("today", "", "")
	fs.Bool("verbose", false, "")
	fs.StringArray("policy", nil, "")
	if err := fs.Parse(args); err != nil {
		panic(err)
	}
	return fs
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.DefaultFile), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPrecedence(t *testing.T) {
	dir := writeConfig(t, "format: json\nfail-on: warn\ntoday: 2008-01-01\nparams:\n  group_size_max: 14\n")
	cases := []struct {
		name       string
		args       []string
		env        map[string]string
		wantFormat string
		wantToday  string
		wantMax    any
		wantSource string
	}{
		{"file", nil, nil, "json", "2008-01-01", int64(14), "config file"},
		{"env over file", nil, map[string]string{"CGCHECK_FORMAT": "text", "CGCHECK_TODAY": "2008-06-01", "CGCHECK_PARAMS_GROUP_SIZE_MAX": "13"}, "text", "2008-06-01", int64(13), "environment CGCHECK_PARAMS_GROUP_SIZE_MAX"},
		{"flag over env", []string{"--format", "json", "--today", "2008-10-01"}, map[string]string{"CGCHECK_FORMAT": "text", "CGCHECK_PARAMS_GROUP_SIZE_MAX": "13"}, "json", "2008-10-01", int64(15), "flag --param"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v) // viper reads the process environment
			}
			cfg, err := config.Load(flags(tc.args...), "", dir, env(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "flag over env" {
				if err := cfg.SetParamFlags([]string{"group_size_max=15"}); err != nil {
					t.Fatal(err)
				}
			}
			if cfg.Format != tc.wantFormat || cfg.Today != tc.wantToday || cfg.FailOn != "warn" {
				t.Errorf("format=%q today=%q fail-on=%q; want %q %q warn", cfg.Format, cfg.Today, cfg.FailOn, tc.wantFormat, tc.wantToday)
			}
			params, _, err := cfg.Resolve(testCatalogue(t))
			if err != nil {
				t.Fatal(err)
			}
			pv := params["group-size"]["group_size_max"]
			if pv.Value != tc.wantMax || !strings.HasPrefix(pv.Source, tc.wantSource) {
				t.Errorf("group_size_max = %v from %q; want %v from %q", pv.Value, pv.Source, tc.wantMax, tc.wantSource)
			}
			if d := params["group-size"]["group_size_warn"]; d.Value != int64(10) || d.Source != "default" {
				t.Errorf("group_size_warn = %+v, want the default 10", d)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		name    string
		config  string
		args    []string
		params  []string
		wantMsg string
	}{
		{"unknown key", "fial-on: warn\n", nil, nil, `unknown key "fial-on"`},
		{"unknown rule to disable", "disable: [single-leed]\n", nil, nil, `unknown rule id "single-leed"`},
		{"param of the wrong type", "params:\n  group_size_max: ten\n", nil, nil, `params group-size.group_size_max`},
		{"unknown param", "params:\n  group_size: 3\n", nil, nil, `unknown parameter "group_size"`},
		{"params not a mapping", "params: 3\n", nil, nil, "params must be a mapping"},
		{"bad fail-on", "", []string{"--fail-on", "sometimes"}, nil, "fail-on must be fail or warn"},
		{"bad today", "", []string{"--today", "2023-02-30"}, nil, "today must be a date"},
		{"param flag without =", "", nil, []string{"group_size_max"}, "--param takes rule.name=value"},
		{"ambiguous bare name in config", "params:\n  max_items: 3\n", nil, nil, `parameter "max_items" is declared by more than one rule; write other-rule.max_items or proportionate-monitoring.max_items`},
		{"ambiguous bare name on the command line", "", nil, []string{"max_items=3"}, `write other-rule.max_items or proportionate-monitoring.max_items`},
		{"param of another rule", "", nil, []string{"single-lead.group_size_max=3"}, "rule single-lead has no parameters"},
		{"scoped name of an unknown rule", "params:\n  group-sise.group_size_max: 3\n", nil, nil, `unknown rule "group-sise"`},
		{"scoped name in another case", "", nil, []string{"Group-Size.group_size_max=3"}, `unknown rule "Group-Size"`},
		{"bare name in another case", "", nil, []string{"GROUP_SIZE_MAX=3"}, `unknown parameter "GROUP_SIZE_MAX"`},
		{"look-alike name", "", nil, []string{"group_size_mаx=3"}, `unknown parameter`},
		{"param set twice in config", "params:\n  group_size_max: 3\n  group-size:\n    group_size_max: 4\n", nil, nil, "group-size.group_size_max is set twice"},
		{"list param not a list", "params:\n  phrases: 3\n", nil, nil, "expected a list of texts"},
		{"list param with a number", "params:\n  phrases: [a, 3]\n", nil, nil, "entry 2 is 3"},
		{"frameworks not a mapping", "frameworks: [loip]\n", nil, nil, "frameworks: must map framework names"},
		{"framework without title", "frameworks:\n  loip:\n    outcomes: {p1: Population}\n", nil, nil, "framework loip needs a title"},
		{"framework with a bad name", "frameworks:\n  LOIP:\n    title: x\n", nil, nil, `"LOIP" is not a framework name`},
		{"framework with an unknown key", "frameworks:\n  loip:\n    title: x\n    outcome: {p1: y}\n", nil, nil, `unknown key "outcome"`},
		{"framework with empty outcomes", "frameworks:\n  loip:\n    title: x\n    outcomes: {}\n", nil, nil, "leave outcomes out to accept any ref"},
		{"outcome without title", "frameworks:\n  loip:\n    title: x\n    outcomes: {p1: }\n", nil, nil, `outcome "p1" needs a title`},
		{"param flag of the wrong type", "", nil, []string{"group_size_max=lots"}, "expected a whole number"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeConfig(t, tc.config)
			cfg, err := config.Load(flags(tc.args...), "", dir, env(nil))
			if err == nil {
				err = cfg.SetParamFlags(tc.params)
			}
			if err == nil {
				_, _, err = cfg.Resolve(testCatalogue(t))
			}
			var ue *config.UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("err = %v; want a UsageError mentioning %q", err, tc.wantMsg)
			}
		})
	}
}

func TestMissingExplicitConfig(t *testing.T) {
	_, err := config.Load(flags(), filepath.Join(t.TempDir(), "nope.yaml"), ".", env(nil))
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("err = %v, want it to name the missing file", err)
	}
}

func TestPolicyDirsRelativeToConfigFile(t *testing.T) {
	dir := writeConfig(t, "policy: [rules]\n")
	cfg, err := config.Load(flags(), "", dir, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Policies) != 1 || cfg.Policies[0] != filepath.Join(dir, "rules") {
		t.Errorf("policies = %v, want [%s]", cfg.Policies, filepath.Join(dir, "rules"))
	}
}

// TestParamsAreScopedPerRule: two rules declaring the same name keep their
// own values, set by rule.name in every source.
func TestParamsAreScopedPerRule(t *testing.T) {
	dir := writeConfig(t, "params:\n  other-rule.max_items: 7\n  proportionate-monitoring:\n    phrases: [Health and wellbeing, for all]\n")
	vars := map[string]string{"CGCHECK_PARAMS_PROPORTIONATE_MONITORING__MAX_ITEMS": "20"}
	cfg, err := config.Load(flags(), "", dir, env(vars))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.SetParamFlags([]string{"group_size_max=14"}); err != nil {
		t.Fatal(err)
	}
	params, _, err := cfg.Resolve(testCatalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	check := func(rule, name string, want any, source string) {
		t.Helper()
		pv := params[rule][name]
		if fmt.Sprint(pv.Value) != fmt.Sprint(want) || !strings.HasPrefix(pv.Source, source) {
			t.Errorf("%s.%s = %v from %q; want %v from %q", rule, name, pv.Value, pv.Source, want, source)
		}
	}
	check("other-rule", "max_items", int64(7), "config file "+filepath.Join(dir, config.DefaultFile)+":2")
	check("proportionate-monitoring", "max_items", int64(20), "environment CGCHECK_PARAMS_PROPORTIONATE_MONITORING__MAX_ITEMS")
	check("proportionate-monitoring", "phrases", []any{"Health and wellbeing", "for all"}, "config file")
	check("group-size", "group_size_max", int64(14), "flag --param group-size.group_size_max")
	check("group-size", "group_size_warn", int64(10), "default")
}

func TestAmbiguousBareEnvironmentVariable(t *testing.T) {
	cfg, err := config.Load(flags(), "", t.TempDir(), env(map[string]string{"CGCHECK_PARAMS_MAX_ITEMS": "3"}))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = cfg.Resolve(testCatalogue(t))
	if err == nil || !strings.Contains(err.Error(), "CGCHECK_PARAMS_OTHER_RULE__MAX_ITEMS") {
		t.Fatalf("err = %v; want it to name the scoped variables", err)
	}
}

func TestListParamFromFlag(t *testing.T) {
	for _, tc := range []struct{ flag, want string }{
		{"phrases=tbc, to be confirmed", "[tbc to be confirmed]"},
		{`phrases=[tbc, "to be, confirmed"]`, "[tbc to be, confirmed]"},
		{"phrases=", "[]"},
	} {
		cfg, err := config.Load(flags(), "", t.TempDir(), env(nil))
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.SetParamFlags([]string{tc.flag}); err != nil {
			t.Fatal(err)
		}
		params, _, err := cfg.Resolve(testCatalogue(t))
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(params["proportionate-monitoring"]["phrases"].Value); got != tc.want {
			t.Errorf("--param %s gives %s, want %s", tc.flag, got, tc.want)
		}
	}
}

func TestFrameworksFromConfigFile(t *testing.T) {
	dir := writeConfig(t, `frameworks:
  loip:
    title: Inverclyde LOIP 2017-2027
    outcomes:
      P1: Our population is increasing
      p2: Inequalities are reduced
  local-priorities:
    title: Any local priority
`)
	cfg, err := config.Load(flags(), "", dir, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	source := "config file " + filepath.Join(dir, config.DefaultFile)
	want := []frameworks.Framework{
		{Name: "loip", Title: "Inverclyde LOIP 2017-2027", Source: source, Outcomes: []frameworks.Outcome{
			{Ref: "P1", Title: "Our population is increasing"}, // case kept, order kept
			{Ref: "p2", Title: "Inequalities are reduced"},
		}},
		{Name: "local-priorities", Title: "Any local priority", Source: source},
	}
	if d := cmp.Diff(want, cfg.Frameworks); d != "" {
		t.Errorf("frameworks (-want +got):\n%s", d)
	}
}
