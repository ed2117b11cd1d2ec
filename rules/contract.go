// Package rules checks a RunInstances request against every documented rule
// (docs/rules.md Table 1, adjusted by Table 2 where today's API differs). Rules are
// data, each with its source row; offline rules need only the request, catalog
// rules ask a Catalog for Describe data.
package rules

import (
	"context"
	"errors"
	"time"
)

// Severity of a finding.
type Severity string

// The severities: an error blocks the request, a warning does not.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem with one parameter.
type Finding struct {
	// Parameter is the API name with its index, e.g. "DataDisk.2.Size".
	Parameter string `json:"parameter"`
	// Severity is "error" or "warning".
	Severity Severity `json:"severity"`
	// Code is the API error code the spec documents for the violation
	// (e.g. "InvalidDataDiskSize.ValueNotSupported"), or a rule id where it has none.
	Code string `json:"code"`
	// Message states the rule, the allowed values and the value seen
	// (secrets masked).
	Message string `json:"message"`
	// Row cites the rule's source, e.g. "T1-35" or "T2-1" (docs/rules.md).
	Row string `json:"row,omitempty"`
	// HTTPStatus is the status the API answers this code with.
	HTTPStatus int `json:"-"`
}

// ErrNotFound is returned by a Catalog when a referenced resource does not exist.
var ErrNotFound = errors.New("not found")

// ImageFacts is what the rules need to know about an image.
type ImageFacts struct {
	ImageId      string
	OSType       string // "linux" or "windows"
	Architecture string // "x86_64" or "arm64"
	Size         int    // GiB
	Status       string // "Available", …
}

// TypeFacts is what the rules need to know about an instance type in a zone.
type TypeFacts struct {
	InstanceTypeId  string
	CpuArchitecture string // "X86" or "ARM"
	// Status is "Available", "SoldOut" or "NotOffered" in the zone for the
	// billing method asked.
	Status string
	// AvailableZones lists the zones where the type is available.
	AvailableZones []string
	// SystemDiskCategories and DataDiskCategories the type supports in the zone.
	SystemDiskCategories []string
	DataDiskCategories   []string
	// MaxDataDisks is the type's data disk limit (0 when unknown).
	MaxDataDisks int
}

// VSwitchFacts is what the rules need to know about a vSwitch.
type VSwitchFacts struct {
	VSwitchId               string
	VpcId                   string
	ZoneId                  string
	CidrBlock               string
	AvailableIpAddressCount int
}

// SecurityGroupFacts is what the rules need to know about a security group.
type SecurityGroupFacts struct {
	SecurityGroupId string
	VpcId           string
	// SecurityGroupType is "normal" (a basic group) or "enterprise" (an
	// advanced one); "" when unknown.
	SecurityGroupType string
	// EcsCount is the number of instances in the group.
	EcsCount int
	// Capacity is how many instances the group holds in all: EcsCount plus
	// DescribeSecurityGroups' AvailableInstanceAmount (docs/api-shapes.md
	// §8, asked with IsQueryEcsCount); 0 when unknown.
	Capacity int
}

// Documented capacities of a security group in a VPC (docs/rules.md T2-15):
// a basic group holds 2,000 private IPs by default (the account's quota may
// raise it to 6,000), an advanced (enterprise) group 65,536. The 2019 spec
// said 1,000 (T1-8), which is now the classic network's limit.
const (
	BasicGroupCapacity      = 2000
	EnterpriseGroupCapacity = 65536
)

// SpotPriceFacts is the current spot price of one instance of a type in a
// zone (DescribeSpotPriceHistory's latest row).
type SpotPriceFacts struct {
	// Price is per instance per hour, as SpotPriceLimit is (docs/rules.md T1-63).
	Price    float64
	Currency string
	// Since is when the price took effect.
	Since time.Time
}

// Catalog answers the Describe questions behind the catalog rules. The live
// catalog and the sandbox implement it. Methods return ErrNotFound (wrapped
// or not) when the resource does not exist.
type Catalog interface {
	Image(ctx context.Context, regionID, imageID string) (ImageFacts, error)
	InstanceType(ctx context.Context, regionID, zoneID, instanceType, chargeType, spotStrategy string) (TypeFacts, error)
	VSwitch(ctx context.Context, regionID, vSwitchID string) (VSwitchFacts, error)
	SecurityGroup(ctx context.Context, regionID, securityGroupID string) (SecurityGroupFacts, error)
	KeyPairExists(ctx context.Context, regionID, keyPairName string) (bool, error)
	RegionExists(ctx context.Context, regionID string) (bool, error)
	ZoneExists(ctx context.Context, regionID, zoneID string) (bool, error)
	// SpotPrice is the current spot price of a type in a zone for an OS
	// type ("linux" or "windows"); ErrNotFound when the zone does not sell
	// the type as spot.
	SpotPrice(ctx context.Context, regionID, zoneID, instanceType, osType string) (SpotPriceFacts, error)
}
