package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"

	"example.org/cgcheck/internal/frameworks"
)

// readRaw parses the config file's bytes as YAML nodes, keeping the case,
// order and line of every key.
func readRaw(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file
	}
	return doc.Content[0], nil
}

// section returns the value of a top-level key of the config file.
func (c *Config) section(key string) *yaml.Node {
	return lookup(c.raw, key)
}

// lookup returns the value of key in a mapping node, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// fileParam is one parameter set in the config file, by the name written
// there (rule.name or a bare name).
type fileParam struct {
	name  string
	value any
	line  int
}

// fileParams reads params: from the config file. Each entry is rule.name:
// value or name: value, or a mapping rule: {name: value}.
func (c *Config) fileParams() ([]fileParam, error) {
	node := c.section("params")
	if node == nil || isNull(node) {
		return nil, nil
	}
	if node.Kind != yaml.MappingNode {
		return nil, usagef("config file %s:%d: params must be a mapping of parameter names (rule.name, or name) to values", c.File, node.Line)
	}
	var out []fileParam
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		if value.Kind == yaml.MappingNode && !strings.Contains(key.Value, ".") {
			// params: {group-size: {group_size_max: 14}}
			for j := 0; j+1 < len(value.Content); j += 2 {
				v, err := decode(value.Content[j+1])
				if err != nil {
					return nil, usagef("config file %s:%d: params: %v", c.File, value.Content[j].Line, err)
				}
				out = append(out, fileParam{key.Value + "." + value.Content[j].Value, v, value.Content[j].Line})
			}
			continue
		}
		v, err := decode(value)
		if err != nil {
			return nil, usagef("config file %s:%d: params: %v", c.File, key.Line, err)
		}
		out = append(out, fileParam{key.Value, v, key.Line})
	}
	return out, nil
}

// decode turns a YAML value node into a Go value (lists and scalars).
func decode(n *yaml.Node) (any, error) {
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// frameworks reads frameworks: from the config file:
//
//	frameworks:
//	  loip:
//	    title: Inverclyde LOIP 2017-2027
//	    outcomes:
//	      p1: Our population is increasing
//
// A framework without outcomes accepts any non-blank ref.
func (c *Config) frameworks() ([]frameworks.Framework, error) {
	node := c.section("frameworks")
	if node == nil || isNull(node) {
		return nil, nil
	}
	at := func(n *yaml.Node, format string, args ...any) error {
		return usagef("config file %s:%d:%d: frameworks: %s", c.File, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
	if node.Kind != yaml.MappingNode {
		return nil, at(node, "must map framework names to {title, outcomes}")
	}
	source := "config file " + c.File
	var out []frameworks.Framework
	seen := map[string]bool{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		name := key.Value
		if !frameworks.ValidName(name) {
			return nil, at(key, "%q is not a framework name (lowercase letters, digits, _ and -, starting with a letter or digit)", name)
		}
		if seen[name] {
			return nil, at(key, "framework %s is defined twice", name)
		}
		seen[name] = true
		if value.Kind != yaml.MappingNode {
			return nil, at(value, "framework %s must be a mapping with a title and, optionally, outcomes", name)
		}
		f := frameworks.Framework{Name: name, Source: source}
		for j := 0; j+1 < len(value.Content); j += 2 {
			k, v := value.Content[j], value.Content[j+1]
			switch k.Value {
			case "title":
				if v.Kind != yaml.ScalarNode || isNull(v) || strings.TrimSpace(v.Value) == "" {
					return nil, at(v, "framework %s: title must be text", name)
				}
				f.Title = strings.TrimSpace(v.Value)
			case "outcomes":
				if isNull(v) {
					continue
				}
				if v.Kind != yaml.MappingNode || len(v.Content) == 0 {
					return nil, at(v, "framework %s: outcomes must map each ref to its title (leave outcomes out to accept any ref)", name)
				}
				f.Outcomes = []frameworks.Outcome{}
				refs := map[string]bool{}
				for o := 0; o+1 < len(v.Content); o += 2 {
					ref, title := v.Content[o], v.Content[o+1]
					if ref.Kind != yaml.ScalarNode || strings.TrimSpace(ref.Value) == "" {
						return nil, at(ref, "framework %s: an outcome ref must be text", name)
					}
					if refs[ref.Value] {
						return nil, at(ref, "framework %s: outcome %q is defined twice", name, ref.Value)
					}
					refs[ref.Value] = true
					if title.Kind != yaml.ScalarNode || isNull(title) || strings.TrimSpace(title.Value) == "" {
						return nil, at(title, "framework %s: outcome %q needs a title", name, ref.Value)
					}
					f.Outcomes = append(f.Outcomes, frameworks.Outcome{Ref: ref.Value, Title: strings.TrimSpace(title.Value)})
				}
			default:
				return nil, at(k, "framework %s: unknown key %q; a framework has a title and outcomes", name, k.Value)
			}
		}
		if f.Title == "" {
			return nil, at(key, "framework %s needs a title", name)
		}
		out = append(out, f)
	}
	return out, nil
}
