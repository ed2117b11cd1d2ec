package exporter

import (
	"strings"
	"testing"
)

// TestNoExportContainsThePassword: a request with a literal password never
// yields that password, in any format, text or notes, with any options.
func TestNoExportContainsThePassword(t *testing.T) {
	options := []Options{{}, {Idempotent: true, Profile: "p", Region: "cn-hangzhou"}, {Description: "d", Ask: []string{"Password"}}}
	for name, r := range map[string]bool{"full": true, "minimal": false} {
		req := minimalRequest(t)
		if r {
			req = fullRequest(t)
		}
		mustSet(t, req, "Password", leakPassword)
		for _, f := range Formats() {
			for _, o := range options {
				res, err := Export(req, f, o)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(res.Text, leakPassword) || strings.Contains(strings.Join(res.Notes, "\n"), leakPassword) {
					t.Errorf("%s %s (%+v): the password is written", name, f, o)
				}
			}
		}
	}
}

// TestSecretsStayReferences: every format refers to the secret instead.
func TestSecretsStayReferences(t *testing.T) {
	req := minimalRequest(t)
	mustSet(t, req, "Password", leakPassword)
	want := map[Format]string{
		CLI:       `--Password "${ECS_PASSWORD}"`,
		YAML:      "Password: ${ECS_PASSWORD}",
		JSON:      `"Password": "${ECS_PASSWORD}"`,
		Terraform: "password = var.ecs_password",
		ROS:       "Ref: EcsPassword",
	}
	for f, w := range want {
		res, err := Export(req, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(strings.Fields(res.Text), " "), w) {
			t.Errorf("%s: want %q in\n%s", f, w, res.Text)
		}
		if !notesName(res.Notes, "Password") {
			t.Errorf("%s: the replaced literal password is not said: %q", f, res.Notes)
		}
	}
	res, _ := Export(req, LaunchTemplate, Options{})
	if strings.Contains(res.Text, "Password") || !strings.Contains(strings.Join(res.Notes, "\n"), "never store a password") {
		t.Errorf("launch-template must leave the password out and say so:\n%s%q", res.Text, res.Notes)
	}
}

// TestImportNeverEchoesCredentials: credential flags are dropped by name.
func TestImportNeverEchoesCredentials(t *testing.T) {
	_, o, err := ImportCLI("aliyun ecs RunInstances --access-key-secret S3CR3T --sts-token T0K3N --RegionId cn-hangzhou")
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(o.ImportNotes, "\n")
	if strings.Contains(all, "S3CR3T") || strings.Contains(all, "T0K3N") || !strings.Contains(all, "--access-key-secret") {
		t.Errorf("import notes %q", o.ImportNotes)
	}
}
