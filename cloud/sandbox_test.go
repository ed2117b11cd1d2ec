package cloud_test

import (
	"context"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

func TestSandboxConstantsMatch(t *testing.T) {
	if cloud.SandboxAccessKeyID != sandbox.DefaultAccessKeyID || cloud.SandboxAccessKeySecret != sandbox.DefaultAccessKeySecret {
		t.Fatal("cloud's sandbox credentials differ from the sandbox package's")
	}
}

// TestSandboxSessionSpeaksToTheSandbox runs one ECS and one VPC call, signed
// and checked by the sandbox, and a call with a revoked key.
func TestSandboxSessionSpeaksToTheSandbox(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	s, err := cloud.Sandbox(srv.Endpoint(), cloud.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.CloseIdleConnections()
	if !s.IsSandbox() || s.Scheme() != "HTTP" || s.Region() != "cn-hangzhou" || s.Endpoint() != srv.Endpoint() {
		t.Errorf("session: sandbox=%v scheme=%s region=%s endpoint=%s", s.IsSandbox(), s.Scheme(), s.Region(), s.Endpoint())
	}
	ec, err := s.ECSContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	regions, err := ec.DescribeRegions(ecs.CreateDescribeRegionsRequest())
	if err != nil || len(regions.Regions.Region) == 0 {
		t.Fatalf("DescribeRegions: %v", cloud.Describe(err))
	}
	vc, err := s.VPC()
	if err != nil {
		t.Fatal(err)
	}
	req := vpc.CreateDescribeVpcsRequest()
	req.RegionId = "cn-hangzhou"
	if vpcs, err := vc.DescribeVpcs(req); err != nil || len(vpcs.Vpcs.Vpc) == 0 {
		t.Fatalf("DescribeVpcs: %v", cloud.Describe(err))
	}
	srv.RevokeKey(sandbox.DefaultAccessKeyID)
	_, err = ec.DescribeRegions(ecs.CreateDescribeRegionsRequest())
	if d := cloud.Describe(err); err == nil || d[:len("InvalidAccessKeyId.NotFound")] != "InvalidAccessKeyId.NotFound" {
		t.Errorf("revoked key: %q", d)
	}
}
