package sandbox

import (
	"strconv"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

func itoa(n int) string { return strconv.Itoa(n) }

// Page-size maxima (docs/sdk-notes.md §8, docs/api-shapes.md §8-11).
const (
	securityGroupsTokenMax = 100
	legacyPageMax          = 50
)

func (c *call) describeSecurityGroups() (any, error) {
	var pg page
	var err error
	if c.p.Get("MaxResults") != "" || c.p.Get("NextToken") != "" {
		pg, err = c.p.tokenParams(10, securityGroupsTokenMax)
	} else {
		pg, err = c.p.pageParams(10, legacyPageMax)
	}
	if err != nil {
		return nil, err
	}
	ids, err := c.p.jsonList("SecurityGroupIds")
	if err != nil {
		return nil, err
	}
	want := setOf(append(ids, c.p.Get("SecurityGroupId")))
	delete(want, "")
	vpcID, name, typ := c.p.Get("VpcId"), c.p.Get("SecurityGroupName"), c.p.Get("SecurityGroupType")
	var all []groupView
	for _, g := range c.s.groupsIn(c.region.RegionId) {
		if (len(want) == 0 || want[g.SecurityGroupId]) && (vpcID == "" || vpcID == g.VpcId) &&
			(name == "" || name == g.SecurityGroupName) && (typ == "" || typ == g.SecurityGroupType) {
			all = append(all, g)
		}
	}
	// EcsCount and AvailableInstanceAmount are valid only when asked for
	// (docs/api-shapes.md §8); unasked they are 0, as a client must not rely
	// on them then.
	counts, err := c.p.boolParam("IsQueryEcsCount", false)
	if err != nil {
		return nil, err
	}
	from, to, next := pg.cut(len(all))
	resp := &ecs.DescribeSecurityGroupsResponse{RequestId: c.requestID, RegionId: c.region.RegionId, TotalCount: len(all),
		PageNumber: pg.Number, PageSize: pg.Size, NextToken: next}
	resp.SecurityGroups.SecurityGroup = make([]ecs.SecurityGroup, 0, to-from)
	for _, g := range all[from:to] {
		n, avail := 0, 0
		if counts {
			n = c.s.sgCount(c.region.RegionId, g.SecurityGroup)
			avail = max(g.Capacity-n, 0)
		}
		tags := ecs.TagsInDescribeSecurityGroups{Tag: []ecs.Tag{}}
		for _, kv := range g.Tags {
			tags.Tag = append(tags.Tag, ecs.Tag{TagKey: kv[0], TagValue: kv[1]})
		}
		resp.SecurityGroups.SecurityGroup = append(resp.SecurityGroups.SecurityGroup, ecs.SecurityGroup{
			SecurityGroupId: g.SecurityGroupId, SecurityGroupName: g.SecurityGroupName, Description: g.Description,
			SecurityGroupType: g.SecurityGroupType, VpcId: g.VpcId, CreationTime: g.CreationTime,
			EcsCount: n, AvailableInstanceAmount: avail, RuleCount: len(g.Rules), Tags: tags,
		})
	}
	return resp, nil
}

// sgCount is the number of instances in a security group: the preloaded
// outside ones plus the sandbox's own.
func (s *Server) sgCount(regionID string, g world.SecurityGroup) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := g.Preloaded
	for _, in := range s.st.Instances {
		if in.RegionId != regionID {
			continue
		}
		for _, id := range in.SecurityGroupIds {
			if id == g.SecurityGroupId {
				n++
			}
		}
	}
	return n
}

// freeIPs is the number of free addresses in a vSwitch.
func (s *Server) freeIPs(regionID string, v world.VSwitch) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := v.Usable()
	for _, in := range s.st.Instances {
		if in.RegionId == regionID && in.VSwitchId == v.VSwitchId {
			n--
		}
	}
	return n
}

