package exporter

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// tfResource is the label of the exported alicloud_instance resource.
const tfResource = "this"

// tfAttrs maps RunInstances parameters to the alicloud_instance arguments
// that send them (terraform-provider-alicloud, resource_alicloud_instance.go,
// resourceAliCloudInstanceCreate).
var tfAttrs = map[string]string{
	"ZoneId": "availability_zone", "ImageId": "image_id", "VSwitchId": "vswitch_id",
	"InstanceType": "instance_type", "InternetMaxBandwidthIn": "internet_max_bandwidth_in",
	"InternetMaxBandwidthOut": "internet_max_bandwidth_out", "InstanceName": "instance_name",
	"HostName": "host_name", "Description": "description", "PasswordInherit": "password_inherit",
	"KeyPairName": "key_name", "SystemDisk.Size": "system_disk_size",
	"SystemDisk.Category": "system_disk_category", "SystemDisk.DiskName": "system_disk_name",
	"SystemDisk.Description":          "system_disk_description",
	"SystemDisk.PerformanceLevel":     "system_disk_performance_level",
	"SystemDisk.AutoSnapshotPolicyId": "system_disk_auto_snapshot_policy_id",
	"SystemDisk.StorageClusterId":     "system_disk_storage_cluster_id",
	"SystemDisk.Encrypted":            "system_disk_encrypted", "SystemDisk.KMSKeyId": "system_disk_kms_key_id",
	"SystemDisk.EncryptAlgorithm": "system_disk_encrypt_algorithm", "RamRoleName": "role_name",
	"UserData": "user_data", "SpotPriceLimit": "spot_price_limit", "SpotStrategy": "spot_strategy",
	"CreditSpecification":         "credit_specification",
	"SecurityEnhancementStrategy": "security_enhancement_strategy",
	"DeploymentSetId":             "deployment_set_id", "DedicatedHostId": "dedicated_host_id",
	"HpcClusterId": "hpc_cluster_id", "ResourceGroupId": "resource_group_id",
	"LaunchTemplateId": "launch_template_id", "LaunchTemplateName": "launch_template_name",
	"LaunchTemplateVersion": "launch_template_version", "DeletionProtection": "deletion_protection",
	"AutoReleaseTime": "auto_release_time", "InternetChargeType": "internet_charge_type",
	"Period": "period", "PeriodUnit": "period_unit", "AutoRenewPeriod": "auto_renew_period",
	"InstanceChargeType": "instance_charge_type", "Ipv6AddressCount": "ipv6_address_count",
	"PrivateIpAddress": "private_ip", "DryRun": "dry_run", "SpotDuration": "spot_duration",
	"HttpTokens": "http_tokens", "HttpEndpoint": "http_endpoint",
	"HttpPutResponseHopLimit":         "http_put_response_hop_limit",
	"NetworkOptions.EnableJumboFrame": "enable_jumbo_frame",
}

// tfDataDisk maps DataDisk.N fields to data_disks block arguments.
var tfDataDisk = map[string]string{
	"Size": "size", "SnapshotId": "snapshot_id", "Category": "category", "Encrypted": "encrypted",
	"KMSKeyId": "kms_key_id", "DiskName": "name", "Description": "description", "Device": "device",
	"DeleteWithInstance": "delete_with_instance", "PerformanceLevel": "performance_level",
	"AutoSnapshotPolicyId": "auto_snapshot_policy_id",
}

// tfENI maps NetworkInterface.N fields to network_interfaces block arguments
// (the provider sends these blocks as secondary ENIs).
var tfENI = map[string]string{
	"NetworkInterfaceId": "network_interface_id", "VSwitchId": "vswitch_id",
	"NetworkInterfaceTrafficMode": "network_interface_traffic_mode",
	"NetworkCardIndex":            "network_card_index", "QueuePairNumber": "queue_pair_number",
}

// tfWhy explains parameters alicloud_instance has no argument for, in
// the current language.
func tfWhy(pattern string) string {
	switch pattern {
	case "UniqueSuffix":
		return i18n.Text("alicloud_instance has no equivalent (with count, build names from count.index instead)")
	case "MinAmount":
		return i18n.Text("alicloud_instance has no equivalent: count always creates exactly Amount instances")
	case "ClientToken":
		return i18n.Text("not written: the provider sends its own ClientToken")
	case "IoOptimized":
		return i18n.Text("alicloud_instance always sends optimized (is_outdated = true sends none)")
	}
	return i18n.Text("alicloud_instance has no equivalent argument")
}

