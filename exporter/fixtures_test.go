package exporter

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// leakPassword is the literal password of the fixtures: no export may
// contain it.
const leakPassword = "Pw-LEAK-9f3!x"

// realistic gives parameters whose value is constrained a value the API
// would accept, so the goldens read like a real request.
var realistic = map[string]string{
	"RegionId": "cn-hangzhou", "ZoneId": "cn-hangzhou-i", "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd",
	"SecurityGroupId": "sg-bp1aaaa", "VSwitchId": "vsw-bp1aaaa", "InstanceType": "ecs.g7.large",
	"InstanceName": "web-01", "HostName": "web01", "Description": "web tier", "Password": leakPassword,
	"KeyPairName": "ops-key", "SystemDisk.Category": "cloud_essd", "DataDisk.N.Category": "cloud_essd",
	"IoOptimized": "optimized", "RamRoleName": "ecs-role", "UserData": "ZWNobyBoZWxsbw==",
	"SpotStrategy": "SpotWithPriceLimit", "SpotPriceLimit": "0.05", "SpotInterruptionBehavior": "Terminate",
	"InstanceChargeType": "PrePaid", "PeriodUnit": "Month", "InternetChargeType": "PayByTraffic",
	"AutoReleaseTime": "2026-12-31T00:00:00Z", "Tag.N.Key": "team", "Tag.N.Value": "web",
	"SecurityGroupIds.N": "sg-bp1bbbb", "CreditSpecification": "Standard", "SecurityEnhancementStrategy": "Active",
	"SystemDisk.PerformanceLevel": "PL1", "DataDisk.N.PerformanceLevel": "PL1", "Affinity": "host", "Tenancy": "host",
	"HttpTokens": "required", "HttpEndpoint": "enabled", "PrivateIpAddress": "172.16.0.10",
	"Ipv6Address.N": "2408:4002::1", "ClientToken": "0c593ea1-3bea-11e9-b96b-88e9fe637760",
	"NetworkInterface.N.InstanceType": "Secondary", "ResourceGroupId": "rg-aek2aaaa",
}

// fullRequest sets every parameter request.Specs() knows, list items at
// index 1, plus a second data disk: the "uses every parameter" fixture.
func fullRequest(t testing.TB) *request.Request {
	t.Helper()
	r := request.New()
	for i, s := range request.Specs() {
		key := withIndex(s.Pattern, 1)
		mustSet(t, r, key, specValue(s, i))
	}
	mustSet(t, r, "DataDisk.2.Size", "200")
	mustSet(t, r, "DataDisk.2.Category", "cloud_auto")
	return r
}

// minimalRequest is the smallest request a launch needs.
func minimalRequest(t testing.TB) *request.Request {
	t.Helper()
	r := request.New()
	for _, p := range [][2]string{{"RegionId", "cn-hangzhou"}, {"ImageId", "aliyun_3_x64_20G_alibase_20240819.vhd"},
		{"InstanceType", "ecs.g7.large"}, {"SecurityGroupId", "sg-bp1aaaa"}, {"VSwitchId", "vsw-bp1aaaa"}} {
		mustSet(t, r, p[0], p[1])
	}
	return r
}

// specValue is a valid value of the spec's type, distinct per parameter.
func specValue(s request.Spec, i int) string {
	if v, ok := realistic[s.Pattern]; ok {
		return v
	}
	switch s.Type {
	case request.Integer:
		return fmt.Sprint(i + 1)
	case request.Boolean:
		return "true"
	case request.Float:
		return "0.5"
	}
	return "v-" + strings.ToLower(strings.ReplaceAll(withIndex(s.Pattern, 1), ".1", ""))
}

// withIndex puts index i into every N segment of a pattern.
func withIndex(pattern string, i int) string {
	segs := strings.Split(pattern, ".")
	for j, s := range segs {
		if s == "N" {
			segs[j] = fmt.Sprint(i)
		}
	}
	return strings.Join(segs, ".")
}

func mustSet(t testing.TB, r *request.Request, k, v string) {
	t.Helper()
	if err := r.Set(k, v); err != nil {
		t.Fatal(err)
	}
}

// render is what a golden file holds: the export and its notes.
func render(res Result) string {
	var b strings.Builder
	b.WriteString(res.Text)
	b.WriteString("\n--- notes ---\n")
	for _, n := range res.Notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}
