package origin

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// describeTemplate reads one template's summary; found is false when the
// region has none with that ID.
func (r *Reader) describeTemplate(ctx context.Context, region, id string) (ecs.LaunchTemplateSet, bool, error) {
	if err := ctx.Err(); err != nil {
		return ecs.LaunchTemplateSet{}, false, err
	}
	req := ecs.CreateDescribeLaunchTemplatesRequest()
	r.stamp(req)
	req.RegionId, req.LaunchTemplateId = region, &[]string{id}
	resp, err := r.ecs.DescribeLaunchTemplates(req)
	if notFound(err) {
		return ecs.LaunchTemplateSet{}, false, nil
	}
	if err != nil {
		return ecs.LaunchTemplateSet{}, false, &CallError{Action: "DescribeLaunchTemplates", Region: region, Err: err}
	}
	for _, t := range resp.LaunchTemplateSets.LaunchTemplateSet {
		if t.LaunchTemplateId == id {
			return t, true, nil
		}
	}
	return ecs.LaunchTemplateSet{}, false, nil
}

// FromTemplate starts a request from a launch template version: version
// 0 is the template's default. The launch file holds the version's
// configuration itself, so it stands alone. An ID the region does not
// have, or a version the template does not have, is a *NotFoundError.
func (r *Reader) FromTemplate(ctx context.Context, region, templateID string, version int64) (Result, error) {
	if err := checkID("lt-", templateID); err != nil {
		return Result{}, err
	}
	if version < 0 {
		return Result{}, i18n.Errorf("launch template version %d: versions are numbered from 1", version)
	}
	t, found, err := r.describeTemplate(ctx, region, templateID)
	if err != nil {
		return Result{}, err
	}
	if !found {
		e := &NotFoundError{Kind: "launch template", ID: templateID, Region: region}
		e.FoundIn = r.findElsewhere(ctx, region, func(other string) (bool, error) {
			_, ok, err := r.describeTemplate(ctx, other, templateID)
			return ok, err
		})
		if e.FoundIn != "" {
			e.Hint = i18n.T("give --region %s", e.FoundIn)
		} else {
			e.Hint = i18n.T("no region has it; list the region's templates with aliyun ecs DescribeLaunchTemplates --RegionId %s", region)
		}
		return Result{}, e
	}
	v, found, err := r.templateVersion(ctx, region, templateID, version)
	if err != nil {
		return Result{}, err
	}
	if !found {
		// ECS answers an empty list for a version the template lacks.
		return Result{}, &NotFoundError{Kind: "launch template version", ID: i18n.T("%s version %d", templateID, version), Region: region,
			Hint: i18n.T("%s (%s) has versions 1 to %d, default %d: list them with aliyun ecs DescribeLaunchTemplateVersions --RegionId %s --LaunchTemplateId %s",
				templateID, t.LaunchTemplateName, t.LatestVersionNumber, t.DefaultVersionNumber, region, templateID)}
	}
	req, ns := fromTemplateData(v.LaunchTemplateData)
	_ = req.Set("RegionId", region)
	// The version's own description, when it has one, is the file's: an
	// export of the file describes the template version the same way.
	desc := v.VersionDescription
	if desc == "" {
		desc = fmt.Sprintf("From launch template %s (%s) version %d in %s.", templateID, t.LaunchTemplateName, v.VersionNumber, region)
	}
	return Result{File: newFile(req, desc), Notes: ns, Source: Source{Kind: "launch-template", Region: region, ID: templateID,
		Name: t.LaunchTemplateName, Version: v.VersionNumber}}, nil
}

// templateVersion reads one version (0: the default one).
func (r *Reader) templateVersion(ctx context.Context, region, id string, version int64) (ecs.LaunchTemplateVersionSet, bool, error) {
	if err := ctx.Err(); err != nil {
		return ecs.LaunchTemplateVersionSet{}, false, err
	}
	req := ecs.CreateDescribeLaunchTemplateVersionsRequest()
	r.stamp(req)
	req.RegionId, req.LaunchTemplateId, req.DetailFlag = region, id, requests.NewBoolean(true)
	if version == 0 {
		req.DefaultVersion = requests.NewBoolean(true)
	} else {
		req.LaunchTemplateVersion = &[]string{strconv.FormatInt(version, 10)}
	}
	resp, err := r.ecs.DescribeLaunchTemplateVersions(req)
	if err != nil {
		return ecs.LaunchTemplateVersionSet{}, false, &CallError{Action: "DescribeLaunchTemplateVersions", Region: region, Err: err}
	}
	for _, v := range resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet {
		if v.LaunchTemplateId == id && (version == 0 || v.VersionNumber == version) {
			return v, true, nil
		}
	}
	return ecs.LaunchTemplateVersionSet{}, false, nil
}

