package origin

import (
	"context"
	"sort"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// ListMax is the most items Templates, Instances and Versions return: a
// picker shows no more, and an account with more pages through many calls
// for rows nobody scrolls to. A list of exactly ListMax items may have
// been cut; the cut keeps the first ListMax the API answers, which are
// then sorted.
const ListMax = 1000

// The page sizes asked for: the largest each action allows
// (docs/sdk-notes.md §8), so a list takes as few calls as it can.
const (
	instancesPage = 100 // DescribeInstances MaxResults
	templatesPage = 50  // DescribeLaunchTemplates PageSize
	versionsPage  = 50  // DescribeLaunchTemplateVersions PageSize
)

// TemplateSummary is one launch template as DescribeLaunchTemplates lists it.
type TemplateSummary struct {
	ID, Name                      string
	DefaultVersion, LatestVersion int64
	Modified                      string // ModifiedTime as the API gives it
}

// InstanceSummary is one instance as DescribeInstances lists it.
type InstanceSummary struct {
	// Zone is the ZoneId; Status is the API's (Running, Stopped…).
	ID, Name, Type, Zone, Status, ImageID string
	// PrivateIP is the first VPC address (the classic inner one for a
	// classic instance); PublicIP is the first public address, or the EIP.
	PrivateIP, PublicIP string
	Created             string // CreationTime as the API gives it
}

// VersionSummary is one version of a launch template
// (DescribeLaunchTemplateVersions).
type VersionSummary struct {
	Number int64
	// Default is true for the template's default version, the one
	// FromTemplate reads for version 0.
	Default                                     bool
	Description, Created, InstanceType, ImageID string
}

// Templates lists the region's launch templates, every page up to
// ListMax, sorted by name. A region without templates is an empty list.
func (r *Reader) Templates(ctx context.Context, region string) ([]TemplateSummary, error) {
	var out []TemplateSummary
	err := pages(ctx, func(page int) (int, int, error) {
		req := ecs.CreateDescribeLaunchTemplatesRequest()
		r.stamp(req)
		req.RegionId = region
		req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(templatesPage)
		resp, err := r.ecs.DescribeLaunchTemplates(req)
		if err != nil {
			return 0, 0, &CallError{Action: "DescribeLaunchTemplates", Region: region, Err: err}
		}
		for _, t := range resp.LaunchTemplateSets.LaunchTemplateSet {
			out = append(out, TemplateSummary{ID: t.LaunchTemplateId, Name: t.LaunchTemplateName,
				DefaultVersion: t.DefaultVersionNumber, LatestVersion: t.LatestVersionNumber, Modified: t.ModifiedTime})
		}
		return len(resp.LaunchTemplateSets.LaunchTemplateSet), resp.TotalCount, nil
	})
	if err != nil {
		return nil, err
	}
	out = capped(out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Versions lists a launch template's versions, every page up to ListMax,
// newest (highest number) first, the default one marked. An ID the region
// does not have is a *CallError (InvalidLaunchTemplate.NotFound).
func (r *Reader) Versions(ctx context.Context, region, templateID string) ([]VersionSummary, error) {
	if err := checkID("lt-", templateID); err != nil {
		return nil, err
	}
	var out []VersionSummary
	err := pages(ctx, func(page int) (int, int, error) {
		req := ecs.CreateDescribeLaunchTemplateVersionsRequest()
		r.stamp(req)
		// DetailFlag: without it ECS leaves out LaunchTemplateData, where
		// the instance type and image are.
		req.RegionId, req.LaunchTemplateId, req.DetailFlag = region, templateID, requests.NewBoolean(true)
		req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(versionsPage)
		resp, err := r.ecs.DescribeLaunchTemplateVersions(req)
		if err != nil {
			return 0, 0, &CallError{Action: "DescribeLaunchTemplateVersions", Region: region, Err: err}
		}
		for _, v := range resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet {
			out = append(out, VersionSummary{Number: v.VersionNumber, Default: v.DefaultVersion,
				Description: v.VersionDescription, Created: v.CreateTime,
				InstanceType: v.LaunchTemplateData.InstanceType, ImageID: v.LaunchTemplateData.ImageId})
		}
		return len(resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet), resp.TotalCount, nil
	})
	if err != nil {
		return nil, err
	}
	out = capped(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Number > out[j].Number })
	return out, nil
}

// Instances lists the region's instances, every page up to ListMax,
// newest first. DescribeInstances pages by NextToken, the scheme ECS
// prefers for it (docs/sdk-notes.md §8). CreationTime has minutes only,
// so instances made in the same minute are ordered by ID. A region
// without instances is an empty list.
func (r *Reader) Instances(ctx context.Context, region string) ([]InstanceSummary, error) {
	var out []InstanceSummary
	token := ""
	seen := map[string]bool{}
	for len(out) < ListMax {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		req := ecs.CreateDescribeInstancesRequest()
		r.stamp(req)
		req.RegionId, req.MaxResults, req.NextToken = region, requests.NewInteger(instancesPage), token
		resp, err := r.ecs.DescribeInstances(req)
		if err != nil {
			return nil, &CallError{Action: "DescribeInstances", Region: region, Err: err}
		}
		for _, in := range resp.Instances.Instance {
			out = append(out, instanceSummary(in))
		}
		// A token already used would loop for ever: an API answering so
		// has nothing more to give.
		token = resp.NextToken
		if token == "" || seen[token] || len(resp.Instances.Instance) == 0 {
			break
		}
		seen[token] = true
	}
	out = capped(out)
	sort.SliceStable(out, func(i, j int) bool { return newer(out[i], out[j]) })
	return out, nil
}

// instanceSummary takes from an instance what a picker shows.
func instanceSummary(in ecs.Instance) InstanceSummary {
	s := InstanceSummary{ID: in.InstanceId, Name: in.InstanceName, Type: in.InstanceType, Zone: in.ZoneId,
		Status: in.Status, ImageID: in.ImageId, Created: in.CreationTime}
	s.PrivateIP = first(in.VpcAttributes.PrivateIpAddress.IpAddress)
	if s.PrivateIP == "" {
		s.PrivateIP = first(in.InnerIpAddress.IpAddress)
	}
	s.PublicIP = first(in.PublicIpAddress.IpAddress)
	if s.PublicIP == "" {
		s.PublicIP = in.EipAddress.IpAddress
	}
	return s
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// newer orders a before b when a was created later, by ID when the
// minutes are the same; a time that does not parse sorts last.
func newer(a, b InstanceSummary) bool {
	ta, tb := created(a.Created), created(b.Created)
	if !ta.Equal(tb) {
		return ta.After(tb)
	}
	return a.ID > b.ID
}

// created parses CreationTime: ECS gives minutes ("2006-01-02T15:04Z");
// RFC 3339 is accepted in case it gives seconds.
func created(s string) time.Time {
	for _, layout := range []string{"2006-01-02T15:04Z", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// pages calls one PageNumber/PageSize page after another from 1, until a
// page is empty, TotalCount is reached or ListMax items are in; call
// returns the items it got and the TotalCount answered. A short page does
// not end the list: an API that caps PageSize lower than asked still
// answers the TotalCount.
func pages(ctx context.Context, call func(page int) (got, total int, err error)) error {
	have := 0
	for page := 1; have < ListMax; page++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		got, total, err := call(page)
		if err != nil {
			return err
		}
		have += got
		if got == 0 || have >= total {
			return nil
		}
	}
	return nil
}

// capped cuts a list to ListMax; the last page may have gone past it.
func capped[T any](list []T) []T {
	if len(list) > ListMax {
		return list[:ListMax]
	}
	if list == nil {
		return []T{}
	}
	return list
}
