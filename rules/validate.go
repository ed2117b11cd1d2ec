package rules

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// typeCodes gives the error code of a type violation for the parameters
// whose rows document one; others answer InvalidParameter.
var typeCodes = map[string][2]string{
	"SystemDisk.Size":         {"T1-35", "InvalidSystemDiskSize.ValueNotSupported"},
	"DataDisk.N.Size":         {"T1-42", "InvalidDataDiskSize.ValueNotSupported"},
	"DataDisk.N.Encrypted":    {"T1-46", "InvalidParameter.EncryptedIllegal"},
	"InternetMaxBandwidthIn":  {"T1-16", "InvalidInternetMaxBandwidthIn.Malformed"},
	"InternetMaxBandwidthOut": {"T1-17", "InvalidInternetMaxBandwidthOut.Malformed"},
	"Amount":                  {"T1-60", "InvalidParam.Amount"},
	"MinAmount":               {"T1-61", "InvalidMinAmount.Malformed"},
	"SpotPriceLimit":          {"T1-63", "InvalidSpotPriceLimit"},
	"Period":                  {"T1-81", "InvalidPeriod"},
	"AutoRenewPeriod":         {"T1-84", "InvalidAutoRenewPeriod.ValueNotSupported"},
}

// typeRule checks the syntax of an Integer, Boolean or Float parameter
// (request.Specs types).
func typeRule(s request.Spec) Rule {
	row, code := "", "InvalidParameter"
	if rc, ok := typeCodes[s.Pattern]; ok {
		row, code = rc[0], rc[1]
	}
	r := base(row, s.Pattern, code)
	r.ID, r.Kind = "type:"+s.Pattern, KindType
	switch s.Type {
	case request.Integer:
		r.Text, r.Allowed = i18n.M("is not an integer"), i18n.M("an integer")
		r.test = func(e *env) (bool, string) { _, ok := atoi(e.val); return !ok, "" }
	case request.Boolean:
		r.Text, r.Allowed = i18n.M("is not a boolean"), i18n.Raw("true | false")
		r.test = func(e *env) (bool, string) {
			return !strings.EqualFold(e.val, "true") && !strings.EqualFold(e.val, "false"), ""
		}
	case request.Float:
		r.Text, r.Allowed = i18n.M("is not a number"), i18n.M("a decimal number")
		r.test = func(e *env) (bool, string) {
			f, err := strconv.ParseFloat(e.val, 64)
			return err != nil || math.IsNaN(f) || math.IsInf(f, 0), ""
		}
	}
	return r
}

// ruleRef is one rule to run when a parameter of some pattern changes.
type ruleRef struct {
	r    *Rule
	mode refMode
}

// refMode says how a rule's target key follows from the changed key.
type refMode int

const (
	refSelf  refMode = iota // the rule names the changed parameter
	refItem                 // the rule names the changed parameter's list item
	refCross                // the rule reads the changed parameter
)

var (
	all       []Rule
	byPattern map[string][]ruleRef // pattern → rules to run, in table order
	related   map[string][]string  // pattern → patterns to re-check
)

func init() {
	for _, s := range request.Specs() {
		if s.Type != request.String {
			all = append(all, typeRule(s))
		}
	}
	all = append(all, table()...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Phase < all[j].Phase })
	byPattern = map[string][]ruleRef{}
	related = map[string][]string{}
	for i := range all {
		r := &all[i]
		r.position = i
		index(r)
	}
}

// index registers r under the patterns whose change must re-run it.
func index(r *Rule) {
	mode := refSelf
	if r.item {
		mode = refItem
		for _, s := range request.Specs() {
			if strings.HasPrefix(s.Pattern, r.Pattern+".") {
				byPattern[s.Pattern] = append(byPattern[s.Pattern], ruleRef{r, mode})
			}
		}
	} else {
		byPattern[r.Pattern] = append(byPattern[r.Pattern], ruleRef{r, mode})
	}
	for _, read := range expand(r.Reads) {
		if read != r.Pattern {
			byPattern[read] = append(byPattern[read], ruleRef{r, refCross})
			related[read] = addOnce(related[read], r.Pattern)
		} else {
			related[read] = addOnce(related[read], read) // siblings (Tag.N.Key duplicates)
		}
	}
}

// expand turns read prefixes ("NetworkInterface.N.") into the patterns
// under them.
func expand(reads []string) []string {
	var out []string
	for _, rd := range reads {
		if !strings.HasSuffix(rd, ".") {
			out = append(out, rd)
			continue
		}
		for _, s := range request.Specs() {
			if strings.HasPrefix(s.Pattern, rd) {
				out = append(out, s.Pattern)
			}
		}
	}
	return out
}

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Rules returns every rule in the order Validate runs them.
func Rules() []Rule { return slices.Clone(all) }

// RulesFor returns the rules that name a key's parameter or its list item
// ("DataDisk.2.Size" → the DataDisk.N.Size rules and the DataDisk.N count
// rule), e.g. for a form to show a field's allowed values (Rule.Enum,
// Rule.Min, Rule.Max).
func RulesFor(key string) []Rule {
	var out []Rule
	for _, ref := range byPattern[request.PatternOf(key)] {
		if ref.mode != refCross {
			out = append(out, *ref.r)
		}
	}
	return out
}

