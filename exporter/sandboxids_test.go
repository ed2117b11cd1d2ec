package exporter

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// TestAnExportCarryingSandboxIDsSaysSo: examples/web.yaml's sg-… and vsw-…
// exist only in the sandbox; an export meant for a live account says so
// (issue 12), one pointed at an endpoint does not.
func TestAnExportCarryingSandboxIDsSaysSo(t *testing.T) {
	r := request.New()
	for k, v := range map[string]string{"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large",
		"SecurityGroupId": "sg-bp1jk78k7ko3akynoh1x", "VSwitchId": "vsw-bp15r8n7fdp0dcbvkcqi"} {
		mustSet(t, r, k, v)
	}
	for _, f := range Formats() {
		res, err := Export(r, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !notesName(res.Notes, "SecurityGroupId") || !notesName(res.Notes, "VSwitchId") ||
			!strings.Contains(strings.Join(res.Notes, "\n"), "exist only in the built-in sandbox") {
			t.Errorf("%s: notes %q", f, res.Notes)
		}
	}
	res, _ := Export(r, CLI, Options{Endpoint: "127.0.0.1:8080", Insecure: true})
	if strings.Contains(strings.Join(res.Notes, "\n"), "sandbox") {
		t.Errorf("pointed at an endpoint: %q", res.Notes)
	}
	mustSet(t, r, "SecurityGroupId", "sg-bp1realaccount")
	mustSet(t, r, "VSwitchId", "vsw-bp1realaccount")
	if res, _ := Export(r, CLI, Options{}); strings.Contains(strings.Join(res.Notes, "\n"), "sandbox") {
		t.Errorf("other IDs: %q", res.Notes)
	}
}

// TestACLIScriptStartsWithAShebang (issue 12), and still imports.
func TestACLIScriptStartsWithAShebang(t *testing.T) {
	r := minimalRequest(t)
	res, err := Export(r, CLI, Options{Script: true})
	if err != nil || !strings.HasPrefix(res.Text, "#!/bin/sh\naliyun ecs RunInstances") {
		t.Fatalf("%v\n%s", err, res.Text)
	}
	back, _, err := ImportCLI(res.Text)
	if err != nil || !back.Equal(r) {
		t.Errorf("the script does not import back: %v", err)
	}
}
