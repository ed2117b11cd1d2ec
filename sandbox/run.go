package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/netip"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// runPlan is a checked RunInstances request, ready to create.
type runPlan struct {
	req     *request.Request
	region  world.Region
	zone    world.Zone
	typ     world.InstanceType
	img     world.Image
	vsw     world.VSwitch
	groups  []string
	amount  int
	firstIP netip.Addr // PrivateIpAddress, or invalid for "any"
	ipKey   string     // the parameter giving the first address
}

// runInstances checks the request in a deterministic order (template
// reference, documented rules, references, state), then answers
// DryRunOperation or creates the instances. Committing calls are serialized
// so a ClientToken is honoured exactly once.
func (c *call) runInstances() (any, error) {
	dryRun, err := c.p.boolParam("DryRun", false)
	if err != nil {
		return nil, err
	}
	merged, err := c.mergedParams()
	if err != nil {
		return nil, err
	}
	token := c.p.Get("ClientToken")
	hash := paramsHash(merged)
	if !dryRun {
		c.s.runMu.Lock()
		defer c.s.runMu.Unlock()
		if token != "" {
			if prev, ok := c.s.tokenResult(c.region.RegionId, token); ok {
				if prev.ParamsHash != hash {
					return nil, errIdempotent
				}
				return c.runResponse(prev), nil
			}
		}
	}
	plan, err := c.check(merged)
	if err != nil {
		return nil, err
	}
	if dryRun {
		return nil, errDryRun
	}
	res, err := c.commit(plan, token, hash)
	if err != nil {
		return nil, err
	}
	if c.s.dropAfterCommit() {
		c.drop = true
	}
	return c.runResponse(res), nil
}

// mergedParams are the request's RunInstances parameters over those of the
// launch template it names (docs/rules.md T1-75, T1-76): the request wins.
func (c *call) mergedParams() (map[string]string, error) {
	tpl, err := c.templateParams()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for k, v := range tpl {
		out[k] = v
	}
	for _, kv := range c.p.actionParams() {
		out[kv[0]] = kv[1]
	}
	delete(out, "DryRun")
	return out, nil
}

