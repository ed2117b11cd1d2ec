package launcher

import (
	"regexp"
	"strings"

	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/request"
)

// explain gives the plain-English explanation of an error code and the
// parameter it concerns, from the API reference (apidoc). Unknown codes
// fall back on ECS's own message.
func explain(req *request.Request, code, message string) (explanation, parameter string) {
	explanation = message
	if doc, ok := apidoc.Code(code); ok && doc.Explanation != "" {
		explanation = doc.Explanation
	}
	return explanation, flatName(req, apidoc.ParameterFor(code, message), message)
}

// flatName turns a pattern ("DataDisk.N.Size") into the flat name the
// wizard can jump to: the one the message names ("DataDisk.2.Size"), else
// the only one the request has; otherwise the pattern stays.
func flatName(req *request.Request, pattern, message string) string {
	if !strings.Contains(pattern, ".N") {
		return pattern
	}
	re := regexp.MustCompile(`(?i)\b` + strings.ReplaceAll(regexp.QuoteMeta(pattern), `\.N`, `\.[0-9]+`) + `\b`)
	if m := re.FindString(message); m != "" {
		return canonicalKey(req, m)
	}
	var keys []string
	for _, k := range req.Keys() {
		if request.PatternOf(k) == pattern {
			keys = append(keys, k)
		}
	}
	if len(keys) == 1 {
		return keys[0]
	}
	return pattern
}

// canonicalKey restores the API's spelling of a flat key a message wrote
// in another case ("dataDisk.2.size").
func canonicalKey(req *request.Request, key string) string {
	for _, k := range req.Keys() {
		if strings.EqualFold(k, key) {
			return k
		}
	}
	return key
}
