package exporter

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// rosResource is the logical ID of the exported instance group.
const rosResource = "Instances"

// rosPassword is the NoEcho template parameter the password comes from.
const rosPassword = "EcsPassword"

// rosProps maps RunInstances parameters to ALIYUN::ECS::InstanceGroup
// properties (ROS developer reference, ALIYUN::ECS::InstanceGroup).
var rosProps = map[string]string{
	"ZoneId": "ZoneId", "ImageId": "ImageId", "SecurityGroupId": "SecurityGroupId",
	"VSwitchId": "VSwitchId", "InstanceType": "InstanceType",
	"InternetMaxBandwidthIn": "InternetMaxBandwidthIn", "InternetMaxBandwidthOut": "InternetMaxBandwidthOut",
	"InstanceName": "InstanceName", "HostName": "HostName", "UniqueSuffix": "UniqueSuffix",
	"Description": "Description", "PasswordInherit": "PasswordInherit", "KeyPairName": "KeyPairName",
	"SystemDisk.Size": "SystemDiskSize", "SystemDisk.Category": "SystemDiskCategory",
	"SystemDisk.DiskName": "SystemDiskDiskName", "SystemDisk.Description": "SystemDiskDescription",
	"SystemDisk.PerformanceLevel":     "SystemDiskPerformanceLevel",
	"SystemDisk.AutoSnapshotPolicyId": "SystemDiskAutoSnapshotPolicyId",
	"SystemDisk.ProvisionedIops":      "SystemDiskProvisionedIops",
	"SystemDisk.BurstingEnabled":      "SystemDiskBurstingEnabled",
	"IoOptimized":                     "IoOptimized", "RamRoleName": "RamRoleName", "UserData": "UserData",
	"MinAmount": "MinAmount", "SpotPriceLimit": "SpotPriceLimit", "SpotStrategy": "SpotStrategy",
	"SpotInterruptionBehavior": "SpotInterruptionBehavior", "SpotDuration": "SpotDuration",
	"CreditSpecification": "CreditSpecification", "SecurityEnhancementStrategy": "SecurityEnhancementStrategy",
	"DeploymentSetId": "DeploymentSetId", "DeploymentSetGroupNo": "DeploymentSetGroupNo",
	"DedicatedHostId": "DedicatedHostId", "HpcClusterId": "HpcClusterId",
	"ResourceGroupId": "ResourceGroupId", "LaunchTemplateId": "LaunchTemplateId",
	"LaunchTemplateName": "LaunchTemplateName", "LaunchTemplateVersion": "LaunchTemplateVersion",
	"DeletionProtection": "DeletionProtection", "AutoReleaseTime": "AutoReleaseTime",
	"InternetChargeType": "InternetChargeType", "Period": "Period", "PeriodUnit": "PeriodUnit",
	"AutoRenewPeriod": "AutoRenewPeriod", "InstanceChargeType": "InstanceChargeType",
	"Ipv6AddressCount": "Ipv6AddressCount", "PrivateIpAddress": "PrivateIpAddress",
	"Affinity": "Affinity", "Tenancy": "Tenancy", "StorageSetId": "StorageSetId",
	"StorageSetPartitionNumber": "StorageSetPartitionNumber", "HttpTokens": "HttpTokens",
	"HttpEndpoint": "HttpEndpoint",
}

// rosStringProps are properties ROS types as String although the API value
// is a number (SpotPriceLimit) or a version (LaunchTemplateVersion).
var rosStringProps = map[string]bool{"SpotPriceLimit": true, "LaunchTemplateVersion": true}

// rosDisk lists the DataDisk.N fields DiskMappings items carry, under the
// same names.
var rosDisk = map[string]bool{
	"Size": true, "SnapshotId": true, "Category": true, "Encrypted": true, "KMSKeyId": true,
	"DiskName": true, "Description": true, "Device": true, "DeleteWithInstance": true,
	"PerformanceLevel": true, "AutoSnapshotPolicyId": true, "ProvisionedIops": true,
	"BurstingEnabled": true,
}

// rosWhy explains parameters the template cannot carry, in the current
// language.
func rosWhy(key string) string {
	switch key {
	case "RegionId":
		return i18n.Text("a ROS stack runs in the region it is created in: create the stack there")
	case "ClientToken":
		return i18n.Text("not written: ROS makes its own idempotent calls")
	case "DryRun":
		return i18n.Text("not written: ROS validates a template with its own preview (PreviewStack)")
	}
	return i18n.Text("ALIYUN::ECS::InstanceGroup has no equivalent property")
}

