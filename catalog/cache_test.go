package catalog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/cloud"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// offlineCatalog is a catalog whose session points nowhere: the cache
// tests feed it fetch functions and must never reach the network.
func offlineCatalog(t *testing.T, dir string, clk *clock, refresh bool) *Catalog {
	t.Helper()
	s, err := cloud.Sandbox("127.0.0.1:9", cloud.Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := New(s, Options{CacheDir: dir, Now: clk.Now, Refresh: refresh})
	t.Cleanup(c.Close)
	return c
}

// counter is a fetch function that counts its calls and returns its value.
type counter struct {
	calls atomic.Int32
	value atomic.Value
}

func newCounter(v []string) *counter {
	c := &counter{}
	c.value.Store(v)
	return c
}

func (f *counter) fetch(context.Context) ([]string, error) {
	f.calls.Add(1)
	return f.value.Load().([]string), nil
}

func getVPCNames(t *testing.T, c *Catalog, f *counter) []string {
	t.Helper()
	v, err := cached(context.Background(), c, kindVPCs, "cn-hangzhou", "", f.fetch)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestCacheMissWritesPrivateFile(t *testing.T) {
	dir, clk := t.TempDir(), &clock{t: time.Unix(1e9, 0)}
	c := offlineCatalog(t, dir, clk, false)
	f := newCounter([]string{"vpc-a"})
	if got := getVPCNames(t, c, f); len(got) != 1 || got[0] != "vpc-a" || f.calls.Load() != 1 {
		t.Fatalf("miss: got %v after %d fetches", got, f.calls.Load())
	}
	p := c.path(kindVPCs, "cn-hangzhou", "")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode %v, want 0600", st.Mode().Perm())
	}
	for d := filepath.Dir(p); d != dir; d = filepath.Dir(d) {
		if st, _ := os.Stat(d); st.Mode().Perm() != 0o700 {
			t.Errorf("cache dir %s mode %v, want 0700", d, st.Mode().Perm())
		}
	}
	data, _ := os.ReadFile(p)
	for _, secret := range []string{cloud.SandboxAccessKeySecret + `"`, "AccessKey", "127.0.0.1"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("cache file holds %q: %s", secret, data)
		}
	}
	if strings.Contains(p, "127.0.0.1") {
		t.Errorf("cache path %s shows the endpoint", p)
	}
}

func TestCacheHitFromDiskMakesNoCall(t *testing.T) {
	dir, clk := t.TempDir(), &clock{t: time.Unix(1e9, 0)}
	getVPCNames(t, offlineCatalog(t, dir, clk, false), newCounter([]string{"vpc-a"}))
	clk.Add(kindVPCs.ttl - time.Second)
	f := newCounter([]string{"vpc-b"})
	c := offlineCatalog(t, dir, clk, false)
	if got := getVPCNames(t, c, f); got[0] != "vpc-a" {
		t.Errorf("hit returned %v, want the cached vpc-a", got)
	}
	c.Wait()
	if f.calls.Load() != 0 {
		t.Errorf("fresh cache: %d fetches, want 0", f.calls.Load())
	}
}

func TestCacheStaleReturnsAtOnceAndRefreshesInBackground(t *testing.T) {
	dir, clk := t.TempDir(), &clock{t: time.Unix(1e9, 0)}
	getVPCNames(t, offlineCatalog(t, dir, clk, false), newCounter([]string{"vpc-old"}))
	clk.Add(kindVPCs.ttl + time.Second)

	c := offlineCatalog(t, dir, clk, false)
	f := newCounter([]string{"vpc-new"})
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ { // concurrent readers of one stale entry: -race checks the refresh
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := getVPCNames(t, c, f); got[0] != "vpc-old" && got[0] != "vpc-new" {
				t.Errorf("stale read returned %v", got)
			}
		}()
	}
	wg.Wait()
	c.Wait()
	if n := f.calls.Load(); n != 1 {
		t.Errorf("background refreshes = %d, want exactly 1", n)
	}
	if got := getVPCNames(t, c, f); got[0] != "vpc-new" {
		t.Errorf("after refresh got %v, want vpc-new", got)
	}
	// The refreshed entry reached the disk too.
	if got := getVPCNames(t, offlineCatalog(t, dir, clk, false), newCounter([]string{"x"})); got[0] != "vpc-new" {
		t.Errorf("disk after refresh holds %v", got)
	}
}

