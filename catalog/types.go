// Package catalog is the one place that talks to the ECS Describe APIs. It
// loads every list a region needs, in parallel, caches it on disk and offers
// the views the wizard, the rules and the commands read.
package catalog

import (
	"context"
	"fmt"

	"github.com/ecslaunch/ecslaunch/request"
)

// Region is an ECS region (DescribeRegions).
type Region struct {
	RegionId       string `json:"RegionId"`
	LocalName      string `json:"LocalName"`
	RegionEndpoint string `json:"RegionEndpoint"`
}

// Zone is a zone of a region (DescribeZones) with how many instance types
// are available in it for the billing method asked.
type Zone struct {
	ZoneId         string `json:"ZoneId"`
	LocalName      string `json:"LocalName"`
	AvailableTypes int    `json:"AvailableTypes"`
}

// Billing is the billing method availability and prices depend on.
type Billing struct {
	InstanceChargeType string `json:"InstanceChargeType"` // PostPaid (default) or PrePaid
	SpotStrategy       string `json:"SpotStrategy"`       // NoSpot (default), SpotWithPriceLimit, SpotAsPriceGo
}

// Availability of an instance type in a zone.
type Availability string

// The availabilities, as DescribeAvailableResource reports them, plus
// NotOffered for a type the zone does not sell at all.
const (
	Available  Availability = "Available"
	SoldOut    Availability = "SoldOut"
	NotOffered Availability = "NotOffered"
)

// InstanceType is a type (DescribeInstanceTypes) with its availability in
// the zone asked.
type InstanceType struct {
	InstanceTypeId       string  `json:"InstanceTypeId"`
	InstanceTypeFamily   string  `json:"InstanceTypeFamily"`
	InstanceCategory     string  `json:"InstanceCategory,omitempty"`
	CpuCoreCount         int     `json:"CpuCoreCount"`
	MemorySize           float64 `json:"MemorySize"` // GiB
	GPUAmount            int     `json:"GPUAmount,omitempty"`
	GPUSpec              string  `json:"GPUSpec,omitempty"`
	CpuArchitecture      string  `json:"CpuArchitecture"` // X86 or ARM
	LocalStorageCategory string  `json:"LocalStorageCategory,omitempty"`
	EniQuantity          int     `json:"EniQuantity,omitempty"`
	DiskQuantity         int     `json:"DiskQuantity,omitempty"`
	// Status in the zone asked; with "any zone", Available when any zone has it.
	Status Availability `json:"Status"`
	// AvailableZones lists the zones where the type is available.
	AvailableZones []string `json:"AvailableZones,omitempty"`
	// PricePerHour is the hourly price for the billing asked (pay-as-you-go
	// or spot), 0 until fetched and always 0 for a subscription, whose
	// prices are per month or week (ZonePrices).
	PricePerHour float64 `json:"PricePerHour,omitempty"`
}

// InstanceTypeFamily is a family (DescribeInstanceTypeFamilies).
type InstanceTypeFamily struct {
	InstanceTypeFamilyId string `json:"InstanceTypeFamilyId"`
	Generation           string `json:"Generation"`
}

// ImageGroup is the images of one OS (Platform), newest first.
type ImageGroup struct {
	Platform string  `json:"Platform"`
	OSType   string  `json:"OSType"`
	Images   []Image `json:"Images"`
}

// Image is an image (DescribeImages).
type Image struct {
	ImageId         string `json:"ImageId"`
	ImageName       string `json:"ImageName"`
	ImageFamily     string `json:"ImageFamily,omitempty"`
	ImageOwnerAlias string `json:"ImageOwnerAlias"` // system, self, others, marketplace
	OSName          string `json:"OSName"`
	OSNameEn        string `json:"OSNameEn"`
	OSType          string `json:"OSType"`   // linux or windows
	Platform        string `json:"Platform"` // Aliyun, Ubuntu, Windows Server 2022, …
	Architecture    string `json:"Architecture"`
	Size            int    `json:"Size"` // GiB
	Status          string `json:"Status"`
	CreationTime    string `json:"CreationTime"`
	// ProductCode is the Alibaba Cloud Marketplace product of a
	// marketplace image, "" otherwise.
	ProductCode string `json:"ProductCode,omitempty"`
}

// DiskCategory is a disk category a type supports in a zone, with its size
// limits and the ESSD performance levels it offers.
type DiskCategory struct {
	Category          string   `json:"Category"`
	Min               int      `json:"Min,omitempty"`
	Max               int      `json:"Max,omitempty"`
	PerformanceLevels []string `json:"PerformanceLevels,omitempty"`
	// Status is Available, or SoldOut when the zone offers the category for
	// the type but cannot sell it now.
	Status Availability `json:"Status,omitempty"`
}

// VPC is a VPC (DescribeVpcs).
type VPC struct {
	VpcId     string `json:"VpcId"`
	VpcName   string `json:"VpcName"`
	CidrBlock string `json:"CidrBlock"`
	IsDefault bool   `json:"IsDefault"`
}

// VSwitch is a vSwitch (DescribeVSwitches).
type VSwitch struct {
	VSwitchId               string `json:"VSwitchId"`
	VSwitchName             string `json:"VSwitchName"`
	VpcId                   string `json:"VpcId"`
	ZoneId                  string `json:"ZoneId"`
	CidrBlock               string `json:"CidrBlock"`
	AvailableIpAddressCount int    `json:"AvailableIpAddressCount"`
	IsDefault               bool   `json:"IsDefault"`
}

