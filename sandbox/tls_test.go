package sandbox_test

import (
	"crypto/tls"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

// TestTLSClassicSDK: the classic SDK reaches a --tls sandbox over HTTPS
// when it trusts the local CA, and the CA is kept: a second load in the
// same directory is the same CA, so a client trusts it once.
func TestTLSClassicSDK(t *testing.T) {
	dir := t.TempDir()
	ca, err := sandbox.LoadOrCreateCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, err := sandbox.LoadOrCreateCA(dir)
	if err != nil || string(again.CertPEM) != string(ca.CertPEM) || again.CertFile() != filepath.Join(dir, "sandbox-ca.pem") {
		t.Fatalf("the CA was not kept: %v", err)
	}
	cfg, err := again.ServerTLS()
	if err != nil {
		t.Fatal(err)
	}
	s := start(t, sandbox.Options{TLS: cfg})
	if s.Scheme() != "https" {
		t.Errorf("scheme %s", s.Scheme())
	}
	c, err := ecs.NewClientWithAccessKey("cn-hangzhou", sandbox.DefaultAccessKeyID, sandbox.DefaultAccessKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = s.Endpoint()
	c.SetTransport(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.Pool()}})
	req := ecs.CreateDescribeRegionsRequest()
	req.Scheme = "https"
	if _, err := c.DescribeRegions(req); err != nil {
		t.Fatal(err)
	}
	// plain HTTP to a TLS sandbox gets no API answer
	req = ecs.CreateDescribeRegionsRequest()
	req.Scheme = "http"
	if _, err := c.DescribeRegions(req); err == nil {
		t.Error("plain HTTP was answered by the TLS sandbox")
	}
}

func TestCAFilesRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "sandbox-ca.pem"), []byte("not a pem"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := sandbox.LoadOrCreateCA(dir); err == nil || !strings.Contains(err.Error(), "only one of") {
		t.Errorf("half a CA: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sandbox-ca-key.pem"), []byte("not a pem"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sandbox.LoadOrCreateCA(dir); err == nil || !strings.Contains(err.Error(), "not PEM") {
		t.Errorf("a corrupt CA: %v", err)
	}
}
