package exporter

import (
	"errors"
	"io"
	"os"

	"github.com/atotto/clipboard"
	"github.com/aymanbagabas/go-osc52/v2"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The ways Copy can put text on the clipboard.
const (
	// CopyClipboard is the local clipboard tool (pbcopy, xclip, xsel,
	// wl-copy, clip.exe) through atotto/clipboard.
	CopyClipboard = "clipboard"
	// CopyOSC52 is the terminal's OSC 52 escape sequence, which reaches the
	// clipboard of the machine the terminal runs on, also over SSH.
	CopyOSC52 = "osc52"
)

// copier holds what Copy depends on, so that tests can replace it.
type copier struct {
	getenv      func(string) string
	unsupported bool
	write       func(string) error
}

var systemCopier = copier{getenv: os.Getenv, unsupported: clipboard.Unsupported, write: clipboard.WriteAll}

// Copy puts text on the clipboard and returns the method used: the local
// clipboard tool when there is one and the session is local, otherwise (or
// when the tool fails) the OSC 52 sequence written to w, the terminal.
func Copy(text string, w io.Writer) (method string, err error) {
	return systemCopier.copy(text, w)
}

func (c copier) copy(text string, w io.Writer) (string, error) {
	if !c.remote() && !c.unsupported {
		if err := c.write(text); err == nil {
			return CopyClipboard, nil
		}
	}
	if w == nil {
		return "", errors.New(i18n.Text("copy: no clipboard tool and no terminal to send OSC 52 to"))
	}
	seq := osc52.New(text)
	switch {
	case c.getenv("TMUX") != "":
		seq = seq.Tmux()
	case c.getenv("STY") != "":
		seq = seq.Screen()
	}
	if _, err := seq.WriteTo(w); err != nil {
		return "", i18n.Errorf("copy: write OSC 52: %w", err)
	}
	return CopyOSC52, nil
}

// remote reports an SSH session, where a local clipboard tool would fill
// the remote machine's clipboard rather than the user's.
func (c copier) remote() bool {
	return c.getenv("SSH_TTY") != "" || c.getenv("SSH_CONNECTION") != "" || c.getenv("SSH_CLIENT") != ""
}
