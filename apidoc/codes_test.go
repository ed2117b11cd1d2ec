package apidoc

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

func TestEverySpecCodeIsExplained(t *testing.T) {
	for _, row := range theSpec().errors {
		d, ok := Code(row.Code)
		if !ok {
			t.Errorf("%s: in the spec's table but not documented", row.Code)
			continue
		}
		if d.Explanation == "" {
			t.Errorf("%s: no explanation", row.Code)
		}
		if d.Source != "spec" {
			t.Errorf("%s: Source = %q, want spec", row.Code, d.Source)
		}
		// Merging keeps every row's status and message.
		if !containsInt(d.HTTPStatuses, row.HTTPStatus) || !containsString(d.Messages, row.Message) {
			t.Errorf("%s: row %d %q lost in %+v", row.Code, row.HTTPStatus, row.Message, d)
		}
	}
}

// TestExplanationsNameSpecCodes catches an explanation filed under a
// misspelt code, which would leave the real code unexplained.
func TestExplanationsNameSpecCodes(t *testing.T) {
	inSpec := map[string]bool{}
	for _, row := range theSpec().errors {
		inSpec[row.Code] = true
	}
	for code := range specExplanations {
		if !inSpec[code] {
			t.Errorf("explanation for %q, which the spec's table does not list", code)
		}
	}
	for _, e := range extraCodes {
		if inSpec[e.Code] {
			t.Errorf("%s is in the spec: explain it in specExplanations", e.Code)
		}
	}
}

func TestEveryCodeIsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Codes() {
		if seen[d.Code] {
			t.Errorf("%s listed twice", d.Code)
		}
		seen[d.Code] = true
		if d.Explanation == "" || !strings.HasSuffix(d.Explanation, ".") {
			t.Errorf("%s: explanation %q is not a sentence", d.Code, d.Explanation)
		}
		if d.Parameter != "" {
			if _, ok := request.Lookup(d.Parameter); !ok || request.PatternOf(d.Parameter) != d.Parameter {
				t.Errorf("%s: Parameter %q is not a request pattern", d.Code, d.Parameter)
			}
		}
		if d.HTTPStatus < 400 || d.HTTPStatus > 599 || len(d.HTTPStatuses) == 0 || d.HTTPStatuses[0] != d.HTTPStatus {
			t.Errorf("%s: statuses %d %v", d.Code, d.HTTPStatus, d.HTTPStatuses)
		}
		if d.Message == "" || d.Source == "" {
			t.Errorf("%s: no message or source", d.Code)
		}
	}
	for _, must := range []string{"MissingParameter", "InvalidParameter", "DryRunOperation",
		"IdempotentParameterMismatch", "Throttling", "Throttling.User", "Throttling.Resource",
		"SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InternalError", "ServiceUnavailable",
		"OperationDenied.NoStock", "InvalidInstanceType.ZoneNotSupported", "InvalidRegionId.NotFound",
		"UnexpectedImageFamily.ImageIdSupplied", "InvalidHttpTokens.NotSupported"} {
		if !seen[must] {
			t.Errorf("%s is not documented", must)
		}
	}
}

func TestCodeLookups(t *testing.T) {
	cases := []struct {
		code, param string
		statuses    []int
	}{
		{"InvalidSystemDiskSize.LessThanImageSize", "SystemDisk.Size", []int{404}},
		{"OperationDenied.NoStock", "InstanceType", []int{403}},
		{"InvalidInstanceType.ZoneNotSupported", "InstanceType", []int{403}},
		{"OperationDenied.InconsistentNetwork", "VSwitchId", []int{403}},
		{"InvalidParameter.Mismatch", "VSwitchId", []int{400}},
		{"IoOptimized.NotSupported", "IoOptimized", []int{403, 404, 400}},
		{"Zone.NotOnSale", "ZoneId", []int{403, 400}},
		{"InvalidDataDiskSize.ValueNotSupported", "DataDisk.N.Size", []int{400}},
		{"HOSTNAME_ILLEGAL", "HostName", []int{404}},
		{"DryRunOperation", "", []int{400}},
		{"Throttling.Resource", "", []int{429}},
		{"InternalError", "", []int{500}},
	}
	for _, c := range cases {
		d, ok := Code(c.code)
		if !ok {
			t.Errorf("%s not found", c.code)
			continue
		}
		if d.Parameter != c.param || !reflect.DeepEqual(d.HTTPStatuses, c.statuses) || d.HTTPStatus != c.statuses[0] {
			t.Errorf("%s = param %q statuses %v, want %q %v", c.code, d.Parameter, d.HTTPStatuses, c.param, c.statuses)
		}
	}
	// The message prefers a real sentence over the "%s" template.
	if d, _ := Code("InvalidInstanceType.ValueNotSupported"); d.Message == "%s" || len(d.Messages) < 5 {
		t.Errorf("InvalidInstanceType.ValueNotSupported message %q, %d messages", d.Message, len(d.Messages))
	}
	if d, _ := Code("InvalidParameter.Bandwidth"); d.Message != "%s" {
		t.Errorf("a code with only a template keeps it: %q", d.Message)
	}
	if d, ok := Code("invalidsystemdisksize.lessthanimagesize"); !ok || d.Code != "InvalidSystemDiskSize.LessThanImageSize" {
		t.Error("case-insensitive lookup failed")
	}
	if _, ok := Code("No.Such.Code"); ok {
		t.Error("unknown code found")
	}
	all := Codes()
	all[0].HTTPStatuses[0] = 999
	if d, _ := Code(all[0].Code); d.HTTPStatuses[0] == 999 {
		t.Error("Codes() exposes the shared table")
	}
}

