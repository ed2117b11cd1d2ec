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
	"fmt"
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
)

// Register adds Chinese texts, keyed by their English format strings. A
// package calls it from an init function with its own table.
func Register(texts map[string]string) {
	mu.Lock()
	defer mu.Unlock()
	for en, t := range texts {
		zh[en] = t
		_ = builder.SetString(Chinese, en, t)
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
	p := printer
	mu.RUnlock()
	return p.Sprintf(format, plainNumbers(args)...)
}

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