// exportTerraform writes an alicloud_instance resource with its provider
// block and variables, using hclwrite.
func exportTerraform(req *request.Request, o Options) (Result, error) {
	t := &tfWriter{r: req, keys: req.Keys(), n: newNotes(), f: hclwrite.NewEmptyFile(), done: map[string]bool{}}
	t.provider(o)
	t.variables()
	if err := t.created(o.Created); err != nil {
		return Result{}, err
	}
	t.body = t.f.Body().AppendNewBlock("resource", []string{"alicloud_instance", tfResource}).Body()
	if req.Has("Amount") {
		t.set("count", "Amount")
	}
	for _, k := range t.keys {
		t.param(k)
	}
	return Result{Text: string(hclwrite.Format(t.f.Bytes())), Notes: t.n.list()}, nil
}

// tfWriter builds the Terraform file from one request.
type tfWriter struct {
	r    *request.Request
	keys []string // the request's keys in the API's order, sorted once
	n    *notes
	f    *hclwrite.File
	body *hclwrite.Body
	done map[string]bool // groups already written (DataDisk.1, Tag, …)
	// refs are the references to created resources by the IDs the request
	// names them with (created_tf.go).
	refs map[string]hclwrite.Tokens
}

// provider writes `provider "alicloud"`: the region is the request's
// RegionId (or --region), the profile the CLI profile.
func (t *tfWriter) provider(o Options) {
	b := t.f.Body().AppendNewBlock("provider", []string{"alicloud"}).Body()
	region := t.r.Get("RegionId")
	if region == "" {
		region = o.Region
	}
	if region != "" {
		b.SetAttributeRaw("region", t.stringTokens(region))
	}
	if o.Profile != "" {
		b.SetAttributeValue("profile", cty.StringVal(o.Profile))
	}
	t.f.Body().AppendNewline()
}

// variables declares one variable per environment reference in the
// request (Terraform reads it from TF_VAR_<name>), and the password's as
// sensitive: secrets never enter the file.
func (t *tfWriter) variables() {
	secret := map[string]bool{}
	names := t.r.References()
	if v := t.r.Get("Password"); v != "" {
		for _, n := range referenceNames(v) {
			secret[n] = true
		}
		if !request.IsReference(v) {
			t.n.say(i18n.Text("Password: the literal value is not written; Terraform reads it from var.ecs_password"))
			secret["ECS_PASSWORD"] = true
			names = appendUnique(names, "ECS_PASSWORD")
		}
	}
	for _, n := range names {
		b := t.f.Body().AppendNewBlock("variable", []string{tfVar(n)}).Body()
		what := "Value of ${" + n + "} in the launch file"
		if secret[n] {
			what = "The instances' login password"
		}
		b.SetAttributeValue("description", cty.StringVal(fmt.Sprintf("%s (set TF_VAR_%s).", what, tfVar(n))))
		b.SetAttributeRaw("type", hclwrite.TokensForIdentifier("string"))
		if secret[n] {
			b.SetAttributeValue("sensitive", cty.True)
		}
		t.f.Body().AppendNewline()
	}
}

// tfVar is the Terraform variable an environment reference becomes.
func tfVar(env string) string { return strings.ToLower(env) }

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// param writes one parameter, or the group it opens, or notes it.
func (t *tfWriter) param(key string) {
	pat := request.PatternOf(key)
	switch {
	case key == "RegionId" || key == "Amount":
		// written in the provider block and as count
	case key == "Password" && !request.IsReference(t.r.Get(key)):
		t.body.SetAttributeRaw("password", varTokens("ECS_PASSWORD"))
	case key == "Password":
		t.body.SetAttributeRaw("password", t.tokens(key, t.r.Get(key)))
	case key == "SecurityGroupId" || pat == "SecurityGroupIds.N":
		t.once("security_groups", t.securityGroups)
	case pat == "Tag.N.Key" || pat == "Tag.N.Value":
		t.once("tags", t.tags)
	case pat == "Ipv6Address.N":
		t.once("ipv6_addresses", func() { t.list("ipv6_addresses", "Ipv6Address") })
	case strings.HasPrefix(key, "DataDisk."):
		t.once(itemOf(key), func() { t.item("data_disks", itemOf(key), tfDataDisk) })
	case strings.HasPrefix(key, "NetworkInterface."):
		t.once(itemOf(key), func() { t.eni(itemOf(key)) })
	case key == "AutoRenew":
		t.autoRenew()
	case key == "IoOptimized" && t.r.Get(key) == "none":
		t.body.SetAttributeValue("is_outdated", cty.True)
	case key == "ImageOptions.LoginAsNonRoot":
		b := t.body.AppendNewBlock("image_options", nil).Body()
		b.SetAttributeRaw("login_as_non_root", t.tokens(key, t.r.Get(key)))
	case tfAttrs[key] != "":
		t.set(tfAttrs[key], key)
	default:
		t.skip(key)
	}
}

