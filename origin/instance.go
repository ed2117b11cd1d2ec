package origin

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// describeInstance reads one instance; found is false when the region has
// none with that ID.
func (r *Reader) describeInstance(ctx context.Context, region, id string) (ecs.Instance, bool, error) {
	if err := ctx.Err(); err != nil {
		return ecs.Instance{}, false, err
	}
	req := ecs.CreateDescribeInstancesRequest()
	r.stamp(req)
	req.RegionId, req.InstanceIds = region, fmt.Sprintf("[%q]", id)
	resp, err := r.ecs.DescribeInstances(req)
	if err != nil {
		return ecs.Instance{}, false, &CallError{Action: "DescribeInstances", Region: region, Err: err}
	}
	for _, in := range resp.Instances.Instance {
		if in.InstanceId == id {
			return in, true, nil
		}
	}
	return ecs.Instance{}, false, nil
}

// FromInstance starts a request like an existing instance ("launch more
// like this"): its type, image, disks with their categories, sizes and
// performance levels, network, security groups, key pair, tags, name
// pattern, billing, metadata options and user data. An ID the region does
// not have is a *NotFoundError that says which region has it, if any.
func (r *Reader) FromInstance(ctx context.Context, region, instanceID string) (Result, error) {
	if err := checkID("i-", instanceID); err != nil {
		return Result{}, err
	}
	in, found, err := r.describeInstance(ctx, region, instanceID)
	if err != nil {
		return Result{}, err
	}
	if !found {
		e := &NotFoundError{Kind: "instance", ID: instanceID, Region: region}
		e.FoundIn = r.findElsewhere(ctx, region, func(other string) (bool, error) {
			_, ok, err := r.describeInstance(ctx, other, instanceID)
			return ok, err
		})
		if e.FoundIn != "" {
			e.Hint = i18n.T("give --region %s", e.FoundIn)
		} else {
			e.Hint = i18n.T("no region has it; list the region's instances with aliyun ecs DescribeInstances --RegionId %s", region)
		}
		return Result{}, e
	}
	disks, err := r.disksOf(ctx, region, instanceID)
	if err != nil {
		return Result{}, err
	}
	userData, err := r.userData(ctx, region, instanceID)
	if err != nil {
		return Result{}, err
	}
	req, ns := fromInstance(in, disks, userData)
	desc := fmt.Sprintf("Like instance %s (%s) in %s.", in.InstanceId, in.InstanceName, region)
	return Result{File: newFile(req, desc), Notes: ns,
		Source: Source{Kind: "instance", Region: region, ID: in.InstanceId, Name: in.InstanceName}}, nil
}

// disksOf lists an instance's disks, every page.
func (r *Reader) disksOf(ctx context.Context, region, id string) ([]ecs.Disk, error) {
	var out []ecs.Disk
	for page := 1; ; page++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		req := ecs.CreateDescribeDisksRequest()
		r.stamp(req)
		req.RegionId, req.InstanceId = region, id
		req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(100)
		resp, err := r.ecs.DescribeDisks(req)
		if err != nil {
			return nil, &CallError{Action: "DescribeDisks", Region: region, Err: err}
		}
		out = append(out, resp.Disks.Disk...)
		if len(resp.Disks.Disk) == 0 || len(out) >= resp.TotalCount {
			return out, nil
		}
	}
}

func (r *Reader) userData(ctx context.Context, region, id string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	req := ecs.CreateDescribeUserDataRequest()
	r.stamp(req)
	req.RegionId, req.InstanceId = region, id
	resp, err := r.ecs.DescribeUserData(req)
	if err != nil {
		return "", &CallError{Action: "DescribeUserData", Region: region, Err: err}
	}
	return resp.UserData, nil
}

// numbered splits a name ending in a number: "web-003" → "web-", 3, 3
// digits.
var numbered = regexp.MustCompile(`^(.*[^0-9])([0-9]+)$`)

