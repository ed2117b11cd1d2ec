package sandbox

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exchange posts a query (and a form body when body is not empty) and
// returns the status, the Code and Message, and the raw answer.
func exchange(t *testing.T, s *Server, method, query, body string) (int, string, string, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, "http://"+s.Endpoint()+"/?"+query, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hc := &http.Client{Timeout: 20 * time.Second}
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var e struct{ Code, Message string }
	_ = json.Unmarshal(raw, &e)
	return resp.StatusCode, e.Code, e.Message, raw
}

// signedAs signs p exactly as given: no common parameter is added.
func signedAs(p url.Values) string {
	p.Set("Signature", sign(DefaultAccessKeySecret, stringToSign("POST", p)))
	return p.Encode()
}

func startT(t *testing.T, o Options) *Server {
	t.Helper()
	if o.Seed == 0 {
		o.Seed = 31
	}
	s, err := Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// Issue 17 item 5: a state file with a null instance was accepted, and the
// first DescribeInstances panicked with the lock held.
func TestStateFileValidated(t *testing.T) {
	for name, body := range map[string]string{
		`instances["x"] is null`:             `{"version":1,"instances":{"x":null}}`,
		`has InstanceId "i-2"`:               `{"version":1,"instances":{"i-1":{"InstanceId":"i-2","RegionId":"cn-hangzhou","Created":"2026-01-01T00:00:00Z"}}}`,
		`has no RegionId`:                    `{"version":1,"instances":{"i-1":{"InstanceId":"i-1","Created":"2026-01-01T00:00:00Z"}}}`,
		`templates["lt-1"] is null`:          `{"version":1,"templates":{"lt-1":null}}`,
		`names instance "i-9", which is not`: `{"version":1,"tokens":{"cn-hangzhou/t":{"instanceIds":["i-9"]}}}`,
	} {
		path := filepath.Join(t.TempDir(), "state.json")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Start(Options{StateFile: path})
		if err == nil {
			s.Close()
			t.Errorf("%s: accepted", body)
			continue
		}
		if !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v", body, err)
		}
	}
}

// TestPanicUnderLockDoesNotWedge: a panic while the state is locked (a nil
// instance that slipped in) is one InternalError; the next calls are
// answered and Close returns. Before, every later call hung.
func TestPanicUnderLockDoesNotWedge(t *testing.T) {
	s := startT(t, Options{StateFile: filepath.Join(t.TempDir(), "state.json")})
	s.mu.Lock()
	s.st.Instances["x"] = nil
	s.mu.Unlock()
	q := func() string {
		return signed(url.Values{"Action": {"DescribeInstances"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}, "RegionId": {"cn-hangzhou"}})
	}
	if status, code, _, _ := exchange(t, s, "POST", q(), ""); status != 500 || code != "InternalError" {
		t.Fatalf("first call: %d %s", status, code)
	}
	if status, code, _, _ := exchange(t, s, "POST", q(), ""); status != 500 || code != "InternalError" {
		t.Fatalf("second call: %d %s", status, code)
	}
	regions := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}})
	if status, code, _, _ := exchange(t, s, "POST", regions, ""); status != 200 {
		t.Fatalf("DescribeRegions after the panic: %d %s", status, code)
	}
	s.mu.Lock()
	delete(s.st.Instances, "x")
	s.mu.Unlock()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCloseIsBounded: a request stuck with the state locked does not make
// Close (SIGTERM) wait for ever; it says the state was not saved.
func TestCloseIsBounded(t *testing.T) {
	defer func(d time.Duration) { shutdownGrace = d }(shutdownGrace)
	shutdownGrace = 200 * time.Millisecond
	s, err := Start(Options{Seed: 32, StateFile: filepath.Join(t.TempDir(), "state.json")})
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock() // a stuck request
	done := make(chan error, 1)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not saved") {
			t.Errorf("Close: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Close is still waiting on the locked state")
	}
	s.mu.Unlock()
}

// Issue 17 item 6: nonces expire with time, whatever their number (the old
// store swept only once it held 100,000, and then on every call).
func TestNonceExpiryByTime(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	n := newNonceStore(func() time.Time { return now })
	for i := 0; i < 1000; i++ {
		if !n.fresh(fmt.Sprint("old-", i)) {
			t.Fatal("a new nonce was refused")
		}
	}
	if n.fresh("old-7") {
		t.Error("a replay inside the window was accepted")
	}
	now = now.Add(nonceWindow - time.Minute)
	if n.fresh("old-8") {
		t.Error("a replay 14 minutes later was accepted")
	}
	now = now.Add(2*time.Minute + nonceBucket)
	if !n.fresh("new") {
		t.Fatal("a new nonce was refused")
	}
	if got := n.len(); got != 1 {
		t.Errorf("%d nonces remembered after the window, want 1", got)
	}
	if !n.fresh("old-7") {
		t.Error("a nonce from before the window is still refused")
	}
}