func (t *tfWriter) skip(key string) {
	t.n.add(key, tfWhy(request.PatternOf(key)))
}

func (t *tfWriter) once(group string, write func()) {
	if !t.done[group] {
		t.done[group] = true
		write()
	}
}

// tfStrings are arguments the provider types as strings although the API
// value is a number.
var tfStrings = map[string]bool{"launch_template_version": true}

// set writes attr from the parameter key, typed as the API documents it.
func (t *tfWriter) set(attr, key string) {
	v := t.r.Get(key)
	if tfStrings[attr] {
		t.body.SetAttributeRaw(attr, t.stringTokens(v))
		return
	}
	t.body.SetAttributeRaw(attr, t.tokens(key, v))
}

// tokens writes a value: typed as the API documents it, or, when it holds
// ${NAME} references, as a template of var.name — so Terraform fills in
// what ecslaunch would have read from the environment.
func (t *tfWriter) tokens(key, v string) hclwrite.Tokens {
	if ref, ok := t.refs[v]; ok {
		return ref
	}
	if !request.IsReference(v) {
		return hclwrite.TokensForValue(typedValue(key, v))
	}
	return t.stringTokens(v)
}

// stringTokens writes a string, references as var.name interpolations.
func (t *tfWriter) stringTokens(v string) hclwrite.Tokens {
	if ref, ok := t.refs[v]; ok {
		return ref
	}
	segs := splitRefs(v)
	if len(segs) == 1 && segs[0].ref {
		return varTokens(segs[0].text)
	}
	if !request.IsReference(v) {
		return hclwrite.TokensForValue(cty.StringVal(v))
	}
	toks := hclwrite.Tokens{{Type: hclsyntax.TokenOQuote, Bytes: []byte(`"`)}}
	for i, seg := range segs {
		if !seg.ref {
			text, dollars := seg.text, ""
			if i+1 < len(segs) {
				// "$" right before "${" would read as the escape "$${":
				// write trailing dollars as an interpolated literal instead.
				text = strings.TrimRight(seg.text, "$")
				dollars = seg.text[len(text):]
			}
			if text != "" {
				lit := hclwrite.TokensForValue(cty.StringVal(text))
				toks = append(toks, lit[1:len(lit)-1]...) // the escaped text between the quotes
			}
			if dollars != "" {
				toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateInterp, Bytes: []byte("${")})
				toks = append(toks, hclwrite.TokensForValue(cty.StringVal(dollars))...)
				toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateSeqEnd, Bytes: []byte("}")})
			}
			continue
		}
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateInterp, Bytes: []byte("${")})
		toks = append(toks, varTokens(seg.text)...)
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenTemplateSeqEnd, Bytes: []byte("}")})
	}
	return append(toks, &hclwrite.Token{Type: hclsyntax.TokenCQuote, Bytes: []byte(`"`)})
}

// keyTokens writes an object key: a lone var.name must be parenthesised,
// or HCL reads it as a dotted literal name.
func (t *tfWriter) keyTokens(v string) hclwrite.Tokens {
	toks := t.stringTokens(v)
	if segs := splitRefs(v); len(segs) == 1 && segs[0].ref {
		toks = append(append(hclwrite.Tokens{{Type: hclsyntax.TokenOParen, Bytes: []byte("(")}}, toks...),
			&hclwrite.Token{Type: hclsyntax.TokenCParen, Bytes: []byte(")")})
	}
	return toks
}

// varTokens is var.<name> for an environment reference.
func varTokens(env string) hclwrite.Tokens {
	return hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: tfVar(env)}})
}

// listTokens writes a list of strings.
func (t *tfWriter) listTokens(vals []string) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(vals))
	for i, v := range vals {
		elems[i] = t.stringTokens(v)
	}
	return hclwrite.TokensForTuple(elems)
}

// securityGroups writes SecurityGroupId and SecurityGroupIds.N together
// as security_groups (a set in the provider, so duplicates go).
func (t *tfWriter) securityGroups() {
	var ids []string
	seen := map[string]bool{}
	for _, id := range append([]string{t.r.Get("SecurityGroupId")}, t.r.Strings("SecurityGroupIds")...) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	t.body.SetAttributeRaw("security_groups", t.listTokens(ids))
}

