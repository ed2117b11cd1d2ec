package sandbox_test

import (
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

// BenchmarkDescribeInstanceTypes measures full 100-type pages through the
// SDK over loopback.
func BenchmarkDescribeInstanceTypes(b *testing.B) {
	s := start(b, sandbox.Options{})
	c := client(b, s, sandbox.DefaultAccessKeySecret)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := ecs.CreateDescribeInstanceTypesRequest()
		req.MaxResults = requests.NewInteger64(100)
		resp, err := c.DescribeInstanceTypes(req)
		if err != nil || len(resp.InstanceTypes.InstanceType) != 100 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkRunInstancesDryRun measures a full RunInstances check (rules,
// references, state) answered with DryRunOperation, through the SDK.
func BenchmarkRunInstancesDryRun(b *testing.B) {
	s := start(b, sandbox.Options{})
	c := client(b, s, sandbox.DefaultAccessKeySecret)
	vs := ecs.CreateDescribeVSwitchesRequest()
	vs.ZoneId, vs.IsDefault = "cn-hangzhou-i", requests.NewBoolean(true)
	vr, err := c.DescribeVSwitches(vs)
	if err != nil {
		b.Fatal(err)
	}
	sg := ecs.CreateDescribeSecurityGroupsRequest()
	sg.VpcId = vr.VSwitches.VSwitch[0].VpcId
	sr, err := c.DescribeSecurityGroups(sg)
	if err != nil {
		b.Fatal(err)
	}
	n := network{vsw: vr.VSwitches.VSwitch[0].VSwitchId, sg: sr.SecurityGroups.SecurityGroup[0].SecurityGroupId}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := goodRequest(n)
		req.DryRun = requests.NewBoolean(true)
		req.DataDisk = &[]ecs.RunInstancesDataDisk{{Category: "cloud_essd", Size: "100"}}
		req.Tag = &[]ecs.RunInstancesTag{{Key: "env", Value: "bench"}}
		if _, err := c.RunInstances(req); !isDryRun(err) {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
