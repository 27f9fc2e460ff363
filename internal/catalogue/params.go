package catalogue

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// ConvertParam checks that v suits the parameter's type (and minimum) and
// returns it in the form policies receive (int64, float64, string or bool).
// Strings, as environment variables and --param flags give them, are parsed.
func ConvertParam(p Param, v any) (any, error) {
	out, err := convert(p, v)
	if err != nil {
		return out, err
	}
	f, ok := toFloat(out)
	if !ok {
		return out, nil
	}
	if p.Minimum != nil && f < *p.Minimum {
		return nil, fmt.Errorf("must be at least %v, got %v", *p.Minimum, out)
	}
	maximum := p.Maximum
	if maximum == nil && p.Type == "integer" {
		m := float64(DefaultMaxInteger)
		maximum = &m
	}
	if maximum != nil && f > *maximum {
		return nil, fmt.Errorf("must be at most %v, got %v", *maximum, out)
	}
	if maximum != nil && p.Minimum == nil && f < -*maximum {
		return nil, fmt.Errorf("must be at least %v, got %v", -*maximum, out)
	}
	return out, nil
}

// toFloat reads a number of any of the forms YAML, JSON or conversion give.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

func convert(p Param, v any) (any, error) {
	switch p.Type {
	case "integer":
		switch n := v.(type) {
		case int:
			return int64(n), nil
		case int64:
			return n, nil
		case uint64:
			if n <= math.MaxInt64 {
				return int64(n), nil
			}
		case float64:
			if n == math.Trunc(n) && math.Abs(n) < 1<<53 {
				return int64(n), nil
			}
		case json.Number:
			return convert(p, string(n))
		case string:
			if i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
				return i, nil
			}
		}
		return nil, fmt.Errorf("expected a whole number, got %s", describe(v))
	case "number":
		switch n := v.(type) {
		case int:
			return float64(n), nil
		case int64:
			return float64(n), nil
		case uint64:
			return float64(n), nil
		case float64:
			return n, nil
		case json.Number:
			return convert(p, string(n))
		case string:
			if f, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f, nil
			}
		}
		return nil, fmt.Errorf("expected a number, got %s", describe(v))
	case "boolean":
		switch b := v.(type) {
		case bool:
			return b, nil
		case string:
			if parsed, err := strconv.ParseBool(strings.TrimSpace(b)); err == nil {
				return parsed, nil
			}
		}
		return nil, fmt.Errorf("expected true or false, got %s", describe(v))
	case "string":
		if s, ok := v.(string); ok {
			return s, nil
		}
		return nil, fmt.Errorf("expected a string, got %s", describe(v))
	case "list":
		return convertList(v)
	}
	return nil, fmt.Errorf("unknown param type %q", p.Type)
}

// convertList reads a list of strings: a YAML or JSON list, or text as a
// flag or environment variable gives it, either a flow list ("[tbc, tba]")
// or entries separated by commas ("tbc, tba"). The result is []any, the
// form OPA's data takes.
func convertList(v any) (any, error) {
	switch l := v.(type) {
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, nil
	case []any:
		out := make([]any, len(l))
		for i, item := range l {
			s, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("expected a list of texts, but entry %d is %s", i+1, describe(item))
			}
			out[i] = s
		}
		return out, nil
	case string:
		text := strings.TrimSpace(l)
		if strings.HasPrefix(text, "[") {
			var parsed []any
			if err := yaml.Unmarshal([]byte(text), &parsed); err != nil {
				return nil, fmt.Errorf("expected a list such as [tbc, \"to be confirmed\"], got %s", describe(v))
			}
			return convertList(parsed)
		}
		out := []any{}
		if text == "" {
			return out, nil
		}
		for _, part := range strings.Split(text, ",") {
			out = append(out, strings.TrimSpace(part))
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a list of texts, got %s", describe(v))
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%v", v)
}
