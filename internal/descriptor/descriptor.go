// Package descriptor reads partnership descriptors written in JSON or YAML
// into one generic value (the shape encoding/json would produce, with numbers
// kept as json.Number) plus an index from JSON pointer to the line and column
// where each value stands in the source, so every later finding can point at
// the file.
//
// Nothing after this package knows which format a document came in.
package descriptor

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// Format is the syntax a descriptor is written in.
type Format int

const (
	// JSON is the canonical form of a descriptor.
	JSON Format = iota + 1
	// YAML is accepted because officers write descriptors by hand.
	YAML
)

func (f Format) String() string {
	switch f {
	case JSON:
		return "JSON"
	case YAML:
		return "YAML"
	}
	return "unknown"
}

// FormatForPath returns the format a file name implies by its extension, and
// false for a name that is not a descriptor (.json, .yaml or .yml).
func FormatForPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return JSON, true
	case ".yaml", ".yml":
		return YAML, true
	}
	return 0, false
}

// FormatOf is the format to read data in, given the name it goes by: as the
// name's extension says (.json, .yaml, .yml), else sniffed (SniffFormat).
// Every reader of a descriptor decides this way, so a file reads the same
// whichever command reads it.
func FormatOf(name string, data []byte) Format {
	if f, ok := FormatForPath(name); ok {
		return f
	}
	return SniffFormat(data)
}

// SniffFormat guesses the format of input with no file name (standard input):
// JSON when the first significant character opens an object or array,
// otherwise YAML. A UTF-8 byte order mark is not significant: the readers
// drop it, so it must not make a JSON document look like YAML.
func SniffFormat(data []byte) Format {
	for _, b := range bytes.TrimPrefix(data, utf8BOM) {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return JSON
		default:
			return YAML
		}
	}
	return YAML
}

// Position is a 1-based line and column in the source. Columns count Unicode
// characters, not bytes, so they match what an editor shows.
type Position struct {
	Line   int
	Column int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Document is a parsed descriptor with its position index.
type Document struct {
	// Value is the descriptor: map[string]any, []any, string, json.Number,
	// bool or nil, as encoding/json would decode it with UseNumber.
	Value any

	values map[string]Position // pointer -> where the value starts
	keys   map[string]Position // pointer -> where the member's key starts
}

// newDocument makes a Document for about size values (a hint: the maps
// grow past it), so that its maps are not rebuilt as they fill. About half
// of a descriptor's values are object members, which have keys.
func newDocument(size int) *Document {
	return &Document{values: make(map[string]Position, size), keys: make(map[string]Position, size/2)}
}

// Locate returns the position of the value at pointer, or of its nearest
// existing parent when the value is missing (a required field that is absent
// is reported where its parent object is).
func (d *Document) Locate(pointer string) Position {
	for {
		if pos, ok := d.values[pointer]; ok {
			return pos
		}
		if pointer == "" {
			return Position{Line: 1, Column: 1}
		}
		pointer = parentPointer(pointer)
	}
}

// LocateKey returns the position of the key of the object member at pointer
// (an unknown property is best shown at its own name), falling back to Locate.
func (d *Document) LocateKey(pointer string) Position {
	if pos, ok := d.keys[pointer]; ok {
		return pos
	}
	return d.Locate(pointer)
}

// Pointers returns every pointer in the index; used by tests and fuzzing to
// check that the index only ever holds positions inside the source.
func (d *Document) Pointers() map[string]Position {
	out := make(map[string]Position, len(d.values))
	for p, pos := range d.values {
		out[p] = pos
	}
	return out
}

func (d *Document) setValue(pointer string, pos Position) { d.values[pointer] = pos }
func (d *Document) setKey(pointer string, pos Position)   { d.keys[pointer] = pos }

func parentPointer(pointer string) string {
	if i := strings.LastIndexByte(pointer, '/'); i >= 0 {
		return pointer[:i]
	}
	return ""
}

// appendPointer adds one reference token to pointer, escaped per RFC 6901.
func appendPointer(pointer, token string) string {
	if strings.ContainsAny(token, "~/") {
		token = strings.ReplaceAll(token, "~", "~0")
		token = strings.ReplaceAll(token, "/", "~1")
	}
	return pointer + "/" + token
}

// inRange reports whether the number text fits a float64 (about ±1.8e308).
// Beyond that most tools that read a descriptor or a report (JavaScript,
// jq, spreadsheets) cannot hold it (RFC 7493 §2.2), and no amount of money
// or staff is that large, so both readers refuse it with its position.
// Digits beyond float64's precision are fine: the text is kept as written.
func inRange(number string) bool {
	_, err := strconv.ParseFloat(number, 64)
	return !errors.Is(err, strconv.ErrRange)
}

// outOfRange is the message for a number inRange refuses; a number of
// hundreds of digits is shown by its start and length.
func outOfRange(number string) string {
	shown := number
	if len(shown) > 24 {
		shown = fmt.Sprintf("%s… (%d characters)", shown[:16], len(number))
	}
	return fmt.Sprintf("the number %s is out of range; descriptors hold numbers between about -1.8e308 and 1.8e308 (quote it if it is text)", shown)
}

// SyntaxError is input that cannot be read as a descriptor: malformed JSON or
// YAML, a repeated key, a wrong encoding, or a limit exceeded. It carries the
// position of the problem and a message that says what to do.
type SyntaxError struct {
	Position
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg) }

// Limits bound what a reader accepts, so hostile input is refused quickly
// instead of exhausting memory or the stack. Zero fields take defaults.
type Limits struct {
	MaxBytes     int // size of the file
	MaxDepth     int // nesting of objects and arrays
	MaxItems     int // entries of one array or object
	MaxString    int // bytes of one string or key
	MaxAliasWork int // YAML nodes produced by alias expansion, in all
}

// DefaultLimits are far above any real descriptor (a few KB, depth under 8).
var DefaultLimits = Limits{
	MaxBytes:     10 << 20,
	MaxDepth:     64,
	MaxItems:     10000,
	MaxString:    1 << 20,
	MaxAliasWork: 100000,
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxItems <= 0 {
		l.MaxItems = DefaultLimits.MaxItems
	}
	if l.MaxString <= 0 {
		l.MaxString = DefaultLimits.MaxString
	}
	if l.MaxAliasWork <= 0 {
		l.MaxAliasWork = DefaultLimits.MaxAliasWork
	}
	return l
}

// limitHint tells the user which setting bounds what was refused, so a
// genuine file can still be checked.
func limitHint(setting string) string {
	return " (limit " + setting + ": raise it with --" + setting + " or " + setting + ": in .cgcheck.yaml if the file is genuine)"
}

// Parse reads data in the given format with the default limits.
func Parse(data []byte, format Format) (*Document, error) {
	return ParseWithLimits(data, format, Limits{})
}

// ParseWithLimits reads data in the given format. A problem with the input
// is returned as a *SyntaxError.
func ParseWithLimits(data []byte, format Format, limits Limits) (*Document, error) {
	limits = limits.withDefaults()
	if len(data) > limits.MaxBytes {
		return nil, &SyntaxError{Position{1, 1}, fmt.Sprintf(
			"file is %d bytes, over the limit of %d bytes; a descriptor is a few KB%s",
			len(data), limits.MaxBytes, limitHint("max-file-bytes"))}
	}
	text, err := checkEncoding(data)
	if err != nil {
		return nil, err
	}
	switch format {
	case JSON:
		return parseJSON(text, limits)
	case YAML:
		return parseYAML(text, limits)
	}
	return nil, fmt.Errorf("descriptor: unknown format %d", format)
}
