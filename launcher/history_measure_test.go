package launcher

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// writeBigHistory writes lines history lines the way real launches do: a
// pending record with the whole request, then created, then running.
func writeBigHistory(tb testing.TB, path string, lines int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	req := map[string]string{"RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-h", "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd",
		"SecurityGroupId": "sg-bp1jk78k7ko3akynoh1x", "VSwitchId": "vsw-bp15r8n7fdp0dcbvkcqi", "InstanceType": "ecs.g7.large",
		"InternetMaxBandwidthOut": "5", "InstanceName": "web", "HostName": "web", "UniqueSuffix": "true", "Password": "${ECS_PASSWORD}",
		"SystemDisk.Size": "40", "SystemDisk.Category": "cloud_essd", "DataDisk.1.Size": "100", "DataDisk.1.Category": "cloud_essd",
		"DataDisk.1.DeleteWithInstance": "true", "Amount": "2", "Tag.1.Key": "team", "Tag.1.Value": "web"}
	target := &Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:8080", Region: "cn-hangzhou", Identity: "AccessKeyId LTAI…x9Qz"}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < lines; i++ {
		tok := fmt.Sprintf("ecslaunch-%08d-0000-4000-8000-000000000000", i/3)
		at := t0.Add(time.Duration(i) * time.Minute)
		ins := []Instance{{ID: fmt.Sprintf("i-bp1%016d", i), Status: "Running", PrivateIP: "172.16.0.10", PublicIP: "47.0.0.1",
			SSH: "ssh root@47.0.0.1"}, {ID: fmt.Sprintf("i-bp2%016d", i), Status: "Running", PrivateIP: "172.16.0.11"}}
		var e Entry
		switch i % 3 {
		case 0:
			e = Entry{Time: at, Started: at, Token: tok, State: StatePending, Region: "cn-hangzhou", Target: target, Request: req}
		case 1:
			e = Entry{Time: at, Started: at, Token: tok, State: StateCreated, Region: "cn-hangzhou", RequestID: "5E0A3C1B-0000-0000-0000-000000000000",
				InstanceIDs: []string{ins[0].ID, ins[1].ID}, Instances: ins}
		default:
			e = Entry{Time: at, Started: at, Token: tok, State: StateRunning, Region: "cn-hangzhou", Instances: ins}
		}
		if err := enc.Encode(e); err != nil {
			tb.Fatal(err)
		}
	}
	// The last launch is still pending: what --resume looks for.
	if err := enc.Encode(Entry{Time: t0, Started: t0, Token: "ecslaunch-last", State: StatePending, Region: "cn-hangzhou", Target: target, Request: req}); err != nil {
		tb.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
}

// TestMeasureResumeOnAHugeHistory re-measures issue 17 item 18's figure
// (a 100k-line history: --resume 2.1 s and 184 MB). It prints; it asserts
// no time. Run with ECSLAUNCH_MEASURE=1.
func TestMeasureResumeOnAHugeHistory(t *testing.T) {
	if os.Getenv("ECSLAUNCH_MEASURE") == "" {
		t.Skip("set ECSLAUNCH_MEASURE=1 to measure")
	}
	path := filepath.Join(t.TempDir(), "history.jsonl")
	writeBigHistory(t, path, 100_000)
	st, _ := os.Stat(path)
	t.Logf("history: 100,001 lines, %.1f MB", float64(st.Size())/1e6)
	for run := 1; run <= 3; run++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		h, err := OpenHistory(path)
		if err != nil {
			t.Fatal(err)
		}
		e, ok, _ := h.LatestPending()
		took := time.Since(start)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		st, _ := os.Stat(path)
		t.Logf("run %d: open + LatestPending %v (found %v %s), allocated %.0f MB; file now %.1f MB",
			run, took.Round(time.Millisecond), ok, e.Token, float64(after.TotalAlloc-before.TotalAlloc)/1e6, float64(st.Size())/1e6)
	}
}
