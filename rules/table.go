package rules

import (
	"encoding/base64"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Password special set P, exactly as the seed lists it (docs/rules.md, notes on
// Table 1).
const passwordSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/"

// Categories of today's API (docs/rules.md T2-2, T2-5): ephemeral_ssd is gone.
var (
	systemDiskCategories = []string{"cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto", "cloud_essd_entry"}
	dataDiskCategories   = []string{"cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto",
		"cloud_essd_entry", "elastic_ephemeral_disk_standard", "elastic_ephemeral_disk_premium"}
	performanceLevels = []string{"PL0", "PL1", "PL2", "PL3"}
)

// Name charset (docs/rules.md T2-18, the permissive current reading: Unicode
// letters and digits plus : _ . -, no start rule; T1-22's scheme rule is
// implied as '/' is not allowed). InstanceName also takes the ordered-name
// brackets of T2-17.
const (
	nameExpr         = `^[\p{L}\p{N}:_.\-]*$`
	instanceNameExpr = `^[\p{L}\p{N}:_.\-\[\],]*$`
	schemeExpr       = `^(?i:https?://)`
	orderedExpr      = `^[^\[\]]*\[[0-9]*(,[0-9]*)?\][^\[\]]*$`
)

// table is every rule, in the order Validate runs them within a phase:
// docs/rules.md Table 1 row order, then the rows only Table 2 has.
func table() []Rule {
	var t []Rule
	t = append(t, requiredRules()...)
	t = append(t, networkRules()...)
	t = append(t, nameRules()...)
	t = append(t, passwordRules()...)
	t = append(t, systemDiskRules()...)
	t = append(t, dataDiskRules()...)
	t = append(t, eniRules()...)
	t = append(t, amountSpotRules()...)
	t = append(t, tagRules()...)
	t = append(t, billingRules()...)
	t = append(t, addressRules()...)
	t = append(t, newParamRules()...)
	t = append(t, hiddenRules()...)
	return t
}

// templated reports whether a launch template supplies the basics (T1-75).
func templated(e *env) bool {
	return e.req.Has("LaunchTemplateId") || e.req.Has("LaunchTemplateName")
}

// primaryENI reports whether a NetworkInterface.N is the primary one (T2-12).
func primaryENI(e *env) bool {
	for i := 1; i <= e.req.Count("NetworkInterface"); i++ {
		if e.req.Get("NetworkInterface."+strconv.Itoa(i)+".InstanceType") == "Primary" {
			return true
		}
	}
	return false
}

// chargeType returns InstanceChargeType with its default (T1-85).
func chargeType(e *env) string {
	if v := e.req.Get("InstanceChargeType"); v != "" {
		return v
	}
	return "PostPaid"
}

// isSpot reports whether SpotStrategy asks for a spot instance (T1-62).
func isSpot(e *env) bool {
	s := e.req.Get("SpotStrategy")
	return s == "SpotWithPriceLimit" || s == "SpotAsPriceGo"
}

// amount returns Amount with its default 1 (T1-60); 0 when unparsable.
func amount(e *env) int64 {
	v := e.req.Get("Amount")
	if v == "" {
		return 1
	}
	n, _ := atoi(v)
	return n
}

func requiredRules() []Rule {
	tmpl := []string{"LaunchTemplateId", "LaunchTemplateName"}
	return []Rule{
		required("T1-1", "RegionId", "MissingParameter", i18n.M("is required"), nil, nil),
		required("T1-2", "ImageId", "MissingParameter",
			i18n.M("is required unless LaunchTemplateId, LaunchTemplateName or ImageFamily is given"),
			append(tmpl, "ImageFamily"), func(e *env) bool { return templated(e) || e.req.Has("ImageFamily") }).also("T2-16"),
		required("T1-5", "InstanceType", "MissingParameter", i18n.M("is required unless LaunchTemplateId or LaunchTemplateName is given"),
			tmpl, templated),
		required("T1-7", "SecurityGroupId", "MissingParameter",
			i18n.M("is required unless SecurityGroupIds.N, a launch template or a Primary NetworkInterface.N gives the security group"),
			append(tmpl, "SecurityGroupIds.N", "NetworkInterface.N.InstanceType"),
			func(e *env) bool {
				return templated(e) || e.req.Count("SecurityGroupIds") > 0 || primaryENI(e)
			}),
		required("T1-81", "Period", "MissingParamter", i18n.M("is required when InstanceChargeType is PrePaid"),
			[]string{"InstanceChargeType"}, func(e *env) bool { return chargeType(e) != "PrePaid" }).id("required"),
	}
}

func networkRules() []Rule {
	return []Rule{
		custom("T1-9", "SecurityGroupId", "InvalidSecurityGroupId.SingleIdAndMultiIdConflict",
			i18n.M("cannot be given together with SecurityGroupIds.N"), []string{"SecurityGroupIds.N"},
			func(e *env) (bool, string) { return e.req.Count("SecurityGroupIds") > 0, "" }).also("T2-14"),
		custom("T1-10", "SecurityGroupIds.N", "JoinedGroupLimitExceed", i18n.M("exceeds the security groups an instance may join"),
			nil, func(e *env) (bool, string) { return indexOf(e.key) > 51, "N = 1..51" }).also("T2-14").
			with(func(r *Rule) { r.Kind = KindRange; r.Min, r.Max = 1, 51 }),
		rng("T1-16", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", 1, 200, "Mbit/s"),
		custom("T2-8", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed",
			i18n.M("is above what today's API allows for this InternetMaxBandwidthOut (it may be capped)"),
			[]string{"InternetMaxBandwidthOut"}, func(e *env) (bool, string) {
				in, ok := atoi(e.val)
				out, _ := atoi(e.req.Get("InternetMaxBandwidthOut"))
				limit := max(out, 10)
				return ok && in >= 1 && in <= 200 && in > limit, bounds(1, limit) + " Mbit/s"
			}).warn(),
		rng("T1-17", "InternetMaxBandwidthOut", "InvalidInternetMaxBandwidthOut.Malformed", 0, 100, "Mbit/s").also("T2-39"),
		enum("T1-19", "InternetChargeType", "InvalidInternetChargeType.ValueNotSupported", "PayByTraffic", "PayByBandwidth").also("T2-9"),
	}
}

func nameRules() []Rule {
	return []Rule{
		length("T1-20", "InstanceName", "InvalidInstanceName.Malformed", 2, 128),
		pattern("T1-21", "InstanceName", "InvalidInstanceName.Malformed", instanceNameExpr,
			i18n.M("has a character the API does not allow"),
			i18n.M("letters (any script), digits, : _ . - and the ordered-name brackets [m,n]")).also("T1-22", "T2-18"),
		pattern("T2-17", "InstanceName", "InvalidInstanceName.CustomMalformed", `^[^\[\]]*$|`+orderedExpr,
			i18n.M("uses a malformed ordered name"), i18n.M("name_prefix[begin_number,bits]name_suffix with [], [,], [m,], [,n] or [m,n]")),
		custom("T1-23", "HostName", "InvalidHostName.Malformed",
			i18n.M("must not start or end with . or - and must not use them consecutively"), nil,
			func(e *env) (bool, string) { return badHostPunct(hostCore(e.val)), "" }),
		custom("T1-24", "HostName", "InvalidHostName.Malformed", i18n.M("is not a valid Windows host name"), nil,
			func(e *env) (bool, string) {
				return allow(!windowsHost(hostCore(e.val)), func() string { return i18n.Text("2..15 characters of A-Z a-z 0-9 -, not all digits") })
			}).
			onOS("windows", Warning),
		custom("T1-25", "HostName", "InvalidHostName.Malformed", i18n.M("is not a valid host name"), nil,
			func(e *env) (bool, string) {
				return allow(!linuxHost(hostCore(e.val)), func() string { return i18n.Text("2..64 characters; segments of A-Z a-z 0-9 - joined by .") })
			}).
			onOS("linux", Error).also("T2-17"),
		pattern("T2-17", "HostName", "InvalidInstanceName.CustomMalformed", `^[^\[\]]*$|`+orderedExpr,
			i18n.M("uses a malformed ordered name"), i18n.M("name_prefix[begin_number,bits]name_suffix")).id("ordered"),
		custom("T1-27", "InstanceName", "InvalidParams.InstanceNameExceed",
			i18n.M("leaves no room for the 3-character UniqueSuffix"), []string{"UniqueSuffix"},
			func(e *env) (bool, string) {
				return allow(isTrue(e.req.Get("UniqueSuffix")) && !strings.Contains(e.val, "[") && runes(e.val)+3 > 128, func() string { return i18n.Text("at most 125 characters with UniqueSuffix") })
			}).also("T2-19"),
		custom("T1-28", "HostName", "InvalidParams.HostnameExceed",
			i18n.M("leaves no room for the 3-character UniqueSuffix on Windows"), []string{"UniqueSuffix"},
			func(e *env) (bool, string) {
				return allow(isTrue(e.req.Get("UniqueSuffix")) && !strings.Contains(e.val, "[") && runes(e.val)+3 > 15, func() string { return i18n.Text("at most 12 characters with UniqueSuffix") })
			}).onOS("windows", Warning).id("windows"),
		custom("T1-28", "HostName", "InvalidParams.HostnameExceed",
			i18n.M("leaves no room for the 3-character UniqueSuffix"), []string{"UniqueSuffix"},
			func(e *env) (bool, string) {
				return allow(isTrue(e.req.Get("UniqueSuffix")) && !strings.Contains(e.val, "[") && runes(e.val)+3 > 64, func() string { return i18n.Text("at most 61 characters with UniqueSuffix") })
			}).onOS("linux", Error).id("linux"),
		length("T1-29", "Description", "InvalidDescription.Malformed", 2, 256).also("T2-39"),
		scheme("T1-29", "Description", "InvalidDescription.Malformed"),
	}
}

// scheme is the "must not start with http:// or https://" rule.
func scheme(row, param, code string) Rule {
	return pattern(row, param, code, schemeExpr, i18n.Message{}, i18n.Message{}).with(func(r *Rule) {
		re := r.re
		r.test = func(e *env) (bool, string) { return re.MatchString(e.val), "" }
		r.Text, r.Negate = i18n.M("must not start with http:// or https://"), true
	}).id("scheme")
}

// hostCore replaces an ordered-name bracket group (T2-17) by a digit so
// the character rules apply to the rest.
func hostCore(v string) string {
	// ECS expands ${instance_id} itself (docs/rules.md T2-17): check the name as
	// it will be, with an ID of the usual shape and length.
	v = strings.ReplaceAll(v, "${instance_id}", "i-bp1a2b3c4d5e6f7g8h9")
	i, j := strings.IndexByte(v, '['), strings.IndexByte(v, ']')
	if i < 0 || j < i {
		return v
	}
	return v[:i] + "1" + v[j+1:]
}

// badHostPunct applies T1-23.
func badHostPunct(v string) bool {
	if v == "" {
		return false
	}
	edge := func(c byte) bool { return c == '.' || c == '-' }
	if edge(v[0]) || edge(v[len(v)-1]) {
		return true
	}
	for i := 1; i < len(v); i++ {
		if edge(v[i]) && edge(v[i-1]) {
			return true
		}
	}
	return false
}

// windowsHost applies T1-24.
func windowsHost(v string) bool {
	if len(v) < 2 || len(v) > 15 {
		return false
	}
	digits := true
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !alnum(c) && c != '-' {
			return false
		}
		digits = digits && c >= '0' && c <= '9'
	}
	return !digits
}

// linuxHost applies T1-25: segments of [A-Za-z0-9-] joined by dots.
func linuxHost(v string) bool {
	if len(v) < 2 || len(v) > 64 {
		return false
	}
	seg := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '.':
			if seg == 0 {
				return false
			}
			seg = 0
		case alnum(c) || c == '-':
			seg++
		default:
			return false
		}
	}
	return seg > 0
}

func alnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func passwordRules() []Rule {
	return []Rule{
		custom("T1-30", "PasswordInherit", "InvalidPasswordParam.Mismatch",
			i18n.M("is true, so Password must be empty"), []string{"Password"},
			func(e *env) (bool, string) { return isTrue(e.val) && e.req.Has("Password"), "" }),
		length("T1-31", "Password", "InvalidPassword.Malformed", 8, 30).also("T2-39"),
		custom("T1-32", "Password", "InvalidPassword.Malformed",
			i18n.M("must use at least 3 of 4 character classes and no other characters"), nil,
			func(e *env) (bool, string) {
				return allow(!passwordClasses(e.val), func() string { return i18n.T("A-Z, a-z, 0-9 and %s", passwordSpecials) })
			}),
		custom("T1-33", "Password", "InvalidPassword.Malformed", i18n.M("must not start with / for a Windows image"), nil,
			func(e *env) (bool, string) { return strings.HasPrefix(e.val, "/"), "" }).onOS("windows", Warning),
		custom("", "Password", CodeLiteralSecret,
			i18n.M("is a literal password in a launch file; use ${ECS_PASSWORD}"), nil,
			func(e *env) (bool, string) { return !strings.Contains(e.val, "${"), "" }).warn().
			with(func(r *Rule) { r.ID = "LiteralSecret" }),
	}
}

