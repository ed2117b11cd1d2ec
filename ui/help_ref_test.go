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
	content := m.doc.View()
	for m.doc.ScrollPercent() < 1 && !strings.Contains(content, "SecurityGroupId (") {
		m.doc.LineDown(1)
		content += m.doc.View()
	}
	if !strings.Contains(content, "SecurityGroupId (") {
		t.Fatalf("no reference for the security groups:\n%s", content)
	}
}
