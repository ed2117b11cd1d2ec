package launcher

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestHistoryRespectsAReadOnlyFile: opening the history reset a user's
// chmod 444 to 0600 (issue 17 item 18). Only group and other bits are
// taken away; the file stays read-only, is still read, and a launch is
// refused before any call, saying why.
func TestHistoryRespectsAReadOnlyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	if err := os.WriteFile(path, []byte(`{"token":"t1","state":"pending","request":{"RegionId":"cn-hangzhou"}}`+"\n"), 0o444); err != nil {
		t.Fatal(err)
	}
	h, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o400 {
		t.Errorf("mode %04o, want 0400 (group and other bits off, the owner's kept)", st.Mode().Perm())
	}
	var ro *ReadOnlyError
	if err := h.Writable(); !errors.As(err, &ro) {
		t.Fatalf("Writable: %v", err)
	}
	if err := h.Append(Entry{Token: "t2", State: StatePending}); !errors.As(err, &ro) {
		t.Fatalf("Append to a read-only history: %v", err)
	}
	if all, _ := h.Entries(); len(all) != 1 {
		t.Errorf("a read-only history is still read: %v", all)
	}
	c := newFake(t) // any call fails the test
	if _, err := Launch(t.Context(), c, testRequest(t, "1"), Options{History: h}, nil); !errors.As(err, &ro) || len(c.calls) != 0 {
		t.Errorf("launch with a read-only history: %v, calls %v", err, c.calls)
	}
}

// TestCompactKeepsPendingAndRecentLaunches: one record per launch, every
// pending one, the last KeepFinished finished ones; the rest archived.
func TestCompactKeepsPendingAndRecentLaunches(t *testing.T) {
	h := testHistory(t)
	n := KeepFinished + 50
	for i := 0; i < n; i++ {
		tok := fmt.Sprint("t", i)
		for _, st := range []State{StatePending, StateCreated, StateRunning} {
			if i == 3 && st != StatePending {
				continue // an old launch still pending
			}
			e := Entry{Token: tok, State: st, Region: "cn-hangzhou", Time: time.Unix(int64(i), 0)}
			if st == StatePending {
				e.Request = map[string]string{"RegionId": "cn-hangzhou", "Amount": "2"}
				e.Target = &Target{Kind: TargetSandbox, Region: "cn-hangzhou"}
			}
			if err := h.Append(e); err != nil {
				t.Fatal(err)
			}
		}
	}
	before, _ := h.Entries()
	stats, err := h.Compact()
	if err != nil {
		t.Fatal(err)
	}
	after, warns := h.Entries()
	if len(warns) != 0 || stats.Kept != KeepFinished+1 || stats.Archived != n-1-KeepFinished || len(after) != stats.Kept {
		t.Fatalf("stats %+v, %d entries after, warnings %v", stats, len(after), warns)
	}
	if after[0].Token != "t3" || after[0].State != StatePending || after[0].Request["Amount"] != "2" || after[0].Target == nil {
		t.Errorf("the old pending launch is not kept whole: %+v", after[0])
	}
	last := before[len(before)-1]
	if got := after[len(after)-1]; got.Token != last.Token || got.State != StateRunning || got.Request["Amount"] != "2" {
		t.Errorf("the newest launch changed: %+v, was %+v", got, last)
	}
	archived, _ := (&History{path: h.ArchivePath()}).Entries()
	if len(archived) != stats.Archived || archived[0].Token != "t0" {
		t.Errorf("archive holds %d, first %v", len(archived), archived)
	}
	if p, ok, _ := h.LatestPending(); !ok || p.Token != "t3" {
		t.Errorf("LatestPending after compaction: %v %v", p, ok)
	}
}

// TestOpenHistoryCompactsAGrownFile: past CompactAbove it shrinks.
func TestOpenHistoryCompactsAGrownFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	writeBigHistory(t, path, 12_000) // ~7 MB
	st, _ := os.Stat(path)
	if st.Size() <= CompactAbove {
		t.Fatalf("the test history is only %d bytes", st.Size())
	}
	h, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	st2, _ := os.Stat(path)
	if st2.Size() >= st.Size()/4 {
		t.Errorf("history %d bytes after opening, was %d", st2.Size(), st.Size())
	}
	if p, ok, _ := h.LatestPending(); !ok || p.Token != "ecslaunch-last" || p.Request["Password"] != "${ECS_PASSWORD}" {
		t.Errorf("pending launch after compaction: %+v", p)
	}
}

// TestCompactionLosesNoConcurrentAppend: two History values on one file
// (as two processes would have) append and compact at once.
func TestCompactionLosesNoConcurrentAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	a, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 300; i++ {
			if err := a.Append(Entry{Token: fmt.Sprint("p", i), State: StatePending}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			if _, err := b.Compact(); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	wg.Wait()
	if all, warns := a.Entries(); len(all) != 300 || len(warns) != 0 {
		t.Errorf("%d launches survive of 300, warnings %v", len(all), warns)
	}
}
