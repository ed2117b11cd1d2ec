package forms

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Findings maps a field key to what is wrong with its value now.
type Findings map[string][]rules.Finding

// Blocking reports whether any finding of the keys is an error.
func (fs Findings) Blocking(keys ...string) bool {
	for _, k := range keys {
		for _, f := range fs[k] {
			if f.Severity == rules.Error {
				return true
			}
		}
	}
	return false
}

// context is what the rules need to know about the chosen image.
func (d *Draft) context(now time.Time) ruleContext {
	c := ruleContext{Now: now}
	if im, ok := d.Env.Image(d.Req.Get("ImageId")); ok {
		c.OSType, c.ImageSize = im.OSType, im.Size
	}
	if t, ok := d.Env.Type(d.Req.Get("InstanceType")); ok {
		c.MaxDataDisks = t.DiskQuantity
	}
	return c
}

// Check runs every rule of one field against the draft: the rules
// package's rules for its parameter (rules.CheckParam), whether the value is
// still offered by the catalog (a type sold out in a zone chosen later), and
// the UI-only checks (the password typed twice). It is fast enough for
// every keystroke.
func Check(d *Draft, f Field, now time.Time) []rules.Finding {
	var out []rules.Finding
	for _, k := range paramsOf(d, f.Key) {
		out = append(out, checkParam(d.Req, k, d.context(now))...)
		out = append(out, fit(d, k)...)
	}
	out = append(out, extraChecks(d, f)...)
	out = d.dropTypedSecretWarning(out)
	out = deferLater(d, StepOf(f.Key), out)
	if missing(d, f) && !blockingFor(out, f.Key) {
		out = append(out, rules.Finding{Parameter: f.Key, Severity: rules.Error, Code: "MissingParameter",
			Message: i18n.T("%s is required: choose or type a value", paramName(f))})
	}
	return out
}

// laterKeys are the parameters a cross-field rule may need from a later step.
var laterKeys = []string{"ZoneId", "InstanceType", "ImageId", "VSwitchId", "SecurityGroupId",
	"SystemDisk.Category", "SystemDisk.Size", "KeyPairName", "Password", "HostName", "Amount"}

// deferLater turns an error that needs a parameter of a later step, not
// chosen yet, into a warning: a spot strategy needs a zone, which the
// Zone step asks next, and must not block the Billing step.
func deferLater(d *Draft, step StepID, fs []rules.Finding) []rules.Finding {
	for i, f := range fs {
		if f.Severity != rules.Error {
			continue
		}
		for _, k := range laterKeys {
			if StepOf(k) > step && !d.Req.Has(k) && strings.Contains(f.Message, k) {
				fs[i].Severity = rules.Warning
				fs[i].Message += i18n.T(" — checked again once %s is chosen", k)
				break
			}
		}
	}
	return fs
}

func blockingFor(fs []rules.Finding, key string) bool {
	for _, f := range fs {
		if f.Severity == rules.Error && FieldFor(f.Parameter) == key {
			return true
		}
	}
	return false
}

// CheckKey runs the rules of a parameter that no field of the step shows
// (the chosen zone, type or image).
func CheckKey(d *Draft, key string, now time.Time) []rules.Finding {
	return append(checkParam(d.Req, key, d.context(now)), fit(d, key)...)
}

// Related lists the keys whose rules rerun when key changes.
func Related(key string) []string { return relatedKeys(key) }

// Validate runs every rule over the whole request (the review's findings).
func Validate(d *Draft, now time.Time) []rules.Finding {
	out := d.dropTypedSecretWarning(validateAll(d.Req, d.context(now)))
	for _, k := range []string{"ZoneId", "InstanceType", "ImageId", "SystemDisk.Category", "VSwitchId", "KeyPairName", "PrivateIpAddress"} {
		out = append(out, fit(d, k)...)
	}
	return append(out, loginChecks(d)...)
}

