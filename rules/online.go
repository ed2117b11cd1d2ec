package rules

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// online runs the catalog rules of one request and collects their findings.
type online struct {
	ctx  context.Context
	req  *request.Request
	cat  Catalog
	c    Context
	out  []Finding
	vsw  *VSwitchFacts
	img  *ImageFacts
	typ  *TypeFacts
	zone string
}

// ValidateOnline runs the catalog rules: region and zone exist (T1-1,
// T1-15), image exists, is available and fits the type's architecture
// (T1-3, T1-4), the type is offered and in stock (T1-6), disk categories
// (T1-37, T1-45), vSwitch (T1-12, T1-14, T1-89, T1-90), security groups
// (T1-7, T1-8, T1-11, T1-13), key pair (T1-34), a SpotPriceLimit not below
// the current spot price (T1-63). It also re-runs the rules
// that depend on the image's OS type and size and the type's data-disk
// limit with the catalog's facts, returning only what Validate(req, c) did
// not already report. A catalog error other than ErrNotFound becomes a
// warning naming the check that could not be done.
func ValidateOnline(ctx context.Context, req *request.Request, cat Catalog, c Context) []Finding {
	o := &online{ctx: ctx, req: req, cat: cat, c: c}
	if !o.region() {
		return o.out
	}
	for _, step := range []func(){o.zoneExists, o.vswitch, o.image, o.instanceType, o.architecture,
		o.diskCategories, o.securityGroups, o.eniChecks, o.keyPair, o.spotPriceLimit, o.contextRules} {
		if err := ctx.Err(); err != nil {
			// Cancelled: say so once rather than once per remaining check.
			o.warn("RegionId", CodeCheckSkipped, "T1-1", i18n.T("online checks stopped: %s", err.Error()))
			break
		}
		step()
	}
	return o.out
}

// literal returns a parameter's value unless it is unset or an environment
// reference (resolved only when a call is made).
func (o *online) literal(key string) (string, bool) {
	v := o.req.Get(key)
	return v, v != "" && !request.IsReference(v)
}

// add appends a finding for a documented code.
func (o *online) add(param, code, row, msg string) {
	o.out = append(o.out, Finding{Parameter: param, Severity: Error, Code: code, Row: row,
		HTTPStatus: statuses[code], Message: msg + cite(row)})
}

// warn appends a warning.
func (o *online) warn(param, code, row, msg string) {
	o.out = append(o.out, Finding{Parameter: param, Severity: Warning, Code: code, Row: row,
		Message: msg + cite(row)})
}

