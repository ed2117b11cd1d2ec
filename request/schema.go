// Package request holds the RunInstances request: every parameter the classic
// SDK's ecs.RunInstancesRequest carries, named exactly as in the API, as one
// flat, ordered set of API parameters ("DataDisk.2.Size" = "100").
//
// The flat form is the one representation that the launch file, the
// exporters, the sandbox and the error mapping share; the typed SDK request is
// built from it afresh for every call.
package request

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// Type is the value type of a parameter, as the API documents it.
type Type int

// The parameter types. The SDK sends everything as a string; these decide how
// a launch file writes the value (40 rather than "40") and what a check expects.
const (
	String Type = iota
	Integer
	Boolean
	Float
)

// String names the type as the API reference does.
func (t Type) String() string {
	return [...]string{"String", "Integer", "Boolean", "Float"}[t]
}

// Spec describes one parameter pattern, e.g. "DataDisk.N.Size".
type Spec struct {
	// Pattern is the API name with N for every repeat-list index.
	Pattern string
	// Type is the documented value type.
	Type Type
	// Secret marks values that must never be written or shown (Password).
	Secret bool
	// Seed is true for parameters documented by the 2019 spec; false for
	// parameters only today's API and the SDK carry.
	Seed bool
	// sdkPath locates the field in ecs.RunInstancesRequest.
	sdkPath []sdkStep
	rank    int
}

// sdkStep is one hop from the SDK request to a field: a struct field index,
// and whether that field is a repeat list (*[]T).
type sdkStep struct {
	field    int
	repeated bool
}

// seedOrder is the order of the parameters in the API reference
// (apidoc/RunInstances.zh.md, 请求参数). Exports list flags in this order, then the
// parameters only the SDK has, in the SDK's order.
var seedOrder = []string{
	"RegionId", "ZoneId", "ImageId", "SecurityGroupId", "VSwitchId", "InstanceType",
	"InternetMaxBandwidthIn", "InternetMaxBandwidthOut", "InstanceName", "HostName",
	"UniqueSuffix", "Description", "PasswordInherit", "Password", "KeyPairName",
	"SystemDisk.Size", "SystemDisk.Category", "SystemDisk.DiskName", "SystemDisk.Description",
	"DataDisk.N.Size", "DataDisk.N.SnapshotId", "DataDisk.N.Category", "DataDisk.N.Encrypted",
	"DataDisk.N.KMSKeyId", "DataDisk.N.DiskName", "DataDisk.N.Description", "DataDisk.N.Device",
	"DataDisk.N.DeleteWithInstance", "IoOptimized", "NetworkInterface.N.PrimaryIpAddress",
	"NetworkInterface.N.VSwitchId", "NetworkInterface.N.SecurityGroupId",
	"NetworkInterface.N.NetworkInterfaceName", "NetworkInterface.N.Description", "RamRoleName",
	"UserData", "MinAmount", "Amount", "SpotPriceLimit", "SpotStrategy", "SpotInterruptionBehavior",
	"CreditSpecification", "SecurityEnhancementStrategy", "DeploymentSetId", "DedicatedHostId",
	"Tag.N.Key", "Tag.N.Value", "HpcClusterId", "ResourceGroupId", "LaunchTemplateId",
	"LaunchTemplateName", "LaunchTemplateVersion", "DeletionProtection", "AutoReleaseTime",
	"InternetChargeType", "Period", "AutoRenew", "PeriodUnit", "AutoRenewPeriod",
	"InstanceChargeType", "Ipv6AddressCount", "PrivateIpAddress", "Ipv6Address.N", "DryRun",
	"ClientToken", "SecurityGroupIds.N", "SystemDisk.PerformanceLevel",
	"DataDisk.N.PerformanceLevel", "Affinity", "Tenancy",
}

