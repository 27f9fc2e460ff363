// Package plainwords writes amounts, staff time and the descriptor's
// enumerated words as a reader who never sees the descriptor format reads
// them: "£1,250,000", "2.5 FTE", "time limited".
package plainwords

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pounds writes an amount to the nearest pound, with thousands separated:
// £1,250,000.
func Pounds(v float64) string {
	whole := strconv.FormatInt(int64(math.Round(v)), 10)
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + "£" + b.String()
}

// FTE writes staff time in full-time equivalents: "2.5 FTE".
func FTE(v float64) string { return Number(v) + " FTE" }

// Number writes a number as briefly as it reads: 42, 42.5.
func Number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Words turns an enumerated value into words: "time_limited" to "time
// limited".
func Words(s string) string { return strings.ReplaceAll(s, "_", " ") }

// Plural picks the word for n.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Capital raises the first letter of a sentence.
func Capital(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