// passwordClasses applies T1-32: ≥ 3 of the 4 classes, nothing else.
func passwordClasses(v string) bool {
	var upper, lower, digit, special int
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'A' && c <= 'Z':
			upper = 1
		case c >= 'a' && c <= 'z':
			lower = 1
		case c >= '0' && c <= '9':
			digit = 1
		case strings.IndexByte(passwordSpecials, c) >= 0:
			special = 1
		default:
			return false
		}
	}
	return upper+lower+digit+special >= 3
}

// sizeRange is a category's disk size bounds in GiB.
type sizeRange struct{ lo, hi int64 }

// systemDiskRange applies T2-1 (superseding T1-35's 20..500 for every
// category): cloud 20..500, ESSD by performance level, cloud_auto 1..2048,
// others (and the default category) 20..2048.
func systemDiskRange(e *env) (sizeRange, i18n.Message) {
	cat := e.req.Get("SystemDisk.Category")
	switch cat {
	case "cloud":
		return sizeRange{20, 500}, i18n.Raw(cat)
	case "cloud_auto":
		return sizeRange{1, 2048}, i18n.Raw(cat)
	case "cloud_essd":
		pl := e.req.Get("SystemDisk.PerformanceLevel")
		return sizeRange{essdMin(pl), 2048}, essdName(pl)
	case "":
		return sizeRange{20, 2048}, i18n.M("the default category")
	}
	return sizeRange{20, 2048}, i18n.Raw(cat)
}

// essdMin is an ESSD's smallest size by performance level (T2-1, T2-4;
// PL0 1 GiB as [M24], the permissive reading).
func essdMin(pl string) int64 {
	switch pl {
	case "PL0":
		return 1
	case "PL2":
		return 461
	case "PL3":
		return 1261
	}
	return 20
}

// essdName names an ESSD category with its performance level for a
// message ("cloud_essd PL2").
func essdName(pl string) i18n.Message {
	if pl == "" {
		return i18n.M("cloud_essd PL1 (default)")
	}
	return i18n.Raw("cloud_essd " + pl)
}

// allow returns bad and, only when bad, the allowed values f formats: the
// rules run on every keystroke, and a message is needed only for a finding.
func allow(bad bool, f func() string) (bool, string) {
	if !bad {
		return false, ""
	}
	return true, f()
}

// dataDiskRange applies T2-4 (adjusting T1-42). With no category the
// default differs between the seed (cloud) and today (cloud_efficiency for
// I/O-optimized types), so the permissive union 5..32768 applies.
func dataDiskRange(e *env) (sizeRange, i18n.Message, bool) {
	cat := e.get("DataDisk.N.Category")
	switch cat {
	case "cloud":
		return sizeRange{5, 2000}, i18n.Raw(cat), true
	case "cloud_efficiency", "cloud_ssd":
		return sizeRange{20, 32768}, i18n.Raw(cat), true
	case "cloud_essd":
		pl := e.get("DataDisk.N.PerformanceLevel")
		return sizeRange{essdMin(pl), 32768}, essdName(pl), true
	case "cloud_auto":
		return sizeRange{1, 32768}, i18n.Raw(cat), true
	case "cloud_essd_entry":
		return sizeRange{10, 32768}, i18n.Raw(cat), true
	case "":
		return sizeRange{5, 32768}, i18n.M("no category (default cloud or cloud_efficiency)"), true
	}
	return sizeRange{}, i18n.Raw(cat), false // elastic ephemeral disks: no documented bounds
}

