package cloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

func TestRedact(t *testing.T) {
	RegisterSecret("kn0wnSecret/+=", "abc")
	tests := []struct{ in, want string }{
		{"POST https://ecs.aliyuncs.com/?AccessKeyId=LTAI123&Action=RunInstances&Password=Pa%24%24w0rd&Signature=qgF8%2B4c%3D&SecurityToken=tok",
			"POST https://ecs.aliyuncs.com/?AccessKeyId=REDACTED&Action=RunInstances&Password=REDACTED&Signature=REDACTED&SecurityToken=REDACTED"},
		{"POST&%2F&AccessKeyId%3DLTAI123%26Action%3DDescribeRegions%26SecurityToken%3Dab%252Fcd%26Timestamp%3D1",
			"POST&%2F&AccessKeyId%3DREDACTED%26Action%3DDescribeRegions%26SecurityToken%3DREDACTED%26Timestamp%3D1"},
		{`{"AccessKeySecret": "s3cr3t", "Password":"x"}`, `{"AccessKeySecret": "REDACTED", "Password":"REDACTED"}`},
		{"access_key_secret: hunter2", "access_key_secret: REDACTED"},
		{"the secret kn0wnSecret/+= and kn0wnSecret%2F%2B%3D", "the secret REDACTED and REDACTED"},
		{"SignatureMethod=HMAC-SHA1&SignatureNonce=abc", "SignatureMethod=HMAC-SHA1&SignatureNonce=abc"},
		{`The specified parameter "Password" is not valid.`, `The specified parameter "Password" is not valid.`},
		{"--Password: needs a value (write --Password=VALUE)", "--Password: needs a value (write --Password=REDACTED)"},
		{"note: Password: the literal value is not written", "note: Password: the literal value is not written"},
		{"request:\n  Password: Hunter2\n  DataDisk:\n    - Password: x2", "request:\n  Password: REDACTED\n  DataDisk:\n    - Password: REDACTED"},
		{`{Password: Hunter2, AccessKeyId: LTAI}`, `{Password: REDACTED, AccessKeyId: REDACTED}`},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestDescribeServerError(t *testing.T) {
	body := `{"RequestId":"REQ-1","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIabc%26Action%3DX"}`
	err := fmt.Errorf("wrapped: %w", sdkerrors.NewServerError(400, body, ""))
	got := Describe(err)
	want := "SignatureDoesNotMatch: Specified signature is not matched with our calculation. (check the AccessKey secret) (HTTP 400, RequestId REQ-1)"
	if got != want {
		t.Errorf("Describe =\n %q\nwant\n %q", got, want)
	}
}

func TestDescribeClientErrorIsOneLine(t *testing.T) {
	err := sdkerrors.NewClientError("SDK.TimeoutError", "timed out\nretry", errors.New("Post \"http://h/?AccessKeyId=LTAIq&Signature=zz\": i/o timeout"))
	got := Describe(err)
	if strings.Contains(got, "\n") || strings.Contains(got, "LTAIq") || strings.Contains(got, "Signature=zz") {
		t.Errorf("Describe = %q", got)
	}
	if !strings.HasPrefix(got, "SDK.TimeoutError: timed out retry") {
		t.Errorf("Describe = %q, want the code first", got)
	}
}

// FuzzRedactSignedQuery: whatever the values, a signed query keeps none of
// its AccessKeyId, Signature or SecurityToken after Redact.
func FuzzRedactSignedQuery(f *testing.F) {
	f.Add("LTAI5tExample", "qgF8gkxl4IjjHLPAvJ0VCQTo+4c=", "CAIS/tok+en==")
	f.Add("a", "b", "c")
	f.Fuzz(func(t *testing.T, id, sig, token string) {
		if len(id) < 4 || len(sig) < 4 || len(token) < 4 {
			return
		}
		q := url.Values{"AccessKeyId": {id}, "Signature": {sig}, "SecurityToken": {token}, "Action": {"DescribeRegions"}}
		raw := "POST https://ecs.aliyuncs.com/?" + q.Encode()
		got := Redact(raw)
		for _, v := range []string{id, sig, token} {
			enc := url.QueryEscape(v)
			if strings.Contains(got, "="+enc+"&") || strings.HasSuffix(got, "="+enc) {
				t.Errorf("Redact(%q) = %q keeps %q", raw, got, v)
			}
		}
		if !strings.Contains(got, "Action=DescribeRegions") {
			t.Errorf("Redact dropped the Action: %q", got)
		}
	})
}

// ServerMessage keeps ECS's sentence and drops the StringToSign, which
// quotes every parameter of the signed request.
func TestServerMessageDropsTheStringToSign(t *testing.T) {
	msg := "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAIabc%26Action%3DRunInstances%26Password%3DHunter2%2521%26ZoneId%3Dcn-hangzhou-h"
	got := ServerMessage(msg)
	if want := "Specified signature is not matched with our calculation."; got != want {
		t.Errorf("ServerMessage = %q, want %q", got, want)
	}
	if got := ServerMessage("The specified parameter \"Password\" is not valid.\n  see docs"); got != `The specified parameter "Password" is not valid. see docs` {
		t.Errorf("ServerMessage of an ordinary message = %q", got)
	}
}

// The SDK's read timeout matches context.DeadlineExceeded too; the line
// still names the host, never the query.
func TestDescribeReadTimeoutNamesTheHost(t *testing.T) {
	err := &url.Error{Op: "Post", URL: "http://127.0.0.1:9/?AccessKeyId=LTAIq&Password=Hunter2&Signature=zz", Err: context.DeadlineExceeded}
	got := Describe(err)
	if !strings.Contains(got, "Post http://127.0.0.1:9") || !strings.Contains(got, "timed out") || strings.Contains(got, "Hunter2") || strings.Contains(got, "/?") {
		t.Errorf("Describe = %q", got)
	}
}

// The errors any call can get say what to do, whatever the API.
func TestDescribeSaysWhatToDoAboutCommonCodes(t *testing.T) {
	for code, want := range map[string]string{
		"InvalidAccessKeyId.NotFound":  "AccessKeyId is unknown",
		"Throttling.User":              "wait a minute",
		"ServiceUnavailable":           "try again",
		"Forbidden.RAM":                "permission",
		"InvalidSecurityToken.Expired": "expired",
	} {
		body := `{"RequestId":"R","Code":"` + code + `","Message":"m"}`
		got := Describe(sdkerrors.NewServerError(400, body, ""))
		if !strings.HasPrefix(got, code+": m (") || !strings.Contains(got, want) {
			t.Errorf("Describe(%s) = %q, want advice %q", code, got, want)
		}
	}
	if got := Describe(sdkerrors.NewServerError(404, `{"RequestId":"R","Code":"InvalidRegionId.NotFound","Message":"m"}`, "")); got != "InvalidRegionId.NotFound: m (HTTP 404, RequestId R)" {
		t.Errorf("a code without advice: %q", got)
	}
}

// TestMaskSecretsLeavesReferencesAlone: the last-guard writer masks a
// registered value and nothing Redact's patterns would (an export's
// `Password: ${ECS_PASSWORD}` must survive it).
func TestMaskSecretsLeavesReferencesAlone(t *testing.T) {
	RegisterSecret("Resolved-Pw-42!")
	var b strings.Builder
	w := MaskingWriter(&b)
	in := "Password: ${ECS_PASSWORD}\nHostName: x-Resolved-Pw-42!\nq=Resolved-Pw-42%21\n"
	if n, err := io.WriteString(w, in); err != nil || n != len(in) {
		t.Fatalf("wrote %d, %v", n, err)
	}
	want := "Password: ${ECS_PASSWORD}\nHostName: x-REDACTED\nq=REDACTED\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
