package forms

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// UI-only keys (Draft.Extra); each stands for a choice no single API
// parameter holds.
const (
	KeyLogin           = "ui.Login"           // keypair, password, inherit, none
	KeyPasswordConfirm = "ui.PasswordConfirm" // typed twice, never stored in the request
	KeyVpc             = "ui.VpcId"           // a vSwitch implies its VPC; RunInstances has no VpcId
	KeySecurityGroups  = "ui.SecurityGroups"  // SecurityGroupId for one, SecurityGroupIds.N for more
	KeyUserDataText    = "ui.UserData"        // plain text; the request gets its base64
	KeyUserDataFile    = "ui.UserDataFile"    // a path; the request gets the file's base64
	KeyAddDataDisk     = "ui.AddDataDisk"
	KeyAddTag          = "ui.AddTag"
)

// The login methods of KeyLogin.
const (
	LoginKeyPair  = "keypair"
	LoginPassword = "password"
	LoginInherit  = "inherit"
	LoginNone     = "none"
)

// MaxDataDisks is the API's data disk limit when the type names none (docs/rules.md T1-41).
const MaxDataDisks = 16

// MaxTags is the spec's tag limit (docs/rules.md T1-69); today's API takes more (T2-22), and the rules accept them with a warning.
const MaxTags = 20

func billingFields(d *Draft) []Field {
	fs := []Field{{Key: "InstanceChargeType", Title: i18n.Text("Billing method"), Kind: Select, Options: []Option{
		{Label: i18n.Text("Pay-as-you-go"), Value: "PostPaid"}, {Label: i18n.Text("Subscription"), Value: "PrePaid"}}}}
	if d.Req.Get("InstanceChargeType") == "PrePaid" {
		fs = append(fs,
			Field{Key: "Period", Title: i18n.Text("Period"), Kind: Input},
			Field{Key: "PeriodUnit", Title: i18n.Text("Period unit"), Kind: Select, Options: []Option{
				{Label: i18n.Text("Month"), Value: "Month"}, {Label: i18n.Text("Week"), Value: "Week"}}},
			Field{Key: "AutoRenew", Title: i18n.Text("Auto-renew"), Kind: Toggle})
		if d.Req.Get("AutoRenew") == "true" {
			fs = append(fs, Field{Key: "AutoRenewPeriod", Title: i18n.Text("Auto-renew period"), Kind: Input})
		}
		return fs
	}
	return append(fs, Field{Key: "SpotStrategy", Title: i18n.Text("Spot"), Kind: Select, Options: []Option{
		{Label: i18n.Text("On-demand (NoSpot)"), Value: ""},
		{Label: i18n.Text("Spot with a price limit"), Value: "SpotWithPriceLimit"},
		{Label: i18n.Text("Spot at the market price"), Value: "SpotAsPriceGo"}},
		Doc: i18n.Text("A spot instance costs less and can be reclaimed; with a price limit, its limit is asked once the type is chosen (the price depends on it).")})
}

// spotFields follow the choice of a type: a spot price limit can only be
// judged against the chosen type's current spot price.
func spotFields(d *Draft, _ *Env) []Field {
	if d.Req.Get("SpotStrategy") != "SpotWithPriceLimit" {
		return nil
	}
	return []Field{{Key: "SpotPriceLimit", Title: i18n.Text("Spot price limit per hour"), Kind: Input}}
}

func storageFields(d *Draft, env *Env) []Field {
	fs := []Field{
		{Key: "SystemDisk.Category", Title: i18n.Text("System disk category"), Kind: Select, Options: categoryOptions(env.SystemCategories)},
		{Key: "SystemDisk.Size", Title: i18n.Text("System disk size (GiB)"), Kind: Input},
	}
	if d.Req.Get("SystemDisk.Category") == "cloud_essd" {
		fs = append(fs, plField("SystemDisk.PerformanceLevel", i18n.Text("System disk performance level"), env.SystemCategories))
	}
	n := d.Req.Count("DataDisk")
	for i := 1; i <= n; i++ {
		p := fmt.Sprintf("DataDisk.%d.", i)
		fs = append(fs,
			Field{Key: p + "Category", Title: i18n.T("Data disk %d category", i), Kind: Select, Options: categoryOptions(env.DataCategories)},
			Field{Key: p + "Size", Title: i18n.T("Data disk %d size (GiB)", i), Kind: Input})
		if d.Req.Get(p+"Category") == "cloud_essd" {
			fs = append(fs, plField(p+"PerformanceLevel", i18n.T("Data disk %d performance level", i), env.DataCategories))
		}
		fs = append(fs,
			Field{Key: p + "Encrypted", Title: i18n.T("Data disk %d encrypted", i), Kind: Toggle},
			Field{Key: p + "DeleteWithInstance", Title: i18n.T("Data disk %d deleted with the instance", i), Kind: Toggle})
	}
	if n < dataDiskLimit(d, env) {
		fs = append(fs, Field{Key: KeyAddDataDisk, Title: i18n.Text("+ Add a data disk"), Kind: Action,
			Doc: i18n.T("Adds a data disk (up to %d).", dataDiskLimit(d, env))})
	}
	return fs
}

