package provision

import (
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// FromRecord is a history record of a creation as a Created.
func FromRecord(r launcher.Resource) Created {
	return Created{Kind: r.Kind, Region: r.Region, ID: r.ID, Token: r.Token, Params: r.Params, Facts: r.Facts}
}

// Resource is the created network piece or key pair as an export takes it
// (exporter.Options.Created), so the export creates it again.
func (c Created) Resource() exporter.Resource {
	params := map[string]string{}
	for k, v := range c.Params {
		params[k] = v
	}
	return exporter.Resource{Kind: c.Kind, ID: c.ID, Params: params}
}

// exportKinds are the kinds an export can create.
var exportKinds = map[string]bool{exporter.KindVPC: true, exporter.KindVSwitch: true,
	exporter.KindSecurityGroup: true, exporter.KindKeyPair: true}

// CreatedFor picks, from what was created (the wizard's list, or the
// history's records as FromRecord gives them), the resources the request
// uses — its vSwitch, security groups and key pair, by the IDs it names,
// and the VPCs those belong to — as exports take them. Nothing else links
// a request to what was created for it, so a launch file stays as it is.
func CreatedFor(req *request.Request, all []Created) []exporter.Resource {
	region := req.Get("RegionId")
	named := map[string]bool{}
	for _, p := range req.Params() {
		switch pat := request.PatternOf(p.Name); {
		case pat == "VSwitchId", pat == "SecurityGroupId", pat == "SecurityGroupIds.N", pat == "KeyPairName",
			strings.HasPrefix(pat, "NetworkInterface.N.") && (strings.HasSuffix(pat, ".VSwitchId") || strings.Contains(pat, ".SecurityGroupId")):
			named[p.Value] = true
		}
	}
	var picked []Created
	vpcs := map[string]bool{}
	for _, c := range all {
		if exportKinds[c.Kind] && c.Kind != exporter.KindVPC && c.ID != "" && !c.Existing && named[c.ID] && (region == "" || c.Region == region) {
			picked = append(picked, c)
			if v := c.Params["VpcId"]; v != "" {
				vpcs[v] = true
			}
		}
	}
	var out []exporter.Resource
	for _, c := range all {
		if c.Kind == exporter.KindVPC && vpcs[c.ID] && (region == "" || c.Region == region) {
			out = append(out, c.Resource())
		}
	}
	for _, c := range picked {
		out = append(out, c.Resource())
	}
	return out
}

// Version is a saved template version's number, 0 when unknown.
func (c Created) Version() int64 {
	n, _ := strconv.ParseInt(c.Facts["LaunchTemplateVersionNumber"], 10, 64)
	return n
}
