package world

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"sort"
	"strings"
)

// RecordingVersion is the version of the recording file format. Version
// 2 records a type's own price (DescribePrice's instanceType line);
// version 1 recorded the whole quote, default system disk included, and
// is still read.
const RecordingVersion = 2

// Recording is what `ecslaunch sandbox record` keeps of an account: what
// the wizard's Describe calls returned for some regions. It holds no
// credential. FromRecording turns it into a World the sandbox serves.
type Recording struct {
	Version int `json:"version"`
	// Recorded is when (RFC 3339), Endpoint where from ("" for Alibaba
	// Cloud's own endpoints), Anonymized whether account identifiers and
	// names were replaced.
	Recorded   string `json:"recorded"`
	Endpoint   string `json:"endpoint,omitempty"`
	Anonymized bool   `json:"anonymized,omitempty"`
	// Regions is DescribeRegions: every region, recorded in detail or not.
	Regions []RecordedRegion `json:"regions"`
	// Detail holds the regions recorded in detail, by RegionId.
	Detail map[string]*RecordedDetail `json:"detail"`
}

// RecordedRegion is one region of DescribeRegions.
type RecordedRegion struct {
	RegionId  string `json:"RegionId"`
	LocalName string `json:"LocalName"`
}

// RecordedDetail is one region's lists.
type RecordedDetail struct {
	Zones    []RecordedZone    `json:"zones"`
	Families []Family          `json:"families"`
	Types    []RecordedType    `json:"instanceTypes"`
	Images   []RecordedImage   `json:"images"`
	VPCs     []RecordedVPC     `json:"vpcs"`
	VSwitch  []RecordedVSwitch `json:"vSwitches"`
	Groups   []RecordedGroup   `json:"securityGroups"`
	KeyPairs []RecordedKeyPair `json:"keyPairs"`
	// Stock is DescribeAvailableResource per billing (StockPostPaid,
	// StockPrePaid, StockSpot), zone and instance type.
	Stock map[string]map[string]map[string]Status `json:"stock"`
	// Prices is each recorded type's pay-as-you-go TypePrice (DescribePrice's
	// instanceType line; in version 1 the whole quote with the API's default
	// system disk), CNY per hour.
	Prices map[string]float64 `json:"prices,omitempty"`
}

// The billing keys of RecordedDetail.Stock.
const (
	StockPostPaid = "PostPaid"
	StockPrePaid  = "PrePaid"
	StockSpot     = "Spot"
)

// StockKey is the RecordedDetail.Stock key of a billing method.
func StockKey(chargeType, spotStrategy string) string {
	switch {
	case strings.EqualFold(chargeType, "PrePaid"):
		return StockPrePaid
	case spotStrategy != "" && spotStrategy != "NoSpot":
		return StockSpot
	}
	return StockPostPaid
}

// RecordedZone is a zone (DescribeZones).
type RecordedZone struct {
	ZoneId    string `json:"ZoneId"`
	LocalName string `json:"LocalName"`
}

// RecordedType is an instance type (DescribeInstanceTypes) with the disk
// categories DescribeAvailableResource offers it in its first zone.
type RecordedType struct {
	InstanceTypeId       string   `json:"InstanceTypeId"`
	InstanceTypeFamily   string   `json:"InstanceTypeFamily"`
	InstanceCategory     string   `json:"InstanceCategory,omitempty"`
	CpuCoreCount         int      `json:"CpuCoreCount"`
	MemorySize           float64  `json:"MemorySize"`
	GPUAmount            int      `json:"GPUAmount,omitempty"`
	GPUSpec              string   `json:"GPUSpec,omitempty"`
	CpuArchitecture      string   `json:"CpuArchitecture"`
	LocalStorageCategory string   `json:"LocalStorageCategory,omitempty"`
	EniQuantity          int      `json:"EniQuantity,omitempty"`
	DiskQuantity         int      `json:"DiskQuantity,omitempty"`
	SystemDiskCategories []string `json:"SystemDiskCategories,omitempty"`
	DataDiskCategories   []string `json:"DataDiskCategories,omitempty"`
}

// RecordedImage is an image (DescribeImages).
type RecordedImage struct {
	ImageId string `json:"ImageId"`
	// ImageName and ImageOwnerAlias tell the account's own, shared and
	// marketplace images from the public ones; ProductCode is a
	// marketplace image's product.
	ImageName       string `json:"ImageName,omitempty"`
	ImageOwnerAlias string `json:"ImageOwnerAlias,omitempty"`
	ProductCode     string `json:"ProductCode,omitempty"`
	ImageFamily     string `json:"ImageFamily,omitempty"`
	OSName          string `json:"OSName"`
	OSNameEn        string `json:"OSNameEn"`
	OSType          string `json:"OSType"`
	Platform        string `json:"Platform"`
	Architecture    string `json:"Architecture"`
	Size            int    `json:"Size"`
	Status          string `json:"Status"`
	CreationTime    string `json:"CreationTime"`
}

