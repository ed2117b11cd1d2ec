package cloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Redacted replaces every secret Redact finds.
const Redacted = "REDACTED"

// signedParam matches the secret-bearing query values of a signed URL, plain
// (AccessKeyId=…), percent-encoded once as in a StringToSign (AccessKeyId%3D…
// up to the next %26) or twice. Values stop at &, whitespace, quotes and %26.
var signedParam = regexp.MustCompile(`(?i)((?:AccessKeyId|AccessKeySecret|Signature|SecurityToken|Password)(?:=|%3D|%253D))(?:[^&\s"'%<>)]|%(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-57-9A-Fa-f]))*`)

// secretField matches the same names (and the CLI config's keys) as JSON or
// YAML fields, e.g. "AccessKeySecret":"…" or access_key_secret: …; the value
// stops at a quote, comma, brace or &. An unquoted name counts only where a
// YAML key can stand (line start, a list item, after { or ,), so prose such
// as "--Password: needs a value" keeps its words.
var secretField = regexp.MustCompile(`(?im)((?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)"?` + secretNames + `"?[ \t]*:[ \t]*"?|"` + secretNames + `"[ \t]*:[ \t]*"?)[^"\s,}&]*`)

// secretNames are the field names whose values secretField masks.
const secretNames = `(?:AccessKeyId|AccessKeySecret|SecurityToken|Password|Signature|access_key_id|access_key_secret|sts_token)`

// known holds the secrets of every resolved session, so Redact also catches
// them where no parameter name precedes them.
var known = struct {
	sync.RWMutex
	list []string
}{}

