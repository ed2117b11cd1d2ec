package request

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Param is one flat API parameter: Name is the wire name with its indexes
// ("DataDisk.2.Size"), Value its text.
type Param struct {
	Name  string
	Value string
}

// String renders the parameter as Name=Value, masking secrets.
func (p Param) String() string {
	return p.Name + "=" + Display(p.Name, p.Value)
}

// Request is a RunInstances request as a set of flat API parameters.
// The zero value is not usable; call New.
type Request struct {
	m map[string]string
}

// New returns an empty request.
func New() *Request { return &Request{m: map[string]string{}} }

// FromParams builds a request from flat parameters; an unknown name is an
// error that names it and suggests the closest valid one.
func FromParams(ps []Param) (*Request, error) {
	r := New()
	for _, p := range ps {
		if err := r.Set(p.Name, p.Value); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// UnknownParameterError reports a parameter name RunInstances does not have.
type UnknownParameterError struct {
	Name       string
	Suggestion string
}

// Error names the parameter and the closest valid one.
func (e *UnknownParameterError) Error() string {
	if e.Suggestion != "" {
		return i18n.T("unknown RunInstances parameter %q (did you mean %s?)", e.Name, e.Suggestion)
	}
	return i18n.T("unknown RunInstances parameter %q", e.Name)
}

// CheckName reports whether key is a valid flat parameter name.
func CheckName(key string) error {
	if _, ok := byPattern[PatternOf(key)]; ok {
		return nil
	}
	return &UnknownParameterError{Name: key, Suggestion: SuggestName(key)}
}

// MaxValueLen bounds one parameter's value. The longest documented value
// is UserData (32 KB before Base64, about 43 KB after, docs/rules.md T2-20);
// the cap sits above it so the documented rule still reports that limit,
// and keeps a runaway value (a 50 MB InstanceName) from every check.
const MaxValueLen = 64 << 10

// ValueTooLongError reports a value over MaxValueLen.
type ValueTooLongError struct {
	Name string
	Len  int
}

// Error names the parameter, its length and the limit.
func (e *ValueTooLongError) Error() string {
	return i18n.T("%s: the value is %d bytes; a parameter value may be at most %d bytes (64 KiB)", e.Name, e.Len, MaxValueLen)
}

// Set stores a parameter; an empty value removes it, as the SDK never sends
// empty strings. A value over MaxValueLen is refused.
func (r *Request) Set(key, value string) error {
	if err := CheckName(key); err != nil {
		return err
	}
	if len(value) > MaxValueLen {
		return &ValueTooLongError{Name: key, Len: len(value)}
	}
	if value == "" {
		delete(r.m, key)
		return nil
	}
	r.m[key] = value
	return nil
}

// Get returns a parameter's value, or "" when it is not set.
func (r *Request) Get(key string) string { return r.m[key] }

// Has reports whether a parameter is set.
func (r *Request) Has(key string) bool { _, ok := r.m[key]; return ok }

// Delete removes a parameter.
func (r *Request) Delete(key string) { delete(r.m, key) }

// Len is the number of parameters set.
func (r *Request) Len() int { return len(r.m) }

// Clone returns an independent copy.
func (r *Request) Clone() *Request {
	c := &Request{m: make(map[string]string, len(r.m))}
	for k, v := range r.m {
		c.m[k] = v
	}
	return c
}

// Equal reports whether two requests carry the same parameters.
func (r *Request) Equal(o *Request) bool {
	if len(r.m) != len(o.m) {
		return false
	}
	for k, v := range r.m {
		if ov, ok := o.m[k]; !ok || ov != v {
			return false
		}
	}
	return true
}

// Keys returns the names of the parameters set, in the API reference's order.
func (r *Request) Keys() []string {
	keys := make([]string, 0, len(r.m))
	for k := range r.m {
		keys = append(keys, k)
	}
	sortKeys(keys)
	return keys
}

// Params returns the parameters in the API reference's order, list items by
// index. Secrets are included as they are: use Display to show one.
func (r *Request) Params() []Param {
	keys := r.Keys()
	ps := make([]Param, len(keys))
	for i, k := range keys {
		ps[i] = Param{Name: k, Value: r.m[k]}
	}
	return ps
}

// Count returns the number of items of a repeat list ("DataDisk", "Tag",
// "SecurityGroupIds", "NetworkInterface.1.SecurityGroupIds"): the highest
// index in use.
func (r *Request) Count(list string) int {
	max := 0
	pre := list + "."
	for k := range r.m {
		if !strings.HasPrefix(k, pre) {
			continue
		}
		rest := k[len(pre):]
		if i := strings.IndexByte(rest, '.'); i >= 0 {
			rest = rest[:i]
		}
		if n, err := strconv.Atoi(rest); err == nil && n > max {
			max = n
		}
	}
	return max
}

// Strings returns a repeat list of scalars ("SecurityGroupIds") in index order.
func (r *Request) Strings(list string) []string {
	n := r.Count(list)
	out := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		if v, ok := r.m[fmt.Sprintf("%s.%d", list, i)]; ok {
			out = append(out, v)
		}
	}
	return out
}

// SetStrings replaces a repeat list of scalars.
func (r *Request) SetStrings(list string, vals []string) error {
	r.DeleteList(list)
	for i, v := range vals {
		if err := r.Set(fmt.Sprintf("%s.%d", list, i+1), v); err != nil {
			return err
		}
	}
	return nil
}

// Item returns the fields of item i (1-based) of a repeat list of structs,
// keyed by field name ("Size", "Category").
func (r *Request) Item(list string, i int) map[string]string {
	pre := fmt.Sprintf("%s.%d.", list, i)
	out := map[string]string{}
	for k, v := range r.m {
		if strings.HasPrefix(k, pre) {
			out[k[len(pre):]] = v
		}
	}
	return out
}

// DeleteList removes every item of a repeat list.
func (r *Request) DeleteList(list string) {
	pre := list + "."
	for k := range r.m {
		if strings.HasPrefix(k, pre) {
			delete(r.m, k)
		}
	}
}

// RemoveItem deletes item i (1-based) of a repeat list and renumbers the
// items after it, so the list stays contiguous as the API expects.
func (r *Request) RemoveItem(list string, i int) {
	n := r.Count(list)
	items := make([]map[string]string, 0, n)
	for j := 1; j <= n; j++ {
		if j != i {
			items = append(items, r.rawItem(list, j))
		}
	}
	r.DeleteList(list)
	for j, it := range items {
		for suffix, v := range it {
			r.m[fmt.Sprintf("%s.%d%s", list, j+1, suffix)] = v
		}
	}
}

// rawItem returns item i keyed by its suffix after the index ("" for a
// scalar item, ".Size" for a field).
func (r *Request) rawItem(list string, i int) map[string]string {
	key := fmt.Sprintf("%s.%d", list, i)
	out := map[string]string{}
	for k, v := range r.m {
		if k == key || strings.HasPrefix(k, key+".") {
			out[k[len(key):]] = v
		}
	}
	return out
}

// Compact renumbers every repeat list so that its indexes run 1..n with no
// gaps (a launch file written by hand may skip one).
func (r *Request) Compact() {
	lists := map[string]bool{}
	for k := range r.m {
		segs := strings.Split(k, ".")
		if len(segs) > 1 && isIndex(segs[1]) {
			lists[segs[0]] = true
		}
	}
	names := make([]string, 0, len(lists))
	for l := range lists {
		names = append(names, l)
	}
	sort.Strings(names)
	for _, l := range names {
		n := r.Count(l)
		items := []map[string]string{}
		for j := 1; j <= n; j++ {
			if it := r.rawItem(l, j); len(it) > 0 {
				items = append(items, it)
			}
		}
		r.DeleteList(l)
		for j, it := range items {
			for suffix, v := range it {
				r.m[fmt.Sprintf("%s.%d%s", l, j+1, suffix)] = v
			}
		}
	}
}

// IsSecret reports whether a parameter's value must never be shown or
// written (Password).
func IsSecret(key string) bool {
	s, ok := byPattern[PatternOf(key)]
	return ok && s.Secret
}

// Display returns the value as it may be shown: secrets are masked unless
// they are environment references, which carry no secret.
func Display(key, value string) string {
	if IsSecret(key) && !IsReference(value) {
		return Mask
	}
	return value
}

// Mask is what a secret value is shown as.
const Mask = "********"
