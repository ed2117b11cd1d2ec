package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkVerify is the cost of checking one signature, server side only:
// signature v1 (HMAC-SHA1 over the sorted, encoded parameters) against
// ACS3-HMAC-SHA256 (canonical request, its SHA-256, HMAC-SHA256), over the
// 30-parameter RunInstances query of docs/sdk-notes.md §2.
func BenchmarkVerify(b *testing.B) {
	p, err := url.ParseQuery(katQuery)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("v1", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			verifySignature("POST", p, DefaultAccessKeySecret)
		}
	})
	q := url.Values{}
	for k, v := range p {
		switch k {
		case "AccessKeyId", "Action", "Version", "Signature", "SignatureMethod", "SignatureNonce", "SignatureType", "SignatureVersion", "Timestamp", "Format":
		default:
			q[k] = v
		}
	}
	empty := sha256.Sum256(nil)
	headers := map[string]string{"host": "127.0.0.1:8080", "x-acs-action": "RunInstances", "x-acs-version": ecsVersion,
		"x-acs-date": "2026-11-27T12:17:55Z", "x-acs-signature-nonce": "c85f9631248855ae554b2933d97fc283",
		"x-acs-content-sha256": hex.EncodeToString(empty[:])}
	a := acs3Auth{algorithm: acs3Algorithm, credential: DefaultAccessKeyID, signature: "00",
		signedHeaders: []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}}
	b.Run("acs3", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			r := acs3Request{method: "POST", path: "/", query: q, payloadHash: headers["x-acs-content-sha256"],
				header: func(name string) []string { return []string{headers[name]} }}
			sha256.Sum256(nil) // the body hash the server checks
			verifyACS3(r, a, DefaultAccessKeySecret)
		}
	})
}

// BenchmarkServeHTTPSigned is one whole DescribeRegions through ServeHTTP
// (no network, the requests signed before the timer starts): parameters,
// authentication, nonce, handler, JSON; signed with v1 or with ACS3.
func BenchmarkServeHTTPSigned(b *testing.B) {
	s, err := Start(Options{Seed: 23})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	run := func(b *testing.B, build func(nonce string) *http.Request) {
		reqs := make([]*http.Request, b.N)
		for i := range reqs {
			reqs[i] = build(fmt.Sprint(b.Name(), "-", benchSeq.Add(1)))
		}
		b.ResetTimer()
		for _, req := range reqs {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Body)
			}
		}
	}
	b.Run("v1", func(b *testing.B) {
		run(b, func(nonce string) *http.Request {
			return httptest.NewRequest("POST", "/?"+signedV1(url.Values{"Action": {"DescribeRegions"}}, nonce), nil)
		})
	})
	empty := sha256.Sum256(nil)
	signed := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
	b.Run("acs3", func(b *testing.B) {
		run(b, func(nonce string) *http.Request {
			req := httptest.NewRequest("POST", "/", nil)
			req.Header.Set("x-acs-action", "DescribeRegions")
			req.Header.Set("x-acs-version", ecsVersion)
			req.Header.Set("x-acs-date", time.Now().UTC().Format(timeLayout))
			req.Header.Set("x-acs-signature-nonce", nonce)
			req.Header.Set("x-acs-content-sha256", hex.EncodeToString(empty[:]))
			ar := acs3Request{method: "POST", path: "/", query: url.Values{}, payloadHash: hex.EncodeToString(empty[:]),
				header: func(name string) []string {
					if name == "host" {
						return []string{req.Host}
					}
					return req.Header.Values(name)
				}}
			sig := acs3Sign(DefaultAccessKeySecret, acs3StringToSign(canonicalRequest(ar, signed)))
			req.Header.Set("Authorization", acs3Algorithm+" Credential=sandbox,SignedHeaders="+strings.Join(signed, ";")+",Signature="+sig)
			return req
		})
	})
}

// benchSeq keeps nonces unique across benchmark runs.
var benchSeq atomic.Int64
