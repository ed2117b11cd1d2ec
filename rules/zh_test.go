package rules

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/internal/i18ncheck"
	"github.com/ecslaunch/ecslaunch/request"
)

// refs are the ${NAME} references a message names.
var refs = regexp.MustCompile(`\$\{[A-Za-z_]+\}`)

// inChinese runs f with Chinese messages and restores English after it.
func inChinese(t testing.TB, f func()) {
	t.Helper()
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	f()
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// Every failing case of every rule, in Chinese: the same parameter, code,
// row and severity as in English, a message in Chinese that still names the
// parameter and the row, with no English sentence left in it.
func TestEveryFindingInChinese(t *testing.T) {
	n := 0
	for _, tc := range ruleCases() {
		if !tc.bad {
			continue
		}
		req, _ := build(t, tc.sets)
		en, ok := findIn(Validate(req, tc.context()), tc.param, tc.code)
		if !ok {
			continue // TestEveryRuleRow reports it
		}
		var zh Finding
		inChinese(t, func() { zh, ok = findIn(Validate(req, tc.context()), tc.param, tc.code) })
		if !ok {
			t.Errorf("%s %s on %s: found in English, not in Chinese", tc.row, tc.code, tc.param)
			continue
		}
		if zh.Row != en.Row || zh.Severity != en.Severity || zh.HTTPStatus != en.HTTPStatus {
			t.Errorf("%s on %s: %+v in Chinese, %+v in English", tc.code, tc.param, zh, en)
		}
		if !hasHan(zh.Message) || zh.Message == en.Message {
			t.Errorf("%s on %s: not in Chinese: %s", tc.code, tc.param, zh.Message)
		}
		if !strings.HasPrefix(zh.Message, tc.param+" ") || (zh.Row != "" && !strings.Contains(zh.Message, "docs/rules.md "+zh.Row)) {
			t.Errorf("%s on %s: the Chinese message loses the parameter or the row: %s", tc.code, tc.param, zh.Message)
		}
		if left := i18ncheck.EnglishLeft(zh.Message); left != "" {
			t.Errorf("%s on %s: English left (%q) in %s", tc.code, tc.param, left, zh.Message)
		}
		for _, ref := range refs.FindAllString(en.Message, -1) {
			if !strings.Contains(zh.Message, ref) {
				t.Errorf("%s on %s: the Chinese message loses %s: %s", tc.code, tc.param, ref, zh.Message)
			}
		}
		if hasHan(en.Message) {
			t.Errorf("%s on %s: the English message holds Chinese: %s", tc.code, tc.param, en.Message)
		}
		n++
	}
	if n < 150 {
		t.Errorf("only %d failing cases checked in Chinese", n)
	}
}

// A rule's text follows the language chosen after the table was built at
// init: it is formatted when the finding is made.
func TestRuleTextFollowsTheLanguage(t *testing.T) {
	req, _ := build(t, []string{"DataDisk.1.Category=cloud_essd", "DataDisk.1.Size=50000"})
	f, ok := findIn(Validate(req, Context{}), "DataDisk.1.Size", "InvalidDataDiskSize.ValueNotSupported")
	if !ok {
		t.Fatal("no finding")
	}
	want := `DataDisk.1.Size is out of range for its category; allowed: 20..32768 GiB for cloud_essd PL1 (default); got "50000" (docs/rules.md T1-42)`
	if f.Message != want {
		t.Errorf("English:\n%s\nwant\n%s", f.Message, want)
	}
	inChinese(t, func() {
		f, _ = findIn(Validate(req, Context{}), "DataDisk.1.Size", "InvalidDataDiskSize.ValueNotSupported")
		want := `DataDisk.1.Size 超出其云盘类别的取值范围；允许：20..32768 GiB（cloud_essd PL1（默认））；当前值："50000"（docs/rules.md T1-42）`
		if f.Message != want {
			t.Errorf("Chinese:\n%s\nwant\n%s", f.Message, want)
		}
		for _, r := range RulesFor("DataDisk.1.Size") {
			if r.Kind == KindType && r.Text.String() != "不是整数" {
				t.Errorf("rule %s reads %q in Chinese", r.ID, r.Text)
			}
		}
	})
	if f, _ := findIn(Validate(req, Context{}), "DataDisk.1.Size", "InvalidDataDiskSize.ValueNotSupported"); f.Message != want {
		t.Errorf("back in English:\n%s", f.Message)
	}
}

// The acceptance of issue 16 at this level: validate of bad.yaml in
// Chinese names DataDisk.2.Size and its code unchanged, in Chinese.
func TestBadLaunchFileInChinese(t *testing.T) {
	data, err := os.ReadFile("../cmd/testdata/bad.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file, err := request.ParseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	var fs []Finding
	inChinese(t, func() { fs = Validate(file.Request, Context{}) })
	f, ok := findIn(fs, "DataDisk.2.Size", "InvalidDataDiskSize.ValueNotSupported")
	if !ok || f.Severity != Error || f.Row != "T1-42" {
		t.Fatalf("findings %+v", fs)
	}
	for _, want := range []string{"DataDisk.2.Size 超出其云盘类别的取值范围", "允许：20..32768 GiB（cloud_essd PL1（默认））", `当前值："50000"`} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("missing %q in %s", want, f.Message)
		}
	}
}

