package i18n

import "testing"

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
