package cmd

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
)

// runIn runs ecslaunch as Execute does, with the language chosen from
// args and env (UseLanguage), and restores English after the test.
func runIn(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	getenv := func(k string) string { return env[k] }
	if err := UseLanguage(args, getenv); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { i18n.Set(i18n.English) })
	return run(t, "", args...)
}

// The acceptance: LANG=zh_CN.UTF-8 ecslaunch validate bad.yaml says what
// it found in Chinese, with the parameter names and codes as the API
// spells them.
func TestValidateSpeaksChineseWithLANG(t *testing.T) {
	out, _, code := runIn(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "validate", "testdata/bad.yaml")
	if code != ExitFailed {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"testdata/bad.yaml：1 个错误，0 个警告",
		"  testdata/bad.yaml:10: 错误 DataDisk.2.Size [InvalidDataDiskSize.ValueNotSupported] ",
		"提示：与操作系统相关的规则对 ImageId aliyun_3_x64_20G_alibase_20240819.vhd 按 OS 类型 linux 检查",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, english := range []string{"error(s)", "note:", " error DataDisk"} {
		if strings.Contains(out, english) {
			t.Errorf("%q is still English in\n%s", english, out)
		}
	}
	i18n.Set(i18n.English)
	if out, _, _ := run(t, "", "validate", "testdata/good.yaml"); !strings.Contains(out, ": valid") {
		t.Errorf("English did not come back after the Chinese run:\n%s", out)
	}
}

// --output json keeps its keys and codes in Chinese (scripts rely on
// them); the texts inside it are Chinese.
func TestValidateJSONKeepsKeysAndCodesInChinese(t *testing.T) {
	decode := func(s string) []map[string]any {
		t.Helper()
		var v []map[string]any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, s)
		}
		return v
	}
	args := []string{"validate", "--output", "json", "testdata/good.yaml", "testdata/bad.yaml"}
	en, _, codeEn := run(t, "", args...)
	zh, _, codeZh := runIn(t, nil, append([]string{"--lang", "zh"}, args...)...)
	a, b := decode(en), decode(zh)
	if codeEn != codeZh || len(a) != len(b) {
		t.Fatalf("exit %d vs %d, %d vs %d reports", codeEn, codeZh, len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(keysOf(a[i]), keysOf(b[i])) || a[i]["valid"] != b[i]["valid"] || a[i]["osType"] != b[i]["osType"] {
			t.Errorf("report %d: %v vs %v", i, a[i], b[i])
		}
		fa, fb := a[i]["findings"].([]any), b[i]["findings"].([]any)
		for j := range fa {
			x, y := fa[j].(map[string]any), fb[j].(map[string]any)
			for _, k := range []string{"parameter", "severity", "code", "row", "line"} {
				if x[k] != y[k] {
					t.Errorf("finding %d %s: %v vs %v", j, k, x[k], y[k])
				}
			}
		}
	}
	if from, _ := b[0]["osTypeFrom"].(string); !strings.Contains(from, "公共镜像") {
		t.Errorf("osTypeFrom is not Chinese: %q", from)
	}
}

