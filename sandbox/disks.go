package sandbox

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// disk is a cloud disk of a sandbox instance: its system disk or one of
// its data disks, as RunInstances made it.
type disk struct {
	DiskId               string    `json:"DiskId"`
	RegionId             string    `json:"RegionId"`
	ZoneId               string    `json:"ZoneId"`
	InstanceId           string    `json:"InstanceId"`
	Type                 string    `json:"Type"` // system or data
	Category             string    `json:"Category"`
	Size                 int       `json:"Size"`
	PerformanceLevel     string    `json:"PerformanceLevel,omitempty"`
	DiskName             string    `json:"DiskName,omitempty"`
	Description          string    `json:"Description,omitempty"`
	Device               string    `json:"Device"`
	DeleteWithInstance   bool      `json:"DeleteWithInstance"`
	Encrypted            bool      `json:"Encrypted,omitempty"`
	KMSKeyId             string    `json:"KMSKeyId,omitempty"`
	SourceSnapshotId     string    `json:"SourceSnapshotId,omitempty"`
	ImageId              string    `json:"ImageId,omitempty"`
	AutoSnapshotPolicyId string    `json:"AutoSnapshotPolicyId,omitempty"`
	BurstingEnabled      bool      `json:"BurstingEnabled,omitempty"`
	ProvisionedIops      int64     `json:"ProvisionedIops,omitempty"`
	ChargeType           string    `json:"ChargeType"`
	Created              time.Time `json:"Created"`
	Seq                  uint64    `json:"Seq"`
}

// Disk defaults of RunInstances (docs/rules.md, the seed's defaults; T1-36 for
// the system disk size).
const (
	defaultSystemCategory = "cloud_efficiency"
	defaultDataCategory   = "cloud"
	defaultESSDLevel      = "PL1"
	defaultSystemSize     = 40
)

// instanceExtras are the RunInstances parameters DescribeInstances answers
// that the instance record has no field for; they are kept in its Extra.
var instanceExtras = []string{"SpotPriceLimit", "SpotDuration", "SpotInterruptionBehavior", "CreditSpecification",
	"DeploymentSetId", "UserData"}

// recordMade keeps what RunInstances made beside instance in: its disks and
// the parameters DescribeInstances and DescribeUserData answer. s.mu must be
// held (commit holds it).
func (c *call) recordMade(p *runPlan, in *instance) {
	req := p.req
	for _, k := range instanceExtras {
		if v := req.Get(k); v != "" {
			if in.Extra == nil {
				in.Extra = map[string]string{}
			}
			in.Extra[k] = v
		}
	}
	m := c.s.madeState()
	sys := c.newDisk(in, "system", "/dev/xvda", systemFields(req))
	sys.ImageId, sys.DeleteWithInstance = in.ImageId, true
	sys.Category = orDefault(sys.Category, defaultSystemCategory)
	if sys.Size == 0 {
		sys.Size = max(defaultSystemSize, p.img.Size)
	}
	sys.PerformanceLevel = essdLevel(sys.Category, sys.PerformanceLevel)
	m.Disks[sys.DiskId] = sys
	for i := 1; i <= req.Count("DataDisk"); i++ {
		f := req.Item("DataDisk", i)
		if len(f) == 0 {
			continue
		}
		d := c.newDisk(in, "data", orDefault(f["Device"], dataDevice(i)), f)
		d.Category = orDefault(d.Category, defaultDataCategory)
		d.PerformanceLevel = essdLevel(d.Category, d.PerformanceLevel)
		d.DeleteWithInstance = f["DeleteWithInstance"] != "false"
		d.SourceSnapshotId = f["SnapshotId"]
		m.Disks[d.DiskId] = d
	}
}

// essdLevel is a disk's performance level: PL1 by default for an ESSD,
// none for other categories.
func essdLevel(category, level string) string {
	if category != "cloud_essd" {
		return ""
	}
	return orDefault(level, defaultESSDLevel)
}

// systemFields reads SystemDisk.* as one item's fields.
func systemFields(req *request.Request) map[string]string {
	out := map[string]string{}
	for _, f := range []string{"Category", "Size", "PerformanceLevel", "DiskName", "Description", "Encrypted",
		"KMSKeyId", "AutoSnapshotPolicyId", "BurstingEnabled", "ProvisionedIops"} {
		if v := req.Get("SystemDisk." + f); v != "" {
			out[f] = v
		}
	}
	return out
}

