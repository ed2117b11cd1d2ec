package provision

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// Rule is one inbound security group rule, with the API's own field names
// (AuthorizeSecurityGroup's Permissions.N, DescribeSecurityGroupAttribute's
// Permission).
type Rule struct {
	// IpProtocol is TCP, UDP, ICMP, GRE or ALL.
	IpProtocol string
	// PortRange is "from/to" for TCP and UDP ("22/22"), "-1/-1" otherwise.
	PortRange string
	// SourceCidrIp is who may connect: an address or a CIDR block.
	SourceCidrIp string
	// SourceGroupId, instead of SourceCidrIp, lets another group in.
	SourceGroupId string
	// Policy is accept (the default) or drop; Priority 1 (highest, the
	// default) to 100.
	Policy   string
	Priority int
	// Description says what the rule is for.
	Description string
	// Direction is ingress or egress, as DescribeSecurityGroupAttribute
	// answers it; rules provision creates are ingress.
	Direction string
}

// String renders a rule for a list: "TCP 22 from 203.0.113.7/32 (ssh)".
func (r Rule) String() string {
	ports := r.PortRange
	if from, to, ok := strings.Cut(ports, "/"); ok && from == to {
		ports = from
	}
	if ports == "-1" {
		ports = ""
	} else {
		ports = " " + ports
	}
	src := r.SourceCidrIp
	if src == "" {
		src = r.SourceGroupId
	}
	proto := strings.ToUpper(r.IpProtocol)
	drop, out := strings.EqualFold(r.Policy, "drop"), r.Direction == "egress"
	var s string
	switch {
	case out && drop:
		s = i18n.T("out: drop %s%s from %s", proto, ports, src)
	case out:
		s = i18n.T("out: %s%s from %s", proto, ports, src)
	case drop:
		s = i18n.T("drop %s%s from %s", proto, ports, src)
	default:
		s = i18n.T("%s%s from %s", proto, ports, src)
	}
	if r.Description != "" {
		s += " (" + r.Description + ")"
	}
	return s
}

// PresetOptions choose the rules of a new security group.
type PresetOptions struct {
	// SSHFrom lets this CIDR (or address) connect to port 22; "" adds no
	// SSH rule. The user's own address: Lookup.PublicAddress, as a /32.
	SSHFrom string
	// RDPFrom lets this CIDR connect to port 3389 (Windows images).
	RDPFrom string
	// HTTP and HTTPS open 80 and 443 to everyone; ICMP lets everyone ping.
	HTTP, HTTPS, ICMP bool
}

// Anywhere is the CIDR block of every IPv4 address.
const Anywhere = "0.0.0.0/0"

// Presets returns the rules PresetOptions choose, in a fixed order: SSH,
// RDP, HTTP, HTTPS, ICMP.
func Presets(o PresetOptions) []Rule {
	var out []Rule
	if o.SSHFrom != "" {
		out = append(out, Rule{IpProtocol: "TCP", PortRange: "22/22", SourceCidrIp: o.SSHFrom, Description: "SSH"})
	}
	if o.RDPFrom != "" {
		out = append(out, Rule{IpProtocol: "TCP", PortRange: "3389/3389", SourceCidrIp: o.RDPFrom, Description: "RDP"})
	}
	if o.HTTP {
		out = append(out, Rule{IpProtocol: "TCP", PortRange: "80/80", SourceCidrIp: Anywhere, Description: "HTTP"})
	}
	if o.HTTPS {
		out = append(out, Rule{IpProtocol: "TCP", PortRange: "443/443", SourceCidrIp: Anywhere, Description: "HTTPS"})
	}
	if o.ICMP {
		out = append(out, Rule{IpProtocol: "ICMP", PortRange: "-1/-1", SourceCidrIp: Anywhere, Description: "ping"})
	}
	return out
}

