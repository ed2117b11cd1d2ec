package cmd

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestTheLaunchConfirmationShowsHiddenCharactersEscaped: it printed U+202E
// raw, so "ecs.g7\u202eegral." read as another type (issue 17 item 14).
func TestTheLaunchConfirmationShowsHiddenCharactersEscaped(t *testing.T) {
	got := launchSummary("2", "ecs.g7\u202eegral.", "cn-hangzhou\u200b", false, "0.5 CNY/hour")
	if got != `Launch 2 × ecs.g7\u202eegral. in cn-hangzhou\u200b: 0.5 CNY/hour` {
		t.Errorf("%q", got)
	}
}

// TestTablesAndJSONEscapeCachedNames: a security group named
// `evil-\e[31mred` in the catalog cache was printed raw (issue 17 item 18).
func TestTablesAndJSONEscapeCachedNames(t *testing.T) {
	type row struct{ SecurityGroupId, SecurityGroupName string }
	rows := []row{{"sg-1", "evil-\x1b[31mred\u202e"}}
	var b bytes.Buffer
	writeTable(&b, rows)
	if !strings.Contains(b.String(), `evil-\x1b[31mred\u202e`) || strings.ContainsAny(b.String(), "\x1b\u202e") {
		t.Errorf("table: %q", b.String())
	}
	b.Reset()
	if err := writeJSON(&b, rows); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\u202e") {
		t.Errorf("json: %q", b.String())
	}
	var back []row
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back[0] != rows[0] {
		t.Errorf("the JSON changed its value: %v %q", err, back)
	}
}

// TestValidateRefusesHiddenCharactersInIDs: offline validate passed them.
func TestValidateRefusesHiddenCharactersInIDs(t *testing.T) {
	file := webWith(t, "InstanceType: ecs.g7.large", "InstanceType: \"ecs.g7\\u200b.large\"")
	out, _, code := run(t, "", "validate", file)
	if code != ExitFailed || !strings.Contains(out, `error InstanceType [InvalidParameter] InstanceType holds an invisible or direction character`) ||
		!strings.Contains(out, `found \u200b at character 7`) || strings.Contains(out, "\u200b") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
