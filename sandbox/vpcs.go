package sandbox

import (
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// The VPC API's answers for bad CreateVpc/CreateVSwitch input (its error
// tables, VPC 2016-04-28), and RunInstances' for a vSwitch not yet ready.
var (
	errVpcCidr  = &apiError{http.StatusBadRequest, "InvalidParameter", "Specified CIDR block is not valid."}
	errVpcName  = &apiError{http.StatusBadRequest, "InvalidVpcName.Malformed", "Specified VPC name is not valid."}
	errVpcDesc  = &apiError{http.StatusBadRequest, "InvalidVpcDiscription.Malformed", "Specified VPC description is not valid."}
	errVpcQuota = &apiError{http.StatusBadRequest, "QuotaExceeded.Vpc",
		fmt.Sprintf("VPC quota exceeded: a region holds %d VPCs besides the default one.", customVPCQuota)}
	errVpcStatus  = &apiError{http.StatusBadRequest, "IncorrectVpcStatus", "Current VPC status does not support this operation."}
	errVpcMissing = &apiError{http.StatusNotFound, "InvalidVpcId.NotFound", "Specified VPC does not exist."}
	errVswName    = &apiError{http.StatusBadRequest, "InvalidVSwitchName.Malformed", "Specified virtual switch name is not valid."}
	errVswDesc    = &apiError{http.StatusBadRequest, "InvalidDescription.Malformed", "Invalid description."}
	errVswCidr    = &apiError{http.StatusBadRequest, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid."}
	// The API spells this code so.
	errVswMask = &apiError{http.StatusBadRequest, "InvalidCirdrBlock.MaskLength",
		"Specified CIDR block is not valid: the mask of a vSwitch CIDR block is 16 to 29 bits."}
	errVswOutside = &apiError{http.StatusBadRequest, "InvalidParameter", "Specified CIDR block is not valid in VPC."}
	errVswQuota   = &apiError{http.StatusBadRequest, "QuotaExceeded.VSwitch",
		fmt.Sprintf("Virtual switch quota exceeded: a VPC holds %d vSwitches.", vSwitchQuota)}
	errVswBusy = &apiError{http.StatusBadRequest, "OperationDenied.OtherSubnetCreating",
		"The operation is not allowed because the other VSwitch is creating."}
	errZoneMissing   = &apiError{http.StatusNotFound, "InvalidZoneId.NotFound", "Specified zone does not exist."}
	errVSwitchStatus = &apiError{http.StatusBadRequest, "IncorrectVSwitchStatus", "The current status of virtual switch does not support this operation."}
)

// reservedRanges may not hold a VPC (CreateVpc's CidrBlock).
var reservedRanges = []netip.Prefix{netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("224.0.0.0/4"),
	netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("169.254.0.0/16")}

// defaultVpcCidr is CreateVpc's CidrBlock when none is given.
const defaultVpcCidr = "172.16.0.0/12"

// checkNetName applies the VpcName/VSwitchName rule (1–128 characters, not
// starting with http:// or https://) and the Description rule (1–256).
func checkNetName(name string, max int) bool {
	return name == "" || (len([]rune(name)) <= max && !hasScheme(name))
}

// parseCidr reads an IPv4 network in CIDR form whose address is the
// network's own (10.0.0.0/16, not 10.0.0.1/16).
func parseCidr(s string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(strings.TrimSpace(s))
	if err != nil || !p.Addr().Is4() || p != p.Masked() {
		return netip.Prefix{}, false
	}
	return p, true
}

func (c *call) createVpc() (any, error) {
	cidr := orDefault(c.p.Get("CidrBlock"), defaultVpcCidr)
	p, ok := parseCidr(cidr)
	if !ok || p.Bits() < 8 || p.Bits() > 28 {
		return nil, errVpcCidr
	}
	for _, r := range reservedRanges {
		if r.Overlaps(p) {
			return nil, errVpcCidr
		}
	}
	if !checkNetName(c.p.Get("VpcName"), 128) {
		return nil, errVpcName
	}
	if !checkNetName(c.p.Get("Description"), 256) {
		return nil, errVpcDesc
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if ids, ok, err := c.replay("CreateVpc"); err != nil || ok {
		if err != nil {
			return nil, err
		}
		return c.vpcResponse(ids[0]), nil
	}
	custom := 0
	for _, v := range c.s.vpcsIn(c.region.RegionId) {
		if !v.IsDefault {
			custom++
		}
	}
	if custom >= customVPCQuota {
		return nil, errVpcQuota
	}
	now := time.Now().UTC()
	c.s.mu.Lock()
	id, seq := c.newID("vpc", cidr)
	v := &madeVPC{VPC: world.VPC{VpcId: id, VpcName: c.p.Get("VpcName"), CidrBlock: p.String(),
		VRouterId: world.ID("vrt", c.region.Code, id), Description: c.p.Get("Description"),
		CreationTime: now.Format(timeLayout), RegionId: c.region.RegionId}, Seq: seq, Created: now}
	c.s.madeState().VPCs[id] = v
	c.remember("CreateVpc", id)
	c.s.mu.Unlock()
	if err := c.commitMade(); err != nil {
		return nil, err
	}
	return c.vpcResponse(id), nil
}

func (c *call) vpcResponse(id string) *vpc.CreateVpcResponse {
	return &vpc.CreateVpcResponse{RequestId: c.requestID, VpcId: id, VRouterId: world.ID("vrt", c.region.Code, id),
		RouteTableId: world.ID("vtb", c.region.Code, id), ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId)}
}

func (c *call) createVSwitch() (any, error) {
	for _, k := range []string{"ZoneId", "CidrBlock", "VpcId"} {
		if c.p.Get(k) == "" {
			return nil, errMissing(k)
		}
	}
	if !checkNetName(c.p.Get("VSwitchName"), 128) {
		return nil, errVswName
	}
	if !checkNetName(c.p.Get("Description"), 256) {
		return nil, errVswDesc
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if ids, ok, err := c.replay("CreateVSwitch"); err != nil || ok {
		if err != nil {
			return nil, err
		}
		return &vpc.CreateVSwitchResponse{RequestId: c.requestID, VSwitchId: ids[0]}, nil
	}
	p, err := c.vSwitchPlace()
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	c.s.mu.Lock()
	id, seq := c.newID("vsw", p.String())
	c.s.madeState().VSwitches[id] = &madeVSwitch{VSwitch: world.VSwitch{VSwitchId: id, VSwitchName: c.p.Get("VSwitchName"),
		VpcId: c.p.Get("VpcId"), ZoneId: c.p.Get("ZoneId"), CidrBlock: p.String(), CreationTime: now.Format(timeLayout)},
		RegionId: c.region.RegionId, Description: c.p.Get("Description"), Seq: seq, Created: now}
	c.remember("CreateVSwitch", id)
	c.s.mu.Unlock()
	if err := c.commitMade(); err != nil {
		return nil, err
	}
	return &vpc.CreateVSwitchResponse{RequestId: c.requestID, VSwitchId: id}, nil
}

// vSwitchPlace checks where a new vSwitch goes, in the VPC API's order:
// the VPC and its status, the zone, the CIDR block (form, mask, inside the
// VPC, no overlap with the VPC's other vSwitches), then the quota.
func (c *call) vSwitchPlace() (netip.Prefix, error) {
	region := c.region.RegionId
	v, ok := c.s.findVPC(region, c.p.Get("VpcId"))
	if !ok {
		return netip.Prefix{}, errVpcMissing
	}
	if v.Status != statusAvailable {
		return netip.Prefix{}, errVpcStatus
	}
	if _, ok := c.s.world.Zone(region, c.p.Get("ZoneId")); !ok {
		return netip.Prefix{}, errZoneMissing
	}
	p, ok := parseCidr(c.p.Get("CidrBlock"))
	if !ok {
		return netip.Prefix{}, errVswCidr
	}
	if p.Bits() < 16 || p.Bits() > 29 {
		return netip.Prefix{}, errVswMask
	}
	vpcNet := netip.MustParsePrefix(v.CidrBlock)
	if !vpcNet.Contains(p.Addr()) || p.Bits() < vpcNet.Bits() {
		return netip.Prefix{}, errVswOutside
	}
	n := 0
	for _, o := range c.s.vswitchesIn(region) {
		if o.VpcId != v.VpcId {
			continue
		}
		n++
		if o.Status != statusAvailable {
			return netip.Prefix{}, errVswBusy
		}
		if netip.MustParsePrefix(o.CidrBlock).Overlaps(p) {
			return netip.Prefix{}, &apiError{http.StatusBadRequest, "InvalidCidrBlock.Overlapped",
				fmt.Sprintf("Specified CIDR block overlapped with other subnets: %s of %s.", o.CidrBlock, o.VSwitchId)}
		}
	}
	if n >= vSwitchQuota {
		return netip.Prefix{}, errVswQuota
	}
	return p, nil
}
