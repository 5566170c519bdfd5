package compute

import (
	"strconv"
	"unicode"
)

// MaxQuoted is the most characters of a user's value that a message
// repeats.
const MaxQuoted = 80

// QuoteValue returns s as a message shows it: as typed when it is short
// and printable, otherwise quoted (control characters escaped, so that a
// message stays one line) and cut to MaxQuoted characters with "…".
func QuoteValue(s string) string {
	r := []rune(s)
	if len(r) > MaxQuoted {
		return strconv.Quote(string(r[:MaxQuoted])) + "…"
	}
	for _, c := range r {
		if !unicode.IsPrint(c) {
			return strconv.Quote(s)
		}
	}
	return s
}

// QuoteString returns s always quoted, cut as QuoteValue cuts it.
func QuoteString(s string) string {
	r := []rune(s)
	if len(r) > MaxQuoted {
		return strconv.Quote(string(r[:MaxQuoted])) + "…"
	}
	return strconv.Quote(s)
}
