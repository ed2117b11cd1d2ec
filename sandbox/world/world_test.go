package world

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCatalogSize(t *testing.T) {
	w := New()
	if len(w.Regions) < 20 {
		t.Errorf("%d regions, want ≥ 20", len(w.Regions))
	}
	if len(w.Types) < 300 {
		t.Errorf("%d instance types, want ≥ 300", len(w.Types))
	}
	avail := 0
	for _, img := range w.Images {
		if img.Status == "Available" {
			avail++
		}
	}
	if avail < 30 {
		t.Errorf("%d available images per region, want ≥ 30", avail)
	}
	for _, fam := range []string{"ecs.g7", "ecs.c7", "ecs.r7", "ecs.g8i", "ecs.c8i", "ecs.r8i", "ecs.g6", "ecs.c6", "ecs.r6",
		"ecs.t6", "ecs.t5", "ecs.e", "ecs.u1", "ecs.gn7i", "ecs.gn6i", "ecs.gn6v", "ecs.g8y", "ecs.c8y", "ecs.r8y",
		"ecs.i3", "ecs.i4", "ecs.ebmg7"} {
		if !hasFamily(w, fam) {
			t.Errorf("family %s missing", fam)
		}
	}
}

func hasFamily(w *World, fam string) bool {
	for _, f := range w.Families {
		if f.InstanceTypeFamilyId == fam {
			return true
		}
	}
	return false
}

func TestIDsUnique(t *testing.T) {
	w := New()
	seen := map[string]bool{}
	check := func(kind, id string) {
		if seen[id] {
			t.Errorf("duplicate %s ID %s", kind, id)
		}
		seen[id] = true
	}
	for _, r := range w.Regions {
		check("region", r.RegionId)
		for _, z := range r.Zones {
			check("zone", z.ZoneId)
			if !strings.HasPrefix(z.ZoneId, r.RegionId) || len(z.ZoneId) > len(r.RegionId)+2 {
				t.Errorf("zone %s is not named after region %s", z.ZoneId, r.RegionId)
			}
		}
		n := w.Network(r.RegionId)
		for _, v := range n.VPCs {
			check("vpc", v.VpcId)
		}
		for _, v := range n.VSwitches {
			check("vsw", v.VSwitchId)
		}
		for _, g := range n.SecurityGroups {
			check("sg", g.SecurityGroupId)
		}
		for _, img := range w.account[r.RegionId] {
			check("image", img.ImageId)
			if got, ok := w.ImageIn(r.RegionId, img.ImageId); !ok || got != img {
				t.Errorf("%s: ImageIn cannot find its own image %s", r.RegionId, img.ImageId)
			}
			if (img.Alias() == "marketplace") != (img.ProductCode != "") || img.OSType == "" || img.Size < 20 ||
				(img.OSType == "windows") != strings.HasPrefix(img.OSName, "Windows") {
				t.Errorf("%s: inconsistent image %+v", r.RegionId, img)
			}
		}
	}
	for _, ty := range w.Types {
		check("type", ty.InstanceTypeId)
	}
	for _, img := range w.Images {
		check("image", img.ImageId)
	}
}

// TestTypesAreSane checks the shapes are consistent: the family is the
// type's prefix, ARM only for the Yitian families, GPUs with a spec.
func TestTypesAreSane(t *testing.T) {
	for _, ty := range New().Types {
		if !strings.HasPrefix(ty.InstanceTypeId, ty.Family+".") && !strings.HasPrefix(ty.InstanceTypeId, ty.Family+"-") {
			t.Errorf("%s: family %s is not its prefix", ty.InstanceTypeId, ty.Family)
		}
		if ty.Cpu < 1 || ty.MemoryGiB <= 0 || ty.DiskQuantity < 2 || len(ty.SystemDiskCategories) == 0 {
			t.Errorf("%s: implausible shape %+v", ty.InstanceTypeId, ty)
		}
		if (ty.Arch == "ARM") != strings.HasSuffix(ty.Family, "y") {
			t.Errorf("%s: architecture %s", ty.InstanceTypeId, ty.Arch)
		}
		if (ty.GPUAmount > 0) != (ty.GPUSpec != "") {
			t.Errorf("%s: GPU amount %d with spec %q", ty.InstanceTypeId, ty.GPUAmount, ty.GPUSpec)
		}
	}
}