// TestNonceCap: past the cap the oldest bucket goes early, so memory is
// bounded and the newest nonces are still refused on replay.
func TestNonceCap(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	n := newNonceStore(func() time.Time { return now })
	n.limit = 100
	for i := 0; i < 250; i++ {
		if i%50 == 0 {
			now = now.Add(nonceBucket)
		}
		n.fresh(fmt.Sprint("n-", i))
	}
	if got := n.len(); got > n.limit+50 {
		t.Errorf("%d nonces held, cap %d", got, n.limit)
	}
	if n.fresh("n-249") {
		t.Error("the newest nonce was forgotten")
	}
}

// Issue 17 item 7: a client trickling its body is cut at the read deadline
// (before, it held its connection as long as it kept sending).
func TestSlowBodyIsCut(t *testing.T) {
	s := startT(t, Options{ReadTimeout: 300 * time.Millisecond})
	conn, err := net.Dial("tcp", s.Endpoint())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\na")
	closed := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, conn)
		close(closed)
	}()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	guard := time.After(15 * time.Second)
	for {
		select {
		case <-closed:
			return
		case <-tick.C:
			_, _ = conn.Write([]byte("a")) // still sending, slowly
		case <-guard:
			t.Fatal("the slow client is still connected")
		}
	}
}

// TestConnectionLimit: no more than MaxConns connections are served at
// once; a normal call still gets through once the idle ones are cut.
func TestConnectionLimit(t *testing.T) {
	s := startT(t, Options{MaxConns: 2, ReadTimeout: 500 * time.Millisecond})
	for i := 0; i < 4; i++ {
		c, err := net.Dial("tcp", s.Endpoint())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.limit.active() < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := s.limit.active(); got != 2 {
		t.Errorf("%d connections served, limit 2", got)
	}
	q := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}})
	if status, code, _, _ := exchange(t, s, "POST", q, ""); status != 200 {
		t.Errorf("normal call: %d %s", status, code)
	}
}

// Issue 17 item 8: the common parameters are checked as ECS does.
func TestCommonParameters(t *testing.T) {
	s := startT(t, Options{})
	base := func() url.Values {
		return url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID},
			"Format": {"JSON"}, "SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"},
			"Timestamp": {time.Now().UTC().Format(timeLayout)}, "SignatureNonce": {fmt.Sprint("cp-", time.Now().UnixNano())}}
	}
	for _, tc := range []struct {
		name, key, value string
		status           int
		code, message    string
	}{
		{"no Timestamp", "Timestamp", "", 400, "MissingParameter", `"Timestamp"`},
		{"no SignatureNonce", "SignatureNonce", "", 400, "MissingParameter", `"SignatureNonce"`},
		{"no SignatureMethod", "SignatureMethod", "", 400, "MissingParameter", `"SignatureMethod"`},
		{"HMAC-SHA256", "SignatureMethod", "HMAC-SHA256", 400, "InvalidParameter", `"SignatureMethod" is not valid: "HMAC-SHA256" (allowed: HMAC-SHA1)`},
		{"version 9.9", "SignatureVersion", "9.9", 400, "InvalidParameter", `"SignatureVersion" is not valid: "9.9" (allowed: 1.0)`},
		{"Format YAML", "Format", "YAML", 400, "InvalidParameter", `"Format" is not valid: "YAML" (allowed: JSON, XML)`},
	} {
		p := base()
		if tc.value == "" {
			p.Del(tc.key)
		} else {
			p.Set(tc.key, tc.value)
		}
		status, code, msg, raw := exchange(t, s, "POST", signedAs(p), "")
		if status != tc.status || code != tc.code || !strings.Contains(msg, tc.message) {
			t.Errorf("%s: %d %s", tc.name, status, raw)
		}
	}
}