// SuggestedPresets are the presets for an image: SSH (Linux) or RDP
// (Windows) from the user's own address — "" when it is not known, so
// the wizard asks for a CIDR — and ICMP.
func SuggestedPresets(osType string, ownAddress netip.Addr) PresetOptions {
	from := ""
	if ownAddress.IsValid() {
		from = netip.PrefixFrom(ownAddress, ownAddress.BitLen()).String()
	}
	o := PresetOptions{ICMP: true}
	if strings.EqualFold(osType, "windows") {
		o.RDPFrom = from
	} else {
		o.SSHFrom = from
	}
	return o
}

// loginPorts are the ports a rule open to everyone should not be.
var loginPorts = map[int]string{22: "SSH", 3389: "RDP"}

// Warnings says which rules let anyone on the internet reach a login port
// (22 or 3389): Permissions.N, the port, and what to do instead.
func Warnings(rules []Rule) []string {
	var out []string
	for i, r := range rules {
		if r.SourceCidrIp != Anywhere || strings.EqualFold(r.Policy, "drop") || r.Direction == "egress" {
			continue
		}
		for _, port := range []int{22, 3389} {
			if coversPort(r, port) {
				out = append(out, i18n.T("Permissions.%d: %s (port %d) is open to %s: anyone on the internet can try to log in; allow your own address (x.x.x.x/32) or your office's CIDR block instead",
					i+1, loginPorts[port], port, Anywhere))
			}
		}
	}
	return out
}

// coversPort reports whether a TCP (or ALL) rule opens the port.
func coversPort(r Rule, port int) bool {
	proto := strings.ToUpper(r.IpProtocol)
	if proto == "ALL" {
		return true
	}
	if proto != "TCP" {
		return false
	}
	from, to, ok := strings.Cut(r.PortRange, "/")
	a, errA := strconv.Atoi(from)
	b, errB := strconv.Atoi(to)
	return ok && errA == nil && errB == nil && a <= port && port <= b
}

// checkRule applies AuthorizeSecurityGroup's rules to rule i (1-based)
// before the call: the protocol, its port range, the source, the policy
// and the priority, each error naming Permissions.i.Field.
func checkRule(i int, r Rule) error {
	name := func(f string) string { return fmt.Sprintf("Permissions.%d.%s", i, f) }
	proto := strings.ToUpper(r.IpProtocol)
	switch proto {
	case "TCP", "UDP":
		from, to, ok := strings.Cut(r.PortRange, "/")
		a, errA := strconv.Atoi(from)
		b, errB := strconv.Atoi(to)
		if !ok || errA != nil || errB != nil || a < 1 || a > b || b > 65535 {
			return invalid("AuthorizeSecurityGroup", name("PortRange"), i18n.T("%q: a %s port range is from/to with 1 ≤ from ≤ to ≤ 65535, e.g. 22/22 or 8000/8080", r.PortRange, proto))
		}
	case "ICMP", "GRE", "ALL":
		if r.PortRange != "-1/-1" {
			return invalid("AuthorizeSecurityGroup", name("PortRange"), i18n.T("%q: %s takes the port range -1/-1", r.PortRange, proto))
		}
	default:
		return invalid("AuthorizeSecurityGroup", name("IpProtocol"), i18n.T("%q: one of TCP, UDP, ICMP, GRE, ALL", r.IpProtocol))
	}
	switch {
	case r.SourceCidrIp == "" && r.SourceGroupId == "":
		return invalid("AuthorizeSecurityGroup", name("SourceCidrIp"), i18n.Text("is required: who may connect (an address, a CIDR block, or 0.0.0.0/0 for everyone)"))
	case r.SourceCidrIp != "":
		if _, err := netip.ParsePrefix(r.SourceCidrIp); err != nil {
			if a, err := netip.ParseAddr(r.SourceCidrIp); err != nil || !a.Is4() {
				return invalid("AuthorizeSecurityGroup", name("SourceCidrIp"), i18n.T("%q is not an IPv4 address or CIDR block such as 203.0.113.7/32", r.SourceCidrIp))
			}
		}
	}
	if p := strings.ToLower(r.Policy); p != "" && p != "accept" && p != "drop" {
		return invalid("AuthorizeSecurityGroup", name("Policy"), i18n.T("%q: accept or drop", r.Policy))
	}
	if r.Priority != 0 && (r.Priority < 1 || r.Priority > 100) {
		return invalid("AuthorizeSecurityGroup", name("Priority"), i18n.T("%d: 1 (highest) to 100", r.Priority))
	}
	if len([]rune(r.Description)) > 512 {
		return invalid("AuthorizeSecurityGroup", name("Description"), i18n.Text("at most 512 characters"))
	}
	return nil
}

