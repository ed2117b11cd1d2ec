package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// oneFile is the directory's only entry, name; anything else is a
// temporary file left behind.
func oneFile(t *testing.T, dir, name string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != name {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only %s", names, name)
	}
}

// wantFile checks p's content and permission bits.
func wantFile(t *testing.T, p, content string, mode os.FileMode) {
	t.Helper()
	if b, err := os.ReadFile(p); err != nil || string(b) != content {
		t.Errorf("content %q (%v), want %q", b, err, content)
	}
	if fi, err := os.Stat(p); err != nil {
		t.Error(err)
	} else if fi.Mode().Perm() != mode {
		t.Errorf("mode %v, want %v", fi.Mode().Perm(), mode)
	}
}

func TestWriteCreatesAFileWithTheGivenMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new.json")
	// 0640 is neither CreateTemp's 0600 nor what a usual umask leaves of
	// 0666, so only the explicit chmod gives it.
	if err := Write(p, []byte("data\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	wantFile(t, p, "data\n", 0o640)
	oneFile(t, dir, "new.json")
}

func TestUnsyncedWritesTheSameFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cache.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFS(Unsynced{}, p, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	wantFile(t, p, "new", 0o600)
	oneFile(t, dir, "cache.json")
}

func TestWriteKeepsAnExistingModeButNeverWidensIt(t *testing.T) {
	for _, c := range []struct {
		name      string
		old, perm os.FileMode
		want      os.FileMode
	}{
		{"narrower old mode is kept", 0o640, 0o644, 0o640},
		{"read-only old mode is kept", 0o400, 0o600, 0o400},
		{"wider old mode is narrowed (issue 17 item 10)", 0o644, 0o600, 0o600},
		{"same mode", 0o600, 0o600, 0o600},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, c.old); err != nil {
				t.Fatal(err)
			}
			if err := Write(p, []byte("new"), c.perm); err != nil {
				t.Fatal(err)
			}
			wantFile(t, p, "new", c.want)
		})
	}
}

// faultyFS fails one step of a write; the rest is the real file system.
type faultyFS struct {
	OS
	failWrite, failSync, failRename, failSyncDir bool
	created                                      string
}

var errInjected = errors.New("injected")

func (f *faultyFS) CreateTemp(dir, pattern string) (File, error) {
	tf, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	f.created = tf.Name()
	return &faultyFile{File: tf, fs: f}, nil
}

func (f *faultyFS) Rename(oldpath, newpath string) error {
	if f.failRename {
		return errInjected
	}
	return f.OS.Rename(oldpath, newpath)
}

func (f *faultyFS) SyncDir(dir string) error {
	if f.failSyncDir {
		return errInjected
	}
	return f.OS.SyncDir(dir)
}

type faultyFile struct {
	*os.File
	fs *faultyFS
}

// Write writes half, as a full disk does, then fails.
func (f *faultyFile) Write(p []byte) (int, error) {
	if f.fs.failWrite {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, fmt.Errorf("write %s: no space left on device", f.Name())
	}
	return f.File.Write(p)
}

func (f *faultyFile) Sync() error {
	if f.fs.failSync {
		return errInjected
	}
	return f.File.Sync()
}

func TestAFailedWriteKeepsTheOldFileAndRemovesTheTemporaryOne(t *testing.T) {
	for name, fsys := range map[string]*faultyFS{
		"disk full":    {failWrite: true},
		"sync fails":   {failSync: true},
		"rename fails": {failRename: true},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "state.json")
			if err := os.WriteFile(p, []byte("the old, good file\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := WriteFS(fsys, p, bytes.Repeat([]byte("new "), 1000), 0o600); err == nil {
				t.Fatal("the failure was not reported")
			}
			if fsys.created == "" {
				t.Fatal("no temporary file was made: the fault was not reached")
			}
			wantFile(t, p, "the old, good file\n", 0o644) // untouched
			oneFile(t, dir, "state.json")
		})
	}
}

func TestAFailedDirectorySyncIsReportedWithTheNewFileInPlace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	err := WriteFS(&faultyFS{failSyncDir: true}, p, []byte("new"), 0o600)
	if !errors.Is(err, errInjected) {
		t.Fatalf("err %v, want the directory sync's", err)
	}
	wantFile(t, p, "new", 0o600)
	oneFile(t, dir, "f")
}

func TestAMissingDirectoryIsAnError(t *testing.T) {
	dir := t.TempDir()
	if err := Write(filepath.Join(dir, "no-such-dir", "f"), []byte("x"), 0o600); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err %v, want fs.ErrNotExist", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("created %v", ents)
	}
}

func TestWhatIsNotARegularFileIsRefusedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("the link's target\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	dangling := filepath.Join(dir, "dangling")
	sub := filepath.Join(dir, "sub")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{link, dangling, sub} {
		before, _ := os.Lstat(p)
		err := Write(p, []byte("new"), 0o600)
		var pe *fs.PathError
		if !errors.Is(err, ErrNotRegular) || !errors.As(err, &pe) || pe.Path != p {
			t.Errorf("%s: err %v, want ErrNotRegular naming the path", filepath.Base(p), err)
		}
		if after, _ := os.Lstat(p); after.Mode() != before.Mode() {
			t.Errorf("%s: changed from %v to %v", filepath.Base(p), before.Mode(), after.Mode())
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "the link's target\n" {
		t.Errorf("written through the link: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("the dangling link's target was created")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 4 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// TestConcurrentWritersLeaveOneWholeFile: writers race on one path while a
// reader watches it; every read and the end result is one writer's whole
// data, and no temporary file is left.
func TestConcurrentWritersLeaveOneWholeFile(t *testing.T) {
	const writers, rounds, size = 4, 10, 64 << 10
	dir := t.TempDir()
	p := filepath.Join(dir, "shared")
	payload := func(w int) []byte { return bytes.Repeat([]byte{byte('a' + w)}, size) }
	if err := Write(p, payload(0), 0o600); err != nil {
		t.Fatal(err)
	}
	whole := func(b []byte) bool {
		return len(b) == size && bytes.Count(b, b[:1]) == size
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				if err := Write(p, payload(w), 0o600); err != nil {
					errs <- err
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for reading := true; reading; {
		select {
		case <-done:
			reading = false
		default:
		}
		b, err := os.ReadFile(p)
		if err != nil || !whole(b) {
			t.Fatalf("a reader saw %d bytes (%v), not one whole file", len(b), err)
		}
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if b, _ := os.ReadFile(p); !whole(b) {
		t.Errorf("the result is not one writer's whole data (%d bytes)", len(b))
	}
	oneFile(t, dir, "shared")
}
