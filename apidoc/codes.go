package apidoc

import (
	"regexp"
	"strings"
	"sync"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// CodeDoc documents one error code.
type CodeDoc struct {
	// Code is the API's error code, e.g. "InvalidSystemDiskSize.LessThanImageSize".
	Code string
	// HTTPStatus is the status the reference gives first for the code (odd
	// values included, e.g. 404 for InvalidSystemDiskSize.*).
	HTTPStatus int
	// HTTPStatuses lists every status documented for the code, in order of
	// first appearance; most codes have one.
	HTTPStatuses []int
	// Message is the documented server message, preferring one that is not
	// a bare "%s" template.
	Message string
	// Messages lists every documented message, in order of appearance.
	Messages []string
	// Explanation says in plain words what went wrong and what to do, in
	// the current language (English or Chinese, package i18n).
	Explanation string
	// Parameter is the request pattern the code concerns ("SystemDisk.Size",
	// "DataDisk.N.Size"), or "" for account- and platform-level codes. For
	// codes several parameters share, ParameterFor reads the server message.
	Parameter string
	// Reference is the spec's Chinese description of the code (distinct
	// descriptions joined by "；"); empty for codes the spec lacks.
	Reference string
	// Source says where the code is documented: "spec" for the spec's error
	// table, else the file and row (e.g. "docs/rules.md T2-29").
	Source string
}

var (
	codesOnce sync.Once
	codeList  []CodeDoc
	codeIndex map[string]int
)

// buildCodes merges the spec's rows per code, adds the explanations, then
// appends the codes only docs/rules.md and the common-code lists document.
func buildCodes() {
	codeIndex = map[string]int{}
	for _, row := range theSpec().errors {
		i, ok := codeIndex[row.Code]
		if !ok {
			i = len(codeList)
			codeIndex[row.Code] = i
			ex := specExplanations[row.Code]
			codeList = append(codeList, CodeDoc{Code: row.Code, HTTPStatus: row.HTTPStatus,
				Explanation: ex.Explanation, Parameter: ex.Parameter, Source: "spec"})
		}
		mergeRow(&codeList[i], row)
	}
	for _, e := range extraCodes {
		if _, dup := codeIndex[e.Code]; dup {
			continue // the spec documents it; its rows win
		}
		codeIndex[e.Code] = len(codeList)
		codeList = append(codeList, CodeDoc{Code: e.Code, HTTPStatus: e.HTTPStatus,
			HTTPStatuses: []int{e.HTTPStatus}, Message: e.Message, Messages: []string{e.Message},
			Explanation: e.Explanation, Parameter: e.Parameter, Source: e.Source})
	}
}

// mergeRow folds one more row of the spec's table into d.
func mergeRow(d *CodeDoc, row specError) {
	if !containsInt(d.HTTPStatuses, row.HTTPStatus) {
		d.HTTPStatuses = append(d.HTTPStatuses, row.HTTPStatus)
	}
	if !containsString(d.Messages, row.Message) {
		d.Messages = append(d.Messages, row.Message)
	}
	if d.Message == "" || (d.Message == "%s" && row.Message != "%s") {
		d.Message = row.Message
	}
	if row.Description != "" && !strings.Contains(d.Reference, row.Description) {
		if d.Reference != "" {
			d.Reference += "；"
		}
		d.Reference += row.Description
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Code returns the documentation of an error code. Codes are matched exactly
// first, then case-insensitively (the API is not consistent: HostName vs
// Hostname).
func Code(code string) (CodeDoc, bool) {
	codesOnce.Do(buildCodes)
	if i, ok := codeIndex[code]; ok {
		return cloneCode(codeList[i]), true
	}
	for i := range codeList {
		if strings.EqualFold(codeList[i].Code, code) {
			return cloneCode(codeList[i]), true
		}
	}
	return CodeDoc{}, false
}

// Codes returns every documented code: the spec's in table order, then the
// others. The caller may modify the result.
func Codes() []CodeDoc {
	codesOnce.Do(buildCodes)
	out := make([]CodeDoc, len(codeList))
	for i := range codeList {
		out[i] = cloneCode(codeList[i])
	}
	return out
}

// cloneCode copies the slices so callers cannot change the shared table,
// and gives the explanation of the current language (the table holds the
// English one, explanationsZh the Chinese).
func cloneCode(d CodeDoc) CodeDoc {
	d.HTTPStatuses = append([]int(nil), d.HTTPStatuses...)
	d.Messages = append([]string(nil), d.Messages...)
	if i18n.IsChinese() {
		if zh, ok := explanationsZh[d.Code]; ok {
			d.Explanation = zh
		}
	}
	return d
}

// messageDriven are the codes whose parameter depends on the server message:
// generic codes, and codes the spec documents with messages naming different
// parameters. For every other code, the documented Parameter wins even when
// the message names another one ("The uniqueSuffix takes three naming
// places, please shorten your InstanceName." concerns InstanceName).
var messageDriven = map[string]bool{
	"MissingParameter": true, "MissingParamter": true, "InvalidParameter": true,
	"InvalidParameter.Conflict": true, "InvalidParameter.NotMatch": true,
	"InvalidParameter.Mismatch": true, "InvalidNetworkType.Mismatch": true,
	"InvalidInstanceType.ValueNotSupported": true, "InvalidDiskName.Malformed": true,
	"InvalidDiskDescription.Malformed": true, "InvalidParam.NetworkInterface": true,
	"OperationDenied":                   true,
	"InvalidParameter.EncryptedIllegal": true, "InvalidParameter.Bandwidth": true,
}

// ParameterFor returns the request pattern an error concerns. For generic
// codes (MissingParameter, InvalidParameter, InvalidParameter.Conflict, …) it
// reads the parameter from the server message when the message names one,
// e.g. `The input parameter "VSwitchId" that is mandatory…` → "VSwitchId";
// otherwise, and for specific codes, it returns the code's documented
// Parameter. It returns "" when neither names a parameter.
func ParameterFor(code, message string) string {
	d, known := Code(code)
	if known && !messageDriven[d.Code] {
		return d.Parameter
	}
	if p := parameterInMessage(message); p != "" {
		return p
	}
	return d.Parameter
}

var (
	quoted     = regexp.MustCompile(`"\s*([A-Za-z][A-Za-z0-9.]*)\s*"`)
	identifier = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*`)
)

// messageAliases maps the names server messages use that are not the API's
// (typos and old names) to request patterns.
var messageAliases = map[string]string{
	"syatemdisk.diskname":        "SystemDisk.DiskName",
	"syatemdisk.diskdescription": "SystemDisk.Description",
	"systemdisk.diskdescription": "SystemDisk.Description",
	"systemdisksize":             "SystemDisk.Size",
	"periodtype":                 "PeriodUnit",
	"passwdinherit":              "PasswordInherit",
	"iooptimize":                 "IoOptimized",
	"kmskeyid":                   "DataDisk.N.KMSKeyId",
	"inneripaddress":             "PrivateIpAddress",
	"securitygroupids":           "SecurityGroupIds.N",
	"hostnames":                  "HostNames.N",
	"ipv6address":                "Ipv6Address.N",
	"ipv6addresses":              "Ipv6Address.N",
	"encrypted":                  "DataDisk.N.Encrypted",
}

// messagePhrases name the parameter of documented messages that describe it
// in words instead of naming it (spec rows of InvalidParameter.Conflict and
// InvalidParameter.Mismatch; docs/rules.md T1-4, T1-13, T1-14).
var messagePhrases = []struct{ phrase, parameter string }{
	{"image does not support", "ImageId"},
	{"security group and virtual switch", "VSwitchId"},
	{"security group and vswitch", "VSwitchId"},
	{"virtual switch is not in the specified zone", "VSwitchId"},
}

var (
	patternsOnce  sync.Once
	patternByFold map[string]string
)

// foldedPatterns indexes every request pattern by its lower-case form,
// since messages write "internetMaxBandwidthOut" and "DataDisk.n.Size".
func foldedPatterns() map[string]string {
	patternsOnce.Do(func() {
		patternByFold = map[string]string{}
		for _, s := range request.Specs() {
			patternByFold[strings.ToLower(s.Pattern)] = s.Pattern
		}
		for k, v := range messageAliases {
			patternByFold[k] = v
		}
	})
	return patternByFold
}

// parameterInMessage finds the first parameter a server message names:
// quoted names first ("VSwitchId"), then bare words that are parameter
// names, then the phrases of documented messages that describe one.
func parameterInMessage(msg string) string {
	for _, m := range quoted.FindAllStringSubmatch(msg, -1) {
		if p := asPattern(m[1]); p != "" {
			return p
		}
	}
	for _, w := range identifier.FindAllString(msg, -1) {
		if p := asPattern(w); p != "" && !commonWord[strings.ToLower(w)] {
			return p
		}
	}
	lower := strings.ToLower(msg)
	for _, ph := range messagePhrases {
		if strings.Contains(lower, ph.phrase) {
			return ph.parameter
		}
	}
	return ""
}

// commonWord lists parameter names that are also ordinary English words in
// messages ("The specified period is not valid" names Period on purpose,
// but "description" rarely means the Description parameter unquoted).
var commonWord = map[string]bool{"description": true, "amount": true, "isp": true}

// asPattern maps a name as a message writes it to a request pattern:
// "DataDisk.n.Size", "DataDisk.1.Size", "internetMaxBandwidthOut",
// "SecurityGroupIds" all resolve; anything else gives "".
func asPattern(name string) string {
	// PatternOf turns indexes into N; lower-casing then makes "n" and "N" alike.
	key := strings.ToLower(request.PatternOf(strings.TrimSuffix(name, ".")))
	folded := foldedPatterns()
	if p, ok := folded[key]; ok {
		return p
	}
	return folded[key+".n"] // a list named without its index
}
