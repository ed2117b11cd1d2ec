// Package safetext makes text that comes from outside — a launch file, an
// API answer, the catalog cache — safe to print on a terminal. Control
// characters would move the cursor or start escape sequences
// (`evil-\e[31mred`); invisible and direction characters (U+200B, U+200F,
// U+202E, …) make a value look like another (`sg-1\u202Eabc` reads
// "sg-1cba"). Escape shows them as \x1b or \u202e instead.
package safetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
)

// invisibleLetters are letters that print as nothing, the usual tools of
// look-alike names: Hangul fillers and the combining grapheme joiner.
var invisibleLetters = map[rune]bool{0x115F: true, 0x1160: true, 0x3164: true, 0xFFA0: true, 0x034F: true}

// IsHidden reports whether r cannot be seen or changes how the text
// around it is shown: a control character (Unicode Cc), a format
// character (Cf: zero-width spaces and joiners, direction marks,
// embeddings, overrides and isolates, the BOM, tag characters), a line or
// paragraph separator, or an invisible letter.
func IsHidden(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) ||
		unicode.Is(unicode.Zp, r) || invisibleLetters[r] || r == unicode.ReplacementChar
}

// Hidden returns the first hidden rune in s (IsHidden) and its position
// in runes, counting from 1; ok is false when there is none.
func Hidden(s string) (r rune, pos int, ok bool) {
	n := 0
	for _, c := range s {
		n++
		if IsHidden(c) {
			return c, n, true
		}
	}
	return 0, 0, false
}

// Name is how a hidden rune is written: \x1b below U+0080, \u202e up to
// U+FFFF, \U000e0041 above.
func Name(r rune) string {
	switch {
	case r < 0x80:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xFFFF:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// Escape returns s with every hidden rune written by its Name, tab and
// line breaks included: the result is one line that looks like what it
// is. Text without hidden runes is returned unchanged.
func Escape(s string) string {
	if strings.IndexFunc(s, IsHidden) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsHidden(r) {
			b.WriteString(Name(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EscapeLines is Escape for text of several lines: tabs and line breaks
// are kept, everything else hidden is escaped.
func EscapeLines(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return IsHidden(r) && r != '\n' && r != '\t' }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsHidden(r) && r != '\n' && r != '\t' {
			b.WriteString(Name(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EscapeJSON rewrites the hidden runes that encoding/json leaves as they
// are (format characters, U+2028 and U+2029 are escaped only with
// SetEscapeHTML; direction marks never) as \u escapes. The JSON keeps its
// meaning, since inside a JSON string \u202e is U+202E, but printed on a
// terminal it no longer reverses the line. Outside strings JSON holds none
// of these runes.
func EscapeJSON(s string) string {
	if strings.IndexFunc(s, IsHidden) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r' || !IsHidden(r):
			b.WriteRune(r) // JSON's own whitespace, or visible
		case r > 0xFFFF:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}