// RegisterSecret adds values that Redact and MaskSecrets mask wherever they
// appear: a session's AccessKey secret and STS token, and every resolved
// secret of a request (its Password, its UserData, a variable named like a
// secret). Register a value before anything that might print it runs.
// Values shorter than six characters are skipped: masking "a" everywhere
// would garble messages; so is the sandbox's published secret, which would
// mask the word "sandbox" in every message ("--sandbox", "the in-process
// sandbox") and hides nothing.
func RegisterSecret(secrets ...string) {
	known.Lock()
	defer known.Unlock()
	for _, s := range secrets {
		if len(s) >= 6 && s != SandboxAccessKeySecret && !contains(known.list, s) {
			known.list = append(known.list, s)
		}
	}
	// Longest first, so a secret containing another is masked whole.
	sort.Slice(known.list, func(i, j int) bool { return len(known.list[i]) > len(known.list[j]) })
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// MaskSecrets replaces every registered secret in s (plain or URL-encoded)
// and nothing else. Unlike Redact it leaves `Password: ${ECS_PASSWORD}` and
// other parameter names alone, so it can guard text that must stay as it
// is (an export, a table) as a last line of defence.
func MaskSecrets(s string) string {
	known.RLock()
	defer known.RUnlock()
	for _, secret := range known.list {
		s = strings.ReplaceAll(s, secret, Redacted)
		if enc := url.QueryEscape(secret); enc != secret {
			s = strings.ReplaceAll(s, enc, Redacted)
		}
	}
	return s
}

// MaskingWriter writes through to w with every registered secret masked
// (MaskSecrets), one Write at a time: the commands write whole lines, so a
// secret is not split across two writes.
func MaskingWriter(w io.Writer) io.Writer { return maskingWriter{w} }

type maskingWriter struct{ w io.Writer }

// Unmasked is the writer under a MaskingWriter, for a full-screen program
// that must reach the terminal itself (its size, its modes); w otherwise.
func Unmasked(w io.Writer) io.Writer {
	if m, ok := w.(maskingWriter); ok {
		return m.w
	}
	return w
}

// Write masks p and reports p's length as written, whatever the masking
// changed, so callers see the count they asked for.
func (m maskingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(m.w, MaskSecrets(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Redact masks AccessKeyId, AccessKeySecret, Signature, SecurityToken and
// Password values in s (query strings, StringToSigns, JSON) and every secret
// of a resolved session, in plain or URL-encoded form.
func Redact(s string) string {
	s = signedParam.ReplaceAllString(s, "${1}"+Redacted)
	s = secretField.ReplaceAllString(s, "${1}"+Redacted)
	return MaskSecrets(s)
}

// Describe turns an SDK or transport error into one safe line: the API
// error code, its message and the request id, never the signed URL.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	return oneLine(Redact(describe(err)))
}

func describe(err error) string {
	var se *sdkerrors.ServerError
	var ce *sdkerrors.ClientError
	var ue *url.Error
	// A *url.Error comes before a deadline it may match (the SDK's read
	// timeout matches context.DeadlineExceeded): it names the host the
	// call went to. The caller cancelling is just "canceled".
	switch {
	case errors.As(err, &se):
		return describeServer(se)
	case errors.Is(err, context.Canceled):
		return i18n.Text("canceled")
	case errors.As(err, &ue):
		return describeURL(ue)
	case errors.Is(err, context.DeadlineExceeded):
		return i18n.Text("timed out")
	case errors.As(err, &ce):
		return describeClient(ce)
	}
	return err.Error()
}

// ServerMessage is an ECS error message made safe to show: a signature
// mismatch message quotes the whole StringToSign (every parameter of the
// signed request), which is cut off; what remains is redacted and folded
// into one line.
func ServerMessage(msg string) string {
	if i := strings.Index(strings.ToLower(msg), "string to sign is:"); i >= 0 {
		msg = msg[:i]
		msg = strings.TrimSuffix(strings.TrimSpace(msg), "server")
	}
	return oneLine(Redact(msg))
}

// describeServer keeps the code, message and request id, never the
// StringToSign (see ServerMessage).
func describeServer(se *sdkerrors.ServerError) string {
	msg := ServerMessage(se.Message())
	if hint := Hint(se.ErrorCode()); hint != "" {
		msg += " (" + hint + ")"
	}
	out := fmt.Sprintf("%s: %s (HTTP %d", se.ErrorCode(), msg, se.HttpStatus())
	if id := se.RequestId(); id != "" {
		out += ", RequestId " + id
	}
	return out + ")"
}

func describeClient(ce *sdkerrors.ClientError) string {
	out := ce.ErrorCode() + ": " + ce.Message()
	if orig := ce.OriginError(); orig != nil {
		out += ": " + describe(orig)
	}
	return out
}

// describeURL names the host but drops the query, which holds the signature.
func describeURL(ue *url.Error) string {
	host := ue.URL
	if u, err := url.Parse(ue.URL); err == nil {
		host = u.Scheme + "://" + u.Host
	}
	if ue.Timeout() {
		return i18n.T("%s %s: timed out waiting for the answer (is the endpoint reachable and up?)", ue.Op, host)
	}
	return fmt.Sprintf("%s %s: %s", ue.Op, host, describe(ue.Err))
}

// oneLine folds the SDK's multi-line texts into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// hintCodes are the error codes every call can get, whatever the API
// (credentials, permissions, throttling, ECS-side failures), that Hint
// has advice for. Codes are matched exactly, then by prefix ("Throttling"
// covers "Throttling.User").
var hintCodes = []string{"SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound",
	"InvalidAccessKeyId.Inactive", "InvalidSecurityToken.Expired", "InvalidSecurityToken", "Forbidden.RAM", "Forbidden",
	"Throttling", "ServiceUnavailable", "InternalError"}

// hintFor is the advice for one of hintCodes, in the current language.
func hintFor(code string) string {
	switch code {
	case "SignatureDoesNotMatch", "IncompleteSignature":
		return i18n.Text("check the AccessKey secret")
	case "InvalidAccessKeyId.NotFound":
		return i18n.Text("the AccessKeyId is unknown: check the profile or ALIBABA_CLOUD_ACCESS_KEY_ID")
	case "InvalidAccessKeyId.Inactive":
		return i18n.Text("the AccessKey is disabled: enable it or use another")
	case "InvalidSecurityToken.Expired":
		return i18n.Text("the STS token has expired: get a new one")
	case "InvalidSecurityToken":
		return i18n.Text("the STS token is not valid: get a new one")
	case "Forbidden.RAM":
		return i18n.Text("the RAM user or role lacks the permission for this action")
	case "Forbidden":
		return i18n.Text("the account may not do this: check its RAM permissions")
	case "Throttling":
		return i18n.Text("too many requests: wait a minute and try again")
	case "ServiceUnavailable", "InternalError":
		return i18n.Text("a temporary ECS failure: try again in a moment")
	}
	return ""
}

// Hint is the advice for an error code any ECS call can get (credentials,
// permissions, throttling, temporary failures), "" when there is none.
func Hint(code string) string {
	for _, h := range hintCodes {
		if code == h {
			return hintFor(h)
		}
	}
	for _, h := range hintCodes {
		if strings.HasPrefix(code, h+".") {
			return hintFor(h)
		}
	}
	return ""
}