// SecurityGroup is a security group (DescribeSecurityGroups).
type SecurityGroup struct {
	SecurityGroupId   string `json:"SecurityGroupId"`
	SecurityGroupName string `json:"SecurityGroupName"`
	VpcId             string `json:"VpcId"`
	Description       string `json:"Description,omitempty"`
	SecurityGroupType string `json:"SecurityGroupType,omitempty"` // normal (basic) or enterprise (advanced)
	EcsCount          int    `json:"EcsCount"`
	// AvailableInstanceAmount is how many more instances the group takes
	// (DescribeSecurityGroups with IsQueryEcsCount, for reference only);
	// nil when the answer did not say (an older cache entry).
	AvailableInstanceAmount *int `json:"AvailableInstanceAmount,omitempty"`
}

// Capacity is how many instances the group holds in all (EcsCount +
// AvailableInstanceAmount), or 0 when DescribeSecurityGroups did not say.
func (g SecurityGroup) Capacity() int {
	if g.AvailableInstanceAmount == nil {
		return 0
	}
	return g.EcsCount + *g.AvailableInstanceAmount
}

// KeyPair is an SSH key pair (DescribeKeyPairs).
type KeyPair struct {
	KeyPairName        string `json:"KeyPairName"`
	KeyPairFingerPrint string `json:"KeyPairFingerPrint"`
}

// Price is a DescribePrice answer: the list price, the discount and what
// is paid, in the currency the API answers in, for Period PriceUnits.
type Price struct {
	Currency      string  `json:"Currency"`
	OriginalPrice float64 `json:"OriginalPrice"`
	DiscountPrice float64 `json:"DiscountPrice,omitempty"`
	TradePrice    float64 `json:"TradePrice"`
	// PriceUnit is Hour, Week, Month or Year (a PriceUnit; a string for the
	// callers that compare it as one).
	PriceUnit string `json:"PriceUnit"`
	// Period is how many PriceUnits the figure is for (1 per hour).
	Period int `json:"Period,omitempty"`
}

// Unit is the price's PriceUnit, Hour when the answer did not say.
func (p Price) Unit() PriceUnit { return PriceUnit(firstOf(p.PriceUnit, string(UnitHour))) }

// String is the price as a person reads it: "0.640 CNY/hour",
// "2764.800 CNY/3 months".
func (p Price) String() string {
	per := p.Unit().Name()
	if p.Period > 1 {
		per = p.Unit().Periods(p.Period)
	}
	return fmt.Sprintf("%.3f %s/%s", p.TradePrice, p.Currency, per)
}

// RegionData is everything the wizard needs for a region, loaded at once.
type RegionData struct {
	RegionId      string         `json:"RegionId"`
	Billing       Billing        `json:"Billing"`
	Zones         []Zone         `json:"Zones"`
	InstanceTypes []InstanceType `json:"InstanceTypes"` // every type, Status per "any zone"
	// InstanceTypeFamilies lists the region's families with their generation.
	InstanceTypeFamilies []InstanceTypeFamily `json:"InstanceTypeFamilies"`
	Images               []Image              `json:"Images"`
	VPCs                 []VPC                `json:"VPCs"`
	VSwitches            []VSwitch            `json:"VSwitches"`
	SecurityGroups       []SecurityGroup      `json:"SecurityGroups"`
	KeyPairs             []KeyPair            `json:"KeyPairs"`
	// Errors names each list that failed to load ("DescribeImages in cn-hangzhou: …").
	Errors []string `json:"Errors,omitempty"`
}

// Reader is what the wizard and the commands read from the catalog. Each
// view is one call away; lists come from the cache when it is fresh.
type Reader interface {
	Regions(ctx context.Context) ([]Region, error)
	// Load fetches every list of a region in parallel (bounded), each list's
	// error recorded in RegionData.Errors rather than stopping the others.
	Load(ctx context.Context, regionID string, billing Billing) (*RegionData, error)
	Zones(ctx context.Context, regionID string, billing Billing) ([]Zone, error)
	// InstanceTypes lists every type with its status in zoneID ("" = any zone).
	InstanceTypes(ctx context.Context, regionID, zoneID string, billing Billing) ([]InstanceType, error)
	// Images lists available images; arch "" means every architecture.
	Images(ctx context.Context, regionID, arch string) ([]Image, error)
	// DiskCategories lists the system and data disk categories a type supports in a zone.
	DiskCategories(ctx context.Context, regionID, zoneID, instanceType string, billing Billing) (system, data []DiskCategory, err error)
	VPCs(ctx context.Context, regionID string) ([]VPC, error)
	// VSwitches lists a VPC's vSwitches in a zone ("" = every zone).
	VSwitches(ctx context.Context, regionID, vpcID, zoneID string) ([]VSwitch, error)
	SecurityGroups(ctx context.Context, regionID, vpcID string) ([]SecurityGroup, error)
	KeyPairs(ctx context.Context, regionID string) ([]KeyPair, error)
	// TypePrice is the hourly price of one instance of a type (DescribePrice, cached).
	TypePrice(ctx context.Context, regionID, zoneID, instanceType string, billing Billing) (Price, error)
	// Price quotes a whole composed request per hour (DescribePrice).
	Price(ctx context.Context, req *request.Request) (Price, error)
}

// Pricer is what the wizard asks about money: a zone's type prices (with
// progress), a request's bill, and a type's spot price, history and
// suggested limit. *Catalog implements it; tests fake it. It is apart from
// Reader so that a Reader need not price.
type Pricer interface {
	ZonePrices(ctx context.Context, regionID, zoneID string, billing Billing, unit PriceUnit, progress func(done, total int)) (ZonePrices, error)
	Bill(ctx context.Context, req *request.Request) (*Bill, error)
	SpotAdvice(ctx context.Context, regionID, zoneID, instanceType, osType string) (SpotAdvice, error)
}
