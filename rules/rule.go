package rules

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// Context carries what the offline rules need to know beyond the request.
// Zero fields mean "unknown": rules that need them check what holds in every
// case and say so.
type Context struct {
	// OSType is the image's OS type, "windows" or "linux"; "" when unknown.
	OSType string
	// ImageSize is the image size in GiB (T1-36); 0 when unknown.
	ImageSize int
	// Now is the time the AutoReleaseTime window (T1-80) is measured from;
	// the zero time means time.Now().
	Now time.Time
	// MaxDataDisks is the instance type's data-disk limit (T1-41); 0 means
	// the documented 16.
	MaxDataDisks int
}

// Kind says what sort of check a rule is.
type Kind int

// The rule kinds: Required fires on an absent parameter; Type checks
// Integer/Boolean/Float syntax; Range, Enum, Pattern and Length check one
// value; Custom covers cross-field and dynamic rules.
const (
	KindRequired Kind = iota
	KindType
	KindRange
	KindEnum
	KindPattern
	KindLength
	KindCustom
)

// String names the kind.
func (k Kind) String() string {
	return [...]string{"required", "type", "range", "enum", "pattern", "length", "custom"}[k]
}

// Phase is when a rule runs in Validate: the order docs/rules.md suggests for a
// deterministic answer (required, then per-parameter format in table order,
// then cross-field).
type Phase int

// The phases, in the order Validate runs them.
const (
	PhaseRequired Phase = iota
	PhaseFormat
	PhaseCross
)

// String names the phase.
func (p Phase) String() string {
	return [...]string{"required", "format", "cross-field"}[p]
}

// Rule is one validation rule as data: where it comes from, which parameter
// it names, what it allows and which API error it maps to.
type Rule struct {
	// ID is unique among the rules ("T1-35.min", "type:Amount").
	ID string
	// Row is the docs/rules.md row the rule implements ("T1-35", "T2-1").
	Row string
	// Also lists further rows the rule covers or adjusts it by.
	Also []string
	// Pattern is the parameter the finding names, with N for list indexes
	// ("DataDisk.N.Size"); an item pattern ("DataDisk.N") names a list item.
	Pattern string
	// Kind is the sort of check; Phase when Validate runs it.
	Kind  Kind
	Phase Phase
	// Code and HTTPStatus are the API error the violation maps to.
	Code       string
	HTTPStatus int
	// Severity is Error, or Warning for advice the API would not reject.
	Severity Severity
	// Min and Max bound a Range (values) or a Length (runes) rule.
	Min, Max int64
	// Enum lists the allowed values of an Enum rule.
	Enum []string
	// Regexp is the source of a Pattern rule's expression; the value must
	// match it, or must not when Negate is set (a forbidden prefix or URL).
	Regexp string
	Negate bool
	// Reads lists the other parameter patterns a cross-field rule reads;
	// a pattern ending in "." stands for every parameter under it.
	Reads []string
	// OS limits the rule to "windows" images, or to "linux" (any image that
	// is not Windows). When the OS is unknown the rule runs with UnknownOS
	// as its severity.
	OS        string
	UnknownOS Severity
	// Text states the rule after the parameter's name ("is out of range");
	// Allowed the allowed values. Both are kept as messages and read in the
	// language current when a finding is made (their String method).
	Text    i18n.Message
	Allowed i18n.Message

	plain    bool           // built by rng, enum or length: the data alone decides
	absent   bool           // runs when the parameter is absent
	item     bool           // Pattern is a list item, not a parameter
	ctxDep   bool           // reads Context (re-run online with catalog facts)
	re       *regexp.Regexp // compiled Regexp
	test     func(e *env) (bad bool, allowed string)
	position int // index in the table, for a stable order
}

// env is what a rule's test sees: the target parameter and the request.
type env struct {
	req *request.Request
	c   *Context
	key string // the flat key the finding names
	val string
	has bool
}

// get returns the value of another parameter, filling the pattern's list
// indexes from the target key ("DataDisk.N.Category" for "DataDisk.2.Size").
func (e *env) get(pattern string) string {
	if !strings.Contains(pattern, ".N") {
		return e.req.Get(pattern)
	}
	k, ok := fill(pattern, e.key)
	if !ok {
		return ""
	}
	return e.req.Get(k)
}

// os returns the image OS: "windows", "linux" or "" when unknown.
func (e *env) os() string {
	switch strings.ToLower(e.c.OSType) {
	case "windows":
		return "windows"
	case "":
		return ""
	}
	return "linux"
}

// now returns the reference time for time windows.
func (e *env) now() time.Time {
	if e.c.Now.IsZero() {
		return time.Now()
	}
	return e.c.Now
}

