package request

import (
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// refPattern matches an environment reference such as ${ECS_PASSWORD}.
var refPattern = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// ecsPlaceholders are ${…} forms ECS itself expands, which are not
// environment references: HostName's ${instance_id} (docs/rules.md T2-17).
var ecsPlaceholders = map[string]bool{"instance_id": true}

// IsReference reports whether a value contains an environment reference.
func IsReference(v string) bool {
	if !strings.Contains(v, "${") {
		return false
	}
	for _, m := range refPattern.FindAllStringSubmatch(v, -1) {
		if !ecsPlaceholders[m[1]] {
			return true
		}
	}
	return false
}

// References lists the environment variables a request refers to, sorted.
func (r *Request) References() []string {
	set := map[string]bool{}
	for _, v := range r.m {
		for _, m := range refPattern.FindAllStringSubmatch(v, -1) {
			if !ecsPlaceholders[m[1]] {
				set[m[1]] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// MissingReferenceError names environment variables a request refers to
// that are not set.
type MissingReferenceError struct{ Names []string }

// Error names the variables and how the file refers to them.
func (e *MissingReferenceError) Error() string {
	return i18n.T("environment variable %s is not set (the request refers to it as ${%s}; it is read only when a call is made)",
		strings.Join(e.Names, ", "), e.Names[0])
}

// Resolve returns a copy with every ${NAME} replaced from lookup; this is
// done only when a call is made, so files and exports keep the reference.
// A credential variable (CredentialVariable) is never looked up: the first
// one referred to is a *ReferenceError.
func (r *Request) Resolve(lookup func(string) (string, bool)) (*Request, error) {
	if lookup == nil {
		lookup = os.LookupEnv
	}
	for _, k := range r.Keys() {
		for _, n := range referenceNames(r.m[k]) {
			if CredentialVariable(n) {
				return nil, &ReferenceError{Parameter: k, Name: n, Rule: ruleCredential}
			}
		}
	}
	c := r.Clone()
	var missing []string
	for k, v := range c.m {
		if !IsReference(v) {
			continue
		}
		c.m[k] = refPattern.ReplaceAllStringFunc(v, func(ref string) string {
			name := refPattern.FindStringSubmatch(ref)[1]
			if ecsPlaceholders[name] {
				return ref
			}
			val, ok := lookup(name)
			if !ok {
				missing = append(missing, name)
			}
			return val
		})
		if c.m[k] == "" {
			delete(c.m, k)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, &MissingReferenceError{Names: missing}
	}
	return c, nil
}

// SuggestName returns the valid parameter name closest to a misspelt one,
// keeping its indexes ("DataDisk.1.Sise" → "DataDisk.1.Size"), or "".
func SuggestName(key string) string {
	if len(key) > maxSuggestLen {
		return "" // edit distance is quadratic: no name is this long
	}
	p := PatternOf(key)
	best, bestD := "", 1<<30
	for _, s := range specs {
		d := levenshtein.Distance(strings.ToLower(p), strings.ToLower(s.Pattern), nil)
		if d < bestD {
			best, bestD = s.Pattern, d
		}
	}
	if bestD > len(p)/2+2 {
		return ""
	}
	return fillIndexes(best, key)
}

// maxSuggestLen bounds the names SuggestName and SuggestChild compare; the
// longest parameter name is under 60 characters.
const maxSuggestLen = 128

// SuggestChild returns the allowed name under prefix closest to name.
func SuggestChild(prefix, name string) string {
	if len(name) > maxSuggestLen {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range Children(prefix) {
		if c == "N" {
			continue
		}
		d := levenshtein.Distance(strings.ToLower(name), strings.ToLower(c), nil)
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD > len(name)/2+2 {
		return ""
	}
	return best
}

// fillIndexes puts the indexes of key into the N segments of pattern.
func fillIndexes(pattern, key string) string {
	var idx []string
	for _, s := range strings.Split(key, ".") {
		if isIndex(s) {
			idx = append(idx, s)
		}
	}
	segs := strings.Split(pattern, ".")
	for i, s := range segs {
		if s == "N" && len(idx) > 0 {
			segs[i], idx = idx[0], idx[1:]
		}
	}
	return strings.Join(segs, ".")
}

// ReferenceNames lists the environment variables one value refers to, in
// order (ECS's own ${instance_id} is not one).
func ReferenceNames(v string) []string {
	var out []string
	for _, m := range refPattern.FindAllStringSubmatch(v, -1) {
		if !ecsPlaceholders[m[1]] {
			out = append(out, m[1])
		}
	}
	return out
}