// dataDevice is the device of data disk i: /dev/xvdb, /dev/xvdc… then
// /dev/xvdaa beyond 25 disks (docs/rules.md T2-7).
func dataDevice(i int) string {
	if i <= 25 {
		return "/dev/xvd" + string(rune('a'+i))
	}
	return fmt.Sprintf("/dev/xvd%c%c", 'a'+(i-26)/26, 'a'+(i-26)%26)
}

// newDisk builds a disk of instance in from its RunInstances fields
// (SystemDisk.* or DataDisk.N.*); s.mu is held.
func (c *call) newDisk(in *instance, typ, device string, f map[string]string) *disk {
	id, seq := c.newID("d", in.InstanceId+"/"+device)
	iops, _ := strconv.ParseInt(f["ProvisionedIops"], 10, 64)
	return &disk{DiskId: id, RegionId: in.RegionId, ZoneId: in.ZoneId, InstanceId: in.InstanceId, Type: typ,
		Category: f["Category"], Size: sizeOr(f["Size"], 0), PerformanceLevel: f["PerformanceLevel"],
		DiskName: f["DiskName"], Description: f["Description"], Device: device, Encrypted: f["Encrypted"] == "true",
		KMSKeyId: f["KMSKeyId"], AutoSnapshotPolicyId: f["AutoSnapshotPolicyId"], BurstingEnabled: f["BurstingEnabled"] == "true",
		ProvisionedIops: iops, ChargeType: in.InstanceChargeType, Created: in.Created, Seq: seq}
}

// sizeOr parses a size, def when absent or not a number (the rules have
// already refused a malformed one).
func sizeOr(v string, def int) int {
	if n, err := strconv.Atoi(v); err == nil {
		return n
	}
	return def
}

// disksMax is DescribeDisks' PageSize maximum; MaxResults runs 10 to 500.
const (
	disksPageMax   = 100
	disksTokenMin  = 10
	disksTokenMax  = 500
	diskIdsMaximum = 100
)

