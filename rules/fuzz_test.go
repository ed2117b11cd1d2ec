package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// fuzzKey turns arbitrary fuzz input into a parameter name: the input when
// it is one, else a schema pattern picked by it with its N filled in, so
// the fuzzer spends its time in the rules rather than in name lookup.
func fuzzKey(key string, idx uint16) string {
	// Long names are skipped: request.SuggestName is slow on them, and
	// that is the request package's concern, not the rules'.
	if len(key) <= maxFuzzName && request.CheckName(key) == nil {
		return key
	}
	specs := request.Specs()
	h := 0
	for i := 0; i < len(key); i++ {
		h = h*31 + int(key[i])
	}
	if h < 0 {
		h = -h
	}
	segs := strings.Split(specs[h%len(specs)].Pattern, ".")
	for i, s := range segs {
		if s == "N" {
			segs[i] = strconv.Itoa(int(idx%9999) + 1)
		}
	}
	return strings.Join(segs, ".")
}

// maxFuzzName bounds the parameter names the fuzz tests pass to
// request.Set (the longest real name has 50 characters).
const maxFuzzName = 64

// checkFindings asserts what must hold of any finding.
func checkFindings(t *testing.T, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Parameter == "" || f.Message == "" || (f.Severity != Error && f.Severity != Warning) {
			t.Fatalf("malformed finding %+v", f)
		}
		if _, ok := statuses[f.Code]; !ok {
			t.Fatalf("finding with an undocumented code %+v", f)
		}
	}
}

func FuzzCheckParam(f *testing.F) {
	for _, s := range []struct {
		k, v string
		i    uint16
	}{
		{"InstanceName", "web-01", 0}, {"Password", "Abcdef1!", 0}, {"DataDisk.2.Size", "10", 2},
		{"HostName", "a..b", 0}, {"Tag.3.Key", "aliyun", 3}, {"AutoReleaseTime", "2026-11-27T12:30:00Z", 0},
		{"UserData", "IyEvYmluL3No", 0}, {"SpotPriceLimit", "0.0001", 0}, {"Ipv6Address.1", "::1", 1},
		{"SystemDisk.Size", "${SIZE}", 0}, {"x", "", 7},
	} {
		f.Add(s.k, s.v, s.i)
	}
	f.Fuzz(func(t *testing.T, key, value string, idx uint16) {
		req, _ := build(t, []string{"DataDisk.2.Category=cloud_essd", "Tag.1.Key=team", "InstanceChargeType=PrePaid", "UniqueSuffix=true"})
		k := fuzzKey(key, idx)
		if err := req.Set(k, value); err != nil {
			t.Fatalf("set %s: %v", k, err)
		}
		for _, os := range []string{"", "windows", "linux"} {
			c := Context{OSType: os, Now: now, ImageSize: int(idx % 100), MaxDataDisks: int(idx % 20)}
			checkFindings(t, CheckParam(req, k, c))
		}
		_ = Related(k)
		_ = CheckParam(req, key, Context{}) // any string, even an unknown name
		_ = Related(key)
	})
}

func FuzzValidate(f *testing.F) {
	f.Add("RegionId=cn-hangzhou\nImageId=img\nDataDisk.17.Size=1\nTag.1.Value=x")
	f.Add("Amount=abc\nMinAmount=5\nIpv6Address.1=2001:db8::1\nIpv6AddressCount=2")
	f.Add("NetworkInterface.1.InstanceType=Primary\nPrivateIpAddress=10.0.0.1\nAmount=3")
	f.Add("HostNames.1=a\nHostName=b\nPassword=/x\nPasswordInherit=true")
	f.Fuzz(func(t *testing.T, text string) {
		req := request.New()
		for _, line := range strings.Split(text, "\n") {
			k, v, _ := strings.Cut(line, "=")
			if len(k) <= maxFuzzName {
				_ = req.Set(k, v) // unknown names are the request package's to reject
			}
		}
		for _, os := range []string{"", "windows"} {
			c := Context{OSType: os, Now: now}
			checkFindings(t, Validate(req, c))
			for _, k := range req.Keys() {
				checkFindings(t, CheckParam(req, k, c))
			}
		}
	})
}
