package sandbox_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/md5"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// settle is the BootTime of these tests: a new VPC or vSwitch is Pending
// for a third of it.
const settle = 300 * time.Millisecond

// waitVpc polls DescribeVpcs until the VPC is Available.
func waitVpc(t *testing.T, vc *vpc.Client, region, id string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		req := vpc.CreateDescribeVpcsRequest()
		req.RegionId, req.VpcId = region, id
		resp, err := vc.DescribeVpcs(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Vpcs.Vpc) == 1 && resp.Vpcs.Vpc[0].Status == "Available" {
			return
		}
	}
	t.Fatalf("VPC %s never became Available", id)
}

// waitVSwitch polls DescribeVSwitches until the vSwitch is Available.
func waitVSwitch(t *testing.T, vc *vpc.Client, region, id string) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		req := vpc.CreateDescribeVSwitchesRequest()
		req.RegionId, req.VSwitchId = region, id
		resp, err := vc.DescribeVSwitches(req)
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.VSwitches.VSwitch) == 1 && resp.VSwitches.VSwitch[0].Status == "Available" {
			return
		}
	}
	t.Fatalf("vSwitch %s never became Available", id)
}

func newVpc(t *testing.T, vc *vpc.Client, region, cidr string) string {
	t.Helper()
	req := vpc.CreateCreateVpcRequest()
	req.RegionId, req.CidrBlock, req.VpcName = region, cidr, "test-vpc"
	resp, err := vc.CreateVpc(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp.VpcId
}

func newVSwitch(t *testing.T, vc *vpc.Client, region, vpcID, zone, cidr string) (*vpc.CreateVSwitchResponse, error) {
	t.Helper()
	req := vpc.CreateCreateVSwitchRequest()
	req.RegionId, req.VpcId, req.ZoneId, req.CidrBlock = region, vpcID, zone, cidr
	return vc.CreateVSwitch(req)
}

// TestEmptyRegion: in world.EmptyRegion the account has nothing, so a
// request cannot even name a network there.
func TestEmptyRegion(t *testing.T) {
	s := start(t, sandbox.Options{})
	c, vc := client(t, s, sandbox.DefaultAccessKeySecret), vpcClient(t, s)
	vr := vpc.CreateDescribeVpcsRequest()
	vr.RegionId = world.EmptyRegion
	vpcs, err := vc.DescribeVpcs(vr)
	if err != nil || vpcs.TotalCount != 0 {
		t.Fatalf("VPCs in the empty region: %v %+v", err, vpcs)
	}
	sr := vpc.CreateDescribeVSwitchesRequest()
	sr.RegionId = world.EmptyRegion
	vsws, err := vc.DescribeVSwitches(sr)
	if err != nil || vsws.TotalCount != 0 {
		t.Fatalf("vSwitches: %v %+v", err, vsws)
	}
	gr := ecs.CreateDescribeSecurityGroupsRequest()
	gr.RegionId = world.EmptyRegion
	groups, err := c.DescribeSecurityGroups(gr)
	if err != nil || groups.TotalCount != 0 {
		t.Fatalf("security groups: %v %+v", err, groups)
	}
	kr := ecs.CreateDescribeKeyPairsRequest()
	kr.RegionId = world.EmptyRegion
	keys, err := c.DescribeKeyPairs(kr)
	if err != nil || keys.TotalCount != 0 {
		t.Fatalf("key pairs: %v %+v", err, keys)
	}
	run := ecs.CreateRunInstancesRequest()
	run.RegionId, run.ImageId, run.InstanceType, run.DryRun = world.EmptyRegion, image, world.CheapestGeneral, requests.NewBoolean(true)
	_, err = c.RunInstances(run)
	if se := apiError(t, err, "MissingParameter", 400); !strings.Contains(se.Message(), "VSwitchId") && !strings.Contains(se.Message(), "SecurityGroupId") {
		t.Errorf("message %q names neither VSwitchId nor SecurityGroupId", se.Message())
	}
}

func TestCreateVpcAndVSwitch(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: settle})
	vc := vpcClient(t, s)
	region, zone := world.EmptyRegion, world.EmptyZone
	req := vpc.CreateCreateVpcRequest()
	req.RegionId, req.CidrBlock, req.VpcName, req.ClientToken = region, "10.0.0.0/16", "app", "vpc-token-1"
	resp, err := vc.CreateVpc(req)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, resp)
	if !strings.HasPrefix(resp.VpcId, "vpc-") || !strings.HasPrefix(resp.VRouterId, "vrt-") || resp.RouteTableId == "" {
		t.Fatalf("CreateVpc answered %+v", resp)
	}
	// the same ClientToken and parameters answer the same VPC; other parameters are refused
	again := vpc.CreateCreateVpcRequest()
	again.RegionId, again.CidrBlock, again.VpcName, again.ClientToken = region, "10.0.0.0/16", "app", "vpc-token-1"
	if r2, err := vc.CreateVpc(again); err != nil || r2.VpcId != resp.VpcId {
		t.Fatalf("retry with the token: %v %+v, want %s", err, r2, resp.VpcId)
	}
	other := vpc.CreateCreateVpcRequest()
	other.RegionId, other.CidrBlock, other.ClientToken = region, "10.1.0.0/16", "vpc-token-1"
	_, err = vc.CreateVpc(other)
	apiError(t, err, "IdempotentParameterMismatch", 400)

	// Pending at first: no vSwitch yet
	d := vpc.CreateDescribeVpcsRequest()
	d.RegionId = region
	dr, err := vc.DescribeVpcs(d)
	if err != nil || dr.TotalCount != 1 || dr.Vpcs.Vpc[0].Status != "Pending" || dr.Vpcs.Vpc[0].CidrBlock != "10.0.0.0/16" {
		t.Fatalf("new VPC: %v %+v", err, dr)
	}
	noFieldLost(t, dr)
	_, err = newVSwitch(t, vc, region, resp.VpcId, zone, "10.0.1.0/24")
	apiError(t, err, "IncorrectVpcStatus", 400)
	waitVpc(t, vc, region, resp.VpcId)

	sw, err := newVSwitch(t, vc, region, resp.VpcId, zone, "10.0.1.0/24")
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, sw)
	_, err = newVSwitch(t, vc, region, resp.VpcId, zone, "10.0.2.0/24")
	apiError(t, err, "OperationDenied.OtherSubnetCreating", 400)
	waitVSwitch(t, vc, region, sw.VSwitchId)
	for _, tc := range []struct {
		vpc, zone, cidr, code string
		status                int
	}{
		{resp.VpcId, zone, "10.0.1.128/25", "InvalidCidrBlock.Overlapped", 400},
		{resp.VpcId, zone, "10.0.0.0/16", "InvalidCidrBlock.Overlapped", 400},
		{resp.VpcId, zone, "192.168.0.0/24", "InvalidParameter", 400},
		{resp.VpcId, zone, "10.0.3.0/30", "InvalidCirdrBlock.MaskLength", 400},
		{resp.VpcId, zone, "10.0.3.1/24", "InvalidCidrBlock.Malformed", 400},
		{resp.VpcId, "cn-hangzhou-i", "10.0.3.0/24", "InvalidZoneId.NotFound", 404},
		{"vpc-nosuch", zone, "10.0.3.0/24", "InvalidVpcId.NotFound", 404},
	} {
		_, err := newVSwitch(t, vc, region, tc.vpc, tc.zone, tc.cidr)
		apiError(t, err, tc.code, tc.status)
	}
	ls := vpc.CreateDescribeVSwitchesRequest()
	ls.RegionId, ls.VpcId = region, resp.VpcId
	lr, err := vc.DescribeVSwitches(ls)
	if err != nil || lr.TotalCount != 1 || lr.VSwitches.VSwitch[0].ZoneId != zone || lr.VSwitches.VSwitch[0].AvailableIpAddressCount != 252 {
		t.Fatalf("vSwitches of the new VPC: %v %+v", err, lr)
	}
	dr, _ = vc.DescribeVpcs(d)
	if got := dr.Vpcs.Vpc[0].VSwitchIds.VSwitchId; len(got) != 1 || got[0] != sw.VSwitchId {
		t.Errorf("VSwitchIds %v, want [%s]", got, sw.VSwitchId)
	}
}

