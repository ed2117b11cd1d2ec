package launcher

import (
	"crypto/rand"
	"fmt"
)

// tokenPrefix marks tokens made by ecslaunch; with a 36-character UUID the
// token stays well inside ClientToken's 64 ASCII characters (docs/rules.md T1-92).
const tokenPrefix = "ecslaunch-"

// NewToken returns a fresh ClientToken: a random (version 4) UUID from
// crypto/rand with the ecslaunch prefix.
func NewToken() string {
	var b [16]byte
	// Since Go 1.24 crypto/rand.Read never returns an error: it always
	// fills b or the program crashes.
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%s%x-%x-%x-%x-%x", tokenPrefix, b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// validToken reports whether t is usable as a ClientToken: ASCII only,
// 1 to 64 characters (docs/rules.md T1-92).
func validToken(t string) bool {
	if len(t) == 0 || len(t) > 64 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] > 0x7f {
			return false
		}
	}
	return true
}
