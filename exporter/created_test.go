package exporter

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecslaunch/ecslaunch/request"
)

// createdFixture is a request that refers to a VPC's vSwitch, a created
// security group plus an existing one, and a created key pair, with the
// resources as the wizard would pass them.
func createdFixture(t *testing.T, publicKey string) (*request.Request, []Resource) {
	t.Helper()
	r := request.New()
	for _, p := range [][2]string{{"RegionId", "na-south-1"}, {"ImageId", "aliyun_3_x64_20G_alibase_20240819.vhd"},
		{"InstanceType", "ecs.g6.large"}, {"VSwitchId", "vsw-w1hnew"}, {"SecurityGroupIds.1", "sg-w1hnew"},
		{"SecurityGroupIds.2", "sg-w1hold"}, {"KeyPairName", "laptop"}, {"InstanceName", "web"}} {
		mustSet(t, r, p[0], p[1])
	}
	key := map[string]string{"KeyPairName": "laptop"}
	if publicKey != "" {
		key["PublicKeyBody"] = publicKey
	}
	return r, []Resource{
		// given out of order: the export orders them by what refers to what
		{Kind: KindSecurityGroup, ID: "sg-w1hnew", Params: map[string]string{"VpcId": "vpc-w1hnew", "SecurityGroupName": "web",
			"Permissions.1.IpProtocol": "TCP", "Permissions.1.PortRange": "22/22", "Permissions.1.SourceCidrIp": "203.0.113.7/32",
			"Permissions.1.Description": "ssh from my address",
			"Permissions.2.IpProtocol":  "ICMP", "Permissions.2.PortRange": "-1/-1", "Permissions.2.SourceCidrIp": "0.0.0.0/0",
			"Permissions.2.Priority": "100"}},
		{Kind: KindKeyPair, ID: "laptop", Params: key},
		{Kind: KindVSwitch, ID: "vsw-w1hnew", Params: map[string]string{"VpcId": "vpc-w1hnew", "ZoneId": "na-south-1a", "CidrBlock": "10.0.1.0/24"}},
		{Kind: KindVPC, ID: "vpc-w1hnew", Params: map[string]string{"CidrBlock": "10.0.0.0/16", "VpcName": "app"}},
	}
}

func TestScriptCreatesBeforeRunInstances(t *testing.T) {
	req, created := createdFixture(t, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTheTest me@laptop")
	res, err := Export(req, CLI, Options{Created: created, Idempotent: true, ClientToken: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	text := res.Text
	order := []string{"VPC_ID=$(aliyun vpc CreateVpc", "aliyun vpc DescribeVpcs", "VSWITCH_ID=$(aliyun vpc CreateVSwitch",
		"SECURITY_GROUP_ID=$(aliyun ecs CreateSecurityGroup", "aliyun ecs AuthorizeSecurityGroup", "aliyun ecs ImportKeyPair",
		"aliyun ecs RunInstances"}
	last := -1
	for _, s := range order {
		i := strings.Index(text, s)
		if i < 0 || i < last {
			t.Fatalf("%q missing or out of order in\n%s", s, text)
		}
		last = i
	}
	for _, want := range []string{
		"--VpcId \"${VPC_ID}\"", "--VSwitchId \"${VSWITCH_ID}\"", "--SecurityGroupIds.1 \"${SECURITY_GROUP_ID}\"",
		"--SecurityGroupIds.2 sg-w1hold", "--KeyPairName \"${KEY_PAIR_NAME}\"", "--cli-query VpcId | tr -d '\"')",
		"--waiter 'expr=Vpcs.Vpc[0].Status' to=Available interval=2", "--SourceCidrIp 203.0.113.7/32", "--PortRange=-1/-1",
		"--ClientToken tok-1", "--ClientToken tok \\\n", "set -eu",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("script lacks %q:\n%s", want, text)
		}
	}
	run := text[strings.Index(text, "aliyun ecs RunInstances"):]
	for _, id := range []string{"vsw-w1hnew", "sg-w1hnew"} {
		if strings.Contains(run, id) {
			t.Errorf("RunInstances names %s instead of the created resource's variable:\n%s", id, run)
		}
	}
	if strings.Count(text, "aliyun ecs AuthorizeSecurityGroup") != 2 {
		t.Errorf("want one AuthorizeSecurityGroup per rule:\n%s", text)
	}
	shellSyntax(t, text)
	if len(res.Notes) == 0 || !strings.Contains(strings.Join(res.Notes, "\n"), "VPC vpc-w1hnew") {
		t.Errorf("notes %v do not say what the script creates", res.Notes)
	}
}

// shellSyntax checks the script parses as POSIX shell (sh -n).
func shellSyntax(t *testing.T, script string) {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to check the script's syntax")
	}
	cmd := exec.Command(sh, "-n")
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the script does not parse: %v %s\n%s", err, out, script)
	}
}