func dataDiskLimit(d *Draft, env *Env) int {
	if t, ok := env.Type(d.Req.Get("InstanceType")); ok && t.DiskQuantity > 0 && t.DiskQuantity < MaxDataDisks {
		return t.DiskQuantity
	}
	return MaxDataDisks
}

func categoryOptions(cats []catalog.DiskCategory) []Option {
	out := make([]Option, 0, len(cats))
	for _, c := range cats {
		note := ""
		if c.Max > 0 {
			note = fmt.Sprintf("%d–%d GiB", c.Min, c.Max)
		}
		out = append(out, Option{Label: c.Category, Value: c.Category, Note: note})
	}
	if len(out) == 0 { // the type's categories are not known yet: offer the usual ones
		for _, c := range []string{"cloud_essd", "cloud_auto", "cloud_efficiency", "cloud_ssd"} {
			out = append(out, Option{Label: c, Value: c})
		}
	}
	return out
}

func plField(key, title string, cats []catalog.DiskCategory) Field {
	levels := []string{"PL0", "PL1", "PL2", "PL3"}
	for _, c := range cats {
		if c.Category == "cloud_essd" && len(c.PerformanceLevels) > 0 {
			levels = c.PerformanceLevels
		}
	}
	opts := []Option{{Label: i18n.Text("default (PL1)"), Value: ""}}
	for _, l := range levels {
		opts = append(opts, Option{Label: l, Value: l})
	}
	return Field{Key: key, Title: title, Kind: Select, Options: opts}
}

func networkFields(d *Draft, env *Env) []Field {
	fs := []Field{
		{Key: KeyVpc, Title: i18n.Text("VPC"), Kind: Select, Options: vpcOptions(env),
			Doc: i18n.Text("The VPC the instance joins; the vSwitch and security groups below belong to it.")},
		{Key: "VSwitchId", Title: i18n.Text("vSwitch"), Kind: Select, Options: vswitchOptions(d, env)},
		{Key: KeySecurityGroups, Title: i18n.Text("Security groups"), Kind: Multi, Options: sgOptions(d, env),
			Doc: i18n.Text("Security groups of the VPC. One is sent as SecurityGroupId, several as SecurityGroupIds.N.")},
		{Key: "InternetMaxBandwidthOut", Title: i18n.Text("Public bandwidth out (Mbit/s, 0 = no public IP)"), Kind: Input, Optional: true, Placeholder: i18n.Text("0 (no public IP)")},
	}
	if bw, _ := strconv.Atoi(d.Req.Get("InternetMaxBandwidthOut")); bw > 0 {
		fs = append(fs, Field{Key: "InternetChargeType", Title: i18n.Text("Bandwidth billing"), Kind: Select, Options: []Option{
			{Label: i18n.Text("By traffic (PayByTraffic)"), Value: "PayByTraffic"}, {Label: i18n.Text("By bandwidth (PayByBandwidth)"), Value: "PayByBandwidth"}}})
	}
	fs = append(fs, Field{Key: "PrivateIpAddress", Title: i18n.Text("Private IP (optional)"), Kind: Input, Optional: true, Placeholder: i18n.Text("any free address of the vSwitch")})
	return withNetworkCreates(fs, d, env)
}

func vpcOptions(env *Env) []Option {
	if env.Data == nil {
		return nil
	}
	out := []Option{}
	for _, v := range env.Data.VPCs {
		note := v.CidrBlock
		if v.IsDefault {
			note += " · " + i18n.Text("default")
		}
		out = append(out, Option{Label: labelOr(v.VpcName, v.VpcId), Value: v.VpcId, Note: note})
	}
	return out
}

// VSwitchesFor lists the vSwitches of a VPC in a zone ("" = any zone).
func VSwitchesFor(env *Env, vpc, zone string) []catalog.VSwitch {
	if env.Data == nil {
		return nil
	}
	var out []catalog.VSwitch
	for _, v := range env.Data.VSwitches {
		if v.VpcId == vpc && (zone == "" || v.ZoneId == zone) {
			out = append(out, v)
		}
	}
	return out
}

