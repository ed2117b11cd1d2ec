// Package i18n gives ecslaunch its two languages, English and Simplified
// Chinese, through golang.org/x/text's message catalog. A message's key is
// its English format string, written where it is used:
//
//	i18n.T("unknown region %s; did you mean %s?", id, best)
//
// and each package registers its Chinese texts, keyed by the same English
// strings, in a table of its own (zh.go) with Register. API parameter
// names, codes and values are written as the API spells them in both
// languages. A test (internal/i18ncheck) fails when a message used with T
// lacks its Chinese text, when the two differ in their %-verbs, or when a
// Chinese text still reads as an English sentence.
package i18n

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The languages ecslaunch speaks.
var (
	English = language.English
	Chinese = language.SimplifiedChinese
)

var (
	mu      sync.RWMutex
	builder = catalog.NewBuilder(catalog.Fallback(language.English))
	current = language.English
	printer = message.NewPrinter(language.English, message.Catalog(builder))
	zh      = map[string]string{}
	plurals = map[string]bool{} // English messages with plural forms
)

// Register adds Chinese texts, keyed by their English format strings. A
// package calls it from an init function with its own table.
func Register(texts map[string]string) {
	mu.Lock()
	defer mu.Unlock()
	for en, t := range texts {
		zh[en] = t
		// Errorf prints %w as %v: its message is looked up that way.
		_ = builder.SetString(Chinese, asV(en), protect(asV(t)))
	}
	printer = message.NewPrinter(current, message.Catalog(builder))
}

// RegisterPlural gives an English message its singular and plural forms,
// chosen by the argument at position arg (1-based), which must be passed
// as Count: "%d instance(s)" reads "1 instance", "3 instances".
func RegisterPlural(en string, arg int, one, other string) {
	mu.Lock()
	defer mu.Unlock()
	_ = builder.Set(English, en, plural.Selectf(arg, "%d", "=1", one, "other", other))
	plurals[en] = true
	printer = message.NewPrinter(current, message.Catalog(builder))
}

// Set makes tag the language of every later message.
func Set(tag language.Tag) {
	mu.Lock()
	defer mu.Unlock()
	current = tag
	printer = message.NewPrinter(tag, message.Catalog(builder))
}

// Current is the language messages are in.
func Current() language.Tag {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// IsChinese reports whether messages are in Chinese.
func IsChinese() bool { return Current() == Chinese }

// Count marks an argument that decides a plural form (RegisterPlural); it
// prints as a plain number.
type Count int

// T formats a message in the current language. Numbers print as they are
// (an ID, a port or a size must not gain thousands separators) unless
// passed as Count, which also chooses a plural form.
func T(format string, args ...any) string {
	mu.RLock()
	p, english := printer, current == English && !plurals[format]
	mu.RUnlock()
	if english {
		// The format is the English text: fmt prints it, numbers plain,
		// without the catalog's lookup (the rules format a finding's
		// message on every keystroke).
		return fmt.Sprintf(format, counts(args)...)
	}
	return unprotect(p.Sprintf(format, plainNumbers(args)...))
}

// dollar stands for "$" in the catalog's texts: the catalog reads "${…}"
// as its own substitution and has no escape for it, while our texts spell
// ${NAME} references (a launch file's ${ECS_PASSWORD}). A private-use
// character goes in and "$" comes back out.
const dollar = "\uE000"

func protect(s string) string   { return strings.ReplaceAll(s, "$", dollar) }
func unprotect(s string) string { return strings.ReplaceAll(s, dollar, "$") }

// Text is a message with no arguments: a title, a label, a key's help.
func Text(s string) string { return T(s) }

// Has reports whether an English message has a Chinese text.
func Has(en string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := zh[en]
	return ok
}

// Translations lists every registered pair, for the check of the tables.
func Translations() map[string]string {
	mu.RLock()
	defer mu.RUnlock()
	out := make(map[string]string, len(zh))
	for k, v := range zh {
		out[k] = v
	}
	return out
}

// plain prints a number with fmt, not with the catalog's local grouping.
type plain struct{ v any }

// Format prints the number as fmt would.
func (p plain) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), p.v)
}

// counts turns Count arguments into the ints fmt prints.
func counts(args []any) []any {
	for i, a := range args {
		if c, ok := a.(Count); ok {
			out := append([]any(nil), args...)
			out[i] = int(c)
			for j := i + 1; j < len(out); j++ {
				if c, ok := out[j].(Count); ok {
					out[j] = int(c)
				}
			}
			return out
		}
	}
	return args
}

