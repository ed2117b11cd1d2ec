package sandbox_test

import (
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

func TestDescribeInstancesFilters(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	web := goodRequest(n)
	web.InstanceName, web.Amount = "web-a", requests.NewInteger(2)
	web.PrivateIpAddress = "172.16.3.10" // consecutive addresses from here (docs/rules.md T2-11)
	web.Tag = &[]ecs.RunInstancesTag{{Key: "app", Value: "web"}}
	if _, err := c.RunInstances(web); err != nil {
		t.Fatal(err)
	}
	db := goodRequest(n)
	db.InstanceName, db.InstanceType = "db-a", inStock(t, "cn-hangzhou", "cn-hangzhou-i", "ecs.r7.large", "ecs.r6.large", "ecs.r8i.large")
	db.Tag = &[]ecs.RunInstancesTag{{Key: "app", Value: "db"}}
	if _, err := c.RunInstances(db); err != nil {
		t.Fatal(err)
	}
	count := func(edit func(r *ecs.DescribeInstancesRequest)) int {
		t.Helper()
		r := ecs.CreateDescribeInstancesRequest()
		edit(r)
		resp, err := c.DescribeInstances(r)
		if err != nil {
			t.Fatal(err)
		}
		return resp.TotalCount
	}
	for name, tc := range map[string]struct {
		edit func(r *ecs.DescribeInstancesRequest)
		want int
	}{
		"tag":          {func(r *ecs.DescribeInstancesRequest) { r.Tag = &[]ecs.DescribeInstancesTag{{Key: "app", Value: "web"}} }, 2},
		"tag key":      {func(r *ecs.DescribeInstancesRequest) { r.Tag = &[]ecs.DescribeInstancesTag{{Key: "app"}} }, 3},
		"no such tag":  {func(r *ecs.DescribeInstancesRequest) { r.Tag = &[]ecs.DescribeInstancesTag{{Key: "team"}} }, 0},
		"name prefix":  {func(r *ecs.DescribeInstancesRequest) { r.InstanceName = "web*" }, 2},
		"type":         {func(r *ecs.DescribeInstancesRequest) { r.InstanceType = db.InstanceType }, 1},
		"family":       {func(r *ecs.DescribeInstancesRequest) { r.InstanceTypeFamily = "ecs.g6" }, 2},
		"group":        {func(r *ecs.DescribeInstancesRequest) { r.SecurityGroupId = n.sg }, 3},
		"vSwitch":      {func(r *ecs.DescribeInstancesRequest) { r.VSwitchId = n.vsw }, 3},
		"other zone":   {func(r *ecs.DescribeInstancesRequest) { r.ZoneId = "cn-hangzhou-j" }, 0},
		"other region": {func(r *ecs.DescribeInstancesRequest) { r.RegionId = "cn-beijing" }, 0},
		"private IPs":  {func(r *ecs.DescribeInstancesRequest) { r.InstanceIds = `[]` }, 3},
	} {
		if got := count(tc.edit); got != tc.want {
			t.Errorf("%s: %d instances, want %d", name, got, tc.want)
		}
	}
	r := ecs.CreateDescribeInstancesRequest()
	r.InstanceName = "web*"
	resp, err := c.DescribeInstances(r)
	if err != nil {
		t.Fatal(err)
	}
	var ips []string
	for _, in := range resp.Instances.Instance {
		ips = append(ips, in.VpcAttributes.PrivateIpAddress.IpAddress[0])
	}
	if len(ips) != 2 || ips[0] != "172.16.3.10" || ips[1] != "172.16.3.11" {
		t.Errorf("private IPs %v, want 172.16.3.10 and .11", ips)
	}
	bad := ecs.CreateDescribeInstancesRequest()
	bad.InstanceIds = `["i-1",`
	_, err = c.DescribeInstances(bad)
	apiError(t, err, "InvalidParameter", 400)
}

// inStock returns the first of the types the zone has in stock.
func inStock(t *testing.T, region, zone string, types ...string) string {
	t.Helper()
	w := world.New()
	r, _ := w.Region(region)
	z, _ := w.Zone(region, zone)
	for _, id := range types {
		if ty, ok := w.Type(id); ok && world.Availability(r, z, ty, "PostPaid", "NoSpot") == world.Available {
			return id
		}
	}
	t.Fatalf("none of %v in stock in %s", types, zone)
	return ""
}

func TestDescribeAvailableResourceDestinations(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	zones := ecs.CreateDescribeAvailableResourceRequest()
	zones.DestinationResource, zones.InstanceType = "Zone", "ecs.gn7i-c8g1.2xlarge"
	resp, err := c.DescribeAvailableResource(zones)
	if err != nil {
		t.Fatal(err)
	}
	// GPU types are only in the first two zones (world.Availability)
	if n := len(resp.AvailableZones.AvailableZone); n == 0 || n > 2 {
		t.Errorf("GPU zones: %d", n)
	}
	data := ecs.CreateDescribeAvailableResourceRequest()
	data.DestinationResource, data.InstanceType, data.DataDiskCategory = "DataDisk", "ecs.g7.large", "cloud_essd"
	data.ZoneId = "cn-hangzhou-i"
	resp, err = c.DescribeAvailableResource(data)
	if err != nil {
		t.Fatal(err)
	}
	d := resp.AvailableZones.AvailableZone[0].AvailableResources.AvailableResource[0].SupportedResources.SupportedResource
	if len(d) != 1 || d[0].Value != "cloud_essd" || d[0].Min != 20 || d[0].Max != 32768 {
		t.Errorf("data disks %+v", d)
	}
	cores := ecs.CreateDescribeAvailableResourceRequest()
	cores.DestinationResource, cores.Cores, cores.Memory = "InstanceType", requests.NewInteger(2), requests.NewFloat(8)
	cores.ZoneId = "cn-hangzhou-i"
	resp, err = c.DescribeAvailableResource(cores)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range resp.AvailableZones.AvailableZone[0].AvailableResources.AvailableResource[0].SupportedResources.SupportedResource {
		if r.Value == "ecs.c7.large" || r.Value == "ecs.g7.xlarge" {
			t.Errorf("%s is not 2 vCPU / 8 GiB", r.Value)
		}
	}
	conflict := ecs.CreateDescribeAvailableResourceRequest()
	conflict.DestinationResource, conflict.InstanceType, conflict.Cores = "InstanceType", "ecs.g7.large", requests.NewInteger(2)
	_, err = c.DescribeAvailableResource(conflict)
	apiError(t, err, "InvalidParam.TypeAndCpuMem.Conflict", 403)
	noType := ecs.CreateDescribeAvailableResourceRequest()
	noType.DestinationResource = "SystemDisk"
	_, err = c.DescribeAvailableResource(noType)
	apiError(t, err, "MissingParameter", 400)
	spot := ecs.CreateDescribeAvailableResourceRequest()
	spot.DestinationResource, spot.InstanceType, spot.SpotStrategy = "InstanceType", "ecs.t6-c1m1.large", "SpotAsPriceGo"
	resp, err = c.DescribeAvailableResource(spot)
	if err != nil || len(resp.AvailableZones.AvailableZone) != 0 {
		t.Errorf("burstable types are not sold as spot: %v %+v", err, resp.AvailableZones)
	}
}
