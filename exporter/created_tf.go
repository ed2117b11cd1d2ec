package exporter

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The alicloud resources a created resource becomes, and the arguments its
// create parameters map to (terraform-provider-alicloud: alicloud_vpc,
// alicloud_vswitch, alicloud_security_group, alicloud_security_group_rule,
// alicloud_key_pair).
var (
	tfKinds = map[string]string{KindVPC: "alicloud_vpc", KindVSwitch: "alicloud_vswitch",
		KindSecurityGroup: "alicloud_security_group", KindKeyPair: "alicloud_key_pair"}
	tfCreateArgs = map[string][][2]string{
		KindVPC:           {{"VpcName", "vpc_name"}, {"CidrBlock", "cidr_block"}, {"Description", "description"}, {"ResourceGroupId", "resource_group_id"}},
		KindVSwitch:       {{"VSwitchName", "vswitch_name"}, {"VpcId", "vpc_id"}, {"CidrBlock", "cidr_block"}, {"ZoneId", "zone_id"}, {"Description", "description"}},
		KindSecurityGroup: {{"SecurityGroupName", "security_group_name"}, {"VpcId", "vpc_id"}, {"SecurityGroupType", "security_group_type"}, {"Description", "description"}, {"ResourceGroupId", "resource_group_id"}},
		KindKeyPair:       {{"KeyPairName", "key_pair_name"}, {"PublicKeyBody", "public_key"}},
	}
	tfRuleArgs = [][2]string{{"PortRange", "port_range"}, {"SourceCidrIp", "cidr_ip"}, {"SourceGroupId", "source_security_group_id"},
		{"NicType", "nic_type"}, {"Description", "description"}}
)

// created writes a resource block per created resource, before the
// instance, and remembers each ID's reference (alicloud_vpc.this.id) so
// that every value naming it is written as the reference.
func (t *tfWriter) created(rs []Resource) error {
	p, err := planCreated(rs)
	if err != nil {
		return err
	}
	t.refs = map[string]hclwrite.Tokens{}
	seen := map[string]int{}
	for _, r := range p.list {
		seen[r.Kind]++
		label := tfResource
		if n := seen[r.Kind]; n > 1 {
			label += "_" + strconv.Itoa(n)
		}
		typ := tfKinds[r.Kind]
		b := t.f.Body().AppendNewBlock("resource", []string{typ, label}).Body()
		for _, m := range tfCreateArgs[r.Kind] {
			if v, ok := r.Params[m[0]]; ok {
				b.SetAttributeRaw(m[1], t.stringTokens(v))
			}
		}
		if r.Kind == KindKeyPair {
			if r.Params["KeyPairName"] == "" {
				b.SetAttributeRaw("key_pair_name", t.stringTokens(r.ID))
			}
			if r.Params["PublicKeyBody"] == "" {
				// ECS makes the key; the provider writes its private key here.
				b.SetAttributeRaw("key_file", hclwrite.TokensForFunctionCall("pathexpand",
					hclwrite.TokensForValue(cty.StringVal("~/.ssh/"+r.ID+".pem"))))
				t.n.say(i18n.T("alicloud_key_pair.%s: ECS makes the key pair; the provider writes its private key to ~/.ssh/%s.pem and keeps it in the Terraform state too (protect the state, or import a public key instead)", label, r.ID))
			}
		}
		t.f.Body().AppendNewline()
		t.refs[r.ID] = hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: typ},
			hcl.TraverseAttr{Name: label}, hcl.TraverseAttr{Name: "id"}})
		if r.Kind == KindSecurityGroup {
			t.rules(r, label)
		}
	}
	return nil
}

// rules writes the security group's rules as alicloud_security_group_rule
// resources; the provider takes protocol and policy in lower case.
func (t *tfWriter) rules(r Resource, label string) {
	for i, rule := range r.rules() {
		b := t.f.Body().AppendNewBlock("resource", []string{"alicloud_security_group_rule", label + "_" + strconv.Itoa(i+1)}).Body()
		b.SetAttributeValue("type", cty.StringVal("ingress"))
		b.SetAttributeValue("ip_protocol", cty.StringVal(strings.ToLower(rule["IpProtocol"])))
		b.SetAttributeValue("policy", cty.StringVal(strings.ToLower(orText(rule["Policy"], "accept"))))
		if prio, err := strconv.Atoi(orText(rule["Priority"], "1")); err == nil {
			b.SetAttributeValue("priority", cty.NumberIntVal(int64(prio)))
		}
		for _, m := range tfRuleArgs {
			if v, ok := rule[m[0]]; ok {
				b.SetAttributeRaw(m[1], t.stringTokens(v))
			}
		}
		b.SetAttributeRaw("security_group_id", t.refs[r.ID])
		t.f.Body().AppendNewline()
	}
}
