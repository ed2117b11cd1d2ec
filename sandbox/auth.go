package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// authenticate checks who signed the call: ACS3-HMAC-SHA256 when the
// Authorization header says so (the V2.0 SDKs), signature v1 in the
// parameters otherwise (the classic SDK, the aliyun CLI). Either way it
// leaves Action, Version and AccessKeyId in c.p and the answer format in c.
func (s *Server) authenticate(r *http.Request, req rawRequest, c *call) *apiError {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "ACS3-") {
		return s.authACS3(r, req, h, c)
	}
	return s.authV1(r.Method, c)
}

// v1Required are the common parameters every signature-v1 call carries
// (the SDK and the CLI always send them); a call without Timestamp or
// SignatureNonce could be replayed, so it is refused (issue 17).
var v1Required = []string{"AccessKeyId", "Signature", "Action", "Version", "SignatureMethod", "SignatureVersion", "Timestamp", "SignatureNonce"}

// authV1 checks a signature-v1 call: the common parameters and their
// values, the AccessKeyId, the signature, the clock, then the nonce.
func (s *Server) authV1(method string, c *call) *apiError {
	if aerr := c.setFormat(c.p.Get("Format")); aerr != nil {
		return aerr
	}
	for _, k := range v1Required {
		if c.p.Get(k) == "" {
			return errMissing(k)
		}
	}
	if m := c.p.Get("SignatureMethod"); m != "HMAC-SHA1" {
		return errCommonValue("SignatureMethod", m, "HMAC-SHA1")
	}
	if v := c.p.Get("SignatureVersion"); v != "1.0" {
		return errCommonValue("SignatureVersion", v, "1.0")
	}
	secret, ok := s.secret(c.p.Get("AccessKeyId"))
	if !ok {
		return errKeyNotFound
	}
	if ok, sts := verifySignature(method, c.p.Values, secret); !ok {
		return errSignature(sts)
	}
	if aerr := checkTimestamp(c.p.Get("Timestamp"), time.Now()); aerr != nil {
		return aerr
	}
	if !s.freshNonce(c.p.Get("SignatureNonce")) {
		return errNonceUsed
	}
	return nil
}

// setFormat reads Format: JSON (the default) or XML, which ECS serves too.
func (c *call) setFormat(f string) *apiError {
	switch strings.ToUpper(f) {
	case "", "JSON":
	case "XML":
		c.xml = true
	default:
		return errCommonValue("Format", f, "JSON, XML")
	}
	return nil
}

// acs3Headers are the V3 common headers every signed call carries.
var acs3Headers = []string{"x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"}

// authACS3 checks an ACS3-HMAC-SHA256 call (the documented V3 request
// structure): the Authorization parts, the common headers (each signed),
// the payload hash, the AccessKeyId, the signature, x-acs-date, then the
// nonce.
func (s *Server) authACS3(r *http.Request, req rawRequest, header string, c *call) *apiError {
	a, ok := parseACS3(header)
	if !ok {
		return errIncompleteSignature("the Authorization header needs Credential, SignedHeaders and Signature")
	}
	if a.algorithm != acs3Algorithm {
		return errCommonValue("Authorization", a.algorithm, acs3Algorithm+", or signature v1 in the parameters")
	}
	for _, h := range acs3Headers {
		if r.Header.Get(h) == "" {
			return errMissing(h)
		}
	}
	if aerr := unsignedHeader(r, a.signedHeaders); aerr != nil {
		return aerr
	}
	sum := sha256.Sum256(req.body)
	if got := r.Header.Get("x-acs-content-sha256"); !strings.EqualFold(got, hex.EncodeToString(sum[:])) {
		return &apiError{http.StatusBadRequest, "InvalidParameter",
			fmt.Sprintf("The specified header %q is not the SHA-256 of the request body: %q.", "x-acs-content-sha256", got)}
	}
	secret, ok := s.secret(a.credential)
	if !ok {
		return errKeyNotFound
	}
	query, err := parseQuery(r.URL.RawQuery)
	if err != nil {
		return errMalformed("query")
	}
	ar := acs3Request{method: r.Method, path: r.URL.EscapedPath(), query: query, payloadHash: r.Header.Get("x-acs-content-sha256"),
		header: func(name string) []string {
			if name == "host" {
				return []string{r.Host}
			}
			return r.Header.Values(name)
		}}
	if ok, canonical, sts := verifyACS3(ar, a, secret); !ok {
		return errSignature(sts + "\ncanonical request is:" + canonical)
	}
	if aerr := checkTimestamp(r.Header.Get("x-acs-date"), time.Now()); aerr != nil {
		return aerr
	}
	if !s.freshNonce(r.Header.Get("x-acs-signature-nonce")) {
		return errNonceUsed
	}
	// The handlers read the action and version as parameters, as in v1.
	c.p.Set("Action", r.Header.Get("x-acs-action"))
	c.p.Set("Version", r.Header.Get("x-acs-version"))
	c.p.Set("AccessKeyId", a.credential)
	return nil
}

// unsignedHeader refuses a call whose host or x-acs-* headers are sent but
// not signed: the documented rule is that every common header present is
// signed, so a replayed call cannot change them.
func unsignedHeader(r *http.Request, signed []string) *apiError {
	in := make(map[string]bool, len(signed))
	for _, h := range signed {
		in[h] = true
	}
	if !in["host"] {
		return errIncompleteSignature(`SignedHeaders lacks "host"`)
	}
	for name := range r.Header {
		if l := strings.ToLower(name); strings.HasPrefix(l, "x-acs-") && !in[l] {
			return errIncompleteSignature(fmt.Sprintf("the header %q is sent but not in SignedHeaders", l))
		}
	}
	return nil
}
