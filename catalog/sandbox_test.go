package catalog

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

const region = "cn-hangzhou"

// startSandbox runs a sandbox for one test.
func startSandbox(t testing.TB, f sandbox.Faults) *sandbox.Server {
	t.Helper()
	srv, err := sandbox.Start(sandbox.Options{Faults: f, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// sandboxCatalog is a catalog over srv caching in dir.
func sandboxCatalog(t testing.TB, srv *sandbox.Server, dir string, o Options) *Catalog {
	t.Helper()
	s, err := cloud.Sandbox(srv.Endpoint(), cloud.Config{ReadTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	o.CacheDir = dir
	if o.RetryBase == 0 {
		o.RetryBase = time.Millisecond
	}
	c := New(s, o)
	t.Cleanup(c.Close)
	return c
}

func load(t testing.TB, c *Catalog) *RegionData {
	t.Helper()
	d, err := c.Load(context.Background(), region, Billing{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

// reference is a fault-free Load with default page sizes, the yardstick
// the other tests compare with.
var reference = struct {
	once sync.Once
	data *RegionData
}{}

func referenceData(t *testing.T) *RegionData {
	t.Helper()
	reference.once.Do(func() {
		srv := startSandbox(t, sandbox.Faults{})
		reference.data = load(t, sandboxCatalog(t, srv, t.TempDir(), Options{}))
	})
	if reference.data == nil || len(reference.data.Errors) > 0 {
		t.Fatalf("reference load failed: %+v", reference.data)
	}
	return reference.data
}

// ids projects a list to its identifiers.
func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = id(v)
	}
	slices.Sort(out)
	return out
}

// sameLists fails unless got has exactly want's resources.
func sameLists(t *testing.T, got, want *RegionData) {
	t.Helper()
	check := func(name string, g, w []string) {
		if len(w) == 0 {
			t.Errorf("%s: the reference is empty, the sandbox should have some", name)
		}
		if !slices.Equal(g, w) {
			t.Errorf("%s: got %d items, want %d", name, len(g), len(w))
		}
	}
	check("zones", ids(got.Zones, func(z Zone) string { return z.ZoneId }), ids(want.Zones, func(z Zone) string { return z.ZoneId }))
	check("types", ids(got.InstanceTypes, func(v InstanceType) string { return v.InstanceTypeId + string(v.Status) }),
		ids(want.InstanceTypes, func(v InstanceType) string { return v.InstanceTypeId + string(v.Status) }))
	check("families", ids(got.InstanceTypeFamilies, func(v InstanceTypeFamily) string { return v.InstanceTypeFamilyId }),
		ids(want.InstanceTypeFamilies, func(v InstanceTypeFamily) string { return v.InstanceTypeFamilyId }))
	check("images", ids(got.Images, func(v Image) string { return v.ImageId }), ids(want.Images, func(v Image) string { return v.ImageId }))
	check("vpcs", ids(got.VPCs, func(v VPC) string { return v.VpcId }), ids(want.VPCs, func(v VPC) string { return v.VpcId }))
	check("vswitches", ids(got.VSwitches, func(v VSwitch) string { return v.VSwitchId }), ids(want.VSwitches, func(v VSwitch) string { return v.VSwitchId }))
	check("security groups", ids(got.SecurityGroups, func(v SecurityGroup) string { return v.SecurityGroupId }),
		ids(want.SecurityGroups, func(v SecurityGroup) string { return v.SecurityGroupId }))
	check("key pairs", ids(got.KeyPairs, func(v KeyPair) string { return v.KeyPairName }), ids(want.KeyPairs, func(v KeyPair) string { return v.KeyPairName }))
}

func pages(n, size int) int { return (n + size - 1) / size }

func TestLoadPagesWithSmallPageSizes(t *testing.T) {
	want := referenceData(t)
	const size = 3
	srv := startSandbox(t, sandbox.Faults{})
	got := load(t, sandboxCatalog(t, srv, t.TempDir(), Options{PageSize: size}))
	if len(got.Errors) > 0 {
		t.Fatalf("errors: %v", got.Errors)
	}
	sameLists(t, got, want)
	calls := srv.Calls()
	for action, n := range map[string]int{
		"DescribeInstanceTypes":  typePages(want, size),
		"DescribeImages":         pages(len(want.Images), size),
		"DescribeVpcs":           pages(len(want.VPCs), size),
		"DescribeVSwitches":      pages(len(want.VSwitches), size),
		"DescribeSecurityGroups": pages(len(want.SecurityGroups), size),
		"DescribeKeyPairs":       pages(len(want.KeyPairs), size),
	} {
		if calls[action] != n {
			t.Errorf("%s: %d calls, want %d pages of %d", action, calls[action], n, size)
		}
	}
}

// typePages is how many DescribeInstanceTypes pages of size the family
// batches take: each batch of ten families is its own NextToken chain.
func typePages(d *RegionData, size int) int {
	perFamily := map[string]int{}
	for _, t := range d.InstanceTypes {
		perFamily[t.InstanceTypeFamily]++
	}
	n := 0
	for batch := range slices.Chunk(d.InstanceTypeFamilies, familiesPerCall) {
		inBatch := 0
		for _, f := range batch {
			inBatch += perFamily[f.InstanceTypeFamilyId]
		}
		n += max(1, pages(inBatch, size))
		for _, f := range batch {
			if perFamily[f.InstanceTypeFamilyId] == 0 {
				n++ // asked alone
			}
		}
	}
	return n
}

// TestTypesByFamilyMatchOneChain checks the family batches against the
// plain NextToken chain over every type, paged by 7.
func TestTypesByFamilyMatchOneChain(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	c := sandboxCatalog(t, srv, t.TempDir(), Options{PageSize: 7})
	chain, err := c.fetchTypesFiltered(context.Background(), region, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := srv.Calls()["DescribeInstanceTypes"], pages(len(chain), 7); got != want {
		t.Errorf("one chain: %d calls, want %d pages of 7", got, want)
	}
	batched, err := c.fetchTypes(context.Background(), region)
	if err != nil {
		t.Fatal(err)
	}
	a := ids(chain, func(v InstanceType) string { return v.InstanceTypeId })
	b := ids(batched, func(v InstanceType) string { return v.InstanceTypeId })
	if len(a) == 0 || !slices.Equal(a, b) {
		t.Errorf("family batches found %d types, the plain chain %d", len(b), len(a))
	}
}

func TestLoadSurvivesThrottlingAnd5xx(t *testing.T) {
	want := referenceData(t)
	srv := startSandbox(t, sandbox.Faults{ThrottleRate: 0.2, ErrorRate: 0.15})
	var mu sync.Mutex
	attempts := 0
	c := sandboxCatalog(t, srv, t.TempDir(), Options{MaxAttempts: 15, OnCall: func(string) {
		mu.Lock()
		attempts++
		mu.Unlock()
	}})
	got := load(t, c)
	if len(got.Errors) > 0 {
		t.Fatalf("the load did not complete: %v", got.Errors)
	}
	sameLists(t, got, want)
	total := 0
	for _, n := range srv.Calls() {
		total += n
	}
	clean := 6 + len(want.Zones) + typePages(want, maxTypesPage) + pages(len(want.Images), maxImagesPage)
	t.Logf("%d calls with faults, %d without", total, clean)
	if total <= clean {
		t.Errorf("%d calls: no retry happened (a fault-free load makes %d)", total, clean)
	}
	if attempts != total {
		t.Errorf("OnCall saw %d attempts, the sandbox %d", attempts, total)
	}
}

func TestRevokedKeyIsAClearError(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	srv.RevokeKey(sandbox.DefaultAccessKeyID)
	d, err := sandboxCatalog(t, srv, t.TempDir(), Options{}).Load(context.Background(), region, Billing{})
	if err == nil {
		t.Fatal("Load with a revoked key succeeded")
	}
	var ce *CallError
	if !errors.As(err, &ce) || ce.Code() != "InvalidAccessKeyId.NotFound" {
		t.Fatalf("err = %v, want a CallError with InvalidAccessKeyId.NotFound", err)
	}
	t.Logf("error: %v", err)
	if !strings.Contains(err.Error(), ce.Action+" in "+region+": InvalidAccessKeyId.NotFound") {
		t.Errorf("error %q does not name the call and region", err)
	}
	if len(d.Errors) != 8 {
		t.Errorf("Errors = %d entries, want one per list (8): %v", len(d.Errors), d.Errors)
	}
	for _, e := range d.Errors {
		if strings.Contains(e, "Signature") || strings.Contains(e, "AccessKeyId=") || strings.Contains(e, "\n") {
			t.Errorf("error leaks the signed request or spans lines: %q", e)
		}
	}
}

func TestOneFailingListDoesNotStopTheOthers(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	warm := sandboxCatalog(t, srv, dir, Options{})
	load(t, warm)
	if err := os.Remove(warm.path(kindImages, region, "")); err != nil {
		t.Fatal(err)
	}
	srv.RevokeKey(sandbox.DefaultAccessKeyID) // only the uncached list will call
	d, err := sandboxCatalog(t, srv, dir, Options{}).Load(context.Background(), region, Billing{})
	if err != nil {
		t.Fatalf("Load failed as a whole: %v", err)
	}
	if len(d.Errors) != 1 || !strings.HasPrefix(d.Errors[0], "DescribeImages in cn-hangzhou: InvalidAccessKeyId.NotFound") {
		t.Fatalf("Errors = %q, want the one DescribeImages error", d.Errors)
	}
	if len(d.Images) != 0 || len(d.InstanceTypes) == 0 || len(d.VSwitches) == 0 {
		t.Errorf("other lists missing: %d types, %d vSwitches", len(d.InstanceTypes), len(d.VSwitches))
	}
}

func TestWarmCacheMakesNoCall(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	cold := load(t, sandboxCatalog(t, srv, dir, Options{}))
	srv.ResetCalls()
	c := sandboxCatalog(t, srv, dir, Options{})
	warm := load(t, c)
	c.Wait()
	if calls := srv.Calls(); len(calls) != 0 {
		t.Errorf("warm Load made calls: %v", calls)
	}
	sameLists(t, warm, cold)
}

func TestStaleCacheIsShownThenRefreshedByKind(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir, clk := t.TempDir(), &clock{t: time.Now()}
	cold := load(t, sandboxCatalog(t, srv, dir, Options{Now: clk.Now}))
	for _, step := range []struct {
		advance time.Duration
		want    []string
	}{
		// Stock lives a minute; networks, groups and key pairs five; the rest a day.
		{2 * time.Minute, []string{"DescribeAvailableResource"}},
		{5 * time.Minute, []string{"DescribeAvailableResource", "DescribeKeyPairs", "DescribeSecurityGroups", "DescribeVSwitches", "DescribeVpcs"}},
		{25 * time.Hour, []string{"DescribeAvailableResource", "DescribeImages", "DescribeInstanceTypeFamilies", "DescribeInstanceTypes",
			"DescribeKeyPairs", "DescribeSecurityGroups", "DescribeVSwitches", "DescribeVpcs", "DescribeZones"}},
	} {
		clk.Add(step.advance)
		srv.ResetCalls()
		start := time.Now()
		c := sandboxCatalog(t, srv, dir, Options{Now: clk.Now})
		stale := load(t, c)
		sameLists(t, stale, cold)
		t.Logf("+%v: stale load %v", step.advance, time.Since(start))
		c.Wait() // the background refreshes
		t.Logf("+%v: refreshed %v", step.advance, time.Since(start))
		var got []string
		for action := range srv.Calls() {
			got = append(got, action)
		}
		slices.Sort(got)
		if !slices.Equal(got, step.want) {
			t.Errorf("after +%v refreshed %v, want %v", step.advance, got, step.want)
		}
		srv.ResetCalls()
		load(t, sandboxCatalog(t, srv, dir, Options{Now: clk.Now}))
		if calls := srv.Calls(); len(calls) != 0 {
			t.Errorf("after +%v and a refresh, Load still calls %v", step.advance, calls)
		}
	}
}

func TestRefreshOptionBypassesCache(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	load(t, sandboxCatalog(t, srv, dir, Options{}))
	srv.ResetCalls()
	load(t, sandboxCatalog(t, srv, dir, Options{Refresh: true}))
	if n := srv.Calls()["DescribeZones"]; n != 1 {
		t.Errorf("--refresh: DescribeZones called %d times, want 1", n)
	}
}

func TestCorruptCacheFileWithSandbox(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	c := sandboxCatalog(t, srv, dir, Options{})
	want := load(t, c)
	p := c.path(kindImages, region, "")
	if err := os.WriteFile(p, []byte("\x00garbage{"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv.ResetCalls()
	got := load(t, sandboxCatalog(t, srv, dir, Options{}))
	sameLists(t, got, want)
	if calls := srv.Calls(); calls["DescribeImages"] == 0 || len(calls) != 1 {
		t.Errorf("calls %v, want DescribeImages only", calls)
	}
	srv.ResetCalls()
	load(t, sandboxCatalog(t, srv, dir, Options{}))
	if calls := srv.Calls(); len(calls) != 0 {
		t.Errorf("the corrupt file was not rewritten: calls %v", calls)
	}
}

func TestLoadHonoursContext(t *testing.T) {
	// Every call takes a second; a Load that ignored its context would
	// succeed after it instead of failing at the deadline.
	srv := startSandbox(t, sandbox.Faults{Latency: time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := sandboxCatalog(t, srv, t.TempDir(), Options{}).Load(ctx, region, Billing{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}

// TestAWrongSecretGetsNoCachedAnswer: the cache was keyed by the
// AccessKeyId alone, so a wrong secret still got answers (issue 17 item 18).
func TestAWrongSecretGetsNoCachedAnswer(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Options{AccessKeyID: "LTAIcachekey01", AccessKeySecret: "Right-Secret-01"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	dir := t.TempDir()
	open := func(secret string) *Catalog {
		s, err := cloud.SandboxWithKey(srv.Endpoint(), "LTAIcachekey01", secret, cloud.Config{ReadTimeout: 10 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		c := New(s, Options{CacheDir: dir, RetryBase: time.Millisecond})
		t.Cleanup(c.Close)
		return c
	}
	if _, err := open("Right-Secret-01").Regions(context.Background()); err != nil {
		t.Fatal(err)
	}
	calls := srv.Calls()["DescribeRegions"]
	if _, err := open("Right-Secret-01").Regions(context.Background()); err != nil || srv.Calls()["DescribeRegions"] != calls {
		t.Fatalf("the right secret must be served from the cache: %v, %d calls", err, srv.Calls()["DescribeRegions"]-calls)
	}
	_, err = open("Wrong-Secret-02").Regions(context.Background())
	var ce *CallError
	if !errors.As(err, &ce) || ce.Code() != "SignatureDoesNotMatch" {
		t.Fatalf("a wrong secret got %v, want SignatureDoesNotMatch from the endpoint", err)
	}
}