// RecordedVPC is a VPC (DescribeVpcs).
type RecordedVPC struct {
	VpcId     string `json:"VpcId"`
	VpcName   string `json:"VpcName"`
	CidrBlock string `json:"CidrBlock"`
	IsDefault bool   `json:"IsDefault"`
}

// RecordedVSwitch is a vSwitch (DescribeVSwitches) with its free addresses.
type RecordedVSwitch struct {
	VSwitchId               string `json:"VSwitchId"`
	VSwitchName             string `json:"VSwitchName"`
	VpcId                   string `json:"VpcId"`
	ZoneId                  string `json:"ZoneId"`
	CidrBlock               string `json:"CidrBlock"`
	AvailableIpAddressCount int    `json:"AvailableIpAddressCount"`
	IsDefault               bool   `json:"IsDefault"`
}

// RecordedGroup is a security group (DescribeSecurityGroups).
type RecordedGroup struct {
	SecurityGroupId   string `json:"SecurityGroupId"`
	SecurityGroupName string `json:"SecurityGroupName"`
	VpcId             string `json:"VpcId"`
	Description       string `json:"Description,omitempty"`
	SecurityGroupType string `json:"SecurityGroupType,omitempty"`
	EcsCount          int    `json:"EcsCount"`
	// AvailableInstanceAmount is the room left, as recorded (nil: not said).
	AvailableInstanceAmount *int `json:"AvailableInstanceAmount,omitempty"`
}

// RecordedKeyPair is an SSH key pair (DescribeKeyPairs).
type RecordedKeyPair struct {
	KeyPairName        string `json:"KeyPairName"`
	KeyPairFingerPrint string `json:"KeyPairFingerPrint"`
}

// Load reads a recording file and builds its World; Source is the path.
func Load(path string) (*World, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("world: %w", err)
	}
	var rec Recording
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("world: %s is not a recording (ecslaunch sandbox record writes one): %w", path, err)
	}
	w, err := FromRecording(&rec)
	if err != nil {
		return nil, fmt.Errorf("world: %s: %w", path, err)
	}
	w.Source = path
	return w, nil
}

// FromRecording builds the World a recording describes: its regions (those
// not recorded in detail have no zones), the union of the recorded types
// and images, each region's network, stock and type prices. Availability
// and TypeHourly then answer from the recording instead of the formulas.
func FromRecording(rec *Recording) (*World, error) {
	if rec.Version != RecordingVersion && rec.Version != 1 {
		return nil, fmt.Errorf("recording version %d, want %d", rec.Version, RecordingVersion)
	}
	if len(rec.Regions) == 0 {
		return nil, errors.New("the recording lists no region")
	}
	codes := map[string]string{}
	for _, row := range regionTable {
		codes[row.id] = row.code
	}
	w := &World{regionByID: map[string]int{}, typeByID: map[string]int{}, imageByID: map[string]int{}, networks: map[string]Network{}}
	families := map[string]string{}
	for _, rr := range rec.Regions {
		r := Region{RegionId: rr.RegionId, NameZh: rr.LocalName, NameEn: rr.LocalName, Code: firstNonEmpty(codes[rr.RegionId], "rec"), PriceFactor: 1}
		if d := rec.Detail[rr.RegionId]; d != nil {
			if err := addDetail(w, &r, d, families, rec.Version); err != nil {
				return nil, fmt.Errorf("region %s: %w", rr.RegionId, err)
			}
		}
		w.regionByID[r.RegionId] = len(w.Regions)
		w.Regions = append(w.Regions, r)
	}
	for id := range rec.Detail {
		if _, ok := w.regionByID[id]; !ok {
			return nil, fmt.Errorf("detail for %s, which the regions do not list", id)
		}
	}
	for i := range w.Types {
		w.Types[i].Generation = families[w.Types[i].Family]
	}
	sort.Slice(w.Types, func(i, j int) bool { return w.Types[i].InstanceTypeId < w.Types[j].InstanceTypeId })
	for i, t := range w.Types {
		w.typeByID[t.InstanceTypeId] = i
	}
	for i, img := range w.Images {
		w.imageByID[img.ImageId] = i
	}
	for f, gen := range families {
		w.Families = append(w.Families, Family{f, gen})
	}
	sort.Slice(w.Families, func(i, j int) bool { return w.Families[i].InstanceTypeFamilyId < w.Families[j].InstanceTypeFamilyId })
	return w, nil
}

