package apidoc

import (
	"regexp"
	"strings"
	"testing"
)

// countRows counts table rows in a section of the embedded file by a line
// pattern of its own, independent of the parser's regexes.
func countRows(t *testing.T, title string, row *regexp.Regexp) int {
	t.Helper()
	in := false
	n := 0
	for _, line := range strings.Split(specText, "\n") {
		if strings.HasPrefix(line, "## ") {
			in = strings.HasPrefix(line, "## "+title)
			continue
		}
		if in && row.MatchString(line) {
			n++
		}
	}
	if n == 0 {
		t.Fatalf("section %q has no rows: the embedded spec is not the one expected", title)
	}
	return n
}

func TestSpecParsesEveryParameterRow(t *testing.T) {
	// A parameter row starts with |Name| and its type cell; the header and
	// the separator do not.
	want := countRows(t, "请求参数", regexp.MustCompile(`^\|[A-Z][^|]*\|[A-Z]`))
	got := theSpec().params
	if len(got) != want {
		t.Fatalf("parsed %d parameter rows, the table has %d", len(got), want)
	}
	for _, p := range got {
		if p.Description == "" || p.Type == "" {
			t.Errorf("%s: empty type or description", p.Name)
		}
		if strings.Contains(p.Description, "~~") {
			t.Errorf("%s: link noise left in %q", p.Name, p.Description)
		}
	}
}

func TestSpecParsesEveryErrorRow(t *testing.T) {
	want := countRows(t, "错误码", regexp.MustCompile(`^\|[1-5][0-9][0-9]\|`))
	got := theSpec().errors
	if len(got) != want {
		t.Fatalf("parsed %d error rows, the table has %d", len(got), want)
	}
	for _, e := range got {
		if e.Code == "" || e.Message == "" || e.HTTPStatus < 400 {
			t.Errorf("bad row %+v", e)
		}
		if strings.Contains(e.Code, `\`) {
			t.Errorf("escape left in code %q", e.Code)
		}
	}
}

func TestSpecRowsKeepTheirText(t *testing.T) {
	byName := map[string]specParam{}
	for _, p := range theSpec().params {
		byName[p.Name] = p
	}
	pw := byName["Password"]
	// The special characters contain "|": the row must not end there.
	if !strings.Contains(pw.Description, "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/") || !strings.Contains(pw.Description, "HTTPS") {
		t.Errorf("Password description cut or altered: %q", pw.Description)
	}
	if got := byName["RegionId"].Description; got != "实例所属的地域ID。您可以调用DescribeRegions查看最新的阿里云地域列表。" {
		t.Errorf("RegionId description = %q", got)
	}
	if !byName["RegionId"].Required || byName["ZoneId"].Required {
		t.Error("the 是否必选 column was not read")
	}
	if got := byName["ImageId"].Example; got != "win2008r2_64_ent_sp1_en-us_40G_alibase_20170915.vhd" {
		t.Errorf("ImageId example = %q", got)
	}
	if got := byName["SystemDisk.Size"].Description; !strings.Contains(got, "max{20, ImageSize}") {
		t.Errorf("SystemDisk.Size escapes not removed: %q", got)
	}
}

func TestCleanReference(t *testing.T) {
	cases := map[string]string{
		"调用[DescribeZones](~~25610~~)获取\n\n 默认值：随机。\n\n ": "调用DescribeZones获取\n\n默认值：随机。",
		"见(~~1~~)。cloud\\_ssd": "见。cloud_ssd",
	}
	for in, want := range cases {
		if got := cleanReference(in); got != want {
			t.Errorf("cleanReference(%q) = %q, want %q", in, got, want)
		}
	}
}
