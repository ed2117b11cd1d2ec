package exporter

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden pins every format's output for the request that uses every
// parameter and for the minimal one (go test ./exporter -update rewrites).
func TestGolden(t *testing.T) {
	fixtures := map[string]Options{
		"full":    {Profile: "prod", Region: "cn-hangzhou", Idempotent: true, Description: "web tier, every parameter", Ask: []string{"InstanceName", "Amount"}},
		"minimal": {},
	}
	for name, o := range fixtures {
		req := minimalRequest(t)
		if name == "full" {
			req = fullRequest(t)
		}
		for _, f := range Formats() {
			t.Run(name+"_"+string(f), func(t *testing.T) {
				res, err := Export(req, f, o)
				if err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, []byte(render(res)))
			})
		}
	}
}
