package rules

import (
	"context"
	"strings"
	"testing"
)

// TestCheckPrivateIPRefusesReservedAddresses: ECS reserves a vSwitch's
// first address and its last three (docs/api-shapes.md §10); the issue's
// 172.16.16.0 in 172.16.16.0/24 was accepted before.
func TestCheckPrivateIPRefusesReservedAddresses(t *testing.T) {
	cases := []struct {
		ip, cidr, want string // want: "" or a fragment of the message
	}{
		{"172.16.16.0", "172.16.16.0/24", "network address of 172.16.16.0/24"},
		{"172.16.16.255", "172.16.16.0/24", "broadcast address of 172.16.16.0/24"},
		{"172.16.16.254", "172.16.16.0/24", "one of the last 3 addresses"},
		{"172.16.16.253", "172.16.16.0/24", "one of the last 3 addresses"},
		{"172.16.16.252", "172.16.16.0/24", ""},
		{"172.16.16.1", "172.16.16.0/24", ""},
		{"172.16.15.253", "172.16.0.0/20", "usable: 172.16.0.1..172.16.15.252"},
		{"172.16.4.0", "172.16.0.0/20", ""}, // .0 inside a /20 is an ordinary address
		{"192.168.2.15", "192.168.2.0/28", "broadcast address"},
		{"192.168.2.13", "192.168.2.0/28", "one of the last 3"},
		{"192.168.2.12", "192.168.2.0/28", ""},
		{"10.0.0.5", "172.16.16.0/24", "not inside the vSwitch's CIDR block 172.16.16.0/24"},
		{"172.16.16.300", "172.16.16.0/24", "not a dotted IPv4 address"},
		{"::1", "172.16.16.0/24", "not a dotted IPv4 address"},
		{"172.16.16.9", "not-a-cidr", ""}, // nothing to check it against
	}
	for _, c := range cases {
		got := CheckPrivateIP(c.ip, c.cidr)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("CheckPrivateIP(%s, %s) = %q, want %q", c.ip, c.cidr, got, c.want)
		}
	}
}

func TestPrivateIPRange(t *testing.T) {
	first, last, ok := PrivateIPRange("192.168.1.0/24")
	if !ok || first != "192.168.1.1" || last != "192.168.1.252" {
		t.Fatalf("got %s %s %v", first, last, ok)
	}
	if _, _, ok := PrivateIPRange("192.168.1.0/30"); ok {
		t.Error("a /30 has no usable address once four are reserved")
	}
}

// TestCheckPrivateIPsCoversTheConsecutiveRange: with Amount > 1 every one
// of the consecutive addresses must be usable (docs/rules.md T2-11).
func TestCheckPrivateIPsCoversTheConsecutiveRange(t *testing.T) {
	if msg := CheckPrivateIPs("172.16.0.10", 5, "172.16.0.0/20"); msg != "" {
		t.Errorf("a range well inside the block: %q", msg)
	}
	msg := CheckPrivateIPs("172.16.15.250", 5, "172.16.0.0/20")
	for _, want := range []string{"Amount 5", "172.16.15.250..172.16.15.254", "172.16.15.253 is one of the last 3"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in %q", want, msg)
		}
	}
	if msg := CheckPrivateIPs("172.16.16.0", 2, "172.16.16.0/24"); !strings.Contains(msg, "network address") {
		t.Errorf("a range starting on the network address: %q", msg)
	}
	if msg := CheckPrivateIPs("255.255.255.254", 5, "255.255.255.0/24"); !strings.Contains(msg, "runs past") {
		t.Errorf("a range past the address space: %q", msg)
	}
}

// TestOnlinePrivateIPRules: the catalog rules refuse a reserved address and
// a consecutive range that runs into the reserved end of the block, naming
// PrivateIpAddress and Amount.
func TestOnlinePrivateIPRules(t *testing.T) {
	for name, sets := range map[string][]string{
		"network address": {"PrivateIpAddress=192.168.0.0"},
		"broadcast":       {"PrivateIpAddress=192.168.0.255"},
		"reserved":        {"PrivateIpAddress=192.168.0.253"},
		"range":           {"PrivateIpAddress=192.168.0.250", "Amount=5"},
		"eni reserved":    {"NetworkInterface.1.VSwitchId=vsw-2", "NetworkInterface.1.PrimaryIpAddress=10.0.0.0"},
	} {
		got := ValidateOnline(context.Background(), onlineRequest(t, sets...), newFake(), Context{Now: now})
		param := "PrivateIpAddress"
		if strings.HasPrefix(name, "eni") {
			param = "NetworkInterface.1.PrimaryIpAddress"
		}
		f, ok := findIn(got, param, "InvalidPrivateIpAddress")
		if !ok || f.Severity != Error {
			t.Errorf("%s: want an InvalidPrivateIpAddress error on %s, got %+v", name, param, got)
			continue
		}
		if name == "range" && (!strings.Contains(f.Message, "Amount 5") || f.Row != "T2-11") {
			t.Errorf("range: the message names only one parameter or the wrong row: %+v", f)
		}
	}
	ok := ValidateOnline(context.Background(), onlineRequest(t, "PrivateIpAddress=192.168.0.10", "Amount=5"), newFake(), Context{Now: now})
	if len(ok) != 0 {
		t.Errorf("five consecutive usable addresses: %+v", ok)
	}
}

// TestPrivateIPWithAmountIsAWarningNamingBoth: today's API gives Amount > 1
// instances consecutive addresses (T2-11), so offline this is advice that
// names both parameters, not an error (the 2019 spec's Amount = 1 would
// block a request the live API accepts).
func TestPrivateIPWithAmountIsAWarningNamingBoth(t *testing.T) {
	r, _ := build(t, []string{"PrivateIpAddress=172.16.0.10", "Amount=5"})
	fs := Validate(r, Context{Now: now})
	f, ok := findIn(fs, "PrivateIpAddress", CodeConsecutiveIPs)
	if !ok || f.Severity != Warning || HasErrors(fs) {
		t.Fatalf("want only a warning, got %+v", fs)
	}
	for _, want := range []string{"PrivateIpAddress", "Amount 5", "172.16.0.10..172.16.0.14", "T2-11"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("missing %q in %q", want, f.Message)
		}
	}
	r, _ = build(t, []string{"PrivateIpAddress=172.16.0.10"})
	if _, ok := findIn(Validate(r, Context{Now: now}), "PrivateIpAddress", CodeConsecutiveIPs); ok {
		t.Error("Amount 1 needs no advice")
	}
}