func systemDiskRules() []Rule {
	reads := []string{"SystemDisk.Category", "SystemDisk.PerformanceLevel"}
	return []Rule{
		custom("T1-35", "SystemDisk.Size", "InvalidSystemDiskSize.LessThanMinSize",
			i18n.M("is below the minimum for its category"), reads, func(e *env) (bool, string) {
				n, ok := atoi(e.val)
				r, what := systemDiskRange(e)
				return allow(ok && n < r.lo, func() string { return i18n.T("%s GiB for %s", bounds(r.lo, r.hi), what) })
			}).also("T2-1").id("min").with(func(r *Rule) { r.Phase = PhaseFormat; r.Kind = KindRange }),
		custom("T1-35", "SystemDisk.Size", "InvalidSystemDiskSize.MoreThanMaxSize",
			i18n.M("is above the maximum for its category"), reads, func(e *env) (bool, string) {
				n, ok := atoi(e.val)
				r, what := systemDiskRange(e)
				return allow(ok && n > r.hi, func() string { return i18n.T("%s GiB for %s", bounds(r.lo, r.hi), what) })
			}).also("T2-1").id("max").with(func(r *Rule) { r.Phase = PhaseFormat; r.Kind = KindRange }),
		custom("T1-36", "SystemDisk.Size", "InvalidSystemDiskSize.LessThanImageSize",
			i18n.M("is smaller than the image"), nil, func(e *env) (bool, string) {
				n, ok := atoi(e.val)
				img := int64(e.c.ImageSize)
				return allow(ok && img > 0 && n < img, func() string { return i18n.T("%s GiB (the image size)", bounds(img, unbounded)) })
			}).with(func(r *Rule) { r.ctxDep = true }),
		enum("T1-37", "SystemDisk.Category", "InvalidSystemDiskCategory.ValueNotSupported", systemDiskCategories...).also("T2-2"),
		length("T1-38", "SystemDisk.DiskName", "InvalidDiskName.Malformed", 2, 128),
		pattern("T1-38", "SystemDisk.DiskName", "InvalidDiskName.Malformed", nameExpr,
			i18n.M("has a character the API does not allow"), i18n.M("letters (any script), digits, : _ . -")).also("T2-18").id("charset"),
		length("T1-39", "SystemDisk.Description", "InvalidDiskDescription.Malformed", 2, 256),
		scheme("T1-39", "SystemDisk.Description", "InvalidDiskDescription.Malformed"),
		enum("T1-40", "SystemDisk.PerformanceLevel", "InvalidPerformanceLevel.Malformed", performanceLevels...).also("T2-3"),
		custom("T1-40", "SystemDisk.PerformanceLevel", CodeIgnored,
			i18n.M("applies only to a cloud_essd system disk and is ignored here"), []string{"SystemDisk.Category"},
			func(e *env) (bool, string) { return e.req.Get("SystemDisk.Category") != "cloud_essd", "" }).warn().id("essd"),
		length("T2-6", "SystemDisk.KMSKeyId", "InvalidParameter", 1, 64),
	}
}

func dataDiskRules() []Rule {
	return []Rule{
		custom("T1-41", "DataDisk.N", "InstanceDiskNumber.LimitExceed", i18n.M("exceeds the data disks an instance may have"),
			nil, func(e *env) (bool, string) {
				limit := 16
				if e.c.MaxDataDisks > 0 {
					limit = e.c.MaxDataDisks
				}
				return indexOf(e.key) > limit, "N = 1.." + strconv.Itoa(limit)
			}).with(func(r *Rule) { r.item, r.ctxDep, r.Kind, r.Min, r.Max = true, true, KindRange, 1, 16 }),
		// With DataDisk.N.SnapshotId the disk takes the snapshot's size and
		// Size is ignored (T1-43, the permissive reading of a contradictory
		// row), so no range applies.
		custom("T1-42", "DataDisk.N.Size", "InvalidDataDiskSize.ValueNotSupported", i18n.M("is out of range for its category"),
			[]string{"DataDisk.N.Category", "DataDisk.N.PerformanceLevel", "DataDisk.N.SnapshotId"}, func(e *env) (bool, string) {
				n, ok := atoi(e.val)
				r, what, known := dataDiskRange(e)
				return allow(ok && known && e.get("DataDisk.N.SnapshotId") == "" && (n < r.lo || n > r.hi),
					func() string { return i18n.T("%s GiB for %s", bounds(r.lo, r.hi), what) })
			}).also("T2-4", "T1-43").with(func(r *Rule) { r.Phase, r.Kind = PhaseFormat, KindRange }),
		enum("T1-45", "DataDisk.N.Category", "InvalidDataDiskCategory.ValueNotSupported", dataDiskCategories...).also("T2-5"),
		custom("T1-47", "DataDisk.N.KMSKeyId", "InvalidParameter.EncryptedIllegal",
			i18n.M("needs DataDisk.N.Encrypted=true"), []string{"DataDisk.N.Encrypted"},
			func(e *env) (bool, string) { return !isTrue(e.get("DataDisk.N.Encrypted")), "" }),
		length("T1-48", "DataDisk.N.DiskName", "InvalidDiskName.Malformed", 2, 128),
		pattern("T1-48", "DataDisk.N.DiskName", "InvalidDiskName.Malformed", nameExpr,
			i18n.M("has a character the API does not allow"), i18n.M("letters (any script), digits, : _ . -")).also("T2-18").id("charset"),
		length("T1-49", "DataDisk.N.Description", "InvalidDiskDescription.Malformed", 2, 256),
		scheme("T1-49", "DataDisk.N.Description", "InvalidDiskDescription.Malformed"),
		pattern("T1-50", "DataDisk.N.Device", "InvalidDataDevice.Malformed", `^/dev/(xvd|vd)[a-z]{1,2}$`,
			i18n.M("is not a device name"), i18n.M("/dev/xvdb../dev/xvdz, /dev/xvdaa../dev/xvdzz (or the seed's /dev/vd*)")).also("T2-7"),
		enum("T1-52", "DataDisk.N.PerformanceLevel", "InvalidPerformanceLevel.Malformed", performanceLevels...).also("T2-3"),
		custom("T1-52", "DataDisk.N.PerformanceLevel", CodeIgnored,
			i18n.M("applies only when DataDisk.N.Category is cloud_essd and is ignored here"), []string{"DataDisk.N.Category"},
			func(e *env) (bool, string) { return e.get("DataDisk.N.Category") != "cloud_essd", "" }).warn().id("essd"),
		enum("T1-53", "IoOptimized", "InvalidIoOptimize.ValueNotSupported", "none", "optimized"),
	}
}

