package rules

import (
	"regexp"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// statuses gives the HTTP status of every code the rules use, from the
// error column of docs/rules.md (odd values included, e.g. 404 for
// InvalidSystemDiskSize.*). Codes that are rule ids, not API errors, have 0.
var statuses = map[string]int{
	"MissingParameter": 400, "MissingParamter": 400, "InvalidParameter": 400,
	"InvalidRegionId.NotFound": 404, "InvalidZoneId.NotFound": 404,
	"InvalidImageId.NotFound": 404, "OperationDenied.ImageNotValid": 403,
	"InvalidParameter.Conflict": 400, "InvalidParameter.Mismatch": 400,
	"InvalidInstanceType.ValueNotSupported": 400, "InvalidInstanceType.ZoneNotSupported": 403,
	"OperationDenied.NoStock": 403, "InvalidSecurityGroupId.NotFound": 404,
	"SecurityGroupInstanceLimitExceed": 403, "InvalidSecurityGroupId.SingleIdAndMultiIdConflict": 400,
	"JoinedGroupLimitExceed": 400, "InvalidVSwitchId.Necessary": 400, "InvalidVSwitchId.NotFound": 404,
	"InvalidInternetMaxBandwidthIn.Malformed": 400, "InvalidInternetMaxBandwidthOut.Malformed": 400,
	"InvalidInternetChargeType.ValueNotSupported": 400,
	"InvalidInstanceName.Malformed":               400, "InvalidInstanceName.CustomMalformed": 400,
	"InvalidHostName.Malformed": 400, "InvalidParams.InstanceNameExceed": 403,
	"InvalidParams.HostnameExceed": 403, "InvalidHostname.SingleAndMultiConflict": 403,
	"InvalidHostname.SizeInvalid": 403, "InvalidDescription.Malformed": 400,
	"InvalidPasswordParam.Mismatch": 400, "InvalidPassword.Malformed": 400,
	"InvalidKeyPairName.NotFound":           404,
	"InvalidSystemDiskSize.LessThanMinSize": 404, "InvalidSystemDiskSize.MoreThanMaxSize": 404,
	"InvalidSystemDiskSize.LessThanImageSize": 404, "InvalidSystemDiskSize.ValueNotSupported": 400,
	"InvalidSystemDiskCategory.ValueNotSupported": 400, "CategoryNotSupported": 403,
	"InvalidDiskName.Malformed": 400, "InvalidDiskDescription.Malformed": 400,
	"InvalidPerformanceLevel.Malformed": 400, "InstanceDiskNumber.LimitExceed": 400,
	"InvalidDataDiskSize.ValueNotSupported": 400, "InvalidDataDiskCategory.ValueNotSupported": 400,
	"InvalidDiskCategory.NotSupported": 403, "InvalidParameter.EncryptedIllegal": 400,
	"InvalidDataDevice.Malformed": 400, "InvalidIoOptimize.ValueNotSupported": 400,
	"InvalidParam.NetworkInterface": 400, "InvalidParam.SecondaryNetworkInterface": 400,
	"InvalidPrivateIpAddress": 400, "InvalidPrivateIpAddress.Malformed": 400,
	"QuotaExceeded.PrivateIpAddress":      400,
	"InvalidUserData.Base64FormatInvalid": 400, "InvalidUserData.SizeExceeded": 400,
	"InvalidParam.Amount": 403, "InvalidMinAmount.Malformed": 400,
	"InvalidSpotStrategy": 400, "InvalidSpotPrepaid": 400, "InvalidSpotPriceLimit": 400,
	"InvalidSpotPriceLimit.LowerThanPublicPrice": 400,
	"InvalidSpotParam.EmptyZoneID":               400, "InvalidSpotInterruptionBehavior": 400,
	"InvalidParameter.CreditSpecification": 400, "InvalidTagCount": 400,
	"InvalidTagKey.Malformed": 400, "InvalidTagValue.Malformed": 400, "InvalidTag.Mismatch": 400,
	"Duplicate.TagKey": 400, "InvalidLaunchTemplateVersion.NotFound": 404,
	"InvalidChargeType.ValueNotSupported": 403, "InvalidAutoReleaseTime.Malformed": 400,
	"InvalidPeriod": 400, "InvalidPeriodType.ValueNotSupported": 400,
	"InvalidAutoRenewPeriod.ValueNotSupported": 400, "InvalidInstanceChargeType.NotFound": 404,
	"InvalidOperation.Ipv6CountExceeded": 403, "InvalidIp.Address": 403,
	"InvalidClientToken.ValueNotSupported": 400, "InvalidParameter.Affinity": 400,
	"InvalidParam.Tenancy": 400, "UnexpectedImageFamily.ImageIdSupplied": 400,
	"InvalidHttpEndpoint.NotSupported": 400, "InvalidHttpTokens.NotSupported": 400,
	"InvalidHttpPutResponseHopLimit.NotSupported": 400, "InvalidAutoPay.PostPaidUnsupported": 400,
	// Rule ids for warnings the API has no error for.
	CodeLiteralSecret: 0, CodeIgnored: 0, CodeCheckSkipped: 0, CodeConsecutiveIPs: 0,
}

// Codes of findings that are not API errors.
const (
	// CodeLiteralSecret warns of a literal password in a launch file.
	CodeLiteralSecret = "LiteralSecret"
	// CodeIgnored warns that the API ignores a parameter in this request.
	CodeIgnored = "ParameterIgnored"
	// CodeCheckSkipped warns that a catalog check could not be done.
	CodeCheckSkipped = "CheckSkipped"
	// CodeConsecutiveIPs tells that PrivateIpAddress with Amount > 1 gives
	// the instances consecutive addresses (docs/rules.md T2-11).
	CodeConsecutiveIPs = "ConsecutivePrivateIpAddresses"
)

// base starts a rule: an error in the format phase.
func base(row, pattern, code string) Rule {
	return Rule{ID: row + ":" + pattern, Row: row, Pattern: pattern, Code: code, HTTPStatus: statuses[code],
		Severity: Error, UnknownOS: Error, Phase: PhaseFormat, Kind: KindCustom}
}

// withUnit puts a range's unit after it: "" (a count), "Mbit/s" (the same
// in every language) or "hours".
func withUnit(b, unit string) i18n.Message {
	switch unit {
	case "":
		return i18n.Raw(b)
	case "hours":
		return i18n.M("%s hours", b)
	}
	return i18n.Raw(b + " " + unit)
}

// rng is a fixed integer range.
func rng(row, pattern, code string, lo, hi int64, unit string) Rule {
	r := base(row, pattern, code)
	r.Kind, r.Min, r.Max, r.plain = KindRange, lo, hi, true
	r.Text = i18n.M("is out of range")
	r.Allowed = withUnit(bounds(lo, hi), unit)
	r.test = func(e *env) (bool, string) {
		n, ok := atoi(e.val)
		return ok && (n < lo || n > hi), ""
	}
	return r
}

// enum is a fixed set of values (case-sensitive, as the API compares).
func enum(row, pattern, code string, vals ...string) Rule {
	r := base(row, pattern, code)
	r.Kind, r.Enum, r.plain = KindEnum, vals, true
	r.Text = i18n.M("is not a supported value")
	r.Allowed = i18n.Raw(strings.Join(vals, " | "))
	r.test = func(e *env) (bool, string) { return !oneOf(e.val, vals), "" }
	return r
}

// oneOf reports whether v is in vals.
func oneOf(v string, vals []string) bool {
	for _, x := range vals {
		if v == x {
			return true
		}
	}
	return false
}

// pattern is a regular expression the value must match.
func pattern(row, param, code, expr string, text, allowed i18n.Message) Rule {
	r := base(row, param, code)
	r.Kind, r.Regexp, r.re = KindPattern, expr, regexp.MustCompile(expr)
	r.Text, r.Allowed = text, allowed
	re := r.re
	r.test = func(e *env) (bool, string) { return !re.MatchString(e.val), "" }
	return r
}

// length bounds the value's length in characters.
func length(row, pattern, code string, lo, hi int64) Rule {
	r := base(row, pattern, code)
	r.Kind, r.Min, r.Max, r.plain = KindLength, lo, hi, true
	r.Text = i18n.M("has a length out of range")
	r.Allowed = i18n.M("%s characters", bounds(lo, hi))
	r.test = func(e *env) (bool, string) {
		n := runes(e.val)
		return n < lo || n > hi, ""
	}
	return r
}

// custom is a rule with its own test, usually cross-field.
func custom(row, pattern, code string, text i18n.Message, reads []string, test func(e *env) (bool, string)) Rule {
	r := base(row, pattern, code)
	r.Text, r.Reads, r.test = text, reads, test
	if len(reads) > 0 {
		r.Phase = PhaseCross
	}
	return r
}

// required fires when the parameter is absent and exempt says it is needed.
func required(row, pattern, code string, text i18n.Message, reads []string, exempt func(e *env) bool) Rule {
	r := base(row, pattern, code)
	r.Kind, r.Phase, r.absent, r.Reads, r.Text = KindRequired, PhaseRequired, true, reads, text
	r.test = func(e *env) (bool, string) { return !e.has && (exempt == nil || !exempt(e)), "" }
	return r
}

// with adjusts a rule: used to chain a few field changes in the table.
func (r Rule) with(f func(*Rule)) Rule { f(&r); return r }

// also records further rows the rule covers.
func (r Rule) also(rows ...string) Rule { r.Also = append(r.Also, rows...); return r }

// id renames a rule whose row and pattern are not unique.
func (r Rule) id(suffix string) Rule { r.ID = r.Row + ":" + r.Pattern + ":" + suffix; return r }

// warn makes the rule a warning.
func (r Rule) warn() Rule { r.Severity, r.UnknownOS = Warning, Warning; return r }

// onOS limits the rule to one OS type with the severity to use when the OS
// is unknown.
func (r Rule) onOS(os string, unknown Severity) Rule {
	r.OS, r.UnknownOS, r.ctxDep = os, unknown, true
	return r
}
