package sandbox

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// The instance states a new instance goes through.
const (
	statusPending  = "Pending"
	statusStarting = "Starting"
	statusRunning  = "Running"
)

// status derives an instance's state from its age: Pending for the first
// third of the boot time, Starting until the boot time, then Running.
func (s *Server) status(in *instance, now time.Time) string {
	age := now.Sub(in.Created)
	switch {
	case age < s.opts.BootTime/3:
		return statusPending
	case age < s.opts.BootTime:
		return statusStarting
	}
	return statusRunning
}

// instancesMax is the PageSize and MaxResults maximum of DescribeInstances.
const instancesMax = 100

// instanceFilter is DescribeInstances' filter.
type instanceFilter struct {
	ids                                        map[string]bool
	zone, status, name, vpc, vsw, sg, typ, img string
	keyPair, charge, family                    string
	tags                                       []map[string]string
}

func (c *call) instanceFilter() (instanceFilter, error) {
	ids, err := c.p.jsonList("InstanceIds")
	if err != nil {
		return instanceFilter{}, err
	}
	if len(ids) > 100 {
		return instanceFilter{}, errInvalid("InstanceIds", "more than 100 IDs")
	}
	return instanceFilter{ids: setOf(ids), zone: c.p.Get("ZoneId"), status: c.p.Get("Status"), name: c.p.Get("InstanceName"),
		vpc: c.p.Get("VpcId"), vsw: c.p.Get("VSwitchId"), sg: c.p.Get("SecurityGroupId"), typ: c.p.Get("InstanceType"),
		img: c.p.Get("ImageId"), keyPair: c.p.Get("KeyPairName"), charge: c.p.Get("InstanceChargeType"),
		family: c.p.Get("InstanceTypeFamily"), tags: c.p.structList("Tag")}, nil
}