func eniRules() []Rule {
	topLevel := []string{"VSwitchId", "SecurityGroupId", "SecurityGroupIds.N", "PrivateIpAddress",
		"Ipv6AddressCount", "Ipv6Address.N", "NetworkInterfaceQueueNumber"}
	return []Rule{
		custom("T1-54", "NetworkInterface.N", "InvalidParam.NetworkInterface", i18n.M("exceeds the network interfaces allowed at creation"),
			nil, func(e *env) (bool, string) { return indexOf(e.key) > 10, "N = 1..10" }).also("T2-12").
			with(func(r *Rule) { r.item, r.Kind, r.Min, r.Max = true, KindRange, 1, 10 }),
		pattern("T1-55", "NetworkInterface.N.PrimaryIpAddress", "InvalidPrivateIpAddress.Malformed", `^[0-9.]+$`,
			i18n.M("is not an IPv4 address"), i18n.M("a dotted IPv4 address")).with(func(r *Rule) {
			r.test = func(e *env) (bool, string) { return !isIPv4(e.val), "" }
		}),
		length("T1-57", "NetworkInterface.N.Description", "InvalidParam.NetworkInterface", 2, 256),
		scheme("T1-57", "NetworkInterface.N.Description", "InvalidParam.NetworkInterface"),
		length("T2-18", "NetworkInterface.N.NetworkInterfaceName", "InvalidParam.NetworkInterface", 2, 128),
		pattern("T2-18", "NetworkInterface.N.NetworkInterfaceName", "InvalidParam.NetworkInterface", nameExpr,
			i18n.M("has a character the API does not allow"), i18n.M("letters (any script), digits, : _ . -")).id("charset"),
		enum("T2-12", "NetworkInterface.N.InstanceType", "InvalidParam.NetworkInterface", "Primary", "Secondary"),
		enum("T2-12", "NetworkInterface.N.NetworkInterfaceTrafficMode", "InvalidParam.NetworkInterface", "Standard", "HighPerformance"),
		rng("T2-12", "NetworkInterface.N.QueueNumber", "InvalidParam.NetworkInterface", 1, unbounded, ""),
		rng("T2-12", "NetworkInterface.N.Ipv6AddressCount", "InvalidParam.NetworkInterface", 1, 10, ""),
		rng("T2-12", "NetworkInterface.N.RxQueueSize", "InvalidParam.NetworkInterface", 8192, 16384, "").with(powerOfTwo),
		rng("T2-12", "NetworkInterface.N.TxQueueSize", "InvalidParam.NetworkInterface", 8192, 16384, "").with(powerOfTwo),
		custom("T2-12", "NetworkInterface.N.InstanceType", "InvalidParam.NetworkInterface",
			i18n.M("is Primary, so the top-level VSwitchId, SecurityGroupId(s), PrivateIpAddress, Ipv6* and NetworkInterfaceQueueNumber must not be set"),
			topLevel, func(e *env) (bool, string) {
				if e.val != "Primary" {
					return false, ""
				}
				for _, k := range []string{"VSwitchId", "SecurityGroupId", "PrivateIpAddress", "Ipv6AddressCount", "NetworkInterfaceQueueNumber"} {
					if e.req.Has(k) {
						return true, ""
					}
				}
				return e.req.Count("SecurityGroupIds") > 0 || e.req.Count("Ipv6Address") > 0, ""
			}).id("primary-exclusive"),
		custom("T2-12", "NetworkInterface.N.InstanceType", "InvalidParam.NetworkInterface",
			i18n.M("is Primary, so NetworkInterface.N.VSwitchId and a security group on the interface are required"),
			[]string{"NetworkInterface.N.VSwitchId", "NetworkInterface.N.SecurityGroupId", "NetworkInterface.N.SecurityGroupIds.N"},
			func(e *env) (bool, string) {
				if e.val != "Primary" {
					return false, ""
				}
				pre := e.key[:len(e.key)-len("InstanceType")]
				return !e.req.Has(pre+"VSwitchId") || (!e.req.Has(pre+"SecurityGroupId") && e.req.Count(pre+"SecurityGroupIds") == 0), ""
			}).id("primary-needs"),
	}
}

// powerOfTwo adds the "power of 2" part of the queue-size rule (T2-12).
func powerOfTwo(r *Rule) {
	inner := r.test
	r.Allowed = i18n.M("%s, a power of 2", r.Allowed)
	r.test = func(e *env) (bool, string) {
		if bad, a := inner(e); bad {
			return true, a
		}
		n, ok := atoi(e.val)
		return ok && n&(n-1) != 0, ""
	}
}

// isIPv4 reports whether v is a dotted IPv4 address.
// consecutive describes the addresses Amount > 1 instances get from a
// fixed PrivateIpAddress (T2-11).
func consecutive(first string, n int64) string {
	a := netip.MustParseAddr(first)
	end := uint64(v4(a)) + uint64(n) - 1
	if end > 0xFFFFFFFF {
		return i18n.T("%d addresses from %s, which run past 255.255.255.255", n, first)
	}
	return i18n.T("%d addresses %s..%s (Amount %d), all free and usable in the vSwitch's CIDR block", n, first, addr4(uint32(end)), n)
}

func isIPv4(v string) bool {
	ip := net.ParseIP(v)
	return ip != nil && ip.To4() != nil && !strings.Contains(v, ":")
}

