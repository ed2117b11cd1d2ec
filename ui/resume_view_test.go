package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// The resume question names the draft's path in full, wrapped to the
// screen rather than cut at its edge.
func TestTheResumeQuestionShowsTheWholeDraftPath(t *testing.T) {
	o := Options{Reader: newFakeReader(), Region: "cn-hangzhou"}
	dir := filepath.Join(t.TempDir(), strings.Repeat("state", 12))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	o.DraftPath = filepath.Join(dir, "draft.yaml")
	if err := os.WriteFile(o.DraftPath, []byte("version: 1\nrequest:\n  RegionId: cn-hangzhou\n  ZoneId: cn-hangzhou-i\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := start(t, o)
	next, _ := m.Update(sizeMsg(80, 24))
	m = next.(Model)
	if m.screen != screenResume {
		t.Fatalf("screen %v", m.screen)
	}
	v := m.View()
	if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(v, "\n", ""), " ", ""), "draft.yaml,") {
		t.Fatalf("the path is cut:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > 80 {
			t.Fatalf("a line is wider than the screen: %q", l)
		}
	}
}