func TestScriptWritesAMadeKeyOnceAndPrivately(t *testing.T) {
	req, created := createdFixture(t, "")
	res, err := Export(req, CLI, Options{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	text := res.Text
	check := strings.Index(text, `if [ -e "$HOME/.ssh/laptop.pem" ]`)
	create := strings.Index(text, "aliyun ecs CreateKeyPair")
	write := strings.Index(text, `(umask 077 && set -C && printf '%b' "$PRIVATE_KEY" > "$HOME/.ssh/laptop.pem")`)
	if check < 0 || create < check || write < create {
		t.Fatalf("the key file is not checked before CreateKeyPair, then written with umask 077 and noclobber:\n%s", text)
	}
	if strings.Contains(text, "ImportKeyPair") || strings.Contains(text, "--ClientToken") {
		t.Errorf("unexpected import or token:\n%s", text)
	}
	shellSyntax(t, text)
}

func TestTerraformDeclaresCreatedResources(t *testing.T) {
	req, created := createdFixture(t, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTheTest me@laptop")
	res, err := Export(req, Terraform, Options{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	blocks := parseTF(t, res.Text)
	byType := map[string]*hclsyntax.Body{}
	rules := 0
	for _, b := range blocks["resource"] {
		if b.Labels[0] == "alicloud_security_group_rule" {
			rules++
			if ref := traversal(b.Body, "security_group_id"); ref != "alicloud_security_group.this.id" {
				t.Errorf("rule %s: security_group_id %q", b.Labels[1], ref)
			}
			continue
		}
		byType[b.Labels[0]] = b.Body
	}
	if rules != 2 {
		t.Errorf("%d alicloud_security_group_rule, want 2\n%s", rules, res.Text)
	}
	for typ, want := range map[string]map[string]string{
		"alicloud_vpc":            {"cidr_block": "10.0.0.0/16", "vpc_name": "app"},
		"alicloud_vswitch":        {"cidr_block": "10.0.1.0/24", "zone_id": "na-south-1a"},
		"alicloud_security_group": {"security_group_name": "web"},
		"alicloud_key_pair":       {"key_pair_name": "laptop"},
	} {
		b, ok := byType[typ]
		if !ok {
			t.Fatalf("no %s in\n%s", typ, res.Text)
		}
		for attr, v := range want {
			if got, _ := attrValue(t, b, attr); got != v {
				t.Errorf("%s.%s = %q, want %q", typ, attr, got, v)
			}
		}
	}
	if ref := traversal(byType["alicloud_vswitch"], "vpc_id"); ref != "alicloud_vpc.this.id" {
		t.Errorf("vswitch vpc_id %q", ref)
	}
	inst := byType["alicloud_instance"]
	if ref := traversal(inst, "vswitch_id"); ref != "alicloud_vswitch.this.id" {
		t.Errorf("instance vswitch_id %q", ref)
	}
	if ref := traversal(inst, "key_name"); ref != "alicloud_key_pair.this.id" {
		t.Errorf("instance key_name %q", ref)
	}
	sgs := inst.Attributes["security_groups"].Expr.(*hclsyntax.TupleConsExpr).Exprs
	if len(sgs) != 2 || exprText(sgs[0]) != "alicloud_security_group.this.id" || exprText(sgs[1]) != "sg-w1hold" {
		t.Errorf("security_groups %s", res.Text)
	}
}

// traversal renders an attribute that is a reference (a.b.c), or "".
func traversal(b *hclsyntax.Body, name string) string {
	a, ok := b.Attributes[name]
	if !ok {
		return ""
	}
	return exprText(a.Expr)
}

func exprText(e hclsyntax.Expression) string {
	if st, ok := e.(*hclsyntax.ScopeTraversalExpr); ok {
		out := st.Traversal.RootName()
		for _, step := range st.Traversal[1:] {
			if a, ok := step.(hcl.TraverseAttr); ok {
				out += "." + a.Name
			}
		}
		return out
	}
	if v, diags := e.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
		return v.AsString()
	}
	return "?"
}

func TestOtherFormatsSayWhatTheyDoNotCreate(t *testing.T) {
	req, created := createdFixture(t, "")
	for _, f := range []Format{YAML, JSON, ROS, LaunchTemplate} {
		res, err := Export(req, f, Options{Created: created})
		if err != nil {
			t.Fatal(err)
		}
		if all := strings.Join(res.Notes, "\n"); !strings.Contains(all, "vSwitch vsw-w1hnew") || !strings.Contains(all, "does not create it") {
			t.Errorf("%s notes %v", f, res.Notes)
		}
	}
	if _, err := Export(req, CLI, Options{Created: []Resource{{Kind: "nat-gateway", ID: "ngw-1"}}}); err == nil {
		t.Error("an unknown kind of created resource was accepted")
	}
}