// typeOverrides gives the documented type of parameters that the SDK carries
// as plain strings (it sends every value as a string anyway).
var typeOverrides = map[string]Type{
	"SystemDisk.Size": Integer, "SystemDisk.ProvisionedIops": Integer,
	"SystemDisk.BurstingEnabled": Boolean, "SystemDisk.Encrypted": Boolean,
	"DataDisk.N.Size": Integer, "DataDisk.N.ProvisionedIops": Integer,
	"DataDisk.N.Encrypted": Boolean, "DataDisk.N.DeleteWithInstance": Boolean,
	"DataDisk.N.BurstingEnabled":     Boolean,
	"NetworkInterface.N.QueueNumber": Integer, "NetworkInterface.N.QueuePairNumber": Integer,
	"NetworkInterface.N.Ipv6AddressCount": Integer, "NetworkInterface.N.NetworkCardIndex": Integer,
	"NetworkInterface.N.DeleteOnRelease": Boolean, "NetworkInterface.N.RxQueueSize": Integer,
	"NetworkInterface.N.TxQueueSize": Integer, "NetworkInterface.N.SourceDestCheck": Boolean,
	"NetworkOptions.EnableJumboFrame": Boolean, "ImageOptions.LoginAsNonRoot": Boolean,
	"PrivateDnsNameOptions.EnableInstanceIdDnsARecord":    Boolean,
	"PrivateDnsNameOptions.EnableInstanceIdDnsAAAARecord": Boolean,
	"PrivateDnsNameOptions.EnableIpDnsARecord":            Boolean,
	"PrivateDnsNameOptions.EnableIpDnsPtrRecord":          Boolean,
	"AdditionalInfo.EnableHighDensityMode":                Boolean,
}

// secrets are the parameters whose values are never written, logged or shown.
var secrets = map[string]bool{"Password": true}

var (
	specs     []Spec
	byPattern map[string]*Spec
	prefixes  map[string]int // rank of every prefix pattern, for ordering
	children  map[string][]string
)

func init() {
	// RegionId lives in the SDK's embedded RpcRequest, not in a tagged field.
	found := []Spec{{Pattern: "RegionId", Type: String}}
	walkSDK(reflect.TypeOf(ecs.RunInstancesRequest{}), "", nil, &found)
	sdkIndex := map[string]int{}
	for i, s := range found {
		sdkIndex[s.Pattern] = i
	}
	order := make([]string, 0, len(found))
	seen := map[string]bool{}
	for _, p := range seedOrder {
		if _, ok := sdkIndex[p]; ok && !seen[p] {
			order, seen[p] = append(order, p), true
		}
	}
	for _, s := range found {
		if !seen[s.Pattern] {
			order, seen[s.Pattern] = append(order, s.Pattern), true
		}
	}
	seedSet := map[string]bool{}
	for _, p := range seedOrder {
		seedSet[p] = true
	}
	byPattern = map[string]*Spec{}
	prefixes = map[string]int{}
	children = map[string][]string{}
	specs = make([]Spec, 0, len(order))
	for i, p := range order {
		s := found[sdkIndex[p]]
		s.rank, s.Seed, s.Secret = i, seedSet[p], secrets[p]
		if t, ok := typeOverrides[p]; ok {
			s.Type = t
		}
		specs = append(specs, s)
		registerPrefixes(p)
	}
	for i := range specs {
		byPattern[specs[i].Pattern] = &specs[i]
	}
}

// registerPrefixes ranks every prefix of p ("DataDisk", "DataDisk.N",
// "DataDisk.N.Size") by first appearance and records the parent → child edges.
func registerPrefixes(p string) {
	segs := strings.Split(p, ".")
	for i := range segs {
		pre := strings.Join(segs[:i+1], ".")
		if _, ok := prefixes[pre]; ok {
			continue
		}
		prefixes[pre] = len(prefixes)
		parent := strings.Join(segs[:i], ".")
		children[parent] = append(children[parent], segs[i])
	}
}

