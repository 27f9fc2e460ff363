// Package config resolves cgcheck's settings from one viper instance with the
// precedence flag > CGCHECK_* environment > config file > default, and
// validates them against the rule catalogue, so that a typo in a key, a rule
// id or a parameter is a usage error rather than silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v4"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/frameworks"
	"example.org/cgcheck/internal/safeio"
	"example.org/cgcheck/internal/suggest"
)

// DefaultFile is the config file read from the working directory when
// --config is not given.
const DefaultFile = ".cgcheck.yaml"

// Every number a user gives has a sane maximum, so that no arithmetic on it
// can overflow (a timeout multiplied, a byte count plus one).
const (
	MaxJobs     = 256
	MaxDuration = 24 * time.Hour
)

var maxLimits = map[string]int{
	"max-file-bytes": 1 << 30, "max-string-bytes": 1 << 30,
	"max-depth": 100_000, "max-items": 100_000_000,
}

// maxConfigBytes bounds the config file.
const maxConfigBytes = 1 << 20

// EnvPrefix prefixes every environment variable cgcheck reads.
const EnvPrefix = "CGCHECK"

// Keys are the settings a config file may hold (the flag names, plus params
// and disable).
var Keys = []string{"format", "output", "fail-on", "today", "policy", "verbose", "explain", "quiet", "jobs",
	"timeout", "eval-timeout", "max-file-bytes", "max-depth", "max-items", "max-string-bytes", "registry", "exclude", "skip-non-descriptors", "cache-dir", "no-cache", "params", "disable", "frameworks"}

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
	// Registries are folders whose descriptors the registry rules run
	// across, beside the files named (a config file's are relative to it).
	Registries []string
	// Exclude are globs of files and folders a folder walk passes over
	// (discover.FindExcluding).
	Exclude []string
	// SkipNonDescriptors treats files named like files found in a walk: one
	// without a cgcheck schema line is listed as skipped, not checked (the
	// pre-commit hook, which names every staged YAML file).
	SkipNonDescriptors bool
	// CacheDir is where per-document results are cached ("" for the user's
	// cache directory); NoCache turns the cache off.
	CacheDir string
	NoCache  bool
	// Timeout bounds the whole run (0: none); EvalTimeout one document's
	// evaluation.
	Timeout     time.Duration
	EvalTimeout time.Duration
	// Input limits.
	MaxFileBytes, MaxDepth, MaxItems, MaxStringBytes int
	Disable                                          []string
	// Frameworks are the outcome frameworks the config file adds or
	// replaces (frameworks:), in the file's order.
	Frameworks []frameworks.Framework
	// File is the config file that was read, or "".
	File string
	// raw is the config file as YAML nodes: params and frameworks are read
	// from it rather than through viper, which lower-cases keys (an
	// outcome ref "P1" would silently become "p1") and loses their order.
	raw *yaml.Node

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
	v.SetDefault("no-cache", false)
	v.SetDefault("skip-non-descriptors", false)
	v.SetDefault("cache-dir", "")
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
		// Read once, without waiting (a named pipe called .cgcheck.yaml is
		// refused, not waited on for ever), and given to viper as bytes.
		src, err := safeio.ReadRegular(configPath, maxConfigBytes)
		if err != nil {
			return nil, usagef("config file %s: %v", configPath, err)
		}
		v.SetConfigFile(configPath)
		v.SetConfigType("yaml")
		if err := v.ReadConfig(bytes.NewReader(src)); err != nil {
			return nil, usagef("config file %s: %v", configPath, err)
		}
		c.File = configPath
		if err := c.checkKeys(); err != nil {
			return nil, err
		}
		if c.raw, err = readRaw(src); err != nil {
			return nil, usagef("config file %s: %v", configPath, err)
		}
		if c.Frameworks, err = c.frameworks(); err != nil {
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
	if c.SkipNonDescriptors, err = c.boolean("skip-non-descriptors"); err != nil {
		return nil, err
	}
	if c.NoCache, err = c.boolean("no-cache"); err != nil {
		return nil, err
	}
	c.CacheDir = strings.TrimSpace(c.v.GetString("cache-dir"))
	if c.Jobs, err = c.integer("jobs"); err != nil {
		return nil, err
	}
	if c.Jobs < 0 || c.Jobs > MaxJobs {
		return nil, usagef("jobs must be 0 (one per CPU) to %d, not %d", MaxJobs, c.Jobs)
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
	for key, d := range map[string]time.Duration{"timeout": c.Timeout, "eval-timeout": c.EvalTimeout} {
		if d > MaxDuration {
			return nil, usagef("%s must be at most %s, not %s", key, MaxDuration, d)
		}
	}
	for key, dst := range map[string]*int{
		"max-file-bytes": &c.MaxFileBytes, "max-depth": &c.MaxDepth,
		"max-items": &c.MaxItems, "max-string-bytes": &c.MaxStringBytes,
	} {
		if *dst, err = c.integer(key); err != nil {
			return nil, err
		}
		if *dst < 1 || *dst > maxLimits[key] {
			return nil, usagef("%s must be 1 to %d, not %d", key, maxLimits[key], *dst)
		}
	}
	c.Policies = c.list("policy", true)
	c.Outputs = c.list("output", false)
	if raw, ok := c.v.Get("output").(string); ok {
		// One string (the environment, or output: in the file written as
		// a string) holds specs separated by spaces or commas, but a path
		// may hold either: a new spec starts only where FORMAT= does.
		c.Outputs = splitOutputs(raw)
	}
	c.Registries = c.list("registry", true)
	c.Exclude = c.list("exclude", true)
	c.Disable = c.list("disable", false)

	if c.FailOn != "fail" && c.FailOn != "warn" {
		return nil, usagef("fail-on must be fail or warn, not %q", c.FailOn)
	}
	if _, err := time.Parse(time.DateOnly, c.Today); err != nil {
		return nil, usagef("today must be a date YYYY-MM-DD, not %q", c.Today)
	}
	// Folders named in a config file are relative to it.
	c.relativeToFile("policy", c.Policies)
	c.relativeToFile("registry", c.Registries)
	return c, nil
}

// relativeToFile makes the folders of key, when they come from the config
// file, relative to that file rather than to the current directory.
func (c *Config) relativeToFile(key string, dirs []string) {
	if c.File == "" || !c.v.InConfig(key) || c.set(key) || c.getenv(EnvPrefix+"_"+strings.ToUpper(key)) != "" {
		return
	}
	for i, p := range dirs {
		if !filepath.IsAbs(p) {
			dirs[i] = filepath.Join(filepath.Dir(c.File), p)
		}
	}
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
	if c.v.InConfig("disable") {
		switch c.v.Get("disable").(type) {
		case []any, string:
		default:
			return usagef("config file %s: disable must be a list of rule ids", c.File)
		}
	}
	return nil
}

// SetParamFlags records --param rule.name=value (or name=value) flags, which
// win over every other source.
func (c *Config) SetParamFlags(values []string) error {
	c.paramFlags = map[string]string{}
	for _, kv := range values {
		name, value, ok := strings.Cut(kv, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return usagef("--param takes rule.name=value (or name=value where only one rule has that parameter), not %q", kv)
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

// Params are the effective parameters of a run: rule id -> param name ->
// value. A parameter belongs to the rule that declares it.
type Params map[string]map[string]ParamValue

// Values are the parameters in the form the policies read them
// (data.cgcheck.params): rule id -> name -> value.
func (p Params) Values() map[string]map[string]any {
	out := make(map[string]map[string]any, len(p))
	for rule, params := range p {
		values := make(map[string]any, len(params))
		for name, pv := range params {
			values[name] = pv.Value
		}
		out[rule] = values
	}
	return out
}

// Resolve checks the params and disabled rules against the catalogue and
// returns every parameter's value, converted to its declared type.
//
// A parameter is named rule.name (group-size.group_size_max), or by its bare
// name where only one rule declares it; a bare name that several rules
// declare is a usage error naming them. In a config file, params may also
// be nested under the rule id (params: {group-size: {group_size_max: 14}}).
// In the environment: CGCHECK_PARAMS_<RULE>__<NAME> (group-size ->
// GROUP_SIZE), or CGCHECK_PARAMS_<NAME> for an unambiguous name.
func (c *Config) Resolve(cat *catalogue.Catalogue) (Params, map[string]bool, error) {
	disabled := map[string]bool{}
	for _, id := range c.Disable {
		if _, ok := cat.Rule(id); !ok {
			return nil, nil, usagef("disable: unknown rule id %q%s (see `cgcheck rules`)", id, suggest.Hint(id, ruleIDs(cat)))
		}
		disabled[id] = true
	}

	if err := envNamesDistinct(cat); err != nil {
		return nil, nil, err
	}

	fromFile := map[paramKey]given{}
	fileEntries, err := c.fileParams()
	if err != nil {
		return nil, nil, err
	}
	for _, e := range fileEntries {
		k, err := resolveParamName(cat, e.name)
		if err != nil {
			return nil, nil, usagef("config file %s:%d: params: %v", c.File, e.line, err)
		}
		if prev, dup := fromFile[k]; dup {
			return nil, nil, usagef("config file %s:%d: params: %s is set twice (also %s)", c.File, e.line, k, prev.where)
		}
		fromFile[k] = given{e.value, fmt.Sprintf("config file %s:%d", c.File, e.line)}
	}
	fromFlags := map[paramKey]given{}
	for name, value := range c.paramFlags {
		k, err := resolveParamName(cat, name)
		if err != nil {
			return nil, nil, usagef("--param %s: %v", name, err)
		}
		if _, dup := fromFlags[k]; dup {
			return nil, nil, usagef("--param: %s is given twice (once by its bare name)", k)
		}
		fromFlags[k] = given{value, "flag --param " + k.String()}
	}

	out := Params{}
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			k := paramKey{r.ID, p.Name}
			pv := ParamValue{Rule: r.ID, Param: p, Source: "default"}
			var from given
			if g, ok := fromFlags[k]; ok {
				from = g
			} else if g, ok := c.envParam(cat, k); ok {
				from = g
			} else if g, ok := fromFile[k]; ok {
				from = g
			}
			raw := p.Default
			if from.where != "" {
				raw, pv.Source = from.raw, from.where
			}
			if ambiguous := c.ambiguousEnv(cat, k); ambiguous != "" {
				return nil, nil, usagef("%s", ambiguous)
			}
			val, err := catalogue.ConvertParam(p, raw)
			if err != nil {
				return nil, nil, usagef("params %s (%s): %v", k, pv.Source, err)
			}
			pv.Value = val
			if out[r.ID] == nil {
				out[r.ID] = map[string]ParamValue{}
			}
			out[r.ID][p.Name] = pv
		}
	}
	return out, disabled, nil
}

// given is a parameter's value as a source gave it, before conversion.
type given struct {
	raw   any
	where string
}

// paramKey names one rule's parameter.
type paramKey struct{ rule, name string }

func (k paramKey) String() string { return k.rule + "." + k.name }

// resolveParamName reads rule.name or a bare name against the catalogue.
func resolveParamName(cat *catalogue.Catalogue, name string) (paramKey, error) {
	if rule, param, scoped := strings.Cut(name, "."); scoped {
		r, ok := cat.Rule(rule)
		if !ok {
			return paramKey{}, fmt.Errorf("unknown rule %q in %q%s; %s", rule, name, suggest.Hint(rule, ruleIDs(cat)), knownParams(cat))
		}
		if _, ok := r.Param(param); !ok {
			if len(r.Params) == 0 {
				return paramKey{}, fmt.Errorf("rule %s has no parameters", rule)
			}
			return paramKey{}, fmt.Errorf("rule %s has no parameter %q%s; its parameters are %s", rule, param, suggest.Hint(param, strings.Split(paramList(r), ", ")), paramList(r))
		}
		return paramKey{rule, param}, nil
	}
	owners := cat.ParamOwners(name)
	switch len(owners) {
	case 0:
		return paramKey{}, fmt.Errorf("unknown parameter %q%s; %s", name, suggest.Hint(name, paramNames(cat)), knownParams(cat))
	case 1:
		return paramKey{owners[0].ID, name}, nil
	}
	var choices []string
	for _, r := range owners {
		choices = append(choices, r.ID+"."+name)
	}
	return paramKey{}, fmt.Errorf("parameter %q is declared by more than one rule; write %s", name, strings.Join(choices, " or "))
}

// envName is the scoped environment variable of a parameter:
// CGCHECK_PARAMS_GROUP_SIZE__GROUP_SIZE_MAX.
func envName(k paramKey) string {
	return EnvPrefix + "_PARAMS_" + strings.ToUpper(strings.ReplaceAll(k.rule, "-", "_")) + "__" + strings.ToUpper(k.name)
}

// envNamesDistinct refuses a catalogue in which two parameters would be set
// by one environment variable: rule group's size__x and rule group--size's
// x are both CGCHECK_PARAMS_GROUP__SIZE__X, and a bare name can spell
// another rule's scoped variable (a__b is CGCHECK_PARAMS_A__B, rule a's b).
// Names that differ only in case collide too. Setting one would then set the
// other: a custom rule could reach a built-in rule's parameter, which
// parameters scoped by rule exist to prevent.
func envNamesDistinct(cat *catalogue.Catalogue) error {
	owner := map[string]paramKey{}
	claim := func(env string, k paramKey) error {
		if prev, taken := owner[env]; taken && prev != k {
			return usagef("parameters %s and %s would both be set by the environment variable %s; rename one of them in its rule's METADATA (custom rules only: cgcheck's own never collide)", prev, k, env)
		}
		owner[env] = k
		return nil
	}
	// Scoped names first, so a bare name is reported against the
	// parameter whose scoped variable it spells.
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			if err := claim(envName(paramKey{r.ID, p.Name}), paramKey{r.ID, p.Name}); err != nil {
				return err
			}
		}
	}
	bare := map[string]paramKey{}
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			k, env := paramKey{r.ID, p.Name}, bareEnvName(p.Name)
			if prev, ok := owner[env]; ok && prev != k {
				return usagef("parameters %s and %s would both be set by the environment variable %s; rename one of them in its rule's METADATA (custom rules only: cgcheck's own never collide)", prev, k, env)
			}
			// The same bare name in several rules is allowed (it is then
			// ambiguous, and must be scoped), but not two names that differ
			// only in case.
			if prev, ok := bare[env]; ok && prev.name != p.Name {
				return usagef("parameters %s and %s would both be set by the environment variable %s; rename one of them in its rule's METADATA (custom rules only: cgcheck's own never collide)", prev, k, env)
			}
			bare[env] = k
		}
	}
	return nil
}