func TestCreateVpcErrorsAndQuota(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: settle})
	vc := vpcClient(t, s)
	for _, cidr := range []string{"10.0.0.1/16", "100.64.0.0/16", "10.0.0.0/29", "10.0.0.0/7", "nonsense"} {
		req := vpc.CreateCreateVpcRequest()
		req.RegionId, req.CidrBlock = "cn-hangzhou", cidr
		_, err := vc.CreateVpc(req)
		apiError(t, err, "InvalidParameter", 400)
	}
	name := vpc.CreateCreateVpcRequest()
	name.RegionId, name.CidrBlock, name.VpcName = "cn-hangzhou", "10.0.0.0/16", "https://x"
	_, err := vc.CreateVpc(name)
	apiError(t, err, "InvalidVpcName.Malformed", 400)
	// cn-hangzhou holds demo-vpc already: nine more, then the quota
	for i := 0; i < 9; i++ {
		newVpc(t, vc, "cn-hangzhou", fmt.Sprintf("10.%d.0.0/16", i))
	}
	req := vpc.CreateCreateVpcRequest()
	req.RegionId, req.CidrBlock = "cn-hangzhou", "10.99.0.0/16"
	_, err = vc.CreateVpc(req)
	apiError(t, err, "QuotaExceeded.Vpc", 400)
}

