package sandbox

import (
	"net/url"
	"strings"
	"testing"
)

// katQuery is the RunInstances query of docs/sdk-notes.md §2, as the SDK sent it.
const katQuery = `AccessKeyId=LTAIfakeAccessKeyId&Action=RunInstances&Amount=2&ClientToken=wizard-0f7c2d9e-token` +
	`&DataDisk.1.Category=cloud_essd&DataDisk.1.DeleteWithInstance=true&DataDisk.1.Size=40` +
	`&DataDisk.2.Category=cloud_efficiency&DataDisk.2.Size=100&DryRun=true&Format=JSON` +
	`&ImageId=aliyun_3_x64_20G_alibase_20240528.vhd&InstanceChargeType=PostPaid&InstanceName=wizard+test` +
	`&InstanceType=ecs.g7.large&InternetMaxBandwidthOut=5&RegionId=cn-hangzhou` +
	`&SecurityGroupIds.1=sg-aaa&SecurityGroupIds.2=sg-bbb&Signature=qgF8gkxl4IjjHLPAvJ0VCQTo%2B4c%3D` +
	`&SignatureMethod=HMAC-SHA1&SignatureNonce=c85f9631248855ae554b2933d97fc283&SignatureType=` +
	`&SignatureVersion=1.0&SystemDisk.Category=cloud_essd&SystemDisk.Size=40&Tag.1.Key=env&Tag.1.Value=dev` +
	`&Tag.2.Key=owner&Tag.2.Value=me+%26+you%2A~&Timestamp=2026-11-27T12%3A17%3A55Z&VSwitchId=vsw-123` +
	`&Version=2014-05-26`

// TestSignatureKnownAnswer is the known-answer vector of docs/sdk-notes.md §3: an
// empty value, a space and &*~ in a value.
func TestSignatureKnownAnswer(t *testing.T) {
	v, err := url.ParseQuery(katQuery)
	if err != nil {
		t.Fatal(err)
	}
	const secret = "fakeSecret/with+odd=chars~*"
	ok, sts := verifySignature("POST", v, secret)
	if !strings.HasPrefix(sts, "POST&%2F&AccessKeyId%3DLTAIfakeAccessKeyId%26Action%3DRunInstances%26Amount%3D2%26ClientToken%3D") {
		t.Errorf("StringToSign %s", sts)
	}
	if got := sign(secret, sts); got != "qgF8gkxl4IjjHLPAvJ0VCQTo+4c=" {
		t.Errorf("signature %s", got)
	}
	if !ok {
		t.Error("the known-answer request did not verify")
	}
	if ok, _ := verifySignature("POST", v, "wrong"); ok {
		t.Error("a wrong secret verified")
	}
	if ok, _ := verifySignature("GET", v, secret); ok {
		t.Error("the method is not part of the signature")
	}
	v.Set("Amount", "3")
	if ok, _ := verifySignature("POST", v, secret); ok {
		t.Error("a changed parameter verified")
	}
}

func TestPercentEncode(t *testing.T) {
	for in, want := range map[string]string{"a b": "a%20b", "*": "%2A", "~": "~", "/": "%2F", "é": "%C3%A9", "A-z_0.9": "A-z_0.9"} {
		if got := percentEncode(in); got != want {
			t.Errorf("percentEncode(%q) = %q, want %q", in, got, want)
		}
	}
}
