package ui

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// `?` on the security groups (a UI-only field filling SecurityGroupId or
// SecurityGroupIds.N) shows the API reference, not only the key list.
func TestHelpOnAUIOnlyFieldShowsTheReferenceOfItsParameters(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Network)
	m = focusField(t, m, forms.KeySecurityGroups)
	m = press(t, m, "?")
	if m.screen != screenHelp {
		t.Fatalf("screen %v", m.screen)
	}
	content := m.pager.vp.View()
	for m.pager.vp.ScrollPercent() < 1 && !strings.Contains(content, "SecurityGroupId (") {
		m.pager.vp.ScrollDown(1)
		content += m.pager.vp.View()
	}
	if !strings.Contains(content, "SecurityGroupId (") {
		t.Fatalf("no reference for the security groups:\n%s", content)
	}
}