// sshLine is an OpenSSH public key line for an ed25519 key, and its blob.
func sshLine(t *testing.T) (string, []byte) {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var blob []byte
	for _, part := range [][]byte{[]byte("ssh-ed25519"), pub} {
		blob = binary.BigEndian.AppendUint32(blob, uint32(len(part)))
		blob = append(blob, part...)
	}
	return "ssh-ed25519 " + base64.StdEncoding.EncodeToString(blob) + " me@laptop", blob
}

func md5Fingerprint(blob []byte) string {
	sum := md5.Sum(blob)
	var parts []string
	for _, b := range sum {
		parts = append(parts, fmt.Sprintf("%02x", b))
	}
	return strings.Join(parts, ":")
}

func TestKeyPairs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := start(t, sandbox.Options{StateFile: path})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	line, blob := sshLine(t)
	imp := ecs.CreateImportKeyPairRequest()
	imp.RegionId, imp.KeyPairName, imp.PublicKeyBody = world.EmptyRegion, "laptop", line
	ir, err := c.ImportKeyPair(imp)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, ir)
	if ir.KeyPairName != "laptop" || ir.KeyPairFingerPrint != md5Fingerprint(blob) {
		t.Errorf("ImportKeyPair answered %+v, want fingerprint %s", ir, md5Fingerprint(blob))
	}
	_, err = c.ImportKeyPair(imp)
	apiError(t, err, "KeyPair.AlreadyExist", 400)
	taken := ecs.CreateImportKeyPairRequest()
	taken.RegionId, taken.KeyPairName, taken.PublicKeyBody = "cn-hangzhou", world.DefaultKeyPair, line
	_, err = c.ImportKeyPair(taken)
	apiError(t, err, "KeyPair.AlreadyExist", 400)
	for name, body := range map[string]string{"laptop2": "ssh-ed25519 not-base64!", "laptop3": "ssh-rsa " + strings.Fields(line)[1]} {
		bad := ecs.CreateImportKeyPairRequest()
		bad.RegionId, bad.KeyPairName, bad.PublicKeyBody = world.EmptyRegion, name, body
		_, err = c.ImportKeyPair(bad)
		apiError(t, err, "InvalidPublicKeyBody.Malformed", 400)
	}
	for _, name := range []string{"1key", "a", "key.with.dots", strings.Repeat("k", 129)} {
		bad := ecs.CreateCreateKeyPairRequest()
		bad.RegionId, bad.KeyPairName = "cn-hangzhou", name
		_, err = c.CreateKeyPair(bad)
		apiError(t, err, "InvalidKeyPairName.Malformed", 400)
	}

	cr := ecs.CreateCreateKeyPairRequest()
	cr.RegionId, cr.KeyPairName = world.EmptyRegion, "made-here"
	created, err := c.CreateKeyPair(cr)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, created)
	block, _ := pem.Decode([]byte(created.PrivateKeyBody))
	if block == nil || block.Type != "PRIVATE KEY" {
		t.Fatalf("PrivateKeyBody is not a PEM private key: %.40q", created.PrivateKeyBody)
	}
	if _, err := x509.ParsePKCS8PrivateKey(block.Bytes); err != nil {
		t.Fatalf("PrivateKeyBody: %v", err)
	}
	if !strings.HasPrefix(created.KeyPairId, "key-") || len(strings.Split(created.KeyPairFingerPrint, ":")) != 16 {
		t.Errorf("CreateKeyPair answered %+v", created)
	}
	_, err = c.CreateKeyPair(cr)
	apiError(t, err, "KeyPair.AlreadyExist", 400)

	list := ecs.CreateDescribeKeyPairsRequest()
	list.RegionId = world.EmptyRegion
	lr, err := c.DescribeKeyPairs(list)
	if err != nil || lr.TotalCount != 2 || lr.KeyPairs.KeyPair[1].KeyPairName != "made-here" {
		t.Fatalf("DescribeKeyPairs: %v %+v", err, lr)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Split(strings.TrimSpace(created.PrivateKeyBody), "\n")[1]
	if bytes.Contains(data, []byte(body)) || bytes.Contains(data, []byte("PRIVATE KEY")) || !bytes.Contains(data, []byte("made-here")) {
		t.Errorf("the state file holds the private key, or lacks the key pair")
	}
}