func (t *tfWriter) list(attr, list string) {
	if vals := t.r.Strings(list); len(vals) > 0 {
		t.body.SetAttributeRaw(attr, t.listTokens(vals))
	}
}

// tags writes the Tag.N list as the tags map; a repeated key keeps its
// last value, as the map cannot hold both, and is said.
func (t *tfWriter) tags() {
	var attrs []hclwrite.ObjectAttrTokens
	index := map[string]int{}
	for i := 1; i <= t.r.Count("Tag"); i++ {
		it := t.r.Item("Tag", i)
		if len(it) == 0 {
			continue
		}
		kv := hclwrite.ObjectAttrTokens{Name: t.keyTokens(it["Key"]), Value: t.stringTokens(it["Value"])}
		if j, dup := index[it["Key"]]; dup {
			t.n.add(fmt.Sprintf("Tag.%d", i), i18n.Text("repeats a tag key; the tags map keeps the last value"))
			attrs[j] = kv
			continue
		}
		index[it["Key"]] = len(attrs)
		attrs = append(attrs, kv)
	}
	if len(attrs) > 0 {
		t.body.SetAttributeRaw("tags", hclwrite.TokensForObject(attrs))
	}
}

// item writes one repeat-list item as a nested block, field by field in
// the API's order.
func (t *tfWriter) item(block, prefix string, fields map[string]string) *hclwrite.Body {
	b := t.body.AppendNewBlock(block, nil).Body()
	for _, k := range t.keysUnder(prefix) {
		field := strings.TrimPrefix(k, prefix+".")
		if attr := fields[field]; attr != "" {
			b.SetAttributeRaw(attr, t.tokens(k, t.r.Get(k)))
			continue
		}
		if block != "network_interfaces" || !eniSpecial(field) {
			t.n.add(k, i18n.T("alicloud_instance's %s block has no equivalent argument", block))
		}
	}
	return b
}

// eniSpecial are the ENI fields eni writes itself.
func eniSpecial(field string) bool {
	return field == "SecurityGroupId" || field == "InstanceType" || strings.HasPrefix(field, "SecurityGroupIds.")
}

// eni writes a network_interfaces block; its security groups come from
// SecurityGroupId and SecurityGroupIds.N together.
func (t *tfWriter) eni(prefix string) {
	if t.r.Get(prefix+".InstanceType") == "Primary" {
		t.n.add(prefix+".InstanceType", i18n.Text("alicloud_instance's network_interfaces are secondary ENIs; describe the primary ENI with the top-level arguments"))
	}
	b := t.item("network_interfaces", prefix, tfENI)
	var ids []string
	if id := t.r.Get(prefix + ".SecurityGroupId"); id != "" {
		ids = append(ids, id)
	}
	ids = append(ids, t.r.Strings(prefix+".SecurityGroupIds")...)
	if len(ids) > 0 {
		b.SetAttributeRaw("security_group_ids", t.listTokens(ids))
	}
}

// autoRenew maps AutoRenew to renewal_status.
func (t *tfWriter) autoRenew() {
	switch t.r.Get("AutoRenew") {
	case "true":
		t.body.SetAttributeValue("renewal_status", cty.StringVal("AutoRenewal"))
	case "false":
		t.body.SetAttributeValue("renewal_status", cty.StringVal("Normal"))
	default:
		t.n.add("AutoRenew", i18n.Text("is not true or false, so it has no renewal_status"))
	}
}

// keysUnder lists the request's keys under a prefix, in the API's order.
func (t *tfWriter) keysUnder(prefix string) []string {
	var out []string
	for _, k := range t.keys {
		if strings.HasPrefix(k, prefix+".") {
			out = append(out, k)
		}
	}
	return out
}

// itemOf returns the list item a flat key belongs to ("DataDisk.2.Size" →
// "DataDisk.2").
func itemOf(key string) string {
	segs := strings.SplitN(key, ".", 3)
	if len(segs) < 2 {
		return key
	}
	return segs[0] + "." + segs[1]
}

// typedValue gives a value its documented type (40, true, 0.5), keeping it
// a string when it is not one, so that a bad value is reported by the
// target rather than lost here.
func typedValue(key, v string) cty.Value {
	s, _ := request.Lookup(key)
	switch s.Type {
	case request.Integer:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return cty.NumberIntVal(n)
		}
	case request.Boolean:
		if b, err := strconv.ParseBool(v); err == nil && (v == "true" || v == "false") {
			return cty.BoolVal(b)
		}
	case request.Float:
		if n, err := cty.ParseNumberVal(v); err == nil {
			return n
		}
	}
	return cty.StringVal(v)
}
