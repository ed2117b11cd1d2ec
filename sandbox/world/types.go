package world

import (
	"fmt"
	"strings"
)

// InstanceType is one ECS instance type with the facts DescribeInstanceTypes
// reports.
type InstanceType struct {
	InstanceTypeId       string
	Family               string // "ecs.g7"
	Category             string // InstanceCategory, e.g. "General-purpose"
	FamilyLevel          string // EntryLevel, EnterpriseLevel, CreditEntryLevel
	Generation           string // ecs-4 … ecs-7
	Cpu                  int
	MemoryGiB            float64
	Arch                 string // X86 or ARM
	Processor            string
	BaseGHz, TurboGHz    float64
	GPUAmount            int
	GPUSpec              string
	GPUMemoryGiB         float64
	LocalStorageAmount   int
	LocalStorageCapacity int64 // GiB per disk
	LocalStorageCategory string
	EniQuantity          int
	EniPrivateIPs        int
	DiskQuantity         int   // disks that can be attached, system disk included
	BandwidthKbps        int   // InstanceBandwidthRx/Tx
	Pps                  int64 // InstancePpsRx/Tx
	// BaselineCredit and InitialCredit are set for burstable types only.
	BaselineCredit, InitialCredit int
	SystemDiskCategories          []string
	DataDiskCategories            []string
	// kind drives availability and price (see availability.go and price.go).
	kind familyKind
	// priceFactor multiplies the per-vCPU/per-GiB list price.
	priceFactor float64
}

// MaxDataDisks is the number of data disks the type accepts at creation.
func (t InstanceType) MaxDataDisks() int {
	n := t.DiskQuantity - 1
	if n > 16 {
		n = 16 // RunInstances accepts DataDisk.1..16 (docs/rules.md T1-41)
	}
	return n
}

// familyKind groups families that share availability rules.
type familyKind int

const (
	kindEnterprise familyKind = iota
	kindPrevious              // previous generations (g5/g6): widest availability
	kindNewest                // 8th generation: not in every zone yet
	kindARM
	kindBurstable
	kindEconomy
	kindGPU
	kindLocalSSD
	kindBareMetal
)

// size is one size of a family: the suffix and the vCPU count.
type size struct {
	name string
	cpu  int
}

// sizes returns the sizes named by their suffixes, with the vCPU count of
// the standard naming (large = 2, xlarge = 4, Nxlarge = 4N).
func sizes(names ...string) []size {
	out := make([]size, 0, len(names))
	for _, n := range names {
		cpu := 2
		switch {
		case n == "large":
		case n == "xlarge":
			cpu = 4
		case strings.HasSuffix(n, "xlarge"):
			var k int
			fmt.Sscanf(n, "%dxlarge", &k)
			cpu = 4 * k
		}
		out = append(out, size{n, cpu})
	}
	return out
}

// family is one row of the standard-family table: the type is
// ecs.<name>.<size>, memory is ratio GiB per vCPU.
type family struct {
	name, category, generation, arch, processor string
	base, turbo                                 float64
	ratio                                       float64
	sizes                                       []size
	kind                                        familyKind
	priceFactor                                 float64
	sysDisks                                    []string
}