// failed reports a catalog error: not-found answers are handled by the
// caller, anything else becomes a CheckSkipped warning.
func (o *online) failed(param, row, check string, err error) bool {
	if err == nil || errors.Is(err, ErrNotFound) {
		return false
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	o.warn(param, CodeCheckSkipped, row, i18n.T("could not check %s: %s", check, msg))
	return true
}

func (o *online) region() bool {
	region, ok := o.literal("RegionId")
	if !ok {
		return false
	}
	found, err := o.cat.RegionExists(o.ctx, region)
	if o.failed("RegionId", "T1-1", i18n.T("that region %s exists", region), err) {
		return true
	}
	if !found {
		o.add("RegionId", "InvalidRegionId.NotFound", "T1-1", i18n.T("RegionId %q is not a known region", region))
		return false
	}
	return true
}

func (o *online) zoneExists() {
	zone, ok := o.literal("ZoneId")
	if !ok {
		return
	}
	o.zone = zone
	found, err := o.cat.ZoneExists(o.ctx, o.req.Get("RegionId"), zone)
	if o.failed("ZoneId", "T1-15", i18n.T("that zone %s exists", zone), err) {
		return
	}
	if !found {
		o.add("ZoneId", "InvalidZoneId.NotFound", "T1-15", i18n.T("ZoneId %q is not a zone of %s", zone, o.req.Get("RegionId")))
	}
}

func (o *online) vswitch() {
	id, ok := o.literal("VSwitchId")
	if !ok {
		return
	}
	v, err := o.cat.VSwitch(o.ctx, o.req.Get("RegionId"), id)
	if o.failed("VSwitchId", "T1-12", i18n.T("vSwitch %s", id), err) {
		return
	}
	if err != nil {
		o.add("VSwitchId", "InvalidVSwitchId.NotFound", "T1-12", i18n.T("VSwitchId %q does not exist", id))
		return
	}
	o.vsw = &v
	if o.zone != "" && v.ZoneId != "" && v.ZoneId != o.zone {
		o.add("VSwitchId", "InvalidParameter.Mismatch", "T1-14",
			i18n.T("VSwitchId %q is in zone %s, not in ZoneId %s: specified virtual switch is not in the specified zone", id, v.ZoneId, o.zone))
	}
	if o.zone == "" {
		o.zone = v.ZoneId
	}
	if ip, ok := o.literal("PrivateIpAddress"); ok {
		// With Amount > 1 the instances get consecutive addresses from
		// this one, every one of which must be usable (T2-11).
		o.inCIDR("PrivateIpAddress", "T1-89", ip, o.amount(), v)
	}
	if n := o.amount(); v.AvailableIpAddressCount < n {
		o.add("VSwitchId", "QuotaExceeded.PrivateIpAddress", "T1-90",
			i18n.T("VSwitchId %q has %d free IP addresses, fewer than Amount %d", id, v.AvailableIpAddressCount, n))
	}
}

// amount is Amount with its default; unparsable counts as 1 (the offline
// type rule reports it).
func (o *online) amount() int {
	n, err := strconv.Atoi(o.req.Get("Amount"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// inCIDR checks that the amount consecutive IPv4 addresses from ip are
// usable in a vSwitch's CIDR block: inside it, and none of the addresses
// ECS reserves (T1-55, T1-89, T2-11; see CheckPrivateIP). Malformed
// addresses are the offline rules'.
func (o *online) inCIDR(param, row string, ip string, amount int, v VSwitchFacts) {
	msg, code := checkPrivateIPs(ip, amount, v.CidrBlock)
	if msg == "" || code == "InvalidPrivateIpAddress.Malformed" {
		return
	}
	if amount > 1 {
		row = "T2-11"
	}
	o.add(param, code, row, i18n.T("%s %s (vSwitch %s)", param, msg, v.VSwitchId))
}

func (o *online) image() {
	id, ok := o.literal("ImageId")
	if !ok {
		return
	}
	img, err := o.cat.Image(o.ctx, o.req.Get("RegionId"), id)
	if o.failed("ImageId", "T1-3", i18n.T("image %s", id), err) {
		return
	}
	if err != nil {
		o.add("ImageId", "InvalidImageId.NotFound", "T1-3", i18n.T("ImageId %q does not exist in %s", id, o.req.Get("RegionId")))
		return
	}
	o.img = &img
	if img.Status != "" && !strings.EqualFold(img.Status, "Available") {
		o.add("ImageId", "OperationDenied.ImageNotValid", "T1-3", i18n.T("ImageId %q is %s, not Available", id, img.Status))
	}
}

func (o *online) instanceType() {
	it, ok := o.literal("InstanceType")
	if !ok {
		return
	}
	charge, spot := o.req.Get("InstanceChargeType"), o.req.Get("SpotStrategy")
	if charge == "" {
		charge = "PostPaid"
	}
	if spot == "" {
		spot = "NoSpot"
	}
	t, err := o.cat.InstanceType(o.ctx, o.req.Get("RegionId"), o.zone, it, charge, spot)
	if o.failed("InstanceType", "T1-6", i18n.T("instance type %s", it), err) {
		return
	}
	if err != nil {
		o.add("InstanceType", "InvalidInstanceType.ValueNotSupported", "T1-6", i18n.T("InstanceType %q is not an instance type of %s", it, o.req.Get("RegionId")))
		return
	}
	o.typ = &t
	where := i18n.T("elsewhere: %s", strings.Join(t.AvailableZones, ", "))
	if len(t.AvailableZones) == 0 {
		where = i18n.Text("in no zone of this region")
	}
	switch t.Status {
	case "SoldOut":
		o.add("InstanceType", "OperationDenied.NoStock", "T1-6",
			i18n.T("InstanceType %s is out of stock in %s for %s; available %s", it, o.zoneName(), charge, where))
	case "NotOffered":
		o.add("InstanceType", "InvalidInstanceType.ZoneNotSupported", "T1-6",
			i18n.T("InstanceType %s is not offered in %s for %s; available %s", it, o.zoneName(), charge, where))
	}
}

func (o *online) zoneName() string {
	if o.zone == "" {
		return i18n.Text("the region")
	}
	return i18n.T("zone %s", o.zone)
}

// architecture applies T1-4: the image must suit the type's CPU.
func (o *online) architecture() {
	if o.img == nil || o.typ == nil {
		return
	}
	ia, ta := archOf(o.img.Architecture), archOf(o.typ.CpuArchitecture)
	if ia != "" && ta != "" && ia != ta {
		o.add("ImageId", "InvalidParameter.Conflict", "T1-4",
			i18n.T("ImageId %s is built for %s but InstanceType %s has %s CPUs: the specified image does not support the specified instance type",
				o.img.ImageId, o.img.Architecture, o.typ.InstanceTypeId, o.typ.CpuArchitecture))
	}
}

// archOf normalises image and type architecture names.
func archOf(a string) string {
	switch strings.ToLower(a) {
	case "x86_64", "x86", "i386":
		return "x86"
	case "arm64", "arm", "aarch64":
		return "arm"
	}
	return ""
}

// diskCategories applies T1-37 and T1-45 against the type's categories.
func (o *online) diskCategories() {
	if o.typ == nil {
		return
	}
	if cat, ok := o.literal("SystemDisk.Category"); ok && len(o.typ.SystemDiskCategories) > 0 &&
		!slices.Contains(o.typ.SystemDiskCategories, cat) {
		o.add("SystemDisk.Category", "CategoryNotSupported", "T1-37",
			i18n.T("SystemDisk.Category %s is not offered for %s in %s; allowed: %s", cat, o.typ.InstanceTypeId, o.zoneName(),
				strings.Join(o.typ.SystemDiskCategories, " | ")))
	}
	for i := 1; i <= o.req.Count("DataDisk"); i++ {
		key := "DataDisk." + strconv.Itoa(i) + ".Category"
		if cat, ok := o.literal(key); ok && len(o.typ.DataDiskCategories) > 0 && !slices.Contains(o.typ.DataDiskCategories, cat) {
			o.add(key, "InvalidDiskCategory.NotSupported", "T1-45",
				i18n.T("%s %s is not offered for %s in %s; allowed: %s", key, cat, o.typ.InstanceTypeId, o.zoneName(),
					strings.Join(o.typ.DataDiskCategories, " | ")))
		}
	}
}

// securityGroups applies T1-7, T1-8, T1-11 and T1-13 to every group given.
func (o *online) securityGroups() {
	keys := []string{"SecurityGroupId"}
	for i := 1; i <= o.req.Count("SecurityGroupIds"); i++ {
		keys = append(keys, "SecurityGroupIds."+strconv.Itoa(i))
	}
	needVSwitch := false
	for _, k := range keys {
		sg, ok := o.group(k)
		if !ok {
			continue
		}
		needVSwitch = needVSwitch || sg.VpcId != ""
		if o.vsw != nil && sg.VpcId != "" && o.vsw.VpcId != "" && sg.VpcId != o.vsw.VpcId {
			o.add(k, "InvalidParameter.Mismatch", "T1-13",
				i18n.T("%s %s is in %s but VSwitchId %s is in %s: specified security group and virtual switch are not in the same VPC",
					k, sg.SecurityGroupId, sg.VpcId, o.vsw.VSwitchId, o.vsw.VpcId))
		}
		o.capacity(k, sg)
	}
	if needVSwitch && !o.req.Has("VSwitchId") && !o.primaryENI() {
		o.add("VSwitchId", "MissingParameter", "T1-11",
			i18n.Text("VSwitchId is required because the security group is in a VPC: the input parameter \"VSwitchId\" that is mandatory for processing this request is not supplied"))
	}
}

// capacity applies T1-8 as T2-15 has it: the group's real capacity when
// DescribeSecurityGroups gave it, else its type's documented one. It stays
// a warning: ECS gives the counts "for reference only" and an account's
// quota may hold more.
func (o *online) capacity(key string, sg SecurityGroupFacts) {
	n := o.amount()
	kind := i18n.Text("a basic security group")
	if sg.SecurityGroupType == "enterprise" {
		kind = i18n.Text("an advanced (enterprise) security group")
	}
	if sg.Capacity > 0 {
		if sg.EcsCount+n > sg.Capacity {
			o.warn(key, "SecurityGroupInstanceLimitExceed", "T2-15", i18n.T("%s %s, %s, holds %d of its %d instances; adding %d (Amount) exceeds its capacity by %d",
				key, sg.SecurityGroupId, kind, sg.EcsCount, sg.Capacity, n, sg.EcsCount+n-sg.Capacity))
		}
		return
	}
	limit := BasicGroupCapacity
	if sg.SecurityGroupType == "enterprise" {
		limit = EnterpriseGroupCapacity
	}
	if sg.EcsCount+n > limit {
		o.warn(key, "SecurityGroupInstanceLimitExceed", "T2-15", i18n.T(
			"%s %s, %s, holds %d instances; adding %d (Amount) exceeds the %d such a group holds by default (the account's quota may allow more)",
			key, sg.SecurityGroupId, kind, sg.EcsCount, n, limit))
	}
}

func (o *online) primaryENI() bool {
	for i := 1; i <= o.req.Count("NetworkInterface"); i++ {
		if o.req.Get("NetworkInterface."+strconv.Itoa(i)+".InstanceType") == "Primary" {
			return true
		}
	}
	return false
}

// group looks up one security group parameter (T1-7).
func (o *online) group(key string) (SecurityGroupFacts, bool) {
	id, ok := o.literal(key)
	if !ok {
		return SecurityGroupFacts{}, false
	}
	sg, err := o.cat.SecurityGroup(o.ctx, o.req.Get("RegionId"), id)
	if o.failed(key, "T1-7", i18n.T("security group %s", id), err) {
		return SecurityGroupFacts{}, false
	}
	if err != nil {
		o.add(key, "InvalidSecurityGroupId.NotFound", "T1-7", i18n.T("%s %q does not exist", key, id))
		return SecurityGroupFacts{}, false
	}
	return sg, true
}

// eniChecks applies T1-55 and T1-56 to NetworkInterface.N.
func (o *online) eniChecks() {
	for i := 1; i <= o.req.Count("NetworkInterface"); i++ {
		pre := "NetworkInterface." + strconv.Itoa(i) + "."
		if _, ok := o.literal(pre + "SecurityGroupId"); ok {
			o.group(pre + "SecurityGroupId")
		}
		v := o.vsw
		if id, ok := o.literal(pre + "VSwitchId"); ok {
			f, err := o.cat.VSwitch(o.ctx, o.req.Get("RegionId"), id)
			if o.failed(pre+"VSwitchId", "T1-56", i18n.T("vSwitch %s", id), err) {
				continue
			}
			if err != nil {
				o.add(pre+"VSwitchId", "InvalidVSwitchId.NotFound", "T1-56", i18n.T("%sVSwitchId %q does not exist", pre, id))
				continue
			}
			v = &f
		}
		if ip, ok := o.literal(pre + "PrimaryIpAddress"); ok && v != nil {
			o.inCIDR(pre+"PrimaryIpAddress", "T1-55", ip, 1, *v)
		}
	}
}

// keyPair applies T1-34; a key pair is ignored for Windows images (T2-32).
func (o *online) keyPair() {
	name, ok := o.literal("KeyPairName")
	if !ok {
		return
	}
	if o.img != nil && strings.EqualFold(o.img.OSType, "windows") {
		o.warn("KeyPairName", CodeIgnored, "T2-32", i18n.Text("KeyPairName is ignored for a Windows image (Password is used)"))
		return
	}
	found, err := o.cat.KeyPairExists(o.ctx, o.req.Get("RegionId"), name)
	if o.failed("KeyPairName", "T1-34", i18n.T("key pair %s", name), err) {
		return
	}
	if !found {
		o.add("KeyPairName", "InvalidKeyPairName.NotFound", "T1-34", i18n.T("KeyPairName %q does not exist in %s", name, o.req.Get("RegionId")))
	}
}

// spotPriceLimit applies T1-63's online half: with SpotWithPriceLimit the
// limit may not be below the type's current spot price in the zone
// (InvalidSpotPriceLimit.LowerThanPublicPrice). Without a zone (ZoneId or a
// vSwitch) the API picks one and the price is not known; with a dedicated
// host the limit is ignored (T1-68).
func (o *online) spotPriceLimit() {
	if o.req.Get("SpotStrategy") != "SpotWithPriceLimit" || o.req.Get("InstanceChargeType") == "PrePaid" ||
		o.req.Has("DedicatedHostId") || o.zone == "" {
		return
	}
	v, ok := o.literal("SpotPriceLimit")
	limit, err := strconv.ParseFloat(v, 64)
	if !ok || err != nil || limit <= 0 {
		return // missing or malformed: the offline rule's
	}
	it, ok := o.literal("InstanceType")
	if !ok || (o.typ != nil && o.typ.Status == "NotOffered") {
		return
	}
	osType := "linux"
	if o.img != nil && o.img.OSType != "" {
		osType = strings.ToLower(o.img.OSType)
	}
	sp, err := o.cat.SpotPrice(o.ctx, o.req.Get("RegionId"), o.zone, it, osType)
	if o.failed("SpotPriceLimit", "T1-63", i18n.T("the current spot price of %s in %s", it, o.zone), err) || err != nil {
		return // not sold as spot there: the instance type check reports it
	}
	if limit < sp.Price {
		o.add("SpotPriceLimit", "InvalidSpotPriceLimit.LowerThanPublicPrice", "T1-63", i18n.T(
			"SpotPriceLimit %s is below the current spot price of %s in %s, %.3f %s/hour: the limit can't be lower than the current public price",
			v, it, o.zone, sp.Price, sp.Currency))
	}
}

// contextRules re-runs the rules that read Context with the catalog's
// facts, keeping what the offline run with the caller's Context missed.
func (o *online) contextRules() {
	c2 := o.c
	if o.img != nil {
		if o.img.OSType != "" {
			c2.OSType = o.img.OSType
		}
		if o.img.Size > 0 {
			c2.ImageSize = o.img.Size
		}
	}
	if o.typ != nil && o.typ.MaxDataDisks > 0 {
		c2.MaxDataDisks = o.typ.MaxDataDisks
	}
	if c2 == o.c {
		return
	}
	before := contextFindings(o.req, o.c)
	for _, f := range contextFindings(o.req, c2) {
		if !slices.ContainsFunc(before, func(b Finding) bool {
			return b.Parameter == f.Parameter && b.Code == f.Code && b.Severity == f.Severity
		}) {
			o.out = append(o.out, f)
		}
	}
}

// contextFindings runs only the rules that depend on Context.
func contextFindings(req *request.Request, c Context) []Finding {
	return validate(req, c, func(r *Rule) bool { return r.ctxDep })
}
