package provision

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

func TestPresets(t *testing.T) {
	rules := Presets(PresetOptions{SSHFrom: "203.0.113.7/32", HTTP: true, HTTPS: true, ICMP: true})
	var got []string
	for _, r := range rules {
		got = append(got, r.String())
	}
	want := []string{"TCP 22 from 203.0.113.7/32 (SSH)", "TCP 80 from 0.0.0.0/0 (HTTP)", "TCP 443 from 0.0.0.0/0 (HTTPS)", "ICMP from 0.0.0.0/0 (ping)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("presets %q, want %q", got, want)
	}
	for i, r := range rules {
		if err := checkRule(i+1, r); err != nil {
			t.Errorf("preset %d does not pass the rule check: %v", i+1, err)
		}
	}
	linux := SuggestedPresets("linux", netip.MustParseAddr("198.51.100.4"))
	if linux.SSHFrom != "198.51.100.4/32" || linux.RDPFrom != "" || !linux.ICMP {
		t.Errorf("Linux presets %+v", linux)
	}
	win := SuggestedPresets("windows", netip.MustParseAddr("198.51.100.4"))
	if win.RDPFrom != "198.51.100.4/32" || win.SSHFrom != "" {
		t.Errorf("Windows presets %+v", win)
	}
	if unknown := SuggestedPresets("linux", netip.Addr{}); unknown.SSHFrom != "" {
		t.Errorf("with no known address the SSH source is %q, want it asked", unknown.SSHFrom)
	}
}

func TestWarningsForLoginPortsOpenToEveryone(t *testing.T) {
	rules := []Rule{
		{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: "203.0.113.7/32"},
		{IpProtocol: "TCP", PortRange: "80/80", SourceCidrIp: Anywhere},
		{IpProtocol: "TCP", PortRange: "3389/3389", SourceCidrIp: Anywhere},
		{IpProtocol: "TCP", PortRange: "1/1024", SourceCidrIp: Anywhere},
		{IpProtocol: "ALL", PortRange: "-1/-1", SourceCidrIp: Anywhere, Policy: "drop"},
		{IpProtocol: "ICMP", PortRange: "-1/-1", SourceCidrIp: Anywhere},
	}
	w := Warnings(rules)
	if len(w) != 2 || !strings.HasPrefix(w[0], "Permissions.3: RDP (port 3389)") || !strings.HasPrefix(w[1], "Permissions.4: SSH (port 22)") {
		t.Errorf("warnings %q", w)
	}
	if w := Warnings(Presets(PresetOptions{SSHFrom: Anywhere})); len(w) != 1 || !strings.Contains(w[0], "0.0.0.0/0") {
		t.Errorf("SSH from anywhere: %q", w)
	}
}

func TestRuleChecksNameTheField(t *testing.T) {
	for _, tc := range []struct {
		rule  Rule
		field string
	}{
		{Rule{IpProtocol: "SCTP", PortRange: "1/2", SourceCidrIp: Anywhere}, "Permissions.2.IpProtocol"},
		{Rule{IpProtocol: "tcp", PortRange: "22", SourceCidrIp: Anywhere}, "Permissions.2.PortRange"},
		{Rule{IpProtocol: "TCP", PortRange: "443/80", SourceCidrIp: Anywhere}, "Permissions.2.PortRange"},
		{Rule{IpProtocol: "ICMP", PortRange: "8/8", SourceCidrIp: Anywhere}, "Permissions.2.PortRange"},
		{Rule{IpProtocol: "TCP", PortRange: "22/22"}, "Permissions.2.SourceCidrIp"},
		{Rule{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: "my laptop"}, "Permissions.2.SourceCidrIp"},
		{Rule{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: Anywhere, Policy: "allow"}, "Permissions.2.Policy"},
		{Rule{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: Anywhere, Priority: 101}, "Permissions.2.Priority"},
	} {
		var pe *Error
		if err := checkRule(2, tc.rule); !errors.As(err, &pe) || pe.Parameter != tc.field {
			t.Errorf("%+v: %v, want an error on %s", tc.rule, err, tc.field)
		}
	}
}

func TestSSHConnectionLookup(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "SSH_CONNECTION" {
				return v
			}
			return ""
		}
	}
	a, err := SSHConnection{Getenv: env("198.51.100.4 51234 10.0.0.5 22")}.PublicAddress(context.Background())
	if err != nil || a.String() != "198.51.100.4" {
		t.Errorf("public client: %v %v", a, err)
	}
	for _, v := range []string{"", "192.168.1.20 51234 10.0.0.5 22", "127.0.0.1 1 1 1", "100.64.1.1 1 1 1", "x"} {
		if _, err := (SSHConnection{Getenv: env(v)}).PublicAddress(context.Background()); err == nil {
			t.Errorf("SSH_CONNECTION=%q gave an address", v)
		}
	}
}

func TestHTTPLookupAndChain(t *testing.T) {
	answer := "203.0.113.9\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(answer)) }))
	defer srv.Close()
	noSSH := SSHConnection{Getenv: func(string) string { return "" }}
	a, err := Chain{noSSH, HTTPLookup{URL: srv.URL}}.PublicAddress(context.Background())
	if err != nil || a.String() != "203.0.113.9" {
		t.Fatalf("chain: %v %v", a, err)
	}
	answer = "<html>rate limited</html>"
	_, err = Chain{noSSH, HTTPLookup{URL: srv.URL}}.PublicAddress(context.Background())
	if err == nil || !strings.Contains(err.Error(), "SSH_CONNECTION is not set") || !strings.Contains(err.Error(), "type the CIDR block") {
		t.Errorf("chain error %v should say why each lookup failed and what to do", err)
	}
	answer = "10.1.2.3"
	if _, err := (HTTPLookup{URL: srv.URL}).PublicAddress(context.Background()); err == nil {
		t.Error("a private address was taken for the public one")
	}
}
