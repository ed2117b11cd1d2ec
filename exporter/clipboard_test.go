package exporter

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// fakeCopier builds a copier with an environment and a clipboard tool that
// records what it was given.
func fakeCopier(env map[string]string, unsupported bool, fail error) (copier, *[]string) {
	var got []string
	return copier{
		getenv:      func(k string) string { return env[k] },
		unsupported: unsupported,
		write:       func(s string) error { got = append(got, s); return fail },
	}, &got
}

func TestCopyUsesTheClipboardLocally(t *testing.T) {
	c, got := fakeCopier(nil, false, nil)
	var term bytes.Buffer
	m, err := c.copy("aliyun ecs RunInstances", &term)
	if err != nil || m != CopyClipboard || len(*got) != 1 || term.Len() != 0 {
		t.Errorf("method %q, err %v, clipboard %q, terminal %q", m, err, *got, term.String())
	}
}

func TestCopyFallsBackToOSC52(t *testing.T) {
	text := "aliyun ecs RunInstances \\\n  --RegionId cn-hangzhou\n"
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\x07"
	cases := map[string]struct {
		env         map[string]string
		unsupported bool
		fail        error
	}{
		"ssh":            {env: map[string]string{"SSH_TTY": "/dev/pts/1"}},
		"ssh connection": {env: map[string]string{"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22"}},
		"no tool":        {unsupported: true},
		"tool fails":     {fail: errors.New("xclip: cannot open display")},
	}
	for name, tc := range cases {
		c, got := fakeCopier(tc.env, tc.unsupported, tc.fail)
		var term bytes.Buffer
		m, err := c.copy(text, &term)
		if err != nil || m != CopyOSC52 || term.String() != want {
			t.Errorf("%s: method %q, err %v, terminal %q", name, m, err, term.String())
		}
		if tc.env != nil && len(*got) != 0 {
			t.Errorf("%s: a remote session must not fill the remote clipboard", name)
		}
	}
}

func TestCopyWrapsOSC52ForTmux(t *testing.T) {
	c, _ := fakeCopier(map[string]string{"SSH_TTY": "x", "TMUX": "/tmp/tmux"}, false, nil)
	var term bytes.Buffer
	if _, err := c.copy("x", &term); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(term.String(), "\x1bPtmux;") {
		t.Errorf("tmux needs the passthrough wrapper, got %q", term.String())
	}
}

func TestCopyWithNowhereToGo(t *testing.T) {
	c, _ := fakeCopier(nil, true, nil)
	if _, err := c.copy("x", nil); err == nil {
		t.Error("want an error when there is no clipboard tool and no terminal")
	}
}
