package world

import (
	"crypto/sha256"
	"fmt"
	"hash/fnv"
	"net/netip"
)

// VPC is a VPC of a region.
type VPC struct {
	VpcId, VpcName, CidrBlock, VRouterId, Description, CreationTime string
	IsDefault                                                       bool
	RegionId                                                        string
}

// VSwitch is a vSwitch of a VPC in one zone.
type VSwitch struct {
	VSwitchId, VSwitchName, VpcId, ZoneId, CidrBlock, CreationTime string
	IsDefault                                                      bool
	// Used is the number of addresses taken outside the sandbox (a
	// recorded account's instances); 0 in the embedded catalog.
	Used int
}

// Usable is the number of addresses instances can use: the CIDR size less
// the first and the last three, which Alibaba Cloud reserves, and less the
// addresses used outside the sandbox.
func (v VSwitch) Usable() int {
	p := netip.MustParsePrefix(v.CidrBlock)
	return 1<<(32-p.Bits()) - 4 - v.Used
}

// SecurityGroup is a security group of a VPC.
type SecurityGroup struct {
	SecurityGroupId, SecurityGroupName, Description, SecurityGroupType, VpcId, CreationTime string
	// Capacity is how many instances the group holds (docs/rules.md T1-8, T2-15):
	// 2000 for a basic group in the current API, 65536 for an enterprise group.
	Capacity int
	// Preloaded is the number of instances outside the sandbox already in the
	// group, so capacity can be tested.
	Preloaded int
	// Rules are the group's rules, as DescribeSecurityGroupAttribute lists
	// them.
	Rules []Rule
}

// Rule is one security group rule (DescribeSecurityGroupAttribute's
// Permission): the direction, protocol, port range, peer and policy.
type Rule struct {
	Direction     string // ingress or egress
	IpProtocol    string // TCP, UDP, ICMP, GRE or ALL (as the API answers: upper case)
	PortRange     string // "22/22"; "-1/-1" for ICMP, GRE and ALL
	SourceCidrIp  string
	DestCidrIp    string
	SourceGroupId string
	Policy        string // Accept or Drop
	Priority      string // "1" to "100"
	NicType       string // intranet for VPC groups
	Description   string
	CreateTime    string
}

// ingress is an accepted inbound rule from a CIDR, as the console makes it.
func ingress(proto, ports, cidr, priority, desc, created string) Rule {
	return Rule{Direction: "ingress", IpProtocol: proto, PortRange: ports, SourceCidrIp: cidr, Policy: "Accept",
		Priority: priority, NicType: "intranet", Description: desc, CreateTime: created}
}

// EmptyRegion is the region where the account has nothing: no VPC, no
// vSwitch, no security group, no key pair, so that creating them all can
// be walked from the start. It is the newest region (Mexico), where a new
// account is likeliest to have nothing; EmptyZone is its zone.
const (
	EmptyRegion = "na-south-1"
	EmptyZone   = "na-south-1a"
)

// KeyPair is an SSH key pair.
type KeyPair struct {
	KeyPairName, KeyPairFingerPrint, CreationTime string
}

// Network is a region's VPCs, vSwitches, security groups and key pairs.
type Network struct {
	VPCs           []VPC
	VSwitches      []VSwitch
	SecurityGroups []SecurityGroup
	KeyPairs       []KeyPair
}

// ID makes a deterministic resource ID in the real shape: prefix, region
// code, then lower-case letters and digits from a hash of the seed.
func ID(prefix, code, seed string) string {
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	sum := sha256.Sum256([]byte(prefix + "/" + code + "/" + seed))
	n := 20 - len(code)
	b := make([]byte, 0, n)
	b = append(b, '1')
	for i := 0; len(b) < n; i++ {
		b = append(b, alphabet[int(sum[i])%36])
	}
	return prefix + "-" + code + string(b)
}

// Default names the sandbox gives the resources of every region.
const (
	DefaultKeyPair     = "sandbox-key"
	DemoVpcName        = "demo-vpc"
	SmallVSwitchName   = "demo-vsw-small"
	BusySecurityGroup  = "sg-busy"
	EnterpriseSGName   = "sg-enterprise-demo"
	DefaultSGName      = "sg-default"
	basicSGCapacity    = 2000
	enterpriseCapacity = 65536
)