// templateOnly says, for a version field RunInstances does not take,
// that its value is not carried and why that loses nothing; "" for the
// other fields.
func templateOnly(name, val string) string {
	switch name {
	case "VpcId":
		return i18n.T("%s is not carried: RunInstances takes the VPC from VSwitchId", val)
	case "NetworkType":
		return i18n.T("%s is not carried: every instance here is in a VPC", val)
	case "ImageOwnerAlias":
		return i18n.T("%s is not carried: ImageId names the image", val)
	}
	return ""
}

// defaultTrue are the fields whose API default is true: the template's
// answer says true when they were never set.
var defaultTrue = map[string]bool{"SystemDisk.DeleteWithInstance": true}

// fromTemplateData maps a version's LaunchTemplateData to RunInstances
// parameters. Its scalar fields carry the flat names as JSON tags; a zero
// value is "not set", as the template answers every field (so a false that
// was set explicitly reads as not set: the API default).
func fromTemplateData(d ecs.LaunchTemplateData) (*request.Request, []Note) {
	req := request.New()
	var n notes
	v := reflect.ValueOf(d)
	for i := 0; i < v.NumField(); i++ {
		name := strings.Split(v.Type().Field(i).Tag.Get("json"), ",")[0]
		val, ok := scalar(v.Field(i))
		if !ok || val == "" || defaultTrue[name] {
			continue
		}
		if why := templateOnly(name, val); why != "" {
			n.add(name, why)
			continue
		}
		if err := req.Set(name, val); err != nil {
			n.add(name, i18n.T("RunInstances has no such parameter: %s is not carried", val))
		}
	}
	groups := d.SecurityGroupIds.SecurityGroupId
	if len(groups) > 0 && !(len(groups) == 1 && groups[0] == d.SecurityGroupId) {
		_ = req.SetStrings("SecurityGroupIds", groups)
	}
	for i, disk := range d.DataDisks.DataDisk {
		pre := fmt.Sprintf("DataDisk.%d.", i+1)
		for k, val := range map[string]string{"Category": disk.Category, "PerformanceLevel": disk.PerformanceLevel,
			"Description": disk.Description, "SnapshotId": disk.SnapshotId, "Device": disk.Device, "DiskName": disk.DiskName,
			"Encrypted": disk.Encrypted, "AutoSnapshotPolicyId": disk.AutoSnapshotPolicyId} {
			if val != "" {
				_ = req.Set(pre+k, val)
			}
		}
		if disk.Size > 0 {
			_ = req.Set(pre+"Size", strconv.Itoa(disk.Size))
		}
		if disk.ProvisionedIops > 0 {
			_ = req.Set(pre+"ProvisionedIops", strconv.FormatInt(disk.ProvisionedIops, 10))
		}
		if disk.BurstingEnabled {
			_ = req.Set(pre+"BurstingEnabled", "true")
		}
		// the API's default is true, so the answer says true when unset
		_ = req.Set(pre+"DeleteWithInstance", strconv.FormatBool(disk.DeleteWithInstance))
	}
	for i, eni := range d.NetworkInterfaces.NetworkInterface {
		pre := fmt.Sprintf("NetworkInterface.%d.", i+1)
		for k, val := range map[string]string{"VSwitchId": eni.VSwitchId, "SecurityGroupId": eni.SecurityGroupId,
			"InstanceType": eni.InstanceType, "NetworkInterfaceName": eni.NetworkInterfaceName, "Description": eni.Description,
			"PrimaryIpAddress": eni.PrimaryIpAddress, "NetworkInterfaceTrafficMode": eni.NetworkInterfaceTrafficMode} {
			if val != "" {
				_ = req.Set(pre+k, val)
			}
		}
		if ids := eni.SecurityGroupIds.SecurityGroupId; len(ids) > 0 {
			_ = req.SetStrings(pre+"SecurityGroupIds", ids)
		}
	}
	for i, t := range d.Tags.InstanceTag {
		_ = req.Set(fmt.Sprintf("Tag.%d.Key", i+1), t.Key)
		if t.Value != "" {
			_ = req.Set(fmt.Sprintf("Tag.%d.Value", i+1), t.Value)
		}
	}
	n.add("Password", i18n.T("a launch template never holds one: set Password (e.g. ${ECS_PASSWORD}) or log in with a key pair"))
	n.add("Amount", i18n.T("a launch template holds no count: the request launches 1 unless you set Amount"))
	return req, n
}

// scalar renders a scalar field as the API writes it; ok is false for
// lists and structs. Zero values render as "".
func scalar(f reflect.Value) (string, bool) {
	switch f.Kind() {
	case reflect.String:
		return f.String(), true
	case reflect.Int, reflect.Int64:
		if f.Int() == 0 {
			return "", true
		}
		return strconv.FormatInt(f.Int(), 10), true
	case reflect.Bool:
		if !f.Bool() {
			return "", true
		}
		return "true", true
	case reflect.Float64:
		if f.Float() == 0 {
			return "", true
		}
		return strconv.FormatFloat(f.Float(), 'f', -1, 64), true
	}
	return "", false
}