func amountSpotRules() []Rule {
	return []Rule{
		custom("T1-58", "UserData", "InvalidUserData.Base64FormatInvalid", i18n.M("is not Base64"), nil,
			func(e *env) (bool, string) {
				_, ok := userDataSize(e.val)
				return allow(!ok, func() string { return i18n.Text("standard Base64") })
			}),
		custom("T1-58", "UserData", "InvalidUserData.SizeExceeded", i18n.M("is too large once decoded"), nil,
			func(e *env) (bool, string) {
				n, ok := userDataSize(e.val)
				return allow(ok && n > 32768, func() string { return i18n.Text("at most 32768 bytes before Base64") })
			}).
			also("T2-20").id("size"),
		rng("T1-60", "Amount", "InvalidParam.Amount", 1, 1000, "").also("T2-10"),
		rng("T1-61", "MinAmount", "InvalidMinAmount.Malformed", 1, 100, "").also("T2-10"),
		custom("T1-61", "MinAmount", "InvalidMinAmount.Malformed", i18n.M("must not exceed Amount"), []string{"Amount"},
			func(e *env) (bool, string) {
				n, ok := atoi(e.val)
				a := amount(e)
				return allow(ok && a > 0 && n > a, func() string { return i18n.T("%s (Amount)", bounds(1, a)) })
			}).id("le-amount"),
		enum("T1-62", "SpotStrategy", "InvalidSpotStrategy", "NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"),
		custom("T1-62", "SpotStrategy", "InvalidSpotPrepaid", i18n.M("asks for a spot instance, which needs InstanceChargeType=PostPaid"),
			[]string{"InstanceChargeType", "DedicatedHostId"}, func(e *env) (bool, string) {
				return isSpot(e) && chargeType(e) == "PrePaid" && !e.req.Has("DedicatedHostId"), ""
			}).id("prepaid"),
		custom("T2-28", "SpotStrategy", "InvalidSpotParam.EmptyZoneID", i18n.M("asks for a spot instance, which needs ZoneId (or a VSwitchId that implies it)"),
			[]string{"ZoneId", "VSwitchId"}, func(e *env) (bool, string) {
				return isSpot(e) && !e.req.Has("ZoneId") && !e.req.Has("VSwitchId"), ""
			}),
		// Trailing zeros are not precision: the SDK's requests.NewFloat
		// always sends 6 decimals ("0.500000"), which the live API accepts.
		pattern("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", `^[0-9]+(\.[0-9]{1,3}0*)?$`,
			i18n.M("is not a price with at most 3 decimals"), i18n.M("0.001..999999, at most 3 decimals")),
		custom("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", i18n.M("is out of range"), nil,
			func(e *env) (bool, string) {
				f, err := strconv.ParseFloat(e.val, 64)
				return err == nil && (f <= 0 || f > 999999), "0.001..999999"
			}).also("T2-28").id("range"),
		custom("T1-63", "SpotPriceLimit", CodeIgnored, i18n.M("applies only with SpotStrategy=SpotWithPriceLimit and is ignored here"),
			[]string{"SpotStrategy", "DedicatedHostId"}, func(e *env) (bool, string) {
				return e.req.Get("SpotStrategy") != "SpotWithPriceLimit" || e.req.Has("DedicatedHostId"), ""
			}).warn().id("ignored"),
		enum("T1-64", "SpotInterruptionBehavior", "InvalidSpotInterruptionBehavior", "Terminate", "Stop").also("T2-27"),
		enum("T1-65", "CreditSpecification", "InvalidParameter.CreditSpecification", "Standard", "Unlimited"),
		enum("T1-66", "SecurityEnhancementStrategy", "InvalidParameter", "Active", "Deactive"),
	}
}

// userDataSize decodes UserData's length without keeping the bytes (T1-58):
// ok is false when it is not Base64.
func userDataSize(v string) (int, bool) {
	enc := base64.StdEncoding
	if len(v)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	var buf [3 * 256]byte
	total := 0
	for len(v) > 0 {
		chunk := v
		if len(chunk) > 4*256 {
			chunk = v[:4*256]
		}
		n, err := enc.Decode(buf[:], []byte(chunk))
		if err != nil {
			return 0, false
		}
		total += n
		v = v[len(chunk):]
	}
	return total, true
}

func tagRules() []Rule {
	return []Rule{
		custom("T1-69", "Tag.N", "InvalidTagCount", i18n.M("exceeds the tags a request may carry"), nil,
			func(e *env) (bool, string) { return indexOf(e.key) > 71, "N = 1..71" }).also("T2-22").
			with(func(r *Rule) { r.item, r.Kind, r.Min, r.Max = true, KindRange, 1, 71 }),
		custom("T2-22", "Tag.N", "InvalidTagCount", i18n.M("exceeds the 20 tags the documentation text still states (the schema allows 71)"), nil,
			func(e *env) (bool, string) { n := indexOf(e.key); return n > 20 && n <= 71, "N = 1..20" }).warn().
			with(func(r *Rule) { r.item = true }),
		length("T1-70", "Tag.N.Key", "InvalidTagKey.Malformed", 1, 128).also("T2-21"),
		pattern("T1-70", "Tag.N.Key", "InvalidTagKey.Malformed", `^(?:aliyun|acs:)`, i18n.Message{}, i18n.Message{}).with(func(r *Rule) {
			re := r.re
			r.test = func(e *env) (bool, string) { return re.MatchString(e.val), "" }
			r.Text, r.Negate = i18n.M("must not start with aliyun or acs:"), true
		}).id("prefix"),
		urlRule("T1-70", "Tag.N.Key", "InvalidTagKey.Malformed"),
		length("T1-71", "Tag.N.Value", "InvalidTagValue.Malformed", 0, 128).also("T2-22"),
		urlRule("T1-71", "Tag.N.Value", "InvalidTagValue.Malformed"),
		custom("T1-71", "Tag.N.Value", "InvalidTag.Mismatch", i18n.M("is given without Tag.N.Key"), []string{"Tag.N.Key"},
			func(e *env) (bool, string) { return e.get("Tag.N.Key") == "", "" }).id("needs-key"),
		custom("T1-72", "Tag.N.Key", "Duplicate.TagKey", i18n.M("repeats the key of an earlier tag"), []string{"Tag.N.Key"},
			func(e *env) (bool, string) {
				n := indexOf(e.key)
				for i := 1; i < n; i++ {
					if e.req.Get("Tag."+strconv.Itoa(i)+".Key") == e.val {
						return true, i18n.Text("unique keys")
					}
				}
				return false, ""
			}),
	}
}

// urlRule forbids http:// or https:// anywhere in the value (T1-70/71).
func urlRule(row, param, code string) Rule {
	return pattern(row, param, code, `(?i)https?://`, i18n.Message{}, i18n.Message{}).with(func(r *Rule) {
		re := r.re
		r.test = func(e *env) (bool, string) { return re.MatchString(e.val), "" }
		r.Text, r.Negate = i18n.M("must not contain http:// or https://"), true
	}).id("url")
}

