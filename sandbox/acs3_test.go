package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestACS3KnownAnswerDoc is the worked example of Alibaba Cloud's public
// "Request syntax and signature method V3" page (ECS RunInstances in
// cn-shanghai): its canonical request, rebuilt here from the documented
// rules, signed with the page's secret "YourAccessKeySecret", gives the
// signature the page prints in its Authorization header.
func TestACS3KnownAnswerDoc(t *testing.T) {
	const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	headers := map[string]string{
		"host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
		"x-acs-date": "2023-10-26T10:22:32Z", "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d", "x-acs-content-sha256": empty,
	}
	r := acs3Request{method: "POST", path: "/",
		query:       url.Values{"ImageId": {"win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}, "RegionId": {"cn-shanghai"}},
		header:      func(name string) []string { return []string{headers[name]} },
		payloadHash: empty}
	a, ok := parseACS3("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version," +
		"Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0")
	if !ok || a.credential != "YourAccessKeyId" {
		t.Fatalf("parse: %+v", a)
	}
	wantCanonical := "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
		"host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:" + empty + "\n" +
		"x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n" +
		"host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" + empty
	if got := canonicalRequest(r, a.signedHeaders); got != wantCanonical {
		t.Errorf("canonical request:\n%s\nwant\n%s", got, wantCanonical)
	}
	ok, _, _ = verifyACS3(r, a, "YourAccessKeySecret")
	if !ok {
		t.Error("the documented signature does not verify")
	}
	if ok, _, _ := verifyACS3(r, a, "AnotherSecret"); ok {
		t.Error("a wrong secret verifies")
	}
}

// TestACS3KnownAnswerOddChars: a second vector, computed outside Go by the
// documented algorithm (Python's hashlib and hmac, urllib's RFC 3986
// quoting), covers a space, &*~, an empty value, UTF-8, a form body and a
// signed content-type.
func TestACS3KnownAnswerOddChars(t *testing.T) {
	const body = "DataDisk.1.Size=40&Password=a%2Bb"
	const bodyHash = "7eb3738b68569143ae0495fbae187c0d0e0b149b33d793f2b3e24375d6673b15"
	if sum := sha256.Sum256([]byte(body)); hex.EncodeToString(sum[:]) != bodyHash {
		t.Fatal("body hash")
	}
	headers := map[string]string{"host": "127.0.0.1:8080", "x-acs-action": "RunInstances", "x-acs-version": "2014-05-26",
		"x-acs-date": "2026-11-27T12:17:55Z", "x-acs-signature-nonce": "c85f9631248855ae554b2933d97fc283",
		"x-acs-content-sha256": bodyHash, "content-type": "application/x-www-form-urlencoded"}
	q := url.Values{"Action": {"x"}, "Tag.1.Value": {"me & you*~"}, "InstanceName": {"wizard test"}, "Empty": {""}, "Description": {"雪 ✓"}}
	if got := canonicalQuery(q); got != "Action=x&Description=%E9%9B%AA%20%E2%9C%93&Empty=&InstanceName=wizard%20test&Tag.1.Value=me%20%26%20you%2A~" {
		t.Errorf("canonical query %s", got)
	}
	r := acs3Request{method: "POST", path: "/", query: q, payloadHash: bodyHash,
		header: func(name string) []string { return []string{headers[name]} }}
	a := acs3Auth{algorithm: acs3Algorithm, credential: "LTAIfake", signature: "94db60b42ad4b7857f097c3de8fbf306e8cf2da0af91f1c2b3b5d1f93ac3bad7",
		signedHeaders: []string{"content-type", "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}}
	if ok, canonical, _ := verifyACS3(r, a, "fakeSecret/with+odd=chars~*"); !ok {
		t.Errorf("the vector does not verify; canonical request:\n%s", canonical)
	}
}

// acs3Call is a V3-signed request built in the test: params in the query,
// an optional form body; mutate changes it after signing.
type acs3Call struct {
	action, secret, nonce, date string
	query                       url.Values
	body                        string
	mutate                      func(*http.Request)
}

func (a acs3Call) do(t *testing.T, s *Server) (int, string, string) {
	t.Helper()
	if a.secret == "" {
		a.secret = DefaultAccessKeySecret
	}
	if a.nonce == "" {
		a.nonce = fmt.Sprint("v3-", time.Now().UnixNano())
	}
	if a.date == "" {
		a.date = time.Now().UTC().Format(timeLayout)
	}
	req, err := http.NewRequest("POST", "http://"+s.Endpoint()+"/?"+a.query.Encode(), strings.NewReader(a.body))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(a.body))
	for k, v := range map[string]string{"x-acs-action": a.action, "x-acs-version": ecsVersion, "x-acs-date": a.date,
		"x-acs-signature-nonce": a.nonce, "x-acs-content-sha256": hex.EncodeToString(sum[:])} {
		req.Header.Set(k, v)
	}
	signedHeaders := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
	if a.body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		signedHeaders = append([]string{"content-type"}, signedHeaders...)
	}
	ar := acs3Request{method: "POST", path: "/", query: a.query, payloadHash: req.Header.Get("x-acs-content-sha256"),
		header: func(name string) []string {
			if name == "host" {
				return []string{req.URL.Host}
			}
			return req.Header.Values(name)
		}}
	sig := acs3Sign(a.secret, acs3StringToSign(canonicalRequest(ar, signedHeaders)))
	req.Header.Set("Authorization", acs3Algorithm+" Credential="+DefaultAccessKeyID+",SignedHeaders="+strings.Join(signedHeaders, ";")+",Signature="+sig)
	if a.mutate != nil {
		a.mutate(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	code := ""
	if i := strings.Index(string(raw), `"Code":"`); i >= 0 {
		code = strings.SplitN(string(raw)[i+8:], `"`, 2)[0]
	}
	return resp.StatusCode, code, string(raw)
}

func TestACS3Server(t *testing.T) {
	s := startT(t, Options{})
	regions := url.Values{"AcceptLanguage": {"en-US"}}
	if status, _, raw := (acs3Call{action: "DescribeRegions", query: regions}).do(t, s); status != 200 || !strings.Contains(raw, "China (Hangzhou)") {
		t.Fatalf("DescribeRegions: %d %s", status, raw)
	}
	if s.Calls()["DescribeRegions"] != 1 {
		t.Errorf("calls %v", s.Calls())
	}
	// parameters in a form body, signed through its hash
	status, _, raw := (acs3Call{action: "DescribeKeyPairs", query: url.Values{"RegionId": {"cn-hangzhou"}}, body: "KeyPairName=deploy-key"}).do(t, s)
	if status != 200 || !strings.Contains(raw, `"TotalCount":1`) {
		t.Errorf("form body: %d %s", status, raw)
	}
	for _, tc := range []struct {
		name   string
		call   acs3Call
		status int
		code   string
	}{
		{"wrong secret", acs3Call{secret: "not-the-secret"}, 400, "SignatureDoesNotMatch"},
		{"stale date", acs3Call{date: time.Now().Add(-20 * time.Minute).UTC().Format(timeLayout)}, 400, "InvalidTimeStamp.Expired"},
		{"bad date", acs3Call{date: "yesterday"}, 400, "InvalidTimeStamp.Format"},
		{"query changed after signing", acs3Call{mutate: func(r *http.Request) { r.URL.RawQuery += "&RegionId=cn-beijing" }}, 400, "SignatureDoesNotMatch"},
		{"body changed after signing", acs3Call{body: "KeyPairName=a", mutate: func(r *http.Request) {
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader("KeyPairName=b")), 13
		}}, 400, "InvalidParameter"},
		{"no x-acs-date", acs3Call{mutate: func(r *http.Request) { r.Header.Del("x-acs-date") }}, 400, "MissingParameter"},
		{"unsigned x-acs header", acs3Call{mutate: func(r *http.Request) { r.Header.Set("x-acs-security-token", "t") }}, 400, "IncompleteSignature"},
		{"no Signature part", acs3Call{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Split(r.Header.Get("Authorization"), ",Signature=")[0])
		}}, 400, "IncompleteSignature"},
		{"SM3", acs3Call{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "ACS3-HMAC-SHA256", "ACS3-HMAC-SM3", 1))
		}}, 400, "InvalidParameter"},
		{"unknown key", acs3Call{mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "Credential=sandbox", "Credential=LTAIother", 1))
		}}, 400, "InvalidAccessKeyId.NotFound"},
	} {
		tc.call.action = "DescribeRegions"
		if status, code, raw := tc.call.do(t, s); status != tc.status || code != tc.code {
			t.Errorf("%s: %d %s", tc.name, status, raw)
		}
	}
	// a replayed nonce
	c := acs3Call{action: "DescribeRegions", nonce: "v3-replayed"}
	if status, _, raw := c.do(t, s); status != 200 {
		t.Fatalf("first use: %d %s", status, raw)
	}
	if status, code, raw := c.do(t, s); status != 400 || code != "SignatureNonceUsed" {
		t.Errorf("replay: %d %s", status, raw)
	}
	// a wrong secret echoes the StringToSign and the canonical request
	_, _, raw = (acs3Call{action: "DescribeRegions", secret: "x"}).do(t, s)
	if !strings.Contains(raw, `server string to sign is:ACS3-HMAC-SHA256\n`) || !strings.Contains(raw, `canonical request is:POST\n/\n`) {
		t.Errorf("message %s", raw)
	}
}
