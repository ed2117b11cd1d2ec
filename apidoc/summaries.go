package apidoc

// summaries holds the one-line English summary of every parameter: what it
// does, then its rule as today's API applies it. Rules follow the spec
// (docs/rules.md Table 1) except where Table 2 records a change; the comment cites
// the rows. Parameters only today's API has are summarised from Table 2 and
// the SDK.
var summaries = map[string]string{
	// Placement and identity.
	"Action":               "The API action; the SDK sets it to RunInstances for you.",
	"RegionId":             "Region to launch in, e.g. cn-hangzhou; required, and must be a region DescribeRegions lists.",                                                           // T1-1
	"ZoneId":               "Zone inside the region; optional (a zone is picked for you), but it must match the vSwitch's zone and is required for spot instances.",                  // T1-14, T1-15, T2-28
	"ImageId":              "Image the instance boots from; required unless a launch template or ImageFamily supplies the image, and it must support the instance type.",             // T1-2..4, T2-16
	"ImageFamily":          "Image family: boots the newest available image of the family; not allowed together with ImageId.",                                                       // T2-16
	"InstanceType":         "Instance type (vCPU, memory, family), e.g. ecs.g7.large; required unless a launch template sets it, and it must be on sale in the zone.",                // T1-5, T1-6
	"SecurityGroupId":      "Security group (firewall rules) the instance joins; required unless SecurityGroupIds.N or a launch template is used; not both with SecurityGroupIds.N.", // T1-7..9
	"SecurityGroupIds.N":   "Several security groups to join at once (up to your per-instance quota); not allowed together with SecurityGroupId.",                                    // T1-10, T2-14
	"VSwitchId":            "vSwitch (subnet) for the instance's private IP; required in a VPC, and it must be in the chosen zone and in the security group's VPC.",                  // T1-11..14
	"PrivateIpAddress":     "Fixed private IPv4 address; must be a free address inside the vSwitch's CIDR, not its first or last 3 (reserved); Amount > 1 takes consecutive ones.",   // T1-89, T2-11
	"ResourceGroupId":      "Resource group the instance belongs to, for access control and billing views; must exist (rg-…).",                                                       // T1-74
	"DeploymentSetId":      "Deployment set that spreads instances over separate physical servers; must exist (ds-…).",                                                               // T1-67
	"DeploymentSetGroupNo": "Group number (1–7) inside a deployment set that uses the group strategy.",                                                                               // T2-34
	"DedicatedHostId":      "Dedicated host to place the instance on (dh-…); spot settings are ignored there and a subscription may not outlast the host.",                           // T1-68
	"Tenancy":              "Whether to create the instance on a dedicated host: default (shared hardware) or host (picks a dedicated host if DedicatedHostId is empty).",            // T1-94
	"Affinity":             "For dedicated-host instances: host keeps a stopped instance on the same host; default (the default) lets it move.",                                      // T1-93
	"HpcClusterId":         "E-HPC cluster the instance joins; required for some SCC instance types and refused for others.",                                                         // T1-73
	"SchedulerOptions.DedicatedHostClusterId": "Dedicated host cluster to place the instance in; only with Tenancy=host.", // T2-34
	"SchedulerOptions.ManagedPrivateSpaceId":  "Managed private space to schedule the instance into (newer API option).",  // T2-34

	// Network bandwidth and addresses.
	"InternetMaxBandwidthOut":                        "Outbound public bandwidth in Mbit/s, 0–100; above 0 the instance gets a public IP automatically.",                                               // T1-17
	"InternetMaxBandwidthIn":                         "Inbound public bandwidth in Mbit/s: 1–10 (default 10) when outbound is 10 or less, else up to the outbound bandwidth.",                          // T1-16, T2-8
	"InternetChargeType":                             "How public bandwidth is billed: PayByTraffic (default, per GB used) or PayByBandwidth (per Mbit/s reserved).",                                   // T1-19, T2-9
	"Isp":                                            "Internet line (carrier) for the public IP; a preview feature in a few regions.",                                                                 // T2-34
	"Ipv6AddressCount":                               "Number of random IPv6 addresses for the primary network interface, 1–10; not together with Ipv6Address.N; the vSwitch needs IPv6.",              // T1-87, T2-13
	"Ipv6Address.N":                                  "Specific IPv6 addresses for the primary network interface (up to 10, inside the vSwitch's IPv6 block); needs Amount=1 and no Ipv6AddressCount.", // T1-88, T2-13
	"NetworkInterfaceQueueNumber":                    "Number of queues of the primary network interface, at least 1 and at most the instance type's limit.",                                           // T2-34
	"NetworkOptions.EnableJumboFrame":                "Whether the instance uses jumbo frames (large MTU); true by default where the type supports it.",                                                // T2-34
	"NetworkInterface.N.PrimaryIpAddress":            "Primary private IP of network interface N; defaults to a free address of its vSwitch.",                                                          // T2-12
	"NetworkInterface.N.VSwitchId":                   "vSwitch of network interface N; required for a Primary interface, defaults to the instance's vSwitch for a secondary one.",                      // T2-12
	"NetworkInterface.N.SecurityGroupId":             "Security group of network interface N; defaults to the instance's security group.",                                                              // T2-12
	"NetworkInterface.N.SecurityGroupIds.N":          "Several security groups for network interface N; not together with its SecurityGroupId.",                                                        // T2-12
	"NetworkInterface.N.NetworkInterfaceName":        "Name of network interface N: 2–128 letters (any script), digits, ':', '_', '.' or '-'.",                                                         // T2-18
	"NetworkInterface.N.Description":                 "Description of network interface N: 2–256 characters, not starting with http:// or https://.",                                                   // T1-29
	"NetworkInterface.N.InstanceType":                "Role of network interface N: Secondary (default) or Primary; a Primary one replaces the top-level VSwitchId, security group and IP settings.",   // T2-12
	"NetworkInterface.N.NetworkInterfaceTrafficMode": "Traffic mode of network interface N: Standard or HighPerformance (eRDMA).",                                                                      // T2-12
	"NetworkInterface.N.QueueNumber":                 "Number of queues of network interface N, at least 1.",                                                                                           // T2-12
	"NetworkInterface.N.QueuePairNumber":             "Number of RDMA queue pairs of network interface N (HighPerformance mode).",                                                                      // T2-12
	"NetworkInterface.N.Ipv6AddressCount":            "Number of random IPv6 addresses of network interface N, 1–10.",                                                                                  // T2-12
	"NetworkInterface.N.Ipv6Address.N":               "Specific IPv6 addresses of network interface N, up to 10.",                                                                                      // T2-12
	"NetworkInterface.N.NetworkCardIndex":            "Physical network card the interface attaches to; 0 for a Primary interface.",                                                                    // T2-12
	"NetworkInterface.N.DeleteOnRelease":             "Whether network interface N is released with the instance; true by default.",                                                                    // T2-12
	"NetworkInterface.N.NetworkInterfaceId":          "Existing network interface (eni-…) to attach as interface N instead of creating one.",                                                           // T2-12
	"NetworkInterface.N.RxQueueSize":                 "Receive queue depth of network interface N: a power of two from 8192 to 16384, equal to TxQueueSize.",                                           // T2-12
	"NetworkInterface.N.TxQueueSize":                 "Transmit queue depth of network interface N: a power of two from 8192 to 16384, equal to RxQueueSize.",                                          // T2-12
	"NetworkInterface.N.SourceDestCheck":             "Whether network interface N drops traffic not addressed to it (source/destination check).",                                                      // T2-12

	// Naming and access.
	"InstanceName":                "Display name: 2–128 letters (any script), digits, ':', '_', '.' or '-'; defaults to the instance ID.",                                                            // T1-20..22, T2-18
	"HostName":                    "Host name inside the OS: Windows 2–15 letters, digits or '-' (not all digits); Linux 2–64 with dot-separated parts; no leading, trailing or doubled '.' or '-'.", // T1-23..25, T2-17
	"HostNames.N":                 "One host name per instance, as many as Amount; not together with HostName.",                                                                                      // T2-17
	"UniqueSuffix":                "Appends 001, 002, … to InstanceName and HostName when launching several instances; the suffix uses 3 of their characters.",                                       // T1-26..28, T2-19
	"Description":                 "Free-text description of the instance: 2–256 characters, not starting with http:// or https://.",                                                                 // T1-29
	"Password":                    "Login password: 8–30 characters using 3 of upper case, lower case, digits and ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ (Windows: not starting with '/').",                  // T1-31..33
	"PasswordInherit":             "Use the password already set in the image; Password must then be empty.",                                                                                         // T1-30
	"KeyPairName":                 "SSH key pair to log in to a Linux instance; ignored for Windows images.",                                                                                         // T1-34, T2-32
	"RamRoleName":                 "RAM role the instance assumes, so software on it gets temporary credentials; must exist and you need permission to pass it.",                                     // T1-59
	"UserData":                    "Script or cloud-init data run at first boot, Base64-encoded; up to 32 KB before encoding.",                                                                       // T2-20
	"SecurityEnhancementStrategy": "Security hardening agent: Active (public images only) installs it, Deactive leaves it off.",                                                                      // T1-66
	"ImageOptions.LoginAsNonRoot": "Log in as the non-root user ecs-user instead of root (images that support it).",                                                                                  // T2-34
	"Tag.N.Key":                   "Tag key N (1–20 tags): 1–128 characters, not starting with aliyun or acs:, no http:// or https://; keys must be unique.",                                         // T1-69..72, T2-21
	"Tag.N.Value":                 "Tag value N: up to 128 characters, may be empty, no http:// or https://; needs its Tag.N.Key.",                                                                   // T1-71, T2-22
	"SystemTag.N.Key":             "System tag key (reserved for Alibaba Cloud services; not for ordinary use).",
	"SystemTag.N.Value":           "System tag value (reserved for Alibaba Cloud services).",
	"SystemTag.N.Scope":           "Visibility scope of the system tag (reserved for Alibaba Cloud services).",

	// Instance metadata (docs/rules.md T2-29).
	"HttpEndpoint":            "Whether the instance metadata service is reachable from the instance: enabled (default) or disabled.",
	"HttpTokens":              "Whether the metadata service requires session tokens (IMDSv2): optional (default) or required, which is safer.",
	"HttpPutResponseHopLimit": "How many network hops a metadata token response may travel, 1–64 (default 1).",

	// System disk.
	"SystemDisk.Size":                 "Size of the system disk in GiB: 20–500 for cloud, up to 2048 for ESSD and others, and at least the image size.",                              // T1-35, T1-36, T2-1
	"SystemDisk.Category":             "System disk type: cloud_essd, cloud_auto, cloud_essd_entry, cloud_ssd, cloud_efficiency or cloud; must be offered for the type in the zone.", // T1-37, T2-2
	"SystemDisk.PerformanceLevel":     "ESSD performance level: PL0, PL1 (default), PL2 (size ≥ 461 GiB) or PL3 (size ≥ 1261 GiB); only for cloud_essd.",                             // T1-40, T2-1, T2-3
	"SystemDisk.DiskName":             "Name of the system disk: 2–128 letters (any script), digits, ':', '_', '.' or '-'.",                                                          // T1-38, T2-18
	"SystemDisk.Description":          "Description of the system disk: 2–256 characters, not starting with http:// or https://.",                                                    // T1-39
	"SystemDisk.Encrypted":            "Whether the system disk is encrypted; with SystemDisk.KMSKeyId it uses your own KMS key.",                                                    // T2-6
	"SystemDisk.KMSKeyId":             "KMS key that encrypts the system disk; needs SystemDisk.Encrypted=true.",                                                                     // T2-6
	"SystemDisk.EncryptAlgorithm":     "Encryption algorithm of the system disk (AES-256 by default, SM4 where offered).",                                                            // T2-6
	"SystemDisk.AutoSnapshotPolicyId": "Automatic snapshot policy applied to the system disk; must exist.",                                                                           // T2-6
	"SystemDisk.StorageClusterId":     "Dedicated block storage cluster for the system disk.",                                                                                        // T2-6
	"SystemDisk.ProvisionedIops":      "Extra provisioned IOPS for a cloud_auto (ESSD AutoPL) system disk; 0 up to 50000 minus the disk's baseline.",                                 // T2-6
	"SystemDisk.BurstingEnabled":      "Whether a cloud_auto (ESSD AutoPL) system disk may burst above its IOPS.",                                                                    // T2-6

	// Data disks.
	"DataDisk.N.Size":                 "Size of data disk N (up to 16) in GiB: cloud 5–2000, cloud_efficiency/cloud_ssd 20–32768, cloud_essd 1–32768 by level, cloud_auto 1–32768.", // T1-42, T2-4
	"DataDisk.N.Category":             "Type of data disk N: cloud_essd, cloud_auto, cloud_essd_entry, cloud_ssd, cloud_efficiency (default on I/O-optimized types) or cloud.",      // T1-45, T2-5
	"DataDisk.N.PerformanceLevel":     "ESSD performance level of data disk N: PL0, PL1 (default), PL2 (≥ 461 GiB) or PL3 (≥ 1261 GiB); only for cloud_essd.",                       // T2-3, T2-4
	"DataDisk.N.SnapshotId":           "Snapshot to create data disk N from; the disk then takes the snapshot's size, and the snapshot must be a finished data-disk snapshot.",      // T1-43, T1-44
	"DataDisk.N.Encrypted":            "Whether data disk N is encrypted (default false).",                                                                                          // T1-46
	"DataDisk.N.KMSKeyId":             "KMS key that encrypts data disk N; needs DataDisk.N.Encrypted=true.",                                                                        // T1-47
	"DataDisk.N.EncryptAlgorithm":     "Encryption algorithm of data disk N (AES-256 by default, SM4 where offered).",                                                               // T2-6
	"DataDisk.N.DiskName":             "Name of data disk N: 2–128 letters (any script), digits, ':', '_', '.' or '-'.",                                                             // T1-48, T2-18
	"DataDisk.N.Description":          "Description of data disk N: 2–256 characters, not starting with http:// or https://.",                                                       // T1-49
	"DataDisk.N.Device":               "Mount point of data disk N; deprecated, only for full-machine images (/dev/xvdb … /dev/xvdz).",                                              // T1-50, T2-7
	"DataDisk.N.DeleteWithInstance":   "Whether data disk N is released with the instance (default true).",                                                                          // T1-51
	"DataDisk.N.AutoSnapshotPolicyId": "Automatic snapshot policy applied to data disk N; must exist.",                                                                              // T2-6
	"DataDisk.N.StorageClusterId":     "Dedicated block storage cluster for data disk N.",                                                                                           // T2-6
	"DataDisk.N.ProvisionedIops":      "Extra provisioned IOPS for a cloud_auto (ESSD AutoPL) data disk; 0 up to 50000 minus the disk's baseline.",                                  // T2-6
	"DataDisk.N.BurstingEnabled":      "Whether a cloud_auto (ESSD AutoPL) data disk may burst above its IOPS.",                                                                     // T2-6
	"StorageSetId":                    "Storage set that spreads the instance's disks over separate storage clusters.",                                                              // T2-34
	"StorageSetPartitionNumber":       "Number of partitions of the storage set, at least 2.",                                                                                       // T2-34
	"IoOptimized":                     "Whether the instance is I/O optimized: optimized (default for current types) or none (retired types only).",                                 // T1-52..58

	// Count.
	"Amount":    "How many instances to create in one call: 1–100 documented, up to 1000 accepted today (default 1); without MinAmount it creates all or none.", // T1-60, T2-10
	"MinAmount": "Smallest acceptable number of instances, 1–100: with less stock the call fails, otherwise it creates as many as stock allows up to Amount.",   // T1-61, T2-10

	// Billing.
	"InstanceChargeType":               "Billing method: PostPaid (pay-as-you-go, default) or PrePaid (subscription, needs a payment method and Period).",                      // T1-85, T2-24
	"Period":                           "Subscription length for PrePaid: 1–9, 12, 24, 36, 48 or 60 months (China site also 1–4 weeks); required for PrePaid.",                 // T1-81, T2-23
	"PeriodUnit":                       "Unit of Period: Month (default) or Week (China site only).",                                                                           // T1-82, T2-23
	"AutoRenew":                        "Whether a PrePaid subscription renews automatically (default false).",                                                                 // T1-83
	"AutoRenewPeriod":                  "Length of each automatic renewal: 1, 2, 3, 6, 12, 24, 36, 48 or 60 months (China site also 1–3 weeks); default 1.",                    // T1-84, T2-23
	"AutoPay":                          "Whether the order is paid automatically (default true); it cannot be false for pay-as-you-go.",                                        // T2-31
	"SpotStrategy":                     "Spot (preemptible) pricing for pay-as-you-go: NoSpot (default), SpotWithPriceLimit (your price cap) or SpotAsPriceGo (market price).", // T1-62
	"SpotPriceLimit":                   "Highest hourly price you pay for a spot instance, up to 3 decimals; used only with SpotWithPriceLimit.",                               // T1-63, T2-28
	"SpotDuration":                     "Hours a spot instance is protected from reclaim after it starts: 0 (none) or 1 (default), up to 6 where allowed.",                     // T2-26
	"SpotInterruptionBehavior":         "What happens when a spot instance is reclaimed: Terminate (default, released) or Stop (economical stop).",                             // T1-64, T2-27
	"CreditSpecification":              "Mode of a burstable instance: Standard (CPU credits) or Unlimited (may exceed its credits at extra cost).",                            // T1-65, T2-33
	"DeletionProtection":               "Protects a pay-as-you-go instance from manual release in the console or API (default false); not for subscription or spot.",           // T1-77, T2-30
	"AutoReleaseTime":                  "When a pay-as-you-go instance is released automatically, UTC yyyy-MM-ddTHH:mm:ssZ, 30 minutes to 3 years from now.",                   // T1-78..80, T2-25
	"PrivatePoolOptions.MatchCriteria": "Which private capacity pool to use: Open (any matching), Target (the one in PrivatePoolOptions.Id) or None (default).",                // T2-34
	"PrivatePoolOptions.Id":            "Private pool (elasticity assurance or capacity reservation) to use; required when MatchCriteria is Target.",                           // T2-34
	"CapacityReservationId":            "Capacity reservation to launch into.",                                                                                                 // T2-34
	"CapacityReservationPreference":    "Whether to use capacity reservations: open (any), target (the given one) or none.",                                                    // T2-34

	// Launch templates.
	"LaunchTemplateId":      "Launch template (lt-…) that supplies default values; then ImageId, InstanceType and SecurityGroupId become optional.", // T1-75
	"LaunchTemplateName":    "Launch template, by name, that supplies default values; an alternative to LaunchTemplateId.",                          // T1-75
	"LaunchTemplateVersion": "Version of the launch template to use (1 or more); defaults to the template's default version.",                       // T1-76

	// CPU and security options.
	"CpuOptions.Core":                           "Number of physical CPU cores; must be one the instance type allows.",                       // T2-34
	"CpuOptions.ThreadsPerCore":                 "Threads per CPU core (1 turns hyper-threading off); must be one the instance type allows.", // T2-34
	"CpuOptions.Numa":                           "Number of NUMA nodes (deprecated; leave empty).",                                           // T2-34
	"CpuOptions.TopologyType":                   "How vCPUs map to cores: ContinuousCoreToHTMapping or DiscreteCoreToHTMapping.",             // T2-34
	"CpuOptions.Accelerators.N":                 "CPU accelerator to enable (newer API option, for types that offer one).",                   // T2-34
	"SecurityOptions.TrustedSystemMode":         "Trusted system mode: vTPM turns on trusted boot (types and images that support it).",       // T2-34
	"SecurityOptions.ConfidentialComputingMode": "Confidential computing mode: Enclave runs an enclave-based confidential instance.",         // T2-34
	"HibernationOptions.Configured":             "Whether the instance can hibernate (preview feature).",                                     // T2-34

	// Private DNS names (docs/rules.md T2-34, [M25]/[SDK] only).
	"PrivateDnsNameOptions.HostnameType":                  "Kind of private host name: Custom, IpBased or InstanceIdBased.",
	"PrivateDnsNameOptions.EnableInstanceIdDnsARecord":    "Whether the instance-ID host name resolves to its private IPv4 address (A record).",
	"PrivateDnsNameOptions.EnableInstanceIdDnsAAAARecord": "Whether the instance-ID host name resolves to its IPv6 address (AAAA record).",
	"PrivateDnsNameOptions.EnableIpDnsARecord":            "Whether the IP-based host name resolves to the private IPv4 address (A record).",
	"PrivateDnsNameOptions.EnableIpDnsPtrRecord":          "Whether the private IPv4 address resolves back to the IP-based host name (PTR record).",

	// Not for ordinary use.
	"Arn.N.RoleType":                       "RAM role type for multi-account role chaining (not open to general use).", // T2-34
	"Arn.N.Rolearn":                        "RAM role ARN for multi-account role chaining (not open to general use).",  // T2-34
	"Arn.N.AssumeRoleFor":                  "Account the role is assumed for (not open to general use).",               // T2-34
	"AdditionalInfo.PvdConfig":             "Internal configuration for special deployments (not for ordinary use).",   // T2-34
	"AdditionalInfo.EnableHighDensityMode": "Internal high-density placement switch (not for ordinary use).",           // T2-34
	"OwnerId":                              "Owning account ID; filled in by the platform, leave empty.",
	"OwnerAccount":                         "Owning account name; filled in by the platform, leave empty.",
	"ResourceOwnerId":                      "Resource owner's account ID; used by resellers, leave empty.",
	"ResourceOwnerAccount":                 "Resource owner's account name; used by resellers, leave empty.",

	// Request control.
	"DryRun":      "Check the request (parameters, permissions, quota, stock) without creating anything; success comes back as DryRunOperation.", // T1-91
	"ClientToken": "Idempotency token, up to 64 ASCII characters: a retry with the same token never creates the instances twice.",                // T1-92
}
