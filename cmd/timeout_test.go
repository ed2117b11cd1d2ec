package cmd

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

// slowAction fronts a sandbox with a proxy that holds one API action for
// delay before passing it on; the others go straight through.
func slowAction(t *testing.T, s *sandbox.Server, action string, delay time.Duration) string {
	t.Helper()
	target, _ := url.Parse("http://" + s.Endpoint())
	proxy := httputil.NewSingleHostReverseProxy(target)
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if r.Form.Get("Action") == action {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			case <-done:
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(done) }) // runs first: held calls end, so Close need not wait for them
	return strings.TrimPrefix(srv.URL, "http://")
}

func timeoutSandbox(t *testing.T, o sandbox.Options) *sandbox.Server {
	t.Helper()
	o.AccessKeyID, o.AccessKeySecret = resumeKeyID, resumeKeySecret
	s, err := sandbox.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// TestLaunchTimeoutBoundsEveryPhase: --timeout bounded only the wait for
// Running; against a slow endpoint a launch ran for 248 s (issue 17 item
// 16). Now it bounds the command, and the message names the phase.
func TestLaunchTimeoutBoundsEveryPhase(t *testing.T) {
	file := webWithOwnPasswordVariable(t)
	t.Run("price", func(t *testing.T) {
		s := timeoutSandbox(t, sandbox.Options{})
		ep := slowAction(t, s, "DescribePrice", time.Minute)
		_, errs, code := stateRun(t, resumeEnv(t), "launch", "--endpoint", ep, "--insecure", "--yes", "--timeout", "1s", file)
		if code != ExitFailed || !strings.Contains(errs, "launch --timeout 1s ran out during the price lookup (DescribePrice); nothing was sent") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if n := s.Calls()["RunInstances"]; n != 0 {
			t.Errorf("RunInstances was called %d times", n)
		}
	})
	t.Run("RunInstances", func(t *testing.T) {
		s := timeoutSandbox(t, sandbox.Options{})
		ep := slowAction(t, s, "RunInstances", time.Minute)
		_, errs, code := stateRun(t, resumeEnv(t), "launch", "--endpoint", ep, "--insecure", "--yes", "--timeout", "2s", file)
		if code != ExitFailed || !strings.Contains(errs, "launch --timeout 2s ran out during RunInstances (its retries included)") ||
			!strings.Contains(errs, "launch --resume") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
	})
	t.Run("wait", func(t *testing.T) {
		s := timeoutSandbox(t, sandbox.Options{BootTime: time.Hour})
		out, errs, code := stateRun(t, resumeEnv(t), "launch", "--endpoint", s.Endpoint(), "--insecure", "--yes", "--timeout", "3s", file)
		if code != ExitFailed || !strings.Contains(errs, "launch --timeout 3s ran out during the wait for Running: the instances exist, 0 of 2 Running") ||
			strings.Count(out, "i-") != 2 {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
	})
}
