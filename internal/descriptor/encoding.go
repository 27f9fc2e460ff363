package descriptor

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkEncoding makes sure data is non-empty UTF-8 text and returns it with
// any UTF-8 byte order mark removed (editors on Windows add one; it carries
// no meaning). Everything else is refused here, with a position, so the
// parsers only ever see clean text.
func checkEncoding(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0x00, 0x00, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return nil, &SyntaxError{Position{1, 1}, "file is UTF-32 encoded; save it as UTF-8"}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return nil, &SyntaxError{Position{1, 1}, "file is UTF-16 encoded; save it as UTF-8"}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &SyntaxError{Position{1, 1}, "file is empty; a descriptor needs at least the required fields (run `cgcheck init` for a template)"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		msg := "file contains a NUL byte; descriptors are UTF-8 text"
		if len(data) > 1 && (data[0] == 0 || data[1] == 0) {
			msg = "file looks UTF-16 encoded (NUL bytes between characters); save it as UTF-8"
		}
		return nil, &SyntaxError{newLineIndex(data).position(i), msg}
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		return nil, &SyntaxError{newLineIndex(data).position(i),
			fmt.Sprintf("invalid UTF-8 (byte 0x%02X); save the file as UTF-8", data[i])}
	}
	return data, nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lineIndex turns byte offsets into 1-based line and column positions.
// Columns count characters, so a column is worked out from the bytes before
// it; on a minified file of one long line, doing that afresh for every
// value made parsing quadratic (1.6 MB took two minutes). So each line's
// first non-ASCII byte is indexed once (before it, a column is a byte count),
// each line's length in characters is counted at most once, and offsets met
// in order count only the characters since the last one.
type lineIndex struct {
	data  []byte
	start []int // byte offset where each line starts
	wide  []int // per line: offset of its first non-ASCII byte, or -1
	runes map[int]int

	// The last offset answered, and its position.
	lastOff, lastLine, lastCol int
}

// newLineIndex breaks lines at LF, CRLF and a lone CR, as YAML and editors
// do, so a file saved with old Mac line ends gets the lines it shows.
// PositionAt is the 1-based line and column (in characters) of a byte
// offset in data, as the positions of findings count them; an offset
// outside data is taken as its nearest end.
func PositionAt(data []byte, offset int) Position { return newLineIndex(data).position(offset) }

func newLineIndex(data []byte) *lineIndex {
	idx := &lineIndex{data: data, start: []int{0}, wide: []int{-1}, lastLine: -1}
	for i, b := range data {
		if b >= utf8.RuneSelf && idx.wide[len(idx.wide)-1] < 0 {
			idx.wide[len(idx.wide)-1] = i
		}
		if b == '\n' || b == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			idx.start = append(idx.start, i+1)
			idx.wide = append(idx.wide, -1)
		}
	}
	return idx
}

// asciiBefore reports whether the bytes of line (0-based) before offset off
// are all ASCII.
func (idx *lineIndex) asciiBefore(line, off int) bool {
	return idx.wide[line] < 0 || off <= idx.wide[line]
}

// lineRunes is the number of characters of line (0-based) from from to to,
// counted once.
func (idx *lineIndex) lineRunes(line, from, to int) int {
	if n, ok := idx.runes[line]; ok {
		return n
	}
	if idx.runes == nil {
		idx.runes = map[int]int{}
	}
	n := utf8.RuneCount(idx.data[from:to])
	idx.runes[line] = n
	return n
}

// clamp moves p, a position reported by a parser, inside the input: onto
// its last line when p is below it, and no further right than just past the
// end of its line.
func (idx *lineIndex) clamp(p Position) Position {
	if p.Line > len(idx.start) {
		return idx.position(len(idx.data))
	}
	from, to := idx.start[p.Line-1], len(idx.data)
	if p.Line < len(idx.start) {
		to = idx.start[p.Line] - 1 // the line break, LF or CR
		if idx.data[to] == '\n' && to > from && idx.data[to-1] == '\r' {
			to--
		}
	}
	// Nearly every position is well inside its line: when the bytes before
	// the column are all ASCII, there are enough characters to reach it.
	if before := p.Column - 1; before <= to-from && idx.asciiBefore(p.Line-1, from+before) {
		return p
	}
	if last := idx.lineRunes(p.Line-1, from, to) + 1; p.Column > last {
		p.Column = last
	}
	return p
}

// position returns the line and column of byte offset off. Columns count
// characters; an offset past the end is clamped to the end of the input.
func (idx *lineIndex) position(off int) Position {
	if off > len(idx.data) {
		off = len(idx.data)
	}
	if off < 0 {
		off = 0
	}
	lo, hi := 0, len(idx.start)-1
	for lo < hi { // last line start <= off
		mid := (lo + hi + 1) / 2
		if idx.start[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start := idx.start[lo]
	var col int
	switch {
	case idx.asciiBefore(lo, off):
		col = off - start + 1
	case lo == idx.lastLine && off >= idx.lastOff:
		col = idx.lastCol + utf8.RuneCount(idx.data[idx.lastOff:off])
	default:
		col = utf8.RuneCount(idx.data[start:off]) + 1
	}
	idx.lastOff, idx.lastLine, idx.lastCol = off, lo, col
	return Position{Line: lo + 1, Column: col}
}
