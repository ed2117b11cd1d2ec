package rules

import (
	"testing"
)

// fullRequest is a realistic wizard request: every step filled in.
var fullRequest = []string{
	"InstanceName=web-prod-01", "HostName=web-prod-01", "UniqueSuffix=true", "Description=production web tier",
	"Password=Abcdef1!xyz", "InternetMaxBandwidthOut=10", "InternetChargeType=PayByTraffic",
	"SystemDisk.Category=cloud_essd", "SystemDisk.Size=40", "SystemDisk.PerformanceLevel=PL1",
	"DataDisk.1.Category=cloud_essd", "DataDisk.1.Size=100", "DataDisk.1.PerformanceLevel=PL1",
	"DataDisk.2.Category=cloud_efficiency", "DataDisk.2.Size=500", "DataDisk.2.Encrypted=true", "DataDisk.2.KMSKeyId=key-1",
	"Amount=3", "MinAmount=2", "InstanceChargeType=PostPaid", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.25",
	"Tag.1.Key=team", "Tag.1.Value=web", "Tag.2.Key=env", "Tag.2.Value=prod",
	"AutoReleaseTime=2026-12-24T00:00:00Z", "HttpTokens=required", "UserData=IyEvYmluL3NoCmVjaG8gaGkK",
	"ClientToken=0d6c1c9e-8f5c-4d0e-9c3a-4b1e2f3a4b5c",
}

func BenchmarkCheckParam(b *testing.B) {
	req, _ := build(b, fullRequest)
	c := Context{Now: now}
	for _, key := range []string{"InstanceName", "Password", "DataDisk.2.Size", "HostName"} {
		b.Run(key, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				CheckParam(req, key, c)
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	req, _ := build(b, fullRequest)
	if HasErrors(Validate(req, Context{Now: now})) {
		b.Fatalf("the benchmark request must be valid: %+v", Validate(req, Context{Now: now}))
	}
	b.ReportAllocs()
	for b.Loop() {
		Validate(req, Context{Now: now})
	}
}
