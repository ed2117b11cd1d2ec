// Package atomicfile replaces a file so that a reader, a crash or a full
// disk never sees half of it: the data goes to a temporary file in the
// same directory, is synced, gets its mode and is renamed over the target,
// and then the directory is synced so the rename itself survives a crash.
//
// It is a leaf: it imports nothing of ecslaunch, and its errors are the
// operating system's (callers wrap them in their own, translated words).
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// ErrNotRegular is the error (inside an *fs.PathError) for a target that
// exists and is not a regular file: a directory, a device, a named pipe, a
// socket or a symbolic link.
var ErrNotRegular = errors.New("not a regular file")

// FS is what Write needs of the operating system. OS is the real one;
// tests wrap it to fail a write half-way (a full disk, a failed rename).
type FS interface {
	CreateTemp(dir, pattern string) (File, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	// SyncDir makes a rename in dir durable.
	SyncDir(dir string) error
}

// File is the temporary file Write fills (an *os.File).
type File interface {
	io.Writer
	Name() string
	Chmod(os.FileMode) error
	Sync() error
	Close() error
}

// OS is the real file system.
type OS struct{}

// CreateTemp is os.CreateTemp.
func (OS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }

// Rename is os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove is os.Remove.
func (OS) Remove(name string) error { return os.Remove(name) }

// SyncDir opens dir and syncs it. On Windows a directory cannot be opened
// for syncing, and NTFS journals the rename itself, so it does nothing.
func (OS) SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil {
		d.Close()
		return err
	}
	return d.Close()
}

// Unsynced is OS without the syncs, for a cache: a sync per write costs
// more than fetching again what a crash lost. The rename still keeps a
// running reader from half a file, but after a crash the file may be
// empty or torn, so its reader must take a file it cannot parse for a
// missing one.
type Unsynced struct{ OS }

// CreateTemp is os.CreateTemp, with a Sync that does nothing.
func (Unsynced) CreateTemp(dir, pattern string) (File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return unsyncedFile{f}, nil
}

// SyncDir does nothing.
func (Unsynced) SyncDir(string) error { return nil }

type unsyncedFile struct{ *os.File }

func (unsyncedFile) Sync() error { return nil }

// Write replaces path with data on the real file system; see WriteFS.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteFS(OS{}, path, data, perm)
}

// WriteFS replaces path with data through fsys, atomically: until the
// rename the old file is whole, after it the new one is, and on any error
// before the rename the temporary file is removed and the old file is as
// it was. An error after the rename (syncing the directory) means the new
// data is in place but may not survive a crash.
//
// Mode: a new file gets perm, whatever the umask. An existing file keeps
// its own permission bits except those perm does not grant: a mode is
// never widened (a 0640 file written with 0644 stays 0640), and a wider
// one is narrowed (a 0644 file written with 0600 becomes 0600, as files
// holding the account's resources or secrets must be).
//
// Links: a target that is a symbolic link, or anything else but a regular
// file, is refused with ErrNotRegular and left alone. Following the link
// would write wherever it points (outside the directory the caller chose,
// past the kernel's protection of links in shared directories like /tmp),
// and renaming over it would silently cut the link from its target.
// Directories above the target may be links; the caller chose them.
func WriteFS(fsys FS, path string, data []byte, perm os.FileMode) error {
	mode, err := modeFor(path, perm)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := fsys.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	if err := fill(tmp, data, mode); err != nil {
		_ = fsys.Remove(tmp.Name())
		return err
	}
	if err := fsys.Rename(tmp.Name(), path); err != nil {
		_ = fsys.Remove(tmp.Name())
		return err
	}
	// Nothing to remove from here on: the temporary name is gone.
	return fsys.SyncDir(dir)
}

// modeFor is the mode the new file gets (see WriteFS), or ErrNotRegular.
func modeFor(path string, perm os.FileMode) (os.FileMode, error) {
	perm = perm.Perm()
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return perm, nil
	case err != nil:
		return 0, err
	case !fi.Mode().IsRegular():
		return 0, &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
	}
	return perm & fi.Mode().Perm(), nil
}

// fill writes, chmods, syncs and closes the temporary file; it is closed
// whatever fails, so the caller can remove it (Windows cannot remove an
// open file).
func fill(tmp File, data []byte, mode os.FileMode) error {
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	return tmp.Close()
}
