package request

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/internal/i18ncheck"
)

// inChinese runs f with Chinese messages and restores English after it.
func inChinese(f func()) {
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	f()
}

// A launch file's parse errors in Chinese keep the line, the key, the
// suggestion and the parameter names as written.
func TestParseErrorsInChinese(t *testing.T) {
	cases := []struct{ file, want string }{
		{"version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceTyp: ecs.g7.large\n", `第 4 行：未知的键 "InstanceTyp"：您是否要写 InstanceType？`},
		{"version: 1\nRegionId: cn-hangzhou\n", "第 2 行：RegionId 是 RunInstances 的参数：参数应写在 request: 之下"},
		{"version: 1\nInstanceTyp: ecs.g7.large\n", `第 2 行：未知的键 "InstanceTyp"：如果它是参数 InstanceType，应写在 request: 之下`},
		{"versoin: 1\n", `未知的键 "versoin"：您是否要写 version？`},
		{"version: 2\nrequest: {}\n", `第 1 行：version：本程序读取的版本为 1，文件中为 "2"`},
		{"version: 1\n", "缺少 `request:`（即 RunInstances 的参数）"},
		{"version: 1\nrequest:\n  DataDisk: 40\n", "第 3 行：DataDisk 取一个列表，不能是单个值"},
		{"version: 1\nrequest:\n  SystemDisk: 40\n", "第 3 行：SystemDisk 取一个映射，不能是单个值"},
		{"version: 1\nversion: 1\n", `第 2 行：键 "version" 重复`},
		{"version: 1\nrequest:\n  ask: x\n", `未知的键 "ask"`},
		{"version: 1\nrequest:\n  DataDisk:\n    - {Size: 40}\n  DataDisk.1.Size: 50\n", "DataDisk.1.Size 指定了两次"},
		{"version: 1\nrequest:\n  InstanceName: " + strings.Repeat("a", MaxValueLen+1) + "\n", "InstanceName：取值为 65537 字节；参数值最大为 65536 字节（64 KiB）"},
		{"version: 1\nask: [InstanceNam]\nrequest: {}\n", `ask：未知的键 "InstanceNam"：您是否要写 InstanceName？`},
		{"version: 1\nrequest: {}\n---\nversion: 1\nrequest: {}\n", "出现了第二个 YAML 文档"},
	}
	for _, c := range cases {
		var zh, en error
		var msg string
		_, en = ParseFile([]byte(c.file))
		inChinese(func() {
			if _, zh = ParseFile([]byte(c.file)); zh != nil {
				msg = zh.Error()
			}
		})
		if !strings.Contains(msg, c.want) {
			t.Errorf("%q:\n got %s\nwant %s", c.file, msg, c.want)
			continue
		}
		if left := i18ncheck.EnglishLeft(msg); left != "" {
			t.Errorf("%q: English left (%q) in %s", c.file, left, msg)
		}
		var fz, fe *FileError
		if errors.As(zh, &fz) && errors.As(en, &fe) && fz.Line != fe.Line {
			t.Errorf("%q: line %d in Chinese, %d in English", c.file, fz.Line, fe.Line)
		}
	}
}

// The reference rules in Chinese name the parameter and the variable as
// written, with the rule in Chinese.
func TestReferenceErrorsInChinese(t *testing.T) {
	r := reqOf(t, "HostName", "x${ALIBABA_CLOUD_ACCESS_KEY_SECRET}", "Description", "${NOTE}", "KeyPairName", "${DB_PASSWORD}")
	errs := r.CheckReferences([]string{"KeyPairName"})
	if len(errs) != 3 {
		t.Fatalf("%v", errs)
	}
	want := map[string]string{
		"HostName":    "HostName 引用了 ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}，这是凭证变量",
		"Description": "Description 引用了 ${NOTE}，但 ${NAME} 引用只能用在 Password、UserData 或启动文件 ask: 中列出的参数里（请把 Description 加入 ask:",
		"KeyPairName": "KeyPairName 引用了 ${DB_PASSWORD}，该变量保存的是机密",
	}
	inChinese(func() {
		for _, e := range errs {
			if got := e.Error(); !strings.HasPrefix(got, want[e.Parameter]) || i18ncheck.EnglishLeft(got) != "" {
				t.Errorf("%s: %q, want it to start %q", e.Parameter, got, want[e.Parameter])
			}
		}
		miss := &MissingReferenceError{Names: []string{"ECS_PASSWORD"}}
		if got := miss.Error(); got != "环境变量 ECS_PASSWORD 未设置（请求以 ${ECS_PASSWORD} 引用它；只在发起调用时读取）" {
			t.Errorf("missing: %q", got)
		}
		if got := CheckName("InstanceTyp").Error(); got != `RunInstances 没有参数 "InstanceTyp"（您是否要写 InstanceType？）` {
			t.Errorf("unknown: %q", got)
		}
		if !errors.Is(ErrNotPatchable, ErrNotPatchable) || ErrNotPatchable.Error() != "启动文件的 request 使用了 YAML 锚点或合并键" {
			t.Errorf("not patchable: %q", ErrNotPatchable)
		}
	})
	if got := errs[0].Error(); !strings.HasPrefix(got, "HostName refers to ${ALIBABA_CLOUD_ACCESS_KEY_SECRET}, a credential variable") {
		t.Errorf("back in English: %q", got)
	}
}