// groupIn creates a VPC in the empty region, waits for it, and creates a
// security group there.
func groupIn(t *testing.T, c *ecs.Client, vc *vpc.Client) (vpcID, sgID string) {
	t.Helper()
	vpcID = newVpc(t, vc, world.EmptyRegion, "10.10.0.0/16")
	g := ecs.CreateCreateSecurityGroupRequest()
	g.RegionId, g.VpcId, g.SecurityGroupName = world.EmptyRegion, vpcID, "web"
	_, err := c.CreateSecurityGroup(g)
	apiError(t, err, "IncorrectVpcStatus", 400)
	waitVpc(t, vc, world.EmptyRegion, vpcID)
	g.ClientToken = "sg-token"
	gr, err := c.CreateSecurityGroup(g)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, gr)
	return vpcID, gr.SecurityGroupId
}

func TestSecurityGroupsAndRules(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: settle})
	c, vc := client(t, s, sandbox.DefaultAccessKeySecret), vpcClient(t, s)
	vpcID, sg := groupIn(t, c, vc)
	for _, tc := range []struct {
		edit   func(r *ecs.CreateSecurityGroupRequest)
		code   string
		status int
	}{
		{func(r *ecs.CreateSecurityGroupRequest) { r.VpcId = "" }, "InvalidVpcId.NotFound", 403},
		{func(r *ecs.CreateSecurityGroupRequest) { r.VpcId = "vpc-nosuch" }, "InvalidVpcId.NotFound", 404},
		{func(r *ecs.CreateSecurityGroupRequest) { r.SecurityGroupName = "9lives" }, "InvalidSecurityGroupName.Malformed", 400},
		{func(r *ecs.CreateSecurityGroupRequest) { r.SecurityGroupType = "premium" }, "InvalidParams.GroupType", 400},
		{func(r *ecs.CreateSecurityGroupRequest) { r.Description = "x" }, "InvalidDescription.Malformed", 400},
	} {
		r := ecs.CreateCreateSecurityGroupRequest()
		r.RegionId, r.VpcId, r.SecurityGroupName = world.EmptyRegion, vpcID, "other"
		tc.edit(r)
		_, err := c.CreateSecurityGroup(r)
		apiError(t, err, tc.code, tc.status)
	}
	auth := ecs.CreateAuthorizeSecurityGroupRequest()
	auth.RegionId, auth.SecurityGroupId, auth.ClientToken = world.EmptyRegion, sg, "rules-1"
	auth.Permissions = &[]ecs.AuthorizeSecurityGroupPermissions{
		{IpProtocol: "tcp", PortRange: "22/22", SourceCidrIp: "203.0.113.7/32", Description: "ssh from me"},
		{IpProtocol: "TCP", PortRange: "80/80", SourceCidrIp: "0.0.0.0/0"},
		{IpProtocol: "ICMP", PortRange: "-1/-1", SourceCidrIp: "0.0.0.0/0", Priority: "100"},
	}
	ar, err := c.AuthorizeSecurityGroup(auth)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, ar)
	if _, err := c.AuthorizeSecurityGroup(auth); err != nil { // a retry with the token
		t.Fatal(err)
	}
	attr := ecs.CreateDescribeSecurityGroupAttributeRequest()
	attr.RegionId, attr.SecurityGroupId = world.EmptyRegion, sg
	at, err := c.DescribeSecurityGroupAttribute(attr)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, at)
	perms := at.Permissions.Permission
	if at.VpcId != vpcID || at.SecurityGroupName != "web" || len(perms) != 3 {
		t.Fatalf("attribute %+v", at)
	}
	if p := perms[0]; p.IpProtocol != "TCP" || p.PortRange != "22/22" || p.SourceCidrIp != "203.0.113.7/32" ||
		p.Policy != "Accept" || p.Priority != "1" || p.Direction != "ingress" || p.Description != "ssh from me" {
		t.Errorf("first rule %+v", p)
	}
	if perms[2].IpProtocol != "ICMP" || perms[2].Priority != "100" {
		t.Errorf("ICMP rule %+v", perms[2])
	}
	for _, tc := range []struct {
		perm ecs.AuthorizeSecurityGroupPermissions
		code string
	}{
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "SCTP", PortRange: "1/2", SourceCidrIp: "0.0.0.0/0"}, "InvalidIpProtocol.ValueNotSupported"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "22", SourceCidrIp: "0.0.0.0/0"}, "InvalidParam.PortRange"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "0/70000", SourceCidrIp: "0.0.0.0/0"}, "InvalidParam.PortRange"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "ICMP", PortRange: "8/8", SourceCidrIp: "0.0.0.0/0"}, "OperationDenied"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "22/22"}, "MissingParameter.Source"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: "300.1.1.1/32"}, "InvalidSourceCidrIp.Malformed"},
		{ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: "1.1.1.1", Priority: "101"}, "InvalidPriority.Malformed"},
	} {
		bad := ecs.CreateAuthorizeSecurityGroupRequest()
		bad.RegionId, bad.SecurityGroupId = world.EmptyRegion, sg
		bad.Permissions = &[]ecs.AuthorizeSecurityGroupPermissions{tc.perm}
		_, err := c.AuthorizeSecurityGroup(bad)
		apiError(t, err, tc.code, 400)
	}
	dup := ecs.CreateAuthorizeSecurityGroupRequest()
	dup.RegionId, dup.SecurityGroupId = world.EmptyRegion, sg
	p := ecs.AuthorizeSecurityGroupPermissions{IpProtocol: "TCP", PortRange: "443/443", SourceCidrIp: "0.0.0.0/0"}
	dup.Permissions = &[]ecs.AuthorizeSecurityGroupPermissions{p, p}
	_, err = c.AuthorizeSecurityGroup(dup)
	apiError(t, err, "InvalidParam.DuplicatePermissions", 400)
	missing := ecs.CreateAuthorizeSecurityGroupRequest()
	missing.RegionId, missing.SecurityGroupId = world.EmptyRegion, "sg-nosuch"
	missing.Permissions = &[]ecs.AuthorizeSecurityGroupPermissions{p}
	_, err = c.AuthorizeSecurityGroup(missing)
	apiError(t, err, "InvalidSecurityGroupId.NotFound", 404)
	nosuch := ecs.CreateDescribeSecurityGroupAttributeRequest()
	nosuch.RegionId, nosuch.SecurityGroupId = world.EmptyRegion, "sg-nosuch"
	_, err = c.DescribeSecurityGroupAttribute(nosuch)
	apiError(t, err, "InvalidSecurityGroupId.NotFound", 404)

	// the world's groups have rules too, and DescribeSecurityGroups counts them
	list := ecs.CreateDescribeSecurityGroupsRequest()
	list.RegionId, list.SecurityGroupName = "cn-hangzhou", "web-sg"
	lr, err := c.DescribeSecurityGroups(list)
	if err != nil || len(lr.SecurityGroups.SecurityGroup) != 1 || lr.SecurityGroups.SecurityGroup[0].RuleCount != 3 {
		t.Fatalf("web-sg: %v %+v", err, lr)
	}
	web := ecs.CreateDescribeSecurityGroupAttributeRequest() // SDK requests are not reusable (docs/sdk-notes.md §2)
	web.RegionId, web.SecurityGroupId = "cn-hangzhou", lr.SecurityGroups.SecurityGroup[0].SecurityGroupId
	wr, err := c.DescribeSecurityGroupAttribute(web)
	if err != nil || len(wr.Permissions.Permission) != 3 || wr.Permissions.Permission[1].PortRange != "80/80" {
		t.Fatalf("web-sg rules: %v %+v", err, wr)
	}
}