// loginChecks reports a login method chosen whose parameter is gone (a
// region change drops the key pair, which belongs to the old region): the
// API would accept the request, and the instance would have no way in.
func loginChecks(d *Draft) []rules.Finding {
	if d.Get(KeyLogin) == LoginKeyPair && d.Windows() {
		return []rules.Finding{{Parameter: KeyLogin, Severity: rules.Error, Code: "ui.KeyPairOnWindows",
			Message: i18n.Text("KeyPairName is ignored for a Windows image (docs/rules.md T2-32): log in with a Password instead")}}
	}
	if d.Extra[KeyLogin] == LoginKeyPair && !d.Req.Has("KeyPairName") {
		return []rules.Finding{{Parameter: "KeyPairName", Severity: rules.Error, Code: "MissingParameter",
			Message: i18n.Text("KeyPairName is required: you chose to log in with an SSH key pair; choose one of this region's")}}
	}
	return nil
}

// dropTypedSecretWarning leaves out the "literal password in a launch
// file" warning for a password typed in the wizard: the user did what the
// masked field asks, and nothing writes it literally. A password read from
// a launch file keeps the warning: that file holds it in clear.
func (d *Draft) dropTypedSecretWarning(fs []rules.Finding) []rules.Finding {
	if !d.typedPassword {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Code != rules.CodeLiteralSecret || f.Parameter != "Password" {
			out = append(out, f)
		}
	}
	return out
}

// ParamsOf lists the API parameters behind a field key.
func ParamsOf(d *Draft, key string) []string { return paramsOf(d, key) }

func paramsOf(d *Draft, key string) []string {
	switch key {
	case KeySecurityGroups:
		if n := d.Req.Count("SecurityGroupIds"); n > 0 {
			out := make([]string, n)
			for i := range out {
				out[i] = fmt.Sprintf("SecurityGroupIds.%d", i+1)
			}
			return out
		}
		return []string{"SecurityGroupId"}
	case KeyUserDataText, KeyUserDataFile:
		return []string{"UserData"}
	case KeyLogin, KeyVpc, KeyPasswordConfirm, KeyAddDataDisk, KeyAddTag:
		return nil
	}
	return []string{key}
}

func paramName(f Field) string {
	if IsExtra(f.Key) {
		return f.Title
	}
	return f.Key
}

// missing reports a required field left empty. A Select whose options
// include "" means the API default and is never missing.
func missing(d *Draft, f Field) bool {
	if f.Optional || d.Get(f.Key) != "" {
		return false
	}
	switch f.Kind {
	case Input, Secret, Multi:
		return f.Key != KeyPasswordConfirm
	case Select:
		for _, o := range f.Options {
			if o.Value == "" {
				return false
			}
		}
		return true
	}
	return false
}

func extraChecks(d *Draft, f Field) []rules.Finding {
	switch f.Key {
	case KeyPasswordConfirm:
		// A ${ECS_PASSWORD} reference (a launch file, a resumed draft) is
		// not typed here: there is nothing to type twice.
		pw := d.Req.Get("Password")
		if request.IsReference(pw) && d.Extra[KeyPasswordConfirm] == "" {
			return nil
		}
		if d.Extra[KeyPasswordConfirm] != pw {
			return []rules.Finding{{Parameter: KeyPasswordConfirm, Severity: rules.Error, Code: "ui.PasswordMismatch",
				Message: i18n.Text("Password again: the two passwords differ")}}
		}
	case KeyUserDataFile:
		switch st := d.Extra[keyUserDataFileState]; st {
		case "":
		case "pending":
			return []rules.Finding{{Parameter: KeyUserDataFile, Severity: rules.Error, Code: "ui.UserDataFilePending",
				Message: i18n.T("UserData: reading %s…", d.Extra[KeyUserDataFile])}}
		default:
			return []rules.Finding{{Parameter: KeyUserDataFile, Severity: rules.Error, Code: "ui.UserDataFile", Message: "UserData: " + st}}
		}
	}
	return nil
}

