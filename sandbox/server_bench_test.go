package sandbox

import (
	"io"
	"net/http"
	"net/url"
	"testing"
)

// BenchmarkServerOnly measures the server alone: requests signed once per
// call with fresh nonces, bodies discarded unparsed, so the figure excludes
// the SDK's JSON decoding.
func BenchmarkServerOnly(b *testing.B) {
	for _, tc := range []struct{ name, action string }{
		{"DescribeInstanceTypes", "DescribeInstanceTypes"},
		{"DescribeRegions", "DescribeRegions"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			s, err := Start(Options{Seed: 9})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			hc := &http.Client{}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := signed(url.Values{"Action": {tc.action}, "Version": {ecsVersion}, "AccessKeyId": {DefaultAccessKeyID},
					"RegionId": {"cn-hangzhou"}, "MaxResults": {"100"}, "SignatureNonce": {b.Name() + itoa(i)}})
				resp, err := hc.Post("http://"+s.Endpoint()+"/?"+q, "application/x-www-form-urlencoded", nil)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatal(resp.Status)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}