// walkSDK collects the parameter patterns of an SDK request struct from its
// `name` and `type` tags, the same tags the SDK flattens on the wire.
func walkSDK(t reflect.Type, prefix string, path []sdkStep, out *[]Spec) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := f.Tag.Get("name")
		if f.Anonymous || name == "" {
			continue
		}
		full := name
		if prefix != "" {
			full = prefix + "." + name
		}
		step := sdkStep{field: i}
		switch {
		case f.Tag.Get("type") == "Repeated":
			step.repeated = true
			elem := f.Type.Elem().Elem() // *[]T → T
			p := append(append([]sdkStep{}, path...), step)
			if elem.Kind() == reflect.Struct {
				walkSDK(elem, full+".N", p, out)
			} else {
				*out = append(*out, Spec{Pattern: full + ".N", Type: String, sdkPath: p})
			}
		case f.Tag.Get("type") == "Struct":
			walkSDK(f.Type, full, append(append([]sdkStep{}, path...), step), out)
		default:
			*out = append(*out, Spec{Pattern: full, Type: sdkType(f.Type), sdkPath: append(append([]sdkStep{}, path...), step)})
		}
	}
}

// SDKPatterns lists the parameter patterns of any classic-SDK request
// struct (e.g. ecs.CreateLaunchTemplateRequest{}), read from the same
// `name`/`type` tags the SDK flattens on the wire, with N for list indexes.
// RegionId, which lives in the embedded RpcRequest, is not included.
func SDKPatterns(req any) []string {
	var found []Spec
	walkSDK(reflect.TypeOf(req), "", nil, &found)
	out := make([]string, len(found))
	for i, s := range found {
		out[i] = s.Pattern
	}
	return out
}

// sdkType maps the SDK's requests.Integer/Boolean/Float string types.
func sdkType(t reflect.Type) Type {
	switch t.Name() {
	case "Integer":
		return Integer
	case "Boolean":
		return Boolean
	case "Float":
		return Float
	}
	return String
}

// Specs returns every parameter pattern in the API reference's order.
func Specs() []Spec { return specs }

// Lookup returns the spec of a flat key ("DataDisk.2.Size") or of a pattern
// ("DataDisk.N.Size").
func Lookup(key string) (Spec, bool) {
	s, ok := byPattern[PatternOf(key)]
	if !ok {
		return Spec{}, false
	}
	return *s, true
}

// PatternOf replaces every numeric segment of a flat key with N.
func PatternOf(key string) string {
	if !strings.ContainsAny(key, "0123456789") {
		return key
	}
	segs := strings.Split(key, ".")
	for i, s := range segs {
		if i > 0 && isIndex(s) {
			segs[i] = "N"
		}
	}
	return strings.Join(segs, ".")
}

// Children lists the names allowed under a prefix pattern ("" for the top
// level, "DataDisk.N" for a data disk's fields); "N" marks a repeat list.
func Children(prefix string) []string { return children[prefix] }

// IsPrefix reports whether p is a pattern or a prefix of one.
func IsPrefix(p string) bool { _, ok := prefixes[p]; return ok }

func isIndex(s string) bool {
	if s == "" || len(s) > 4 || s[0] == '0' {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// sortKeys orders flat keys as the API reference lists their parameters,
// list items by index.
func sortKeys(keys []string) {
	type seg struct{ idx, rank int }
	tuples := make(map[string][]seg, len(keys))
	for _, k := range keys {
		segs := strings.Split(k, ".")
		t := make([]seg, len(segs))
		pre := ""
		for i, s := range segs {
			if i > 0 && isIndex(s) {
				n, _ := strconv.Atoi(s)
				t[i] = seg{idx: n}
				s = "N"
			}
			if pre == "" {
				pre = s
			} else {
				pre += "." + s
			}
			if t[i].idx == 0 {
				t[i].rank = prefixes[pre]
			}
		}
		tuples[k] = t
	}
	sort.SliceStable(keys, func(a, b int) bool {
		ta, tb := tuples[keys[a]], tuples[keys[b]]
		for i := 0; i < len(ta) && i < len(tb); i++ {
			if ta[i] != tb[i] {
				if ta[i].idx != tb[i].idx {
					return ta[i].idx < tb[i].idx
				}
				return ta[i].rank < tb[i].rank
			}
		}
		return len(ta) < len(tb)
	})
}
