package forms

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/catalog"
)

// DefaultRegion is the profile's region when the catalog knows it, else the first.
func DefaultRegion(regions []catalog.Region, profile string) string {
	for _, r := range regions {
		if r.RegionId == profile {
			return profile
		}
	}
	if len(regions) > 0 {
		return regions[0].RegionId
	}
	return profile
}

// DefaultZone is the zone with the most available types among those where
// the default VPC has a vSwitch, so the network step has a default too.
func DefaultZone(data *catalog.RegionData) string {
	if data == nil || len(data.Zones) == 0 {
		return ""
	}
	vpc := DefaultVpc(data)
	withSwitch := map[string]bool{}
	for _, v := range data.VSwitches {
		if v.VpcId == vpc {
			withSwitch[v.ZoneId] = true
		}
	}
	best, bestN := "", -1
	for _, z := range data.Zones {
		n := z.AvailableTypes
		if len(withSwitch) > 0 && !withSwitch[z.ZoneId] {
			n = -1 // reachable only after creating a vSwitch
		}
		if n > bestN {
			best, bestN = z.ZoneId, n
		}
	}
	return best
}

// DefaultTypeCandidates lists the types DefaultType chooses among, whose
// prices the wizard fetches first: the available general-purpose types with
// 2 vCPU, else every available 2-vCPU type.
func DefaultTypeCandidates(types []catalog.InstanceType) []string {
	for _, fits := range []func(catalog.InstanceType) bool{
		func(t catalog.InstanceType) bool { return t.CpuCoreCount == 2 && isGeneralPurpose(t) },
		func(t catalog.InstanceType) bool { return t.CpuCoreCount == 2 },
	} {
		var out []string
		for _, t := range types {
			if t.Status == catalog.Available && fits(t) {
				out = append(out, t.InstanceTypeId)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// DefaultType is the cheapest available general-purpose type with 2 vCPU,
// else the cheapest available 2-vCPU type, else the cheapest available one.
func DefaultType(types []catalog.InstanceType) string {
	tiers := []func(catalog.InstanceType) bool{
		func(t catalog.InstanceType) bool { return t.CpuCoreCount == 2 && isGeneralPurpose(t) },
		func(t catalog.InstanceType) bool { return t.CpuCoreCount == 2 },
		func(t catalog.InstanceType) bool { return true },
	}
	for _, fits := range tiers {
		best := -1
		for i, t := range types {
			if t.Status != catalog.Available || !fits(t) {
				continue
			}
			if best < 0 || cheaper(t, types[best]) {
				best = i
			}
		}
		if best >= 0 {
			return types[best].InstanceTypeId
		}
	}
	return ""
}

func isGeneralPurpose(t catalog.InstanceType) bool {
	if t.InstanceCategory != "" {
		return strings.EqualFold(t.InstanceCategory, "General-purpose")
	}
	fam := strings.TrimPrefix(t.InstanceTypeFamily, "ecs.")
	return strings.HasPrefix(fam, "g") && !strings.HasPrefix(fam, "gn")
}

// cheaper orders by price (unknown prices last), then by name for a stable choice.
func cheaper(a, b catalog.InstanceType) bool {
	pa, pb := a.PricePerHour, b.PricePerHour
	if (pa > 0) != (pb > 0) {
		return pa > 0
	}
	if pa != pb {
		return pa < pb
	}
	return a.InstanceTypeId < b.InstanceTypeId
}

// ImageArch maps a type's CpuArchitecture (X86, ARM) to an image's Architecture.
func ImageArch(cpuArch string) string {
	if strings.EqualFold(cpuArch, "ARM") {
		return "arm64"
	}
	return "x86_64"
}

// FitsArch reports whether an image runs on a type of the given CPU architecture.
func FitsArch(im catalog.Image, cpuArch string) bool {
	return cpuArch == "" || strings.EqualFold(im.Architecture, ImageArch(cpuArch))
}

// DefaultImage is the newest public Alibaba Cloud Linux image for the
// architecture, else the newest public image for it.
func DefaultImage(images []catalog.Image, cpuArch string) string {
	var cands []catalog.Image
	for _, im := range images {
		if im.ImageOwnerAlias == "system" && FitsArch(im, cpuArch) && (im.Status == "" || im.Status == "Available") {
			cands = append(cands, im)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		ai, aj := isAliyun(cands[i]), isAliyun(cands[j])
		if ai != aj {
			return ai
		}
		return cands[i].CreationTime > cands[j].CreationTime
	})
	if len(cands) == 0 {
		return ""
	}
	return cands[0].ImageId
}

func isAliyun(im catalog.Image) bool {
	return strings.EqualFold(im.Platform, "Aliyun") || strings.Contains(im.OSNameEn, "Alibaba Cloud Linux")
}

// DefaultVpc is the region's default VPC, else the first.
func DefaultVpc(data *catalog.RegionData) string {
	if data == nil || len(data.VPCs) == 0 {
		return ""
	}
	for _, v := range data.VPCs {
		if v.IsDefault {
			return v.VpcId
		}
	}
	return data.VPCs[0].VpcId
}

// DefaultVSwitch is the VPC's default vSwitch in the zone, else the one with
// the most free addresses.
func DefaultVSwitch(env *Env, vpc, zone string) string {
	best := -1
	list := VSwitchesFor(env, vpc, zone)
	for i, v := range list {
		if v.IsDefault {
			return v.VSwitchId
		}
		if best < 0 || v.AvailableIpAddressCount > list[best].AvailableIpAddressCount {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return list[best].VSwitchId
}

// DefaultSecurityGroup is the VPC's default group (named "default…" or the
// SecurityGroupType "normal" one created with the VPC), else the first.
func DefaultSecurityGroup(env *Env, vpc string) string {
	list := SecurityGroupsFor(env, vpc)
	for _, g := range list {
		if strings.Contains(strings.ToLower(g.SecurityGroupName+" "+g.Description), "default") {
			return g.SecurityGroupId
		}
	}
	if len(list) == 0 {
		return ""
	}
	return list[0].SecurityGroupId
}

func billingDefaults(d *Draft) {
	setIfEmpty(d, "InstanceChargeType", "PostPaid")
	if d.Req.Get("InstanceChargeType") == "PrePaid" {
		setIfEmpty(d, "Period", "1")
		setIfEmpty(d, "PeriodUnit", "Month")
		if d.Req.Get("AutoRenew") == "true" {
			setIfEmpty(d, "AutoRenewPeriod", "1")
		}
	}
}

// KeyZoneAsked marks a zone chosen by the user, "any zone" included: the
// default zone is applied only until then.
const KeyZoneAsked = "ui.ZoneAsked"

func zoneDefaults(d *Draft) {
	if _, asked := d.Extra[KeyZoneAsked]; !asked {
		setIfEmpty(d, "ZoneId", DefaultZone(d.Env.Data))
	}
}

func imageDefaults(d *Draft) {
	t, _ := d.Env.Type(d.Req.Get("InstanceType"))
	if d.Env.Data != nil {
		setIfEmpty(d, "ImageId", DefaultImage(d.Env.Data.Images, t.CpuArchitecture))
	}
}

// accessDefaults picks the login method once: a key pair when the region
// has one and the image is not Windows. A key pair is ignored on Windows
// (docs/rules.md T2-32), so there the default is a password, which the step then
// asks for: "set it later" would launch an instance nobody can log in to
// without saying so.
func accessDefaults(d *Draft) {
	if _, ok := d.Extra[KeyLogin]; ok {
		return
	}
	login := d.Get(KeyLogin)
	switch {
	case login != LoginNone:
	case d.Windows():
		login = LoginPassword
	case d.Env.Data != nil && len(d.Env.Data.KeyPairs) > 0:
		login = LoginKeyPair
	}
	_ = d.Set(KeyLogin, login)
}

// Windows reports whether the chosen image is a Windows one.
func (d *Draft) Windows() bool {
	im, _ := d.Env.Image(d.Req.Get("ImageId"))
	return strings.EqualFold(im.OSType, "windows")
}

func applyStorageDefaults(d *Draft) {
	env := d.Env
	if d.Req.Get("SystemDisk.Category") == "" {
		cat := ""
		for _, c := range env.SystemCategories {
			if cat == "" || c.Category == "cloud_essd" {
				cat = c.Category
			}
		}
		if cat == "" {
			cat = "cloud_essd"
		}
		_ = d.Req.Set("SystemDisk.Category", cat)
	}
	if d.Req.Get("SystemDisk.Size") == "" {
		size := 40
		if im, ok := env.Image(d.Req.Get("ImageId")); ok && im.Size > size {
			size = im.Size
		}
		for _, c := range env.SystemCategories {
			if c.Category == d.Req.Get("SystemDisk.Category") && c.Min > size {
				size = c.Min
			}
		}
		_ = d.Req.Set("SystemDisk.Size", strconv.Itoa(size))
	}
}

func applyNetworkDefaults(d *Draft) {
	env := d.Env
	vpc := d.Get(KeyVpc)
	if vpc == "" {
		vpc = DefaultVpc(env.Data)
		_ = d.Set(KeyVpc, vpc)
	}
	if d.Req.Get("VSwitchId") == "" {
		_ = d.Req.Set("VSwitchId", DefaultVSwitch(env, vpc, d.Req.Get("ZoneId")))
	}
	if len(d.SecurityGroups()) == 0 {
		_ = d.Set(KeySecurityGroups, DefaultSecurityGroup(env, vpc))
	}
	if bw, _ := strconv.Atoi(d.Req.Get("InternetMaxBandwidthOut")); bw > 0 && d.Req.Get("InternetChargeType") == "" {
		_ = d.Req.Set("InternetChargeType", "PayByTraffic")
	}
}
