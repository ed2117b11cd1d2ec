package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// A notice answers the last key: once the filter matches again, "No type
// matches the filters" must not stay above a table full of types.
func TestANoticeDoesNotOutliveItsCause(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.InstanceType)
	m = press(t, m, "/")
	m = typeText(t, m, "zzzzqq")
	m = press(t, m, "enter")
	if !strings.Contains(m.View(), "No type matches") {
		t.Fatalf("no notice for an empty table:\n%s", m.View())
	}
	m = press(t, m, "esc") // clears the filter
	if len(m.pickers.types.list.rows) == 0 {
		t.Fatalf("the filter was not cleared")
	}
	if strings.Contains(m.View(), "No type matches") {
		t.Fatalf("the notice stays once types match:\n%s", m.View())
	}
}