func TestLaunchTemplateVersions(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	lt := ecs.CreateCreateLaunchTemplateRequest()
	lt.RegionId, lt.LaunchTemplateName, lt.InstanceType, lt.ImageId = "cn-hangzhou", "web", "ecs.g7.large", image
	created, err := c.CreateLaunchTemplate(lt)
	if err != nil {
		t.Fatal(err)
	}
	v := ecs.CreateCreateLaunchTemplateVersionRequest()
	v.RegionId, v.LaunchTemplateId, v.InstanceType, v.ImageId, v.VersionDescription = "cn-hangzhou", created.LaunchTemplateId, "ecs.c7.large", image, "bigger"
	vr, err := c.CreateLaunchTemplateVersion(v)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, vr)
	if vr.LaunchTemplateVersionNumber != 2 || vr.LaunchTemplateId != created.LaunchTemplateId {
		t.Fatalf("CreateLaunchTemplateVersion answered %+v", vr)
	}
	d := ecs.CreateDescribeLaunchTemplateVersionsRequest()
	d.RegionId, d.LaunchTemplateId, d.LaunchTemplateVersion = "cn-hangzhou", created.LaunchTemplateId, &[]string{"2"}
	dr, err := c.DescribeLaunchTemplateVersions(d)
	if err != nil || len(dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet) != 1 {
		t.Fatalf("version 2: %v %+v", err, dr)
	}
	got := dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet[0]
	if got.LaunchTemplateData.InstanceType != "ecs.c7.large" || got.DefaultVersion || got.VersionDescription != "bigger" {
		t.Errorf("version 2 is %+v", got)
	}
	// a version that does not exist: the filter matches nothing (as ECS
	// answers; the Terraform provider reads it so), RunInstances refuses it
	d.LaunchTemplateVersion = &[]string{"9"}
	dr, err = c.DescribeLaunchTemplateVersions(d)
	if err != nil || dr.TotalCount != 0 || len(dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet) != 0 {
		t.Fatalf("version 9: %v %+v", err, dr)
	}
	run := ecs.CreateRunInstancesRequest()
	run.RegionId, run.LaunchTemplateId, run.LaunchTemplateVersion = "cn-hangzhou", created.LaunchTemplateId, requests.NewInteger(9)
	_, err = c.RunInstances(run)
	apiError(t, err, "InvalidLaunchTemplateVersion.NotFound", 404)
	v.LaunchTemplateId = "lt-nosuch"
	_, err = c.CreateLaunchTemplateVersion(v)
	apiError(t, err, "InvalidLaunchTemplate.NotFound", 404)
	v.LaunchTemplateId, v.VersionDescription = created.LaunchTemplateId, "x"
	_, err = c.CreateLaunchTemplateVersion(v)
	apiError(t, err, "InvalidDescription.Malformed", 400)
}

