package sandbox

import (
	"sort"
	"strconv"
	"time"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// made is what the sandbox's own create actions added to its immutable
// world: VPCs, vSwitches, security groups and their rules, key pairs, the
// disks of the instances it launched, and the ClientTokens of those
// creations. It lives in the state file beside the instances; it never
// holds a private key (CreateKeyPair returns it once, as ECS does).
type made struct {
	VPCs      map[string]*madeVPC     `json:"vpcs,omitempty"`
	VSwitches map[string]*madeVSwitch `json:"vswitches,omitempty"`
	Groups    map[string]*madeGroup   `json:"groups,omitempty"`
	// Rules are the rules authorized on the world's own groups, by group ID
	// (a made group keeps its rules itself).
	Rules    map[string][]world.Rule `json:"rules,omitempty"`
	KeyPairs map[string]*madeKeyPair `json:"keyPairs,omitempty"` // by region + "/" + name
	Disks    map[string]*disk        `json:"disks,omitempty"`
	// Tokens maps action + "/" + region + "/" + ClientToken to the result.
	Tokens map[string]*madeToken `json:"tokens,omitempty"`
}

// madeVPC is a VPC made by CreateVpc; it is Pending until settled.
type madeVPC struct {
	world.VPC
	Seq     uint64    `json:"Seq"`
	Created time.Time `json:"Created"`
}

// madeVSwitch is a vSwitch made by CreateVSwitch.
type madeVSwitch struct {
	world.VSwitch
	RegionId    string    `json:"RegionId"`
	Description string    `json:"Description,omitempty"`
	Seq         uint64    `json:"Seq"`
	Created     time.Time `json:"Created"`
}

// madeGroup is a security group made by CreateSecurityGroup.
type madeGroup struct {
	world.SecurityGroup
	RegionId string      `json:"RegionId"`
	Tags     [][2]string `json:"Tags,omitempty"`
	Seq      uint64      `json:"Seq"`
}

// madeKeyPair is a key pair made by ImportKeyPair or CreateKeyPair: its
// name and fingerprint only.
type madeKeyPair struct {
	world.KeyPair
	RegionId  string `json:"RegionId"`
	KeyPairId string `json:"KeyPairId"`
	Seq       uint64 `json:"Seq"`
}

// madeToken is a committed create call, replayed for the same ClientToken
// and parameters.
type madeToken struct {
	ParamsHash string   `json:"paramsHash"`
	IDs        []string `json:"ids"`
}

// madeState returns the state's made part, creating it on first use (a
// state file from before it existed has none). s.mu must be held.
func (s *Server) madeState() *made {
	m := s.st.Made
	if m == nil {
		m = &made{}
		s.st.Made = m
	}
	if m.VPCs == nil {
		m.VPCs = map[string]*madeVPC{}
	}
	if m.VSwitches == nil {
		m.VSwitches = map[string]*madeVSwitch{}
	}
	if m.Groups == nil {
		m.Groups = map[string]*madeGroup{}
	}
	if m.Rules == nil {
		m.Rules = map[string][]world.Rule{}
	}
	if m.KeyPairs == nil {
		m.KeyPairs = map[string]*madeKeyPair{}
	}
	if m.Disks == nil {
		m.Disks = map[string]*disk{}
	}
	if m.Tokens == nil {
		m.Tokens = map[string]*madeToken{}
	}
	return m
}

// The status of a VPC or vSwitch as DescribeVpcs/DescribeVSwitches report it.
const (
	statusAvailable  = "Available"
	statusNetPending = "Pending"
)

// The sandbox's quotas: the documented defaults of a new account.
const (
	customVPCQuota   = 10  // custom VPCs per region; the default VPC does not count
	vSwitchQuota     = 150 // vSwitches per VPC
	securityGroupMax = 100 // security groups per region
	keyPairQuota     = 500 // key pairs per region
	rulesPerGroup    = 200 // rules per security group
	templateVersions = 30  // versions per launch template
)

// netPendingDivisor: a new VPC or vSwitch is Pending for BootTime / 3.
const netPendingDivisor = 3

// netStatus is a made VPC's or vSwitch's status: Pending for the first
// third of BootTime (as long as a new instance is Pending), then Available.
func (s *Server) netStatus(created, now time.Time) string {
	if now.Sub(created) < s.opts.BootTime/netPendingDivisor {
		return statusNetPending
	}
	return statusAvailable
}

// vpcView is a VPC with its current status.
type vpcView struct {
	world.VPC
	Status string
}

// vpcsIn lists the region's VPCs: the world's, then the made ones in the
// order they were made.
func (s *Server) vpcsIn(regionID string) []vpcView {
	var out []vpcView
	for _, v := range s.world.Network(regionID).VPCs {
		out = append(out, vpcView{v, statusAvailable})
	}
	now := time.Now()
	s.mu.Lock()
	var mine []*madeVPC
	for _, v := range s.madeState().VPCs {
		if v.RegionId == regionID {
			mine = append(mine, v)
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].Seq < mine[j].Seq })
	for _, v := range mine {
		out = append(out, vpcView{v.VPC, s.netStatus(v.Created, now)})
	}
	s.mu.Unlock()
	return out
}

// findVPC finds a VPC of the region, world or made.
func (s *Server) findVPC(regionID, id string) (vpcView, bool) {
	for _, v := range s.vpcsIn(regionID) {
		if v.VpcId == id {
			return v, true
		}
	}
	return vpcView{}, false
}