// disksOf lists the region's disks matching the filter, by instance then
// system disk first.
func (s *Server) disksOf(regionID string, match func(*disk) bool) []disk {
	s.mu.Lock()
	var out []disk
	for _, d := range s.madeState().Disks {
		if d.RegionId == regionID && match(d) {
			out = append(out, *d)
		}
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

func (c *call) describeDisks() (any, error) {
	var pg page
	var err error
	if c.p.Get("MaxResults") != "" || c.p.Get("NextToken") != "" {
		n, err := c.p.intParam("MaxResults", disksTokenMin)
		if err != nil {
			return nil, err
		}
		c.p.Set("MaxResults", strconv.Itoa(min(max(n, disksTokenMin), disksTokenMax)))
		pg, err = c.p.tokenParams(disksTokenMin, disksTokenMax)
		if err != nil {
			return nil, err
		}
	} else if pg, err = c.p.pageParams(10, disksPageMax); err != nil {
		return nil, err
	}
	match, err := c.diskFilter()
	if err != nil {
		return nil, err
	}
	all := c.s.disksOf(c.region.RegionId, match)
	from, to, next := pg.cut(len(all))
	resp := &ecs.DescribeDisksResponse{RequestId: c.requestID, TotalCount: len(all), PageNumber: pg.Number, PageSize: pg.Size, NextToken: next}
	resp.Disks.Disk = make([]ecs.Disk, 0, to-from)
	for _, d := range all[from:to] {
		resp.Disks.Disk = append(resp.Disks.Disk, c.sdkDisk(d))
	}
	return resp, nil
}

// diskCategories are the Category filter values DescribeDisks takes.
var diskCategories = map[string]bool{"all": true, "cloud": true, "cloud_efficiency": true, "cloud_ssd": true,
	"cloud_essd": true, "cloud_auto": true, "cloud_essd_entry": true, "local_ssd_pro": true, "local_hdd_pro": true,
	"ephemeral": true, "ephemeral_ssd": true, "elastic_ephemeral_disk_standard": true, "elastic_ephemeral_disk_premium": true}

// diskFilter builds DescribeDisks' filter: DiskIds, InstanceId, DiskType,
// Category, ZoneId, Status, SnapshotId.
func (c *call) diskFilter() (func(*disk) bool, error) {
	ids, err := c.p.jsonList("DiskIds")
	if err != nil {
		return nil, &apiError{http.StatusBadRequest, "InvalidParameter.DiskIds", "The specified parameter diskIds is not valid."}
	}
	if len(ids) > diskIdsMaximum {
		return nil, &apiError{http.StatusForbidden, "InvalidDiskIds.Malformed", "The amount of specified disk Ids exceeds the limit."}
	}
	want := setOf(ids)
	typ := orDefault(c.p.Get("DiskType"), "all")
	if typ != "all" && typ != "system" && typ != "data" {
		return nil, &apiError{http.StatusBadRequest, "InvalidDiskType.ValueNotSupported", "The specified disk type is not supported."}
	}
	cat := orDefault(c.p.Get("Category"), "all")
	if !diskCategories[cat] {
		return nil, &apiError{http.StatusBadRequest, "InvalidCategory.ValueNotSupported", "The specified disk category is not supported."}
	}
	status := c.p.Get("Status")
	switch status {
	case "", "All", "In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting":
	default:
		return nil, &apiError{http.StatusBadRequest, "InvalidStatus.ValueNotSupported", "The specified disk status is not supported."}
	}
	inst, zone, snap := c.p.Get("InstanceId"), c.p.Get("ZoneId"), c.p.Get("SnapshotId")
	return func(d *disk) bool {
		return (len(want) == 0 || want[d.DiskId]) && (inst == "" || inst == d.InstanceId) &&
			(typ == "all" || typ == d.Type) && (cat == "all" || cat == d.Category) && (zone == "" || zone == d.ZoneId) &&
			(status == "" || status == "All" || status == "In_use") && (snap == "" || snap == d.SourceSnapshotId)
	}, nil
}

func (c *call) sdkDisk(d disk) ecs.Disk {
	out := ecs.Disk{DiskId: d.DiskId, RegionId: d.RegionId, ZoneId: d.ZoneId, InstanceId: d.InstanceId, Type: d.Type,
		Category: d.Category, Size: d.Size, PerformanceLevel: d.PerformanceLevel, DiskName: d.DiskName,
		Description: d.Description, Device: d.Device, DeleteWithInstance: d.DeleteWithInstance, Encrypted: d.Encrypted,
		KMSKeyId: d.KMSKeyId, SourceSnapshotId: d.SourceSnapshotId, ImageId: d.ImageId,
		AutoSnapshotPolicyId: d.AutoSnapshotPolicyId, BurstingEnabled: d.BurstingEnabled, ProvisionedIops: d.ProvisionedIops,
		Status: "In_use", Portable: d.Type == "data", DiskChargeType: d.ChargeType, MountInstanceNum: 1,
		CreationTime: d.Created.Format(timeLayout), AttachedTime: d.Created.Format(timeLayout),
		ExpiredTime: "2999-09-08T16:00Z", SerialNumber: serial(d.DiskId), MultiAttach: "Disabled",
		ResourceGroupId: world.ID("rg", "acfm", d.RegionId), EnableAutoSnapshot: true, DeleteAutoSnapshot: true,
		IOPS: diskIOPS(d),
	}
	out.Tags.Tag = []ecs.Tag{}
	out.OperationLocks.OperationLock = []ecs.OperationLock{}
	out.MountInstances.MountInstance = []ecs.MountInstance{}
	out.Attachments.Attachment = []ecs.Attachment{{InstanceId: d.InstanceId, Device: d.Device, AttachedTime: d.Created.Format(timeLayout)}}
	return out
}

// diskIOPS is the documented baseline IOPS of an ESSD by level (1,800 +
// 50 per GiB up to the level's cap); other categories report 0 here.
func diskIOPS(d disk) int {
	if d.Category != "cloud_essd" {
		return 0
	}
	caps := map[string]int{"PL0": 10000, "PL1": 50000, "PL2": 100000, "PL3": 1000000}
	return min(1800+50*d.Size, caps[orDefault(d.PerformanceLevel, defaultESSDLevel)])
}

func (c *call) describeUserData() (any, error) {
	id := c.p.Get("InstanceId")
	if id == "" {
		return nil, errMissing("InstanceId")
	}
	list := c.s.instancesOf(c.region.RegionId, instanceFilter{ids: setOf([]string{id})})
	if len(list) == 0 {
		return nil, &apiError{http.StatusNotFound, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist."}
	}
	return &ecs.DescribeUserDataResponse{RequestId: c.requestID, InstanceId: id, RegionId: c.region.RegionId,
		UserData: list[0].in.Extra["UserData"]}, nil
}
