package request

import (
	"sort"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Where ${NAME} references may stand (issue 17 item 3). A reference pulls
// an environment variable into the request when a call is made, and every
// value of a request is shown somewhere (the confirmation, a finding, a
// DryRun answer, a tag in the console). So references are allowed only
// where a value is expected to come from outside the file:
//
//   - Password, which is never shown (and should never be written);
//   - UserData, which often carries a bootstrap secret and is never shown;
//   - the parameters the file lists under ask:, which its author meant to
//     be filled in at launch time.
//
// A credential variable (ALIBABA_CLOUD_*, …) is never read at all, and a
// variable holding a secret (Password's, or one named like a secret) may
// not also stand in a parameter that is shown.

// referenceFields are the parameters that take a reference in any file.
var referenceFields = map[string]bool{"Password": true, "UserData": true}

// credentialPrefixes and credentialWords mark the variables that hold
// cloud credentials: the Alibaba Cloud SDK's and CLI's own, and the usual
// ones of other clouds and CI systems that may sit in the same shell.
var (
	credentialPrefixes = []string{"ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_", "ALIYUN_", "AWS_", "AZURE_", "GOOGLE_", "GCP_", "GITHUB_", "GITLAB_"}
	credentialWords    = []string{"ACCESS_KEY", "ACCESSKEY", "SECRET_KEY", "SECRETKEY", "SECURITY_TOKEN", "STS_TOKEN",
		"SESSION_TOKEN", "PRIVATE_KEY", "CREDENTIAL", "API_KEY", "APIKEY"}
	// secretWords mark a variable that holds a secret of some kind: it may
	// stand in Password or UserData, nowhere that is shown.
	secretWords = []string{"PASSWORD", "PASSWD", "SECRET", "TOKEN", "PRIVATE", "CREDENTIAL"}
)

// CredentialVariable reports whether an environment variable holds cloud
// credentials (ALIBABA_CLOUD_ACCESS_KEY_SECRET, AWS_SECRET_ACCESS_KEY, …).
// Such a variable is never resolved into a request, whatever the field.
func CredentialVariable(name string) bool {
	n := strings.ToUpper(name)
	for _, p := range credentialPrefixes {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return containsAny(n, credentialWords)
}

// SecretVariable reports whether a variable's name marks it as holding a
// secret (ECS_PASSWORD, DB_SECRET, BOOT_TOKEN, …), or it is a credential.
func SecretVariable(name string) bool {
	return CredentialVariable(name) || containsAny(strings.ToUpper(name), secretWords)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ReferenceAllowed reports whether parameter key may hold a ${NAME}
// reference in a file whose ask: lists ask (patterns or prefixes:
// "InstanceName", "Tag", "DataDisk.N.Size").
func ReferenceAllowed(key string, ask []string) bool {
	p := PatternOf(key)
	if referenceFields[p] || IsSecret(key) {
		return true
	}
	for _, a := range ask {
		ap := PatternOf(a)
		if p == ap || strings.HasPrefix(p, ap+".") {
			return true
		}
	}
	return false
}

// holdsSecrets reports whether key's value is a secret once resolved, so
// the variables it names may not appear where values are shown.
func holdsSecrets(key string) bool { return referenceFields[PatternOf(key)] || IsSecret(key) }

// ReferenceError is a ${NAME} reference a request may not hold.
type ReferenceError struct {
	// Parameter is the flat name holding the reference; Name the variable.
	Parameter, Name string
	// Rule says which rule it breaks and what to do instead, after the
	// reference (", a credential variable, …"), in the language current
	// when it is shown.
	Rule i18n.Message
}

// Error names the parameter, the reference and the rule. It never puts
// "Password:" before a value, which redaction would take for one.
func (e *ReferenceError) Error() string {
	return i18n.T("%s refers to ${%s}%s", e.Parameter, e.Name, e.Rule)
}

// Rules a reference can break, as ReferenceError.Rule says them.
var (
	ruleCredential = i18n.M(", a credential variable, which ecslaunch never reads into a request " +
		"(it would be sent to ECS and shown): give the value itself")
	ruleSecretShown = i18n.M(", which holds a secret (it is the Password's or UserData's variable, or is named like one) " +
		"and may stand only in Password or UserData, whose values are never shown")
)

func ruleNotAllowed(key string) i18n.Message {
	return i18n.M(", but a ${NAME} reference may stand only in Password, UserData or a parameter the launch file lists "+
		"under ask: (add %s to ask:, or write the value)", PatternOf(key))
}

// CheckReferences lists every reference the request may not hold, in
// parameter order: credential variables anywhere, references outside
// Password, UserData and the ask: parameters, and secret variables in a
// parameter that is shown.
func (r *Request) CheckReferences(ask []string) []*ReferenceError {
	secretVars := map[string]bool{}
	for _, k := range r.Keys() {
		if holdsSecrets(k) {
			for _, n := range referenceNames(r.m[k]) {
				secretVars[n] = true
			}
		}
	}
	var out []*ReferenceError
	for _, k := range r.Keys() {
		for _, n := range referenceNames(r.m[k]) {
			switch {
			case CredentialVariable(n):
				out = append(out, &ReferenceError{Parameter: k, Name: n, Rule: ruleCredential})
			case !ReferenceAllowed(k, ask):
				out = append(out, &ReferenceError{Parameter: k, Name: n, Rule: ruleNotAllowed(k)})
			case !holdsSecrets(k) && (secretVars[n] || SecretVariable(n)):
				out = append(out, &ReferenceError{Parameter: k, Name: n, Rule: ruleSecretShown})
			}
		}
	}
	return out
}

// referenceNames lists the environment variables a value refers to, in
// order, without ECS's own ${instance_id}.
func referenceNames(v string) []string {
	if !strings.Contains(v, "${") {
		return nil
	}
	var out []string
	for _, m := range refPattern.FindAllStringSubmatch(v, -1) {
		if !ecsPlaceholders[m[1]] {
			out = append(out, m[1])
		}
	}
	return out
}

// Sensitive lists the values that must be masked wherever text is shown
// once r is resolved with lookup: the value of every secret parameter
// (Password, literal or resolved) and of UserData, and of every variable
// named like a secret. Credential variables are not looked up. The caller
// registers them for redaction (cloud.RegisterSecret) before any check
// prints a value.
func (r *Request) Sensitive(lookup func(string) (string, bool)) []string {
	set := map[string]bool{}
	for _, k := range r.Keys() {
		v := r.m[k]
		names := referenceNames(v)
		if holdsSecrets(k) {
			if len(names) == 0 {
				set[v] = true
			} else if resolved, ok := r.resolveValue(v, lookup); ok {
				set[resolved] = true
			}
		}
		for _, n := range names {
			if CredentialVariable(n) || !(holdsSecrets(k) || SecretVariable(n)) {
				continue
			}
			if val, ok := lookup(n); ok && val != "" {
				set[val] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for v := range set {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// resolveValue resolves one value's references; ok is false when one is
// missing or a credential.
func (r *Request) resolveValue(v string, lookup func(string) (string, bool)) (string, bool) {
	ok := true
	out := refPattern.ReplaceAllStringFunc(v, func(ref string) string {
		name := refPattern.FindStringSubmatch(ref)[1]
		if ecsPlaceholders[name] {
			return ref
		}
		if CredentialVariable(name) {
			ok = false
			return ""
		}
		val, found := lookup(name)
		ok = ok && found
		return val
	})
	return out, ok
}
