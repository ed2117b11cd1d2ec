package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// webWith is examples/web.yaml with its request lines replaced by repl
// (old, new pairs) and written to a temporary file.
func webWith(t *testing.T, repl ...string) string {
	t.Helper()
	b, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for i := 0; i+1 < len(repl); i += 2 {
		if !strings.Contains(text, repl[i]) {
			t.Fatalf("examples/web.yaml has no %q", repl[i])
		}
		text = strings.Replace(text, repl[i], repl[i+1], 1)
	}
	p := filepath.Join(t.TempDir(), "web.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestACredentialVariableIsNeverPulledIntoARequest: issue 17 item 3's
// `HostName: "x!${ALIBABA_CLOUD_ACCESS_KEY_SECRET}"` was printed by launch,
// stored resolved in the history and sent as a tag value.
func TestACredentialVariableIsNeverPulledIntoARequest(t *testing.T) {
	const secret = "Cred-Secret-Value-91"
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	file := webWith(t, "HostName: web", `HostName: "x!${ALIBABA_CLOUD_ACCESS_KEY_SECRET}"`, "ask: [InstanceName, Amount, Tag]", "ask: [InstanceName, Amount, Tag, HostName]")
	for _, args := range [][]string{{"launch", "--sandbox", "--yes", "--no-wait", file}, {"dryrun", "--sandbox", file}} {
		out, errs, code := run(t, "", args...)
		if code != ExitUsage || !strings.Contains(errs, "HostName refers to ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}, a credential variable") {
			t.Errorf("%s: exit %d\n%s%s", args[0], code, out, errs)
		}
		if strings.Contains(out+errs, secret) {
			t.Errorf("%s printed the secret", args[0])
		}
	}
	out, _, code := run(t, "", "validate", file)
	if code != ExitFailed || !strings.Contains(out, "error HostName [CredentialReference]") {
		t.Errorf("validate: exit %d\n%s", code, out)
	}
}

// TestReferencesOutsideTheirPlacesAreRefused: a reference outside Password,
// UserData and ask:, and the password's variable in a field that is shown.
func TestReferencesOutsideTheirPlacesAreRefused(t *testing.T) {
	t.Setenv("ECS_PASSWORD", "Web-2026-tier")
	t.Setenv("TEAM", "webteam")
	notAsked := webWith(t, "HostName: web", "HostName: ${TEAM}")
	_, errs, code := run(t, "", "dryrun", "--sandbox", notAsked)
	if code != ExitUsage || !strings.Contains(errs, "HostName refers to ${TEAM}, but a ${NAME} reference may stand only in Password, UserData or a parameter the launch file lists under ask: (add HostName to ask:") {
		t.Errorf("exit %d\n%s", code, errs)
	}
	pwShown := webWith(t, "InstanceName: web", "InstanceName: ${ECS_PASSWORD}")
	out, errs, code := run(t, "", "launch", "--sandbox", "--yes", "--no-wait", pwShown)
	if code != ExitUsage || !strings.Contains(errs, "InstanceName refers to ${ECS_PASSWORD}, which holds a secret") || strings.Contains(out+errs, "Web-2026-tier") {
		t.Errorf("exit %d\n%s%s", code, out, errs)
	}
}

// TestAnAskedReferenceIsLaunchedAndRecordedAsWritten: InstanceName is in
// ask:, so ${TEAM} is resolved for the call and kept in the history.
func TestAnAskedReferenceIsLaunchedAndRecordedAsWritten(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir(), "XDG_STATE_HOME": t.TempDir(), "XDG_CACHE_HOME": t.TempDir(),
		"ECS_PASSWORD": "Web-2026-tier", "TEAM": "webteam"}
	file := webWith(t, "InstanceName: web", "InstanceName: web-${TEAM}")
	out, errs, code := stateRun(t, env, "launch", "--sandbox", "--yes", "--no-wait", file)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	hist, err := os.ReadFile(filepath.Join(env["XDG_STATE_HOME"], "ecslaunch", "history.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hist), `"InstanceName":"web-${TEAM}"`) || strings.Contains(string(hist), "webteam") ||
		!strings.Contains(string(hist), `"ask":["InstanceName","Amount","Tag"]`) {
		t.Errorf("history:\n%s", hist)
	}
}