// ruleParams are a rule's flat Permissions.i.* parameters.
func ruleParams(i int, r Rule) map[string]string {
	pre := fmt.Sprintf("Permissions.%d.", i)
	out := map[string]string{pre + "IpProtocol": strings.ToUpper(r.IpProtocol), pre + "PortRange": r.PortRange}
	setIf(out, pre+"SourceCidrIp", r.SourceCidrIp)
	setIf(out, pre+"SourceGroupId", r.SourceGroupId)
	setIf(out, pre+"Policy", strings.ToLower(r.Policy))
	if r.Priority != 0 {
		out[pre+"Priority"] = strconv.Itoa(r.Priority)
	}
	setIf(out, pre+"Description", r.Description)
	return out
}

// GroupSpec is a security group to create in a VPC, with its rules.
type GroupSpec struct {
	RegionId          string
	VpcId             string
	SecurityGroupName string
	Description       string
	// SecurityGroupType is normal (the default) or enterprise.
	SecurityGroupType string
	Rules             []Rule
}

// sgName is the SecurityGroupName rule: 2–128 characters, starting with a
// letter, of letters, digits, ':', '_', '.' and '-'.
var sgName = regexp.MustCompile(`^\p{L}[\p{L}\p{N}:_.\-]{1,127}$`)

// CreateSecurityGroup creates a group in a VPC, then authorizes its rules
// in one AuthorizeSecurityGroup call (both with ClientTokens). When the
// rules fail, the group is returned with the error: it exists, without
// them, and is recorded as created.
func (p *Provisioner) CreateSecurityGroup(ctx context.Context, s GroupSpec) (Created, error) {
	if s.RegionId == "" || s.VpcId == "" {
		param := "RegionId"
		if s.RegionId != "" {
			param = "VpcId"
		}
		return Created{}, invalid("CreateSecurityGroup", param, i18n.Text("is required: a group belongs to one VPC"))
	}
	if s.SecurityGroupName != "" && (!sgName.MatchString(s.SecurityGroupName) || strings.HasPrefix(s.SecurityGroupName, "http")) {
		return Created{}, invalid("CreateSecurityGroup", "SecurityGroupName",
			i18n.T("%q: 2 to 128 characters, starting with a letter, of letters, digits, ':', '_', '.' and '-'", s.SecurityGroupName))
	}
	if n := len([]rune(s.Description)); s.Description != "" && (n < 2 || n > 256) {
		return Created{}, invalid("CreateSecurityGroup", "Description", i18n.Text("2 to 256 characters"))
	}
	if t := s.SecurityGroupType; t != "" && t != "normal" && t != "enterprise" {
		return Created{}, invalid("CreateSecurityGroup", "SecurityGroupType", i18n.T("%q: normal or enterprise", t))
	}
	if len(s.Rules) > 100 {
		return Created{}, invalid("AuthorizeSecurityGroup", "Permissions", i18n.Text("at most 100 rules in one call"))
	}
	params := map[string]string{"VpcId": s.VpcId}
	setIf(params, "SecurityGroupName", s.SecurityGroupName)
	setIf(params, "Description", s.Description)
	setIf(params, "SecurityGroupType", s.SecurityGroupType)
	for i, r := range s.Rules {
		if err := checkRule(i+1, r); err != nil {
			return Created{}, err
		}
		for k, v := range ruleParams(i+1, r) {
			params[k] = v
		}
	}
	c := Created{Kind: exporter.KindSecurityGroup, Region: s.RegionId, Token: p.o.NewToken(), Params: params}
	if err := p.begin(c.Kind, c.Region, c.Token, params); err != nil {
		return Created{}, err
	}
	resp, err := call(ctx, p, "CreateSecurityGroup", true, func() (*ecs.CreateSecurityGroupResponse, error) {
		req := ecs.CreateCreateSecurityGroupRequest()
		p.scheme(req)
		req.RegionId, req.VpcId, req.SecurityGroupName, req.Description = s.RegionId, s.VpcId, s.SecurityGroupName, s.Description
		req.SecurityGroupType, req.ClientToken = s.SecurityGroupType, c.Token
		return p.ecs.CreateSecurityGroup(req)
	})
	if err != nil {
		return Created{}, p.done(c, err)
	}
	c.ID = resp.SecurityGroupId
	if len(s.Rules) > 0 {
		err = p.authorize(ctx, s.RegionId, c.ID, c.Token+"-rules", s.Rules)
	}
	return c, p.done(c, err)
}

