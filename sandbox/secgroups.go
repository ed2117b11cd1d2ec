package sandbox

import (
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// sgName is the SecurityGroupName rule: 2–128 characters, starting with a
// letter (any script), of letters, digits, ':', '_', '.' and '-'.
var sgName = regexp.MustCompile(`^\p{L}[\p{L}\p{N}:_.\-]{1,127}$`)

// The ECS answers for bad CreateSecurityGroup/AuthorizeSecurityGroup input
// (their error tables).
var (
	errSGName  = &apiError{http.StatusBadRequest, "InvalidSecurityGroupName.Malformed", "Specified security group name is not valid."}
	errSGDesc  = &apiError{http.StatusBadRequest, "InvalidDescription.Malformed", "The specified parameter \"Description\" is not valid."}
	errSGType  = &apiError{http.StatusBadRequest, "InvalidParams.GroupType", "The specified security group type is not valid."}
	errSGNoVpc = &apiError{http.StatusForbidden, "InvalidVpcId.NotFound", "The VpcId must not empty when only support vpc vm."}
	errSGQuota = &apiError{http.StatusForbidden, "QuotaExceed.SecurityGroup",
		fmt.Sprintf("The maximum number of security groups is reached (%d per region).", securityGroupMax)}
	errSGMissing = &apiError{http.StatusNotFound, "InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId does not exist."}
	errSGRules   = &apiError{http.StatusForbidden, "AuthorizationLimitExceed",
		fmt.Sprintf("The limit of authorization records in the security group reaches (%d).", rulesPerGroup)}
	errPermsMixed = &apiError{http.StatusBadRequest, "InvalidParam.Permissions", "The specified parameter Permissions cannot coexist with other parameters."}
	errPermsDup   = &apiError{http.StatusBadRequest, "InvalidParam.DuplicatePermissions", "There are duplicate permissions in the specified parameter Permissions."}
	errTagDup     = &apiError{http.StatusBadRequest, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key."}
)

// checkTags applies the Tag.N rules of the create actions: a key of 1–128
// characters not starting with aliyun or acs: and without http(s)://, a
// value of at most 128, each key once.
func checkTags(tags []map[string]string) ([][2]string, error) {
	var out [][2]string
	seen := map[string]bool{}
	for i, t := range tags {
		k, v := t["Key"], t["Value"]
		if k == "" || len([]rune(k)) > 128 || strings.HasPrefix(k, "aliyun") || strings.HasPrefix(k, "acs:") || strings.Contains(k, "http://") || strings.Contains(k, "https://") {
			return nil, &apiError{http.StatusBadRequest, "InvalidTagKey.Malformed", fmt.Sprintf("The specified Tag.%d.Key is not valid.", i+1)}
		}
		if len([]rune(v)) > 128 || strings.Contains(v, "http://") || strings.Contains(v, "https://") {
			return nil, &apiError{http.StatusBadRequest, "InvalidTagValue.Malformed", fmt.Sprintf("The specified Tag.%d.Value is not valid.", i+1)}
		}
		if seen[k] {
			return nil, errTagDup
		}
		seen[k] = true
		out = append(out, [2]string{k, v})
	}
	return out, nil
}

func (c *call) createSecurityGroup() (any, error) {
	name, desc := c.p.Get("SecurityGroupName"), c.p.Get("Description")
	if name != "" && (!sgName.MatchString(name) || hasScheme(name)) {
		return nil, errSGName
	}
	if n := len([]rune(desc)); desc != "" && (n < 2 || n > 256 || hasScheme(desc)) {
		return nil, errSGDesc
	}
	typ := orDefault(c.p.Get("SecurityGroupType"), "normal")
	if typ != "normal" && typ != "enterprise" {
		return nil, errSGType
	}
	tags, err := checkTags(c.p.structList("Tag"))
	if err != nil {
		return nil, err
	}
	vpcID := c.p.Get("VpcId")
	if vpcID == "" {
		return nil, errSGNoVpc // every sandbox region is VPC-only
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if ids, ok, err := c.replay("CreateSecurityGroup"); err != nil || ok {
		if err != nil {
			return nil, err
		}
		return &ecs.CreateSecurityGroupResponse{RequestId: c.requestID, SecurityGroupId: ids[0]}, nil
	}
	v, ok := c.s.findVPC(c.region.RegionId, vpcID)
	if !ok {
		return nil, &apiError{http.StatusNotFound, "InvalidVpcId.NotFound", "Specified VPC does not exist."}
	}
	if v.Status != statusAvailable {
		return nil, errVpcStatus
	}
	if len(c.s.groupsIn(c.region.RegionId)) >= securityGroupMax {
		return nil, errSGQuota
	}
	capacity := basicGroupCapacity
	if typ == "enterprise" {
		capacity = enterpriseGroupCapacity
	}
	now := time.Now().UTC()
	c.s.mu.Lock()
	id, seq := c.newID("sg", name)
	c.s.madeState().Groups[id] = &madeGroup{SecurityGroup: world.SecurityGroup{SecurityGroupId: id, SecurityGroupName: name,
		Description: desc, SecurityGroupType: typ, VpcId: vpcID, CreationTime: now.Format(timeLayout), Capacity: capacity},
		RegionId: c.region.RegionId, Tags: tags, Seq: seq}
	c.remember("CreateSecurityGroup", id)
	c.s.mu.Unlock()
	if err := c.commitMade(); err != nil {
		return nil, err
	}
	return &ecs.CreateSecurityGroupResponse{RequestId: c.requestID, SecurityGroupId: id}, nil
}

// Group capacities (docs/rules.md T2-15), as the world's groups have them.
const (
	basicGroupCapacity      = 2000
	enterpriseGroupCapacity = 65536
)

// ruleFields are the fields of one AuthorizeSecurityGroup permission.
var ruleFields = []string{"IpProtocol", "PortRange", "SourceCidrIp", "SourceGroupId", "Ipv6SourceCidrIp",
	"SourcePrefixListId", "Policy", "Priority", "NicType", "Description", "DestCidrIp", "SourcePortRange"}

// permissions reads the rules of an AuthorizeSecurityGroup call: the
// Permissions.N list, or the deprecated top-level fields, never both.
func (c *call) permissions() ([]map[string]string, string, error) {
	list := c.p.structList("Permissions")
	legacy := map[string]string{}
	for _, f := range ruleFields {
		if v := c.p.Get(f); v != "" {
			legacy[f] = v
		}
	}
	switch {
	case len(list) > 0 && len(legacy) > 0:
		return nil, "", errPermsMixed
	case len(list) > 0:
		return list, "Permissions.%d.", nil
	}
	return []map[string]string{legacy}, "", nil
}

func (c *call) authorizeSecurityGroup() (any, error) {
	id := c.p.Get("SecurityGroupId")
	if id == "" {
		return nil, errMissing("SecurityGroupId")
	}
	perms, prefix, err := c.permissions()
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC().Format(timeLayout)
	var rules []world.Rule
	for i, p := range perms {
		name := func(f string) string {
			if prefix == "" {
				return f
			}
			return fmt.Sprintf(prefix, i+1) + f
		}
		r, err := checkRule(p, name, now)
		if err != nil {
			return nil, err
		}
		for _, o := range rules {
			if sameRule(o, r) {
				return nil, errPermsDup
			}
		}
		rules = append(rules, r)
	}
	c.s.runMu.Lock()
	defer c.s.runMu.Unlock()
	if _, ok, err := c.replay("AuthorizeSecurityGroup"); err != nil {
		return nil, err
	} else if ok {
		return &ecs.AuthorizeSecurityGroupResponse{RequestId: c.requestID}, nil
	}
	g, ok := c.s.findGroup(c.region.RegionId, id)
	if !ok {
		return nil, errSGMissing
	}
	if g.SecurityGroupType == "enterprise" {
		for _, r := range rules {
			if r.Policy != "Accept" || r.SourceGroupId != "" {
				return nil, &apiError{http.StatusBadRequest, "InvalidGroupParameter.OperationDenied",
					"The attributes Policy, SourceGroupId, DestGroupId of enterprise level security groups are not allowed to be set or modified."}
			}
		}
	}
	var fresh []world.Rule
	for _, r := range rules {
		known := false
		for _, o := range g.Rules {
			known = known || sameRule(o, r)
		}
		if !known { // authorizing a rule the group has is a no-op
			fresh = append(fresh, r)
		}
	}
	if len(g.Rules)+len(fresh) > rulesPerGroup {
		return nil, errSGRules
	}
	c.s.mu.Lock()
	m := c.s.madeState()
	if mg, mine := m.Groups[id]; mine {
		mg.Rules = append(mg.Rules, fresh...)
	} else {
		m.Rules[id] = append(m.Rules[id], fresh...)
	}
	c.remember("AuthorizeSecurityGroup", id)
	c.s.mu.Unlock()
	if err := c.commitMade(); err != nil {
		return nil, err
	}
	return &ecs.AuthorizeSecurityGroupResponse{RequestId: c.requestID}, nil
}

// sameRule reports whether two rules let the same traffic in the same way.
func sameRule(a, b world.Rule) bool {
	return a.Direction == b.Direction && a.IpProtocol == b.IpProtocol && a.PortRange == b.PortRange &&
		a.SourceCidrIp == b.SourceCidrIp && a.SourceGroupId == b.SourceGroupId && a.Policy == b.Policy &&
		a.Priority == b.Priority && a.DestCidrIp == b.DestCidrIp
}

// checkRule validates one permission in the API's order: protocol, port
// range, source, policy, priority. name gives a field's parameter name.
func checkRule(p map[string]string, name func(string) string, now string) (world.Rule, error) {
	bad := func(code, field string) error {
		return &apiError{http.StatusBadRequest, code, fmt.Sprintf("The specified parameter %s is not valid: %q.", name(field), p[field])}
	}
	proto := strings.ToUpper(p["IpProtocol"])
	switch proto {
	case "TCP", "UDP", "ICMP", "GRE", "ALL":
	case "":
		return world.Rule{}, errMissing(name("IpProtocol"))
	default:
		return world.Rule{}, &apiError{http.StatusBadRequest, "InvalidIpProtocol.ValueNotSupported",
			fmt.Sprintf("The parameter %s must be specified with case insensitive TCP, UDP, ICMP, GRE or All.", name("IpProtocol"))}
	}
	ports := p["PortRange"]
	switch {
	case ports == "":
		return world.Rule{}, &apiError{http.StatusBadRequest, "InvalidPortRange.Malformed", fmt.Sprintf("The specified parameter %s must set.", name("PortRange"))}
	case proto == "TCP" || proto == "UDP":
		if !validPorts(ports) {
			return world.Rule{}, &apiError{http.StatusBadRequest, "InvalidParam.PortRange",
				fmt.Sprintf("The specified parameter %s is not valid. It should be two integers less than 65535 in ?/? format.", name("PortRange"))}
		}
	case ports != "-1/-1":
		return world.Rule{}, &apiError{http.StatusBadRequest, "OperationDenied", "The specified IpProtocol does not exist or IpProtocol and PortRange do not match."}
	}
	src, group := p["SourceCidrIp"], p["SourceGroupId"]
	if src == "" && group == "" && p["Ipv6SourceCidrIp"] == "" && p["SourcePrefixListId"] == "" {
		where := strings.TrimSuffix(name(""), ".")
		if where == "" {
			where = "the request"
		}
		return world.Rule{}, &apiError{http.StatusBadRequest, "MissingParameter.Source",
			fmt.Sprintf("One of the parameters SourceCidrIp, Ipv6SourceCidrIp, SourceGroupId or SourcePrefixListId in %s must be specified.", where)}
	}
	if src != "" {
		if _, err := netip.ParsePrefix(src); err != nil {
			if a, err := netip.ParseAddr(src); err != nil || !a.Is4() {
				return world.Rule{}, bad("InvalidSourceCidrIp.Malformed", "SourceCidrIp")
			}
		}
	}
	policy := "Accept"
	switch strings.ToLower(p["Policy"]) {
	case "", "accept":
	case "drop":
		policy = "Drop"
	default:
		return world.Rule{}, bad("InvalidPolicy.Malformed", "Policy")
	}
	prio := orDefault(p["Priority"], "1")
	if n, err := strconv.Atoi(prio); err != nil || n < 1 || n > 100 {
		return world.Rule{}, bad("InvalidPriority.Malformed", "Priority")
	}
	return world.Rule{Direction: "ingress", IpProtocol: proto, PortRange: ports, SourceCidrIp: src, DestCidrIp: p["DestCidrIp"],
		SourceGroupId: group, Policy: policy, Priority: prio, NicType: "intranet", Description: p["Description"], CreateTime: now}, nil
}

// validPorts matches a TCP/UDP range "from/to", 1 ≤ from ≤ to ≤ 65535.
func validPorts(s string) bool {
	from, to, ok := strings.Cut(s, "/")
	a, errA := strconv.Atoi(from)
	b, errB := strconv.Atoi(to)
	return ok && errA == nil && errB == nil && a >= 1 && a <= b && b <= 65535
}

// Rules per DescribeSecurityGroupAttribute page: 10 to 1000, default 500.
const (
	attributeMinResults     = 10
	attributeMaxResults     = 1000
	attributeDefaultResults = 500
)

func (c *call) describeSecurityGroupAttribute() (any, error) {
	id := c.p.Get("SecurityGroupId")
	if id == "" {
		return nil, errMissing("SecurityGroupId")
	}
	dir := orDefault(c.p.Get("Direction"), "all")
	if dir != "all" && dir != "ingress" && dir != "egress" {
		return nil, errInvalid("Direction", dir)
	}
	size, err := c.p.intParam("MaxResults", attributeDefaultResults)
	if err != nil {
		return nil, err
	}
	size = min(max(size, attributeMinResults), attributeMaxResults)
	g, ok := c.s.findGroup(c.region.RegionId, id)
	if !ok {
		return nil, errSGMissing
	}
	pg := page{Number: 1, Size: size, Max: size, token: true}
	if tok := c.p.Get("NextToken"); tok != "" {
		if pg.Offset, err = decodeToken(tok); err != nil {
			return nil, &apiError{http.StatusBadRequest, "InvalidNextToken.Malformed", "The specified NextToken is invalid."}
		}
	}
	var rules []world.Rule
	for _, r := range g.Rules {
		if dir == "all" || r.Direction == dir {
			rules = append(rules, r)
		}
	}
	from, to, next := pg.cut(len(rules))
	policy := "Accept"
	if g.SecurityGroupType == "enterprise" {
		policy = "Drop"
	}
	resp := &ecs.DescribeSecurityGroupAttributeResponse{RequestId: c.requestID, RegionId: c.region.RegionId,
		SecurityGroupId: g.SecurityGroupId, SecurityGroupName: g.SecurityGroupName, Description: g.Description,
		VpcId: g.VpcId, InnerAccessPolicy: policy, NextToken: next}
	resp.Permissions.Permission = make([]ecs.Permission, 0, to-from)
	for i, r := range rules[from:to] {
		resp.Permissions.Permission = append(resp.Permissions.Permission, ecs.Permission{
			SecurityGroupRuleId: world.ID("sgr", c.region.Code, g.SecurityGroupId+strconv.Itoa(from+i)+r.PortRange+r.SourceCidrIp),
			Direction:           r.Direction, IpProtocol: r.IpProtocol, PortRange: r.PortRange, SourceCidrIp: r.SourceCidrIp,
			DestCidrIp: r.DestCidrIp, SourceGroupId: r.SourceGroupId, Policy: r.Policy, Priority: r.Priority,
			NicType: r.NicType, Description: r.Description, CreateTime: r.CreateTime, SourcePortRange: "",
		})
	}
	return resp, nil
}