func vswitchOptions(d *Draft, env *Env) []Option {
	out := []Option{}
	for _, v := range VSwitchesFor(env, d.Get(KeyVpc), d.Req.Get("ZoneId")) {
		out = append(out, Option{Label: labelOr(v.VSwitchName, v.VSwitchId), Value: v.VSwitchId,
			Note: i18n.T("%s · %s · %d free IPs", v.ZoneId, v.CidrBlock, v.AvailableIpAddressCount)})
	}
	return out
}

// SecurityGroupsFor lists the security groups of a VPC.
func SecurityGroupsFor(env *Env, vpc string) []catalog.SecurityGroup {
	if env.Data == nil {
		return nil
	}
	var out []catalog.SecurityGroup
	for _, g := range env.Data.SecurityGroups {
		if g.VpcId == vpc {
			out = append(out, g)
		}
	}
	return out
}

func sgOptions(d *Draft, env *Env) []Option {
	out := []Option{}
	for _, g := range SecurityGroupsFor(env, d.Get(KeyVpc)) {
		note := i18n.T("%d instances", g.EcsCount)
		if c := g.Capacity(); c > 0 {
			note = i18n.T("%d of %d instances", g.EcsCount, c)
		}
		out = append(out, Option{Label: labelOr(g.SecurityGroupName, g.SecurityGroupId), Value: g.SecurityGroupId, Note: note})
	}
	return out
}

func accessFields(d *Draft, env *Env) []Field {
	fs := []Field{{Key: KeyLogin, Title: i18n.Text("Log in with"), Kind: Select, Options: loginOptions(d),
		Doc: i18n.Text("How you will log in: an SSH key pair (KeyPairName, Linux only), a password (Password), the image's own password (PasswordInherit), or none for now.")}}
	switch d.Get(KeyLogin) {
	case LoginKeyPair:
		fs = append(fs, Field{Key: "KeyPairName", Title: i18n.Text("Key pair"), Kind: Select, Options: keyPairOptions(env)})
	case LoginPassword:
		fs = append(fs, Field{Key: "Password", Title: i18n.Text("Password"), Kind: Secret},
			Field{Key: KeyPasswordConfirm, Title: i18n.Text("Password again"), Kind: Secret, Doc: i18n.Text("Type the password again; it must match.")})
	}
	fs = append(fs,
		Field{Key: "InstanceName", Title: i18n.Text("Instance name"), Kind: Input, Optional: true, Placeholder: i18n.Text("the instance ID")},
		Field{Key: "HostName", Title: i18n.Text("Host name"), Kind: Input, Optional: true, Placeholder: i18n.Text("chosen by ECS")},
		Field{Key: "UniqueSuffix", Title: i18n.Text("Add a unique suffix (001, 002, …)"), Kind: Toggle},
		Field{Key: "Amount", Title: i18n.Text("How many instances"), Kind: Input, Optional: true, Placeholder: "1"},
		Field{Key: "MinAmount", Title: i18n.Text("At least (MinAmount)"), Kind: Input, Optional: true, Placeholder: i18n.Text("the same as Amount")},
		Field{Key: "Description", Title: i18n.Text("Description"), Kind: Input, Optional: true, Placeholder: i18n.Text("none")})
	n := d.TagRows()
	for i := 1; i <= n; i++ {
		fs = append(fs,
			Field{Key: fmt.Sprintf("Tag.%d.Key", i), Title: i18n.T("Tag %d key", i), Kind: Input},
			Field{Key: fmt.Sprintf("Tag.%d.Value", i), Title: i18n.T("Tag %d value", i), Kind: Input, Optional: true})
	}
	if n < MaxTags {
		fs = append(fs, Field{Key: KeyAddTag, Title: i18n.Text("+ Add a tag"), Kind: Action,
			Doc: i18n.T("Adds a key/value tag row (up to %d).", MaxTags)})
	}
	return withKeyCreates(fs, env)
}

// loginOptions leaves the key pair out for a Windows image: ECS ignores
// KeyPairName there (docs/rules.md T2-32), so offering it would launch an
// instance with no way in.
func loginOptions(d *Draft) []Option {
	var out []Option
	if !d.Windows() {
		out = append(out, Option{Label: i18n.Text("SSH key pair"), Value: LoginKeyPair})
	}
	return append(out, Option{Label: i18n.Text("Password"), Value: LoginPassword},
		Option{Label: i18n.Text("The image's preset password"), Value: LoginInherit}, Option{Label: i18n.Text("Set it later"), Value: LoginNone})
}

