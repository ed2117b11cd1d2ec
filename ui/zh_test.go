package ui

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/internal/i18ncheck"
)

// Every message the wizard's packages show has its Chinese text in a
// table linked into the wizard: i18ncheck sees every zh.go of the repo,
// but a text registered only by cmd is not there when ui runs without it.
func TestTheWizardsMessagesAreRegisteredWhereItRuns(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	uses, _, err := i18ncheck.Scan(filepath.Join(filepath.Dir(file), ".."))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range uses {
		if !strings.HasPrefix(u.Pos, "ui/") && !strings.HasPrefix(u.Pos, "flow/") && !strings.HasPrefix(u.Pos, "forms/") {
			continue
		}
		n++
		if !i18n.Has(u.Key) {
			t.Errorf("%s: %q has no Chinese text in the wizard's packages or their imports", u.Pos, u.Key)
		}
	}
	if n < 300 {
		t.Errorf("only %d messages found in ui, flow and forms", n)
	}
}
