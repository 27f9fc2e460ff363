package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// safeText makes text from a descriptor (a file name, an id, a message that
// quotes a field, a waiver's justification) safe to show: control
// characters (C0 but tab, DEL, C1) and the Unicode controls that reorder
// text (bidirectional overrides and isolates) are written as escapes
// (\n, \x1b, \u202e). Raw, a newline could forge a summary line, an escape
// sequence could hide the real one on a terminal, and an override could make
// a file name read as another. Formats with escaping of their own (JSON,
// SARIF, XML) keep their own; this is for the text, GitHub, Markdown and
// HTML formats, whose readers see the characters.
func safeText(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == utf8.RuneError:
			b.WriteRune(r)
		case r < 0x20 && r != '\t' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f || isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r) {
			return true
		}
	}
	return false
}

// isBidiControl reports the characters that change the direction text is
// laid out in (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069).
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}
