package cloud

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	_ "unsafe" // go:linkname, to reach the SDK's debug printer

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The classic SDK prints every request it sends when DEBUG contains "sdk":
// the request line with its whole signed query (AccessKeyId, Signature,
// SecurityToken, the Password), then headers and the answer, on standard
// output (sdk/utils/debug.go; docs/sdk-notes.md §4). It decides at package
// initialisation, before main runs, so the variable cannot be unset in
// time; and its printer is an unexported variable. ecslaunch takes that
// printer over: debug output goes to standard error, with the query of the
// request line withheld, credential headers and StringToSigns dropped, and
// the rest redacted (Redact). Pinned to the SDK version go.mod names: a
// renamed printer fails the link, not silently.
//
//go:linkname sdkDebugPrint github.com/aliyun/alibaba-cloud-sdk-go/sdk/utils.hookPrint
var sdkDebugPrint func(string)

func init() { sdkDebugPrint = printSDKDebug }

// sdkDebugOut is where the SDK's debug lines go; tests replace it.
var sdkDebugOut = struct {
	sync.Mutex
	w io.Writer
}{w: os.Stderr}

func printSDKDebug(line string) {
	sdkDebugOut.Lock()
	defer sdkDebugOut.Unlock()
	fmt.Fprintln(sdkDebugOut.w, SanitizeSDKDebug(line))
}

// requestLine matches the SDK's "> METHOD URI PROTO" debug line.
var requestLine = regexp.MustCompile(`^> ([A-Z]+) ([^ ?]*)\?(\S*)( .*)?$`)

// withheldHeaders are request and answer headers whose values are
// credentials (ROA signatures, STS tokens, the AccessKeyId).
var withheldHeaders = []string{"authorization", "x-acs-security-token", "x-acs-accesskey-id", "x-acs-bearer-token", "cookie"}

// SanitizeSDKDebug makes one line of the SDK's debug output safe to show:
// a request line keeps its Action and loses the rest of its query (the
// signature and every parameter value), credential headers lose their
// value, a StringToSign is dropped, and whatever is left is redacted.
func SanitizeSDKDebug(line string) string {
	if m := requestLine.FindStringSubmatch(line); m != nil {
		return fmt.Sprintf("> %s %s?%s%s", m[1], m[2], keptQuery(m[3]), m[4])
	}
	lower := strings.ToLower(strings.TrimSpace(line))
	if strings.Contains(lower, "stringtosign") {
		return i18n.Text("(StringToSign withheld: it quotes every signed parameter)")
	}
	if i := strings.Index(lower, "string to sign"); i >= 0 {
		// A SignatureDoesNotMatch answer quotes the server's StringToSign.
		return Redact(strings.TrimSpace(line)[:i]) + i18n.Text("(StringToSign withheld)")
	}
	for _, h := range withheldHeaders {
		if strings.HasPrefix(lower, "> "+h+":") || strings.HasPrefix(lower, "< "+h+":") {
			return line[:strings.Index(line, ":")+1] + " " + i18n.Text("(withheld)")
		}
	}
	return Redact(line)
}

// keptQuery keeps the Action and Version of a signed query and counts the
// parameters withheld.
func keptQuery(q string) string {
	var kept []string
	withheld := 0
	for _, p := range strings.Split(q, "&") {
		name, _, _ := strings.Cut(p, "=")
		if name == "Action" || name == "Version" {
			kept = append(kept, p)
			continue
		}
		withheld++
	}
	return strings.Join(kept, "&") + "&… " + i18n.T("(%d parameters withheld by ecslaunch: the query carries the AccessKeyId, the signature and the request's values)", withheld)
}
