package descriptor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// jsonFrame is one open object or array while a JSON document is read.
type jsonFrame struct {
	pointer string
	object  map[string]any
	array   []any
	key     string              // the name whose value comes next (objects)
	keyPos  Position            // where that name stands
	seen    map[string]Position // names already read in this object
	parent  *jsonFrame

	awaitValue bool // a name has been read and its value not yet
}

// parseJSON reads one JSON value in a single streaming pass that builds both
// the value and the position index. Duplicate names are detected here rather
// than by the tokenizer so the message can name both lines.
func parseJSON(data []byte, limits Limits) (*Document, error) {
	lines := newLineIndex(data)
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true))
	doc := newDocument(len(data) / 16)
	var (
		top    *jsonFrame
		root   any
		done   bool
		depth  int
		offset int64
	)
	fail := func(off int64, format string, args ...any) error {
		return &SyntaxError{lines.position(int(off)), fmt.Sprintf(format, args...)}
	}
	for {
		tok, err := dec.ReadToken()
		if err == io.EOF {
			if !done {
				return nil, fail(int64(len(data)), "JSON ends before the document is complete; check for a missing } or ]")
			}
			return doc, nil
		}
		if err != nil {
			if done {
				return nil, fail(tokenStart(data, offset), "unexpected data after the end of the JSON document; a file holds one descriptor")
			}
			return nil, jsonSyntaxError(err, lines)
		}
		start := tokenStart(data, offset)
		offset = dec.InputOffset()
		pos := lines.position(int(start))
		if done {
			return nil, fail(start, "unexpected data after the end of the JSON document; a file holds one descriptor")
		}

		kind := tok.Kind()
		if kind == '}' || kind == ']' {
			finished := top
			top = top.parent
			depth--
			var v any = finished.object
			if kind == ']' {
				// Test the slice, not v: a nil []any in an interface is not
				// nil, and an empty array must be [] (as encoding/json
				// gives), not a nil slice that marshals as null.
				if finished.array == nil {
					finished.array = []any{}
				}
				v = finished.array
			}
			if top == nil {
				root, done = v, true
				doc.Value = root
			} else if err := top.add(v, limits); err != nil {
				return nil, fail(start, "%s", err)
			}
			continue
		}

		// An object name: remember it until its value arrives.
		if top != nil && top.object != nil && top.key == "" && top.expectingName() {
			name := tok.String()
			if len(name) > limits.MaxString {
				return nil, fail(start, "a key is %d bytes long, over the limit of %d%s", len(name), limits.MaxString, limitHint("max-string-bytes"))
			}
			if first, ok := top.seen[name]; ok {
				return nil, &SyntaxError{pos, fmt.Sprintf(
					"key %q appears twice in the same object (lines %d and %d); keep one — a repeated key would silently hide the first value",
					name, first.Line, pos.Line)}
			}
			top.seen[name] = pos
			top.key, top.keyPos = name, pos
			top.awaitValue = true
			doc.setKey(appendPointer(top.pointer, name), pos)
			continue
		}

		pointer := ""
		if top != nil {
			pointer = top.childPointer()
		}
		doc.setValue(pointer, pos)

		var v any
		switch kind {
		case '{', '[':
			depth++
			if depth > limits.MaxDepth {
				return nil, fail(start, "nesting is deeper than %d levels; a descriptor is only a few levels deep%s", limits.MaxDepth, limitHint("max-depth"))
			}
			f := &jsonFrame{pointer: pointer, parent: top}
			if kind == '{' {
				f.object = map[string]any{}
				f.seen = map[string]Position{}
			}
			top = f
			continue
		case 'n':
			v = nil
		case 't', 'f':
			v = tok.Bool()
		case '"':
			s := tok.String()
			if len(s) > limits.MaxString {
				return nil, fail(start, "a string is %d bytes long, over the limit of %d%s", len(s), limits.MaxString, limitHint("max-string-bytes"))
			}
			v = s
		case '0':
			s := tok.String()
			if !inRange(s) {
				return nil, fail(start, "%s", outOfRange(s))
			}
			v = json.Number(s)
		}
		if top == nil {
			root, done = v, true
			doc.Value = root
			continue
		}
		if err := top.add(v, limits); err != nil {
			return nil, fail(start, "%s", err)
		}
	}
}

// tokenStart skips the white space and separators that precede the token
// read after offset, giving the offset of the token itself.
func tokenStart(data []byte, offset int64) int64 {
	for offset < int64(len(data)) {
		switch data[offset] {
		case ' ', '\t', '\r', '\n', ',', ':':
			offset++
		default:
			return offset
		}
	}
	return offset
}

func (f *jsonFrame) expectingName() bool { return !f.awaitValue }

func (f *jsonFrame) childPointer() string {
	if f.object != nil {
		return appendPointer(f.pointer, f.key)
	}
	return fmt.Sprintf("%s/%d", f.pointer, len(f.array))
}

func (f *jsonFrame) add(v any, limits Limits) error {
	if f.object != nil {
		f.object[f.key] = v
		f.key, f.awaitValue = "", false
		if len(f.object) > limits.MaxItems {
			return fmt.Errorf("an object has more than %d members%s", limits.MaxItems, limitHint("max-items"))
		}
		return nil
	}
	f.array = append(f.array, v)
	if len(f.array) > limits.MaxItems {
		return fmt.Errorf("an array has more than %d items%s", limits.MaxItems, limitHint("max-items"))
	}
	return nil
}

// jsonSyntaxError turns the tokenizer's error into a SyntaxError at the
// offending character, in words that suggest the usual fix.
func jsonSyntaxError(err error, lines *lineIndex) error {
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		return &SyntaxError{Position{1, 1}, "cannot read JSON: " + err.Error()}
	}
	msg := se.Err.Error()
	msg = strings.TrimPrefix(msg, "jsontext: ")
	hint := ""
	switch {
	case strings.Contains(msg, "after object value"), strings.Contains(msg, "after array element"),
		strings.Contains(msg, "after object name"):
		hint = "; check for a missing comma, colon or closing bracket just before this point"
	case strings.Contains(msg, "invalid character") && strings.Contains(msg, "at start of value"):
		hint = "; strings must be in double quotes and there is no trailing comma in JSON"
	case strings.Contains(msg, `'\n' in string`), strings.Contains(msg, `'\r' in string`):
		hint = "; a string must end with \" on the line it starts on (a missing closing quote?)"
	case strings.Contains(msg, "unexpected EOF"):
		hint = "; the file ends before the document is complete (a missing } or ]?)"
	}
	return &SyntaxError{lines.position(int(se.ByteOffset)), "JSON syntax error: " + msg + hint}
}
