//go:build !unix

package launcher

// canLock is false: without a cross-process lock a compaction could lose
// another process's append, so OpenHistory does not compact.
const canLock = false

// lockFile has no cross-process lock where flock is missing; within one
// process the History's mutex still orders appends and compaction.
func lockFile(string) (func(), error) { return func() {}, nil }