// nextInSequence turns a numbered name into the ordered name that goes on
// from it (docs/rules.md T2-17): web-003 → web-[4,3], so the new instances are
// web-004, web-005…; ok is false for a name without a number.
func nextInSequence(name string) (string, bool) {
	m := numbered.FindStringSubmatch(name)
	if m == nil || strings.ContainsAny(m[1], "[]") {
		return "", false
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%s[%d,%d]", m[1], n+1, len(m[2])), true
}

// defaultHostName is the host name ECS gives an instance without one:
// iZ<id without i->Z.
func defaultHostName(in ecs.Instance) bool {
	return strings.EqualFold(in.HostName, "iZ"+strings.TrimPrefix(in.InstanceId, "i-")+"Z")
}

// fromInstance maps what DescribeInstances, DescribeDisks and
// DescribeUserData answered to RunInstances parameters and notes.
func fromInstance(in ecs.Instance, disks []ecs.Disk, userData string) (*request.Request, []Note) {
	req := request.New()
	var n notes
	set := func(k, v string) {
		if v != "" {
			_ = req.Set(k, v)
		}
	}
	set("RegionId", in.RegionId)
	set("ZoneId", in.ZoneId)
	set("InstanceType", in.InstanceType)
	set("ImageId", in.ImageId)
	n.add("ImageId", i18n.T("the new instances boot from image %s as published, not from a copy of %s's system disk; to copy its disk, make an image of it (CreateImage) and use that", in.ImageId, in.InstanceId))
	fromBilling(in, set, &n)
	fromNetwork(in, set, req, &n)
	fromNames(in, set, &n)
	set("KeyPairName", in.KeyPairName)
	if in.KeyPairName == "" && !strings.EqualFold(in.OSType, "windows") {
		n.add("KeyPairName", i18n.T("%s has no key pair: it logs in by password; pick a key pair or set Password", in.InstanceId))
	}
	n.add("Password", i18n.T("an instance's password is never retrievable: set Password (e.g. ${ECS_PASSWORD}) or log in with a key pair"))
	set("Description", in.Description)
	set("ResourceGroupId", in.ResourceGroupId)
	if in.DeletionProtection {
		set("DeletionProtection", "true")
	}
	set("CreditSpecification", in.CreditSpecification)
	set("DeploymentSetId", in.DeploymentSetId)
	set("DedicatedHostId", in.DedicatedHostAttribute.DedicatedHostId)
	set("HpcClusterId", in.HpcClusterId)
	if in.ImageOptions.LoginAsNonRoot {
		set("ImageOptions.LoginAsNonRoot", "true")
	}
	fromMetadata(in.MetadataOptions, set)
	fromTags(in, req, &n)
	fromDisks(in, disks, set, &n)
	if userData != "" {
		set("UserData", userData)
		n.add("UserData", i18n.T("carried as it is: it ran at %s's first boot and will run at the new instances' first boot", in.InstanceId))
	}
	n.add("RamRoleName", i18n.T("a RAM role attached to %s is not read: set RamRoleName if it has one", in.InstanceId))
	return req, n
}

func fromBilling(in ecs.Instance, set func(k, v string), n *notes) {
	if in.InstanceChargeType == "PrePaid" {
		set("InstanceChargeType", "PrePaid")
		set("Period", "1")
		set("PeriodUnit", "Month")
		n.add("Period", i18n.T("%s is a subscription (until %s) whose length is not retrievable: the request subscribes for 1 Month; check Period, PeriodUnit and AutoRenew", in.InstanceId, in.ExpiredTime))
	}
	if in.SpotStrategy != "" && in.SpotStrategy != "NoSpot" {
		set("SpotStrategy", in.SpotStrategy)
		if in.SpotStrategy == "SpotWithPriceLimit" && in.SpotPriceLimit > 0 {
			set("SpotPriceLimit", strconv.FormatFloat(in.SpotPriceLimit, 'f', -1, 64))
		}
		if in.SpotDuration > 0 {
			set("SpotDuration", strconv.Itoa(in.SpotDuration))
		}
		set("SpotInterruptionBehavior", in.SpotInterruptionBehavior)
	}
	if in.InternetMaxBandwidthOut > 0 {
		set("InternetChargeType", in.InternetChargeType)
		set("InternetMaxBandwidthOut", strconv.Itoa(in.InternetMaxBandwidthOut))
	}
	if ip := in.EipAddress.IpAddress; ip != "" {
		n.add("InternetMaxBandwidthOut", i18n.T("%s's public address %s is an EIP, associated after launch, not made by RunInstances: associate one to the new instances (AssociateEipAddress)", in.InstanceId, ip))
	}
	if in.AutoReleaseTime != "" {
		n.add("AutoReleaseTime", i18n.T("%s is released automatically at %s; the request sets no release time", in.InstanceId, in.AutoReleaseTime))
	}
}

func fromNetwork(in ecs.Instance, set func(k, v string), req *request.Request, n *notes) {
	set("VSwitchId", in.VpcAttributes.VSwitchId)
	groups := in.SecurityGroupIds.SecurityGroupId
	switch len(groups) {
	case 0:
	case 1:
		set("SecurityGroupId", groups[0])
	default:
		_ = req.SetStrings("SecurityGroupIds", groups)
	}
	if ips := in.VpcAttributes.PrivateIpAddress.IpAddress; len(ips) > 0 {
		n.add("PrivateIpAddress", i18n.T("%s is %s's own: the new instances get free addresses of vSwitch %s", ips[0], in.InstanceId, in.VpcAttributes.VSwitchId))
	}
	secondary := 0
	for _, eni := range in.NetworkInterfaces.NetworkInterface {
		if eni.Type == "Secondary" {
			secondary++
		}
	}
	if secondary > 0 {
		n.add("NetworkInterface", i18n.T("%s has %d secondary network interface(s), attached after launch: they are not carried", in.InstanceId, secondary))
	}
}

func fromNames(in ecs.Instance, set func(k, v string), n *notes) {
	if name := in.InstanceName; name != "" && name != in.InstanceId {
		if next, ok := nextInSequence(name); ok {
			set("InstanceName", next)
			n.add("InstanceName", i18n.T("%s is numbered: the request goes on from it with the ordered name %s", name, next))
		} else {
			set("InstanceName", name)
		}
	}
	if host := in.HostName; host != "" && !defaultHostName(in) {
		if next, ok := nextInSequence(host); ok {
			set("HostName", next)
		} else {
			set("HostName", host)
			n.add("HostName", i18n.T("%s is %s's own host name: the new instances get the same one; change it if names must differ", host, in.InstanceId))
		}
	}
}

// fromMetadata carries the metadata options that differ from the API's
// defaults (docs/rules.md T2-29: enabled, optional, hop limit 1).
func fromMetadata(m ecs.MetadataOptions, set func(k, v string)) {
	if m.HttpEndpoint != "" && m.HttpEndpoint != "enabled" {
		set("HttpEndpoint", m.HttpEndpoint)
	}
	if m.HttpTokens != "" && m.HttpTokens != "optional" {
		set("HttpTokens", m.HttpTokens)
	}
	if m.HttpPutResponseHopLimit > 1 {
		set("HttpPutResponseHopLimit", strconv.Itoa(m.HttpPutResponseHopLimit))
	}
}

// fromTags carries the instance's tags; tags under the reserved prefixes
// (acs:, aliyun) are the platform's and cannot be set.
func fromTags(in ecs.Instance, req *request.Request, n *notes) {
	i := 0
	var reserved []string
	for _, t := range in.Tags.Tag {
		k, v := t.TagKey, t.TagValue
		if k == "" {
			k, v = t.Key, t.Value
		}
		if strings.HasPrefix(k, "acs:") || strings.HasPrefix(k, "aliyun") {
			reserved = append(reserved, k)
			continue
		}
		i++
		_ = req.Set(fmt.Sprintf("Tag.%d.Key", i), k)
		if v != "" {
			_ = req.Set(fmt.Sprintf("Tag.%d.Value", i), v)
		}
	}
	if len(reserved) > 0 {
		n.add("Tag", i18n.T("%s are the platform's own tags (acs:, aliyun): not carried", strings.Join(reserved, ", ")))
	}
}

// fromDisks maps the system disk to SystemDisk.* and the data disks, in
// device order, to DataDisk.N.*; a disk made from a snapshot keeps it.
func fromDisks(in ecs.Instance, disks []ecs.Disk, set func(k, v string), n *notes) {
	var data []ecs.Disk
	for _, d := range disks {
		switch {
		case d.Type == "system":
			diskFields("SystemDisk.", d, set)
		case strings.HasPrefix(d.Category, "local") || strings.HasPrefix(d.Category, "ephemeral"):
			// local disks come with the instance type
		default:
			data = append(data, d)
		}
	}
	sort.SliceStable(data, func(i, j int) bool { return deviceOrder(data[i].Device) < deviceOrder(data[j].Device) })
	for i, d := range data {
		pre := fmt.Sprintf("DataDisk.%d.", i+1)
		diskFields(pre, d, set)
		set(pre+"DeleteWithInstance", strconv.FormatBool(d.DeleteWithInstance))
		if d.SourceSnapshotId != "" {
			set(pre+"SnapshotId", d.SourceSnapshotId)
			n.add(pre+"SnapshotId", i18n.T("disk %[1]s was made from snapshot %[2]s, and the new disk is too: it starts with that snapshot's data, not %[1]s's data of today (the snapshot must still exist)", d.DiskId, d.SourceSnapshotId))
		} else {
			n.add(pre[:len(pre)-1], i18n.T("disk %s was made empty, and the new disk is too: its data is not copied (snapshot it and set %sSnapshotId to copy it)", d.DiskId, pre))
		}
		if !d.DeleteWithInstance {
			n.add(pre+"DeleteWithInstance", i18n.T("false, as on %s: the new disk outlives its instance; release it yourself", d.DiskId))
		}
	}
	if len(disks) == 0 {
		n.add("SystemDisk", i18n.T("DescribeDisks answered no disks for %s: the request keeps the API's disk defaults", in.InstanceId))
	}
}

// diskFields maps one disk's category, size, level and options.
func diskFields(pre string, d ecs.Disk, set func(k, v string)) {
	set(pre+"Category", d.Category)
	if d.Size > 0 {
		set(pre+"Size", strconv.Itoa(d.Size))
	}
	if d.Category == "cloud_essd" {
		set(pre+"PerformanceLevel", d.PerformanceLevel)
	}
	set(pre+"DiskName", d.DiskName)
	set(pre+"Description", d.Description)
	if d.Encrypted {
		set(pre+"Encrypted", "true")
		set(pre+"KMSKeyId", d.KMSKeyId)
	}
	set(pre+"AutoSnapshotPolicyId", d.AutoSnapshotPolicyId)
	if d.Category == "cloud_auto" {
		if d.BurstingEnabled {
			set(pre+"BurstingEnabled", "true")
		}
		if d.ProvisionedIops > 0 {
			set(pre+"ProvisionedIops", strconv.FormatInt(d.ProvisionedIops, 10))
		}
	}
}

// deviceOrder sorts /dev/xvdb before /dev/xvdc before /dev/xvdaa.
func deviceOrder(dev string) string { return fmt.Sprintf("%04d%s", len(dev), dev) }