func (f instanceFilter) match(in *instance, status string) bool {
	eq := func(want, got string) bool { return want == "" || want == got }
	return (len(f.ids) == 0 || f.ids[in.InstanceId]) && eq(f.zone, in.ZoneId) && eq(f.status, status) &&
		(f.name == "" || wildcard(f.name, in.InstanceName)) && eq(f.vpc, in.VpcId) && eq(f.vsw, in.VSwitchId) &&
		(f.sg == "" || contains(in.SecurityGroupIds, f.sg)) && eq(f.typ, in.InstanceType) && eq(f.img, in.ImageId) &&
		eq(f.keyPair, in.KeyPairName) && eq(f.charge, in.InstanceChargeType) &&
		(f.family == "" || strings.HasPrefix(in.InstanceType, f.family+".")) && hasTags(in.Tags, f.tags)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func hasTags(have [][2]string, want []map[string]string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h[0] == w["Key"] && (w["Value"] == "" || h[1] == w["Value"]) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// snapshot is an instance copied out of the state with its status.
type snapshot struct {
	in     instance
	status string
}

// instancesOf lists the region's instances matching f, oldest first.
func (s *Server) instancesOf(regionID string, f instanceFilter) []snapshot {
	out := s.matching(regionID, f, time.Now())
	sort.Slice(out, func(i, j int) bool { return out[i].in.Seq < out[j].in.Seq })
	return out
}

// matching copies the instances matching f out of the state, under the
// lock (released by defer, so a bug cannot leave it held).
func (s *Server) matching(regionID string, f instanceFilter, now time.Time) []snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []snapshot
	for _, in := range s.st.Instances {
		st := s.status(in, now)
		if in.RegionId == regionID && f.match(in, st) {
			out = append(out, snapshot{*in, st})
		}
	}
	return out
}

func (c *call) describeInstances() (any, error) {
	var pg page
	var err error
	if c.p.Get("MaxResults") != "" || c.p.Get("NextToken") != "" {
		pg, err = c.p.tokenParams(10, instancesMax)
	} else {
		pg, err = c.p.pageParams(10, instancesMax)
	}
	if err != nil {
		return nil, err
	}
	f, err := c.instanceFilter()
	if err != nil {
		return nil, err
	}
	all := c.s.instancesOf(c.region.RegionId, f)
	from, to, next := pg.cut(len(all))
	resp := &ecs.DescribeInstancesResponse{RequestId: c.requestID, TotalCount: len(all), PageNumber: pg.Number, PageSize: pg.Size, NextToken: next}
	resp.Instances.Instance = make([]ecs.Instance, 0, to-from)
	for _, sn := range all[from:to] {
		resp.Instances.Instance = append(resp.Instances.Instance, c.sdkInstance(sn))
	}
	return resp, nil
}

const minuteLayout = "2006-01-02T15:04Z"

func (c *call) sdkInstance(sn snapshot) ecs.Instance {
	in := sn.in
	t, _ := c.s.world.Type(in.InstanceType)
	img, _ := c.s.world.Image(in.ImageId)
	out := ecs.Instance{InstanceId: in.InstanceId, InstanceName: in.InstanceName, HostName: in.HostName, Description: in.Description,
		RegionId: in.RegionId, ZoneId: in.ZoneId, Status: sn.status, InstanceType: in.InstanceType, InstanceTypeFamily: t.Family,
		Cpu: t.Cpu, Memory: int(t.MemoryGiB * 1024), GPUAmount: t.GPUAmount, GPUSpec: t.GPUSpec, ImageId: in.ImageId,
		OSType: img.OSType, OSName: img.OSName, OSNameEn: img.OSNameEn, KeyPairName: in.KeyPairName,
		InstanceChargeType: in.InstanceChargeType, InternetChargeType: in.InternetChargeType,
		InternetMaxBandwidthOut: in.InternetMaxBandwidthOut, InternetMaxBandwidthIn: in.InternetMaxBandwidthIn,
		SpotStrategy: in.SpotStrategy, IoOptimized: true, InstanceNetworkType: "vpc", DeletionProtection: in.DeletionProtection,
		CreationTime: in.Created.Format(minuteLayout), AutoReleaseTime: in.AutoReleaseTime, DeviceAvailable: true,
		StoppedMode: "Not-applicable", ResourceGroupId: in.ResourceGroupId, SerialNumber: serial(in.InstanceId),
		LocalStorageAmount: t.LocalStorageAmount, LocalStorageCapacity: t.LocalStorageCapacity, ExpiredTime: "2099-12-31T15:59Z",
	}
	if sn.status == statusRunning {
		out.StartTime = in.Created.Add(c.s.opts.BootTime).Format(minuteLayout)
	}
	if in.InstanceChargeType == "PrePaid" {
		months := in.Period
		if in.PeriodUnit == "Week" {
			out.ExpiredTime = in.Created.AddDate(0, 0, 7*months).Format(minuteLayout)
		} else {
			out.ExpiredTime = in.Created.AddDate(0, months, 0).Format(minuteLayout)
		}
	}
	out.SecurityGroupIds.SecurityGroupId = append([]string{}, in.SecurityGroupIds...)
	out.PublicIpAddress.IpAddress = []string{}
	if in.PublicIp != "" {
		out.PublicIpAddress.IpAddress = []string{in.PublicIp}
	}
	out.InnerIpAddress.IpAddress, out.RdmaIpAddress.IpAddress = []string{}, []string{}
	out.VpcAttributes = ecs.VpcAttributes{VpcId: in.VpcId, VSwitchId: in.VSwitchId,
		PrivateIpAddress: ecs.PrivateIpAddressInDescribeInstanceAttribute{IpAddress: []string{in.PrivateIp}}}
	out.NetworkInterfaces.NetworkInterface = []ecs.NetworkInterface{{
		NetworkInterfaceId: "eni-" + strings.TrimPrefix(in.InstanceId, "i-"), Type: "Primary", MacAddress: mac(in.InstanceId),
		PrimaryIpAddress: in.PrivateIp, VSwitchId: in.VSwitchId,
		PrivateIpSets: ecs.PrivateIpSetsInDescribeInstances{PrivateIpSet: []ecs.PrivateIpSet{{PrivateIpAddress: in.PrivateIp, Primary: true}}},
	}}
	out.MetadataOptions = ecs.MetadataOptions{HttpEndpoint: orDefault(in.HttpEndpoint, "enabled"),
		HttpTokens: orDefault(in.HttpTokens, "optional"), HttpPutResponseHopLimit: in.HttpPutResponseHopLimit}
	if out.MetadataOptions.HttpPutResponseHopLimit == 0 {
		out.MetadataOptions.HttpPutResponseHopLimit = 1 // docs/rules.md T2-29's default
	}
	threads := 2
	if t.Arch == "ARM" {
		threads = 1
	}
	out.CpuOptions = ecs.CpuOptions{CoreCount: t.Cpu / threads, ThreadsPerCore: threads}
	out.OperationLocks.LockReason = []ecs.LockReason{}
	out.Tags.Tag = []ecs.Tag{}
	for _, kv := range in.Tags {
		out.Tags.Tag = append(out.Tags.Tag, ecs.Tag{TagKey: kv[0], TagValue: kv[1]})
	}
	out.ImageOptions = ecs.ImageOptions{ImageFamily: img.ImageFamily, ImageName: img.ImageId, LoginAsNonRoot: false}
	out.NetworkInterfaces.NetworkInterface[0].SecurityGroupIds.SecurityGroupId = append([]string{}, in.SecurityGroupIds...)
	extras(&out, in.Extra)
	return out
}

// extras fills the attributes RunInstances kept in the instance's Extra
// (disks.go instanceExtras).
func extras(out *ecs.Instance, x map[string]string) {
	out.SpotPriceLimit, _ = strconv.ParseFloat(x["SpotPriceLimit"], 64)
	out.SpotDuration, _ = strconv.Atoi(x["SpotDuration"])
	out.SpotInterruptionBehavior = x["SpotInterruptionBehavior"]
	out.CreditSpecification = x["CreditSpecification"]
	out.DeploymentSetId = x["DeploymentSetId"]
}

func serial(id string) string {
	h := fnv.New128a()
	h.Write([]byte(id))
	b := h.Sum(nil)
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func mac(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	v := h.Sum32()
	return fmt.Sprintf("00:16:3e:%02x:%02x:%02x", byte(v>>16), byte(v>>8), byte(v))
}

// instanceStatusMax is DescribeInstanceStatus' PageSize maximum.
const instanceStatusMax = 50

func (c *call) describeInstanceStatus() (any, error) {
	pg, err := c.p.pageParams(10, instanceStatusMax)
	if err != nil {
		return nil, err
	}
	ids := c.p.list("InstanceId")
	if len(ids) > 100 {
		return nil, errInvalid("InstanceId", "more than 100 IDs")
	}
	all := c.s.instancesOf(c.region.RegionId, instanceFilter{ids: setOf(ids), zone: c.p.Get("ZoneId")})
	from, to, _ := pg.cut(len(all))
	resp := &ecs.DescribeInstanceStatusResponse{RequestId: c.requestID, TotalCount: len(all), PageNumber: pg.Number, PageSize: pg.Size}
	resp.InstanceStatuses.InstanceStatus = make([]ecs.InstanceStatus, 0, to-from)
	for _, sn := range all[from:to] {
		resp.InstanceStatuses.InstanceStatus = append(resp.InstanceStatuses.InstanceStatus, ecs.InstanceStatus{InstanceId: sn.in.InstanceId, Status: sn.status})
	}
	return resp, nil
}