// exportROS writes a ROS template with one ALIYUN::ECS::InstanceGroup,
// built as yaml.v3 nodes.
func exportROS(req *request.Request, o Options) (Result, error) {
	w := &rosWriter{r: req, keys: req.Keys(), n: newNotes(), props: mapping(), done: map[string]bool{}, params: map[string]string{}}
	root := mapping()
	add(root, "ROSTemplateFormatVersion", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "2015-09-01", Style: yaml.SingleQuotedStyle})
	desc := o.Description
	if desc == "" {
		desc = "ECS instances exported by ecslaunch"
	}
	add(root, "Description", str(desc))
	if params := w.parameters(); len(params.Content) > 0 {
		add(root, "Parameters", params)
	}
	w.maxAmount()
	for _, k := range w.keys {
		w.param(k)
	}
	res := mapping()
	add(res, "Type", str("ALIYUN::ECS::InstanceGroup"))
	add(res, "Properties", w.props)
	resources := mapping()
	add(resources, rosResource, res)
	add(root, "Resources", resources)
	add(root, "Outputs", rosOutputs())
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return Result{}, err
	}
	return Result{Text: b.String(), Notes: w.n.list()}, nil
}

// rosWriter builds the ROS template from one request.
type rosWriter struct {
	r      *request.Request
	keys   []string // the request's keys in the API's order, sorted once
	n      *notes
	props  *yaml.Node
	done   map[string]bool
	params map[string]string // environment reference → template parameter
}

// parameters declares a template parameter per environment reference
// in the request, NoEcho for the password's: the console and API never show
// it, and the template never holds it.
func (w *rosWriter) parameters() *yaml.Node {
	secret := map[string]bool{}
	envs := w.r.References()
	if v := w.r.Get("Password"); v != "" {
		for _, n := range referenceNames(v) {
			secret[n] = true
		}
		if !request.IsReference(v) {
			w.n.say(i18n.T("Password: the literal value is not written; give it as the %s parameter", rosPassword))
			secret["ECS_PASSWORD"] = true
			envs = appendUnique(envs, "ECS_PASSWORD")
		}
	}
	params := mapping()
	taken := map[string]bool{}
	for _, env := range envs {
		name := rosParamName(env, taken)
		w.params[env] = name
		p := mapping()
		add(p, "Type", str("String"))
		if secret[env] {
			add(p, "NoEcho", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			add(p, "Description", str("The instances' login password (${"+env+"} in the launch file)."))
		} else {
			add(p, "Description", str("The value of ${"+env+"} in the launch file."))
		}
		add(params, name, p)
	}
	return params
}

// rosParamName turns an environment name into a template parameter name
// (ECS_PASSWORD → EcsPassword), unique among those taken.
func rosParamName(env string, taken map[string]bool) string {
	var b strings.Builder
	for _, part := range strings.Split(env, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
		}
	}
	name := b.String()
	if name == "" || !unicode.IsLetter(rune(name[0])) {
		name = "P" + name
	}
	for base, i := name, 2; taken[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	taken[name] = true
	return name
}

// value writes a value: typed as the API documents it, or, when it holds
// ${NAME} references, as {Ref: Param} or an Fn::Join of text and Refs.
func (w *rosWriter) value(key, v string, asString bool) *yaml.Node {
	if !request.IsReference(v) {
		if asString {
			return str(v)
		}
		return typedNode(key, v)
	}
	segs := splitRefs(v)
	if len(segs) == 1 {
		return w.ref(segs[0].text)
	}
	parts := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, seg := range segs {
		if seg.ref {
			parts.Content = append(parts.Content, w.ref(seg.text))
		} else {
			parts.Content = append(parts.Content, str(seg.text))
		}
	}
	join := mapping()
	add(join, "Fn::Join", &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{str(""), parts}})
	return join
}

// ref is {Ref: Param} for an environment reference.
func (w *rosWriter) ref(env string) *yaml.Node {
	m := mapping()
	m.Style = yaml.FlowStyle
	add(m, "Ref", str(w.params[env]))
	return m
}

// maxAmount writes MaxAmount, which ROS requires: Amount, else 1 (the
// RunInstances default).
func (w *rosWriter) maxAmount() {
	v := w.r.Get("Amount")
	if v == "" {
		v = "1"
	}
	add(w.props, "MaxAmount", w.value("Amount", v, false))
}

