package clients_test

import (
	"errors"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

const region = "cn-hangzhou"

// target is a sandbox and how to reach it: plain HTTP, or HTTPS with the
// PEM of the CA to trust.
type target struct {
	name string
	s    *sandbox.Server
	ca   string // PEM; "" over HTTP
}

// targets starts a plain and a TLS sandbox (its CA made in a temporary
// state directory, as `sandbox serve --tls --state DIR/…` would).
func targets(t *testing.T) []target {
	t.Helper()
	plain := startSandbox(t, sandbox.Options{Seed: 51})
	ca, err := sandbox.LoadOrCreateCA(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ca.ServerTLS()
	if err != nil {
		t.Fatal(err)
	}
	secure := startSandbox(t, sandbox.Options{Seed: 52, TLS: cfg, CAFile: ca.CertFile()})
	return []target{{"http", plain, ""}, {"tls", secure, string(ca.CertPEM)}}
}

func startSandbox(t *testing.T, o sandbox.Options) *sandbox.Server {
	t.Helper()
	s, err := sandbox.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// v2Client is the V2.0 SDK's ECS client pointed at the target, with the
// runtime that trusts its CA (the banner's recipe).
func v2Client(t *testing.T, tg target, secret string) (*ecs.Client, *dara.RuntimeOptions) {
	t.Helper()
	cfg := &openapi.Config{AccessKeyId: tea.String(sandbox.DefaultAccessKeyID), AccessKeySecret: tea.String(secret),
		RegionId: tea.String(region), Endpoint: tea.String(tg.s.Endpoint()), Protocol: tea.String("HTTP")}
	rt := &dara.RuntimeOptions{Autoretry: tea.Bool(false)}
	if tg.ca != "" {
		cfg.Protocol = tea.String("HTTPS")
		rt.Ca = tea.String(tg.ca)
	}
	c, err := ecs.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, rt
}

// code is the API error code of a V2 SDK error.
func code(err error) string {
	var se *tea.SDKError
	if errors.As(err, &se) {
		return tea.StringValue(se.Code)
	}
	return ""
}

// TestV2SDK drives the sandbox with the V2.0 Go SDK (ACS3-HMAC-SHA256 in the
// Authorization header, JSON answers decoded into its own types), over HTTP
// and HTTPS: the wizard's Describe calls, paging, DryRun, a real launch.
func TestV2SDK(t *testing.T) {
	w := world.New()
	for _, tg := range targets(t) {
		t.Run(tg.name, func(t *testing.T) {
			c, rt := v2Client(t, tg, sandbox.DefaultAccessKeySecret)
			regions, err := c.DescribeRegionsWithOptions(&ecs.DescribeRegionsRequest{AcceptLanguage: tea.String("en-US")}, rt)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(regions.Body.Regions.Region); got != len(w.Regions) {
				t.Errorf("%d regions, want %d", got, len(w.Regions))
			}
			if r := regions.Body.Regions.Region[0]; tea.StringValue(r.RegionId) == "" || tea.StringValue(r.LocalName) == "" {
				t.Errorf("region %v", r)
			}

			zones, err := c.DescribeZonesWithOptions(&ecs.DescribeZonesRequest{RegionId: tea.String(region)}, rt)
			if err != nil {
				t.Fatal(err)
			}
			hz, _ := w.Region(region)
			if got := len(zones.Body.Zones.Zone); got != len(hz.Zones) || tea.StringValue(zones.Body.Zones.Zone[0].ZoneId) != hz.Zones[0].ZoneId {
				t.Errorf("%d zones: %v", got, zones.Body.Zones.Zone)
			}

			// DescribeInstanceTypes over several NextToken pages
			seen, pages, token := map[string]bool{}, 0, ""
			for {
				req := &ecs.DescribeInstanceTypesRequest{MaxResults: tea.Int64(100)}
				if token != "" {
					req.NextToken = tea.String(token)
				}
				resp, err := c.DescribeInstanceTypesWithOptions(req, rt)
				if err != nil {
					t.Fatal(err)
				}
				pages++
				for _, it := range resp.Body.InstanceTypes.InstanceType {
					id := tea.StringValue(it.InstanceTypeId)
					if seen[id] || tea.Int32Value(it.CpuCoreCount) == 0 {
						t.Errorf("type %s repeated or without vCPUs", id)
					}
					seen[id] = true
				}
				if token = tea.StringValue(resp.Body.NextToken); token == "" || pages > 20 {
					break
				}
			}
			if len(seen) != len(w.Types) || pages < 3 {
				t.Errorf("%d types in %d pages, want %d in 3 or more", len(seen), pages, len(w.Types))
			}

			images, err := c.DescribeImagesWithOptions(&ecs.DescribeImagesRequest{RegionId: tea.String(region), PageSize: tea.Int32(10),
				PageNumber: tea.Int32(2), OSType: tea.String("linux")}, rt)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(images.Body.Images.Image); n != 10 || tea.Int32Value(images.Body.TotalCount) <= 10 ||
				tea.StringValue(images.Body.Images.Image[0].OSType) != "linux" {
				t.Errorf("images page 2: %d of %d", n, tea.Int32Value(images.Body.TotalCount))
			}

			run := runRequest(t, c, rt)
			run.DryRun = tea.Bool(true)
			if _, err := c.RunInstancesWithOptions(run, rt); code(err) != "DryRunOperation" {
				t.Fatalf("DryRun: %v", err)
			}
			run.DryRun, run.Amount = tea.Bool(false), tea.Int32(2)
			created, err := c.RunInstancesWithOptions(run, rt)
			if err != nil {
				t.Fatal(err)
			}
			ids := created.Body.InstanceIdSets.InstanceIdSet
			if len(ids) != 2 || !strings.HasPrefix(tea.StringValue(ids[0]), "i-") {
				t.Fatalf("created %v", ids)
			}
			got, err := c.DescribeInstancesWithOptions(&ecs.DescribeInstancesRequest{RegionId: tea.String(region)}, rt)
			if err != nil {
				t.Fatal(err)
			}
			if n := tea.Int32Value(got.Body.TotalCount); n != 2 || tea.StringValue(got.Body.Instances.Instance[0].InstanceType) != world.CheapestGeneral {
				t.Errorf("DescribeInstances: %d instances", n)
			}
			if tg.s.InstanceCount() != 2 {
				t.Errorf("the sandbox holds %d instances", tg.s.InstanceCount())
			}
		})
	}
}

// runRequest is a RunInstances request in the first zone's default
// network, as the wizard's defaults would make it. The vSwitch comes from
// the embedded world (the V2 SDK's ECS DescribeVSwitches is deprecated in
// favour of the VPC product's); the security group from DescribeSecurityGroups.
func runRequest(t *testing.T, c *ecs.Client, rt *dara.RuntimeOptions) *ecs.RunInstancesRequest {
	t.Helper()
	w := world.New()
	hz, _ := w.Region(region)
	zone := hz.Zones[0].ZoneId
	var vsw world.VSwitch
	for _, v := range w.Network(region).VSwitches {
		if v.ZoneId == zone && v.IsDefault {
			vsw = v
		}
	}
	sgs, err := c.DescribeSecurityGroupsWithOptions(&ecs.DescribeSecurityGroupsRequest{RegionId: tea.String(region),
		VpcId: tea.String(vsw.VpcId), SecurityGroupName: tea.String(world.DefaultSGName)}, rt)
	if err != nil {
		t.Fatal(err)
	}
	if len(sgs.Body.SecurityGroups.SecurityGroup) != 1 {
		t.Fatalf("%d default groups", len(sgs.Body.SecurityGroups.SecurityGroup))
	}
	return &ecs.RunInstancesRequest{RegionId: tea.String(region), ZoneId: tea.String(zone), InstanceType: tea.String(world.CheapestGeneral),
		ImageId: tea.String("aliyun_3_x64_20G_alibase_20240819.vhd"), VSwitchId: tea.String(vsw.VSwitchId),
		SecurityGroupId: sgs.Body.SecurityGroups.SecurityGroup[0].SecurityGroupId, InstanceName: tea.String("v2-sdk"),
		SystemDisk: &ecs.RunInstancesRequestSystemDisk{Category: tea.String("cloud_essd"), Size: tea.String("40")},
		Tag:        []*ecs.RunInstancesRequestTag{{Key: tea.String("made-by"), Value: tea.String("v2 sdk & test")}}}
}

// TestV2SDKRefused: a wrong secret is SignatureDoesNotMatch; over HTTPS a
// client that does not trust the sandbox's CA cannot connect at all.
func TestV2SDKRefused(t *testing.T) {
	for _, tg := range targets(t) {
		c, rt := v2Client(t, tg, "not-the-secret")
		_, err := c.DescribeRegionsWithOptions(&ecs.DescribeRegionsRequest{}, rt)
		if code(err) != "SignatureDoesNotMatch" {
			t.Errorf("%s, wrong secret: %v", tg.name, err)
		}
		if tg.s.Calls()["DescribeRegions"] != 0 {
			t.Errorf("%s: a refused call was counted", tg.name)
		}
	}
	// A sandbox no client has talked to yet: the SDK keeps its HTTP
	// clients (and their verified connections) per endpoint.
	ca, err := sandbox.LoadOrCreateCA(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := ca.ServerTLS()
	if err != nil {
		t.Fatal(err)
	}
	c, rt := v2Client(t, target{"untrusted", startSandbox(t, sandbox.Options{TLS: cfg}), string(ca.CertPEM)}, sandbox.DefaultAccessKeySecret)
	rt.Ca = nil
	if _, err := c.DescribeRegionsWithOptions(&ecs.DescribeRegionsRequest{}, rt); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("an untrusted CA was accepted: %v", err)
	}
}