func TestCacheRefreshBypassesDisk(t *testing.T) {
	dir, clk := t.TempDir(), &clock{t: time.Unix(1e9, 0)}
	getVPCNames(t, offlineCatalog(t, dir, clk, false), newCounter([]string{"vpc-a"}))
	c := offlineCatalog(t, dir, clk, true)
	f := newCounter([]string{"vpc-b"})
	if got := getVPCNames(t, c, f); got[0] != "vpc-b" || f.calls.Load() != 1 {
		t.Errorf("refresh: got %v after %d fetches, want vpc-b after 1", got, f.calls.Load())
	}
	// Within one run, what --refresh fetched is reused.
	getVPCNames(t, c, f)
	if f.calls.Load() != 1 {
		t.Errorf("second read with Refresh fetched again (%d)", f.calls.Load())
	}
}

func TestCacheCorruptFileIsRewritten(t *testing.T) {
	for name, content := range map[string]string{
		"garbage":      "{not json",
		"truncated":    `{"Version":1,"Kind":"vpcs","FetchedAt":"2001-09-09T01:46:40Z","Data":["vpc`,
		"wrong shape":  `{"Version":1,"Kind":"vpcs","FetchedAt":"2001-09-09T01:46:40Z","Data":{"a":1}}`,
		"old version":  `{"Version":0,"Kind":"vpcs","FetchedAt":"2001-09-09T01:46:40Z","Data":["vpc-x"]}`,
		"another kind": `{"Version":1,"Kind":"images","FetchedAt":"2001-09-09T01:46:40Z","Data":["vpc-x"]}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir, clk := t.TempDir(), &clock{t: time.Unix(1e9, 0)}
			c := offlineCatalog(t, dir, clk, false)
			p := c.path(kindVPCs, "cn-hangzhou", "")
			if err := writeAtomic(p, []byte(content)); err != nil {
				t.Fatal(err)
			}
			f := newCounter([]string{"vpc-fresh"})
			if got := getVPCNames(t, c, f); got[0] != "vpc-fresh" || f.calls.Load() != 1 {
				t.Fatalf("got %v after %d fetches", got, f.calls.Load())
			}
			c2 := offlineCatalog(t, dir, clk, false)
			f2 := newCounter([]string{"unused"})
			if got := getVPCNames(t, c2, f2); got[0] != "vpc-fresh" || f2.calls.Load() != 0 {
				t.Errorf("rewritten file: got %v after %d fetches", got, f2.calls.Load())
			}
		})
	}
}

func TestCacheMissIsFetchedOnceForConcurrentCallers(t *testing.T) {
	c := offlineCatalog(t, t.TempDir(), &clock{t: time.Unix(1e9, 0)}, false)
	release := make(chan struct{})
	var calls atomic.Int32
	slow := func(context.Context) ([]string, error) {
		calls.Add(1)
		<-release
		return []string{"vpc-a"}, nil
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := cached(context.Background(), c, kindVPCs, "cn-hangzhou", "", slow); err != nil {
				t.Error(err)
			}
		}()
	}
	time.Sleep(20 * time.Millisecond) // let the callers queue on the one fetch
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("fetches = %d, want 1", calls.Load())
	}
}

func TestCacheCallerGivesUpOnItsContext(t *testing.T) {
	c := offlineCatalog(t, t.TempDir(), &clock{t: time.Unix(1e9, 0)}, false)
	ctx, cancel := context.WithCancel(context.Background())
	blocked := func(ctx context.Context) ([]string, error) {
		cancel()
		<-ctx.Done()
		return nil, ctx.Err()
	}
	_, err := cached(ctx, c, kindVPCs, "cn-hangzhou", "", blocked)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestCacheKeysSeparateEndpointsAndAccounts(t *testing.T) {
	a := scopeKey("127.0.0.1:1", "acct")
	if a == scopeKey("127.0.0.1:2", "acct") || a == scopeKey("127.0.0.1:1", "other") {
		t.Error("scope keys collide across endpoints or accounts")
	}
}

func TestCacheNeedsRegion(t *testing.T) {
	c := offlineCatalog(t, t.TempDir(), &clock{t: time.Unix(1e9, 0)}, false)
	if _, err := c.VPCs(context.Background(), ""); !errors.Is(err, errNoRegion) {
		t.Errorf("err = %v, want errNoRegion", err)
	}
}
