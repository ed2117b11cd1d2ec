package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// inChinese switches the wizard to Chinese for one test. i18n.Set is
// global: these tests must not run in parallel with others.
func inChinese(t *testing.T) {
	i18n.Set(i18n.Chinese)
	t.Cleanup(func() { i18n.Set(i18n.English) })
}

// TestStepViewsZh is TestStepViews in Chinese: every step at 100×30.
func TestStepViewsZh(t *testing.T) {
	inChinese(t)
	m := start(t, sandboxOptions(t))
	for _, s := range forms.Steps() {
		if m.c.Step() != s {
			t.Fatalf("expected step %v, at %v (%s)", s, m.c.Step(), m.c.Notice())
		}
		t.Run(strings.ReplaceAll(forms.Def(s).Name, " ", "_"), func(t *testing.T) {
			golden.RequireEqual(t, []byte(m.View()))
		})
		if s != forms.Review {
			m = press(t, m, "enter")
		}
	}
}

// TestNarrowViewsZh is TestNarrowViews in Chinese: the first and the
// busiest screens at 80×24, where a wide character cut or a column pushed
// out would show.
func TestNarrowViewsZh(t *testing.T) {
	inChinese(t)
	m := start(t, sandboxOptions(t))
	next, _ := m.Update(sizeMsg(80, 24))
	m = next.(Model)
	t.Run("Region", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.InstanceType)
	t.Run("InstanceType", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Image)
	t.Run("Image", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Storage)
	t.Run("Storage", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Access)
	t.Run("Access", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
	m = toStep(t, m, forms.Review)
	t.Run("Review", func(t *testing.T) { golden.RequireEqual(t, []byte(m.View())) })
}

// TestOverlayViewsZh keeps the help (the spec's own Chinese text), the
// export picker and the launch confirmation in Chinese.
func TestOverlayViewsZh(t *testing.T) {
	inChinese(t)
	m := toStep(t, start(t, sandboxOptions(t)), forms.Access)
	m = focusField(t, m, "HostName")
	t.Run("Help", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "?").View())) })
	m = toStep(t, m, forms.Review)
	t.Run("Export", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "e").View())) })
	t.Run("ExportDestination", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "e", "enter").View())) })
	t.Run("Confirm", func(t *testing.T) { golden.RequireEqual(t, []byte(press(t, m, "l").View())) })
}

// Every line of a Chinese screen fits its width in display cells.
func TestChineseLinesFitTheScreen(t *testing.T) {
	inChinese(t)
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		m := start(t, sandboxOptions(t))
		next, _ := m.Update(sizeMsg(size[0], size[1]))
		m = next.(Model)
		for _, s := range forms.Steps() {
			m = toStep(t, m, s)
			lines := strings.Split(m.View(), "\n")
			if len(lines) > size[1] {
				t.Errorf("%dx%d %s: %d lines", size[0], size[1], forms.Def(s).Name, len(lines))
			}
			for i, l := range lines {
				if w := ansiWidth(l); w > size[0] {
					t.Errorf("%dx%d %s line %d is %d cells wide: %q", size[0], size[1], forms.Def(s).Name, i, w, l)
				}
			}
		}
	}
}

// Chinese text wraps between characters, never before a closing mark,
// and keeps an API name whole when it fits on a line.
func TestWrapTextBreaksChineseBetweenCharacters(t *testing.T) {
	got := wrapCJK("系统盘的云盘类别：cloud_essd、cloud_auto、cloud_essd_entry、cloud_ssd。登录方式：SSH 密钥对（KeyPairName，仅 Linux）、自定义密码（Password）、使用镜像预设密码（PasswordInherit），或暂不设置。", 30)
	for _, l := range strings.Split(got, "\n") {
		if w := ansiWidth(l); w > 30 {
			t.Errorf("line %q is %d cells wide", l, w)
		}
		if strings.IndexAny(l, "，。、）") == 0 {
			t.Errorf("line %q starts with a closing mark", l)
		}
	}
	if !strings.Contains(got, "PasswordInherit") {
		t.Errorf("PasswordInherit was cut:\n%s", got)
	}
	if wrapText("plain English words", 10) != lipglossWrap("plain English words", 10) {
		t.Error("English text wraps differently")
	}
}

func lipglossWrap(s string, w int) string { return lipgloss.NewStyle().Width(w).Render(s) }

// Wrapping never reorders characters: the lines joined are the text.
func TestWrapCJKKeepsTheText(t *testing.T) {
	for _, s := range []string{"点号（.）和短横线（-）不能作为首尾字符。", "（默认）「引号」，", "-   Windows实例：字符长度为2~15，不支持点号（.），不能全是数字。"} {
		for w := 10; w < 40; w++ {
			got := strings.ReplaceAll(strings.ReplaceAll(wrapCJK(s, w), "\n", ""), " ", "")
			if want := strings.ReplaceAll(s, " ", ""); got != want {
				t.Fatalf("wrapCJK(%q, %d) reads %q", s, w, got)
			}
		}
	}
}