func plainNumbers(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Count:
			out[i] = int(v)
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
			out[i] = plain{v}
		default:
			out[i] = a
		}
	}
	return out
}

// Choose picks the language: --lang, then ECSLAUNCH_LANG, then the aliyun
// CLI's configured language, then LC_ALL, LC_MESSAGES and LANG (zh_* is
// Chinese); English otherwise. It returns the tag and what decided it.
func Choose(flag string, getenv func(string) string, cliLanguage string) (language.Tag, string, error) {
	if flag != "" {
		t, err := parse(flag)
		return t, "--lang", err
	}
	if v := getenv("ECSLAUNCH_LANG"); v != "" {
		t, err := parse(v)
		return t, "ECSLAUNCH_LANG", err
	}
	if cliLanguage != "" {
		if t, err := parse(cliLanguage); err == nil {
			return t, "the aliyun CLI's language", nil
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return Chinese, k, nil
			}
			return English, k, nil // the first one set decides, as for a C program
		}
	}
	return English, "the default", nil
}

// parse reads en|zh and the forms people write (zh_CN.UTF-8, zh-Hans, en_US).
func parse(s string) (language.Tag, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(l, "zh"):
		return Chinese, nil
	case strings.HasPrefix(l, "en"), l == "c", l == "posix":
		return English, nil
	}
	return English, fmt.Errorf("language %q: ecslaunch speaks en (English) and zh (简体中文)", s)
}

// wrapVerb is a %w verb, with its argument index if it has one.
var wrapVerb = regexp.MustCompile(`%(\[\d+\])?w`)

// Errorf is T for an error: its message is in the current language, and
// each argument of a %w verb is wrapped, as fmt.Errorf does, so errors.Is
// and errors.As see through it. The catalog's printer has no %w, so the
// message is printed with %v in its place; the key stays the format as
// written (with %w), the one the Chinese table registers.
func Errorf(format string, args ...any) error {
	mu.RLock()
	p := printer
	mu.RUnlock()
	msg := unprotect(p.Sprintf(asV(format), plainNumbers(args)...))
	var wrapped []error
	for _, i := range wrappedArgs(format) {
		if i < len(args) {
			if e, ok := args[i].(error); ok {
				wrapped = append(wrapped, e)
			}
		}
	}
	switch len(wrapped) {
	case 0:
		return errors.New(msg)
	case 1:
		return &wrapError{msg, wrapped[0]}
	}
	return &wrapErrors{msg, wrapped}
}

// asV is a format with every %w written %v.
func asV(format string) string { return wrapVerb.ReplaceAllString(format, "%${1}v") }

// wrappedArgs lists the 0-based argument indexes of a format's %w verbs,
// counting arguments as fmt does (an explicit %[n] index moves the count).
func wrappedArgs(format string) []int {
	var out []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return out
				}
				if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
					arg = n - 1
				}
				i += end
			case c == '*':
				arg++
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
			default:
				if c == 'w' {
					out = append(out, arg)
				}
				arg++
				goto next
			}
			i++
		}
	next:
	}
	return out
}

// wrapError is Errorf's error with one wrapped cause.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

// wrapErrors is Errorf's error with several wrapped causes.
type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }

// Message is a message kept as data, formatted in the language current
// when String is called. A table built at package init (a rule's text, a
// static label) holds Messages, not strings, so the language chosen at
// start applies to it. An argument that is itself a Message is formatted
// in the same language (through its String method).
type Message struct {
	format string
	args   []any
	raw    bool
}

// M keeps a message to be formatted later; like T's, its first argument is
// the English format string, a literal the check (internal/i18ncheck) reads.
func M(format string, args ...any) Message { return Message{format: format, args: args} }

// Raw is a text that reads the same in every language and is never looked
// up: a range of numbers, a list of API values.
func Raw(s string) Message { return Message{format: s, raw: true} }

// String formats the message in the current language.
func (m Message) String() string {
	if m.raw {
		return m.format
	}
	if m.format == "" {
		return ""
	}
	return T(m.format, m.args...)
}

// IsZero reports whether the message is empty.
func (m Message) IsZero() bool { return m.format == "" }

// Key is the message's English format string (a Raw text itself).
func (m Message) Key() string { return m.format }