// vpcMatches filters VPCs by VpcId, IsDefault and VpcName.
func (c *call) vpcs() ([]vpcView, page, error) {
	pg, err := c.p.pageParams(10, legacyPageMax)
	if err != nil {
		return nil, pg, err
	}
	id, name, isDef := c.p.Get("VpcId"), c.p.Get("VpcName"), c.p.Get("IsDefault")
	var all []vpcView
	for _, v := range c.s.vpcsIn(c.region.RegionId) {
		if (id == "" || id == v.VpcId) && (name == "" || name == v.VpcName) && (isDef == "" || isDef == strconv.FormatBool(v.IsDefault)) {
			all = append(all, v)
		}
	}
	from, to, _ := pg.cut(len(all))
	return all[from:to], withTotal(pg, len(all)), nil
}

// withTotal keeps the total in Offset's place for the response; pages of
// the PageNumber style echo it as TotalCount.
func withTotal(pg page, total int) page { pg.Offset = total; return pg }

func (c *call) vSwitchIDs(vpcID string) []string {
	var out []string
	for _, v := range c.s.vswitchesIn(c.region.RegionId) {
		if v.VpcId == vpcID {
			out = append(out, v.VSwitchId)
		}
	}
	return out
}

func (c *call) describeVpcsECS() (any, error) {
	list, pg, err := c.vpcs()
	if err != nil {
		return nil, err
	}
	resp := &ecs.DescribeVpcsResponse{RequestId: c.requestID, TotalCount: pg.Offset, PageNumber: pg.Number, PageSize: pg.Size}
	resp.Vpcs.Vpc = make([]ecs.Vpc, 0, len(list))
	for _, v := range list {
		resp.Vpcs.Vpc = append(resp.Vpcs.Vpc, ecs.Vpc{VpcId: v.VpcId, VpcName: v.VpcName, CidrBlock: v.CidrBlock,
			VRouterId: v.VRouterId, Description: v.Description, CreationTime: v.CreationTime, IsDefault: v.IsDefault,
			RegionId: v.RegionId, Status: v.Status, VSwitchIds: ecs.VSwitchIds{VSwitchId: c.vSwitchIDs(v.VpcId)},
			UserCidrs: ecs.UserCidrs{UserCidr: []string{}}})
	}
	return resp, nil
}

func (c *call) describeVpcsVPC() (any, error) {
	list, pg, err := c.vpcs()
	if err != nil {
		return nil, err
	}
	resp := &vpc.DescribeVpcsResponse{RequestId: c.requestID, TotalCount: pg.Offset, PageNumber: pg.Number, PageSize: pg.Size}
	resp.Vpcs.Vpc = make([]vpc.Vpc, 0, len(list))
	for _, v := range list {
		resp.Vpcs.Vpc = append(resp.Vpcs.Vpc, vpc.Vpc{VpcId: v.VpcId, VpcName: v.VpcName, CidrBlock: v.CidrBlock,
			VRouterId: v.VRouterId, Description: v.Description, CreationTime: v.CreationTime, IsDefault: v.IsDefault,
			RegionId: v.RegionId, Status: v.Status, ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId),
			DhcpOptionsSetStatus: "Available", CenStatus: "Detached", DnsHostnameStatus: "DISABLED", NetworkAclNum: "0",
			VSwitchIds:     vpc.VSwitchIdsInDescribeVpcs{VSwitchId: c.vSwitchIDs(v.VpcId)},
			UserCidrs:      vpc.UserCidrsInDescribeVpcs{UserCidr: []string{}},
			RouterTableIds: vpc.RouterTableIds{RouterTableIds: []string{world.ID("vtb", c.region.Code, v.VpcId)}},
			NatGatewayIds:  vpc.NatGatewayIds{NatGatewayIds: []string{}},
			Tags:           vpc.TagsInDescribeVpcs{Tag: []vpc.Tag{}},
		})
	}
	return resp, nil
}