// TestModifyLaunchTemplateDefaultVersion: the new default is what
// DescribeLaunchTemplates and DescribeLaunchTemplateVersions report and
// what RunInstances launches without LaunchTemplateVersion; a version or
// template that does not exist, or no DefaultVersionNumber, is refused.
func TestModifyLaunchTemplateDefaultVersion(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	lt := ecs.CreateCreateLaunchTemplateRequest()
	lt.RegionId, lt.LaunchTemplateName, lt.InstanceType, lt.ImageId = "cn-hangzhou", "web", "ecs.g7.large", image
	lt.VSwitchId, lt.SecurityGroupId = n.vsw, n.sg
	created, err := c.CreateLaunchTemplate(lt)
	if err != nil {
		t.Fatal(err)
	}
	v := ecs.CreateCreateLaunchTemplateVersionRequest()
	v.RegionId, v.LaunchTemplateId, v.InstanceType, v.ImageId = "cn-hangzhou", created.LaunchTemplateId, "ecs.c7.large", image
	v.VSwitchId, v.SecurityGroupId = n.vsw, n.sg
	if _, err := c.CreateLaunchTemplateVersion(v); err != nil {
		t.Fatal(err)
	}
	m := ecs.CreateModifyLaunchTemplateDefaultVersionRequest()
	m.RegionId, m.LaunchTemplateName, m.DefaultVersionNumber = "cn-hangzhou", "web", requests.NewInteger(2)
	mr, err := c.ModifyLaunchTemplateDefaultVersion(m)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, mr)
	if mr.LaunchTemplateId != created.LaunchTemplateId || mr.RequestId == "" {
		t.Fatalf("ModifyLaunchTemplateDefaultVersion answered %+v", mr)
	}
	dl := ecs.CreateDescribeLaunchTemplatesRequest()
	dl.RegionId, dl.LaunchTemplateId = "cn-hangzhou", &[]string{created.LaunchTemplateId}
	if dr, err := c.DescribeLaunchTemplates(dl); err != nil || dr.LaunchTemplateSets.LaunchTemplateSet[0].DefaultVersionNumber != 2 {
		t.Fatalf("DescribeLaunchTemplates after the change: %v %+v", err, dr)
	}
	d := ecs.CreateDescribeLaunchTemplateVersionsRequest()
	d.RegionId, d.LaunchTemplateId, d.DefaultVersion = "cn-hangzhou", created.LaunchTemplateId, requests.NewBoolean(true)
	if dr, err := c.DescribeLaunchTemplateVersions(d); err != nil || len(dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet) != 1 ||
		dr.LaunchTemplateVersionSets.LaunchTemplateVersionSet[0].VersionNumber != 2 {
		t.Fatalf("DefaultVersion=true after the change: %v %+v", err, dr)
	}
	run := ecs.CreateRunInstancesRequest()
	run.RegionId, run.LaunchTemplateId, run.ZoneId = "cn-hangzhou", created.LaunchTemplateId, "cn-hangzhou-i"
	rr, err := c.RunInstances(run)
	if err != nil {
		t.Fatal(err)
	}
	di := ecs.CreateDescribeInstancesRequest()
	di.RegionId, di.InstanceIds = "cn-hangzhou", `["`+rr.InstanceIdSets.InstanceIdSet[0]+`"]`
	if got, err := c.DescribeInstances(di); err != nil || got.Instances.Instance[0].InstanceType != "ecs.c7.large" {
		t.Fatalf("RunInstances without LaunchTemplateVersion did not take version 2: %v %+v", err, got)
	}
	// a sent SDK request keeps its parameters, so every case is a new one
	for _, bad := range []struct{ name, version, code string }{
		{"web", "9", "InvalidLaunchTemplateVersion.NotFound"},
		{"nosuch", "2", "InvalidLaunchTemplate.NotFound"},
		{"web", "", "MissingParameter"},
		{"web", "two", "InvalidParameter"},
	} {
		m := ecs.CreateModifyLaunchTemplateDefaultVersionRequest()
		m.RegionId, m.LaunchTemplateName, m.DefaultVersionNumber = "cn-hangzhou", bad.name, requests.Integer(bad.version)
		_, err = c.ModifyLaunchTemplateDefaultVersion(m)
		status := 404
		if !strings.HasSuffix(bad.code, "NotFound") {
			status = 400
		}
		apiError(t, err, bad.code, status)
	}
}

