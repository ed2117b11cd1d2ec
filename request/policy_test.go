package request

import (
	"errors"
	"strings"
	"testing"
)

func reqOf(t *testing.T, kv ...string) *Request {
	t.Helper()
	r := New()
	for i := 0; i+1 < len(kv); i += 2 {
		if err := r.Set(kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// TestReferencesStandOnlyWhereAllowed: Password, UserData and the ask:
// parameters take references; nothing takes a credential variable, and a
// secret's variable stays out of what is shown (issue 17 item 3).
func TestReferencesStandOnlyWhereAllowed(t *testing.T) {
	r := reqOf(t,
		"Password", "${MY_PW}", "UserData", "${BOOT}", "InstanceName", "web-${TEAM}", "Tag.1.Value", "${TEAM}",
		"HostName", "x!${ALIBABA_CLOUD_ACCESS_KEY_SECRET}", "Description", "${NOTE}", "KeyPairName", "${MY_PW}",
		"Tag.1.Key", "${DB_PASSWORD}", "SecurityGroupId", "${AWS_SECRET_ACCESS_KEY}")
	got := map[string]string{}
	for _, e := range r.CheckReferences([]string{"InstanceName", "Tag", "KeyPairName"}) {
		got[e.Parameter] = e.Error()
	}
	want := map[string]string{
		"HostName":        "HostName refers to ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}, a credential variable",
		"Description":     "Description refers to ${NOTE}, but a ${NAME} reference may stand only in Password, UserData or a parameter the launch file lists under ask: (add Description to ask:",
		"KeyPairName":     "KeyPairName refers to ${MY_PW}, which holds a secret",
		"Tag.1.Key":       "Tag.1.Key refers to ${DB_PASSWORD}, which holds a secret",
		"SecurityGroupId": "SecurityGroupId refers to ${AWS_SECRET_ACCESS_KEY}, a credential variable",
	}
	for k, w := range want {
		if !strings.HasPrefix(got[k], w) {
			t.Errorf("%s: got %q, want it to start %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings %v, want only %v", got, want)
	}
	// No ask: only Password and UserData.
	if errs := reqOf(t, "InstanceName", "${TEAM}").CheckReferences(nil); len(errs) != 1 || errs[0].Parameter != "InstanceName" {
		t.Errorf("without ask: %v", errs)
	}
	if errs := reqOf(t, "HostName", "web-${instance_id}").CheckReferences(nil); len(errs) != 0 {
		t.Errorf("ECS's own ${instance_id} is no reference: %v", errs)
	}
}

// TestResolveNeverReadsACredentialVariable: the lookup is not even asked.
func TestResolveNeverReadsACredentialVariable(t *testing.T) {
	r := reqOf(t, "Password", "${ALIBABA_CLOUD_ACCESS_KEY_SECRET}")
	_, err := r.Resolve(func(n string) (string, bool) {
		t.Errorf("looked up %s", n)
		return "LTAIsecret", true
	})
	var re *ReferenceError
	if !errors.As(err, &re) || re.Parameter != "Password" || re.Name != "ALIBABA_CLOUD_ACCESS_KEY_SECRET" {
		t.Fatalf("got %v", err)
	}
	for _, n := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_SECRET_KEY", "AWS_SESSION_TOKEN", "MY_ACCESS_KEY", "GITHUB_TOKEN"} {
		if !CredentialVariable(n) {
			t.Errorf("%s is a credential variable", n)
		}
	}
	for _, n := range []string{"ECS_PASSWORD", "MY_PW", "TEAM", "KEY_PAIR"} {
		if CredentialVariable(n) {
			t.Errorf("%s is not a credential variable", n)
		}
	}
}

// TestSensitiveValuesAreWhatMustBeMasked: the resolved Password (literal
// or not), UserData and secret-named variables; not an ordinary name.
func TestSensitiveValuesAreWhatMustBeMasked(t *testing.T) {
	env := map[string]string{"MY_PW": "Pw-123456!", "BOOT": "IyEvYmluL3No", "TEAM": "webteam", "DB_SECRET": "db-s3cret"}
	lookup := func(n string) (string, bool) { v, ok := env[n]; return v, ok }
	got := reqOf(t, "Password", "${MY_PW}", "UserData", "${BOOT}", "InstanceName", "${TEAM}", "Tag.1.Value", "${DB_SECRET}").Sensitive(lookup)
	if strings.Join(got, ",") != "IyEvYmluL3No,Pw-123456!,db-s3cret" {
		t.Errorf("sensitive %q", got)
	}
	if got := reqOf(t, "Password", "Literal-Pw1").Sensitive(lookup); len(got) != 1 || got[0] != "Literal-Pw1" {
		t.Errorf("a literal password: %q", got)
	}
}
