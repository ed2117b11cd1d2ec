package ui

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
)

// User data read from a file replaces the typed text, and the text field
// says so by emptying; erasing the path takes the file's content away.
func TestUserDataFromAFileReplacesTheTypedText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "init.sh")
	script := "#!/bin/sh\necho from-file\n"
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	m := toStep(t, start(t, Options{Reader: newFakeReader(), Region: "cn-hangzhou"}), forms.Advanced)
	m = focusField(t, m, forms.KeyUserDataText)
	m = typeText(t, m, "echo hi")
	m = focusField(t, m, forms.KeyUserDataFile)
	m = typeText(t, m, path)
	if got := m.c.Request().Get("UserData"); got != base64.StdEncoding.EncodeToString([]byte(script)) {
		t.Fatalf("UserData = %q", got)
	}
	if v := m.form.areas[forms.KeyUserDataText].Value(); v != "" {
		t.Fatalf("the text field still shows %q, which is not what is sent", v)
	}
	m = press(t, m, "enter", "9") // through the review and back
	if v := m.form.areas[forms.KeyUserDataText].Value(); v != "" {
		t.Fatalf("back on the step, the text field shows the file flattened: %q", v)
	}
	m = focusField(t, m, forms.KeyUserDataFile)
	for range path {
		m = press(t, m, "backspace")
	}
	if m.c.Request().Has("UserData") {
		t.Fatalf("the erased file's content is still sent: %v", m.c.Request().Params())
	}
}