func keyPairOptions(env *Env) []Option {
	out := []Option{}
	if env.Data != nil {
		for _, k := range env.Data.KeyPairs {
			out = append(out, Option{Label: safetext.Escape(k.KeyPairName), Value: k.KeyPairName})
		}
	}
	return out
}

// advancedFields ends with the user data: its multi-line editor takes
// Enter as a line break, so it must not be the field Enter-through starts on.
func advancedFields() []Field {
	return []Field{
		{Key: "RamRoleName", Title: i18n.Text("RAM role"), Kind: Input, Optional: true, Placeholder: i18n.Text("none")},
		{Key: "DeletionProtection", Title: i18n.Text("Deletion protection"), Kind: Toggle},
		{Key: "AutoReleaseTime", Title: i18n.Text("Auto-release time (UTC, yyyy-MM-ddTHH:mm:ssZ)"), Kind: Input, Optional: true, Placeholder: i18n.Text("never")},
		{Key: "ResourceGroupId", Title: i18n.Text("Resource group"), Kind: Input, Optional: true, Placeholder: i18n.Text("the default group")},
		{Key: "DeploymentSetId", Title: i18n.Text("Deployment set"), Kind: Input, Optional: true, Placeholder: i18n.Text("none")},
		{Key: "DedicatedHostId", Title: i18n.Text("Dedicated host"), Kind: Input, Optional: true, Placeholder: i18n.Text("none (shared hosts)")},
		{Key: "Ipv6AddressCount", Title: i18n.Text("IPv6 addresses"), Kind: Input, Optional: true, Placeholder: "0"},
		{Key: "HttpEndpoint", Title: i18n.Text("Metadata service"), Kind: Select, Options: []Option{
			{Label: i18n.Text("default (enabled)"), Value: ""}, {Label: i18n.Text("enabled"), Value: "enabled"}, {Label: i18n.Text("disabled"), Value: "disabled"}}},
		{Key: "HttpTokens", Title: i18n.Text("Metadata tokens (IMDSv2)"), Kind: Select, Options: []Option{
			{Label: i18n.Text("default (optional)"), Value: ""}, {Label: i18n.Text("optional"), Value: "optional"}, {Label: i18n.Text("required"), Value: "required"}}},
		{Key: "HttpPutResponseHopLimit", Title: i18n.Text("Metadata PUT hop limit"), Kind: Input, Optional: true, Placeholder: "1"},
		{Key: KeyUserDataText, Title: i18n.Text("User data (plain text; sent base64-encoded)"), Kind: TextArea, Optional: true,
			Doc: i18n.Text("A script or cloud-init config run at first boot, as plain text over several lines: the wizard base64-encodes it into UserData (at most 16 KB encoded).")},
		{Key: KeyUserDataFile, Title: i18n.Text("…or user data from a file"), Kind: Input, Optional: true, Placeholder: "~/init.sh",
			Doc: i18n.Text("A path to a file whose content becomes UserData (base64-encoded for you).")},
	}
}

// AskFields returns one field per parameter of a launch file's ask: list;
// a list name ("Tag", "DataDisk") expands to its items and an add button.
func AskFields(ask []string, d *Draft, env *Env) []Field {
	var fs []Field
	for _, a := range ask {
		switch a {
		case "Tag":
			for _, f := range accessFields(d, env) {
				if strings.HasPrefix(f.Key, "Tag.") || f.Key == KeyAddTag {
					fs = append(fs, f)
				}
			}
		case "DataDisk":
			for _, f := range storageFields(d, env) {
				if strings.HasPrefix(f.Key, "DataDisk.") || f.Key == KeyAddDataDisk {
					fs = append(fs, f)
				}
			}
		case "Password":
			fs = append(fs, Field{Key: "Password", Title: i18n.Text("Password"), Kind: Secret},
				Field{Key: KeyPasswordConfirm, Title: i18n.Text("Password again"), Kind: Secret, Doc: i18n.Text("Type the password again; it must match.")})
		default:
			fs = append(fs, Field{Key: a, Title: a, Kind: Input, Optional: true})
		}
	}
	return fs
}

// labelOr names a catalog resource, hidden and control characters in its
// name shown escaped (a name is the account's text, not ours).
func labelOr(name, id string) string {
	if name == "" {
		return safetext.Escape(id)
	}
	return safetext.Escape(name) + " (" + safetext.Escape(id) + ")"
}