func buildNetwork(r Region) Network {
	var n Network
	if r.RegionId == EmptyRegion {
		return n
	}
	def := VPC{VpcId: ID("vpc", r.Code, r.RegionId+"default"), VpcName: "", CidrBlock: "172.16.0.0/12",
		VRouterId: ID("vrt", r.Code, r.RegionId+"default"), Description: "System created default VPC.",
		CreationTime: "2023-11-02T02:13:55Z", IsDefault: true, RegionId: r.RegionId}
	demo := VPC{VpcId: ID("vpc", r.Code, r.RegionId+"demo"), VpcName: DemoVpcName, CidrBlock: "192.168.0.0/16",
		VRouterId: ID("vrt", r.Code, r.RegionId+"demo"), CreationTime: "2024-03-11T06:40:12Z", RegionId: r.RegionId}
	n.VPCs = []VPC{def, demo}
	for i, z := range r.Zones {
		n.VSwitches = append(n.VSwitches, VSwitch{
			VSwitchId: ID("vsw", r.Code, z.ZoneId+"default"), VpcId: def.VpcId, ZoneId: z.ZoneId,
			CidrBlock: fmt.Sprintf("172.16.%d.0/20", 16*i), CreationTime: "2023-11-02T02:14:10Z", IsDefault: true,
		})
	}
	first := r.Zones[0].ZoneId
	n.VSwitches = append(n.VSwitches,
		VSwitch{VSwitchId: ID("vsw", r.Code, first+"demo"), VSwitchName: "demo-vsw", VpcId: demo.VpcId, ZoneId: first,
			CidrBlock: "192.168.1.0/24", CreationTime: "2024-03-11T06:41:01Z"},
		// A /28 holds 12 usable addresses: enough to see QuotaExceeded.PrivateIpAddress (docs/rules.md T1-90).
		VSwitch{VSwitchId: ID("vsw", r.Code, first+"small"), VSwitchName: SmallVSwitchName, VpcId: demo.VpcId, ZoneId: first,
			CidrBlock: "192.168.2.0/28", CreationTime: "2024-03-11T06:41:30Z"})
	n.SecurityGroups = []SecurityGroup{
		{SecurityGroupId: ID("sg", r.Code, r.RegionId+"default"), SecurityGroupName: DefaultSGName,
			Description: "System created security group.", SecurityGroupType: "normal", VpcId: def.VpcId,
			CreationTime: "2023-11-02T02:15:00Z", Capacity: basicSGCapacity,
			// what a system-created default group opens to the world
			Rules: []Rule{ingress("TCP", "22/22", "0.0.0.0/0", "100", "System created rule.", "2023-11-02T02:15:00Z"),
				ingress("TCP", "3389/3389", "0.0.0.0/0", "100", "System created rule.", "2023-11-02T02:15:00Z"),
				ingress("ICMP", "-1/-1", "0.0.0.0/0", "100", "System created rule.", "2023-11-02T02:15:00Z")}},
		{SecurityGroupId: ID("sg", r.Code, r.RegionId+"busy"), SecurityGroupName: BusySecurityGroup,
			Description: "nearly full: 1998 of 2000 instances", SecurityGroupType: "normal", VpcId: def.VpcId,
			CreationTime: "2024-01-05T09:30:00Z", Capacity: basicSGCapacity, Preloaded: basicSGCapacity - 2,
			Rules: []Rule{ingress("TCP", "22/22", "10.0.0.0/8", "1", "ssh from the office VPN", "2024-01-05T09:31:00Z")}},
		{SecurityGroupId: ID("sg", r.Code, r.RegionId+"web"), SecurityGroupName: "web-sg",
			Description: "allow 22/80/443", SecurityGroupType: "normal", VpcId: demo.VpcId,
			CreationTime: "2024-03-11T06:52:32Z", Capacity: basicSGCapacity,
			Rules: []Rule{ingress("TCP", "22/22", "203.0.113.0/24", "1", "ssh from the office", "2024-03-11T06:53:00Z"),
				ingress("TCP", "80/80", "0.0.0.0/0", "1", "http", "2024-03-11T06:53:00Z"),
				ingress("TCP", "443/443", "0.0.0.0/0", "1", "https", "2024-03-11T06:53:00Z")}},
		{SecurityGroupId: ID("sg", r.Code, r.RegionId+"enterprise"), SecurityGroupName: EnterpriseSGName,
			SecurityGroupType: "enterprise", VpcId: demo.VpcId, CreationTime: "2024-05-02T01:10:09Z", Capacity: enterpriseCapacity},
	}
	n.KeyPairs = []KeyPair{
		{KeyPairName: DefaultKeyPair, KeyPairFingerPrint: fingerprint(r.RegionId + DefaultKeyPair), CreationTime: "2024-03-11T07:02:18Z"},
		{KeyPairName: "deploy-key", KeyPairFingerPrint: fingerprint(r.RegionId + "deploy-key"), CreationTime: "2024-04-02T10:20:31Z"},
		{KeyPairName: "ops-laptop", KeyPairFingerPrint: fingerprint(r.RegionId + "ops-laptop"), CreationTime: "2024-06-18T15:44:09Z"},
	}
	return n
}

// fingerprint makes a colon-separated 20-octet fingerprint as the docs show.
func fingerprint(seed string) string {
	out := make([]byte, 0, 59)
	h := fnv.New64a()
	for i := 0; i < 20; i++ {
		h.Write([]byte(seed))
		b := byte(h.Sum64())
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, fmt.Sprintf("%02x", b)...)
	}
	return string(out)
}
