package exporter

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// cliMetaParams are the RunInstances parameters in the aliyun CLI's API
// metadata (aliyun/aliyun-openapi-meta, metadatas/ecs/RunInstances.json, as
// read for this project). The CLI checks every --Name flag against its
// metadata (meta/api.go findParameterInner, docs/sdk-notes.md §7); the SDK
// carries parameters that snapshot lacks, so a CLI built with it may reject
// them unless run with --force.
var cliMetaParams = toSet(`Affinity Amount Arn.N.AssumeRoleFor Arn.N.RoleType Arn.N.Rolearn
AutoReleaseTime AutoRenew AutoRenewPeriod ClientToken CpuOptions.Core CpuOptions.Numa
CpuOptions.ThreadsPerCore CreditSpecification DataDisk.N.AutoSnapshotPolicyId
DataDisk.N.BurstingEnabled DataDisk.N.Category DataDisk.N.DeleteWithInstance DataDisk.N.Description
DataDisk.N.Device DataDisk.N.DiskName DataDisk.N.EncryptAlgorithm DataDisk.N.Encrypted
DataDisk.N.KMSKeyId DataDisk.N.PerformanceLevel DataDisk.N.ProvisionedIops DataDisk.N.Size
DataDisk.N.SnapshotId DataDisk.N.StorageClusterId DedicatedHostId DeletionProtection
DeploymentSetGroupNo DeploymentSetId Description DryRun HibernationOptions.Configured HostName
HostNames.N HpcClusterId HttpEndpoint HttpPutResponseHopLimit HttpTokens ImageFamily ImageId
InstanceChargeType InstanceName InstanceType InternetChargeType InternetMaxBandwidthIn
InternetMaxBandwidthOut IoOptimized Ipv6Address.N Ipv6AddressCount Isp KeyPairName
LaunchTemplateId LaunchTemplateName LaunchTemplateVersion MinAmount NetworkInterface.N.Description
NetworkInterface.N.InstanceType NetworkInterface.N.Ipv6Address.N NetworkInterface.N.Ipv6AddressCount
NetworkInterface.N.NetworkInterfaceName NetworkInterface.N.NetworkInterfaceTrafficMode
NetworkInterface.N.PrimaryIpAddress NetworkInterface.N.QueueNumber NetworkInterface.N.QueuePairNumber
NetworkInterface.N.SecurityGroupId NetworkInterface.N.SecurityGroupIds.N NetworkInterface.N.VSwitchId
NetworkInterfaceQueueNumber Password PasswordInherit Period PeriodUnit PrivateIpAddress
PrivatePoolOptions.Id PrivatePoolOptions.MatchCriteria RamRoleName RegionId ResourceGroupId
SchedulerOptions.DedicatedHostClusterId SecurityEnhancementStrategy SecurityGroupId
SecurityGroupIds.N SecurityOptions.ConfidentialComputingMode SecurityOptions.TrustedSystemMode
SpotDuration SpotInterruptionBehavior SpotPriceLimit SpotStrategy StorageSetId
StorageSetPartitionNumber SystemDisk.AutoSnapshotPolicyId SystemDisk.Category SystemDisk.Description
SystemDisk.DiskName SystemDisk.PerformanceLevel SystemDisk.Size Tag.N.Key Tag.N.Value Tenancy
UniqueSuffix UserData VSwitchId ZoneId`)

func toSet(words string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words) {
		out[w] = true
	}
	return out
}

// noteCLIMeta names the parameters the CLI's metadata may not know.
func noteCLIMeta(r *request.Request, n *notes) {
	for _, k := range r.Keys() {
		if !cliMetaParams[request.PatternOf(k)] {
			n.add(k, i18n.Text("written, but missing from the aliyun CLI's RunInstances metadata as read here: if the CLI rejects a flag, run it with --force"))
		}
	}
}
