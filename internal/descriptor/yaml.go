package descriptor

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// parseYAML reads one YAML document through the node API, which keeps the
// line and column of every node. Scalars are converted by their resolved
// tag, except timestamps, which stay the strings they were written as: an
// unquoted `start: 2006-04-01` must reach the schema as "2006-04-01".
func parseYAML(data []byte, limits Limits) (*Document, error) {
	lines := newLineIndex(data)
	var root yaml.Node
	if err := yaml.Load(data, &root); err != nil {
		return nil, yamlSyntaxError(err, data, lines)
	}
	node := &root
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			return nil, &SyntaxError{Position{1, 1}, "file holds no YAML data; a descriptor needs at least the required fields"}
		}
		node = node.Content[0]
	}
	b := &yamlBuilder{doc: newDocument(countNodes(node, 0)), limits: limits, lines: lines}
	v, err := b.value(node, "", 0)
	if err != nil {
		return nil, err
	}
	b.doc.Value = v
	return b.doc, nil
}

// countNodes counts the nodes under n (aliases not expanded), to size the
// document's maps; it stops counting at a bound no descriptor reaches.
func countNodes(n *yaml.Node, sum int) int {
	sum++
	for _, c := range n.Content {
		if sum > 1<<12 {
			break
		}
		sum = countNodes(c, sum)
	}
	return sum
}

type yamlBuilder struct {
	doc    *Document
	limits Limits
	work   int // nodes produced through aliases, bounded against alias bombs
	lines  *lineIndex
}

// position is where n stands, kept inside the input: the library puts an
// empty value at the very end of a file on the line after it, as if the
// file ended with a line break.
func (b *yamlBuilder) position(n *yaml.Node) Position {
	return b.lines.clamp(Position{Line: max(n.Line, 1), Column: max(n.Column, 1)})
}

func (b *yamlBuilder) fail(n *yaml.Node, format string, args ...any) error {
	return &SyntaxError{b.position(n), fmt.Sprintf(format, args...)}
}

// value converts node (standing at pointer) and records its position.
// viaAlias is non-zero when node is reached through an alias; such nodes count
// against the alias budget and do not overwrite positions of the originals.
func (b *yamlBuilder) value(n *yaml.Node, pointer string, viaAlias int) (any, error) {
	// Depth counts containers, as the JSON reader does: the root mapping is
	// level 1.
	if (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && strings.Count(pointer, "/")+1 > b.limits.MaxDepth {
		return nil, b.fail(n, "nesting is deeper than %d levels; a descriptor is only a few levels deep%s", b.limits.MaxDepth, limitHint("max-depth"))
	}
	if viaAlias > 0 {
		b.work++
		if b.work > b.limits.MaxAliasWork {
			return nil, b.fail(n, "aliases expand to more than %d values; refusing to expand them further (an alias bomb?)", b.limits.MaxAliasWork)
		}
	}
	b.doc.setValue(pointer, b.position(n))
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, b.fail(n, "alias *%s names no anchor", n.Value)
		}
		v, err := b.value(n.Alias, pointer, viaAlias+1)
		b.doc.setValue(pointer, b.position(n)) // the alias is where the value stands
		return v, err
	case yaml.MappingNode:
		return b.mapping(n, pointer, viaAlias)
	case yaml.SequenceNode:
		if len(n.Content) > b.limits.MaxItems {
			return nil, b.fail(n, "a list has %d items, over the limit of %d%s", len(n.Content), b.limits.MaxItems, limitHint("max-items"))
		}
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := b.value(c, pointer+"/"+strconv.Itoa(i), viaAlias)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.ScalarNode:
		return b.scalar(n)
	}
	return nil, b.fail(n, "unsupported YAML node")
}

