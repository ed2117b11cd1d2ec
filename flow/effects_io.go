package flow

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ecslaunch/ecslaunch/atomicfile"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// loadDraft reads the draft an earlier session left.
type loadDraft struct{}

// DraftLoaded answers loadDraft. A draft that cannot be parsed is moved
// aside (Kept names where), never overwritten.
type DraftLoaded struct {
	Req   *request.Request
	Found bool
	Kept  string
	Err   error
}

func (DraftLoaded) result() {}

// Run reads and parses the draft; a corrupt one is renamed to
// draft.yaml.corrupt-<time> so the next save cannot destroy it.
func (loadDraft) Run(_ context.Context, d Deps) Result {
	if d.DraftPath == "" {
		return DraftLoaded{}
	}
	b, err := os.ReadFile(d.DraftPath)
	if errors.Is(err, os.ErrNotExist) {
		return DraftLoaded{}
	}
	if err != nil {
		return DraftLoaded{Found: true, Err: err}
	}
	f, perr := request.ParseFile(b)
	if perr == nil {
		return DraftLoaded{Req: f.Request, Found: true}
	}
	kept := d.DraftPath + ".corrupt-" + now(d).UTC().Format("20060102T150405Z")
	if err := os.Rename(d.DraftPath, kept); err != nil {
		return DraftLoaded{Found: true, Err: fmt.Errorf("the draft %s cannot be read (%v) nor moved aside: %w", d.DraftPath, perr, err)}
	}
	return DraftLoaded{Found: true, Kept: kept, Err: perr}
}

func now(d Deps) time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// saveDraft writes the draft as a launch file without its secrets.
type saveDraft struct{ req *request.Request }

// DraftSaved answers saveDraft.
type DraftSaved struct{ Err error }

func (DraftSaved) result() {}

// Run writes the draft atomically.
func (e saveDraft) Run(_ context.Context, d Deps) Result {
	if d.DraftPath == "" {
		return DraftSaved{}
	}
	b, _, err := (&request.File{Version: request.FileVersion, Request: e.req}).Marshal()
	if err == nil {
		err = WriteFileAtomic(d.DraftPath, b, 0o600)
	}
	return DraftSaved{Err: err}
}

// removeDraft deletes the draft once it has served its purpose.
type removeDraft struct{}

// Run removes the file; a draft already gone is fine.
func (removeDraft) Run(_ context.Context, d Deps) Result {
	if d.DraftPath != "" {
		_ = os.Remove(d.DraftPath)
	}
	return nil
}

// WriteFileAtomic writes b to path through atomicfile (a temporary file
// in the same folder and a rename), so a crash or a full disk never leaves
// half a file and an old file stays whole until the new one is complete.
// A missing folder is made (0700).
func WriteFileAtomic(path string, b []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, b, mode)
}

// writeFile writes a file the user asked for: an export or a launch file.
type writeFile struct {
	what, path string
	data       []byte
	// overwrite: the user confirmed replacing an existing file.
	overwrite bool
}

// FileWritten answers writeFile. Exists is set, and nothing written, when
// the file exists and overwriting was not confirmed.
type FileWritten struct {
	What, Path string
	Exists     bool
	Err        error
}

func (FileWritten) result() {}

// Run writes atomically with mode 0600 (exports and launch files name the
// account's resources), after checking that an existing file may go.
func (e writeFile) Run(_ context.Context, _ Deps) Result {
	p, err := expandHome(e.path)
	if err != nil {
		return FileWritten{What: e.what, Path: e.path, Err: err}
	}
	if _, err := os.Stat(p); err == nil && !e.overwrite {
		return FileWritten{What: e.what, Path: e.path, Exists: true}
	}
	return FileWritten{What: e.what, Path: e.path, Err: WriteFileAtomic(p, e.data, 0o600)}
}

// copyText puts text on the clipboard.
type copyText struct{ text string }

// Copied answers copyText.
type Copied struct {
	Method string
	Err    error
}

func (Copied) result() {}

// Run calls the driver's clipboard.
func (e copyText) Run(_ context.Context, d Deps) Result {
	if d.Copy == nil {
		return Copied{Err: errors.New("no clipboard here")}
	}
	m, err := d.Copy(e.text)
	return Copied{Method: m, Err: err}
}

// dryRun asks ECS whether it would accept the request.
type dryRun struct {
	id  int
	req *request.Request
}

// DryRunDone answers dryRun.
type DryRunDone struct {
	ID  int
	Res launcher.DryRunResult
}

func (DryRunDone) result() {}

// Run sends RunInstances with DryRun=true.
func (e dryRun) Run(ctx context.Context, d Deps) Result {
	c := d.Launch
	if d.Scheme != "" {
		c = launcher.WithScheme(c, d.Scheme)
	}
	return DryRunDone{ID: e.id, Res: launcher.DryRun(ctx, c, e.req)}
}

// launch runs a launch; its progress events come as LaunchEvent results
// on its progress channel.
type launch struct {
	req      *request.Request
	ask      []string // the launch file's ask: list, where ${NAME} may also stand
	progress chan Result
}

// Progress is the channel an effect reports intermediate results on (a
// launch's events, a zone's pricing), closed when it is done: the TUI
// reads it one result at a time, the accessible mode as they come. ok is
// false for an effect that reports nothing on the way.
func Progress(e Effect) (<-chan Result, bool) {
	switch e := e.(type) {
	case launch:
		return e.progress, true
	case priceZone:
		return e.progress, true
	}
	return nil, false
}

// LaunchEvent is one progress event of a launch.
type LaunchEvent struct{ Event launcher.Event }

func (LaunchEvent) result() {}

// LaunchDone answers launch.
type LaunchDone struct {
	Outcome *launcher.Outcome
	Err     error
}

func (LaunchDone) result() {}

// Run opens the history and launches; the progress channel is closed when done.
func (e launch) Run(ctx context.Context, d Deps) Result {
	events := make(chan launcher.Event, 16)
	relayed := make(chan struct{})
	go func() {
		defer close(relayed)
		for ev := range events {
			e.progress <- LaunchEvent{Event: ev}
		}
	}()
	defer func() { close(events); <-relayed; close(e.progress) }()
	hist, err := launcher.OpenHistory(d.HistoryPath)
	if err == nil {
		err = hist.Writable() // a read-only history cannot record the token: refuse before any call
	}
	if err != nil {
		return LaunchDone{Err: err}
	}
	o := launcher.Options{History: hist, Wait: true, Scheme: d.Scheme, Target: d.Target, Ask: e.ask}
	out, err := launcher.Launch(ctx, d.Launch, e.req, o, events)
	return LaunchDone{Outcome: out, Err: err}
}
