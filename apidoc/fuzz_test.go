package apidoc

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// FuzzParameterFor feeds arbitrary codes and server messages: the answer is
// always "" or a request pattern the wizard can jump to, and never panics.
func FuzzParameterFor(f *testing.F) {
	for _, row := range theSpec().errors {
		f.Add(row.Code, row.Message)
	}
	f.Add("InvalidParameter", `The specified parameter "NetworkInterface.1.SecurityGroupIds.2" is not valid.`)
	f.Add("MissingParameter", `"" . .. DataDisk.. "N"`)
	f.Fuzz(func(t *testing.T, code, message string) {
		p := ParameterFor(code, message)
		if p == "" {
			return
		}
		if _, ok := request.Lookup(p); !ok || request.PatternOf(p) != p {
			t.Fatalf("ParameterFor(%q, %q) = %q, not a request pattern", code, message, p)
		}
	})
}
