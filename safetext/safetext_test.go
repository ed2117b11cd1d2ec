package safetext

import (
	"encoding/json"
	"testing"
)

func TestEscapeShowsWhatIsHidden(t *testing.T) {
	cases := map[string]string{
		"evil-\x1b[31mred":   `evil-\x1b[31mred`,
		"sg-1\u202eabc":      `sg-1\u202eabc`,
		"ecs.g7\u200b.large": `ecs.g7\u200b.large`,
		"a\u200fb\ufeffc":    `a\u200fb\ufeffc`,
		"line\nbreak\ttab":   `line\x0abreak\x09tab`,
		"tag\U000E0041":      `tag\U000e0041`,
		"中文 名字 ecs.g7.large": "中文 名字 ecs.g7.large",
		"filler\u3164":       `filler\u3164`,
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EscapeLines("a\nb\x1b\tc"); got != "a\nb\\x1b\tc" {
		t.Errorf("EscapeLines: %q", got)
	}
	if r, pos, ok := Hidden("ecs.g7\u200b.large"); !ok || r != 0x200B || pos != 7 {
		t.Errorf("Hidden: %U %d %v", r, pos, ok)
	}
}

// TestEscapeJSONKeepsTheValue: the escaped JSON decodes to the same value.
func TestEscapeJSONKeepsTheValue(t *testing.T) {
	v := map[string]string{"Name": "evil-\x1b[31mred\u202e\u2028\U000E0041 ok"}
	raw, _ := json.Marshal(v)
	esc := EscapeJSON(string(raw))
	if _, _, hidden := Hidden(esc); hidden {
		t.Fatalf("still hidden runes: %q", esc)
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(esc), &back); err != nil || back["Name"] != v["Name"] {
		t.Fatalf("%v: %q", err, back)
	}
}