var (
	disksOld    = []string{"cloud_efficiency", "cloud_ssd", "cloud_essd"}
	disks7      = []string{"cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto"}
	disks8      = []string{"cloud_essd", "cloud_auto", "cloud_essd_entry"}
	disksEntry  = []string{"cloud_efficiency", "cloud_essd", "cloud_auto", "cloud_essd_entry"}
	disksBurst  = []string{"cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto"}
	sizes7      = sizes("large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge", "16xlarge", "32xlarge")
	sizes8      = sizes("large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge")
	sizes6      = sizes("large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge", "13xlarge", "26xlarge")
	sizes5      = sizes("large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge", "16xlarge", "22xlarge")
	sizes8y     = sizes("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "32xlarge")
	sizes6e     = sizes("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "13xlarge", "26xlarge")
	sizesHF     = sizes("large", "xlarge", "2xlarge", "3xlarge", "4xlarge", "6xlarge", "8xlarge", "16xlarge", "32xlarge")
	sizesAMD7   = sizes("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "32xlarge")
	sizesAMD8   = sizes("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "64xlarge")
	xeonIceLake = "Intel Xeon(Ice Lake) Platinum 8369B"
	xeonSPR     = "Intel Xeon(Sapphire Rapids) Platinum 8475B"
	xeonCLX     = "Intel Xeon(Cascade Lake) Platinum 8269CY"
	xeonSKL     = "Intel Xeon(Skylake) Platinum 8163"
	xeonCLXe    = "Intel Xeon(Cooper Lake) Platinum 8369HC"
	amdMilan    = "AMD EPYC(TM) Milan 7T83"
	amdGenoa    = "AMD EPYC(TM) Genoa 9T24"
	yitian      = "Yitian 710"
)

// families lists the standard families: general (1:4), compute (1:2) and
// memory (1:8) of each generation, with their real processors and sizes.
var families = []family{
	{"g7", "General-purpose", "ecs-6", "X86", xeonIceLake, 2.7, 3.5, 4, sizes7, kindEnterprise, 1.0, disks7},
	{"c7", "Compute-optimized", "ecs-6", "X86", xeonIceLake, 2.7, 3.5, 2, sizes7, kindEnterprise, 1.0, disks7},
	{"r7", "Memory-optimized", "ecs-6", "X86", xeonIceLake, 2.7, 3.5, 8, sizes7, kindEnterprise, 1.0, disks7},
	{"g8i", "General-purpose", "ecs-7", "X86", xeonSPR, 2.7, 3.2, 4, sizes8, kindNewest, 1.05, disks8},
	{"c8i", "Compute-optimized", "ecs-7", "X86", xeonSPR, 2.7, 3.2, 2, sizes8, kindNewest, 1.05, disks8},
	{"r8i", "Memory-optimized", "ecs-7", "X86", xeonSPR, 2.7, 3.2, 8, sizes8, kindNewest, 1.05, disks8},
	{"g6", "General-purpose", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 4, sizes6, kindPrevious, 0.92, disksOld},
	{"c6", "Compute-optimized", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 2, sizes6, kindPrevious, 0.92, disksOld},
	{"r6", "Memory-optimized", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 8, sizes6, kindPrevious, 0.92, disksOld},
	{"g5", "General-purpose", "ecs-4", "X86", xeonSKL, 2.5, 2.7, 4, sizes5, kindPrevious, 1.05, disksOld},
	{"c5", "Compute-optimized", "ecs-4", "X86", xeonSKL, 2.5, 2.7, 2, sizes5, kindPrevious, 1.05, disksOld},
	{"r5", "Memory-optimized", "ecs-4", "X86", xeonSKL, 2.5, 2.7, 8, sizes5, kindPrevious, 1.05, disksOld},
	{"g6e", "General-purpose", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 4, sizes6e, kindEnterprise, 1.02, disksOld},
	{"c6e", "Compute-optimized", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 2, sizes6e, kindEnterprise, 1.02, disksOld},
	{"r6e", "Memory-optimized", "ecs-5", "X86", xeonCLX, 2.5, 3.2, 8, sizes6e, kindEnterprise, 1.02, disksOld},
	{"hfg7", "High Clock Speed", "ecs-6", "X86", xeonCLXe, 3.3, 3.8, 4, sizesHF, kindEnterprise, 1.2, disks7},
	{"hfc7", "High Clock Speed", "ecs-6", "X86", xeonCLXe, 3.3, 3.8, 2, sizesHF, kindEnterprise, 1.2, disks7},
	{"hfr7", "High Clock Speed", "ecs-6", "X86", xeonCLXe, 3.3, 3.8, 8, sizesHF, kindEnterprise, 1.2, disks7},
	{"g7a", "General-purpose", "ecs-6", "X86", amdMilan, 2.55, 3.5, 4, sizesAMD7, kindEnterprise, 0.96, disks7},
	{"c7a", "Compute-optimized", "ecs-6", "X86", amdMilan, 2.55, 3.5, 2, sizesAMD7, kindEnterprise, 0.96, disks7},
	{"r7a", "Memory-optimized", "ecs-6", "X86", amdMilan, 2.55, 3.5, 8, sizesAMD7, kindEnterprise, 0.96, disks7},
	{"g8a", "General-purpose", "ecs-7", "X86", amdGenoa, 2.7, 3.7, 4, sizesAMD8, kindNewest, 0.98, disks8},
	{"c8a", "Compute-optimized", "ecs-7", "X86", amdGenoa, 2.7, 3.7, 2, sizesAMD8, kindNewest, 0.98, disks8},
	{"r8a", "Memory-optimized", "ecs-7", "X86", amdGenoa, 2.7, 3.7, 8, sizesAMD8, kindNewest, 0.98, disks8},
	{"g8y", "General-purpose", "ecs-7", "ARM", yitian, 2.75, 2.75, 4, sizes8y, kindARM, 0.95, disks8},
	{"c8y", "Compute-optimized", "ecs-7", "ARM", yitian, 2.75, 2.75, 2, sizes8y, kindARM, 0.95, disks8},
	{"r8y", "Memory-optimized", "ecs-7", "ARM", yitian, 2.75, 2.75, 8, sizes8y, kindARM, 0.95, disks8},
}

// special is a type outside the standard tables: burstable, economy, GPU,
// local SSD and bare metal, listed one by one with their real shapes.
type special struct {
	id             string
	cpu            int
	mem            float64
	gpu            int
	local          int   // local disks
	localGiB       int64 // per local disk
	baseline, init int   // burstable credits
}

type specialFamily struct {
	family, category, level, generation, processor string
	base, turbo                                    float64
	gpuSpec                                        string
	gpuMem                                         float64
	localCategory                                  string
	kind                                           familyKind
	priceFactor                                    float64
	sysDisks                                       []string
	types                                          []special
}

var specialFamilies = []specialFamily{
	{"t6", "Burstable", "CreditEntryLevel", "ecs-5", xeonCLX, 2.5, 3.2, "", 0, "", kindBurstable, 0.35, disksBurst, []special{
		{id: "t6-c4m1.large", cpu: 2, mem: 0.5, baseline: 5, init: 60}, {id: "t6-c2m1.large", cpu: 2, mem: 1, baseline: 10, init: 60},
		{id: "t6-c1m1.large", cpu: 2, mem: 2, baseline: 20, init: 60}, {id: "t6-c1m2.large", cpu: 2, mem: 4, baseline: 20, init: 60},
		{id: "t6-c1m4.large", cpu: 2, mem: 8, baseline: 30, init: 60}, {id: "t6-c1m4.xlarge", cpu: 4, mem: 16, baseline: 40, init: 120},
		{id: "t6-c1m4.2xlarge", cpu: 8, mem: 32, baseline: 40, init: 240},
	}},
	{"t5", "Burstable", "CreditEntryLevel", "ecs-4", "Intel Xeon(Skylake) Platinum 8163", 2.5, 2.5, "", 0, "", kindBurstable, 0.45, disksBurst, []special{
		{id: "t5-lc2m1.nano", cpu: 1, mem: 0.5, baseline: 6, init: 30}, {id: "t5-lc1m1.small", cpu: 1, mem: 1, baseline: 10, init: 30},
		{id: "t5-lc1m2.small", cpu: 1, mem: 2, baseline: 10, init: 30}, {id: "t5-lc1m2.large", cpu: 2, mem: 4, baseline: 10, init: 60},
		{id: "t5-lc1m4.large", cpu: 2, mem: 8, baseline: 10, init: 60}, {id: "t5-c1m1.large", cpu: 2, mem: 2, baseline: 15, init: 60},
		{id: "t5-c1m2.large", cpu: 2, mem: 4, baseline: 15, init: 60}, {id: "t5-c1m4.large", cpu: 2, mem: 8, baseline: 15, init: 60},
		{id: "t5-c1m1.xlarge", cpu: 4, mem: 4, baseline: 15, init: 120}, {id: "t5-c1m2.xlarge", cpu: 4, mem: 8, baseline: 15, init: 120},
		{id: "t5-c1m4.xlarge", cpu: 4, mem: 16, baseline: 15, init: 120}, {id: "t5-c1m1.2xlarge", cpu: 8, mem: 8, baseline: 15, init: 240},
		{id: "t5-c1m2.2xlarge", cpu: 8, mem: 16, baseline: 15, init: 240}, {id: "t5-c1m4.2xlarge", cpu: 8, mem: 32, baseline: 15, init: 240},
		{id: "t5-c1m1.4xlarge", cpu: 16, mem: 16, baseline: 15, init: 480}, {id: "t5-c1m2.4xlarge", cpu: 16, mem: 32, baseline: 15, init: 480},
	}},
	{"e", "Shared", "EntryLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "", kindEconomy, 0.4, disksEntry, []special{
		{id: "e-c1m1.large", cpu: 2, mem: 2}, {id: "e-c1m2.large", cpu: 2, mem: 4}, {id: "e-c1m4.large", cpu: 2, mem: 8},
		{id: "e-c1m2.xlarge", cpu: 4, mem: 8}, {id: "e-c1m4.xlarge", cpu: 4, mem: 16}, {id: "e-c1m2.2xlarge", cpu: 8, mem: 16},
		{id: "e-c1m4.2xlarge", cpu: 8, mem: 32}, {id: "e-c1m2.4xlarge", cpu: 16, mem: 32},
	}},
	{"u1", "Universal", "EntryLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "", kindEconomy, 0.55, disksEntry, []special{
		{id: "u1-c1m1.large", cpu: 2, mem: 2}, {id: "u1-c1m2.large", cpu: 2, mem: 4}, {id: "u1-c1m4.large", cpu: 2, mem: 8},
		{id: "u1-c1m8.large", cpu: 2, mem: 16}, {id: "u1-c1m1.xlarge", cpu: 4, mem: 4}, {id: "u1-c1m2.xlarge", cpu: 4, mem: 8},
		{id: "u1-c1m4.xlarge", cpu: 4, mem: 16}, {id: "u1-c1m8.xlarge", cpu: 4, mem: 32}, {id: "u1-c1m2.2xlarge", cpu: 8, mem: 16},
		{id: "u1-c1m4.2xlarge", cpu: 8, mem: 32}, {id: "u1-c1m2.4xlarge", cpu: 16, mem: 32}, {id: "u1-c1m4.8xlarge", cpu: 32, mem: 128},
	}},
	{"gn7i", "GPU-accelerated", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.9, 3.5, "NVIDIA A10", 24, "", kindGPU, 1.0, disks7, []special{
		{id: "gn7i-c8g1.2xlarge", cpu: 8, mem: 30, gpu: 1}, {id: "gn7i-c16g1.4xlarge", cpu: 16, mem: 60, gpu: 1},
		{id: "gn7i-c32g1.8xlarge", cpu: 32, mem: 188, gpu: 1}, {id: "gn7i-c48g1.12xlarge", cpu: 48, mem: 310, gpu: 1},
		{id: "gn7i-c56g1.14xlarge", cpu: 56, mem: 346, gpu: 1}, {id: "gn7i-c32g1.16xlarge", cpu: 64, mem: 376, gpu: 2},
		{id: "gn7i-c32g1.32xlarge", cpu: 128, mem: 752, gpu: 4},
	}},
	{"gn6i", "GPU-accelerated", "EnterpriseLevel", "ecs-5", xeonCLX, 2.5, 3.1, "NVIDIA T4", 16, "", kindGPU, 1.0, disksOld, []special{
		{id: "gn6i-c4g1.xlarge", cpu: 4, mem: 15, gpu: 1}, {id: "gn6i-c8g1.2xlarge", cpu: 8, mem: 31, gpu: 1},
		{id: "gn6i-c16g1.4xlarge", cpu: 16, mem: 62, gpu: 1}, {id: "gn6i-c24g1.6xlarge", cpu: 24, mem: 93, gpu: 1},
		{id: "gn6i-c40g1.10xlarge", cpu: 40, mem: 155, gpu: 1}, {id: "gn6i-c24g1.12xlarge", cpu: 48, mem: 186, gpu: 2},
		{id: "gn6i-c24g1.24xlarge", cpu: 96, mem: 372, gpu: 4},
	}},
	{"gn6v", "GPU-accelerated", "EnterpriseLevel", "ecs-5", "Intel Xeon(Skylake) Platinum 8163", 2.5, 2.5, "NVIDIA V100", 16, "", kindGPU, 1.0, disksOld, []special{
		{id: "gn6v-c8g1.2xlarge", cpu: 8, mem: 32, gpu: 1}, {id: "gn6v-c8g1.8xlarge", cpu: 32, mem: 128, gpu: 4},
		{id: "gn6v-c8g1.16xlarge", cpu: 64, mem: 256, gpu: 8}, {id: "gn6v-c10g1.20xlarge", cpu: 82, mem: 336, gpu: 8},
	}},
	{"i3", "Local SSD", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "local_nvme_ssd", kindLocalSSD, 1.0, disks7, []special{
		{id: "i3.xlarge", cpu: 4, mem: 32, local: 1, localGiB: 1788}, {id: "i3.2xlarge", cpu: 8, mem: 64, local: 1, localGiB: 1788},
		{id: "i3.4xlarge", cpu: 16, mem: 128, local: 2, localGiB: 1788}, {id: "i3.8xlarge", cpu: 32, mem: 256, local: 4, localGiB: 1788},
		{id: "i3.16xlarge", cpu: 64, mem: 512, local: 8, localGiB: 1788},
	}},
	{"i4", "Local SSD", "EnterpriseLevel", "ecs-7", xeonSPR, 2.7, 3.2, "", 0, "local_nvme_ssd", kindLocalSSD, 1.0, disks8, []special{
		{id: "i4.large", cpu: 2, mem: 16, local: 1, localGiB: 447}, {id: "i4.xlarge", cpu: 4, mem: 32, local: 1, localGiB: 894},
		{id: "i4.2xlarge", cpu: 8, mem: 64, local: 1, localGiB: 1788}, {id: "i4.4xlarge", cpu: 16, mem: 128, local: 1, localGiB: 3576},
		{id: "i4.8xlarge", cpu: 32, mem: 256, local: 2, localGiB: 3576}, {id: "i4.16xlarge", cpu: 64, mem: 512, local: 4, localGiB: 3576},
		{id: "i4.32xlarge", cpu: 128, mem: 1024, local: 8, localGiB: 3576},
	}},
	{"ebmg7", "ECS Bare Metal", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "", kindBareMetal, 1.05, disks7, []special{{id: "ebmg7.32xlarge", cpu: 128, mem: 512}}},
	{"ebmc7", "ECS Bare Metal", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "", kindBareMetal, 1.05, disks7, []special{{id: "ebmc7.32xlarge", cpu: 128, mem: 256}}},
	{"ebmr7", "ECS Bare Metal", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.7, 3.5, "", 0, "", kindBareMetal, 1.05, disks7, []special{{id: "ebmr7.32xlarge", cpu: 128, mem: 1024}}},
	{"ebmg8i", "ECS Bare Metal", "EnterpriseLevel", "ecs-7", xeonSPR, 2.7, 3.2, "", 0, "", kindBareMetal, 1.1, disks8, []special{{id: "ebmg8i.48xlarge", cpu: 192, mem: 768}}},
	{"ebmc8i", "ECS Bare Metal", "EnterpriseLevel", "ecs-7", xeonSPR, 2.7, 3.2, "", 0, "", kindBareMetal, 1.1, disks8, []special{{id: "ebmc8i.48xlarge", cpu: 192, mem: 384}}},
	{"ebmr8i", "ECS Bare Metal", "EnterpriseLevel", "ecs-7", xeonSPR, 2.7, 3.2, "", 0, "", kindBareMetal, 1.1, disks8, []special{{id: "ebmr8i.48xlarge", cpu: 192, mem: 1536}}},
	{"ebmg6", "ECS Bare Metal", "EnterpriseLevel", "ecs-5", xeonCLX, 2.5, 3.2, "", 0, "", kindBareMetal, 1.0, disksOld, []special{{id: "ebmg6.26xlarge", cpu: 104, mem: 384}}},
	{"ebmc6", "ECS Bare Metal", "EnterpriseLevel", "ecs-5", xeonCLX, 2.5, 3.2, "", 0, "", kindBareMetal, 1.0, disksOld, []special{{id: "ebmc6.26xlarge", cpu: 104, mem: 192}}},
	{"ebmr6", "ECS Bare Metal", "EnterpriseLevel", "ecs-5", xeonCLX, 2.5, 3.2, "", 0, "", kindBareMetal, 1.0, disksOld, []special{{id: "ebmr6.26xlarge", cpu: 104, mem: 768}}},
	{"ebmgn7i", "ECS Bare Metal", "EnterpriseLevel", "ecs-6", xeonIceLake, 2.9, 3.5, "NVIDIA A10", 24, "", kindBareMetal, 1.0, disks7, []special{{id: "ebmgn7i.32xlarge", cpu: 128, mem: 768, gpu: 4}}},
}

// network limits grow with the size, as in the real tables: ENIs, private
// IPs per ENI, bandwidth (Kbit/s) and packets per second.
func networkLimits(cpu int) (eni, ips, kbps int, pps int64) {
	switch {
	case cpu <= 2:
		return 3, 6, 2_048_000, 900_000
	case cpu <= 4:
		return 4, 15, 3_072_000, 1_000_000
	case cpu <= 8:
		return 4, 15, 5_120_000, 1_600_000
	case cpu <= 16:
		return 8, 30, 10_240_000, 3_000_000
	case cpu <= 32:
		return 8, 30, 16_384_000, 6_000_000
	case cpu <= 64:
		return 15, 30, 32_768_000, 12_000_000
	default:
		return 15, 30, 65_536_000, 24_000_000
	}
}

func diskQuantity(cpu int, kind familyKind) int {
	switch {
	case kind == kindBurstable && cpu <= 1:
		return 9
	case cpu >= 64:
		return 33
	default:
		return 17
	}
}

func dataDisks(sys []string) []string {
	out := append([]string(nil), sys...)
	return out
}

func newType(id, fam, category, level, gen, arch, proc string, base, turbo float64, cpu int, mem float64, kind familyKind, pf float64, sys []string) InstanceType {
	eni, ips, kbps, pps := networkLimits(cpu)
	if kind == kindBurstable || kind == kindEconomy {
		eni, ips, kbps, pps = 2, 2, kbps/4, pps/4
	}
	return InstanceType{
		InstanceTypeId: id, Family: fam, Category: category, FamilyLevel: level, Generation: gen,
		Cpu: cpu, MemoryGiB: mem, Arch: arch, Processor: proc, BaseGHz: base, TurboGHz: turbo,
		EniQuantity: eni, EniPrivateIPs: ips, DiskQuantity: diskQuantity(cpu, kind), BandwidthKbps: kbps, Pps: pps,
		SystemDiskCategories: sys, DataDiskCategories: dataDisks(sys), kind: kind, priceFactor: pf,
	}
}

func buildTypes() []InstanceType {
	var out []InstanceType
	for _, f := range families {
		for _, s := range f.sizes {
			id := "ecs." + f.name + "." + s.name
			out = append(out, newType(id, "ecs."+f.name, f.category, "EnterpriseLevel", f.generation, f.arch, f.processor,
				f.base, f.turbo, s.cpu, float64(s.cpu)*f.ratio, f.kind, f.priceFactor, f.sysDisks))
		}
	}
	for _, f := range specialFamilies {
		for _, s := range f.types {
			t := newType("ecs."+s.id, "ecs."+f.family, f.category, f.level, f.generation, "X86", f.processor,
				f.base, f.turbo, s.cpu, s.mem, f.kind, f.priceFactor, f.sysDisks)
			t.GPUAmount, t.BaselineCredit, t.InitialCredit = s.gpu, s.baseline, s.init
			if s.gpu > 0 {
				t.GPUSpec, t.GPUMemoryGiB = f.gpuSpec, f.gpuMem
			}
			if s.local > 0 {
				t.LocalStorageAmount, t.LocalStorageCapacity, t.LocalStorageCategory = s.local, s.localGiB, f.localCategory
			}
			out = append(out, t)
		}
	}
	return out
}
