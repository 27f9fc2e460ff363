// Package config resolves cgcheck's settings from one viper instance with the
// precedence flag > CGCHECK_* environment > config file > default, and
// validates them against the rule catalogue, so that a typo in a key, a rule
// id or a parameter is a usage error rather than silently ignored.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"example.org/cgcheck/internal/catalogue"
)

// DefaultFile is the config file read from the working directory when
// --config is not given.
const DefaultFile = ".cgcheck.yaml"

// EnvPrefix prefixes every environment variable cgcheck reads.
const EnvPrefix = "CGCHECK"

// Keys are the settings a config file may hold (the flag names, plus params
// and disable).
var Keys = []string{"format", "output", "fail-on", "today", "policy", "verbose", "explain", "quiet", "jobs",
	"timeout", "eval-timeout", "max-file-bytes", "max-depth", "max-items", "max-string-bytes", "params", "disable"}

// Limits on input and evaluation, with their defaults: far above any real
// descriptor (a few KB, a few levels deep), low enough that hostile input is
// refused quickly.
const (
	DefaultMaxFileBytes   = 10 << 20
	DefaultMaxDepth       = 64
	DefaultMaxItems       = 10000
	DefaultMaxStringBytes = 1 << 20
	DefaultEvalTimeout    = 10 * time.Second
)

// Config is the resolved, validated configuration of a run.
type Config struct {
	Format   string
	FailOn   string
	Today    string
	Policies []string
	Verbose  bool
	Explain  bool
	Quiet    bool
	Jobs     int
	// Outputs are extra reports written to files, as FORMAT=PATH.
	Outputs []string
	// Timeout bounds the whole run (0: none); EvalTimeout one document's
	// evaluation.
	Timeout     time.Duration
	EvalTimeout time.Duration
	// Input limits.
	MaxFileBytes, MaxDepth, MaxItems, MaxStringBytes int
	Disable                                          []string
	// File is the config file that was read, or "".
	File string

	v          *viper.Viper
	paramFlags map[string]string // --param name=value
	flags      *pflag.FlagSet
	getenv     func(string) string
}

