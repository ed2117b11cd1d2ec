package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// Tests of what the first real-user trial found in the wizard (issue 12).

// A burst read at once ("/g7" typed or pasted fast) still opens the filter.
func TestABurstOfKeysOpensTheFilterAndFillsIt(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.InstanceType)
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/g7")})
	m = drain(t, next.(Model), cmd)
	if got := m.pickers.types.filter.Value(); got != "g7" || !m.pickers.types.typing {
		t.Fatalf("filter %q typing %v", got, m.pickers.types.typing)
	}
}

// Keys typed while a step still loads are applied once it is ready.
func TestKeysTypedWhileLoadingAreKept(t *testing.T) {
	m := New(context.Background(), Options{Reader: newFakeReader(), Region: "cn-hangzhou", Now: fixedNow, SettleDelay: -1})
	next, _ := m.Update(sizeMsg(100, 30))
	m = next.(Model)
	if m.c.Ready() {
		t.Fatal("the first step is ready before its loads ran")
	}
	for _, k := range []string{"enter", "enter"} { // Region, Billing
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
	if len(m.typeahead) != 2 || !strings.Contains(m.View(), "typed ahead") {
		t.Fatalf("typeahead %d:\n%s", len(m.typeahead), m.View())
	}
	m = drain(t, m, m.initCmd)
	if m.c.Step() != forms.Zone {
		t.Fatalf("the keys typed ahead took the wizard to %v, want Zone", m.c.Step())
	}
}

// Lists: Home/End, a filter on the region list and a mark for rows below.
func TestListsHaveHomeEndAFilterAndMoreBelow(t *testing.T) {
	m := start(t, sandboxOptions(t))
	next, _ := m.Update(sizeMsg(80, 24))
	m = next.(Model)
	if !strings.Contains(m.View(), "more below") {
		t.Fatalf("no mark for the regions below:\n%s", m.View())
	}
	m = press(t, m, "end")
	if r, _ := m.pickers.regions.list.selected(); r.value != "na-south-1" || !strings.Contains(m.View(), "na-south-1") {
		t.Fatalf("End selects %q:\n%s", r.value, m.View())
	}
	m = press(t, m, "home")
	if r, _ := m.pickers.regions.list.selected(); r.value != m.pickers.regions.list.rows[0].value {
		t.Fatalf("Home selects %q", r.value)
	}
	m = press(t, m, "/")
	m = typeText(t, m, "mexico")
	if r, _ := m.pickers.regions.list.selected(); r.value != "na-south-1" {
		t.Fatalf("the filter selects %q", r.value)
	}
	m = press(t, m, "esc")
	if m.pickers.regions.filter.Value() != "" || m.c.Step() != forms.Region {
		t.Fatalf("the first Esc must clear the filter and stay: %q, %v", m.pickers.regions.filter.Value(), m.c.Step())
	}
}

// A filter with no match says so and how to widen it.
func TestAFilterWithNoMatchSaysSo(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.InstanceType)
	m = press(t, m, "/")
	m = typeText(t, m, "zzzq")
	if v := m.View(); !strings.Contains(v, `No type matches "zzzq"`) || !strings.Contains(v, "esc clears") {
		t.Fatalf("an empty table says nothing:\n%s", v)
	}
}

// The type filter understands field tokens: a GPU model ranks its types
// first, "arm 4c" lists only ARM types with 4 vCPU.
func TestTheTypeFilterUnderstandsFieldTokens(t *testing.T) {
	m := toStep(t, start(t, sandboxOptions(t)), forms.InstanceType)
	m = press(t, m, "/")
	m = typeText(t, m, "A10")
	rows := m.pickers.types.list.rows
	if len(rows) == 0 || !strings.Contains(rows[0].value, "gn7i") {
		t.Fatalf("A10 lists %v first", rows)
	}
	for _, r := range rows {
		if typ, _ := m.c.Env().Type(r.value); !strings.Contains(typ.GPUSpec, "A10") {
			t.Fatalf("A10 lists %s (%s)", r.value, typ.GPUSpec)
		}
	}
	for range "A10" {
		m = press(t, m, "backspace")
	}
	m = typeText(t, m, "arm 4c")
	if len(m.pickers.types.list.rows) == 0 {
		t.Fatal("arm 4c lists nothing")
	}
	for _, r := range m.pickers.types.list.rows {
		typ, _ := m.c.Env().Type(r.value)
		if typ.CpuArchitecture != "ARM" || typ.CpuCoreCount != 4 {
			t.Fatalf("arm 4c lists %s (%s, %d vCPU)", r.value, typ.CpuArchitecture, typ.CpuCoreCount)
		}
	}
}

