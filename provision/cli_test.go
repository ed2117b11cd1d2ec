package provision_test

import (
	"context"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// aliyunCLI is the real aliyun CLI: $ALIYUN_CLI, or ../shared/tools/aliyun
// of the checkout (CI's layout). Without one the test is skipped, saying
// how to get it.
func aliyunCLI(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ALIYUN_CLI"); p != "" {
		return p
	}
	tool := filepath.Join("..", "..", "shared", "tools", "aliyun")
	if _, err := os.Stat(tool); err != nil {
		t.Skip("no aliyun CLI: set ALIYUN_CLI to an aliyun 3.x binary, or check out ../shared/tools beside the repository (its aliyun script unpacks the CLI)")
	}
	out, err := exec.Command(tool, "--path").Output()
	if err != nil {
		t.Skipf("../shared/tools/aliyun cannot unpack the CLI (it needs xz): %v", err)
	}
	return strings.TrimSpace(string(out))
}

// TestExportedScriptCreatesTheSameThingsWithTheRealCLI: what provision
// created in one sandbox, exported as a cli script, is created again from
// nothing in a fresh sandbox by the real aliyun CLI, and the instances it
// launches run in what it created.
func TestExportedScriptCreatesTheSameThingsWithTheRealCLI(t *testing.T) {
	cli := aliyunCLI(t)
	e := newEnv(t, sandbox.Options{})
	ctx := context.Background()
	v, vsw, err := e.p.CreateNetwork(ctx, provision.NetworkSpec{VPC: provision.VPCSpec{RegionId: region, CidrBlock: "10.0.0.0/16", VpcName: "app"},
		VSwitch: provision.VSwitchSpec{ZoneId: zone, CidrBlock: "10.0.1.0/24"}})
	if err != nil {
		t.Fatal(err)
	}
	sg, err := e.p.CreateSecurityGroup(ctx, provision.GroupSpec{RegionId: region, VpcId: v.ID, SecurityGroupName: "app",
		Rules: provision.Presets(provision.PresetOptions{SSHFrom: "203.0.113.7/32", HTTPS: true, ICMP: true})})
	if err != nil {
		t.Fatal(err)
	}
	kp, err := e.p.CreateKeyPair(ctx, provision.KeyCreateSpec{RegionId: region, KeyPairName: "made", Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	req := request.New()
	for k, val := range map[string]string{"RegionId": region, "ImageId": image, "InstanceType": world.CheapestGeneral,
		"VSwitchId": vsw.ID, "SecurityGroupId": sg.ID, "KeyPairName": kp.ID, "InstanceName": "app"} {
		_ = req.Set(k, val)
	}
	created := provision.CreatedFor(req, []provision.Created{v, vsw, sg, kp})

	fresh := newEnv(t, sandbox.Options{BootTime: 3 * time.Second})
	res, err := exporter.Export(req, exporter.CLI, exporter.Options{Created: created, Endpoint: fresh.s.Endpoint(), Insecure: true,
		Idempotent: true, ClientToken: launcher.NewToken()})
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command("sh", "-c", strings.ReplaceAll(res.Text, "aliyun ", cli+" "))
	cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "ALIBABA_CLOUD_ACCESS_KEY_ID=" + sandbox.DefaultAccessKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + sandbox.DefaultAccessKeySecret, "ALIBABA_CLOUD_REGION_ID=" + region}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the script failed: %v\n%s\nscript:\n%s", err, out, res.Text)
	}

	// in the fresh sandbox: one of each, as specified, and the instance in them
	describe := ecs.CreateDescribeInstancesRequest()
	describe.RegionId, describe.Scheme = region, "http"
	ir, err := fresh.ecs.DescribeInstances(describe)
	if err != nil || len(ir.Instances.Instance) != 1 {
		t.Fatalf("instances: %v %+v\n%s", err, ir, out)
	}
	in := ir.Instances.Instance[0]
	sw := vpcSwitch(t, fresh, in.VpcAttributes.VSwitchId)
	if sw.CidrBlock != "10.0.1.0/24" || sw.ZoneId != zone || in.KeyPairName != "made" {
		t.Errorf("instance %+v in vSwitch %+v", in, sw)
	}
	vc, err := fresh.sess.VPC()
	if err != nil {
		t.Fatal(err)
	}
	list := vpc.CreateDescribeVpcsRequest()
	list.RegionId = region
	vpcs, err := vc.DescribeVpcs(list)
	if err != nil || vpcs.TotalCount != 1 || vpcs.Vpcs.Vpc[0].CidrBlock != "10.0.0.0/16" || vpcs.Vpcs.Vpc[0].VpcName != "app" ||
		vpcs.Vpcs.Vpc[0].VpcId != in.VpcAttributes.VpcId {
		t.Errorf("the fresh sandbox's VPCs: %v %+v", err, vpcs)
	}
	rules, err := fresh.p.GroupRules(ctx, region, in.SecurityGroupIds.SecurityGroupId[0])
	if err != nil || len(rules) != 3 || rules[0].SourceCidrIp != "203.0.113.7/32" {
		t.Errorf("rules %v %v", rules, err)
	}
	key := filepath.Join(home, ".ssh", "made.pem")
	st, err := os.Stat(key)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("private key file: %v %v", err, st)
	}
	data, _ := os.ReadFile(key)
	if b, _ := pem.Decode(data); b == nil || b.Type != "PRIVATE KEY" {
		t.Errorf("the script wrote %.40q, not a PEM private key", data)
	}
	if strings.Contains(string(out), "PRIVATE KEY") {
		t.Error("the script printed the private key")
	}
}

// vpcSwitch describes one vSwitch of the env's sandbox.
func vpcSwitch(t *testing.T, e *env, id string) struct{ CidrBlock, ZoneId string } {
	t.Helper()
	c, err := e.sess.VPC()
	if err != nil {
		t.Fatal(err)
	}
	req := vpcDescribeVSwitches(region, id)
	resp, err := c.DescribeVSwitches(req)
	if err != nil || len(resp.VSwitches.VSwitch) != 1 {
		t.Fatalf("vSwitch %s: %v", id, err)
	}
	v := resp.VSwitches.VSwitch[0]
	return struct{ CidrBlock, ZoneId string }{v.CidrBlock, v.ZoneId}
}

func vpcDescribeVSwitches(regionID, id string) *vpc.DescribeVSwitchesRequest {
	req := vpc.CreateDescribeVSwitchesRequest()
	req.RegionId, req.VSwitchId = regionID, id
	return req
}