// HasErrors reports whether any finding is an error (not a warning).
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Validate checks a request offline against every rule: required
// parameters, then each parameter's format in table order, then the
// cross-field rules (docs/rules.md's suggested order, so answers are
// deterministic). A finding per parameter and code is reported once.
func Validate(req *request.Request, c Context) []Finding {
	return validate(req, c, nil)
}

// validate runs the rules keep selects (all when nil).
func validate(req *request.Request, c Context, keep func(*Rule) bool) []Finding {
	keys := req.Keys()
	byPat := map[string][]string{}
	items := map[string][]string{}
	for _, k := range keys {
		p := request.PatternOf(k)
		byPat[p] = append(byPat[p], k)
		for _, ip := range itemPrefixes(k) {
			items[request.PatternOf(ip)] = addOnce(items[request.PatternOf(ip)], ip)
		}
	}
	var out findings
	for i := range all {
		r := &all[i]
		if keep != nil && !keep(r) {
			continue
		}
		switch {
		case r.item:
			for _, k := range items[r.Pattern] {
				out.run(r, req, k, &c)
			}
		case strings.Contains(r.Pattern, ".N"):
			for _, k := range byPat[r.Pattern] {
				out.run(r, req, k, &c)
			}
		default:
			out.run(r, req, r.Pattern, &c)
		}
	}
	return out.list
}

// itemPrefixes lists the list-item keys a key belongs to
// ("NetworkInterface.1.SecurityGroupIds.2" → "NetworkInterface.1").
func itemPrefixes(k string) []string {
	var out []string
	for i := 0; i < len(k); i++ {
		if k[i] != '.' {
			continue
		}
		j := strings.IndexByte(k[i+1:], '.')
		if j < 0 {
			break
		}
		if isIndex(k[i+1 : i+1+j]) {
			out = append(out, k[:i+1+j])
		}
	}
	return out
}

// findings collects findings, once per parameter and code (an error
// replaces a warning of the same code). Its env is reused for every rule
// so a check allocates it once.
type findings struct {
	list []Finding
	e    env
}

func (f *findings) run(r *Rule, req *request.Request, key string, c *Context) {
	v := req.Get(key)
	f.e = env{req: req, c: c, key: key, val: v, has: v != "" || r.item}
	fd, bad := r.eval(&f.e)
	if !bad {
		return
	}
	for i, x := range f.list {
		if x.Parameter == fd.Parameter && x.Code == fd.Code {
			if x.Severity == Warning && fd.Severity == Error {
				f.list[i] = fd // the error says more than the warning
			}
			return
		}
	}
	f.list = append(f.list, fd)
}

// CheckParam runs every rule that concerns one flat key: its own rules,
// its list item's rules and the cross-field rules that read it (reported on
// the parameter they name, e.g. Period when InstanceChargeType changes).
// The wizard calls it on every keystroke, so it allocates little.
func CheckParam(req *request.Request, key string, c Context) []Finding {
	refs := byPattern[request.PatternOf(key)]
	if len(refs) == 0 {
		return nil
	}
	var out findings
	for _, ref := range refs {
		r := ref.r
		switch {
		case ref.mode == refSelf:
			out.run(r, req, key, &c)
		case ref.mode == refItem:
			if ik, ok := itemKey(key, r.Pattern); ok {
				out.run(r, req, ik, &c)
			}
		default:
			crossTargets(r, req, key, func(t string) { out.run(r, req, t, &c) })
		}
	}
	return out.list
}

// itemKey cuts key to the list item an item pattern names
// ("DataDisk.3.Size", "DataDisk.N" → "DataDisk.3").
func itemKey(key, itemPattern string) (string, bool) {
	segs := strings.Count(itemPattern, ".") + 1
	n := 0
	for i := 0; i < len(key); i++ {
		if key[i] == '.' {
			n++
			if n == segs {
				return key[:i], true
			}
		}
	}
	return "", false
}

// crossTargets calls f with each key a cross-field rule must be run on
// after key changed: the rule's parameter with key's indexes, or every item
// of its list when key is not in that list.
func crossTargets(r *Rule, req *request.Request, key string, f func(string)) {
	if !strings.Contains(r.Pattern, ".N") {
		f(r.Pattern)
		return
	}
	if t, ok := fill(r.Pattern, key); ok {
		f(t)
		return
	}
	list, rest, _ := strings.Cut(r.Pattern, ".N")
	if strings.Contains(rest, ".N") {
		return // nested lists: re-checked through Related
	}
	for i := 1; i <= req.Count(list); i++ {
		f(list + "." + strconv.Itoa(i) + rest)
	}
}

// Related returns the parameters whose findings may change when key
// changes: those named by cross-field rules that read key (CheckParam(key)
// already re-runs those rules; Related tells a form which other fields'
// shown findings are stale). Indexes are filled in from key where they share
// its list; a pattern with N stands for every item (Tag.N.Key for the
// duplicate-key rule).
func Related(key string) []string {
	pats := related[request.PatternOf(key)]
	out := make([]string, 0, len(pats))
	for _, p := range pats {
		if k, ok := fill(p, key); ok && k != key {
			out = append(out, k)
		} else if !ok || p == request.PatternOf(key) {
			out = append(out, p)
		}
	}
	return out
}
