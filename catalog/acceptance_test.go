package catalog

import (
	"context"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

// latency is the sandbox delay of the acceptance measurement (issue 4).
const latency = 200 * time.Millisecond

func totalCalls(calls map[string]int) int {
	n := 0
	for _, v := range calls {
		n += v
	}
	return n
}

// TestLoadWithLatency reports how long a cold Load of cn-hangzhou takes at
// 200 ms per call (the acceptance budget is 5 × 200 ms: the calls overlap)
// and asserts that a warm Load makes no call at all. Times are logged, not
// asserted; BenchmarkLoadCold measures them.
func TestLoadWithLatency(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{Latency: latency})
	dir := t.TempDir()
	start := time.Now()
	d := load(t, sandboxCatalog(t, srv, dir, Options{}))
	cold := time.Since(start)
	calls := srv.Calls()
	t.Logf("cold Load: %v (budget %v), %d calls: %v", cold, 5*latency, totalCalls(calls), calls)
	if len(d.Errors) > 0 {
		t.Fatalf("cold Load errors: %v", d.Errors)
	}

	srv.ResetCalls()
	start = time.Now()
	c := sandboxCatalog(t, srv, dir, Options{})
	load(t, c)
	warm := time.Since(start)
	c.Wait()
	t.Logf("warm Load: %v, calls: %v", warm, srv.Calls())
	if n := totalCalls(srv.Calls()); n != 0 {
		t.Errorf("warm Load made %d calls, want 0: %v", n, srv.Calls())
	}
}

// BenchmarkLoadCold measures a cold-cache Load at 200 ms per call.
func BenchmarkLoadCold(b *testing.B) {
	srv := startSandbox(b, sandbox.Faults{Latency: latency})
	for b.Loop() {
		c := sandboxCatalog(b, srv, b.TempDir(), Options{})
		if _, err := c.Load(context.Background(), region, Billing{}); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}

// BenchmarkLoadWarm measures a Load served from the disk cache by a new
// catalog (a new process), which makes no call.
func BenchmarkLoadWarm(b *testing.B) {
	srv := startSandbox(b, sandbox.Faults{Latency: latency})
	dir := b.TempDir()
	load(b, sandboxCatalog(b, srv, dir, Options{}))
	for b.Loop() {
		c := sandboxCatalog(b, srv, dir, Options{})
		if _, err := c.Load(context.Background(), region, Billing{}); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
}
