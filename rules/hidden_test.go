package rules

import (
	"strings"
	"testing"
)

// TestHiddenCharactersAreRefused: offline validate passed U+200B, U+200F
// and U+202E inside IDs and types (issue 17 item 14). Every hidden rule
// has a failing case here; free text keeps its characters.
func TestHiddenCharactersAreRefused(t *testing.T) {
	for _, r := range Rules() {
		if !strings.HasPrefix(r.ID, "hidden:") {
			continue
		}
		key := fillOnes(r.Pattern)
		for _, c := range []string{"\u200b", "\u200f", "\u202e", "\x1b"} {
			req, _ := build(t, []string{"RegionId=cn-hangzhou", key + "=ab" + c + "cd"})
			fs := Validate(req, Context{Now: now})
			f, ok := hiddenFinding(fs, key)
			if !ok && enumerated(r.Pattern) {
				// The enum rule's InvalidParameter finding stands for both.
				f, ok = findIn(fs, key, "InvalidParameter")
			} else if !strings.Contains(f.Message, "at character 3") {
				ok = false
			}
			if !ok {
				t.Errorf("%s with %q: %+v", key, c, f)
				continue
			}
			if strings.Contains(f.Message, c) {
				t.Errorf("%s: the finding prints the character raw: %q", key, f.Message)
			}
		}
	}
	req, _ := build(t, []string{"RegionId=cn-hangzhou", "ImageId=aliyun_3_x64\u200b", "InstanceType=ecs.g7\u202e.large",
		"Description=a\u200bb", "Tag.1.Key=k", "Tag.1.Value=v\u200f"})
	fs := Validate(req, Context{Now: now})
	for _, k := range []string{"ImageId", "InstanceType"} {
		if _, ok := hiddenFinding(fs, k); !ok {
			t.Errorf("%s: no finding in %+v", k, fs)
		}
	}
	for _, k := range []string{"Description", "Tag.1.Value"} {
		if f, ok := hiddenFinding(fs, k); ok {
			t.Errorf("free text %s refused: %+v", k, f)
		}
	}
}

func hiddenFinding(fs []Finding, key string) (Finding, bool) {
	for _, f := range fs {
		if f.Parameter == key && strings.Contains(f.Message, "invisible or direction character") {
			return f, true
		}
	}
	return Finding{}, false
}

// fillOnes puts index 1 in every N segment of a pattern.
func fillOnes(pattern string) string {
	segs := strings.Split(pattern, ".")
	for i, s := range segs {
		if s == "N" {
			segs[i] = "1"
		}
	}
	return strings.Join(segs, ".")
}

// enumerated reports whether a pattern has an enum rule.
func enumerated(pattern string) bool {
	for _, r := range Rules() {
		if r.Pattern == pattern && r.Kind == KindEnum {
			return true
		}
	}
	return false
}