// TestWindowsImagesAre40GiB: the rule SystemDisk.Size ≥ image size matters
// for Windows (docs/rules.md T1-36).
func TestWindowsImagesAre40GiB(t *testing.T) {
	archs := map[string]bool{}
	for _, img := range New().Images {
		archs[img.Architecture] = true
		if img.OSType == "windows" && img.Size != 40 {
			t.Errorf("%s: size %d, want 40", img.ImageId, img.Size)
		}
		if !strings.HasSuffix(img.ImageId, ".vhd") {
			t.Errorf("%s: not a real-looking image ID", img.ImageId)
		}
	}
	if !archs["x86_64"] || !archs["arm64"] {
		t.Errorf("architectures %v, want x86_64 and arm64", archs)
	}
}

// TestCheapestGeneralInFirstZone is the wizard's promise: its default type
// is in stock in the first zone of every region for every billing method.
func TestCheapestGeneralInFirstZone(t *testing.T) {
	w := New()
	for _, r := range w.Regions {
		var best InstanceType
		for _, ty := range w.Types {
			if ty.Category == "General-purpose" && ty.Cpu == 2 && (best.InstanceTypeId == "" || TypeHourly(r, ty) < TypeHourly(r, best)) {
				best = ty
			}
		}
		if best.InstanceTypeId != CheapestGeneral {
			t.Errorf("%s: cheapest general-purpose 2-vCPU type is %s, want %s", r.RegionId, best.InstanceTypeId, CheapestGeneral)
		}
		for _, b := range [][2]string{{"PostPaid", "NoSpot"}, {"PrePaid", "NoSpot"}, {"PostPaid", "SpotAsPriceGo"}} {
			if s := Availability(r, r.Zones[0], best, b[0], b[1]); s != Available {
				t.Errorf("%s %s %v: %s", r.RegionId, best.InstanceTypeId, b, s)
			}
		}
	}
}

// TestAvailabilityVaries: some pairs are sold out and some types are not
// offered in some zones, so availability matters.
func TestAvailabilityVaries(t *testing.T) {
	w := New()
	counts := map[Status]int{}
	for _, r := range w.Regions {
		for _, z := range r.Zones {
			for _, ty := range w.Types {
				counts[Availability(r, z, ty, "PostPaid", "NoSpot")]++
			}
		}
	}
	if counts[SoldOut] < 20 || counts[NotOffered] < 20 || counts[Available] < counts[SoldOut]+counts[NotOffered] {
		t.Errorf("status counts %v", counts)
	}
	hz, _ := w.Region("cn-hangzhou")
	g7, _ := w.Type("ecs.g7.large")
	if s := Availability(hz, hz.Zones[1], g7, "PostPaid", "NoSpot"); s != SoldOut {
		t.Errorf("ecs.g7.large in %s: %s, want the fixed SoldOut", hz.Zones[1].ZoneId, s)
	}
}

func TestDeterministic(t *testing.T) {
	if !reflect.DeepEqual(New(), New()) {
		t.Error("two catalogs differ")
	}
}

