package launcher

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/ecslaunch/ecslaunch/atomicfile"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// Compaction bounds the history (issue 17 item 18: at 100,000 lines
// --resume took 2.1 s and 184 MB). Every launch is written back as one
// record, its merged current state; the pending launches and the most
// recent KeepFinished finished ones stay in the history, and older
// finished launches move to the archive next to it, so nothing is lost
// and --resume reads a small file.
const (
	// CompactAbove is the size past which OpenHistory compacts.
	CompactAbove = 4 << 20
	// KeepFinished is how many finished launches compaction keeps.
	KeepFinished = 1000
)

// CompactStats says what a compaction did.
type CompactStats struct {
	// Lines and Kept are the history's lines before and its records after;
	// Archived the finished launches moved to the archive.
	Lines, Kept, Archived int
}

// ArchivePath is where compaction moves old finished launches:
// history.archive.jsonl next to the history.
func (h *History) ArchivePath() string {
	dir, base := filepath.Split(h.path)
	return filepath.Join(dir, trimExt(base)+".archive.jsonl")
}

func trimExt(name string) string { return name[:len(name)-len(filepath.Ext(name))] }

// Compact rewrites the history with one record per launch, keeping every
// pending launch and the last KeepFinished finished ones, and appends the
// older finished launches to the archive. The new history is written to a
// temporary file and renamed over the old one under the history's lock,
// so an append waits for it and a crash leaves the old or the new file.
// Corrupt lines are dropped with the rewrite (Entries warned of them).
func (h *History) Compact() (CompactStats, error) {
	if err := h.Writable(); err != nil {
		return CompactStats{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	unlock, err := lockFile(h.path + ".lock")
	if err != nil {
		return CompactStats{}, i18n.Errorf("launch history: %w", err)
	}
	defer unlock()
	f, err := os.Open(h.path)
	if err != nil {
		return CompactStats{}, i18n.Errorf("launch history: %w", err)
	}
	all, _ := readEntries(f)
	f.Close()
	stats := CompactStats{Lines: lastLine(all)}
	keep, old := splitFinished(all, KeepFinished)
	if err := appendRecords(h.ArchivePath(), old); err != nil {
		return stats, i18n.Errorf("launch history archive: %w", err)
	}
	if err := writeRecords(h.path, keep); err != nil {
		return stats, i18n.Errorf("launch history: %w", err)
	}
	stats.Kept, stats.Archived = len(keep), len(old)
	return stats, nil
}

// lastLine is the highest line a record was read from.
func lastLine(all []Entry) int {
	n := 0
	for _, e := range all {
		n = max(n, e.Line)
	}
	return n
}

// splitFinished keeps the pending launches and the last keep finished
// ones, in their order; the older finished ones are returned apart.
func splitFinished(all []Entry, keep int) (kept, old []Entry) {
	finished := 0
	for _, e := range all {
		if e.State != StatePending {
			finished++
		}
	}
	drop := finished - keep
	for _, e := range all {
		if e.State != StatePending && drop > 0 {
			old = append(old, e)
			drop--
			continue
		}
		kept = append(kept, e)
	}
	return kept, old
}

func encodeRecords(es []Entry) ([]byte, error) {
	var b bytes.Buffer
	for _, e := range es {
		line, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		b.Write(append(line, '\n'))
	}
	return b.Bytes(), nil
}

// appendRecords adds records to the archive (0600), synced.
func appendRecords(path string, es []Entry) error {
	if len(es) == 0 {
		return nil
	}
	data, err := encodeRecords(es)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeRecords replaces path with the records (0600), through atomicfile:
// a synced temporary file in the same directory and a rename.
func writeRecords(path string, es []Entry) error {
	data, err := encodeRecords(es)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, data, 0o600)
}
