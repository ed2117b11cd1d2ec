package provision

import (
	"context"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/retry"
)

// VPCSpec is a VPC to create (CreateVpc). CidrBlock is required here,
// although the API defaults it: SuggestVPCCIDR gives one that overlaps
// none of the region's VPCs.
type VPCSpec struct {
	RegionId    string
	CidrBlock   string
	VpcName     string
	Description string
}

// VSwitchSpec is a vSwitch to create (CreateVSwitch) in a VPC and zone.
type VSwitchSpec struct {
	RegionId    string
	VpcId       string
	ZoneId      string
	CidrBlock   string
	VSwitchName string
	Description string
	// VpcCidrBlock, when known, lets CidrBlock be checked against the VPC
	// before the call.
	VpcCidrBlock string
}

// NetworkSpec is a VPC with one vSwitch in a zone.
type NetworkSpec struct {
	VPC     VPCSpec
	VSwitch VSwitchSpec // its RegionId, VpcId and VpcCidrBlock come from VPC
}

// checkName applies the VpcName/VSwitchName rule (at most 128 characters,
// not starting with http:// or https://) and the Description rule (256).
func checkName(action, param, v string, max int) error {
	if len([]rune(v)) > max {
		return invalid(action, param, i18n.T("at most %d characters, not %d", max, len([]rune(v))))
	}
	if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
		return invalid(action, param, i18n.Text("may not start with http:// or https://"))
	}
	return nil
}

func setIf(m map[string]string, k, v string) {
	if v != "" {
		m[k] = v
	}
}

// CreateVPC creates a VPC and waits until it is Available. The VPC's
// record says created as soon as ECS answers its ID, even when the wait
// then fails: it exists.
func (p *Provisioner) CreateVPC(ctx context.Context, s VPCSpec) (Created, error) {
	if s.RegionId == "" {
		return Created{}, invalid("CreateVpc", "RegionId", i18n.Text("is required"))
	}
	if err := checkVPCCIDR(s.CidrBlock); err != nil {
		return Created{}, err
	}
	if err := checkName("CreateVpc", "VpcName", s.VpcName, 128); err != nil {
		return Created{}, err
	}
	if err := checkName("CreateVpc", "Description", s.Description, 256); err != nil {
		return Created{}, err
	}
	params := map[string]string{"CidrBlock": s.CidrBlock}
	setIf(params, "VpcName", s.VpcName)
	setIf(params, "Description", s.Description)
	c := Created{Kind: exporter.KindVPC, Region: s.RegionId, Token: p.o.NewToken(), Params: params}
	if err := p.begin(c.Kind, c.Region, c.Token, params); err != nil {
		return Created{}, err
	}
	resp, err := call(ctx, p, "CreateVpc", true, func() (*vpc.CreateVpcResponse, error) {
		req := vpc.CreateCreateVpcRequest()
		p.scheme(req)
		req.RegionId, req.CidrBlock, req.VpcName, req.Description, req.ClientToken = s.RegionId, s.CidrBlock, s.VpcName, s.Description, c.Token
		return p.vpc.CreateVpc(req)
	})
	if err != nil {
		return Created{}, p.done(c, err)
	}
	c.ID = resp.VpcId
	c.Facts = map[string]string{"VRouterId": resp.VRouterId, "RouteTableId": resp.RouteTableId}
	err = p.waitAvailable(ctx, "DescribeVpcs", i18n.T("VPC %s", c.ID), func() (string, error) {
		req := vpc.CreateDescribeVpcsRequest()
		p.scheme(req)
		req.RegionId, req.VpcId = s.RegionId, c.ID
		r, err := p.vpc.DescribeVpcs(req)
		if err != nil || len(r.Vpcs.Vpc) == 0 {
			return "", err
		}
		return r.Vpcs.Vpc[0].Status, nil
	})
	return c, p.done(c, err)
}

