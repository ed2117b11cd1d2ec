package cloud

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

const regionsBody = `{"RequestId":"R1","Regions":{"Region":[{"RegionId":"cn-hangzhou","LocalName":"China (Hangzhou)","RegionEndpoint":"ecs.cn-hangzhou.aliyuncs.com","Status":"available"}]}}`

// staticSession is a session with a known AccessKey against endpoint.
func staticSession(t *testing.T, cfg Config) *Session {
	t.Helper()
	cfg.Getenv = envOf(t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsessionKey",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRETsessionKey", "ALIBABA_CLOUD_SECURITY_TOKEN", "TOKENsessionKey")
	s, err := Resolve(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func describeRegions(t *testing.T, s *Session, ctx context.Context) error {
	t.Helper()
	c, err := s.ECSContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeRegions(ecs.CreateDescribeRegionsRequest())
	return err
}

func TestHTTPSByDefault(t *testing.T) {
	var scheme atomic.Value
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme.Store(fmt.Sprint(r.TLS != nil))
		fmt.Fprint(w, regionsBody)
	}))
	defer srv.Close()
	s := staticSession(t, Config{Endpoint: srv.Listener.Addr().String()})
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	s.transport.TLSClientConfig.RootCAs = pool
	if err := describeRegions(t, s, context.Background()); err != nil {
		t.Fatalf("DescribeRegions over TLS: %s", Describe(err))
	}
	if scheme.Load() != "true" {
		t.Error("request did not arrive over TLS")
	}
}

func TestPlainHTTPNeedsInsecure(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, regionsBody) }))
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	if err := describeRegions(t, staticSession(t, Config{Endpoint: addr}), context.Background()); err == nil {
		t.Error("HTTPS client talked to a plain HTTP server")
	}
	if err := describeRegions(t, staticSession(t, Config{Endpoint: addr, Insecure: true}), context.Background()); err != nil {
		t.Errorf("--insecure: %s", Describe(err))
	}
}

func TestReadTimeoutIsExplicit(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	s := staticSession(t, Config{Endpoint: srv.Listener.Addr().String(), Insecure: true, ReadTimeout: 100 * time.Millisecond})
	err := describeRegions(t, s, context.Background())
	var ue interface{ Timeout() bool }
	if !errors.As(err, &ue) || !ue.Timeout() {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := Describe(err); !strings.Contains(d, "timed out") {
		t.Errorf("Describe = %q, want 'timed out'", d)
	}
}

func TestContextCancelsCall(t *testing.T) {
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done()
	}))
	defer srv.Close()
	s := staticSession(t, Config{Endpoint: srv.Listener.Addr().String(), Insecure: true})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	err := describeRegions(t, s, ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if Describe(err) != "canceled" {
		t.Errorf("Describe = %q", Describe(err))
	}
}

func TestNoSDKRetry(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.WriteHeader(503)
		fmt.Fprint(w, `{"RequestId":"R503","Code":"ServiceUnavailable","Message":"busy"}`)
	}))
	defer srv.Close()
	s := staticSession(t, Config{Endpoint: srv.Listener.Addr().String(), Insecure: true})
	err := describeRegions(t, s, context.Background())
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.HttpStatus() != 503 {
		t.Fatalf("err = %v, want ServerError 503", err)
	}
	if hits.Load() != 1 {
		t.Errorf("server saw %d attempts, want 1 (AutoRetry off)", hits.Load())
	}
}

func TestConcurrentCallsOnOneSession(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, regionsBody) }))
	defer srv.Close()
	s := staticSession(t, Config{Endpoint: srv.Listener.Addr().String(), Insecure: true})
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() { errs <- describeRegions(t, s, context.Background()) }()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(Describe(err))
		}
	}
}

func TestRefusedConnectionIsRedacted(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := staticSession(t, Config{Endpoint: addr, Insecure: true})
	err = describeRegions(t, s, context.Background())
	if err == nil {
		t.Fatal("call to a closed port succeeded")
	}
	raw := err.Error()
	if !strings.Contains(raw, "LTAIsessionKey") {
		t.Logf("raw SDK error no longer carries the AccessKeyId: %q", raw)
	}
	for _, text := range []string{Describe(err), Redact(raw)} {
		for _, secret := range []string{"LTAIsessionKey", "TOKENsessionKey", "SECRETsessionKey", "Signature=" + "x"} {
			if strings.Contains(text, secret) {
				t.Errorf("%q leaks %q", text, secret)
			}
		}
	}
	if d := Describe(err); !strings.Contains(d, addr) || strings.Contains(d, "?") {
		t.Errorf("Describe = %q, want the host without the query", d)
	}
}

func TestCheckEndpointSaysWhatToGive(t *testing.T) {
	for _, c := range []struct {
		endpoint string
		insecure bool
		want     string
	}{{"http://127.0.0.1:8080", true, "HOST:PORT"}, {"127.0.0.1:notaport", true, "1 to 65535"}, {"", true, "--endpoint"}} {
		err := CheckEndpoint(c.endpoint, c.insecure)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckEndpoint(%q, %v) = %v, want it to say %q", c.endpoint, c.insecure, err, c.want)
		}
	}
	if err := CheckEndpoint("127.0.0.1:8080", true); err != nil {
		t.Errorf("a good endpoint: %v", err)
	}
}
