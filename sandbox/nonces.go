package sandbox

import (
	"sync"
	"time"
)

// nonceWindow is how long a SignatureNonce is remembered: the real
// service's timestamp tolerance (docs/sdk-notes.md §3).
const nonceWindow = 15 * time.Minute

// nonceBucket is the width of one expiry bucket: nonces are forgotten a
// bucket at a time, up to one bucket later than nonceWindow.
const nonceBucket = 30 * time.Second

// maxNonces bounds the memory: past it the oldest bucket is dropped early,
// so a flood of nonces costs memory, never a sweep.
const maxNonces = 2_000_000

// nonceStore remembers the nonces of the last nonceWindow. Nonces sit in
// time buckets, oldest first; a call drops the buckets that have expired
// (each nonce is deleted once, so the cost is amortised O(1)) and never
// walks the whole store. It has its own lock, so signature checks do not
// wait on the state.
type nonceStore struct {
	mu      sync.Mutex
	seen    map[string]struct{}
	buckets []nonceBatch // oldest first
	now     func() time.Time
	limit   int // maxNonces; tests lower it
}

// nonceBatch is the nonces first seen in one bucket of time.
type nonceBatch struct {
	start time.Time
	keys  []string
}

func newNonceStore(now func() time.Time) *nonceStore {
	if now == nil {
		now = time.Now
	}
	return &nonceStore{seen: map[string]struct{}{}, now: now, limit: maxNonces}
}

// fresh records nonce and reports whether it was unused in the window.
func (n *nonceStore) fresh(nonce string) bool {
	now := n.now()
	n.mu.Lock()
	defer n.mu.Unlock()
	n.expire(now)
	if _, ok := n.seen[nonce]; ok {
		return false
	}
	start := now.Truncate(nonceBucket)
	if k := len(n.buckets); k == 0 || !n.buckets[k-1].start.Equal(start) {
		n.buckets = append(n.buckets, nonceBatch{start: start})
	}
	last := &n.buckets[len(n.buckets)-1]
	last.keys = append(last.keys, nonce)
	n.seen[nonce] = struct{}{}
	return true
}

// expire drops the buckets wholly older than the window, and the oldest
// ones while the store is over maxNonces.
func (n *nonceStore) expire(now time.Time) {
	drop := 0
	for drop < len(n.buckets) {
		b := n.buckets[drop]
		if now.Sub(b.start) < nonceWindow+nonceBucket && len(n.seen) < n.limit {
			break
		}
		for _, k := range b.keys {
			delete(n.seen, k)
		}
		drop++
	}
	if drop > 0 {
		n.buckets = append(n.buckets[:0], n.buckets[drop:]...)
	}
}

// len is the number of nonces remembered.
func (n *nonceStore) len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.seen)
}
