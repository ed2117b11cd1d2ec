package catalog

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

func TestSuggestRegion(t *testing.T) {
	for id, want := range map[string]string{
		"cn-hangzou":    "cn-hangzhou",
		"cn-hangzhouu":  "cn-hangzhou",
		"CN-Hangzhou":   "cn-hangzhou",
		"hangzhou":      "cn-hangzhou",
		"cn-shangai":    "cn-shanghai",
		"ap-southeast1": "ap-southeast-1",
		"eu-centrall-1": "eu-central-1",
		"xx-nowhere-9":  "",
		"mars":          "",
		"":              "",
	} {
		if got := SuggestRegion(id, BuiltinRegionIDs); got != want {
			t.Errorf("SuggestRegion(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestCheckRegion(t *testing.T) {
	if err := CheckRegion("cn-hangzhou", BuiltinRegionIDs); err != nil {
		t.Fatal(err)
	}
	err := CheckRegion("cn-hangzou", BuiltinRegionIDs)
	if err == nil || err.Error() != "unknown region cn-hangzou; did you mean cn-hangzhou?" {
		t.Fatalf("got %v", err)
	}
	if err := CheckRegion("xx-nowhere-1", []string{"cn-hangzhou", "cn-beijing"}); err == nil ||
		err.Error() != "unknown region xx-nowhere-1; known regions: cn-hangzhou, cn-beijing" {
		t.Fatalf("got %v", err)
	}
	if !DiffersOnlyInDigits("ap-southeast-8", "ap-southeast-7") || !DiffersOnlyInDigits("ap-southeast-10", "ap-southeast-1") ||
		DiffersOnlyInDigits("cn-hangzou", "cn-hangzhou") {
		t.Error("DiffersOnlyInDigits")
	}
}

// TestBuiltinRegionsCoverTheSandbox: the sandbox's world copies real
// regions; the offline list knows every one of them.
func TestBuiltinRegionsCoverTheSandbox(t *testing.T) {
	for _, r := range world.New().Regions {
		if err := CheckRegion(r.RegionId, BuiltinRegionIDs); err != nil {
			t.Error(err)
		}
	}
}
