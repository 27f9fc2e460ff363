package descriptor_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"example.org/cgcheck/internal/descriptor"
)

// TestPositionsOnLongLines: on a file of one long line with non-ASCII text
// before and among the values (minified JSON, YAML flow style), every
// value's column counts characters exactly as a fresh count from the start
// of its line does, whichever order positions are asked for in.
func TestPositionsOnLongLines(t *testing.T) {
	for _, format := range []descriptor.Format{descriptor.JSON, descriptor.YAML} {
		data := longLineDoc(20<<10, format, true)
		d, err := descriptor.Parse(data, format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		text := string(data)
		checked := 0
		for ptr, pos := range d.Pointers() {
			if pos.Line != 1 {
				t.Fatalf("%s %s: line %d on a one-line file", format, ptr, pos.Line)
			}
			if !strings.HasSuffix(ptr, "/source") {
				continue
			}
			// The value's characters before it, counted afresh: find the
			// byte offset whose rune count is the column, and the value
			// must start there.
			off, runes := 0, 1
			for runes < pos.Column && off < len(text) {
				_, size := utf8.DecodeRuneInString(text[off:])
				off += size
				runes++
			}
			if !strings.HasPrefix(text[off:], `"Survey `) {
				t.Errorf("%s %s: column %d is at %.20q, not at the value", format, ptr, pos.Column, text[off:])
			}
			checked++
		}
		if checked < 100 {
			t.Errorf("%s: only %d values checked", format, checked)
		}
	}
}
