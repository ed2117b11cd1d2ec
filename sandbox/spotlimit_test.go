package sandbox_test

import (
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// TestSpotPriceLimitBelowTheCurrentPrice: RunInstances refuses a
// SpotWithPriceLimit below the zone's current spot price, in DryRun too,
// with the API's code on HTTP 400; at the price it passes.
func TestSpotPriceLimitBelowTheCurrentPrice(t *testing.T) {
	s := start(t, sandbox.Options{Clock: priceClock})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	w := world.New()
	hz, _ := w.Region("cn-hangzhou")
	zi, _ := w.Zone("cn-hangzhou", "cn-hangzhou-i")
	typ, _ := w.Type(world.CheapestGeneral)
	current := world.SpotHourly(hz, zi, typ, priceClock())
	run := func(limit float64, dry bool) error {
		req := goodRequest(n)
		req.SpotStrategy, req.SpotPriceLimit = "SpotWithPriceLimit", requests.NewFloat(world.Round3(limit))
		req.DryRun = requests.NewBoolean(dry)
		_, err := c.RunInstances(req)
		return err
	}
	for _, dry := range []bool{true, false} {
		se := apiError(t, run(current-0.001, dry), "InvalidSpotPriceLimit.LowerThanPublicPrice", 400)
		if want := "SpotPriceLimit"; !strings.Contains(se.Message(), want) {
			t.Errorf("message %q does not name %s", se.Message(), want)
		}
	}
	if s.InstanceCount() != 0 {
		t.Fatal("a refused request created instances")
	}
	apiError(t, run(current, true), "DryRunOperation", 400)
}