// paramsHash identifies a request's parameters for ClientToken matching.
// Secrets enter masked: the hash is kept in the state file, and a hash of a
// short password could be brute-forced; so a retry that changes only the
// Password counts as the same request.
func paramsHash(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%s\n", k, request.Display(k, m[k]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// buildRequest makes the request model from the merged parameters; names
// the model does not know (template-only ones like VpcId, or parameters
// newer than the SDK) are ignored, as the live API ignores unknown ones.
func buildRequest(m map[string]string) *request.Request {
	ps := make([]request.Param, 0, len(m))
	for k, v := range m {
		if request.CheckName(k) == nil {
			ps = append(ps, request.Param{Name: k, Value: v})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	req, err := request.FromParams(ps)
	if err != nil { // unreachable: every name was checked
		return request.New()
	}
	return req
}

// check runs every check in order and returns the first error:
//  1. the documented rules (rules.Validate, docs/rules.md Table 1/2),
//  2. the references against the sandbox (rules.ValidateOnline over stateCatalog),
//  3. the sandbox's own state: what it needs to create the instances,
//     security group capacity by group type (T1-8, T2-15), free and unused
//     private IPs (T1-89, T1-90).
func (c *call) check(m map[string]string) (*runPlan, error) {
	asked := buildRequest(m)
	// The references are checked, and the instances made, with the image
	// ImageFamily stands for (docs/rules.md T2-16); the documented rules see the
	// request as sent.
	req, famErr := c.resolveImageFamily(asked)
	img, _ := c.s.world.ImageIn(c.region.RegionId, req.Get("ImageId"))
	rctx := rules.Context{OSType: img.OSType, ImageSize: img.Size, Now: time.Now()}
	if t, ok := c.s.world.Type(req.Get("InstanceType")); ok {
		rctx.MaxDataDisks = t.MaxDataDisks()
	}
	offline := rules.Validate(asked, rctx)
	if f, ok := firstFinding(offline); ok && requiredCodes[f.Code] {
		return nil, asAPIError(f)
	}
	if famErr != nil {
		if err := firstError(offline); err != nil {
			return nil, err
		}
		return nil, famErr
	}
	online := rules.ValidateOnline(context.Background(), req, stateCatalog{c.s}, rctx)
	// docs/rules.md's suggested order: required parameters (step 2; VSwitchId,
	// T1-11, needs the security group's network) before the format and
	// cross-field rules (steps 3, 4), then references (step 5) before
	// capacity and stock (step 6), whatever order the rules report them in.
	step := func(f rules.Finding) int {
		switch {
		case requiredCodes[f.Code]:
			return 0
		case capacityCodes[f.Code]:
			return 2
		}
		return 1
	}
	sort.SliceStable(online, func(i, j int) bool { return step(online[i]) < step(online[j]) })
	if f, ok := firstFinding(online); ok && requiredCodes[f.Code] {
		return nil, asAPIError(f)
	}
	if err := firstError(offline); err != nil {
		return nil, err
	}
	if f, ok := firstFinding(online); ok && !capacityCodes[f.Code] {
		return nil, asAPIError(f)
	}
	if err := absentReferences(req); err != nil {
		return nil, err
	}
	if err := firstError(online); err != nil {
		return nil, err
	}
	return c.plan(req)
}

// errNoKMSKey answers a KMS key the sandbox does not have (docs/rules.md T1-47).
func errNoKMSKey(key string) error {
	return &apiError{http.StatusNotFound, "InvalidParameter.KMSKeyId.NotFound", fmt.Sprintf("The specified %s does not exist.", key)}
}

// absentReferences answers the references to resources the sandbox never
// has (step 5 of the suggested order): a data-disk snapshot (docs/rules.md T1-44),
// a KMS key (T1-47), a RAM role (T1-59), a dedicated host (T1-68), an
// IPv6-enabled vSwitch (T1-87, T1-88) or a deployment set (T1-67).
func absentReferences(req *request.Request) error {
	for i := 1; i <= req.Count("DataDisk"); i++ {
		if id := req.Get("DataDisk." + strconv.Itoa(i) + ".SnapshotId"); id != "" {
			return &apiError{http.StatusNotFound, "InvalidDataDiskSnapshotId.NotFound",
				fmt.Sprintf("The specified parameter \"DataDisk.%d.SnapshotId\" is not valid: snapshot %q does not exist.", i, id)}
		}
	}
	for _, k := range []string{"SystemDisk.KMSKeyId"} {
		if req.Has(k) {
			return errNoKMSKey(k)
		}
	}
	for i := 1; i <= req.Count("DataDisk"); i++ {
		if k := "DataDisk." + strconv.Itoa(i) + ".KMSKeyId"; req.Has(k) {
			return errNoKMSKey(k)
		}
	}
	if name := req.Get("RamRoleName"); name != "" {
		return &apiError{http.StatusNotFound, "InvalidRamRole.NotFound", fmt.Sprintf("The specified RAM role %q does not exist.", name)}
	}
	if id := req.Get("DedicatedHostId"); id != "" {
		return &apiError{http.StatusBadRequest, "InvalidDedicatedHostId.NotFound", fmt.Sprintf("The specified dedicated host %q does not exist.", id)}
	}
	if req.Has("Ipv6AddressCount") || req.Count("Ipv6Address") > 0 {
		// The sandbox's vSwitches, like a default one, have no IPv6 CIDR (T1-87).
		return &apiError{http.StatusForbidden, "InvalidVSwitch.Ipv6NotTurnOn", "The specified vSwitch does not have IPv6 enabled."}
	}
	if id := req.Get("DeploymentSetId"); id != "" {
		return &apiError{http.StatusNotFound, "DeploymentSet.NotFound", fmt.Sprintf("The specified deployment set %q does not exist.", id)}
	}
	return nil
}

// resolveImageFamily returns the request with ImageFamily replaced by the
// family's latest available image (docs/rules.md T2-16), or the request itself
// when it names no family or also an ImageId (a conflict the rules report).
func (c *call) resolveImageFamily(req *request.Request) (*request.Request, error) {
	fam := req.Get("ImageFamily")
	if fam == "" || req.Has("ImageId") {
		return req, nil
	}
	var latest world.Image
	for _, img := range c.s.world.Images {
		if img.ImageFamily == fam && img.Status == "Available" && img.CreationTime > latest.CreationTime {
			latest = img
		}
	}
	if latest.ImageId == "" {
		return req, &apiError{http.StatusForbidden, "InvalidImageFamily.MissingAvailableImage",
			fmt.Sprintf("The specified ImageFamily %q has no available image.", fam)}
	}
	out := req.Clone()
	out.Delete("ImageFamily")
	if err := out.Set("ImageId", latest.ImageId); err != nil {
		return req, errInternal
	}
	return out, nil
}

// requiredCodes answer step 2 of docs/rules.md's suggested check order (the
// spec's MissingParamter spelling for Period included).
var requiredCodes = map[string]bool{"MissingParameter": true, "MissingParamter": true}

// capacityCodes are the answers of step 6 of docs/rules.md's suggested check
// order (T1-8, T1-61, T1-90, T1-95): given only once every reference holds.
var capacityCodes = map[string]bool{
	"OperationDenied.NoStock": true, "QuotaExceeded.PrivateIpAddress": true, "SecurityGroupInstanceLimitExceed": true,
}

// firstError turns the first error finding into the API error.
func firstError(fs []rules.Finding) error {
	if f, ok := firstFinding(fs); ok {
		return asAPIError(f)
	}
	return nil
}

// firstFinding returns the first error (not warning) finding.
func firstFinding(fs []rules.Finding) (rules.Finding, bool) {
	for _, f := range fs {
		if f.Severity == rules.Error {
			return f, true
		}
	}
	return rules.Finding{}, false
}

// asAPIError is the API's answer to a finding.
func asAPIError(f rules.Finding) *apiError {
	status := f.HTTPStatus
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &apiError{status, f.Code, ruleCitation.ReplaceAllString(f.Message, "")}
}

// ruleCitation is the "(docs/rules.md T1-6)" the rules append to their messages:
// the real service cites no project file.
var ruleCitation = regexp.MustCompile(`\s*\((?:docs/)?rules\.md [^)]*\)$`)

// plan resolves the references the sandbox needs to create the instances
// and applies its state checks.
func (c *call) plan(req *request.Request) (*runPlan, error) {
	p := &runPlan{req: req, region: c.region, amount: 1}
	var ok bool
	if p.img, ok = c.s.world.ImageIn(c.region.RegionId, req.Get("ImageId")); !ok {
		return nil, refError(req, "ImageId", http.StatusNotFound, "InvalidImageId.NotFound")
	}
	if p.typ, ok = c.s.world.Type(req.Get("InstanceType")); !ok {
		return nil, refError(req, "InstanceType", http.StatusBadRequest, "InvalidInstanceType.ValueNotSupported")
	}
	if a := req.Get("Amount"); a != "" {
		n, err := strconv.Atoi(a)
		if err != nil || n < 1 {
			return nil, &apiError{http.StatusForbidden, "InvalidParam.Amount", "The specified parameter Amount is not valid."}
		}
		p.amount = n
	}
	if err := c.network(p); err != nil {
		return nil, err
	}
	if err := c.stock(p); err != nil {
		return nil, err
	}
	if err := c.capacity(p); err != nil {
		return nil, err
	}
	return p, c.addresses(p)
}

// network resolves the vSwitch and security groups: the top-level ones, or
// those of a primary NetworkInterface.N (docs/rules.md T2-12).
func (c *call) network(p *runPlan) error {
	req := p.req
	vswKey, groups, ipKey := "VSwitchId", req.Strings("SecurityGroupIds"), "PrivateIpAddress"
	if g := req.Get("SecurityGroupId"); g != "" {
		groups = []string{g}
	}
	for i := 1; i <= req.Count("NetworkInterface"); i++ {
		pre := "NetworkInterface." + strconv.Itoa(i) + "."
		if req.Get(pre+"InstanceType") == "Primary" && req.Get("VSwitchId") == "" {
			vswKey, groups, ipKey = pre+"VSwitchId", req.Strings(pre+"SecurityGroupIds"), pre+"PrimaryIpAddress"
			if g := req.Get(pre + "SecurityGroupId"); g != "" {
				groups = []string{g}
			}
		}
	}
	if req.Get(vswKey) == "" {
		return errMissing(vswKey)
	}
	v, ok := c.s.findVSwitch(c.region.RegionId, req.Get(vswKey))
	if !ok {
		return refError(req, vswKey, http.StatusNotFound, "InvalidVSwitchId.NotFound")
	}
	if v.Status != statusAvailable {
		return errVSwitchStatus
	}
	p.vsw = v.VSwitch
	if len(groups) == 0 {
		return errMissing("SecurityGroupId")
	}
	p.groups, p.ipKey = groups, ipKey
	p.zone, _ = c.s.world.Zone(c.region.RegionId, p.vsw.ZoneId)
	return nil
}

// stock checks the type is sold and in stock in the vSwitch's zone
// (docs/rules.md T1-6).
func (c *call) stock(p *runPlan) error {
	switch world.Availability(c.region, p.zone, p.typ, orDefault(p.req.Get("InstanceChargeType"), "PostPaid"), orDefault(p.req.Get("SpotStrategy"), "NoSpot")) {
	case world.NotOffered:
		return &apiError{http.StatusForbidden, "InvalidInstanceType.ZoneNotSupported", "The specified zone does not support this instance type."}
	case world.SoldOut:
		return &apiError{http.StatusForbidden, "OperationDenied.NoStock", "The requested resource is sold out in the specified zone; try other types of resources or other regions and zones."}
	}
	return nil
}

func refError(req *request.Request, key string, status int, code string) error {
	return &apiError{status, code, fmt.Sprintf("The specified %s %q does not exist.", key, req.Get(key))}
}

// capacity checks each security group's room (docs/rules.md T1-8; T2-15: basic
// groups hold 2000 today, enterprise groups 65536).
func (c *call) capacity(p *runPlan) error {
	for _, id := range p.groups {
		g, ok := c.s.findGroup(c.region.RegionId, id)
		if !ok {
			return &apiError{http.StatusNotFound, "InvalidSecurityGroupId.NotFound", fmt.Sprintf("The specified SecurityGroupId %q does not exist.", id)}
		}
		if g.VpcId != p.vsw.VpcId {
			return &apiError{http.StatusBadRequest, "InvalidParameter.Mismatch", "Specified security group and virtual switch are not in the same VPC."}
		}
		if c.s.sgCount(c.region.RegionId, g.SecurityGroup)+p.amount > g.Capacity {
			return &apiError{http.StatusForbidden, "SecurityGroupInstanceLimitExceed", fmt.Sprintf("The security group %s cannot hold %d more instances.", id, p.amount)}
		}
	}
	return nil
}

// addresses checks the vSwitch has Amount free addresses and, with
// PrivateIpAddress, that the consecutive addresses from it lie in the CIDR
// and are unused (docs/rules.md T1-89, T1-90, T2-11).
func (c *call) addresses(p *runPlan) error {
	if c.s.freeIPs(c.region.RegionId, p.vsw) < p.amount {
		return &apiError{http.StatusBadRequest, "QuotaExceeded.PrivateIpAddress", "The vSwitch does not have enough free private IP addresses."}
	}
	ip := p.req.Get(p.ipKey)
	if ip == "" {
		return nil
	}
	first, err := netip.ParseAddr(ip)
	if err != nil || !first.Is4() {
		return &apiError{http.StatusBadRequest, "InvalidPrivateIpAddress.Malformed", "The specified PrivateIpAddress is malformed."}
	}
	used := c.s.usedIPs(c.region.RegionId, p.vsw.VSwitchId)
	prefix := netip.MustParsePrefix(p.vsw.CidrBlock)
	a := first
	for i := 0; i < p.amount; i++ {
		if !usable(prefix, a) {
			return &apiError{http.StatusBadRequest, "InvalidPrivateIpAddress", fmt.Sprintf("The private IP address %s is not available in vSwitch %s (%s).", a, p.vsw.VSwitchId, p.vsw.CidrBlock)}
		}
		if used[a] {
			return &apiError{http.StatusBadRequest, "InvalidPrivateIpAddress.Duplicated", fmt.Sprintf("The private IP address %s is already in use.", a)}
		}
		a = a.Next()
	}
	p.firstIP = first
	return nil
}

// usable reports whether a is an address instances may have: inside the
// prefix and not one ECS reserves, as the rules decide it
// (rules.CheckPrivateIP, docs/rules.md T1-89).
func usable(prefix netip.Prefix, a netip.Addr) bool {
	return rules.CheckPrivateIP(a.String(), prefix.String()) == ""
}

func (s *Server) usedIPs(regionID, vswID string) map[netip.Addr]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	used := map[netip.Addr]bool{}
	for _, in := range s.st.Instances {
		if in.RegionId == regionID && in.VSwitchId == vswID {
			if a, err := netip.ParseAddr(in.PrivateIp); err == nil {
				used[a] = true
			}
		}
	}
	return used
}

func (s *Server) tokenResult(regionID, token string) (tokenResult, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.st.Tokens[regionID+"/"+token]
	if !ok {
		return tokenResult{}, false
	}
	return *r, true
}

// store adds the new instances and the ClientToken's result to the state,
// under the lock (released by defer).
func (c *call) store(p *runPlan, ips []netip.Addr, now time.Time, charge, token string, res tokenResult) tokenResult {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if charge == "PrePaid" {
		res.OrderId = strconv.FormatUint(2e14+s.rng.Uint64N(1e14), 10)
	}
	for i := 0; i < p.amount; i++ {
		in := c.newInstance(p, i, ips[i], now)
		s.st.Instances[in.InstanceId] = in
		c.recordMade(p, in)
		res.InstanceIds = append(res.InstanceIds, in.InstanceId)
	}
	if token != "" {
		r := res
		s.st.Tokens[c.region.RegionId+"/"+token] = &r
	}
	return res
}

// commit creates the instances, records the ClientToken and saves the state.
func (c *call) commit(p *runPlan, token, hash string) (tokenResult, error) {
	charge := orDefault(p.req.Get("InstanceChargeType"), "PostPaid")
	t := term{unit: "Hour", period: 1, amount: p.amount}
	if charge == "PrePaid" {
		n, _ := strconv.Atoi(orDefault(p.req.Get("Period"), "1"))
		t.unit, t.period = subscription(p.req.Get("PeriodUnit"), n)
	}
	// The same figure DescribePrice gives for the request (a spot price in
	// the vSwitch's zone).
	q, err := c.priceOf(params{valuesOf(paramsMap(p.req))}, p.zone, t)
	if err != nil {
		return tokenResult{}, err
	}
	used := c.s.usedIPs(c.region.RegionId, p.vsw.VSwitchId)
	ips := allocate(netip.MustParsePrefix(p.vsw.CidrBlock), used, p.firstIP, p.amount)
	now := time.Now().UTC()
	res := tokenResult{ParamsHash: hash, TradePrice: q.Trade}
	s := c.s
	res = c.store(p, ips, now, charge, token, res)
	if err := s.save(); err != nil {
		return tokenResult{}, errInternal
	}
	return res, nil
}

func paramsMap(req *request.Request) map[string]string {
	m := map[string]string{}
	for _, p := range req.Params() {
		m[p.Name] = p.Value
	}
	return m
}

// allocate picks n free addresses: consecutive from first when given,
// otherwise the lowest free ones from a region-stable offset.
func allocate(prefix netip.Prefix, used map[netip.Addr]bool, first netip.Addr, n int) []netip.Addr {
	out := make([]netip.Addr, 0, n)
	a := first
	if !a.IsValid() {
		a = prefix.Masked().Addr().Next()
	}
	for start := a; len(out) < n; a = a.Next() {
		if !prefix.Contains(a) {
			a = prefix.Masked().Addr() // wrap around; the free count was checked
		}
		if usable(prefix, a) && !used[a] {
			out = append(out, a)
			used[a] = true
		}
		if a.Next() == start {
			break
		}
	}
	return out
}

// newInstance builds instance i of a plan; s.mu is held.
func (c *call) newInstance(p *runPlan, i int, ip netip.Addr, now time.Time) *instance {
	s := c.s
	s.st.Serial++
	id := world.ID("i", c.region.Code, strconv.FormatUint(s.st.Serial, 10)+"/"+strconv.FormatUint(s.rng.Uint64(), 36))
	req := p.req
	name, nameOrdered := expandName(req.Get("InstanceName"), id, i)
	hostName := req.Get("HostName")
	if req.Count("HostNames") > 0 { // one per instance (docs/rules.md T2-17)
		hostName = req.Get("HostNames." + strconv.Itoa(i+1))
	}
	host, hostOrdered := expandName(hostName, id, i)
	hostOrdered = hostOrdered || req.Count("HostNames") > 0 // already one name per instance
	if req.Get("UniqueSuffix") == "true" && p.amount > 1 {
		// docs/rules.md T1-26; no effect on an ordered name (T2-19).
		suffix := fmt.Sprintf("%03d", i+1)
		if name != "" && !nameOrdered {
			name += suffix
		}
		if host != "" && !hostOrdered {
			host += suffix
		}
	}
	if name == "" {
		name = id
	}
	if host == "" {
		host = "iZ" + strings.TrimPrefix(id, "i-") + "Z"
	}
	bwOut, _ := strconv.Atoi(req.Get("InternetMaxBandwidthOut"))
	bwIn, _ := strconv.Atoi(req.Get("InternetMaxBandwidthIn"))
	if bwIn == 0 { // T2-8: Out ≤ 10 ⇒ default 10, otherwise Out
		bwIn = max(10, bwOut)
	}
	in := &instance{InstanceId: id, RegionId: c.region.RegionId, ZoneId: p.vsw.ZoneId, InstanceName: name, HostName: host,
		Description: req.Get("Description"), InstanceType: p.typ.InstanceTypeId, ImageId: p.img.ImageId, VpcId: p.vsw.VpcId,
		VSwitchId: p.vsw.VSwitchId, PrivateIp: ip.String(), SecurityGroupIds: p.groups, KeyPairName: req.Get("KeyPairName"),
		InstanceChargeType: orDefault(req.Get("InstanceChargeType"), "PostPaid"), InternetChargeType: orDefault(req.Get("InternetChargeType"), "PayByTraffic"),
		InternetMaxBandwidthOut: bwOut, InternetMaxBandwidthIn: bwIn, SpotStrategy: orDefault(req.Get("SpotStrategy"), "NoSpot"),
		DeletionProtection: req.Get("DeletionProtection") == "true", AutoReleaseTime: req.Get("AutoReleaseTime"),
		ResourceGroupId: req.Get("ResourceGroupId"), Created: now, Seq: s.st.Serial}
	in.HttpEndpoint, in.HttpTokens = req.Get("HttpEndpoint"), req.Get("HttpTokens")
	in.HttpPutResponseHopLimit, _ = strconv.Atoi(req.Get("HttpPutResponseHopLimit"))
	if in.InstanceChargeType == "PrePaid" {
		in.Period, _ = strconv.Atoi(orDefault(req.Get("Period"), "1"))
		in.PeriodUnit = orDefault(req.Get("PeriodUnit"), "Month")
	}
	if bwOut > 0 {
		in.PublicIp = fmt.Sprintf("47.%d.%d.%d", 96+s.rng.IntN(24), s.rng.IntN(256), 1+s.rng.IntN(254))
	}
	for j := 1; j <= req.Count("Tag"); j++ {
		t := req.Item("Tag", j)
		if t["Key"] != "" {
			in.Tags = append(in.Tags, [2]string{t["Key"], t["Value"]})
		}
	}
	return in
}

func (c *call) runResponse(r tokenResult) *ecs.RunInstancesResponse {
	resp := &ecs.RunInstancesResponse{RequestId: c.requestID, OrderId: r.OrderId, TradePrice: r.TradePrice}
	resp.InstanceIdSets.InstanceIdSet = append([]string{}, r.InstanceIds...)
	return resp
}
