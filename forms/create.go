package forms

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// The Action fields that create what the account lacks (issue 14), each
// opening its own confirmation; the flow controller runs them.
const (
	KeyCreateNetwork = "ui.CreateNetwork" // CreateVpc + CreateVSwitch
	KeyCreateVSwitch = "ui.CreateVSwitch" // CreateVSwitch in the chosen VPC
	KeyCreateGroup   = "ui.CreateGroup"   // CreateSecurityGroup + AuthorizeSecurityGroup
	KeyImportKey     = "ui.ImportKey"     // ImportKeyPair from ~/.ssh
	KeyCreateKey     = "ui.CreateKey"     // CreateKeyPair, private key to ~/.ssh
	// KeyGroupRules is a Note under the security groups: the rules of
	// each one chosen (DescribeSecurityGroupAttribute).
	KeyGroupRules = "ui.GroupRules"
)

// IsCreate reports whether an Action field creates a resource.
func IsCreate(key string) bool {
	switch key {
	case KeyCreateNetwork, KeyCreateVSwitch, KeyCreateGroup, KeyImportKey, KeyCreateKey:
		return true
	}
	return false
}

// withNetworkCreates puts the create actions after the field each one
// fills: a VPC (with its vSwitch) after the VPC, a vSwitch after the
// vSwitch, a security group (and the chosen groups' rules) after the
// groups.
func withNetworkCreates(fs []Field, d *Draft, env *Env) []Field {
	out := make([]Field, 0, len(fs)+4)
	zone, vpc := d.Req.Get("ZoneId"), d.Get(KeyVpc)
	for _, f := range fs {
		out = append(out, f)
		switch f.Key {
		case KeyVpc:
			if env.CanCreate {
				out = append(out, Field{Key: KeyCreateNetwork, Title: i18n.T("+ Create a VPC with a vSwitch in %s", zone), Kind: Action,
					Doc: i18n.Text("CreateVpc, then CreateVSwitch in the zone chosen, with CIDR blocks that overlap none of the region's VPCs; you confirm first.")})
			}
		case "VSwitchId":
			if env.CanCreate && vpc != "" {
				out = append(out, Field{Key: KeyCreateVSwitch, Title: i18n.T("+ Create a vSwitch in %s", zone), Kind: Action,
					Doc: i18n.Text("CreateVSwitch in the chosen VPC and zone, with a free CIDR block of the VPC; you confirm first.")})
			}
		case KeySecurityGroups:
			out = append(out, groupRuleNotes(d, env)...)
			if env.CanCreate && vpc != "" {
				out = append(out, Field{Key: KeyCreateGroup, Title: i18n.Text("+ Create a security group"), Kind: Action,
					Doc: i18n.Text("CreateSecurityGroup in the chosen VPC with rule presets (SSH from your own address, HTTP, HTTPS, RDP, ICMP); you confirm first.")})
			}
		}
	}
	return out
}

// groupRuleNotes shows the rules of the groups chosen, as
// DescribeSecurityGroupAttribute answered them.
func groupRuleNotes(d *Draft, env *Env) []Field {
	var out []Field
	for _, id := range strings.Split(d.Get(KeySecurityGroups), ",") {
		id = strings.TrimSpace(id)
		rules, ok := env.GroupRules[id]
		if id == "" || !ok {
			continue
		}
		doc := i18n.Text("no inbound rules: nothing can connect")
		if len(rules) > 0 {
			// Each rule escaped on its own (a description is the API's
			// text), joined on one line: the summary line shows the first.
			esc := make([]string, len(rules))
			for i, r := range rules {
				esc[i] = safetext.Escape(r)
			}
			doc = strings.Join(esc, " · ")
		}
		out = append(out, Field{Key: KeyGroupRules + "." + id, Title: i18n.T("Rules of %s", id), Kind: Note, Doc: doc})
	}
	return out
}

// withKeyCreates offers importing a local public key or having ECS make a
// key pair, after the key pair field.
func withKeyCreates(fs []Field, env *Env) []Field {
	if !env.CanCreate {
		return fs
	}
	out := make([]Field, 0, len(fs)+2)
	for _, f := range fs {
		out = append(out, f)
		if f.Key == "KeyPairName" {
			out = append(out,
				Field{Key: KeyImportKey, Title: i18n.Text("+ Import a public key from ~/.ssh"), Kind: Action,
					Doc: i18n.Text("ImportKeyPair with one of your ~/.ssh/*.pub keys; you confirm first.")},
				Field{Key: KeyCreateKey, Title: i18n.Text("+ Create a new key pair"), Kind: Action,
					Doc: i18n.Text("CreateKeyPair; ECS answers the private key once, and it is written to ~/.ssh/NAME.pem (mode 0600); you confirm first.")})
		}
	}
	return out
}
