package launcher

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// State is where a launch stands, as recorded in the history.
type State string

// The states of a launch.
const (
	// StatePending: the request is (about to be) sent and its result is not
	// known; `launch --resume` re-sends it with its token.
	StatePending State = "pending"
	// StateCreated: ECS accepted the request; the instances were not (yet)
	// all seen running, e.g. with --no-wait or after an interrupted wait.
	StateCreated State = "created"
	// StateRunning: every instance was seen running.
	StateRunning State = "running"
	// StateTimedOut: the wait for Running ended before every instance ran.
	StateTimedOut State = "timeout"
	// StateFailed: ECS refused the request; nothing was created.
	StateFailed State = "failed"
)

// Entry is one record of a launch. The file holds several per launch; the
// last one for a token is its current state.
type Entry struct {
	// Time is when this record was written; Started when the launch began.
	Time    time.Time `json:"time"`
	Started time.Time `json:"started"`
	Token   string    `json:"token"`
	State   State     `json:"state"`
	Region  string    `json:"region,omitempty"`
	// Target is where the launch was sent (endpoint, sandbox or live, the
	// credential's masked identity); a resume goes only there.
	Target *Target `json:"target,omitempty"`
	// Request holds the flat parameters with every secret replaced by its
	// environment reference (request.WithSecretReferences).
	Request map[string]string `json:"request,omitempty"`
	// Ask is the launch file's ask: list, which says where the request may
	// hold ${NAME} references (Options.Ask).
	Ask         []string   `json:"ask,omitempty"`
	RequestID   string     `json:"requestId,omitempty"`
	InstanceIDs []string   `json:"instanceIds,omitempty"`
	Instances   []Instance `json:"instances,omitempty"`
	// Error is the last error seen, redacted.
	Error string `json:"error,omitempty"`
	// Line is the line of the file this state was read from.
	Line int `json:"-"`
}

// RequestModel rebuilds the recorded request; secrets are still
// environment references.
func (e Entry) RequestModel() (*request.Request, error) {
	r := request.New()
	for k, v := range e.Request {
		if err := r.Set(k, v); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Warning reports a history line that was skipped.
type Warning struct {
	Line   int
	Reason string
}

// String names the line and the reason.
func (w Warning) String() string { return i18n.T("history line %d skipped: %s", w.Line, w.Reason) }

// History is the append-only JSON Lines launch log. It is safe for
// concurrent use within one process, and across processes where file
// locks exist (Unix): appends and compaction take one lock.
type History struct {
	path string
	mu   sync.Mutex
	// readOnly: the user made the file read-only (chmod 444); it is read,
	// never written, and a launch refuses to start.
	readOnly bool
	mode     os.FileMode
}

// DefaultHistoryPath is $XDG_STATE_HOME/ecslaunch/history.jsonl, or
// ~/.local/state/ecslaunch/history.jsonl when that is unset or relative
// (XDG Base Directory spec).
func DefaultHistoryPath() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "ecslaunch", "history.jsonl"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", i18n.Errorf("launch history: %w", err)
	}
	return filepath.Join(home, ".local", "state", "ecslaunch", "history.jsonl"), nil
}