// CreateVSwitch creates a vSwitch in a VPC's zone and waits until it is
// Available.
func (p *Provisioner) CreateVSwitch(ctx context.Context, s VSwitchSpec) (Created, error) {
	for _, f := range [][2]string{{"RegionId", s.RegionId}, {"VpcId", s.VpcId}, {"ZoneId", s.ZoneId}} {
		if f[1] == "" {
			return Created{}, invalid("CreateVSwitch", f[0], i18n.Text("is required"))
		}
	}
	if err := checkVSwitchCIDR(s.CidrBlock, s.VpcCidrBlock); err != nil {
		return Created{}, err
	}
	if err := checkName("CreateVSwitch", "VSwitchName", s.VSwitchName, 128); err != nil {
		return Created{}, err
	}
	if err := checkName("CreateVSwitch", "Description", s.Description, 256); err != nil {
		return Created{}, err
	}
	params := map[string]string{"VpcId": s.VpcId, "ZoneId": s.ZoneId, "CidrBlock": s.CidrBlock}
	setIf(params, "VSwitchName", s.VSwitchName)
	setIf(params, "Description", s.Description)
	c := Created{Kind: exporter.KindVSwitch, Region: s.RegionId, Token: p.o.NewToken(), Params: params}
	if err := p.begin(c.Kind, c.Region, c.Token, params); err != nil {
		return Created{}, err
	}
	resp, err := call(ctx, p, "CreateVSwitch", true, func() (*vpc.CreateVSwitchResponse, error) {
		req := vpc.CreateCreateVSwitchRequest()
		p.scheme(req)
		req.RegionId, req.VpcId, req.ZoneId, req.CidrBlock = s.RegionId, s.VpcId, s.ZoneId, s.CidrBlock
		req.VSwitchName, req.Description, req.ClientToken = s.VSwitchName, s.Description, c.Token
		return p.vpc.CreateVSwitch(req)
	})
	if err != nil {
		return Created{}, p.done(c, err)
	}
	c.ID = resp.VSwitchId
	err = p.waitAvailable(ctx, "DescribeVSwitches", i18n.T("vSwitch %s", c.ID), func() (string, error) {
		req := vpc.CreateDescribeVSwitchesRequest()
		p.scheme(req)
		req.RegionId, req.VSwitchId = s.RegionId, c.ID
		r, err := p.vpc.DescribeVSwitches(req)
		if err != nil || len(r.VSwitches.VSwitch) == 0 {
			return "", err
		}
		return r.VSwitches.VSwitch[0].Status, nil
	})
	return c, p.done(c, err)
}

// CreateNetwork creates a VPC, waits for it, then a vSwitch in it. When
// the vSwitch fails, the VPC is returned with the error: it exists (and is
// recorded), so the caller can offer to use or clean it up.
func (p *Provisioner) CreateNetwork(ctx context.Context, s NetworkSpec) (vpcRes, vsw Created, err error) {
	vpcRes, err = p.CreateVPC(ctx, s.VPC)
	if err != nil {
		return vpcRes, Created{}, err
	}
	s.VSwitch.RegionId, s.VSwitch.VpcId, s.VSwitch.VpcCidrBlock = s.VPC.RegionId, vpcRes.ID, s.VPC.CidrBlock
	vsw, err = p.CreateVSwitch(ctx, s.VSwitch)
	if err != nil {
		return vpcRes, Created{}, i18n.Errorf("%w (VPC %s was created and is kept: use it, or delete it with aliyun vpc DeleteVpc --RegionId %s --VpcId %s)",
			err, vpcRes.ID, s.VPC.RegionId, vpcRes.ID)
	}
	return vpcRes, vsw, nil
}

// waitAvailable polls a new VPC's or vSwitch's status until it is
// Available, for at most Options.Timeout. A poll that fails is retried at
// the next one: the resource exists whatever one Describe answers.
func (p *Provisioner) waitAvailable(ctx context.Context, action, what string, status func() (string, error)) error {
	ctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
	defer cancel()
	last := i18n.Text("not listed yet")
	for {
		st, err := status()
		switch {
		case err == nil && st == "Available":
			return nil
		case err == nil && st != "":
			last = st
		case err != nil:
			last = i18n.T("unknown (%s)", apiFailure(action, err).Error())
		}
		if werr := retry.Sleep(ctx, p.o.PollInterval); werr != nil {
			return &Error{Action: action, Message: i18n.T("%s was created but is not Available after %s (status %s): it may still become so; check with %s",
				what, p.o.Timeout.Round(time.Second).String(), last, action), Err: werr}
		}
	}
}