// fill puts the indexes of key into the N segments of pattern when both
// belong to the same list ("DataDisk.N.Category", "DataDisk.2.Size" →
// "DataDisk.2.Category"); ok is false when an N cannot be filled.
func fill(pattern, key string) (string, bool) {
	var b strings.Builder
	b.Grow(len(pattern) + 4)
	p, k := pattern, key
	same := true // still on the prefix the key shares
	for p != "" {
		ps, prest := cut(p)
		var ks string
		if same && k != "" {
			ks, k = cut(k)
		} else {
			same = false
		}
		switch {
		case ps == "N" && same && isIndex(ks):
			b.WriteString(ks)
		case ps == "N":
			return "", false
		default:
			if ps != ks {
				same = false
			}
			b.WriteString(ps)
		}
		if prest != "" {
			b.WriteByte('.')
		}
		p = prest
	}
	return b.String(), true
}

// cut splits the first dot-separated segment off s.
func cut(s string) (string, string) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// isIndex reports whether s is a list index as the API writes it.
func isIndex(s string) bool {
	if s == "" || len(s) > 4 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// indexOf returns the first list index in key (DataDisk.3.Size → 3), or 0.
func indexOf(key string) int {
	for k := key; k != ""; {
		s, rest := cut(k)
		if isIndex(s) {
			n, _ := strconv.Atoi(s)
			return n
		}
		k = rest
	}
	return 0
}

// atoi parses an integer value; ok is false for anything else.
func atoi(s string) (int64, bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// isTrue reports whether a Boolean parameter is true.
func isTrue(s string) bool { return strings.EqualFold(s, "true") }

// runes counts characters, as the API's lengths do.
func runes(s string) int64 { return int64(utf8.RuneCountInString(s)) }

// unbounded is the Max of a range with no upper bound.
const unbounded = math.MaxInt64

// bounds renders a range for a message, the same in every language; a
// unit goes after it in the message that holds it.
func bounds(lo, hi int64) string {
	switch {
	case hi == unbounded:
		return fmt.Sprintf("≥ %d", lo)
	case lo == hi:
		return strconv.FormatInt(lo, 10)
	}
	return fmt.Sprintf("%d..%d", lo, hi)
}

// shown renders the value seen for a message: secrets masked, long values
// cut.
func shown(key, val string, has bool) string {
	if !has {
		return i18n.Text("nothing (not set)")
	}
	v := request.Display(key, val)
	if utf8.RuneCountInString(v) > 64 {
		r := []rune(v)
		v = string(r[:61]) + "…"
	}
	return strconv.Quote(v)
}

// finding builds the finding of a failed rule, its message in the
// language current now: the parameter, the rule, the allowed values, the
// value seen and the row (the parameter, code and row are the same in
// every language).
func (r *Rule) finding(e *env, allowed string, sev Severity) Finding {
	if allowed == "" {
		allowed = r.Allowed.String()
	}
	text := r.Text.String()
	for _, rd := range r.Reads {
		if k, ok := fill(rd, e.key); ok && k != rd && strings.Contains(text, rd) {
			text = strings.ReplaceAll(text, rd, k)
		}
	}
	msg := e.key + " " + text
	if allowed != "" {
		msg += i18n.T("; allowed: %s", allowed)
	}
	if r.item {
		msg += i18n.T("; got N = %d", indexOf(e.key))
	} else {
		msg += i18n.T("; got %s", shown(e.key, e.val, e.has))
	}
	if r.OS != "" && e.os() == "" {
		if r.OS == "windows" {
			msg += i18n.Text("; the image's OS type is unknown: this applies if it is Windows")
		} else {
			msg += i18n.Text("; the image's OS type is unknown: this holds for Linux and Windows images")
		}
	}
	msg += cite(r.Row)
	return Finding{Parameter: e.key, Severity: sev, Code: r.Code, Message: msg, Row: r.Row, HTTPStatus: r.HTTPStatus}
}

// cite is a message's closing citation of its docs/rules.md row; "" for a
// rule with no row.
func cite(row string) string {
	if row == "" {
		return ""
	}
	return i18n.T(" (docs/rules.md %s)", row)
}

// eval runs the rule on its target; ok is true when a finding results.
func (r *Rule) eval(e *env) (Finding, bool) {
	if !e.has && !r.absent {
		return Finding{}, false
	}
	if e.has && r.Kind != KindRequired && request.IsReference(e.val) && r.ID != "LiteralSecret" {
		// Resolved only when a call is made: nothing to check yet.
		return Finding{}, false
	}
	sev := r.Severity
	if r.OS != "" {
		switch os := e.os(); {
		case os == "":
			sev = r.UnknownOS
		case r.OS != os:
			return Finding{}, false
		}
	}
	bad, allowed := r.test(e)
	if !bad {
		return Finding{}, false
	}
	return r.finding(e, allowed, sev), true
}
