package catalog

import (
	"sync/atomic"
	"testing"

	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

func TestOSTypeOfImageID(t *testing.T) {
	for id, want := range map[string]string{
		"aliyun_3_x64_20G_alibase_20240819.vhd":               "linux",
		"ubuntu_22_04_x64_20G_alibase_20240710.vhd":           "linux",
		"rockylinux_9_4_x64_20G_alibase_20240709.vhd":         "linux",
		"win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd": "windows",
		"win2012r2_9600_x64_dtc_zh-cn_40G_alibase_2021.vhd":   "windows",
		"m-bp1g7004ksh0oeucexample":                           "",
		"":                                                    "",
	} {
		if got, _ := OSTypeOfImageID(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	// Every public image of the sandbox's world, which copies the real
	// naming, is recognised with its own OSType.
	for _, im := range world.New().Images {
		if got, fam := OSTypeOfImageID(im.ImageId); got != im.OSType || fam == "" {
			t.Errorf("%s: %q (%q), want %q", im.ImageId, got, fam, im.OSType)
		}
	}
}

// TestCachedImageReadsTheDiskWithoutCalling: offline validate learns an
// image's OSType from a cache an earlier run left, with no API call.
func TestCachedImageReadsTheDiskWithoutCalling(t *testing.T) {
	srv := startSandbox(t, sandbox.Faults{})
	dir := t.TempDir()
	first := sandboxCatalog(t, srv, dir, Options{})
	load(t, first)
	win := "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd"

	var calls atomic.Int32
	later := sandboxCatalog(t, srv, dir, Options{OnCall: func(string) { calls.Add(1) }})
	im, ok := later.CachedImage(region, win)
	if !ok || im.OSType != "windows" {
		t.Fatalf("CachedImage = %+v, %v", im, ok)
	}
	if _, ok := later.CachedImage(region, "m-doesnotexist"); ok {
		t.Error("an image the cache does not hold")
	}
	if _, ok := later.CachedImage("cn-beijing", win); ok {
		t.Error("a region never loaded")
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("%d API calls", n)
	}
}

// TestImageSources: the region's list has the public, custom and shared
// images (DescribeImages' default); the marketplace ones, with their
// ProductCode, come from MarketplaceImages.
func TestImageSources(t *testing.T) {
	c := sandboxCatalog(t, startSandbox(t, sandbox.Faults{}), t.TempDir(), Options{})
	aliases := map[string]int{}
	for _, im := range load(t, c).Images {
		aliases[im.ImageOwnerAlias]++
	}
	if aliases["self"] != 2 || aliases["others"] != 1 || aliases["marketplace"] != 0 || aliases["system"] < 30 {
		t.Errorf("Load's images by alias: %v", aliases)
	}
	market, err := c.MarketplaceImages(ctx, region)
	if err != nil || len(market) != 2 {
		t.Fatalf("MarketplaceImages: %d, %v", len(market), err)
	}
	for _, im := range market {
		if im.ImageOwnerAlias != "marketplace" || im.ProductCode == "" {
			t.Errorf("marketplace image %+v", im)
		}
	}
	if im, ok := c.CachedImage(region, market[0].ImageId); !ok || im.ProductCode != market[0].ProductCode {
		t.Errorf("CachedImage of a marketplace image: %+v %v", im, ok)
	}
}
