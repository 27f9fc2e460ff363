package config

import (
	"slices"
	"strings"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/suggest"
)

// devVariables are read by the project's own tests and scripts, not by
// cgcheck; they are allowed so that CI can set them around every run.
var devVariables = []string{"CGCHECK_REQUIRE_TOOLS", "CGCHECK_ARTIFACTS"}

// CheckEnvironment refuses a CGCHECK_ variable that cgcheck does not read (a
// typo such as CGCHECK_FAIL_ONN would otherwise pass silently and the
// setting it meant would not apply), suggesting the nearest it does read,
// and a CGCHECK_PARAMS_ variable that names no parameter of cat. environ is
// as os.Environ gives it.
func CheckEnvironment(environ []string, cat *catalogue.Catalogue) error {
	known := []string{EnvPrefix + "_CONFIG"}
	for _, k := range Keys {
		known = append(known, EnvPrefix+"_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_")))
	}
	var params []string
	if cat != nil {
		for _, r := range cat.Rules() {
			for _, p := range r.Params {
				k := paramKey{r.ID, p.Name}
				params = append(params, envName(k))
				if len(cat.ParamOwners(p.Name)) == 1 {
					params = append(params, bareEnvName(p.Name))
				}
			}
		}
	}
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if value == "" { // set empty: unset, as everywhere else
			continue
		}
		if !strings.HasPrefix(strings.ToUpper(name), EnvPrefix+"_") || slices.Contains(devVariables, name) {
			continue
		}
		if strings.HasPrefix(name, EnvPrefix+"_PARAMS_") && cat != nil {
			if !slices.Contains(params, name) && !ambiguousBare(cat, name) {
				return usagef("environment %s names no parameter%s; unset it or see `cgcheck explain RULE` for each rule's parameters", name, suggest.Hint(name, params))
			}
			continue
		}
		if name == EnvPrefix+"_PARAMS" || strings.HasPrefix(name, EnvPrefix+"_PARAMS_") || slices.Contains(known, name) {
			continue
		}
		return usagef("environment %s is not a setting cgcheck reads%s; unset it, or see `cgcheck --help` for the settings", name, suggest.Hint(name, append(known, params...)))
	}
	return nil
}

// ambiguousBare reports whether name is the bare variable of a parameter
// that more than one rule declares (Resolve explains that one).
func ambiguousBare(cat *catalogue.Catalogue, name string) bool {
	bare, ok := strings.CutPrefix(name, EnvPrefix+"_PARAMS_")
	return ok && len(cat.ParamOwners(strings.ToLower(bare))) > 1
}
