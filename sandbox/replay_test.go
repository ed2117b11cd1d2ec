package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"time"
)

// signed signs params for POST with the default secret, as a client would:
// the common parameters the SDK always sends are added when absent.
func signed(p url.Values) string {
	for k, v := range map[string]string{"Format": "JSON", "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0",
		"Timestamp": time.Now().UTC().Format(timeLayout), "SignatureNonce": fmt.Sprintf("nonce-%d", nonceSeq.Add(1))} {
		if _, ok := p[k]; !ok {
			p.Set(k, v)
		}
	}
	p.Set("Signature", sign(DefaultAccessKeySecret, stringToSign("POST", p)))
	return p.Encode()
}

// nonceSeq numbers the nonces signed adds.
var nonceSeq atomic.Int64

func post(t *testing.T, s *Server, query string) (int, string) {
	t.Helper()
	resp, err := http.Post("http://"+s.Endpoint()+"/?"+query, "application/x-www-form-urlencoded", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct{ Code string }
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.Code
}

func TestNonceReplay(t *testing.T) {
	s, err := Start(Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID},
		"SignatureNonce": {"n-1"}, "Timestamp": {time.Now().UTC().Format(timeLayout)}, "Format": {"JSON"},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"}})
	if status, code := post(t, s, q); status != 200 {
		t.Fatalf("first use: %d %s", status, code)
	}
	if status, code := post(t, s, q); status != 400 || code != "SignatureNonceUsed" {
		t.Errorf("replay: %d %s", status, code)
	}
}

// TestHandlerPanicIsInternalError: a failing handler answers 500
// InternalError rather than dropping the connection.
func TestHandlerPanicIsInternalError(t *testing.T) {
	s, err := Start(Options{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	handlerTable[ecsVersion+"/PanicForTest"] = func(*call) (any, error) { panic("boom") }
	defer delete(handlerTable, ecsVersion+"/PanicForTest")
	q := signed(url.Values{"Action": {"PanicForTest"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}, "RegionId": {"cn-hangzhou"}})
	if status, code := post(t, s, q); status != 500 || code != "InternalError" {
		t.Errorf("panic: %d %s", status, code)
	}
}

func TestTimestamp(t *testing.T) {
	s, err := Start(Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now().UTC()
	for i, tc := range []struct {
		ts     string
		status int
		code   string
	}{
		{now.Format(timeLayout), 200, ""},
		{now.Add(-20 * time.Minute).Format(timeLayout), 400, "InvalidTimeStamp.Expired"},
		{now.Add(20 * time.Minute).Format(timeLayout), 400, "InvalidTimeStamp.Expired"},
		{"27/11/2026 13:00", 400, "InvalidTimeStamp.Format"},
	} {
		q := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID},
			"SignatureNonce": {"ts-" + itoa(i)}, "Timestamp": {tc.ts}})
		if status, code := post(t, s, q); status != tc.status || code != tc.code {
			t.Errorf("Timestamp %s: %d %s, want %d %s", tc.ts, status, code, tc.status, tc.code)
		}
	}
}