// vSwitches filters vSwitches by VpcId, VSwitchId, ZoneId, IsDefault and VSwitchName.
func (c *call) vSwitches() ([]vswView, page, error) {
	pg, err := c.p.pageParams(10, legacyPageMax)
	if err != nil {
		return nil, pg, err
	}
	vpcID, id, zone, name, isDef := c.p.Get("VpcId"), c.p.Get("VSwitchId"), c.p.Get("ZoneId"), c.p.Get("VSwitchName"), c.p.Get("IsDefault")
	var all []vswView
	for _, v := range c.s.vswitchesIn(c.region.RegionId) {
		if (vpcID == "" || vpcID == v.VpcId) && (id == "" || id == v.VSwitchId) && (zone == "" || zone == v.ZoneId) &&
			(name == "" || name == v.VSwitchName) && (isDef == "" || isDef == strconv.FormatBool(v.IsDefault)) {
			all = append(all, v)
		}
	}
	from, to, _ := pg.cut(len(all))
	return all[from:to], withTotal(pg, len(all)), nil
}

func (c *call) describeVSwitchesECS() (any, error) {
	list, pg, err := c.vSwitches()
	if err != nil {
		return nil, err
	}
	resp := &ecs.DescribeVSwitchesResponse{RequestId: c.requestID, TotalCount: pg.Offset, PageNumber: pg.Number, PageSize: pg.Size}
	resp.VSwitches.VSwitch = make([]ecs.VSwitch, 0, len(list))
	for _, v := range list {
		resp.VSwitches.VSwitch = append(resp.VSwitches.VSwitch, ecs.VSwitch{VSwitchId: v.VSwitchId, VSwitchName: v.VSwitchName,
			VpcId: v.VpcId, ZoneId: v.ZoneId, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault, Status: v.Status,
			CreationTime: v.CreationTime, AvailableIpAddressCount: int64(c.s.freeIPs(c.region.RegionId, v.VSwitch)),
			ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId), Description: v.Description})
	}
	return resp, nil
}

func (c *call) describeVSwitchesVPC() (any, error) {
	list, pg, err := c.vSwitches()
	if err != nil {
		return nil, err
	}
	resp := &vpc.DescribeVSwitchesResponse{RequestId: c.requestID, TotalCount: pg.Offset, PageNumber: pg.Number, PageSize: pg.Size}
	resp.VSwitches.VSwitch = make([]vpc.VSwitch, 0, len(list))
	for _, v := range list {
		resp.VSwitches.VSwitch = append(resp.VSwitches.VSwitch, vpc.VSwitch{VSwitchId: v.VSwitchId, VSwitchName: v.VSwitchName,
			VpcId: v.VpcId, ZoneId: v.ZoneId, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault, Status: v.Status,
			CreationTime: v.CreationTime, AvailableIpAddressCount: int64(c.s.freeIPs(c.region.RegionId, v.VSwitch)),
			ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId), ShareType: "Sharing", Description: v.Description,
			NetworkAclId: "", RouteTable: vpc.RouteTable{RouteTableId: world.ID("vtb", c.region.Code, v.VpcId), RouteTableType: "System"},
			Tags: vpc.TagsInDescribeVSwitches{Tag: []vpc.Tag{}}})
	}
	return resp, nil
}

func (c *call) describeKeyPairs() (any, error) {
	pg, err := c.p.pageParams(10, legacyPageMax)
	if err != nil {
		return nil, err
	}
	name, fp := c.p.Get("KeyPairName"), c.p.Get("KeyPairFingerPrint")
	var all []world.KeyPair
	for _, k := range c.s.keyPairsIn(c.region.RegionId) {
		if (name == "" || wildcard(name, k.KeyPairName)) && (fp == "" || fp == k.KeyPairFingerPrint) {
			all = append(all, k)
		}
	}
	from, to, _ := pg.cut(len(all))
	resp := &ecs.DescribeKeyPairsResponse{RequestId: c.requestID, TotalCount: len(all), PageNumber: pg.Number, PageSize: pg.Size}
	resp.KeyPairs.KeyPair = make([]ecs.KeyPair, 0, to-from)
	for _, k := range all[from:to] {
		resp.KeyPairs.KeyPair = append(resp.KeyPairs.KeyPair, ecs.KeyPair{KeyPairName: k.KeyPairName,
			KeyPairFingerPrint: k.KeyPairFingerPrint, CreationTime: k.CreationTime,
			ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId), Tags: ecs.TagsInDescribeKeyPairs{Tag: []ecs.Tag{}}})
	}
	return resp, nil
}