// The catalog checks speak Chinese too, with the parameters, codes and
// rows the English ones have; a catalog failure names the check in Chinese.
func TestOnlineFindingsInChinese(t *testing.T) {
	for _, tc := range onlineCases() {
		req := onlineRequest(t, tc.sets...)
		en, _ := findIn(ValidateOnline(context.Background(), req, newFake(), Context{Now: now}), tc.param, tc.code)
		var zh Finding
		var ok bool
		inChinese(t, func() {
			zh, ok = findIn(ValidateOnline(context.Background(), req, newFake(), Context{Now: now}), tc.param, tc.code)
		})
		if !ok || zh.Row != en.Row || zh.Severity != en.Severity {
			t.Errorf("%s: %+v in Chinese, %+v in English", tc.name, zh, en)
			continue
		}
		if !hasHan(zh.Message) || i18ncheck.EnglishLeft(zh.Message) != "" {
			t.Errorf("%s: not in Chinese: %s", tc.name, zh.Message)
		}
	}
	cat := newFake()
	cat.fail = "Image"
	inChinese(t, func() {
		got := ValidateOnline(context.Background(), onlineRequest(t), cat, Context{})
		if len(got) == 0 || got[0].Code != CodeCheckSkipped || !strings.HasPrefix(got[0].Message, "无法检查镜像 linux_20G：") {
			t.Errorf("a catalog failure in Chinese: %+v", got)
		}
	})
}

// CheckPrivateIPs, which the wizard shows under PrivateIpAddress, speaks
// the current language.
func TestPrivateIPMessagesInChinese(t *testing.T) {
	inChinese(t, func() {
		for _, c := range []struct {
			ip     string
			amount int
			want   string
		}{
			{"192.168.1.0", 1, "192.168.1.0 是 192.168.1.0/24 的网络地址，由 ECS 保留；可用地址：192.168.1.1..192.168.1.252"},
			{"192.168.1.250", 5, "192.168.1.250 在 Amount 为 5 时占用连续地址 192.168.1.250..192.168.1.254，但 192.168.1.253 是 192.168.1.0/24 的最后 3 个地址之一，由 ECS 保留"},
			{"10.0.0.1", 1, "10.0.0.1 不在交换机的网段 192.168.1.0/24 内"},
			{"1.2.3", 1, `"1.2.3" 不是点分十进制的 IPv4 地址`},
		} {
			if got := CheckPrivateIPs(c.ip, c.amount, "192.168.1.0/24"); !strings.HasPrefix(got, c.want) {
				t.Errorf("%s ×%d: %q, want %q", c.ip, c.amount, got, c.want)
			}
		}
	})
}
