package synth

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// The encoders below write descriptors by hand rather than through a
// marshaller, so that the output is byte-for-byte stable, keys keep the
// order descriptor.md lists them in, and YAML dates stay plain YYYY-MM-DD
// scalars the way officers type them.

// member is one key and value of an object.
type member struct {
	key string
	val any
}

// object is a JSON object whose members keep their order. Values are
// string, int, float64, bool, object or list.
type object []member

// list is a JSON array.
type list []any

// set appends a member.
func (o *object) set(key string, val any) { *o = append(*o, member{key, val}) }

// str appends a string member unless s is empty: optional fields that are
// not recorded are left out, as a person writing the file would.
func (o *object) str(key, s string) {
	if s != "" {
		o.set(key, s)
	}
}

// formatNumber writes integers without a fraction and other numbers in the
// shortest form that reads back to the same value.
func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// quoteDouble writes s as a double-quoted string; the escapes used are valid
// in both JSON and YAML.
func quoteDouble(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '"' || r == '\\' }) {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteString(`\u`)
				h := strconv.FormatInt(int64(r), 16)
				b.WriteString(strings.Repeat("0", 4-len(h)) + h)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// flatLen returns the length of v written on one line, as compactJSON
// (json) or flowYAML writes it, or -1 as soon as it is known to exceed
// budget: deciding whether something fits must not write it out whole at
// every level of nesting.
func flatLen(v any, budget int, json bool) int {
	n := 0
	add := func(k int) bool {
		n += k
		return n <= budget
	}
	switch t := v.(type) {
	case object:
		if !add(2) {
			return -1
		}
		for i, m := range t {
			k := len(m.key) + 2
			if json {
				k = len(quoteDouble(m.key)) + 2
			}
			if i > 0 {
				k += 2
			}
			if !add(k) {
				return -1
			}
			c := flatLen(m.val, budget-n, json)
			if c < 0 || !add(c) {
				return -1
			}
		}
		return n
	case list:
		if !add(2) {
			return -1
		}
		for i, e := range t {
			if i > 0 && !add(2) {
				return -1
			}
			c := flatLen(e, budget-n, json)
			if c < 0 || !add(c) {
				return -1
			}
		}
		return n
	}
	var text string
	if json {
		text = jsonScalar(v)
	} else {
		text = yamlScalar(v, true)
	}
	if !add(len(text)) {
		return -1
	}
	return n
}

// fits reports whether v written on one line takes at most budget bytes.
func fits(v any, budget int, json bool) bool { return flatLen(v, budget, json) >= 0 }

// ---- JSON ----

// style is how tersely a descriptor is written.
type style struct {
	// width is the width up to which small objects and lists are written on
	// one line (JSON) or in flow style (YAML), as the hand-written examples
	// do.
	width int
	// nested is the longest flow text of a nested object or list that still
	// lets its parent be written in flow style over several lines.
	nested int
	// wrapLists writes a YAML list of short texts that does not fit on one
	// line in flow style over several lines, rather than one item a line.
	wrapLists bool
}

// normal writes entries with nested detail (a partner's representative and
// contributions) in block style, like the hand-written examples; terse
// writes them in flow style too, as officers do for long partner lists.
var (
	normal = style{width: 120, nested: 60}
	terse  = style{width: 160, nested: 110, wrapLists: true}
	// dense is for the few descriptors (a group of 13 partners, say) that
	// terse still leaves too large.
	dense = style{width: 220, nested: 180, wrapLists: true}
)

// encodeJSON writes v as indented JSON with small objects and lists kept on
// one line, ending with a newline.
func (st style) encodeJSON(v any) []byte {
	var b bytes.Buffer
	st.writeJSON(&b, v, 0, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

// compactJSON writes v as JSON on one line.
func compactJSON(v any) string { return flow(v, quoteDouble, jsonScalar) }

func jsonScalar(v any) string {
	if s, ok := v.(string); ok {
		return quoteDouble(s)
	}
	return scalar(v)
}

// flow writes v on one line, {key: value, ...} and [item, ...], the same in
// JSON and YAML but for how keys and scalars are spelled.
func flow(v any, key func(string) string, leaf func(any) string) string {
	switch t := v.(type) {
	case object:
		if len(t) == 0 {
			return "{}"
		}
		parts := make([]string, len(t))
		for i, m := range t {
			parts[i] = key(m.key) + ": " + flow(m.val, key, leaf)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case list:
		if len(t) == 0 {
			return "[]"
		}
		parts := make([]string, len(t))
		for i, e := range t {
			parts[i] = flow(e, key, leaf)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return leaf(v)
}

// scalar writes a number, boolean or null, which JSON and YAML spell alike.
func scalar(v any) string {
	switch t := v.(type) {
	case int:
		return strconv.Itoa(t)
	case float64:
		return formatNumber(t)
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	panic("synth: cannot encode value")
}

// writeJSON writes v whose first line starts at column used (the indent and
// any key already written); indent is the current nesting indent.
func (st style) writeJSON(b *bytes.Buffer, v any, indent, used int) {
	if fits(v, st.width-used, true) {
		b.WriteString(compactJSON(v))
		return
	}
	pad := strings.Repeat("  ", indent+1)
	switch t := v.(type) {
	case object:
		b.WriteString("{\n")
		for i, m := range t {
			b.WriteString(pad)
			key := quoteDouble(m.key) + ": "
			b.WriteString(key)
			st.writeJSON(b, m.val, indent+1, len(pad)+len(key))
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", indent) + "}")
	case list:
		b.WriteString("[\n")
		for i, e := range t {
			b.WriteString(pad)
			if o, ok := e.(object); ok && st.wrappable(o) && !fits(o, st.width-len(pad), true) {
				st.writeWrapped(b, o, len(pad), pad+" ", func(m member) string { return quoteDouble(m.key) + ": " + compactJSON(m.val) })
			} else {
				st.writeJSON(b, e, indent+1, len(pad))
			}
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(strings.Repeat("  ", indent) + "]")
	default:
		b.WriteString(compactJSON(v))
	}
}

// wrappable reports whether an object that does not fit on one line may be
// written in flow style over several lines, breaking only between members:
// true when every member is short (a measure, an action, an evidence item).
func (st style) wrappable(o object) bool {
	for _, m := range o {
		switch t := m.val.(type) {
		case string:
			if len(t) > 80 {
				return false
			}
		case object, list:
			if !fits(t, st.nested, false) {
				return false
			}
		}
	}
	return true
}

// writeWrapped writes o in flow style starting at column used, breaking the
// line between members before it passes the width; continuation lines start
// with cont. text renders one member.
func (st style) writeWrapped(b *bytes.Buffer, o object, used int, cont string, text func(member) string) {
	b.WriteByte('{')
	col := used + 1
	for i, m := range o {
		t := text(m)
		if i > 0 {
			if col+2+len(t)+1 > st.width {
				b.WriteString(",\n" + cont)
				col = len(cont)
			} else {
				b.WriteString(", ")
				col += 2
			}
		}
		b.WriteString(t)
		col += len(t)
	}
	b.WriteByte('}')
}

// shortTexts reports whether every item of l is a string of at most 80
// bytes.
func shortTexts(l list) bool {
	for _, e := range l {
		if s, ok := e.(string); !ok || len(s) > 80 {
			return false
		}
	}
	return true
}

// writeWrappedList writes a list of texts in YAML flow style starting at
// column used, breaking the line between items before it passes the width;
// continuation lines start with cont.
func (st style) writeWrappedList(b *bytes.Buffer, l list, used int, cont string) {
	b.WriteByte('[')
	col := used + 1
	for i, e := range l {
		t := yamlScalar(e, true)
		if i > 0 {
			if col+2+len(t)+1 > st.width {
				b.WriteString(",\n" + cont)
				col = len(cont)
			} else {
				b.WriteString(", ")
				col += 2
			}
		}
		b.WriteString(t)
		col += len(t)
	}
	b.WriteByte(']')
}

// ---- YAML ----

// encodeYAML writes the top-level object v as a YAML block mapping, after the
// comment lines of header (each written as "# line").
func (st style) encodeYAML(v object, header []string) []byte {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	st.writeBlockMapping(&b, v, 0)
	return b.Bytes()
}

// numberLike matches plain scalars a YAML reader would not take as strings:
// numbers in any of the forms YAML 1.1 or 1.2 resolves, and the special
// floats.
var numberLike = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0[xXoObB][0-9a-fA-F_]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?$`)

// dateLike matches the dates the generator writes: plain in YAML, where the
// descriptor reader keeps them as written.
var dateLike = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// reserved are plain scalars YAML 1.1 or 1.2 reads as booleans or null.
var reserved = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "~": true,
}

// plainOK reports whether s can be written as a plain YAML scalar and read
// back as the same string, in flow context (inside {} or []) or block context.
func plainOK(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || reserved[strings.ToLower(s)] {
		return false
	}
	if dateLike.MatchString(s) {
		return true
	}
	if strings.ContainsRune("0123456789+-.", rune(s[0])) && numberLike.MatchString(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.ContainsAny(s, "\n\r\t\\") || strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xFEFF {
			return false
		}
	}
	return true
}

func yamlScalar(v any, inFlow bool) string {
	if s, ok := v.(string); ok {
		if plainOK(s, inFlow) {
			return s
		}
		return quoteDouble(s)
	}
	return scalar(v)
}

// flowYAML writes v in flow style on one line.
func flowYAML(v any) string {
	return flow(v, func(k string) string { return k }, func(v any) string { return yamlScalar(v, true) })
}

// foldable reports whether a long string may be written as a folded block
// scalar (>-) and read back unchanged: single spaces only, no line breaks.
func (st style) foldable(s string) bool {
	return len(s) > st.width-20 && strings.TrimSpace(s) == s && !strings.Contains(s, "  ") &&
		!strings.ContainsAny(s, "\n\r\t") && !strings.HasPrefix(s, "#")
}

// fold splits s at spaces into lines of at most width bytes (a word longer
// than width gets a line of its own).
func fold(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Split(s, " ") {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// writeValue writes the value of a mapping key or sequence entry whose text
// starts at column used; indent is the indent of the enclosing mapping.
func (st style) writeValue(b *bytes.Buffer, v any, indent, used int) {
	switch t := v.(type) {
	case object:
		if len(t) == 0 || fits(t, st.width-used-1, false) {
			b.WriteString(" " + flowYAML(t) + "\n")
			return
		}
		b.WriteByte('\n')
		st.writeBlockMapping(b, t, indent+2)
	case list:
		if len(t) == 0 || fits(t, st.width-used-1, false) {
			b.WriteString(" " + flowYAML(t) + "\n")
			return
		}
		if st.wrapLists && shortTexts(t) {
			b.WriteByte(' ')
			st.writeWrappedList(b, t, used+1, strings.Repeat(" ", indent+3))
			b.WriteByte('\n')
			return
		}
		b.WriteByte('\n')
		st.writeBlockSequence(b, t, indent+2)
	case string:
		if used+1+len(t) > st.width && st.foldable(t) {
			pad := strings.Repeat(" ", indent+2)
			b.WriteString(" >-\n")
			for _, l := range fold(t, st.width-len(pad)) {
				b.WriteString(pad + l + "\n")
			}
			return
		}
		b.WriteString(" " + yamlScalar(t, false) + "\n")
	default:
		b.WriteString(" " + yamlScalar(t, false) + "\n")
	}
}

func (st style) writeBlockMapping(b *bytes.Buffer, o object, indent int) {
	pad := strings.Repeat(" ", indent)
	for _, m := range o {
		b.WriteString(pad + m.key + ":")
		st.writeValue(b, m.val, indent, indent+len(m.key)+1)
	}
}

func (st style) writeBlockSequence(b *bytes.Buffer, l list, indent int) {
	pad := strings.Repeat(" ", indent)
	for _, e := range l {
		switch t := e.(type) {
		case object:
			if len(t) == 0 || fits(t, st.width-indent-2, false) {
				b.WriteString(pad + "- " + flowYAML(t) + "\n")
				continue
			}
			if st.wrappable(t) {
				b.WriteString(pad + "- ")
				st.writeWrapped(b, t, indent+2, pad+"   ", func(m member) string { return m.key + ": " + flowYAML(m.val) })
				b.WriteByte('\n')
				continue
			}
			// The first member goes on the dash line, the others under it.
			b.WriteString(pad + "- ")
			first := true
			for _, m := range t {
				if !first {
					b.WriteString(pad + "  ")
				}
				first = false
				b.WriteString(m.key + ":")
				st.writeValue(b, m.val, indent+2, indent+2+len(m.key)+1)
			}
		case list:
			b.WriteString(pad + "- " + flowYAML(t) + "\n")
		default:
			b.WriteString(pad + "-")
			st.writeValue(b, t, indent, indent+1)
		}
	}
}