// addDetail adds one region's recorded lists to w and r.
func addDetail(w *World, r *Region, d *RecordedDetail, families map[string]string, version int) error {
	if len(d.Zones) == 0 {
		return errors.New("no zones")
	}
	for i, z := range d.Zones {
		zone := Zone{ZoneId: z.ZoneId, NameZh: z.LocalName, NameEn: z.LocalName, Index: i, stock: map[string]map[string]Status{}}
		for billing, zones := range d.Stock {
			zone.stock[billing] = zones[z.ZoneId]
		}
		r.Zones = append(r.Zones, zone)
	}
	r.prices = d.Prices
	if version == 1 {
		r.prices = make(map[string]float64, len(d.Prices))
		for id, p := range d.Prices {
			r.prices[id] = max(0, Round3(p-DiskHourly(*r, defaultSystemDiskCategory, "", defaultSystemDiskGiB)))
		}
	}
	for _, f := range d.Families {
		families[f.InstanceTypeFamilyId] = f.Generation
	}
	seen := map[string]bool{}
	for _, t := range w.Types {
		seen[t.InstanceTypeId] = true
	}
	for _, t := range d.Types {
		if !seen[t.InstanceTypeId] {
			seen[t.InstanceTypeId] = true
			w.Types = append(w.Types, typeFromRecording(t))
		}
	}
	for _, im := range d.Images {
		if _, ok := w.imageByID[im.ImageId]; !ok {
			w.imageByID[im.ImageId] = len(w.Images)
			w.Images = append(w.Images, Image{ImageId: im.ImageId, ImageName: recordedName(im), OwnerAlias: recordedAlias(im.ImageOwnerAlias),
				ProductCode: im.ProductCode, ImageFamily: im.ImageFamily, OSName: im.OSName, OSNameEn: im.OSNameEn,
				OSType: im.OSType, Platform: im.Platform, Architecture: im.Architecture, Size: im.Size, Status: im.Status,
				BootMode: "BIOS", CreationTime: im.CreationTime, CloudInit: im.OSType == "linux"})
		}
	}
	n, err := networkFromRecording(r, d)
	if err != nil {
		return err
	}
	w.networks[r.RegionId] = n
	return nil
}

func typeFromRecording(t RecordedType) InstanceType {
	sys := t.SystemDiskCategories
	if len(sys) == 0 {
		sys = []string{"cloud_essd", "cloud_auto", "cloud_efficiency", "cloud_ssd"}
	}
	data := t.DataDiskCategories
	if len(data) == 0 {
		data = dataDisks(sys)
	}
	return InstanceType{InstanceTypeId: t.InstanceTypeId, Family: t.InstanceTypeFamily, Category: t.InstanceCategory,
		Cpu: t.CpuCoreCount, MemoryGiB: t.MemorySize, Arch: firstNonEmpty(t.CpuArchitecture, "X86"), GPUAmount: t.GPUAmount,
		GPUSpec: t.GPUSpec, LocalStorageCategory: t.LocalStorageCategory, EniQuantity: t.EniQuantity, DiskQuantity: t.DiskQuantity,
		SystemDiskCategories: sys, DataDiskCategories: data, priceFactor: 1}
}

// networkFromRecording keeps the account's VPCs, vSwitches (with the
// addresses used outside the sandbox), security groups (with their
// instances) and key pairs.
func networkFromRecording(r *Region, d *RecordedDetail) (Network, error) {
	var n Network
	for _, v := range d.VPCs {
		n.VPCs = append(n.VPCs, VPC{VpcId: v.VpcId, VpcName: v.VpcName, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault, RegionId: r.RegionId,
			VRouterId: ID("vrt", r.Code, v.VpcId)})
	}
	for _, v := range d.VSwitch {
		p, err := netip.ParsePrefix(v.CidrBlock)
		if err != nil || !p.Addr().Is4() || p.Bits() > 29 {
			return n, fmt.Errorf("vSwitch %s: CidrBlock %q is not an IPv4 /29 or larger", v.VSwitchId, v.CidrBlock)
		}
		sw := VSwitch{VSwitchId: v.VSwitchId, VSwitchName: v.VSwitchName, VpcId: v.VpcId, ZoneId: v.ZoneId, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault}
		sw.Used = max(0, sw.Usable()-v.AvailableIpAddressCount)
		n.VSwitches = append(n.VSwitches, sw)
	}
	for _, g := range d.Groups {
		capacity := basicSGCapacity
		if g.SecurityGroupType == "enterprise" {
			capacity = enterpriseCapacity
		}
		n.SecurityGroups = append(n.SecurityGroups, SecurityGroup{SecurityGroupId: g.SecurityGroupId, SecurityGroupName: g.SecurityGroupName,
			Description: g.Description, SecurityGroupType: firstNonEmpty(g.SecurityGroupType, "normal"), VpcId: g.VpcId,
			Capacity: capacity, Preloaded: g.EcsCount})
	}
	for _, k := range d.KeyPairs {
		n.KeyPairs = append(n.KeyPairs, KeyPair{KeyPairName: k.KeyPairName, KeyPairFingerPrint: k.KeyPairFingerPrint})
	}
	return n, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// recordedName is an image's own name: a public image's is its ID, which
// the world leaves empty.
func recordedName(im RecordedImage) string {
	if im.ImageName == im.ImageId {
		return ""
	}
	return im.ImageName
}

// recordedAlias maps DescribeImages' "system" to the world's "" (public).
func recordedAlias(a string) string {
	if a == "system" {
		return ""
	}
	return a
}
