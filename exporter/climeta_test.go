package exporter

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// TestCLIMetaIsRunInstancesParameters: the CLI metadata snapshot names
// only parameters the request model knows (a typo here would silence a
// note).
func TestCLIMetaIsRunInstancesParameters(t *testing.T) {
	for p := range cliMetaParams {
		if _, ok := request.Lookup(p); !ok {
			t.Errorf("%s is not a RunInstances parameter of the request model", p)
		}
	}
}