// The security-group checklist shows its cursor without colour, and ↑/↓
// move in it before they leave it.
func TestTheChecklistCursorShowsWithoutColour(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Network)
	m = focusField(t, m, forms.KeySecurityGroups)
	if !strings.Contains(m.View(), "› [x] default") {
		t.Fatalf("no cursor marker on the first group:\n%s", m.View())
	}
	m = press(t, m, "down")
	if m.form.focusedKey() != forms.KeySecurityGroups || !strings.Contains(m.View(), "› [ ] web") {
		t.Fatalf("↓ left the checklist or moved no marker: %s\n%s", m.form.focusedKey(), m.View())
	}
	m = press(t, m, "space")
	if got := m.c.Draft().SecurityGroups(); len(got) != 2 {
		t.Fatalf("space did not toggle the group under the marker: %v", got)
	}
	m = press(t, m, "down")
	if m.form.focusedKey() == forms.KeySecurityGroups {
		t.Fatal("↓ past the last group does not leave the field")
	}
}

// An empty field shows its default or a placeholder.
func TestEmptyFieldsShowTheirDefault(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Access)
	if v := m.View(); !strings.Contains(v, "default: 1") {
		t.Fatalf("Amount's default is invisible:\n%s", v)
	}
}

// A value being typed that can still become valid shows its rule as a
// hint; once the field is left it is an error.
func TestARuleIsAHintWhileTypingAndAnErrorOnceLeft(t *testing.T) {
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Access)
	m = focusField(t, m, "InstanceName")
	m = typeText(t, m, "m")
	if v := m.View(); strings.Contains(v, "✗") || !strings.Contains(v, "· ") {
		t.Fatalf("one letter of a name is already an error:\n%s", v)
	}
	m = typeText(t, m, " ")
	if v := m.View(); !strings.Contains(v, "✗") {
		t.Fatalf("a name with a space can never become valid, yet no error shows:\n%s", v)
	}
	m = press(t, m, "backspace", "tab")
	if v := m.View(); !strings.Contains(v, "✗ ") {
		t.Fatalf("a one-letter name left behind is no error:\n%s", v)
	}
}

// A resumed ${ECS_PASSWORD} shows as the reference, an unset variable is
// a finding at the review, and a password can be typed over it at once.
func TestAPasswordReferenceShowsAsAReference(t *testing.T) {
	o := sandboxOptions(t)
	o.LookupEnv = func(string) (string, bool) { return "", false }
	b, _ := os.ReadFile("../examples/web.yaml")
	f, err := request.ParseFile(b)
	if err != nil {
		t.Fatal(err)
	}
	f.Ask = nil
	o.From = f
	m := start(t, o)
	found := false
	for _, x := range m.c.Review().Findings {
		found = found || (x.Parameter == "Password" && strings.Contains(x.Message, "ECS_PASSWORD"))
	}
	if !found {
		t.Fatalf("an unset ${ECS_PASSWORD} is no finding: %+v", m.c.Review().Findings)
	}
	m = press(t, m, "8") // Access
	m = focusField(t, m, "Password")
	m = press(t, m, "tab")
	if v := m.View(); !strings.Contains(v, "${ECS_PASSWORD}") || strings.Contains(v, "•••••••••••••••") {
		t.Fatalf("the reference shows as dots:\n%s", v)
	}
	m = focusField(t, m, "Password")
	m = typeText(t, m, "Typed-2026-pw")
	if got := m.c.Request().Get("Password"); got != "Typed-2026-pw" {
		t.Fatalf("typing over the reference gave %q", got)
	}
}

// After a save, q is a success, not an abort; the ROS export is offered as
// ros.yaml (its content is YAML).
func TestQAfterASaveIsASuccess(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Review)
	path := filepath.Join(t.TempDir(), "saved.yaml")
	m = press(t, m, "w")
	m.path.input.SetValue(path)
	m = press(t, m, "enter")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("not saved: %v (%s)", err, m.c.Notice())
	}
	if m.Result().Aborted {
		t.Fatal("a finished save counts as an abort")
	}
	m = press(t, m, "e", "down", "down", "down", "down", "enter", "enter") // ros, to a file
	if m.screen != screenPath || !strings.HasSuffix(m.path.input.Value(), "ros.yaml") {
		t.Fatalf("the ROS export is offered as %q (%v)", m.path.input.Value(), m.screen)
	}
}

// A catalog name carrying an escape sequence is shown escaped, never raw.
func TestCatalogNamesAreShownEscaped(t *testing.T) {
	r := newFakeReader()
	r.evilName = "evil-\x1b[31mred"
	m := toStep(t, start(t, Options{Reader: r, Region: "cn-hangzhou"}), forms.Network)
	if v := m.View(); strings.Contains(v, "\x1b[31m") || !strings.Contains(v, "evil-") {
		t.Fatalf("the name is printed raw or not at all:\n%q", v)
	}
}