// UsageError is a mistake in flags, environment or config file; cgcheck exits
// with code 2 and checks nothing.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// Load reads the settings. flags are the command's flags (those not set by
// the user fall back to env, file, default); configPath is --config ("" for
// the default file in dir); getenv reads the environment.
func Load(flags *pflag.FlagSet, configPath, dir string, getenv func(string) string) (*Config, error) {
	v := viper.New()
	v.SetEnvPrefix(EnvPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	for _, k := range Keys {
		if k == "params" {
			continue
		}
		if err := v.BindEnv(k); err != nil {
			return nil, err
		}
	}
	v.SetDefault("format", "text")
	v.SetDefault("fail-on", "fail")
	v.SetDefault("verbose", false)
	v.SetDefault("explain", false)
	v.SetDefault("quiet", false)
	v.SetDefault("jobs", 0)
	v.SetDefault("timeout", "0s")
	v.SetDefault("eval-timeout", DefaultEvalTimeout.String())
	v.SetDefault("max-file-bytes", DefaultMaxFileBytes)
	v.SetDefault("max-depth", DefaultMaxDepth)
	v.SetDefault("max-items", DefaultMaxItems)
	v.SetDefault("max-string-bytes", DefaultMaxStringBytes)
	v.SetDefault("today", time.Now().Format(time.DateOnly))

	if flags != nil {
		for _, k := range Keys {
			if f := flags.Lookup(k); f != nil {
				if err := v.BindPFlag(k, f); err != nil {
					return nil, err
				}
			}
		}
	}

	c := &Config{v: v, flags: flags, getenv: getenv}
	if configPath == "" {
		if p := getenv(EnvPrefix + "_CONFIG"); p != "" {
			configPath = p
		}
	}
	explicit := configPath != ""
	if !explicit {
		configPath = filepath.Join(dir, DefaultFile)
	}
	if _, err := os.Stat(configPath); err == nil {
		v.SetConfigFile(configPath)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, usagef("config file %s: %v", configPath, err)
		}
		c.File = configPath
		if err := c.checkKeys(); err != nil {
			return nil, err
		}
	} else if explicit {
		reason := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			reason = "no such file"
		}
		return nil, usagef("config file %s: %s", configPath, reason)
	}

	c.Format = v.GetString("format")
	c.FailOn = v.GetString("fail-on")
	c.Today = v.GetString("today")
	if t, ok := v.Get("today").(time.Time); ok {
		// YAML reads an unquoted today: 2008-10-01 as a timestamp, which
		// GetString would print as "2008-10-01 00:00:00 +0000 UTC".
		c.Today = t.Format(time.DateOnly)
	}
	var err error
	if c.Verbose, err = c.boolean("verbose"); err != nil {
		return nil, err
	}
	if c.Explain, err = c.boolean("explain"); err != nil {
		return nil, err
	}
	if c.Quiet, err = c.boolean("quiet"); err != nil {
		return nil, err
	}
	if c.Jobs, err = c.integer("jobs"); err != nil {
		return nil, err
	}
	if c.Jobs < 0 {
		return nil, usagef("jobs must be 0 (one per CPU) or more, not %d", c.Jobs)
	}
	if c.Timeout, err = c.duration("timeout"); err != nil {
		return nil, err
	}
	if c.EvalTimeout, err = c.duration("eval-timeout"); err != nil {
		return nil, err
	}
	if c.EvalTimeout == 0 {
		return nil, usagef("eval-timeout must be more than 0s")
	}
	for key, dst := range map[string]*int{
		"max-file-bytes": &c.MaxFileBytes, "max-depth": &c.MaxDepth,
		"max-items": &c.MaxItems, "max-string-bytes": &c.MaxStringBytes,
	} {
		if *dst, err = c.integer(key); err != nil {
			return nil, err
		}
		if *dst < 1 {
			return nil, usagef("%s must be at least 1, not %d", key, *dst)
		}
	}
	c.Policies = c.list("policy", true)
	c.Outputs = c.list("output", false)
	c.Disable = c.list("disable", false)

	if c.FailOn != "fail" && c.FailOn != "warn" {
		return nil, usagef("fail-on must be fail or warn, not %q", c.FailOn)
	}
	if _, err := time.Parse(time.DateOnly, c.Today); err != nil {
		return nil, usagef("today must be a date YYYY-MM-DD, not %q", c.Today)
	}
	if c.File != "" && v.InConfig("policy") && !c.set("policy") && getenv(EnvPrefix+"_POLICY") == "" {
		// Policy directories named in a config file are relative to it.
		for i, p := range c.Policies {
			if !filepath.IsAbs(p) {
				c.Policies[i] = filepath.Join(filepath.Dir(c.File), p)
			}
		}
	}
	return c, nil
}

// boolean reads a true/false setting. Not viper's GetBool: it reads "yes" or
// "maybe" as false without a word.
func (c *Config) boolean(key string) (bool, error) {
	switch b := c.v.Get(key).(type) {
	case bool:
		return b, nil
	case string:
		parsed, err := strconv.ParseBool(strings.TrimSpace(b))
		if err != nil {
			return false, usagef("%s must be true or false, not %q", key, b)
		}
		return parsed, nil
	default:
		return false, usagef("%s must be true or false, not %v", key, b)
	}
}

// integer reads a whole-number setting.
func (c *Config) integer(key string) (int, error) {
	switch n := c.v.Get(key).(type) {
	case int:
		return n, nil
	case string:
		i, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil {
			return 0, usagef("%s must be a whole number, not %q", key, n)
		}
		return i, nil
	default:
		return 0, usagef("%s must be a whole number, not %v", key, n)
	}
}

// duration reads a time span such as 30s or 5m.
func (c *Config) duration(key string) (time.Duration, error) {
	raw := c.v.Get(key)
	var text string
	switch d := raw.(type) {
	case time.Duration:
		return d, nil
	case string:
		text = d
	case int:
		text = strconv.Itoa(d) + "s"
	default:
		return 0, usagef("%s must be a time span such as 30s or 5m, not %v", key, raw)
	}
	d, err := time.ParseDuration(strings.TrimSpace(text))
	if err != nil || d < 0 {
		return 0, usagef("%s must be a time span such as 30s or 5m, not %q", key, text)
	}
	return d, nil
}

// set reports whether the user gave the flag on the command line.
func (c *Config) set(key string) bool {
	if c.flags == nil {
		return false
	}
	f := c.flags.Lookup(key)
	return f != nil && f.Changed
}

