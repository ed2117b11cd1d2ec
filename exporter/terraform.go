package exporter

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

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

// tfWhy explains parameters alicloud_instance has no argument for.
var tfWhy = map[string]string{
	"UniqueSuffix": "alicloud_instance has no equivalent (with count, build names from count.index instead)",
	"MinAmount":    "alicloud_instance has no equivalent: count always creates exactly Amount instances",
	"ClientToken":  "not written: the provider sends its own ClientToken",
	"IoOptimized":  "alicloud_instance always sends optimized (is_outdated = true sends none)",
}

// exportTerraform writes an alicloud_instance resource with its provider
// block and variables, using hclwrite.
func exportTerraform(req *request.Request, o Options) (Result, error) {
	t := &tfWriter{r: req, n: newNotes(), f: hclwrite.NewEmptyFile(), done: map[string]bool{}}
	t.provider(o)
	t.variables()
	t.body = t.f.Body().AppendNewBlock("resource", []string{"alicloud_instance", tfResource}).Body()
	if req.Has("Amount") {
		t.set("count", "Amount")
	}
	for _, p := range req.Params() {
		t.param(p.Name)
	}
	return Result{Text: string(hclwrite.Format(t.f.Bytes())), Notes: t.n.list()}, nil
}

type tfWriter struct {
	r    *request.Request
	n    *notes
	f    *hclwrite.File
	body *hclwrite.Body
	done map[string]bool // groups already written (DataDisk.1, Tag, …)
	pwd  string          // the password variable's name
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
		b.SetAttributeValue("region", cty.StringVal(region))
	}
	if o.Profile != "" {
		b.SetAttributeValue("profile", cty.StringVal(o.Profile))
	}
	t.f.Body().AppendNewline()
}

// variables declares the password as a sensitive variable: Terraform reads
// it from TF_VAR_<name>, so the secret never enters the file.
func (t *tfWriter) variables() {
	if !t.r.Has("Password") {
		return
	}
	t.pwd = "ecs_password"
	v := t.r.Get("Password")
	if refs := referenceNames(v); len(refs) == 1 && v == "${"+refs[0]+"}" {
		t.pwd = strings.ToLower(refs[0])
	} else if !request.IsReference(v) {
		t.n.say("Password: the literal value is not written; Terraform reads it from var.%s", t.pwd)
	}
	b := t.f.Body().AppendNewBlock("variable", []string{t.pwd}).Body()
	b.SetAttributeValue("description", cty.StringVal(fmt.Sprintf("The instances' login password (set TF_VAR_%s; never write it here).", t.pwd)))
	b.SetAttributeRaw("type", hclwrite.TokensForIdentifier("string"))
	b.SetAttributeValue("sensitive", cty.True)
	t.f.Body().AppendNewline()
}

// param writes one parameter, or the group it opens, or notes it.
func (t *tfWriter) param(key string) {
	pat := request.PatternOf(key)
	switch {
	case key == "RegionId" || key == "Amount":
		// written in the provider block and as count
	case key == "Password":
		t.body.SetAttributeTraversal("password", hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: t.pwd}})
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
		b.SetAttributeValue("login_as_non_root", typedValue(key, t.r.Get(key)))
	case tfAttrs[key] != "":
		t.set(tfAttrs[key], key)
	default:
		t.skip(key)
	}
}

func (t *tfWriter) skip(key string) {
	why := tfWhy[request.PatternOf(key)]
	if why == "" {
		why = "alicloud_instance has no equivalent argument"
	}
	t.n.add(key, why)
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
	t.literalRefs(key, v)
	if tfStrings[attr] {
		t.body.SetAttributeValue(attr, cty.StringVal(v))
		return
	}
	t.body.SetAttributeValue(attr, typedValue(key, v))
}

// literalRefs notes a non-secret ${NAME} reference: Terraform does not read
// ecslaunch's environment references, so it is written as text.
func (t *tfWriter) literalRefs(key, v string) {
	if refs := referenceNames(v); len(refs) > 0 {
		t.n.say("%s: refers to ${%s}, which Terraform writes as literal text; replace it with a variable", key, refs[0])
	}
}

func (t *tfWriter) securityGroups() {
	var ids []cty.Value
	seen := map[string]bool{}
	for _, id := range append([]string{t.r.Get("SecurityGroupId")}, t.r.Strings("SecurityGroupIds")...) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, cty.StringVal(id))
		}
	}
	t.body.SetAttributeValue("security_groups", cty.ListVal(ids))
}

func (t *tfWriter) list(attr, list string) {
	var vals []cty.Value
	for _, v := range t.r.Strings(list) {
		vals = append(vals, cty.StringVal(v))
	}
	if len(vals) > 0 {
		t.body.SetAttributeValue(attr, cty.ListVal(vals))
	}
}

// tags writes the Tag.N list as the tags map; a repeated key keeps its
// last value, as the map cannot hold both, and is said.
func (t *tfWriter) tags() {
	m := map[string]cty.Value{}
	for i := 1; i <= t.r.Count("Tag"); i++ {
		it := t.r.Item("Tag", i)
		if len(it) == 0 {
			continue
		}
		if _, dup := m[it["Key"]]; dup {
			t.n.add(fmt.Sprintf("Tag.%d", i), "repeats a tag key; the tags map keeps the last value")
		}
		m[it["Key"]] = cty.StringVal(it["Value"])
	}
	if len(m) > 0 {
		t.body.SetAttributeValue("tags", cty.MapVal(m))
	}
}

// item writes one repeat-list item as a nested block, field by field in
// the API's order.
func (t *tfWriter) item(block, prefix string, fields map[string]string) *hclwrite.Body {
	b := t.body.AppendNewBlock(block, nil).Body()
	for _, k := range t.keysUnder(prefix) {
		field := strings.TrimPrefix(k, prefix+".")
		if attr := fields[field]; attr != "" {
			b.SetAttributeValue(attr, typedValue(k, t.r.Get(k)))
			continue
		}
		if block != "network_interfaces" || !eniSpecial(field) {
			t.n.add(k, "alicloud_instance's "+block+" block has no equivalent argument")
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
		t.n.add(prefix+".InstanceType", "alicloud_instance's network_interfaces are secondary ENIs; describe the primary ENI with the top-level arguments")
	}
	b := t.item("network_interfaces", prefix, tfENI)
	var ids []cty.Value
	if id := t.r.Get(prefix + ".SecurityGroupId"); id != "" {
		ids = append(ids, cty.StringVal(id))
	}
	for _, id := range t.r.Strings(prefix + ".SecurityGroupIds") {
		ids = append(ids, cty.StringVal(id))
	}
	if len(ids) > 0 {
		b.SetAttributeValue("security_group_ids", cty.ListVal(ids))
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
		t.n.add("AutoRenew", "is not true or false, so it has no renewal_status")
	}
}

// keysUnder lists the request's keys under a prefix, in the API's order.
func (t *tfWriter) keysUnder(prefix string) []string {
	var out []string
	for _, k := range t.r.Keys() {
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
