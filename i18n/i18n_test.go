package i18n

import (
	"errors"
	"testing"
)

func TestNumbersStayPlainAndCountsChooseThePlural(t *testing.T) {
	RegisterPlural("%d instance(s) on port %d", 1, "%d instance on port %d", "%d instances on port %d")
	Register(map[string]string{"%d instance(s) on port %d": "%d 台实例，端口 %d"})
	defer Set(English)
	Set(English)
	if got := T("%d instance(s) on port %d", Count(1), 8080); got != "1 instance on port 8080" {
		t.Errorf("one: %q", got)
	}
	if got := T("%d instance(s) on port %d", Count(3), 8080); got != "3 instances on port 8080" {
		t.Errorf("three: %q", got)
	}
	if got := T("size %d GiB, %.3f CNY", 32768, 1234.5); got != "size 32768 GiB, 1234.500 CNY" {
		t.Errorf("numbers: %q", got)
	}
	Set(Chinese)
	if got := T("%d instance(s) on port %d", Count(2), 8080); got != "2 台实例，端口 8080" {
		t.Errorf("zh: %q", got)
	}
	if got := T("not translated %s", "x"); got != "not translated x" {
		t.Errorf("fallback: %q", got)
	}
}

func TestChooseFollowsTheDocumentedOrder(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag, cli string
		env       map[string]string
		want      string
		by        string
	}{
		{"zh", "en", map[string]string{"ECSLAUNCH_LANG": "en"}, "zh-Hans", "--lang"},
		{"", "en", map[string]string{"ECSLAUNCH_LANG": "zh_CN"}, "zh-Hans", "ECSLAUNCH_LANG"},
		{"", "zh", map[string]string{"LANG": "en_US.UTF-8"}, "zh-Hans", "the aliyun CLI's language"},
		{"", "", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"}, "zh-Hans", "LC_ALL"},
		{"", "", map[string]string{"LC_MESSAGES": "en_GB", "LANG": "zh_CN"}, "en", "LC_MESSAGES"},
		{"", "", map[string]string{"LANG": "zh_TW.UTF-8"}, "zh-Hans", "LANG"},
		{"", "", nil, "en", "the default"},
	}
	for _, c := range cases {
		tag, by, err := Choose(c.flag, env(c.env), c.cli)
		if err != nil || tag.String() != c.want || by != c.by {
			t.Errorf("%+v: %v by %q (%v)", c, tag, by, err)
		}
	}
	if _, _, err := Choose("fr", env(nil), ""); err == nil {
		t.Error("--lang fr is accepted")
	}
}

func TestErrorfTranslatesAndWraps(t *testing.T) {
	Register(map[string]string{"cannot read %s: %w": "无法读取 %s：%w", "%[2]w then %[1]s": "%[1]s 之后 %[2]w"})
	defer Set(English)
	cause := errors.New("disk full")
	Set(English)
	err := Errorf("cannot read %s: %w", "web.yaml", cause)
	if err.Error() != "cannot read web.yaml: disk full" || !errors.Is(err, cause) {
		t.Errorf("en: %q, wraps: %v", err, errors.Is(err, cause))
	}
	if errors.Unwrap(err) != cause {
		t.Error("one %w is not a single Unwrap")
	}
	Set(Chinese)
	err = Errorf("cannot read %s: %w", "web.yaml", cause)
	if err.Error() != "无法读取 web.yaml：disk full" || !errors.Is(err, cause) {
		t.Errorf("zh: %q", err)
	}
	err = Errorf("%[2]w then %[1]s", "a", cause)
	if err.Error() != "a 之后 disk full" || !errors.Is(err, cause) {
		t.Errorf("indexed: %q", err)
	}
	other := errors.New("other")
	err = Errorf("%w and %w: %d", cause, other, 8080)
	if !errors.Is(err, cause) || !errors.Is(err, other) || err.Error() != "disk full and other: 8080" {
		t.Errorf("two: %q", err)
	}
	if errors.Unwrap(Errorf("no cause %d", 1)) != nil {
		t.Error("an error with no %w wraps something")
	}
}

// The catalog reads "${…}" as its own substitution: a Chinese text naming
// a ${NAME} reference lost it ("--Password \"ECS_PASSWORD\"").
func TestAReferenceInAChineseTextIsKept(t *testing.T) {
	Register(map[string]string{"set %s (e.g. ${ECS_PASSWORD})": "请设置 %s（例如 ${ECS_PASSWORD}）", "${%s} is not set: %w": "未设置 ${%s}：%w"})
	defer Set(English)
	Set(Chinese)
	if got := T("set %s (e.g. ${ECS_PASSWORD})", "Password"); got != "请设置 Password（例如 ${ECS_PASSWORD}）" {
		t.Errorf("T: %q", got)
	}
	if got := Errorf("${%s} is not set: %w", "X", errors.New("e")).Error(); got != "未设置 ${X}：e" {
		t.Errorf("Errorf: %q", got)
	}
	Set(English)
	if got := T("set %s (e.g. ${ECS_PASSWORD})", "Password"); got != "set Password (e.g. ${ECS_PASSWORD})" {
		t.Errorf("en: %q", got)
	}
}

// A ${NAME} in a Chinese text stays as written: the catalog would take it
// for one of its variables.
func TestReferencesSurviveTheCatalog(t *testing.T) {
	Register(map[string]string{"use ${ECS_PASSWORD} for %s": "请为 %s 使用 ${ECS_PASSWORD}"})
	defer Set(English)
	Set(Chinese)
	if got := T("use ${ECS_PASSWORD} for %s", "Password"); got != "请为 Password 使用 ${ECS_PASSWORD}" {
		t.Errorf("zh: %q", got)
	}
	Set(English)
	if got := T("use ${ECS_PASSWORD} for %s", "Password"); got != "use ${ECS_PASSWORD} for Password" {
		t.Errorf("en: %q", got)
	}
}

// A Message made before the language is chosen reads in the language
// current when it is shown; its Message arguments too.
func TestMessageIsFormattedWhenShown(t *testing.T) {
	Register(map[string]string{"%s characters": "%s 个字符", "allowed: %s": "允许：%s"})
	defer Set(English)
	Set(English)
	m := M("allowed: %s", M("%s characters", "2..128"))
	if got := m.String(); got != "allowed: 2..128 characters" {
		t.Errorf("en: %q", got)
	}
	Set(Chinese)
	if got := m.String(); got != "允许：2..128 个字符" {
		t.Errorf("zh: %q", got)
	}
	if got := Raw("PL0 | PL1").String(); got != "PL0 | PL1" {
		t.Errorf("raw: %q", got)
	}
	if !(Message{}).IsZero() || m.IsZero() || m.Key() != "allowed: %s" {
		t.Error("IsZero or Key")
	}
}

// English is printed by fmt, with the same result the catalog gave: plain
// numbers, a Count as its number, %% and verbs as fmt has them.
func TestEnglishIsPlainFmt(t *testing.T) {
	defer Set(English)
	Set(English)
	for _, c := range []struct {
		got, want string
	}{
		{T("port %d of %s, 100%%", 8080, "web"), "port 8080 of web, 100%"},
		{T("%d disks", Count(1234)), "1234 disks"},
		{T("%.3f CNY/hour", 0.5), "0.500 CNY/hour"},
		{T("%q", "a\tb"), `"a\tb"`},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}