// fit checks that a chosen value is still offered by the catalog for the
// choices made since (zone, type, VPC): going back must flag what no longer fits.
func fit(d *Draft, key string) []rules.Finding {
	v := d.Req.Get(key)
	if v == "" {
		return nil
	}
	var msg string
	switch key {
	case "InstanceType":
		msg = typeFit(d, v)
	case "ImageId":
		msg = imageFit(d, v)
	case "SystemDisk.Category":
		msg = categoryFit(d.Env.SystemCategories, v)
	case "VSwitchId":
		msg = vswitchFit(d, v)
	case "KeyPairName":
		msg = keyPairFit(d, v)
	case "PrivateIpAddress":
		msg = privateIPFit(d, v)
	}
	if msg == "" {
		return nil
	}
	return []rules.Finding{{Parameter: key, Severity: rules.Error, Code: "ui.NotOffered", Message: msg}}
}

func typeFit(d *Draft, v string) string {
	if len(d.Env.Types) == 0 {
		return ""
	}
	t, ok := d.Env.Type(v)
	if !ok {
		return i18n.T("InstanceType %s is not offered in this region", v)
	}
	if t.Status == catalog.Available {
		return ""
	}
	where := i18n.Text("no zone")
	if len(t.AvailableZones) > 0 {
		where = strings.Join(t.AvailableZones, ", ")
	}
	return i18n.T("InstanceType %s is %s in %s; available in: %s", v, t.Status, zoneName(d), where)
}

func zoneName(d *Draft) string {
	if z := d.Req.Get("ZoneId"); z != "" {
		return z
	}
	return i18n.Text("any zone")
}

func imageFit(d *Draft, v string) string {
	im, ok := d.Env.Image(v)
	t, tok := d.Env.Type(d.Req.Get("InstanceType"))
	if !ok || !tok || FitsArch(im, t.CpuArchitecture) {
		return ""
	}
	return i18n.T("ImageId %s is %s but InstanceType %s is %s: choose an image for %s",
		v, im.Architecture, t.InstanceTypeId, t.CpuArchitecture, ImageArch(t.CpuArchitecture))
}

func categoryFit(cats []catalog.DiskCategory, v string) string {
	if len(cats) == 0 {
		return ""
	}
	names := make([]string, len(cats))
	for i, c := range cats {
		if c.Category == v {
			return ""
		}
		names[i] = c.Category
	}
	return i18n.T("SystemDisk.Category %s is not offered for this type in this zone; allowed: %s", v, strings.Join(names, ", "))
}

func vswitchFit(d *Draft, v string) string {
	if d.Env.Data == nil {
		return ""
	}
	for _, s := range d.Env.Data.VSwitches {
		if s.VSwitchId != v {
			continue
		}
		if z := d.Req.Get("ZoneId"); z != "" && s.ZoneId != z {
			return i18n.T("VSwitchId %s is in zone %s, not in ZoneId %s (a vSwitch belongs to one zone)", v, s.ZoneId, z)
		}
		return ""
	}
	return i18n.T("VSwitchId %s does not exist in this region", v)
}

// privateIPFit checks that a private IP, and the consecutive addresses
// Amount > 1 takes from it, are usable in the vSwitch's CIDR block: inside
// it, neither its network, broadcast nor the addresses ECS reserves.
func privateIPFit(d *Draft, v string) string {
	if _, err := netip.ParseAddr(v); err != nil || d.Env.Data == nil {
		return "" // the rules report a malformed address
	}
	amount, err := strconv.Atoi(d.Req.Get("Amount"))
	if err != nil || amount < 1 {
		amount = 1
	}
	for _, s := range d.Env.Data.VSwitches {
		if s.VSwitchId == d.Req.Get("VSwitchId") {
			if msg := rules.CheckPrivateIPs(v, amount, s.CidrBlock); msg != "" {
				return "PrivateIpAddress " + msg
			}
		}
	}
	return ""
}

func keyPairFit(d *Draft, v string) string {
	if d.Env.Data == nil || request.IsReference(v) {
		return ""
	}
	for _, k := range d.Env.Data.KeyPairs {
		if k.KeyPairName == v {
			return ""
		}
	}
	return i18n.T("KeyPairName %s does not exist in this region", v)
}
