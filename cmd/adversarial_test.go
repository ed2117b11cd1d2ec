package cmd

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// TestAdversarialKills re-measures issue 17's figures: kill -9 of `launch`
// and of `launch --resume` at random moments against one sandbox endpoint
// that drops answers after committing, throttles and answers 5xx; every
// launch is then resumed until it is settled, and the sandbox's instances
// are counted against the history. A duplicate is an instance beyond the
// launch's Amount; a lost launch is one whose instances exist although the
// history does not know them, or which the history records as created
// with fewer instances than asked for. CI does not run it: set
// ECSLAUNCH_ADVERSARIAL to the number of launches (e.g. 100); it takes
// about three seconds per launch.
func TestAdversarialKills(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ECSLAUNCH_ADVERSARIAL"))
	if n <= 0 {
		t.Skip("set ECSLAUNCH_ADVERSARIAL=N to kill N launches")
	}
	const latency = 150 * time.Millisecond
	faults := sandbox.Faults{Latency: latency, DropAfterCommit: 0.25, ThrottleRate: 0.1, ErrorRate: 0.1}
	srv, err := sandbox.Start(sandbox.Options{AccessKeyID: resumeKeyID, AccessKeySecret: resumeKeySecret,
		BootTime: 100 * time.Millisecond, Faults: faults, Seed: 17})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	file := webWithOwnPasswordVariable(t) // Amount: 2
	rng := rand.New(rand.NewPCG(17, 2026))
	var st struct{ launchKills, resumeKills, resumes, recorded, unrecorded, settled, failed, unsettled, dup, lost int }
	settle := func() { time.Sleep(latency + 300*time.Millisecond) } // a killed child's call still lands
	for i := 0; i < n; i++ {
		env := resumeEnv(t)
		before := srv.InstanceCount()
		kill := time.Duration(rng.IntN(1200)) * time.Millisecond
		if killed := runKilled(t, env, kill, "launch", "--endpoint", srv.Endpoint(), "--insecure", "--yes", "--no-wait", file); killed {
			st.launchKills++
		}
		settle()
		for attempt := 0; attempt < 6; attempt++ {
			e, ok := lastEntry(t, env)
			if !ok || e.State != launcher.StatePending {
				break
			}
			st.resumes++
			args := []string{"launch", "--resume", "--endpoint", srv.Endpoint(), "--insecure", "--yes", "--no-wait"}
			if attempt < 5 && rng.IntN(10) < 6 {
				if runKilled(t, env, time.Duration(rng.IntN(350))*time.Millisecond, args...) {
					st.resumeKills++
				}
				settle()
				continue
			}
			runKilled(t, env, time.Hour, args...)
		}
		settle()
		created := srv.InstanceCount() - before
		e, ok := lastEntry(t, env)
		switch {
		case !ok:
			st.unrecorded++
			if created > 0 {
				st.lost++ // instances the history knows nothing of
				t.Errorf("launch %d: %d instances, no history record", i, created)
			}
			continue
		case e.State == launcher.StatePending:
			st.unsettled++
		case e.State == launcher.StateFailed:
			st.failed++
		default:
			st.settled++
		}
		st.recorded++
		if created > 2 {
			st.dup += created - 2
			t.Errorf("launch %d (%s): %d instances for Amount 2", i, e.Token, created)
		}
		if e.State != launcher.StatePending && e.State != launcher.StateFailed && created < 2 {
			st.lost++
			t.Errorf("launch %d (%s): recorded %s with %d instances", i, e.Token, e.State, created)
		}
		if e.State == launcher.StateFailed && created > 0 {
			st.lost++
			t.Errorf("launch %d (%s): recorded failed, %d instances exist", i, e.Token, created)
		}
	}
	t.Logf("faults %+v", faults)
	t.Logf("%d launches: %d kill -9 of launch, %d of launch --resume (%d resumes); %d recorded (%d settled, %d refused, %d still pending), "+
		"%d killed before recording; %d duplicates, %d lost; sandbox holds %d instances, answered %v",
		n, st.launchKills, st.resumeKills, st.resumes, st.recorded, st.settled, st.failed, st.unsettled, st.unrecorded,
		st.dup, st.lost, srv.InstanceCount(), srv.Calls())
}

// runKilled runs the command line as a child and sends it SIGKILL after
// d unless it ends first; it reports whether it was killed.
func runKilled(t *testing.T, env map[string]string, d time.Duration, args ...string) bool {
	t.Helper()
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "ECSLAUNCH_CMD_MAIN=1")
	for k, v := range env {
		c.Env = append(c.Env, k+"="+v)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = c.Wait(); close(done) }()
	select {
	case <-done:
		return false
	case <-time.After(d):
		_ = c.Process.Kill()
		<-done
		return true
	}
}

// lastEntry reads the one launch of env's history, as the file says.
func lastEntry(t *testing.T, env map[string]string) (launcher.Entry, bool) {
	t.Helper()
	f, err := os.Open(filepath.Join(env["XDG_STATE_HOME"], "ecslaunch", "history.jsonl"))
	if err != nil {
		return launcher.Entry{}, false
	}
	defer f.Close()
	var last launcher.Entry
	found := false
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e launcher.Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Token != "" {
			if found && e.Token != last.Token {
				t.Fatalf("two launches in one history: %s, %s", last.Token, e.Token)
			}
			last, found = e, true
		}
	}
	return last, found
}