func billingRules() []Rule {
	return []Rule{
		rng("T1-76", "LaunchTemplateVersion", "InvalidLaunchTemplateVersion.NotFound", 1, unbounded, ""),
		custom("T1-77", "DeletionProtection", "InvalidChargeType.ValueNotSupported",
			i18n.M("is true, but deletion protection applies to pay-as-you-go, non-spot instances only"),
			[]string{"InstanceChargeType", "SpotStrategy"}, func(e *env) (bool, string) {
				return isTrue(e.val) && (chargeType(e) == "PrePaid" || isSpot(e)), ""
			}).also("T2-30"),
		custom("T1-78", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", i18n.M("is not a UTC time"), nil,
			func(e *env) (bool, string) {
				_, ok := releaseTime(e.val)
				return allow(!ok, func() string { return i18n.Text("yyyy-MM-ddTHH:mm:ssZ (UTC)") })
			}),
		custom("T1-80", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", i18n.M("is outside the allowed window"), nil,
			func(e *env) (bool, string) {
				t, ok := releaseTime(e.val)
				lo, hi := AutoReleaseWindow(e.now())
				return allow(ok && (t.Before(lo) || t.After(hi)), func() string {
					return i18n.T("from %s (now + 30 minutes) to %s (now + 3 years)", lo.Format(releaseLayout), hi.Format(releaseLayout))
				})
			}).also("T1-79").with(func(r *Rule) { r.ctxDep = true }),
		custom("T2-25", "AutoReleaseTime", CodeIgnored, i18n.M("applies to pay-as-you-go instances only and is ignored here"),
			[]string{"InstanceChargeType"}, func(e *env) (bool, string) { return chargeType(e) == "PrePaid", "" }).warn(),
		custom("T1-81", "Period", "InvalidPeriod", i18n.M("is not a subscription length for its PeriodUnit"),
			[]string{"PeriodUnit", "InstanceChargeType"}, func(e *env) (bool, string) {
				return badPeriod(e, "1 2 3 4", "1 2 3 4 5 6 7 8 9 12 24 36 48 60")
			}).also("T2-23").with(func(r *Rule) { r.Phase = PhaseFormat }),
		enum("T1-82", "PeriodUnit", "InvalidPeriodType.ValueNotSupported", "Week", "Month"),
		custom("T1-84", "AutoRenewPeriod", "InvalidAutoRenewPeriod.ValueNotSupported", i18n.M("is not a renewal length for its PeriodUnit"),
			[]string{"PeriodUnit", "InstanceChargeType", "AutoRenew"}, func(e *env) (bool, string) {
				if !isTrue(e.req.Get("AutoRenew")) {
					return false, ""
				}
				return badPeriod(e, "1 2 3", "1 2 3 6 12 24 36 48 60")
			}).also("T2-23").with(func(r *Rule) { r.Phase = PhaseFormat }),
		enum("T1-85", "InstanceChargeType", "InvalidInstanceChargeType.NotFound", "PrePaid", "PostPaid"),
		custom("T2-31", "AutoPay", "InvalidAutoPay.PostPaidUnsupported", i18n.M("cannot be false for a PostPaid instance"),
			[]string{"InstanceChargeType"}, func(e *env) (bool, string) {
				return strings.EqualFold(e.val, "false") && chargeType(e) == "PostPaid", ""
			}),
	}
}

// badPeriod checks a Period-like value against the week or month list
// (T1-81/T1-84; both lists kept as the China site has Week, T2-23). It is
// effective only for PrePaid, so other requests are not checked.
func badPeriod(e *env, week, month string) (bool, string) {
	if chargeType(e) != "PrePaid" {
		return false, ""
	}
	list := month
	switch e.req.Get("PeriodUnit") {
	case "", "Month":
	case "Week":
		list = week
	default:
		return false, "" // PeriodUnit's own rule reports it
	}
	if _, ok := atoi(e.val); !ok {
		return false, ""
	}
	for _, f := range strings.Fields(list) {
		if f == e.val {
			return false, ""
		}
	}
	return true, strings.ReplaceAll(list, " ", ", ")
}

// releaseLayout is AutoReleaseTime's format (T1-78).
const releaseLayout = "2006-01-02T15:04:05Z"

// AutoReleaseWindow returns the earliest and the latest AutoReleaseTime
// ECS accepts at now (docs/rules.md T1-79, T1-80), in UTC, as a user would
// write them: ECS drops the seconds of the value and wants it between now +
// 30 minutes and now + 3 years, so the earliest is now + 30 minutes rounded
// up to the minute and the latest now + 3 years rounded down to it (any
// seconds within that last minute are dropped and pass too).
func AutoReleaseWindow(now time.Time) (earliest, latest time.Time) {
	now = now.UTC()
	lo, hi := now.Add(30*time.Minute), now.AddDate(3, 0, 0)
	earliest = lo.Truncate(time.Minute)
	if earliest.Before(lo) {
		earliest = earliest.Add(time.Minute)
	}
	return earliest, hi.Truncate(time.Minute)
}

// releaseTime parses AutoReleaseTime (T1-78), with the seconds truncated
// (T1-79). yyyy-MM-ddTHH:mmZ is also accepted, as today's API does.
func releaseTime(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04:05Z", "2006-01-02T15:04Z"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Truncate(time.Minute), true
		}
	}
	return time.Time{}, false
}