func TestParameterFor(t *testing.T) {
	cases := []struct{ code, message, want string }{
		{"MissingParameter", `The input parameter "VSwitchId" that is mandatory for processing this request is not supplied.`, "VSwitchId"},
		{"MissingParameter", "The input parameter ImageId that is mandatory for processing this request is not supplied.", "ImageId"},
		{"MissingParameter", "The input parameter InstanceType that is mandatory for processing this request is not supplied.", "InstanceType"},
		{"MissingParamter", `The specified parameter "Period" is not null.`, "Period"},
		{"InvalidParameter", `The specified parameter "InternetMaxBandwidthOut" is not valid.`, "InternetMaxBandwidthOut"},
		{"InvalidParameter", `The specified parameter "DataDisk.3.Size" is not valid.`, "DataDisk.N.Size"},
		{"InvalidParameter", `The specified parameter "internetMaxBandwidthIn" is not valid.`, "InternetMaxBandwidthIn"},
		{"InvalidParameter", "Something is wrong.", ""},
		{"InvalidParameter.Conflict", `The specified parameter "SecurityGroupId" conflicts with "SecurityGroupIds".`, "SecurityGroupId"},
		{"InvalidParameter.Conflict", "The specified image does not support the specified instance type.", "ImageId"},
		{"InvalidParameter.Conflict", "The speicified region and cluster do not match.", ""},
		{"InvalidParameter.Mismatch", "Specified security group and virtual switch are not in the same VPC.", "VSwitchId"},
		{"InvalidParameter.EncryptedIllegal", "The specified parameter Encrypted must be true when kmsKeyId is not empty.", "DataDisk.N.Encrypted"},
		{"InvalidParameter.Mismatch", "Specified virtual switch is not in the specified zone.", "VSwitchId"},
		{"InvalidNetworkType.Mismatch", `Specified parameter "InternetChargeType" conflict with instance network type.`, "InternetChargeType"},
		{"InvalidNetworkType.Mismatch", `Specified parameter "InternetMaxBandwidthIn" or "InternetMaxBandwidthOut" conflict with instance network type.`, "InternetMaxBandwidthIn"},
		{"InvalidDiskDescription.Malformed", `The specified parameter "SyatemDisk.DiskDescription" or "DataDisk.n.Description" is not valid.`, "SystemDisk.Description"},
		{"InvalidDiskName.Malformed", `The specified parameter "DataDisk.2.DiskName" is not valid.`, "DataDisk.N.DiskName"},
		{"InvalidInstanceType.ValueNotSupported", `The specified parameter "KeyPairName" only support IoOptimized Instance.`, "KeyPairName"},
		{"InvalidInstanceType.ValueNotSupported", "%s", "InstanceType"},
		// Specific codes keep their parameter whatever the message names.
		{"InvalidParams.InstanceNameExceed", "The uniqueSuffix takes three naming places, please shorten your InstanceName.", "InstanceName"},
		{"InvalidSystemDiskSize.LessThanImageSize", "anything", "SystemDisk.Size"},
		{"OperationDenied.NoStock", "The resource is out of stock in the specified zone.", "InstanceType"},
		// Unknown codes still get the parameter the message names.
		{"Brand.New.Code", `The specified parameter "HttpTokens" is not valid.`, "HttpTokens"},
		{"Brand.New.Code", "Try again later.", ""},
		{"Account.Arrearage", "Your account has been in arrears.", ""},
	}
	for _, c := range cases {
		if got := ParameterFor(c.code, c.message); got != c.want {
			t.Errorf("ParameterFor(%q, %q) = %q, want %q", c.code, c.message, got, c.want)
		}
	}
}

// TestParameterForSpecRows runs every documented message through
// ParameterFor: the answer is always "" or a real request pattern.
func TestParameterForSpecRows(t *testing.T) {
	for _, row := range theSpec().errors {
		p := ParameterFor(row.Code, row.Message)
		if p == "" {
			continue
		}
		if _, ok := request.Lookup(p); !ok {
			t.Errorf("ParameterFor(%s, %q) = %q, not a request pattern", row.Code, row.Message, p)
		}
	}
}

// TestSandboxAndCommonCodes: the protocol and action errors that the
// sandbox (and the real gateway) answer, as docs/api-shapes.md and issue 3 name
// them, are documented too, so the wizard can explain every answer it gets.
func TestSandboxAndCommonCodes(t *testing.T) {
	for code, status := range map[string]int{
		"InvalidAction.NotFound":              404,
		"InvalidTimeStamp.Format":             400,
		"InvalidNextToken.Malformed":          400,
		"LaunchTemplateName.Duplicated":       403,
		"LaunchTemplateLimitExceed":           403,
		"InvalidLaunchTemplateName.Malformed": 400,
	} {
		d, ok := Code(code)
		if !ok {
			t.Errorf("%s is not documented", code)
			continue
		}
		if d.HTTPStatus != status || d.Explanation == "" {
			t.Errorf("%s: status %d, explanation %q; want %d and an explanation", code, d.HTTPStatus, d.Explanation, status)
		}
	}
}