// bareEnvName is the environment variable of a parameter by its bare name:
// CGCHECK_PARAMS_GROUP_SIZE_MAX.
func bareEnvName(name string) string { return EnvPrefix + "_PARAMS_" + strings.ToUpper(name) }

// envParam reads a parameter from the environment: the scoped variable, or
// the bare one when only this rule declares the name.
func (c *Config) envParam(cat *catalogue.Catalogue, k paramKey) (given, bool) {
	if s := c.getenv(envName(k)); s != "" {
		return given{s, "environment " + envName(k)}, true
	}
	if len(cat.ParamOwners(k.name)) == 1 {
		if s := c.getenv(bareEnvName(k.name)); s != "" {
			return given{s, "environment " + bareEnvName(k.name)}, true
		}
	}
	return given{}, false
}

// ambiguousEnv explains a bare environment variable set for a name that
// several rules declare ("" when there is none).
func (c *Config) ambiguousEnv(cat *catalogue.Catalogue, k paramKey) string {
	owners := cat.ParamOwners(k.name)
	if len(owners) < 2 || c.getenv(bareEnvName(k.name)) == "" {
		return ""
	}
	var choices []string
	for _, r := range owners {
		choices = append(choices, envName(paramKey{r.ID, k.name}))
	}
	return fmt.Sprintf("environment %s: parameter %q is declared by more than one rule; set %s instead", bareEnvName(k.name), k.name, strings.Join(choices, " or "))
}