func (b *yamlBuilder) mapping(n *yaml.Node, pointer string, viaAlias int) (any, error) {
	if len(n.Content)/2 > b.limits.MaxItems {
		return nil, b.fail(n, "a mapping has %d keys, over the limit of %d%s", len(n.Content)/2, b.limits.MaxItems, limitHint("max-items"))
	}
	out := make(map[string]any, len(n.Content)/2)
	// Merge keys (<<) add the keys of the merged mappings, as YAML 1.1
	// defines them. They are read first so that the mapping's own keys, and
	// their positions, win; and last to first, so that of two merged
	// mappings with the same key the earlier wins, value and position.
	var sources []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, m := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!merge" {
			continue
		}
		if m.Kind == yaml.SequenceNode {
			sources = append(sources, m.Content...)
		} else {
			sources = append(sources, m)
		}
	}
	for i := len(sources) - 1; i >= 0; i-- {
		src := sources[i]
		// Not viaAlias+1: an alias source counts itself in value, and a
		// mapping written inline here is not an expansion, so its repeated
		// keys are refused and its keys keep their positions.
		val, err := b.value(src, pointer, viaAlias)
		if err != nil {
			return nil, err
		}
		merged, ok := val.(map[string]any)
		if !ok {
			return nil, b.fail(src, "a merge key (<<) must name a mapping")
		}
		for k, v := range merged {
			out[k] = v
		}
	}
	keys := keyIndex{content: n.Content}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			return nil, b.fail(k, "a key must be a plain name, not a list or mapping")
		}
		name := k.Value
		if len(name) > b.limits.MaxString {
			return nil, b.fail(k, "a key is %d bytes long, over the limit of %d%s", len(name), b.limits.MaxString, limitHint("max-string-bytes"))
		}
		kpos := b.position(k)
		if first := keys.earlier(i, name); first != nil && viaAlias == 0 {
			return nil, &SyntaxError{kpos, fmt.Sprintf(
				"key %q appears twice in the same mapping (lines %d and %d); keep one — a repeated key would silently hide the first value",
				name, b.position(first).Line, kpos.Line)}
		}
		child := appendPointer(pointer, name)
		if viaAlias == 0 {
			b.doc.setKey(child, kpos)
		}
		val, err := b.value(v, child, viaAlias)
		if err != nil {
			return nil, err
		}
		out[name] = val
	}
	b.doc.setValue(pointer, b.position(n))
	return out, nil
}

// keyIndex finds a mapping's earlier key of a name, to refuse repeated
// keys. A descriptor's mappings hold a handful of keys, and scanning them
// costs less than building a map for every mapping; a map is built only for
// a mapping with more than smallMapping keys, so that no file makes the scan
// quadratic.
type keyIndex struct {
	content []*yaml.Node          // the mapping's key and value nodes, in turn
	seen    map[string]*yaml.Node // for large mappings: the keys before the current one
}

const smallMapping = 32

// earlier returns the first key before content[i] named name, or nil. Keys
// are asked for in order.
func (x *keyIndex) earlier(i int, name string) *yaml.Node {
	if len(x.content) <= 2*smallMapping {
		for j := 0; j < i; j += 2 {
			if k := x.content[j]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == name {
				return k
			}
		}
		return nil
	}
	if x.seen == nil {
		x.seen = make(map[string]*yaml.Node, len(x.content)/2)
	}
	first, ok := x.seen[name]
	if !ok {
		x.seen[name] = x.content[i]
	}
	return first
}

// scalar converts a scalar by its resolved tag into the JSON data model.
func (b *yamlBuilder) scalar(n *yaml.Node) (any, error) {
	if len(n.Value) > b.limits.MaxString {
		return nil, b.fail(n, "a string is %d bytes long, over the limit of %d%s", len(n.Value), b.limits.MaxString, limitHint("max-string-bytes"))
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		return strconv.ParseBool(strings.ToLower(n.Value))
	case "!!int":
		return yamlInt(n, b.position(n))
	case "!!float":
		return yamlFloat(n, b.position(n))
	}
	// !!str, !!timestamp (kept as written), !!binary and unknown tags.
	// The resolver leaves a plain number that overflows a float64 as a
	// string; refuse it as the JSON reader does, rather than let the schema
	// call the number a string.
	if n.Style == 0 && n.ShortTag() == "!!str" && mayBeNumber(n.Value) {
		if plain := strings.ReplaceAll(n.Value, "_", ""); yamlNumber.MatchString(plain) && !inRange(plain) {
			return nil, b.fail(n, "%s", outOfRange(n.Value))
		}
	}
	return n.Value, nil
}

// mayBeNumber is false for text that cannot match yamlNumber, which is
// nearly all of it: it does not start with a sign, a dot or a digit.
func mayBeNumber(s string) bool {
	return s != "" && strings.IndexByte("+-.0123456789", s[0]) >= 0
}

// yamlNumber matches the decimal ints and floats of YAML's core schema, as
// the resolver reads them (underscores removed).
var yamlNumber = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