// authorize adds rules to a group in one call.
func (p *Provisioner) authorize(ctx context.Context, region, id, token string, rules []Rule) error {
	_, err := call(ctx, p, "AuthorizeSecurityGroup", true, func() (*ecs.AuthorizeSecurityGroupResponse, error) {
		req := ecs.CreateAuthorizeSecurityGroupRequest()
		p.scheme(req)
		req.RegionId, req.SecurityGroupId, req.ClientToken = region, id, token
		perms := make([]ecs.AuthorizeSecurityGroupPermissions, len(rules))
		for i, r := range rules {
			perms[i] = ecs.AuthorizeSecurityGroupPermissions{IpProtocol: strings.ToUpper(r.IpProtocol), PortRange: r.PortRange,
				SourceCidrIp: r.SourceCidrIp, SourceGroupId: r.SourceGroupId, Policy: strings.ToLower(r.Policy),
				Description: r.Description}
			if r.Priority != 0 {
				perms[i].Priority = strconv.Itoa(r.Priority)
			}
		}
		req.Permissions = &perms
		return p.ecs.AuthorizeSecurityGroup(req)
	})
	if err != nil {
		return i18n.Errorf("%w (security group %s was created without its rules: add them, or delete it with aliyun ecs DeleteSecurityGroup --RegionId %s --SecurityGroupId %s)", err, id, region, id)
	}
	return nil
}

// GroupRules lists a security group's rules (DescribeSecurityGroupAttribute,
// every page), to show them before the group is picked.
func (p *Provisioner) GroupRules(ctx context.Context, regionID, securityGroupID string) ([]Rule, error) {
	var out []Rule
	token := ""
	for {
		resp, err := call(ctx, p, "DescribeSecurityGroupAttribute", true, func() (*ecs.DescribeSecurityGroupAttributeResponse, error) {
			req := ecs.CreateDescribeSecurityGroupAttributeRequest()
			p.scheme(req)
			req.RegionId, req.SecurityGroupId, req.NextToken = regionID, securityGroupID, token
			req.MaxResults = requests.NewInteger(1000)
			return p.ecs.DescribeSecurityGroupAttribute(req)
		})
		if err != nil {
			return nil, err
		}
		for _, perm := range resp.Permissions.Permission {
			prio, _ := strconv.Atoi(perm.Priority)
			out = append(out, Rule{IpProtocol: perm.IpProtocol, PortRange: perm.PortRange, SourceCidrIp: perm.SourceCidrIp,
				SourceGroupId: perm.SourceGroupId, Policy: perm.Policy, Priority: prio, Description: perm.Description,
				Direction: perm.Direction})
		}
		if resp.NextToken == "" || resp.NextToken == token {
			return out, nil
		}
		token = resp.NextToken
	}
}
