package exporter

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

func TestInsecureIsNeverWrittenWithoutAnEndpoint(t *testing.T) {
	req := request.New()
	_ = req.Set("RegionId", "cn-hangzhou")
	res, err := Export(req, CLI, Options{Insecure: true})
	if err != nil || strings.Contains(res.Text, "--insecure") {
		t.Fatalf("plain HTTP to a real endpoint: %v\n%s", err, res.Text)
	}
	res, _ = Export(req, CLI, Options{Insecure: true, Endpoint: "127.0.0.1:8080"})
	if !strings.Contains(res.Text, "--endpoint 127.0.0.1:8080") || !strings.Contains(res.Text, "--insecure") {
		t.Fatalf("endpoint export lost its flags:\n%s", res.Text)
	}
}