func TestDisksAndUserData(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: time.Hour})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.SystemDiskCategory, req.SystemDiskSize, req.SystemDiskPerformanceLevel = "cloud_essd", "50", "PL0"
	req.DataDisk = &[]ecs.RunInstancesDataDisk{
		{Category: "cloud_essd", Size: "500", PerformanceLevel: "PL2", DiskName: "data", DeleteWithInstance: "true"},
		{Category: "cloud_efficiency", Size: "200", DeleteWithInstance: "false", Description: "logs"},
	}
	req.UserData = base64.StdEncoding.EncodeToString([]byte("#!/bin/sh\necho hi\n"))
	req.KeyPairName, req.SpotStrategy, req.SpotPriceLimit = "deploy-key", "SpotWithPriceLimit", requests.NewFloat(0.5)
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	id := resp.InstanceIdSets.InstanceIdSet[0]
	dd := ecs.CreateDescribeDisksRequest()
	dd.RegionId, dd.InstanceId = "cn-hangzhou", id
	dr, err := c.DescribeDisks(dd)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, dr)
	disks := dr.Disks.Disk
	if len(disks) != 3 {
		t.Fatalf("%d disks, want 3: %+v", len(disks), disks)
	}
	sys, d1, d2 := disks[0], disks[1], disks[2]
	if sys.Type != "system" || sys.Category != "cloud_essd" || sys.Size != 50 || sys.PerformanceLevel != "PL0" ||
		sys.ImageId != image || !sys.DeleteWithInstance || sys.Device != "/dev/xvda" || sys.InstanceId != id {
		t.Errorf("system disk %+v", sys)
	}
	if d1.Type != "data" || d1.Category != "cloud_essd" || d1.Size != 500 || d1.PerformanceLevel != "PL2" ||
		d1.DiskName != "data" || !d1.DeleteWithInstance || d1.Device != "/dev/xvdb" {
		t.Errorf("first data disk %+v", d1)
	}
	if d2.Category != "cloud_efficiency" || d2.Size != 200 || d2.PerformanceLevel != "" || d2.DeleteWithInstance ||
		d2.Description != "logs" || d2.Device != "/dev/xvdc" || d2.SourceSnapshotId != "" {
		t.Errorf("second data disk %+v", d2)
	}
	disksOf := func(edit func(*ecs.DescribeDisksRequest)) (*ecs.DescribeDisksResponse, error) {
		r := ecs.CreateDescribeDisksRequest() // SDK requests are not reusable (docs/sdk-notes.md §2)
		r.RegionId = "cn-hangzhou"
		edit(r)
		return c.DescribeDisks(r)
	}
	if dr, err := disksOf(func(r *ecs.DescribeDisksRequest) { r.InstanceId, r.DiskType = id, "data" }); err != nil || dr.TotalCount != 2 {
		t.Errorf("data disks: %v %+v", err, dr)
	}
	if dr, err := disksOf(func(r *ecs.DescribeDisksRequest) { r.DiskIds = fmt.Sprintf(`[%q]`, d2.DiskId) }); err != nil ||
		dr.TotalCount != 1 || dr.Disks.Disk[0].DiskId != d2.DiskId {
		t.Errorf("by DiskIds: %v %+v", err, dr)
	}
	_, err = disksOf(func(r *ecs.DescribeDisksRequest) { r.DiskType = "swap" })
	apiError(t, err, "InvalidDiskType.ValueNotSupported", 400)

	ud := ecs.CreateDescribeUserDataRequest()
	ud.RegionId, ud.InstanceId = "cn-hangzhou", id
	ur, err := c.DescribeUserData(ud)
	if err != nil || ur.UserData != req.UserData || ur.InstanceId != id {
		t.Fatalf("DescribeUserData: %v %+v", err, ur)
	}
	noFieldLost(t, ur)
	ud.InstanceId = "i-nosuch"
	_, err = c.DescribeUserData(ud)
	apiError(t, err, "InvalidInstanceId.NotFound", 404)

	di := ecs.CreateDescribeInstancesRequest()
	di.RegionId, di.InstanceIds = "cn-hangzhou", fmt.Sprintf(`[%q]`, id)
	ir, err := c.DescribeInstances(di)
	if err != nil {
		t.Fatal(err)
	}
	in := ir.Instances.Instance[0]
	if in.KeyPairName != "deploy-key" || in.SpotStrategy != "SpotWithPriceLimit" || in.SpotPriceLimit != 0.5 ||
		in.NetworkInterfaces.NetworkInterface[0].SecurityGroupIds.SecurityGroupId[0] != n.sg {
		t.Errorf("instance %+v", in)
	}
}

