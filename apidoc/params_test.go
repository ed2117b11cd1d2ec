package apidoc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ecslaunch/ecslaunch/request"
)

// maxSummary bounds a summary so it stays one line in the wizard's help
// area (wrapped at most twice at 80 columns).
const maxSummary = 200

func checkSummary(t *testing.T, pattern, s string) {
	t.Helper()
	switch {
	case s == "":
		t.Errorf("%s: no summary", pattern)
	case strings.ContainsAny(s, "\n\r"):
		t.Errorf("%s: summary is not one line: %q", pattern, s)
	case utf8.RuneCountInString(s) > maxSummary:
		t.Errorf("%s: summary has %d characters, more than %d", pattern, utf8.RuneCountInString(s), maxSummary)
	case !strings.HasSuffix(s, "."):
		t.Errorf("%s: summary is not a sentence: %q", pattern, s)
	}
}

func TestEverySpecParameterIsDocumented(t *testing.T) {
	for _, row := range theSpec().params {
		d, ok := Param(row.Name)
		if !ok {
			t.Errorf("%s: in the spec but not documented", row.Name)
			continue
		}
		checkSummary(t, row.Name, d.Summary)
		if d.Reference != row.Description || d.Reference == "" {
			t.Errorf("%s: Reference is not the spec's text", row.Name)
		}
		if d.Type != row.Type || d.Required != row.Required || d.Example != row.Example {
			t.Errorf("%s: columns differ from the spec: %+v", row.Name, d)
		}
	}
}

func TestEveryRequestParameterIsDocumented(t *testing.T) {
	inSpec := map[string]bool{}
	for _, row := range theSpec().params {
		inSpec[row.Name] = true
	}
	for _, s := range request.Specs() {
		d, ok := Param(s.Pattern)
		if !ok {
			t.Errorf("%s: no ParamDoc", s.Pattern)
			continue
		}
		checkSummary(t, s.Pattern, d.Summary)
		if (d.Reference != "") != inSpec[s.Pattern] {
			t.Errorf("%s: Reference %q, but in spec = %v", s.Pattern, d.Reference, inSpec[s.Pattern])
		}
	}
}

// TestSummariesNameRealParameters catches a summary filed under a misspelt
// name, which would leave the real parameter undocumented.
func TestSummariesNameRealParameters(t *testing.T) {
	for pattern := range summaries {
		if _, ok := request.Lookup(pattern); !ok && pattern != "Action" {
			t.Errorf("summary for %q, which is not a request parameter", pattern)
		}
	}
}

func TestParamLookups(t *testing.T) {
	flat, ok := Param("DataDisk.2.Size")
	if !ok {
		t.Fatal("DataDisk.2.Size not found")
	}
	pattern, _ := Param("DataDisk.N.Size")
	if flat != pattern || flat.Pattern != "DataDisk.N.Size" {
		t.Errorf("flat key and pattern differ: %+v vs %+v", flat, pattern)
	}
	if !strings.Contains(flat.Reference, "cloud：5~2000") || flat.Type != "Integer" || flat.Example != "2000" {
		t.Errorf("DataDisk.N.Size = %+v", flat)
	}
	sd, _ := Param("SystemDisk.Size")
	if !strings.Contains(sd.Summary, "2048") || !strings.Contains(sd.Summary, "image size") {
		t.Errorf("SystemDisk.Size summary lacks today's rule (docs/rules.md T2-1): %q", sd.Summary)
	}
	fam, ok := Param("ImageFamily")
	if !ok || fam.Reference != "" || fam.Required || fam.Summary == "" {
		t.Errorf("ImageFamily (not in the 2019 spec) = %+v, %v", fam, ok)
	}
	if tag, _ := Param("NetworkInterface.1.SecurityGroupIds.3"); tag.Pattern != "NetworkInterface.N.SecurityGroupIds.N" {
		t.Errorf("nested list key resolved to %q", tag.Pattern)
	}
	if _, ok := Param("NoSuchParameter"); ok {
		t.Error("unknown parameter found")
	}
	if _, ok := Param("Action"); !ok {
		t.Error("the spec's Action row is not documented")
	}
}

func TestParamsOrderAndCopy(t *testing.T) {
	all := Params()
	specs := request.Specs()
	if len(all) != len(specs)+1 { // + Action, the spec's row the signer sets
		t.Fatalf("Params() has %d entries, want %d", len(all), len(specs)+1)
	}
	for i, s := range specs {
		if all[i].Pattern != s.Pattern {
			t.Fatalf("Params()[%d] = %s, want %s (the API reference's order)", i, all[i].Pattern, s.Pattern)
		}
	}
	all[0].Summary = "changed"
	if d, _ := Param(all[0].Pattern); d.Summary == "changed" {
		t.Error("Params() exposes the shared table")
	}
}

// TestPrivateIpAddressHelpMatchesTheRules: the help must agree with the
// rules: Amount > 1 takes consecutive addresses (docs/rules.md T2-11), and
// the reserved addresses of a vSwitch are refused (rules.CheckPrivateIP).
func TestPrivateIpAddressHelpMatchesTheRules(t *testing.T) {
	p, ok := Param("PrivateIpAddress")
	if !ok {
		t.Fatal("no PrivateIpAddress")
	}
	for _, want := range []string{"consecutive", "reserved", "first or last 3"} {
		if !strings.Contains(p.Summary, want) {
			t.Errorf("summary %q does not say %q", p.Summary, want)
		}
	}
}