func addressRules() []Rule {
	return []Rule{
		custom("T1-86", "Ipv6AddressCount", "InvalidParameter.Conflict", i18n.M("cannot be given together with Ipv6Address.N"),
			[]string{"Ipv6Address.N"}, func(e *env) (bool, string) { return e.req.Count("Ipv6Address") > 0, "" }).also("T2-13"),
		rng("T1-87", "Ipv6AddressCount", "InvalidOperation.Ipv6CountExceeded", 1, 10, "").also("T2-13"),
		custom("T1-88", "Ipv6Address.N", "InvalidIp.Address", i18n.M("is not an IPv6 address, or N exceeds 10"), nil,
			func(e *env) (bool, string) {
				ip := net.ParseIP(e.val)
				return allow(ip == nil || !strings.Contains(e.val, ":") || indexOf(e.key) > 10, func() string { return i18n.Text("an IPv6 address, N = 1..10") })
			}).also("T2-13"),
		custom("T2-13", "Amount", "InvalidParam.Amount", i18n.M("must be 1 when Ipv6Address.N is given"), []string{"Ipv6Address.N"},
			func(e *env) (bool, string) { return e.req.Count("Ipv6Address") > 0 && amount(e) > 1, "1" }).id("ipv6"),
		custom("T1-89", "PrivateIpAddress", "InvalidPrivateIpAddress.Malformed", i18n.M("is not an IPv4 address"), nil,
			func(e *env) (bool, string) {
				return allow(!isIPv4(e.val), func() string { return i18n.Text("a dotted IPv4 address") })
			}),
		custom("T1-89", "PrivateIpAddress", "InvalidVSwitchId.Necessary", i18n.M("needs VSwitchId"), []string{"VSwitchId"},
			func(e *env) (bool, string) { return !e.req.Has("VSwitchId"), "" }).id("vswitch"),
		// The 2019 spec (T1-89) wanted Amount = 1 with a fixed address;
		// today's API takes Amount > 1 and gives the instances consecutive
		// addresses (docs/rules.md T2-11), so this is advice, not an error:
		// the range is checked against the vSwitch online (CheckPrivateIPs).
		custom("T2-11", "PrivateIpAddress", CodeConsecutiveIPs,
			i18n.M("with Amount > 1 gives the instances consecutive addresses from this one (today's API; the 2019 spec allowed only Amount 1)"),
			[]string{"Amount"}, func(e *env) (bool, string) {
				n := amount(e)
				if n <= 1 || !isIPv4(e.val) {
					return false, ""
				}
				return true, consecutive(e.val, n)
			}).warn().id("consecutive"),
		custom("T2-11", "PrivateIpAddress", "InvalidParam.SecondaryNetworkInterface",
			i18n.M("with Amount > 1 assigns consecutive addresses, which excludes NetworkInterface.N"),
			[]string{"Amount", "NetworkInterface.N."}, func(e *env) (bool, string) {
				return amount(e) > 1 && e.req.Count("NetworkInterface") > 0, ""
			}),
		custom("T1-92", "ClientToken", "InvalidClientToken.ValueNotSupported", i18n.M("is not an ASCII token of at most 64 characters"), nil,
			func(e *env) (bool, string) {
				if len(e.val) > 64 {
					return true, i18n.Text("1..64 ASCII characters")
				}
				for i := 0; i < len(e.val); i++ {
					if e.val[i] > 0x7F {
						return true, i18n.Text("1..64 ASCII characters")
					}
				}
				return false, ""
			}),
		enum("T1-93", "Affinity", "InvalidParameter.Affinity", "default", "host"),
		enum("T1-94", "Tenancy", "InvalidParam.Tenancy", "default", "host"),
	}
}

func newParamRules() []Rule {
	return []Rule{
		custom("T2-16", "ImageFamily", "UnexpectedImageFamily.ImageIdSupplied", i18n.M("cannot be given together with ImageId"),
			[]string{"ImageId"}, func(e *env) (bool, string) { return e.req.Has("ImageId"), "" }),
		custom("T2-17", "HostName", "InvalidHostname.SingleAndMultiConflict", i18n.M("cannot be given together with HostNames.N"),
			[]string{"HostNames.N"}, func(e *env) (bool, string) { return e.req.Count("HostNames") > 0, "" }).id("single-multi"),
		custom("T2-17", "HostNames.N", "InvalidHostname.SizeInvalid", i18n.M("must list one host name per instance (Amount)"),
			[]string{"Amount"}, func(e *env) (bool, string) {
				n := e.req.Count("HostNames")
				return allow(indexOf(e.key) == n && int64(n) != amount(e), func() string { return i18n.Text("as many as Amount") })
			}).id("count"),
		rng("T2-26", "SpotDuration", "InvalidParameter", 0, 720, "hours"),
		enum("T2-29", "HttpEndpoint", "InvalidHttpEndpoint.NotSupported", "enabled", "disabled"),
		enum("T2-29", "HttpTokens", "InvalidHttpTokens.NotSupported", "optional", "required"),
		rng("T2-29", "HttpPutResponseHopLimit", "InvalidHttpPutResponseHopLimit.NotSupported", 1, 64, ""),
		rng("T2-34", "DeploymentSetGroupNo", "InvalidParameter", 1, 7, ""),
		rng("T2-34", "NetworkInterfaceQueueNumber", "InvalidParameter", 1, unbounded, ""),
		rng("T2-34", "StorageSetPartitionNumber", "InvalidParameter", 2, unbounded, ""),
		enum("T2-34", "CpuOptions.TopologyType", "InvalidParameter", "ContinuousCoreToHTMapping", "DiscreteCoreToHTMapping"),
		enum("T2-34", "SecurityOptions.TrustedSystemMode", "InvalidParameter", "vTPM"),
		enum("T2-34", "SecurityOptions.ConfidentialComputingMode", "InvalidParameter", "Enclave"),
		enum("T2-34", "PrivatePoolOptions.MatchCriteria", "InvalidParameter", "Open", "Target", "None"),
		required("T2-34", "PrivatePoolOptions.Id", "MissingParameter", i18n.M("is required when PrivatePoolOptions.MatchCriteria is Target"),
			[]string{"PrivatePoolOptions.MatchCriteria"}, func(e *env) bool {
				return e.req.Get("PrivatePoolOptions.MatchCriteria") != "Target"
			}).id("target").with(func(r *Rule) { r.Phase = PhaseCross }),
		rng("T2-6", "SystemDisk.ProvisionedIops", "InvalidParameter", 0, 50000, ""),
		rng("T2-6", "DataDisk.N.ProvisionedIops", "InvalidParameter", 0, 50000, ""),
	}
}