func paramList(r *catalogue.Rule) string {
	names := make([]string, len(r.Params))
	for i, p := range r.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

func knownParams(cat *catalogue.Catalogue) string {
	var names []string
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			names = append(names, r.ID+"."+p.Name)
		}
	}
	sort.Strings(names)
	return "the parameters are " + strings.Join(names, ", ") + " (`cgcheck explain RULE` describes them)"
}

// outputStart matches where an --output spec begins in a string of several:
// at the start, or after spaces or commas, a format name and "=".
var outputStart = regexp.MustCompile(`(?:^|[ ,]+)[a-z]+=`)

// splitOutputs splits "json=my report.json, sarif=out/a.sarif" into its
// specs, keeping spaces and commas inside paths.
func splitOutputs(s string) []string {
	var out []string
	matches := outputStart.FindAllStringIndex(s, -1)
	for i, m := range matches {
		start := m[0] + len(s[m[0]:m[1]]) - len(strings.TrimLeft(s[m[0]:m[1]], " ,"))
		end := len(s)
		if i+1 < len(matches) {
			end = matches[i+1][0]
		}
		if spec := strings.TrimSpace(s[start:end]); spec != "" {
			out = append(out, spec)
		}
	}
	if len(matches) == 0 && strings.TrimSpace(s) != "" {
		out = append(out, strings.TrimSpace(s)) // refused later, with its text
	}
	if len(matches) > 0 && matches[0][0] > 0 {
		if head := strings.Trim(s[:matches[0][0]], " ,"); head != "" {
			out = append([]string{head}, out...)
		}
	}
	return out
}

// ruleIDs lists the catalogue's rule ids, for suggestions.
func ruleIDs(cat *catalogue.Catalogue) []string {
	var ids []string
	for _, r := range cat.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

// paramNames lists every parameter's bare name, for suggestions.
func paramNames(cat *catalogue.Catalogue) []string {
	var names []string
	for _, r := range cat.Rules() {
		for _, p := range r.Params {
			names = append(names, p.Name)
		}
	}
	return names
}

// TodayGiven reports whether the as-of date was given (--today, CGCHECK_TODAY
// or today: in the config file) rather than taken from the clock. cgcheck
// serve, which runs for days, pins its date only when it was given.
func (c *Config) TodayGiven() bool {
	return c.set("today") || c.getenv(EnvPrefix+"_TODAY") != "" || (c.File != "" && c.v.InConfig("today"))
}
