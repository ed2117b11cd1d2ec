//go:build unix

package launcher

import (
	"os"
	"syscall"
)

// canLock: lockFile excludes other processes, so OpenHistory may compact.
const canLock = true

// lockFile takes an exclusive lock on path (created 0600), held until the
// returned function is called: the history's appends and its compaction
// exclude each other across processes.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
