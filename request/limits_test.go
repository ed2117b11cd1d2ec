package request

import (
	"errors"
	"strings"
	"testing"
)

// TestParseFileRefusesASecondDocument: a request after `---` used to be
// ignored silently (issue 17 item 11).
func TestParseFileRefusesASecondDocument(t *testing.T) {
	two := "version: 1\nrequest:\n  RegionId: cn-hangzhou\n---\nversion: 1\nrequest:\n  RegionId: cn-beijing\n"
	_, err := ParseFile([]byte(two))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 5 || !strings.Contains(fe.Msg, "second YAML document") {
		t.Fatalf("two documents: %v", err)
	}
	// A bad second document is refused as well, not skipped.
	if _, err := ParseFile([]byte("version: 1\nrequest: {RegionId: a}\n---\n[unclosed\n")); err == nil {
		t.Fatal("a broken second document was accepted")
	}
	// A trailing --- (an empty document) and a leading one are fine.
	for _, ok := range []string{"version: 1\nrequest: {RegionId: a}\n---\n", "---\nversion: 1\nrequest: {RegionId: a}\n"} {
		if _, err := ParseFile([]byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// TestParseFileCapsItsSizeBeforeParsing: a 68 MB file took 12 s and 2.1 GB
// (issue 17 item 12); the cap is checked on the bytes, before YAML.
func TestParseFileCapsItsSizeBeforeParsing(t *testing.T) {
	data := []byte("version: 1\nrequest:\n  Description: \"" + strings.Repeat("x", MaxFileSize) + "\"\n")
	_, err := ParseFile(data)
	if err == nil || !strings.Contains(err.Error(), "at most 1048576 bytes (1 MiB)") {
		t.Fatalf("a %d-byte file: %v", len(data), err)
	}
}

// TestValuesAreCapped: a huge value names its parameter, line and limit.
func TestValuesAreCapped(t *testing.T) {
	data := []byte("version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceName: " + strings.Repeat("a", MaxValueLen+1) + "\n")
	_, err := ParseFile(data)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 4 || !strings.Contains(fe.Msg, "InstanceName") || !strings.Contains(fe.Msg, "at most 65536 bytes") {
		t.Fatalf("long InstanceName: %v", err)
	}
	var tl *ValueTooLongError
	if err := New().Set("UserData", strings.Repeat("A", MaxValueLen+4)); !errors.As(err, &tl) || tl.Name != "UserData" {
		t.Fatalf("Set: %v", err)
	}
	if err := New().Set("UserData", strings.Repeat("A", 44*1024)); err != nil {
		t.Fatalf("a UserData at its documented 32 KB (Base64) must pass: %v", err)
	}
}

// TestMultiLineTextIsWrittenAsALiteralBlock, when it reads back exactly;
// otherwise double-quoted as before.
func TestMultiLineTextIsWrittenAsALiteralBlock(t *testing.T) {
	for _, c := range []struct {
		text    string
		literal bool
	}{
		{"two\nlines", true}, {"ends with a break\n", true}, {"tab\tand\nbreak", false},
		{"\nleading break", false}, {"trailing space \nx", false}, {"  indented\nfirst", true},
	} {
		f := &File{Version: 1, Description: c.text, Request: New()}
		out, _, err := f.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseFile(out)
		if err != nil || back.Description != c.text {
			t.Errorf("%q does not read back: %v\n%s", c.text, err, out)
		}
		if lit := strings.Contains(string(out), "description: |"); lit != c.literal {
			t.Errorf("%q: literal block %v, want %v\n%s", c.text, lit, c.literal, out)
		}
	}
}
