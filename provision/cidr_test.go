package provision

import (
	"errors"
	"strings"
	"testing"
)

func TestSuggestVPCCIDR(t *testing.T) {
	for _, tc := range []struct {
		taken []string
		want  string
	}{
		{nil, "10.0.0.0/16"},
		{[]string{"172.16.0.0/12", "192.168.0.0/16"}, "10.0.0.0/16"}, // the sandbox's regions
		{[]string{"10.0.0.0/16", "10.1.0.0/16"}, "10.2.0.0/16"},
		{[]string{"10.0.0.0/8"}, "172.16.0.0/16"},
		{[]string{"10.0.0.0/8", "172.16.0.0/12"}, "192.168.0.0/16"},
		{[]string{"10.0.5.0/24"}, "10.1.0.0/16"},                   // a smaller VPC inside a candidate
		{[]string{"not a cidr", "", "10.0.0.0/16"}, "10.1.0.0/16"}, // entries that do not parse take no room
		{[]string{"10.0.0.7/16"}, "10.1.0.0/16"},                   // an unmasked block counts as its network
	} {
		got, err := SuggestVPCCIDR(tc.taken)
		if err != nil || got != tc.want {
			t.Errorf("SuggestVPCCIDR(%v) = %q, %v; want %q", tc.taken, got, err, tc.want)
		}
	}
	if _, err := SuggestVPCCIDR([]string{"0.0.0.0/0"}); err == nil || !strings.Contains(err.Error(), "CidrBlock") {
		t.Errorf("everything taken: %v", err)
	}
}

func TestSuggestVSwitchCIDR(t *testing.T) {
	for _, tc := range []struct {
		vpc   string
		taken []string
		bits  int
		want  string
	}{
		{"10.0.0.0/16", nil, 0, "10.0.0.0/24"},
		{"10.0.0.0/16", []string{"10.0.0.0/24", "10.0.1.0/24"}, 0, "10.0.2.0/24"},
		{"10.0.0.0/16", []string{"10.0.0.0/20"}, 0, "10.0.16.0/24"},
		{"172.16.0.0/12", []string{"172.16.0.0/20", "172.16.16.0/20"}, 20, "172.16.32.0/20"},
		{"192.168.0.0/16", []string{"192.168.1.0/24", "192.168.2.0/28"}, 24, "192.168.0.0/24"},
		{"192.168.0.0/24", []string{"192.168.0.0/26"}, 26, "192.168.0.64/26"},
		{"10.0.0.0/24", nil, 16, "10.0.0.0/24"}, // no larger than its VPC
	} {
		got, err := SuggestVSwitchCIDR(tc.vpc, tc.taken, tc.bits)
		if err != nil || got != tc.want {
			t.Errorf("SuggestVSwitchCIDR(%s, %v, %d) = %q, %v; want %q", tc.vpc, tc.taken, tc.bits, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		vpc   string
		taken []string
		bits  int
	}{
		{"10.0.0.0/24", []string{"10.0.0.0/24"}, 0}, // full
		{"not a cidr", nil, 0},
		{"10.0.0.0/16", nil, 30},
		{"10.0.0.0/16", nil, 12},
	} {
		if _, err := SuggestVSwitchCIDR(tc.vpc, tc.taken, tc.bits); err == nil || !strings.HasPrefix(err.Error(), "CidrBlock: ") {
			t.Errorf("SuggestVSwitchCIDR(%s, %v, %d): %v, want an error naming CidrBlock", tc.vpc, tc.taken, tc.bits, err)
		}
	}
}

func TestCIDRChecksNameTheParameterAndTheRule(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{checkVPCCIDR("10.0.0.1/16"), "did you mean 10.0.0.0/16"},
		{checkVPCCIDR("10.0.0.0/29"), "8 to 28 bits"},
		{checkVPCCIDR("100.64.0.0/16"), "overlaps 100.64.0.0/10"},
		{checkVPCCIDR("fd00::/64"), "not an IPv4 CIDR block"},
		{checkVSwitchCIDR("10.0.0.0/30", "10.0.0.0/16"), "16 to 29 bits"},
		{checkVSwitchCIDR("10.1.0.0/24", "10.0.0.0/16"), "not inside the VPC's CIDR block 10.0.0.0/16"},
		{checkVSwitchCIDR("10.0.0.0/15", "10.0.0.0/16"), "16 to 29 bits"},
	} {
		var pe *Error
		if !errors.As(tc.err, &pe) || pe.Parameter != "CidrBlock" || !strings.Contains(pe.Error(), tc.want) {
			t.Errorf("%v: want a CidrBlock error saying %q", tc.err, tc.want)
		}
	}
	if err := checkVPCCIDR("10.0.0.0/16"); err != nil {
		t.Error(err)
	}
	if err := checkVSwitchCIDR("10.0.3.0/24", "10.0.0.0/16"); err != nil {
		t.Error(err)
	}
}
