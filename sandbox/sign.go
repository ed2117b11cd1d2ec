package sandbox

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// percentEncode encodes per RFC 3986 as the RPC signature requires: only
// A-Z a-z 0-9 - _ . ~ stay as they are (docs/sdk-notes.md §3).
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// stringToSign builds the RPC v1 StringToSign of params: every key but
// Signature (empty values included), sorted by bytes, percent-encoded.
func stringToSign(method string, params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	pairs := make([]string, 0, len(keys))
	for _, k := range keys {
		pairs = append(pairs, percentEncode(k)+"="+percentEncode(params.Get(k)))
	}
	return method + "&" + percentEncode("/") + "&" + percentEncode(strings.Join(pairs, "&"))
}

// sign returns base64(HMAC-SHA1(secret + "&", sts)).
func sign(secret, sts string) string {
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(sts))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// verifySignature reports whether params carry a valid signature for
// secret, and returns the StringToSign for the error message.
func verifySignature(method string, params url.Values, secret string) (bool, string) {
	sts := stringToSign(method, params)
	want := sign(secret, sts)
	return hmac.Equal([]byte(want), []byte(params.Get("Signature"))), sts
}

// acs3Algorithm is the V3 signature the current SDKs (V2.0 SDK, Tea)
// send in the Authorization header (docs/sdk-notes.md §3).
const acs3Algorithm = "ACS3-HMAC-SHA256"

// acs3Auth is a parsed Authorization header:
// "ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex".
type acs3Auth struct {
	algorithm, credential, signature string
	signedHeaders                    []string
}

// parseACS3 splits an Authorization header; ok is false when a part is
// missing.
func parseACS3(h string) (a acs3Auth, ok bool) {
	alg, rest, _ := strings.Cut(strings.TrimSpace(h), " ")
	a.algorithm = alg
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			a.credential = v
		case "SignedHeaders":
			for _, name := range strings.Split(v, ";") {
				if name = strings.ToLower(strings.TrimSpace(name)); name != "" {
					a.signedHeaders = append(a.signedHeaders, name)
				}
			}
		case "Signature":
			a.signature = v
		}
	}
	sort.Strings(a.signedHeaders)
	return a, a.algorithm != "" && a.credential != "" && a.signature != "" && len(a.signedHeaders) > 0
}

// acs3Request is what the V3 canonical request is built from.
type acs3Request struct {
	method, path string
	query        url.Values
	// header returns a header's values ("host" included).
	header func(name string) []string
	// payloadHash is the x-acs-content-sha256 the client sent.
	payloadHash string
}

// canonicalQuery sorts the query by name and percent-encodes names and
// values per RFC 3986 (an empty value keeps its "=").
func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(percentEncode(k))
			b.WriteByte('=')
			b.WriteString(percentEncode(v))
		}
	}
	return b.String()
}

// canonicalRequest is the documented V3 canonical request: method, URI,
// canonical query, canonical headers (each "name:value\n", values trimmed,
// sorted and comma-joined), the signed header names joined by ";", and the
// payload hash.
func canonicalRequest(r acs3Request, signed []string) string {
	path := r.path
	if path == "" {
		path = "/"
	}
	var b strings.Builder
	b.WriteString(r.method + "\n" + path + "\n" + canonicalQuery(r.query) + "\n")
	for _, name := range signed {
		vals := r.header(name)
		trimmed := make([]string, len(vals))
		for i, v := range vals {
			trimmed[i] = strings.TrimSpace(v)
		}
		sort.Strings(trimmed)
		b.WriteString(name + ":" + strings.Join(trimmed, ",") + "\n")
	}
	b.WriteString("\n" + strings.Join(signed, ";") + "\n" + r.payloadHash)
	return b.String()
}

// acs3StringToSign is "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request)).
func acs3StringToSign(canonical string) string {
	sum := sha256.Sum256([]byte(canonical))
	return acs3Algorithm + "\n" + hex.EncodeToString(sum[:])
}

// acs3Sign is hex(HMAC-SHA256(secret, stringToSign)).
func acs3Sign(secret, sts string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(sts))
	return hex.EncodeToString(mac.Sum(nil))
}

// verifyACS3 reports whether the signature of a matches the request for
// secret, with the canonical request and StringToSign for the error.
func verifyACS3(r acs3Request, a acs3Auth, secret string) (ok bool, canonical, sts string) {
	canonical = canonicalRequest(r, a.signedHeaders)
	sts = acs3StringToSign(canonical)
	want := acs3Sign(secret, sts)
	return hmac.Equal([]byte(want), []byte(strings.ToLower(a.signature))), canonical, sts
}
