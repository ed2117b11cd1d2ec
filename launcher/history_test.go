package launcher

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHistoryFileIsPrivate(t *testing.T) {
	h := testHistory(t)
	if err := h.Append(Entry{Token: "t", State: StatePending}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(h.Path())
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v, want 0600", st.Mode().Perm())
	}
	dir, _ := os.Stat(filepath.Dir(h.Path()))
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode %v, want 0700", dir.Mode().Perm())
	}
}

func TestHistoryTightensALooseFileMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenHistory(path); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestHistoryLastStateOfALaunchWins(t *testing.T) {
	h := testHistory(t)
	t0 := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, e := range []Entry{
		{Time: t0, Started: t0, Token: "a", State: StatePending, Region: "cn-hangzhou", Request: map[string]string{"Amount": "2"}},
		{Time: t0, Started: t0, Token: "b", State: StatePending},
		{Time: t0.Add(time.Second), Token: "a", State: StateCreated, RequestID: "R1", InstanceIDs: []string{"i-1", "i-2"}},
		{Time: t0.Add(2 * time.Second), Token: "a", State: StateRunning, Instances: []Instance{{ID: "i-1", Status: "Running"}}},
	} {
		if err := h.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	all, warns := h.Entries()
	if len(warns) != 0 || len(all) != 2 {
		t.Fatalf("entries %+v warnings %v", all, warns)
	}
	a := all[0]
	if a.Token != "a" || a.State != StateRunning || a.RequestID != "R1" || len(a.InstanceIDs) != 2 ||
		a.Region != "cn-hangzhou" || a.Request["Amount"] != "2" || !a.Started.Equal(t0) || a.Line != 4 {
		t.Errorf("merged launch a = %+v", a)
	}
	pending, _ := h.Pending()
	if len(pending) != 1 || pending[0].Token != "b" {
		t.Errorf("pending %+v", pending)
	}
}

func TestHistorySkipsCorruptLinesAndKeepsTheRest(t *testing.T) {
	h := testHistory(t)
	content := `{"token":"a","state":"pending"}
this is not json
{"token":"b","state":"pending"}

{"state":"running"}
{"token":"a","state":"running"}
{"token":"c","state":"pend`
	if err := os.WriteFile(h.Path(), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	all, warns := h.Entries()
	if len(all) != 2 || all[0].State != StateRunning || all[1].Token != "b" {
		t.Errorf("entries %+v", all)
	}
	var lines []int
	for _, w := range warns {
		lines = append(lines, w.Line)
	}
	if fmt.Sprint(lines) != "[2 5 7]" {
		t.Errorf("warnings on lines %v, want [2 5 7]: %v", lines, warns)
	}
	if !strings.Contains(warns[0].String(), "line 2") {
		t.Errorf("warning text %q does not name the line", warns[0])
	}
}

func TestHistoryAppendAfterATornLineKeepsBothApart(t *testing.T) {
	h := testHistory(t)
	if err := os.WriteFile(h.Path(), []byte(`{"token":"a","state":"pending"}`+"\n"+`{"token":"a","sta`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.Append(Entry{Token: "b", State: StatePending}); err != nil {
		t.Fatal(err)
	}
	all, warns := h.Entries()
	if len(all) != 2 || all[0].Token != "a" || all[1].Token != "b" || len(warns) != 1 || warns[0].Line != 2 {
		t.Errorf("entries %+v warnings %v", all, warns)
	}
}

func TestHistoryConcurrentAppendsLoseNothing(t *testing.T) {
	h := testHistory(t)
	big := strings.Repeat("x", 8000) // longer than a pipe buffer's atomic write
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 5 {
				e := Entry{Token: fmt.Sprintf("t%d", i), State: StatePending, Request: map[string]string{"UserData": big}}
				if j == 4 {
					e.State = StateRunning
				}
				if err := h.Append(e); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	all, warns := h.Entries()
	if len(warns) != 0 || len(all) != 40 {
		t.Fatalf("%d entries, warnings %v", len(all), warns)
	}
	for _, e := range all {
		if e.State != StateRunning || e.Request["UserData"] != big {
			t.Errorf("launch %s ended %s", e.Token, e.State)
		}
	}
}

func TestHistoryMissingFileIsEmpty(t *testing.T) {
	h := testHistory(t)
	if err := os.Remove(h.Path()); err != nil {
		t.Fatal(err)
	}
	all, warns := h.Entries()
	if len(all) != 0 || len(warns) != 0 {
		t.Errorf("entries %v warnings %v", all, warns)
	}
}

func TestDefaultHistoryPathFollowsXDG(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/state")
	if p, _ := DefaultHistoryPath(); p != "/state/ecslaunch/history.jsonl" {
		t.Errorf("with XDG_STATE_HOME: %s", p)
	}
	t.Setenv("XDG_STATE_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/u")
	if p, _ := DefaultHistoryPath(); p != "/home/u/.local/state/ecslaunch/history.jsonl" {
		t.Errorf("without XDG_STATE_HOME: %s", p)
	}
}

func TestEntryRequestModelRoundTrips(t *testing.T) {
	e := Entry{Request: map[string]string{"DataDisk.1.Size": "40", "Password": "${ECS_PASSWORD}", "Amount": "2"}}
	r, err := e.RequestModel()
	if err != nil {
		t.Fatal(err)
	}
	if r.Get("DataDisk.1.Size") != "40" || r.Get("Password") != "${ECS_PASSWORD}" || r.Len() != 3 {
		t.Errorf("request %v", r.Params())
	}
	if _, err := (Entry{Request: map[string]string{"NoSuchParam": "1"}}).RequestModel(); err == nil {
		t.Error("an unknown parameter was accepted")
	}
}

func BenchmarkHistoryAppend(b *testing.B) {
	h, err := OpenHistory(filepath.Join(b.TempDir(), "history.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	e := Entry{Token: NewToken(), State: StatePending, Region: "cn-hangzhou",
		Request: map[string]string{"ImageId": "aliyun_3_x64_20G_alibase_20240528.vhd", "InstanceType": "ecs.g7.large", "Amount": "2"}}
	for b.Loop() {
		if err := h.Append(e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHistoryEntries1000Launches(b *testing.B) {
	h, err := OpenHistory(filepath.Join(b.TempDir(), "history.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		for _, st := range []State{StatePending, StateCreated, StateRunning} {
			if err := h.Append(Entry{Token: fmt.Sprint("t", i), State: st, Request: map[string]string{"Amount": "2"},
				InstanceIDs: []string{"i-1", "i-2"}}); err != nil {
				b.Fatal(err)
			}
		}
	}
	for b.Loop() {
		if all, _ := h.Entries(); len(all) != 1000 {
			b.Fatal(len(all))
		}
	}
}