// TestFormatXML: Format=XML answers XML, the RPC API's other format, for
// results and errors alike.
func TestFormatXML(t *testing.T) {
	s := startT(t, Options{})
	p := url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}, "Format": {"XML"}}
	req, _ := http.NewRequest("POST", "http://"+s.Endpoint()+"/?"+signed(p), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var body struct {
		XMLName   xml.Name
		RequestId string
		Regions   struct {
			Region []struct{ RegionId, LocalName, RegionEndpoint string }
		}
	}
	if err := xml.Unmarshal(raw, &body); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/xml;charset=utf-8" || body.XMLName.Local != "DescribeRegionsResponse" ||
		body.RequestId == "" || len(body.Regions.Region) != len(sharedWorld().Regions) || body.Regions.Region[0].RegionEndpoint == "" {
		t.Errorf("%d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), raw)
	}
	p = url.Values{"Action": {"DescribeZones"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}, "Format": {"XML"}, "RegionId": {"xx-nowhere-1"}}
	req, _ = http.NewRequest("POST", "http://"+s.Endpoint()+"/?"+signed(p), nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	var e struct {
		XMLName                  xml.Name
		Code, Message, RequestId string
	}
	if err := xml.Unmarshal(raw, &e); err != nil || e.XMLName.Local != "Error" || e.Code != "InvalidRegionId.NotFound" || resp.StatusCode != 404 {
		t.Errorf("%v %d: %s", err, resp.StatusCode, raw)
	}
}

// Issue 17 item 17: fault rates that are not numbers and negative boot
// times are refused, not taken for "never" or the default.
func TestOptionEdges(t *testing.T) {
	for _, o := range []Options{
		{Faults: Faults{ThrottleRate: math.NaN()}},
		{Faults: Faults{ErrorRate: math.NaN()}},
		{Faults: Faults{DropAfterCommit: math.Inf(1)}},
		{BootTime: -5 * time.Second},
		{ReadTimeout: -time.Second},
		{MaxConns: -1},
	} {
		if s, err := Start(o); err == nil {
			s.Close()
			t.Errorf("%+v accepted", o)
		}
	}
	s := startT(t, Options{})
	s.SetFaults(Faults{ThrottleRate: math.NaN(), ErrorRate: math.NaN()})
	q := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}})
	if status, code, _, _ := exchange(t, s, "POST", q, ""); status != 200 {
		t.Errorf("after SetFaults(NaN): %d %s", status, code)
	}
}

// TestBodyOverLimit: a body over 1 MiB is refused with a message saying
// so (before, it was cut at 1 MiB and the rest silently ignored).
func TestBodyOverLimit(t *testing.T) {
	s := startT(t, Options{})
	q := signed(url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}})
	body := "Description=" + strings.Repeat("a", maxBody)
	status, code, msg, _ := exchange(t, s, "POST", q, body)
	if status != 400 || code != "InvalidParameter" || !strings.Contains(msg, "the request body exceeds 1 MiB") {
		t.Errorf("%d %s %s", status, code, msg)
	}
	// just under the limit is read whole (and then fails the signature,
	// since the body's parameter was not signed)
	status, code, _, _ = exchange(t, s, "POST", q, "Description="+strings.Repeat("a", maxBody-len("Description=")))
	if status != 400 || code != "SignatureDoesNotMatch" {
		t.Errorf("at the limit: %d %s", status, code)
	}
}

// TestManyQueryParameters: a GET with 12,000 parameters is answered like
// any other (net/url refuses more than 10,000, which answered "the request
// body could not be parsed").
func TestManyQueryParameters(t *testing.T) {
	s := startT(t, Options{})
	p := url.Values{"Action": {"DescribeInstances"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID}, "RegionId": {"cn-hangzhou"}}
	for i := 1; i <= 6000; i++ {
		p.Set(fmt.Sprintf("Tag.%d.Key", i), "k")
		p.Set(fmt.Sprintf("Tag.%d.Value", i), "v")
	}
	p.Set("Format", "JSON")
	p.Set("SignatureMethod", "HMAC-SHA1")
	p.Set("SignatureVersion", "1.0")
	p.Set("Timestamp", time.Now().UTC().Format(timeLayout))
	p.Set("SignatureNonce", "many-params")
	p.Set("Signature", sign(DefaultAccessKeySecret, stringToSign("GET", p)))
	status, code, msg, raw := exchange(t, s, "GET", p.Encode(), "")
	if status != 200 || !strings.Contains(string(raw), `"TotalCount":0`) {
		t.Errorf("%d %s %s", status, code, msg)
	}
}

// TestStringToSignCapped: SignatureDoesNotMatch echoes at most 4 KiB of the
// StringToSign (a 131 KB request gave a 656 KB answer).
func TestStringToSignCapped(t *testing.T) {
	s := startT(t, Options{})
	p := url.Values{"Action": {"DescribeRegions"}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID},
		"Description": {strings.Repeat("é", 60_000)}}
	q := signed(p)
	q = strings.Replace(q, "Signature=", "Signature=x", 1)
	status, code, msg, raw := exchange(t, s, "POST", q, "")
	if status != 400 || code != "SignatureDoesNotMatch" || len(raw) > 8192 || !strings.Contains(msg, "more bytes)") {
		t.Errorf("%d %s: answer of %d bytes, message %.200s", status, code, len(raw), msg)
	}
}