func yamlInt(n *yaml.Node, at Position) (any, error) {
	text := strings.ReplaceAll(n.Value, "_", "")
	base := 10
	// The resolver reads ints with strconv's base prefixes, which may be
	// upper case (0X1F, 0O17, 0B1); big.Int takes either case of hex digits.
	digits := strings.ToLower(strings.TrimLeft(text, "+-"))
	neg := strings.HasPrefix(text, "-")
	switch {
	case strings.HasPrefix(digits, "0x"):
		base, digits = 16, digits[2:]
	case strings.HasPrefix(digits, "0o"):
		base, digits = 8, digits[2:]
	case strings.HasPrefix(digits, "0b"):
		base, digits = 2, digits[2:]
	}
	if base == 10 {
		// The usual case, without big numbers: a decimal that fits an int64.
		if u, err := strconv.ParseUint(digits, 10, 63); err == nil {
			v := int64(u)
			if neg {
				v = -v
			}
			return json.Number(strconv.FormatInt(v, 10)), nil
		}
	}
	i := new(big.Int)
	if _, ok := i.SetString(digits, base); !ok {
		return nil, &SyntaxError{at, fmt.Sprintf("%q is not a number", n.Value)}
	}
	if neg {
		i.Neg(i)
	}
	return json.Number(i.String()), nil
}

func yamlFloat(n *yaml.Node, at Position) (any, error) {
	text := strings.ReplaceAll(n.Value, "_", "")
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, &SyntaxError{at, fmt.Sprintf("%s is not a finite number; descriptors hold plain numbers (quote it if it is text)", n.Value)}
	}
	// Keep the written digits when they are already a JSON number, so no
	// precision is lost; otherwise (1e3 is fine, .5 is not) reformat.
	if json.Valid([]byte(text)) {
		return json.Number(text), nil
	}
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64)), nil
}

// yamlSyntaxError turns the YAML library's error into a SyntaxError with the
// best position it offers.
func yamlSyntaxError(err error, data []byte, lines *lineIndex) error {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return &SyntaxError{Position{1, 1}, "cannot read YAML: " + err.Error()}
	}
	msg := strings.TrimPrefix(le.Message, "yaml: ")
	pos := lines.clamp(Position{Line: max(le.Mark.Line, 1), Column: max(le.Mark.Column, 1)})
	switch {
	case strings.Contains(msg, "expected single document"):
		return &SyntaxError{secondDocument(data), "file holds more than one YAML document (a second --- line); put each partnership in a file of its own"}
	case strings.Contains(msg, "no documents"):
		return &SyntaxError{Position{1, 1}, "file holds no YAML data; a descriptor needs at least the required fields"}
	case strings.Contains(msg, "found character that cannot start any token") && strings.Contains(string(data), "\t"),
		strings.Contains(msg, "tab character that violates indentation"):
		msg += " (YAML does not allow tabs for indentation; use spaces)"
	case strings.Contains(msg, "mapping values are not allowed"):
		msg += " (check the indentation, or quote a value that contains \": \")"
	}
	// The context mark is where the construct being read began: for a quote
	// that is never closed, the library fails only at the end of the file,
	// so point at the opening quote instead; for an unclosed flow list or
	// mapping, say where it opened.
	ctx := lines.clamp(Position{Line: max(le.ContextMark.Line, 1), Column: max(le.ContextMark.Column, 1)})
	switch {
	case strings.Contains(le.ContextMsg, "quoted scalar") && strings.Contains(msg, "end of stream") && le.ContextMark.Line > 0:
		return &SyntaxError{ctx, "YAML syntax error: the quoted string that starts here is never closed; add the closing quote"}
	case strings.Contains(le.ContextMsg, "flow sequence") && le.ContextMark.Line > 0:
		msg += fmt.Sprintf(" (in the [ list opened at %v)", ctx)
	case strings.Contains(le.ContextMsg, "flow mapping") && le.ContextMark.Line > 0:
		msg += fmt.Sprintf(" (in the { mapping opened at %v)", ctx)
	}
	if le.ContextMsg != "" {
		msg = le.ContextMsg + ": " + msg
	}
	return &SyntaxError{pos, "YAML syntax error: " + msg}
}

// secondDocument finds the line of the marker that starts a second document.
func secondDocument(data []byte) Position {
	seenContent := false
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "---" || strings.HasPrefix(trimmed, "--- ") {
			if seenContent {
				return Position{Line: i + 1, Column: 1}
			}
			seenContent = true
			continue
		}
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") && !strings.HasPrefix(trimmed, "%") {
			seenContent = true
		}
	}
	return Position{Line: 1, Column: 1}
}
