package i18ncheck

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"testing"
)

func repoRoot(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Every message shown through i18n has its Chinese text, with the same
// %-verbs, and no Chinese text is still an English sentence.
func TestEveryMessageHasItsChineseText(t *testing.T) {
	uses, entries, err := Scan(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	zh := map[string]Entry{}
	for _, e := range entries {
		if prev, dup := zh[e.Key]; dup && prev.Zh != e.Zh {
			t.Errorf("%s: %q is translated twice, differently (also %s)", e.Pos, e.Key, prev.Pos)
		}
		zh[e.Key] = e
	}
	var missing []string
	for _, u := range uses {
		e, ok := zh[u.Key]
		if !ok {
			missing = append(missing, fmt.Sprintf("%s: no Chinese text for %q", u.Pos, u.Key))
			continue
		}
		if a, b := Verbs(u.Key), Verbs(e.Zh); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %q and its Chinese text %q differ in their verbs: %v vs %v", e.Pos, u.Key, e.Zh, a, b)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Error(m)
	}
	for _, e := range entries {
		if left := EnglishLeft(e.Zh); left != "" {
			t.Errorf("%s: the Chinese text %q still holds English (%q)", e.Pos, e.Zh, left)
		}
	}
	t.Logf("%d messages used, %d Chinese texts", len(uses), len(entries))
}

func TestEnglishLeftSeesSentencesButNotAPINames(t *testing.T) {
	for zh, want := range map[string]bool{
		"DataDisk.2.Size 超出范围：允许 20..32768 GiB（cloud_essd）": false,
		"未知地域 %s；您是否要找 %s？":                                 false,
		"运行 `ecslaunch validate web.yaml` 检查":               false,
		"InvalidSpotPriceLimit.LowerThanPublicPrice：低于当前价格": false,
		"使用 --sandbox 或 ${ECS_PASSWORD}":                    false,
		"the file is not valid":                             true,
		"请 choose a region":                                 true,
	} {
		if got := EnglishLeft(zh) != ""; got != want {
			t.Errorf("EnglishLeft(%q) = %v (%q), want %v", zh, got, EnglishLeft(zh), want)
		}
	}
}

func TestVerbsIgnoreOrderAndIndexes(t *testing.T) {
	if !reflect.DeepEqual(Verbs("%s of %d"), Verbs("%[2]d 中的 %[1]s")) {
		t.Error("reordered verbs differ")
	}
	if reflect.DeepEqual(Verbs("%s"), Verbs("%d")) {
		t.Error("a string verb and an integer verb compare equal")
	}
}