func TestPriceFormula(t *testing.T) {
	w := New()
	hz, _ := w.Region("cn-hangzhou")
	hk, _ := w.Region("cn-hongkong")
	g7, _ := w.Type("ecs.g7.large")
	// 2 vCPU × 0.18 + 8 GiB × 0.035 = 0.64 CNY/hour at factor 1.
	if got := TypeHourly(hz, g7); got != 0.64 {
		t.Errorf("g7.large in Hangzhou: %v, want 0.64", got)
	}
	if TypeHourly(hk, g7) <= TypeHourly(hz, g7) {
		t.Error("Hong Kong should cost more than Hangzhou")
	}
	month, disc := Period(1, "Month", 1)
	year, ydisc := Period(1, "Year", 1)
	week, wdisc := Period(1, "Week", 2)
	if month != 432 || disc != 0 || year != 5184 || ydisc != 777.6 || week != 201.6 || wdisc != 0 {
		t.Errorf("month %v/%v year %v/%v 2 weeks %v/%v", month, disc, year, ydisc, week, wdisc)
	}
	if got := TrafficPerGB(hz); got != 0.8 {
		t.Errorf("traffic per GB in Hangzhou: %v, want 0.8", got)
	}
	if got := DiskHourly(hz, "cloud_essd", "", 100); got != 0.15 {
		t.Errorf("100 GiB ESSD PL1: %v", got)
	}
	if got := BandwidthHourly(hz, "PayByBandwidth", 10); got != 1.565 {
		t.Errorf("10 Mbit/s: %v", got)
	}
}

// TestSpotPrices: a spot price is a function of region, zone, type and the
// UTC hour only; it varies between zones, types and hours, stays within
// (0, pay-as-you-go] and averages near a fifth of the pay-as-you-go price.
func TestSpotPrices(t *testing.T) {
	w := New()
	hz, _ := w.Region("cn-hangzhou")
	g7, _ := w.Type("ecs.g7.large")
	at := time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)
	if a, b := SpotHourly(hz, hz.Zones[0], g7, at), SpotHourly(hz, hz.Zones[0], g7, at.Add(59*time.Minute)); a != b {
		t.Errorf("the price changed within an hour: %v, %v", a, b)
	}
	byZone, byType, byHour := map[float64]bool{}, map[float64]bool{}, map[float64]bool{}
	for _, z := range hz.Zones {
		byZone[SpotHourly(hz, z, g7, at)] = true
	}
	types := []string{"ecs.g7.large", "ecs.c7.large", "ecs.g7.xlarge", "ecs.g6.large", "ecs.r7.large"}
	for _, id := range types {
		ty, _ := w.Type(id)
		byType[Round3(SpotHourly(hz, hz.Zones[0], ty, at)/TypeHourly(hz, ty))] = true // the factor
	}
	payg := TypeHourly(hz, g7)
	var sum float64
	hist := SpotHistory(hz, hz.Zones[0], g7, at.Add(-7*24*time.Hour), at)
	for _, p := range hist {
		byHour[p.Price] = true
		sum += p.Price
		if p.Price <= 0 || p.Price > payg {
			t.Errorf("spot %v at %v outside (0, %v]", p.Price, p.Hour, payg)
		}
	}
	if len(byZone) < 3 || len(byType) < 3 || len(byHour) < 10 {
		t.Errorf("distinct prices: %d over %d zones, %d factors over %d types, %d over %d hours",
			len(byZone), len(hz.Zones), len(byType), len(types), len(byHour), len(hist))
	}
	if len(hist) != 7*24+1 || !hist[0].Hour.Equal(at.Add(-7*24*time.Hour)) || !hist[len(hist)-1].Hour.Equal(at) {
		t.Errorf("history of %d points from %v to %v", len(hist), hist[0].Hour, hist[len(hist)-1].Hour)
	}
	if mean := sum / float64(len(hist)) / payg; mean < 0.1 || mean > 0.3 {
		t.Errorf("spot averages %.2f of pay-as-you-go", mean)
	}
	if got := SpotHistory(hz, hz.Zones[0], g7, at, at); len(got) != 1 || got[0].Price != SpotHourly(hz, hz.Zones[0], g7, at) {
		t.Errorf("one-hour history %v", got)
	}
}

func TestVSwitchUsable(t *testing.T) {
	if n := (VSwitch{CidrBlock: "192.168.1.0/24"}).Usable(); n != 252 {
		t.Errorf("/24 usable %d, want 252", n)
	}
}