// OpenHistory opens (creating if needed) the history at path, or at
// DefaultHistoryPath when path is empty. The file is private: a new one
// is 0600, an existing one loses its group and other bits (it names the
// account's resources) and keeps the owner's, so a history the user made
// read-only stays read-only (Writable says so). A history grown past
// CompactAbove is compacted first (Compact).
func OpenHistory(path string) (*History, error) {
	if path == "" {
		p, err := DefaultHistoryPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, i18n.Errorf("launch history: %w", err)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, i18n.Errorf("launch history: %w", err)
		}
		f.Close()
		return &History{path: path, mode: 0o600}, nil
	case err != nil:
		return nil, i18n.Errorf("launch history: %w", err)
	}
	mode := st.Mode().Perm()
	if mode&0o077 != 0 {
		if err := os.Chmod(path, mode&^0o077); err != nil {
			return nil, i18n.Errorf("launch history: %w", err)
		}
		mode &^= 0o077
	}
	h := &History{path: path, mode: mode, readOnly: mode&0o200 == 0}
	if canLock && !h.readOnly && st.Size() > CompactAbove {
		if _, err := h.Compact(); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// ReadOnlyError: the history cannot be written, so a launch (which must
// record its ClientToken before the first call) cannot start.
type ReadOnlyError struct {
	Path string
	Mode os.FileMode
}

// Error names the file, its mode and what to do.
func (e *ReadOnlyError) Error() string {
	return i18n.T("launch history %s is read-only (mode %04o): ecslaunch cannot record a launch there, and a launch "+
		"records its ClientToken before the first call; make it writable (chmod u+w) to launch", e.Path, uint32(e.Mode))
}

// Writable reports whether records can be appended; when not, the error
// says why (a *ReadOnlyError).
func (h *History) Writable() error {
	if h.readOnly {
		return &ReadOnlyError{Path: h.path, Mode: h.mode}
	}
	return nil
}

// Path is the file the history is kept in.
func (h *History) Path() string { return h.path }

// Append writes one record as a single line with a single write on an
// O_APPEND file, so a crash leaves at most one partial last line.
func (h *History) Append(e Entry) error {
	if err := h.Writable(); err != nil {
		return err
	}
	line, err := json.Marshal(e)
	if err != nil {
		return i18n.Errorf("launch history: %w", err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	unlock, err := lockFile(h.path + ".lock")
	if err != nil {
		return i18n.Errorf("launch history: %w", err)
	}
	defer unlock()
	f, err := os.OpenFile(h.path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		return i18n.Errorf("launch history: %w", err)
	}
	defer f.Close()
	if torn, err := endsTorn(f); err != nil {
		return i18n.Errorf("launch history: %w", err)
	} else if torn {
		// A crash left a partial line: end it so it stays alone as one
		// corrupt line instead of spoiling this record too.
		line = append([]byte{'\n'}, line...)
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		return i18n.Errorf("launch history: %w", err)
	}
	return f.Sync()
}

// endsTorn reports whether a non-empty file does not end with a newline.
func endsTorn(f *os.File) (bool, error) {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return false, err
	}
	var last [1]byte
	if _, err := f.ReadAt(last[:], st.Size()-1); err != nil {
		return false, err
	}
	return last[0] != '\n', nil
}

// Entries returns the current state of every launch, in the order they
// began. Nothing in the file is fatal: corrupt lines are skipped with a
// warning naming the line, and an unreadable file is a warning (line 0).
func (h *History) Entries() ([]Entry, []Warning) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f, err := os.Open(h.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []Warning{{Reason: Redact(err.Error())}}
	}
	defer f.Close()
	return readEntries(f)
}

// readEntries parses the lines of r and merges the records by token.
func readEntries(r io.Reader) ([]Entry, []Warning) {
	var (
		out   []Entry
		warns []Warning
		index = map[string]int{}
		br    = bufio.NewReader(r)
	)
	for n := 1; ; n++ {
		raw, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			e, reason := parseLine(raw)
			if reason != "" {
				warns = append(warns, Warning{Line: n, Reason: reason})
			} else {
				e.Line = n
				out = merge(out, index, e)
			}
		}
		if err == io.EOF {
			return out, warns
		}
		if err != nil {
			return out, append(warns, Warning{Line: n, Reason: i18n.T("read error: %v", err)})
		}
	}
}

// parseLine decodes one record or says why it cannot be used.
func parseLine(raw []byte) (Entry, string) {
	var e Entry
	if err := json.Unmarshal(raw, &e); err != nil {
		return e, i18n.T("not a JSON record: %v", err)
	}
	if e.Token == "" || e.State == "" {
		return e, i18n.Text("record has no token or state")
	}
	return e, ""
}

// merge records e as the latest state of its launch, keeping what earlier
// records knew and the later one left out.
func merge(out []Entry, index map[string]int, e Entry) []Entry {
	i, seen := index[e.Token]
	if !seen {
		index[e.Token] = len(out)
		return append(out, e)
	}
	prev := out[i]
	if e.Started.IsZero() {
		e.Started = prev.Started
	}
	if e.Region == "" {
		e.Region = prev.Region
	}
	if e.Target == nil {
		e.Target = prev.Target
	}
	if e.Request == nil {
		e.Request = prev.Request
	}
	if e.Ask == nil {
		e.Ask = prev.Ask
	}
	if e.RequestID == "" {
		e.RequestID = prev.RequestID
	}
	if e.InstanceIDs == nil {
		e.InstanceIDs = prev.InstanceIDs
	}
	out[i] = e
	return out
}

// Pending returns the launches whose outcome is unknown, oldest first.
func (h *History) Pending() ([]Entry, []Warning) {
	all, warns := h.Entries()
	var out []Entry
	for _, e := range all {
		if e.State == StatePending {
			out = append(out, e)
		}
	}
	return out, warns
}
