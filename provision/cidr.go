package provision

import (
	"net/netip"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// vpcCandidates are the CIDR blocks SuggestVPCCIDR offers, in order: the
// /16s of 10.0.0.0/8 first, then those of 172.16.0.0/12, then
// 192.168.0.0/16 — a /16 leaves room for many vSwitches and, not
// overlapping the account's other VPCs, lets them be peered or joined
// later (CEN, VPN) without renumbering.
func vpcCandidates() []netip.Prefix {
	var out []netip.Prefix
	for i := 0; i < 256; i++ {
		out = append(out, netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i), 0, 0}), 16))
	}
	for i := 16; i < 32; i++ {
		out = append(out, netip.PrefixFrom(netip.AddrFrom4([4]byte{172, byte(i), 0, 0}), 16))
	}
	return append(out, netip.MustParsePrefix("192.168.0.0/16"))
}

// parsePrefixes reads CIDR blocks, skipping what does not parse (a VPC
// list entry without a CIDR block takes no room).
func parsePrefixes(cidrs []string) []netip.Prefix {
	var out []netip.Prefix
	for _, c := range cidrs {
		if p, err := netip.ParsePrefix(c); err == nil {
			out = append(out, p.Masked())
		}
	}
	return out
}

func overlapsAny(p netip.Prefix, taken []netip.Prefix) bool {
	for _, t := range taken {
		if t.Overlaps(p) {
			return true
		}
	}
	return false
}

// SuggestVPCCIDR returns a private /16 for a new VPC (CreateVpc's
// CidrBlock) that overlaps none of the account's VPCs in the region,
// given their CIDR blocks (DescribeVpcs); an error when every candidate
// is taken.
func SuggestVPCCIDR(taken []string) (string, error) {
	used := parsePrefixes(taken)
	for _, c := range vpcCandidates() {
		if !overlapsAny(c, used) {
			return c.String(), nil
		}
	}
	return "", i18n.Errorf("CidrBlock: every private /16 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) overlaps a VPC of the region: type a CIDR block")
}

// DefaultVSwitchBits is the mask SuggestVSwitchCIDR uses by default: a /24
// holds 252 instances (Alibaba Cloud reserves 4 addresses).
const DefaultVSwitchBits = 24

// SuggestVSwitchCIDR returns the first block of the given mask (16–29
// bits, DefaultVSwitchBits when 0) inside the VPC's CIDR block that
// overlaps none of its vSwitches' blocks (CreateVSwitch's CidrBlock).
func SuggestVSwitchCIDR(vpcCIDR string, taken []string, bits int) (string, error) {
	if bits == 0 {
		bits = DefaultVSwitchBits
	}
	vnet, err := netip.ParsePrefix(vpcCIDR)
	if err != nil || !vnet.Addr().Is4() {
		return "", i18n.Errorf("CidrBlock: the VPC's CIDR block %q is not an IPv4 CIDR block", vpcCIDR)
	}
	vnet = vnet.Masked()
	if bits < 16 || bits > 29 {
		return "", i18n.Errorf("CidrBlock: a vSwitch's mask is 16 to 29 bits, not %d", bits)
	}
	if bits < vnet.Bits() {
		bits = vnet.Bits() // a vSwitch as large as its VPC
	}
	used := parsePrefixes(taken)
	step := uint32(1) << (32 - bits)
	base := v4(vnet.Addr())
	for n := uint64(0); n < uint64(1)<<(bits-vnet.Bits()); n++ {
		c := netip.PrefixFrom(fromV4(base+uint32(n)*step), bits)
		if !overlapsAny(c, used) {
			return c.String(), nil
		}
	}
	return "", i18n.Errorf("CidrBlock: no free /%d in VPC %s: every one overlaps a vSwitch; try a longer mask (a smaller block) or another VPC", bits, vnet)
}

func v4(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func fromV4(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// checkVPCCIDR applies CreateVpc's CidrBlock rule before the call: an IPv4
// network address with a mask of 8 to 28 bits, outside 100.64.0.0/10,
// 224.0.0.0/4, 127.0.0.0/8 and 169.254.0.0/16.
func checkVPCCIDR(cidr string) error {
	p, err := netip.ParsePrefix(cidr)
	switch {
	case err != nil || !p.Addr().Is4():
		return invalid("CreateVpc", "CidrBlock", i18n.T("%q is not an IPv4 CIDR block such as 10.0.0.0/16", cidr))
	case p != p.Masked():
		return invalid("CreateVpc", "CidrBlock", i18n.T("%q is not a network address: did you mean %s?", cidr, p.Masked()))
	case p.Bits() < 8 || p.Bits() > 28:
		return invalid("CreateVpc", "CidrBlock", i18n.T("a VPC's mask is 8 to 28 bits, not /%d", p.Bits()))
	}
	for _, r := range []string{"100.64.0.0/10", "224.0.0.0/4", "127.0.0.0/8", "169.254.0.0/16"} {
		if netip.MustParsePrefix(r).Overlaps(p) {
			return invalid("CreateVpc", "CidrBlock", i18n.T("%s overlaps %s, which a VPC cannot use", cidr, r))
		}
	}
	return nil
}

// checkVSwitchCIDR applies CreateVSwitch's CidrBlock rule before the call:
// a network address with a mask of 16 to 29 bits inside the VPC's block.
func checkVSwitchCIDR(cidr, vpcCIDR string) error {
	p, err := netip.ParsePrefix(cidr)
	switch {
	case err != nil || !p.Addr().Is4():
		return invalid("CreateVSwitch", "CidrBlock", i18n.T("%q is not an IPv4 CIDR block such as 10.0.1.0/24", cidr))
	case p != p.Masked():
		return invalid("CreateVSwitch", "CidrBlock", i18n.T("%q is not a network address: did you mean %s?", cidr, p.Masked()))
	case p.Bits() < 16 || p.Bits() > 29:
		return invalid("CreateVSwitch", "CidrBlock", i18n.T("a vSwitch's mask is 16 to 29 bits, not /%d", p.Bits()))
	}
	if v, err := netip.ParsePrefix(vpcCIDR); err == nil && (!v.Masked().Contains(p.Addr()) || p.Bits() < v.Bits()) {
		return invalid("CreateVSwitch", "CidrBlock", i18n.T("%s is not inside the VPC's CIDR block %s", cidr, vpcCIDR))
	}
	return nil
}
