package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/config"
)

func testCatalogue(t *testing.T) *catalogue.Catalogue {
	t.Helper()
	cat, err := catalogue.New([]*catalogue.Rule{
		{ID: "group-size", Theme: "governance", Params: []catalogue.Param{
			{Name: "group_size_max", Type: "integer", Default: 12},
			{Name: "group_size_warn", Type: "integer", Default: 10},
		}},
		{ID: "single-lead", Theme: "governance"},
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
			pv := params["group_size_max"]
			if pv.Value != tc.wantMax || !strings.HasPrefix(pv.Source, tc.wantSource) {
				t.Errorf("group_size_max = %v from %q; want %v from %q", pv.Value, pv.Source, tc.wantMax, tc.wantSource)
			}
			if d := params["group_size_warn"]; d.Value != int64(10) || d.Source != "default" {
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
		{"param of the wrong type", "params:\n  group_size_max: ten\n", nil, nil, `params.group_size_max`},
		{"unknown param", "params:\n  group_size: 3\n", nil, nil, `unknown parameter "group_size"`},
		{"params not a mapping", "params: 3\n", nil, nil, "params must be a mapping"},
		{"bad fail-on", "", []string{"--fail-on", "sometimes"}, nil, "fail-on must be fail or warn"},
		{"bad today", "", []string{"--today", "2023-02-30"}, nil, "today must be a date"},
		{"param flag without =", "", nil, []string{"group_size_max"}, "--param takes name=value"},
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