func keysOf(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The help is Chinese with --lang zh: cobra's own headings, the commands'
// Short texts, the flags' usages and -h; English is cobra's as before.
func TestHelpInChinese(t *testing.T) {
	out, _, code := runIn(t, nil, "--lang", "zh", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"用法：", "可用命令：", "选项：", "  validate    按 RunInstances 的全部文档规则检查启动文件",
		"ecslaunch 的帮助", "运行 \"ecslaunch [command] --help\" 查看命令的详细说明。", "在内置沙箱中运行：不会创建真实资源"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, english := range []string{"Usage:", "Flags:", "Available Commands:", "help for", "Help about any command"} {
		if strings.Contains(out, english) {
			t.Errorf("%q is still English in\n%s", english, out)
		}
	}
	sub, _, _ := runIn(t, nil, "--lang", "zh", "price", "--help")
	for _, want := range []string{"示例：", "全局选项：", "输出格式：table 或 json（默认 \"table\"）", "# 在 CI 中与 ecslaunch validate 一起使用"} {
		if !strings.Contains(sub, want) {
			t.Errorf("price --help: no %q in\n%s", want, sub)
		}
	}
	if strings.Contains(sub, "(default") {
		t.Errorf("pflag's (default …) is still English:\n%s", sub)
	}
	i18n.Set(i18n.English)
	en, _, _ := run(t, "", "--help")
	for _, want := range []string{"Usage:", "Available Commands:", "help for ecslaunch", "Check launch files against every documented RunInstances rule"} {
		if !strings.Contains(en, want) {
			t.Errorf("English help lost %q:\n%s", want, en)
		}
	}
}

// columnStarts is the display column at which each cell after the first
// starts, for a table whose cells are separated by two or more spaces.
func columnStarts(line string) []int {
	var out []int
	for _, m := range regexp.MustCompile(`  +`).FindAllStringIndex(strings.TrimLeft(line, " "), -1) {
		out = append(out, ansi.StringWidth(strings.TrimLeft(line, " ")[:m[1]]))
	}
	return out
}

// A table with Chinese cells (the regions' LocalNames in Chinese) keeps
// its columns aligned on a terminal, where a CJK character is two cells:
// tabwriter counted runes and shifted every column after one.
func TestAChineseTableStaysAligned(t *testing.T) {
	out, errs, code := runIn(t, nil, "--lang", "zh", "catalog", "regions", "--sandbox")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 5 || !strings.Contains(out, "华东1（杭州）") {
		t.Fatalf("no Chinese LocalNames:\n%s", out)
	}
	want := columnStarts(lines[0])
	for _, l := range lines[1:] {
		if got := columnStarts(l); !reflect.DeepEqual(got, want) {
			t.Errorf("%q starts its columns at %v, the heading at %v", l, got, want)
		}
	}
}

func TestTableMeasuresDisplayWidth(t *testing.T) {
	var tb table
	tb.row("ZoneId", "LocalName", "AvailableTypes")
	tb.row("cn-hangzhou-i", "华东 1 可用区 I", "307")
	tb.row("cn-hangzhou-j", "Hangzhou Zone J", "255")
	var b strings.Builder
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines {
		if i := strings.LastIndex(l, "  "); ansi.StringWidth(l[:i+2]) != 32 {
			t.Errorf("%q: the last column starts at %d, want 32", l, ansi.StringWidth(l[:i+2]))
		}
	}
	if got := padRight("地域", 6); got != "地域  " {
		t.Errorf("padRight: %q", got)
	}
}

// The history's headings and states are Chinese and its columns stay
// where the English ones are.
func TestHistoryTableInChineseIsAligned(t *testing.T) {
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	var out, errb strings.Builder
	started := time.Date(2026, 1, 2, 3, 4, 5, 0, time.Local)
	printHistory(&IO{Out: &out, Err: &errb}, []launcher.Entry{{Started: started, State: launcher.StateRunning, Region: "cn-hangzhou",
		Request: map[string]string{"InstanceType": "ecs.g7.large"}, Target: &launcher.Target{Kind: launcher.TargetSandbox},
		InstanceIDs: []string{"i-1"}}}, "h.jsonl")
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "#   开始时间") || !strings.Contains(lines[1], "运行中") || !strings.Contains(lines[1], "沙箱") {
		t.Fatalf("%q", lines)
	}
	// Each column starts at the same display column in both rows: 4, 25,
	// 35, 49, 74, 99.
	for _, l := range lines {
		for _, col := range []int{4, 25, 35, 49, 74, 99} {
			if s := ansi.Cut(l, col-1, col); s != " " {
				t.Errorf("%q: display column %d is %q, not the space before a column", l, col-1, s)
			}
		}
	}
}

// cobra's and pflag's own errors are said in Chinese too, and stay usage
// errors (exit 2).
func TestCobraErrorsInChinese(t *testing.T) {
	for args, want := range map[string]string{
		"validate --bogus x":       "ecslaunch: 未知选项：--bogus\n",
		"valdate":                  "ecslaunch: \"ecslaunch\" 没有命令 \"valdate\"\n",
		"launch --timeout abc x":   "ecslaunch: 选项 \"--timeout\" 的参数 \"abc\" 无效：time: invalid duration \"abc\"\n",
		"validate --output":        "ecslaunch: 选项 --output 需要一个参数\n",
		"validate -Z testdata/x.y": "ecslaunch: -Z 中有未知的短选项 'Z'\n",
	} {
		_, errs, code := runIn(t, nil, append([]string{"--lang", "zh"}, strings.Fields(args)...)...)
		if code != ExitUsage || errs != want {
			t.Errorf("%s: exit %d, %q, want %q", args, code, errs, want)
		}
	}
	i18n.Set(i18n.English)
	if _, errs, _ := run(t, "", "validate", "--bogus", "x"); errs != "ecslaunch: unknown flag: --bogus\n" {
		t.Errorf("English: %q", errs)
	}
}