// TestEmptyRegionWalk creates, through the SDK alone, everything a launch
// needs in the empty region, then launches to Running.
func TestEmptyRegionWalk(t *testing.T) {
	s := start(t, sandbox.Options{BootTime: settle})
	c, vc := client(t, s, sandbox.DefaultAccessKeySecret), vpcClient(t, s)
	vpcID, sg := groupIn(t, c, vc)
	sw, err := newVSwitch(t, vc, world.EmptyRegion, vpcID, world.EmptyZone, "10.10.1.0/24")
	if err != nil {
		t.Fatal(err)
	}
	line, _ := sshLine(t)
	imp := ecs.CreateImportKeyPairRequest()
	imp.RegionId, imp.KeyPairName, imp.PublicKeyBody = world.EmptyRegion, "laptop", line
	if _, err := c.ImportKeyPair(imp); err != nil {
		t.Fatal(err)
	}
	run := ecs.CreateRunInstancesRequest()
	run.RegionId, run.ImageId, run.InstanceType = world.EmptyRegion, image, world.CheapestGeneral
	run.VSwitchId, run.SecurityGroupId, run.KeyPairName = sw.VSwitchId, sg, "laptop"
	run.DryRun = requests.NewBoolean(true)
	_, err = c.RunInstances(run)
	apiError(t, err, "IncorrectVSwitchStatus", 400) // the vSwitch is still Pending
	waitVSwitch(t, vc, world.EmptyRegion, sw.VSwitchId)
	_, err = c.RunInstances(run)
	apiError(t, err, "DryRunOperation", 400)
	run2 := ecs.CreateRunInstancesRequest()
	run2.RegionId, run2.ImageId, run2.InstanceType = world.EmptyRegion, image, world.CheapestGeneral
	run2.VSwitchId, run2.SecurityGroupId, run2.KeyPairName, run2.ClientToken = sw.VSwitchId, sg, "laptop", "walk"
	resp, err := c.RunInstances(run2)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(settle + 50*time.Millisecond)
	st := ecs.CreateDescribeInstanceStatusRequest()
	st.RegionId, st.InstanceId = world.EmptyRegion, &resp.InstanceIdSets.InstanceIdSet
	sr, err := c.DescribeInstanceStatus(st)
	if err != nil || sr.InstanceStatuses.InstanceStatus[0].Status != "Running" {
		t.Fatalf("status: %v %+v", err, sr)
	}
}

// TestMadeResourcesSurviveRestart: what the create actions made is kept in
// the state file, as instances are.
func TestMadeResourcesSurviveRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := sandbox.Start(sandbox.Options{StateFile: path, BootTime: settle, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	id := newVpc(t, vpcClient(t, s), world.EmptyRegion, "10.20.0.0/16")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := start(t, sandbox.Options{StateFile: path, BootTime: settle})
	vc := vpcClient(t, s2)
	waitVpc(t, vc, world.EmptyRegion, id)
	if _, err := newVSwitch(t, vc, world.EmptyRegion, id, world.EmptyZone, "10.20.0.0/24"); err != nil {
		t.Fatal(err)
	}
}