// list reads a list setting, whether it came as a YAML list, repeated flags
// or an environment variable (paths split like PATH, ids on spaces/commas).
func (c *Config) list(key string, paths bool) []string {
	raw := c.v.Get(key)
	var out []string
	switch val := raw.(type) {
	case nil:
	case string:
		if paths {
			out = filepath.SplitList(val)
		} else {
			out = strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' })
		}
	case []string:
		out = val
	case []any:
		for _, item := range val {
			out = append(out, fmt.Sprint(item))
		}
	default:
		out = []string{fmt.Sprint(val)}
	}
	var clean []string
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			clean = append(clean, s)
		}
	}
	return clean
}

// checkKeys refuses keys the config file may not hold.
func (c *Config) checkKeys() error {
	var unknown []string
	for key := range c.v.AllSettings() {
		if !slices.Contains(Keys, key) {
			unknown = append(unknown, key)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		return usagef("config file %s: unknown key %q; the keys are %s", c.File, unknown[0], strings.Join(Keys, ", "))
	}
	if c.v.InConfig("params") {
		if _, ok := c.v.Get("params").(map[string]any); !ok {
			return usagef("config file %s: params must be a mapping of parameter names to values", c.File)
		}
	}
	if c.v.InConfig("disable") {
		switch c.v.Get("disable").(type) {
		case []any, string:
		default:
			return usagef("config file %s: disable must be a list of rule ids", c.File)
		}
	}
	return nil
}

// SetParamFlags records --param name=value flags, which win over every other
// source.
func (c *Config) SetParamFlags(values []string) error {
	c.paramFlags = map[string]string{}
	for _, kv := range values {
		name, value, ok := strings.Cut(kv, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return usagef("--param takes name=value, not %q", kv)
		}
		c.paramFlags[name] = value
	}
	return nil
}

// ParamValue is a parameter's effective value and where it came from.
type ParamValue struct {
	Rule   string
	Param  catalogue.Param
	Value  any
	Source string // "flag --param", "environment CGCHECK_PARAMS_X", "config file F", "default"
}

// Resolve checks the params and disabled rules against the catalogue and
// returns every parameter's value, converted to its declared type.
func (c *Config) Resolve(cat *catalogue.Catalogue) (map[string]ParamValue, map[string]bool, error) {
	disabled := map[string]bool{}
	for _, id := range c.Disable {
		if _, ok := cat.Rule(id); !ok {
			return nil, nil, usagef("disable: unknown rule id %q (see `cgcheck rules`)", id)
		}
		disabled[id] = true
	}

	fileParams := map[string]any{}
	if c.File != "" && c.v.InConfig("params") {
		fileParams, _ = c.v.Get("params").(map[string]any)
	}
	for name := range fileParams {
		if _, _, ok := cat.ParamOwner(name); !ok {
			return nil, nil, usagef("config file %s: params: unknown parameter %q; %s", c.File, name, knownParams(cat))
		}
	}
	for name := range c.paramFlags {
		if _, _, ok := cat.ParamOwner(name); !ok {
			return nil, nil, usagef("--param: unknown parameter %q; %s", name, knownParams(cat))
		}
	}

	out := map[string]ParamValue{}
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			pv := ParamValue{Rule: r.ID, Param: p, Value: p.Default, Source: "default"}
			envName := EnvPrefix + "_PARAMS_" + strings.ToUpper(p.Name)
			var raw any
			var where string
			if s, ok := c.paramFlags[p.Name]; ok {
				raw, where = s, "flag --param"
			} else if s := c.getenv(envName); s != "" {
				raw, where = s, "environment "+envName
			} else if val, ok := fileParams[p.Name]; ok {
				raw, where = val, "config file "+c.File
			}
			if where != "" {
				val, err := catalogue.ConvertParam(p, raw)
				if err != nil {
					return nil, nil, usagef("params.%s (%s): %v", p.Name, where, err)
				}
				pv.Value, pv.Source = val, where
			} else {
				pv.Value, _ = catalogue.ConvertParam(p, p.Default)
			}
			out[p.Name] = pv
		}
	}
	return out, disabled, nil
}

func knownParams(cat *catalogue.Catalogue) string {
	var names []string
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			names = append(names, p.Name)
		}
	}
	sort.Strings(names)
	return "the parameters are " + strings.Join(names, ", ")
}