func (w *rosWriter) param(key string) {
	pat := request.PatternOf(key)
	switch {
	case key == "Amount":
		// written as MaxAmount
	case key == "Password" && !request.IsReference(w.r.Get(key)):
		add(w.props, "Password", w.ref("ECS_PASSWORD"))
	case key == "Password":
		add(w.props, "Password", w.value(key, w.r.Get(key), true))
	case pat == "SecurityGroupIds.N":
		w.once("SecurityGroupIds", func() { w.list("SecurityGroupIds", "SecurityGroupIds") })
	case pat == "Ipv6Address.N":
		w.once("Ipv6Addresses", func() { w.list("Ipv6Addresses", "Ipv6Address") })
	case pat == "Tag.N.Key" || pat == "Tag.N.Value":
		w.once("Tags", w.tags)
	case strings.HasPrefix(pat, "DataDisk.N."):
		w.once("DiskMappings", w.disks)
	case key == "AutoRenew":
		w.autoRenew()
	case rosProps[key] != "":
		w.set(rosProps[key], key)
	default:
		w.n.add(key, rosWhy(key))
	}
}

func (w *rosWriter) once(group string, write func()) {
	if !w.done[group] {
		w.done[group] = true
		write()
	}
}

func (w *rosWriter) set(prop, key string) {
	add(w.props, prop, w.value(key, w.r.Get(key), rosStringProps[prop]))
}

func (w *rosWriter) list(prop, list string) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range w.r.Strings(list) {
		seq.Content = append(seq.Content, w.value("", v, true))
	}
	add(w.props, prop, seq)
}

// tags writes Tag.N as Tags: [{Key, Value}].
func (w *rosWriter) tags() {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for i := 1; i <= w.r.Count("Tag"); i++ {
		it := w.r.Item("Tag", i)
		if len(it) == 0 {
			continue
		}
		m := mapping()
		m.Style = yaml.FlowStyle
		for _, f := range []string{"Key", "Value"} {
			if v, ok := it[f]; ok {
				add(m, f, w.value("", v, true))
			}
		}
		seq.Content = append(seq.Content, m)
	}
	add(w.props, "Tags", seq)
}

// disks writes DataDisk.N as DiskMappings items, field by field.
func (w *rosWriter) disks() {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for i := 1; i <= w.r.Count("DataDisk"); i++ {
		prefix := "DataDisk." + strconv.Itoa(i) + "."
		m := mapping()
		m.Style = yaml.FlowStyle
		for _, k := range w.keys {
			field, ok := strings.CutPrefix(k, prefix)
			switch {
			case !ok:
			case rosDisk[field] && field == "Size":
				add(m, field, w.value(k, w.r.Get(k), true)) // DiskMappings types Size as String
			case rosDisk[field]:
				add(m, field, w.value(k, w.r.Get(k), false))
			default:
				w.n.add(k, i18n.Text("DiskMappings items have no equivalent property"))
			}
		}
		if len(m.Content) > 0 {
			seq.Content = append(seq.Content, m)
		}
	}
	add(w.props, "DiskMappings", seq)
}

// autoRenew writes AutoRenew, which ROS takes as the string True/False.
func (w *rosWriter) autoRenew() {
	switch w.r.Get("AutoRenew") {
	case "true":
		add(w.props, "AutoRenew", str("True"))
	case "false":
		add(w.props, "AutoRenew", str("False"))
	default:
		w.n.add("AutoRenew", i18n.Text("is not true or false, which ROS's AutoRenew takes"))
	}
}

// rosOutputs exposes the created instances' IDs.
func rosOutputs() *yaml.Node {
	getAtt := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{str(rosResource), str("InstanceIds")}}
	val := mapping()
	add(val, "Fn::GetAtt", getAtt)
	out := mapping()
	add(out, "Description", str("The IDs of the created ECS instances."))
	add(out, "Value", val)
	outputs := mapping()
	add(outputs, "InstanceIds", out)
	return outputs
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

// str is a string scalar. Text with a line break is double-quoted: yaml.v3
// writes it otherwise as a block scalar that can lose a leading break or
// not parse back (a tab-only line).
func str(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if strings.ContainsAny(v, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// typedNode writes a value with its documented type when it is one.
func typedNode(key, v string) *yaml.Node {
	s, _ := request.Lookup(key)
	switch s.Type {
	case request.Integer:
		if _, err := strconv.ParseInt(v, 10, 64); err == nil && strconv.Itoa(atoi(v)) == v {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v}
		}
	case request.Boolean:
		if v == "true" || v == "false" {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
		}
	}
	return str(v)
}

func atoi(v string) int { n, _ := strconv.Atoi(v); return n }
