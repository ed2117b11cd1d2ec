package rules

import (
	"net/netip"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// A vSwitch's CIDR block is not wholly usable: ECS reserves its first
// address (the network address) and its last three (the last being the
// broadcast address). In 192.168.1.0/24 that is .0, .253, .254 and .255
// (docs/api-shapes.md §10; the public RunInstances reference says the same
// under PrivateIpAddress). docs/rules.md T1-55, T1-89 and T2-11 check a
// fixed address against it.
const reservedAtEnd = 3

// CheckPrivateIP says what is wrong with ip as the fixed private address of
// an instance in a vSwitch whose CIDR block is cidr, or "" when it is
// usable: a dotted IPv4 address inside the block that is neither the
// network address, nor the broadcast address, nor one of the other
// addresses ECS reserves (docs/rules.md T1-89). The text starts with the
// address, so callers prefix the parameter: "PrivateIpAddress " + msg. An
// unreadable cidr checks only the address's syntax.
func CheckPrivateIP(ip, cidr string) string {
	msg, _ := checkPrivateIP(ip, cidr)
	return msg
}

// CheckPrivateIPs is CheckPrivateIP for the amount consecutive addresses
// from first that RunInstances gives amount instances when
// PrivateIpAddress is set with Amount > 1 (docs/rules.md T2-11): "" when
// every one is usable, else the text names the range and the first address
// that is not.
func CheckPrivateIPs(first string, amount int, cidr string) string {
	msg, _ := checkPrivateIPs(first, amount, cidr)
	return msg
}

// PrivateIPRange returns the first and last addresses instances may have in
// a vSwitch's CIDR block, for a hint ("172.16.0.1", "172.16.15.252"); ok is
// false when cidr is not an IPv4 block with any usable address.
func PrivateIPRange(cidr string) (first, last string, ok bool) {
	lo, hi, ok := usableRange(cidr)
	if !ok {
		return "", "", false
	}
	return lo.String(), hi.String(), true
}

// usableRange is the block's usable addresses, first to last.
func usableRange(cidr string) (lo, hi netip.Addr, ok bool) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return netip.Addr{}, netip.Addr{}, false
	}
	p = p.Masked()
	size := uint64(1) << (32 - p.Bits())
	if size < 1+reservedAtEnd+1 {
		return netip.Addr{}, netip.Addr{}, false
	}
	base := v4(p.Addr())
	return addr4(base + 1), addr4(base + uint32(size) - 1 - reservedAtEnd), true
}

// checkPrivateIP is CheckPrivateIP with the API code the problem maps to.
func checkPrivateIP(ip, cidr string) (msg, code string) {
	a, err := netip.ParseAddr(ip)
	if err != nil || !a.Is4() || !isIPv4(ip) {
		return i18n.T("%q is not a dotted IPv4 address", ip), "InvalidPrivateIpAddress.Malformed"
	}
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return "", ""
	}
	p = p.Masked()
	if !p.Contains(a) {
		return i18n.T("%s is not inside the vSwitch's CIDR block %s", ip, cidr), "InvalidPrivateIpAddress"
	}
	lo, hi, ok := usableRange(cidr)
	if ok && a.Compare(lo) >= 0 && a.Compare(hi) <= 0 {
		return "", ""
	}
	usable := ""
	if ok {
		usable = i18n.T("; usable: %s..%s", lo, hi)
	}
	last := addr4(v4(p.Addr()) + uint32(uint64(1)<<(32-p.Bits())-1))
	var what string
	switch {
	case a == p.Addr():
		what = i18n.T("the network address of %s", cidr)
	case a == last:
		what = i18n.T("the broadcast address of %s", cidr)
	default:
		what = i18n.T("one of the last %d addresses of %s", reservedAtEnd, cidr)
	}
	return i18n.T("%s is %s, which ECS reserves%s", ip, what, usable), "InvalidPrivateIpAddress"
}

// checkPrivateIPs is CheckPrivateIPs with the API code.
func checkPrivateIPs(first string, amount int, cidr string) (msg, code string) {
	if amount <= 1 {
		return checkPrivateIP(first, cidr)
	}
	if msg, code := checkPrivateIP(first, cidr); code == "InvalidPrivateIpAddress.Malformed" {
		return msg, code
	}
	a := netip.MustParseAddr(first)
	end := uint64(v4(a)) + uint64(amount) - 1
	if end > 0xFFFFFFFF {
		return i18n.T("%s with Amount %d runs past 255.255.255.255", first, amount), "InvalidPrivateIpAddress"
	}
	span := i18n.T("%s with Amount %d takes the consecutive addresses %s..%s", first, amount, first, addr4(uint32(end)))
	if msg, code := checkPrivateIP(first, cidr); msg != "" {
		return i18n.T("%s, but %s", span, msg), code
	}
	// The usable addresses are contiguous: from a usable first one, the
	// range fails exactly when it runs past the last usable address.
	if _, hi, ok := usableRange(cidr); ok && end > uint64(v4(hi)) {
		msg, code := checkPrivateIP(addr4(v4(hi)+1).String(), cidr)
		return i18n.T("%s, but %s", span, msg), code
	}
	return "", ""
}

func v4(a netip.Addr) uint32 {
	b := a.As4()
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func addr4(v uint32) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