// vswView is a vSwitch with its status and description.
type vswView struct {
	world.VSwitch
	Status, Description string
}

// vswitchesIn lists the region's vSwitches, world then made.
func (s *Server) vswitchesIn(regionID string) []vswView {
	var out []vswView
	for _, v := range s.world.Network(regionID).VSwitches {
		out = append(out, vswView{v, statusAvailable, ""})
	}
	now := time.Now()
	s.mu.Lock()
	var mine []*madeVSwitch
	for _, v := range s.madeState().VSwitches {
		if v.RegionId == regionID {
			mine = append(mine, v)
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].Seq < mine[j].Seq })
	for _, v := range mine {
		out = append(out, vswView{v.VSwitch, s.netStatus(v.Created, now), v.Description})
	}
	s.mu.Unlock()
	return out
}

// findVSwitch finds a vSwitch of the region, world or made.
func (s *Server) findVSwitch(regionID, id string) (vswView, bool) {
	for _, v := range s.vswitchesIn(regionID) {
		if v.VSwitchId == id {
			return v, true
		}
	}
	return vswView{}, false
}

// groupView is a security group with the rules authorized on it since and
// its tags.
type groupView struct {
	world.SecurityGroup
	Tags [][2]string
}

// groupsIn lists the region's security groups, world then made, each with
// every rule it has.
func (s *Server) groupsIn(regionID string) []groupView {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.madeState()
	var out []groupView
	for _, g := range s.world.Network(regionID).SecurityGroups {
		g.Rules = append(append([]world.Rule{}, g.Rules...), m.Rules[g.SecurityGroupId]...)
		out = append(out, groupView{SecurityGroup: g})
	}
	var mine []*madeGroup
	for _, g := range m.Groups {
		if g.RegionId == regionID {
			mine = append(mine, g)
		}
	}
	sort.Slice(mine, func(i, j int) bool { return mine[i].Seq < mine[j].Seq })
	for _, g := range mine {
		sg := g.SecurityGroup
		sg.Rules = append([]world.Rule{}, sg.Rules...)
		out = append(out, groupView{sg, append([][2]string{}, g.Tags...)})
	}
	return out
}

// findGroup finds a security group of the region, world or made.
func (s *Server) findGroup(regionID, id string) (groupView, bool) {
	for _, g := range s.groupsIn(regionID) {
		if g.SecurityGroupId == id {
			return g, true
		}
	}
	return groupView{}, false
}

// keyPairsIn lists the region's key pairs, world then made.
func (s *Server) keyPairsIn(regionID string) []world.KeyPair {
	out := append([]world.KeyPair{}, s.world.Network(regionID).KeyPairs...)
	s.mu.Lock()
	var mine []*madeKeyPair
	for _, k := range s.madeState().KeyPairs {
		if k.RegionId == regionID {
			mine = append(mine, k)
		}
	}
	s.mu.Unlock()
	sort.Slice(mine, func(i, j int) bool { return mine[i].Seq < mine[j].Seq })
	for _, k := range mine {
		out = append(out, k.KeyPair)
	}
	return out
}

// findKeyPair finds a key pair of the region by name.
func (s *Server) findKeyPair(regionID, name string) (world.KeyPair, bool) {
	for _, k := range s.keyPairsIn(regionID) {
		if k.KeyPairName == name {
			return k, true
		}
	}
	return world.KeyPair{}, false
}

// tokenKey is where a create call's ClientToken is remembered.
func (c *call) tokenKey(action string) string {
	return action + "/" + c.region.RegionId + "/" + c.p.Get("ClientToken")
}

// requestHash identifies the call's parameters for ClientToken matching.
func (c *call) requestHash() string {
	m := map[string]string{}
	for _, kv := range c.p.actionParams() {
		if kv[0] != "DryRun" {
			m[kv[0]] = kv[1]
		}
	}
	return paramsHash(m)
}

// replay answers a create call whose ClientToken was used before: the IDs
// it made with the same parameters, IdempotentParameterMismatch with other
// ones. ok is false when the token is new (or absent). s.runMu must be held.
func (c *call) replay(action string) (ids []string, ok bool, err error) {
	if c.p.Get("ClientToken") == "" {
		return nil, false, nil
	}
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	t, found := c.s.madeState().Tokens[c.tokenKey(action)]
	if !found {
		return nil, false, nil
	}
	if t.ParamsHash != c.requestHash() {
		return nil, false, errIdempotent
	}
	return append([]string{}, t.IDs...), true, nil
}

// remember records a create call's ClientToken; s.mu must be held.
func (c *call) remember(action string, ids ...string) {
	if c.p.Get("ClientToken") == "" {
		return
	}
	c.s.madeState().Tokens[c.tokenKey(action)] = &madeToken{ParamsHash: c.requestHash(), IDs: ids}
}

// newID draws the next serial and makes a resource ID from it; s.mu must
// be held.
func (c *call) newID(prefix, seed string) (string, uint64) {
	c.s.st.Serial++
	n := c.s.st.Serial
	return world.ID(prefix, c.region.Code, strconv.FormatUint(n, 10)+"/"+seed+"/"+c.requestID), n
}

// commitMade saves the state after a create: a failed save is the
// service's InternalError, as for RunInstances.
func (c *call) commitMade() error {
	if err := c.s.save(); err != nil {
		return errInternal
	}
	return nil
}
