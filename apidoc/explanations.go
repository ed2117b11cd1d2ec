package apidoc

// explained is what this package adds to a code: the parameter it concerns
// (a request pattern, "" for account- or platform-level codes) and a
// plain-English explanation of what went wrong and what to do.
type explained struct {
	Parameter   string
	Explanation string
}

// specExplanations covers every code of the spec's error table (错误码). A
// code the table lists several times (different statuses or messages) has one
// entry that fits all its rows; ParameterFor refines the parameter from the
// server's message where a code is shared by several parameters. Rows of
// docs/rules.md Table 1 that name the code are cited.
var specExplanations = map[string]explained{
	// Instance type.
	"InvalidInstanceType.ValueUnauthorized":                   {"InstanceType", "Your account is not allowed to buy this instance type. Choose another type, or ask Alibaba Cloud support to open it for you."},
	"InvalidInstanceType.ValueNotSupported":                   {"InstanceType", "The instance type does not exist or is not offered here (or a setting such as a key pair or bandwidth does not suit it). Pick a type from the list for this region and zone."}, // T1-6, T1-34
	"InvalidInstanceType.ZoneNotSupported":                    {"InstanceType", "This instance type is not sold in the chosen zone. Pick another zone where it is available, or another type."},                                                                 // T1-6
	"InvalidInstanceType.NotSupported":                        {"InstanceType", "This instance type cannot be used here (not supported, or not allowed in the chosen deployment set). Choose another type or remove the deployment set."},
	"InvalidInstanceType.ElasticNetworkInterfaceNotSupported": {"NetworkInterface.N.VSwitchId", "This instance type (generation I) cannot take an extra network interface. Remove the secondary network interface or pick a newer type."},
	"InstanceType.Offline":                                    {"InstanceType", "This instance type has been retired or is offline. Choose a current instance type."},
	"DependencyViolation.IoOptimized":                         {"IoOptimized", "This instance type must be I/O optimized. Set IoOptimized to optimized (or leave it empty)."},
	"InvalidIoOptimize.ValueNotSupported":                     {"IoOptimized", "IoOptimized has an invalid value. Use optimized or none (none only for retired types)."},
	"IoOptimized.NotSupported":                                {"IoOptimized", "The image, the instance type or the VPC does not support an I/O-optimized instance (disk encryption with a KMS key also needs one). Choose an image and type that support I/O optimization."}, // T1-47
	"DedicatedHostType.Unmatched":                             {"InstanceType", "The dedicated host's type cannot run this instance type. Pick a type the host supports, or another host."},
	"ImageNotSupportInstanceType":                             {"ImageId", "The image cannot run on this instance type (for example an x86 image on an ARM type). Pick an image that fits the type, or another type."}, // T1-4

	// Image.
	"InvalidImageId.NotFound":                     {"ImageId", "The image does not exist in this region or your account cannot see it. Check the image ID, or copy the image to this region."}, // T1-3
	"OperationDenied.ImageNotValid":               {"ImageId", "The image is disabled, deleted or cannot be used for this operation. Pick another image."},                                     // T1-3
	"ImageNotSubscribed":                          {"ImageId", "This Marketplace image needs a subscription first. Subscribe to it in Alibaba Cloud Marketplace, or choose a public image."},   // T1-3
	"ImageNotSupportCloudInit":                    {"UserData", "The image does not support cloud-init, so user data cannot run. Remove UserData or pick an image with cloud-init."},
	"ImageRemovedInMarket":                        {"ImageId", "The Marketplace image (or the Marketplace image your custom image was built from) has been withdrawn. Choose another image."},
	"QuotaExceed.BuyImage":                        {"ImageId", "This Marketplace image has not been bought, or your quota for it is used up. Buy it in Marketplace or choose another image."},
	"InvalidMarketImage.NotFound":                 {"ImageId", "The Marketplace image does not exist. Check the image ID and try again."},
	"InvalidMarketImageChargeType.NotSupport":     {"InstanceChargeType", "This Marketplace image cannot be bought with the chosen billing method. Switch between pay-as-you-go and subscription, or choose another image."},
	"IncorrectImageStatus":                        {"ImageId", "The Marketplace image is not available at the moment. Choose another image or try later."},
	"InvalidSystemDiskSize.ImageNotSupportResize": {"SystemDisk.Size", "This image cannot be resized, so the system disk must be exactly the image size. Set SystemDisk.Size to the image size or leave it empty."},

	// Security group.
	"InvalidSecurityGroupId":               {"SecurityGroupId", "The security group does not exist or the ID is malformed. Pick a security group of this region from the list."},
	"InvalidSecurityGroupId.NotFound":      {"SecurityGroupId", "The security group does not exist in your account in this region. Check the ID or pick one from the list."},           // T1-7
	"SecurityGroupInstanceLimitExceed":     {"SecurityGroupId", "The security group already holds as many instances as it may. Use another security group or launch fewer instances."}, // T1-8
	"InvalidSecurityGroup.NotInDefaultVpc": {"SecurityGroupId", "Without a vSwitch, the security group must belong to the default VPC. Choose a vSwitch or a security group of the default VPC."},
	"OperationDenied.InconsistentNetwork":  {"VSwitchId", "The security group and the vSwitch are in different VPCs. Choose a vSwitch and security groups of the same VPC."}, // T1-13

	// vSwitch, VPC and network type.
	"InvalidVSwitchId.NotFound":               {"VSwitchId", "The vSwitch does not exist in this region. Check the ID or pick a vSwitch from the list."}, // T1-12
	"InvalidVSwitchId.NotExist":               {"VSwitchId", "The vSwitch does not exist. Check the ID or pick a vSwitch from the list."},
	"InvalidVSwitchId.Necessary":              {"VSwitchId", "A vSwitch is required because the security group is in a VPC. Choose a vSwitch in the chosen zone."}, // T1-11
	"InvalidVSwitchId.IpInvalid":              {"PrivateIpAddress", "The private IP address is not valid for the vSwitch. Use a free address inside the vSwitch's CIDR block."},
	"InvalidParameter.Mismatch":               {"VSwitchId", "The vSwitch does not fit the rest: it is in a different VPC than the security group, or in a different zone than ZoneId. Pick a vSwitch in the chosen zone and the security group's VPC."}, // T1-13, T1-14
	"IncorrectVSwitchStatus":                  {"VSwitchId", "The vSwitch is not ready (for example still being created). Wait until it is Available, or choose another."},
	"VpcNotFound":                             {"VSwitchId", "The VPC of this vSwitch was not found or is not yours. Choose a vSwitch of one of your VPCs."},
	"IncorrectVpcStatus":                      {"VSwitchId", "The VPC is not ready for this operation. Wait until the VPC is Available, or choose another VPC."},
	"IncorrectDefaultVpcStatus":               {"VSwitchId", "Your default VPC is in a bad state. Choose a vSwitch of another VPC, or fix the default VPC."},
	"InvalidVpcZone.NotSupported":             {"ZoneId", "Your VPC does not allow this operation in this zone. Try another zone."},
	"InvalidVSwitch.DefaultVSwitchNotSupport": {"VSwitchId", "A default vSwitch cannot be created in this zone of the VPC. Create or choose a vSwitch yourself."},
	"DefaultVswitch.Existed":                  {"VSwitchId", "The VPC already has a default vSwitch in this zone. Choose that vSwitch."},
	"ResourceNotAvailable":                    {"ZoneId", "VPC is not available in this region or zone. Choose another zone or region."},
	"InvalidNetworkType.Mismatch":             {"InternetChargeType", "A bandwidth or internet billing setting does not suit the instance's network type. Check InternetChargeType and the bandwidth values."}, // T1-18, T1-19
	"InvalidNetworkType.MismatchRamRole":      {"RamRoleName", "A RAM role can only be attached to a VPC instance. Use a vSwitch (VPC), or remove the RAM role."},                                              // T1-59
	"InvalidNetworkType.NotSupported":         {"DedicatedHostId", "Dedicated hosts do not support the classic network. Use a VPC vSwitch."},
	"OperationDenied.InvalidNetworkType":      {"VSwitchId", "This network type is not supported for the request. Use a VPC with a vSwitch."},
	"OperationDenied.NoVlan":                  {"", "The VLAN is invalid or has no free IP addresses left. Try another zone, or contact support."},

	// Private IP and IPv6.
	"InvalidPrivateIpAddress":            {"PrivateIpAddress", "The address is outside the vSwitch's CIDR block or one ECS reserves (first, last 3); Amount > 1 needs each consecutive one usable."}, // T1-89, T2-11
	"InvalidPrivateIpAddress.Malformed":  {"PrivateIpAddress", "The private IP address is not a valid IPv4 address. Write it like 192.168.0.10."},                                                    // T1-89
	"InvalidPrivateIpAddress.Duplicated": {"PrivateIpAddress", "The private IP address is already in use. Choose another free address, or leave it empty."},                                          // T1-89
	"QuotaExceeded.PrivateIpAddress":     {"VSwitchId", "The vSwitch has no free private IP addresses left. Choose another vSwitch, or launch fewer instances."},                                     // T1-90
	"InvalidInnerIpAddress.Malformed":    {"PrivateIpAddress", "The private IP address is malformed. Write a valid IPv4 address."},
	"InvalidInnerIpAddress.Unusable":     {"PrivateIpAddress", "The private IP address is in use or outside the usable range. Choose another address or leave it empty."},
	"MaxEniIpv6IpsCountExceeded":         {"Ipv6AddressCount", "The network interface cannot hold that many IPv6 addresses. Ask for fewer."},                         // T1-87
	"InvalidIp.IpRepeated":               {"Ipv6Address.N", "The same IPv6 address is given twice. List each address once."},                                         // T1-88
	"InvalidIp.IpAssigned":               {"Ipv6Address.N", "The IPv6 address is already assigned. Choose another address."},                                         // T1-88
	"InvalidIp.Address":                  {"Ipv6Address.N", "The IPv6 address is not valid or not inside the vSwitch's IPv6 block. Use an address from that block."}, // T1-88
	"InvalidOperation.Ipv4CountExceeded": {"PrivateIpAddress", "The network interface cannot hold more IPv4 addresses. Request fewer addresses."},
	"InvalidOperation.Ipv6CountExceeded": {"Ipv6AddressCount", "The instance type allows fewer IPv6 addresses than requested. Ask for fewer."},                            // T1-87
	"InvalidOperation.Ipv6NotSupport":    {"Ipv6AddressCount", "This instance type does not support IPv6. Remove the IPv6 settings or choose a type that supports IPv6."}, // T1-87
	"InvalidVSwitch.Ipv6NotTurnOn":       {"VSwitchId", "The vSwitch has no IPv6 block. Enable IPv6 on the vSwitch and its VPC, or remove the IPv6 settings."},            // T1-87
	"InvalidParam.NetworkInterface":      {"NetworkInterface.N.VSwitchId", "A network interface setting is invalid; the server message says which. Check the NetworkInterface.N fields."},

	// Bandwidth and internet billing.
	"InvalidParameter": {"", "A parameter has an invalid value; the server message names it. Correct that field and try again."},
	"InvalidInternetChargeType.ValueNotSupported": {"InternetChargeType", "The internet billing method is not valid here. Use PayByTraffic or PayByBandwidth."},                  // T1-19
	"InvalidInternetMaxBandwidthOut.Malformed":    {"InternetMaxBandwidthOut", "The outbound public bandwidth is invalid. Use a whole number from 0 to 100 Mbit/s."},             // T1-17
	"InvalidInternetMaxBandwidthIn.Malformed":     {"InternetMaxBandwidthIn", "The inbound public bandwidth is invalid. Use a whole number of Mbit/s within the allowed range."}, // T1-16, T2-8
	"InvalidParameter.Bandwidth":                  {"InternetMaxBandwidthOut", "The bandwidth setting is not supported here; the server message says why. Adjust the public bandwidth."},

	// Names, host names, description.
	"InvalidInstanceName.Malformed":    {"InstanceName", "The instance name is not valid. Use 2–128 characters: letters (any script), digits, ':', '_', '.' or '-', not starting with http:// or https://."},                         // T1-20..22
	"InvalidHostName.Malformed":        {"HostName", "The host name is not valid. Windows: 2–15 letters, digits or '-', not all digits. Linux: 2–64 characters in dot-separated parts. No leading, trailing or doubled '.' or '-'."}, // T1-23..25
	"HOSTNAME_ILLEGAL":                 {"HostName", "The host name is not valid. Follow the host-name rules for the image's operating system."},                                                                                     // T1-23
	"InvalidParams.InstanceNameExceed": {"InstanceName", "UniqueSuffix adds 3 characters, which makes the instance name too long. Shorten InstanceName to 125 characters or fewer."},                                                 // T1-27
	"InvalidParams.HostnameExceed":     {"HostName", "UniqueSuffix adds 3 characters, which makes the host name too long. Shorten HostName (12 characters for Windows, 61 for Linux)."},                                              // T1-28
	"InvalidDescription.Malformed":     {"Description", "The description is not valid. Use 2–256 characters, not starting with http:// or https://."},                                                                                // T1-29
	"InvalidDiskName.Malformed":        {"SystemDisk.DiskName", "A disk name is not valid. Use 2–128 characters: letters (any script), digits, ':', '_', '.' or '-', not starting with http:// or https://."},                        // T1-38, T1-48
	"InvalidDiskDescription.Malformed": {"SystemDisk.Description", "A disk description is not valid. Use 2–256 characters, not starting with http:// or https://."},                                                                  // T1-39, T1-49

	// Password and key pair.
	"InvalidPassword.Malformed":           {"Password", "The password is not valid. Use 8–30 characters with at least 3 of: upper case, lower case, digits, special characters ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/ (Windows: not starting with '/')."}, // T1-31..33
	"InvalidPasswordParam.Mismatch":       {"Password", "You asked to keep the image's password (PasswordInherit) and also gave a password. Remove one of them."},                                                                                 // T1-30
	"InvalidKeyPairName.NotFound":         {"KeyPairName", "The key pair does not exist in this region. Pick a key pair from the list, or import your public key first."},                                                                         // T1-34
	"DependencyViolation.WindowsInstance": {"KeyPairName", "Windows instances cannot use an SSH key pair. Remove KeyPairName and set a password instead."},                                                                                        // T1-34

	// System disk.
	"InvalidSystemDiskCategory.ValueNotSupported": {"SystemDisk.Category", "The system disk type is not valid or not offered for this instance type in this zone. Pick a disk type from the list."},         // T1-37
	"InvalidSystemDiskCategory.ValueUnauthorized": {"SystemDisk.Category", "Your account is not allowed to use this system disk type. Choose another disk type."},                                           // T1-37
	"InvalidSystemDiskSize.LessThanImageSize":     {"SystemDisk.Size", "The system disk is smaller than the image. Make it at least as large as the image."},                                                // T1-36
	"InvalidSystemDiskSize.LessThanMinSize":       {"SystemDisk.Size", "The system disk is below the minimum size for its type. Make it larger (20 GiB for most types)."},                                   // T1-35, T2-1
	"InvalidSystemDiskSize.MoreThanMaxSize":       {"SystemDisk.Size", "The system disk is above the maximum size for its type (500 GiB for cloud, 2048 GiB for others). Make it smaller."},                 // T1-35, T2-1
	"InvalidSystemDiskSize.ValueNotSupported":     {"SystemDisk.Size", "The system disk size is not allowed for this disk type; the server message says why. Choose a size within the range for the type."}, // T1-35
	"InvalidDisk.SystemDiskSize":                  {"SystemDisk.Size", "The system disk size is outside the permitted range. Choose a size within the range for its type."},

	// Data disks.
	"InvalidDataDiskSize.ValueNotSupported":      {"DataDisk.N.Size", "A data disk size is outside the range of its disk type, or the snapshot is larger than the type allows. Choose a size within the range for the type."}, // T1-42
	"InvalidDataDiskCategory.ValueNotSupported":  {"DataDisk.N.Category", "A data disk type is not valid or not offered here. Pick a disk type the instance type supports in this zone."},                                     // T1-45
	"InvalidDataDiskSnapshotId.NotFound":         {"DataDisk.N.SnapshotId", "The snapshot for a data disk does not exist. Check the snapshot ID."},                                                                            // T1-44
	"InvalidDataDevice.Malformed":                {"DataDisk.N.Device", "The data disk mount point is not valid. Leave DataDisk.N.Device empty (it is deprecated)."},                                                          // T1-50
	"InvalidDevice.InUse":                        {"DataDisk.N.Device", "The mount point is already used by another disk. Use a different device name or leave it empty."},                                                    // T1-50
	"DeleteWithInstance.Conflict":                {"DataDisk.N.DeleteWithInstance", "This disk cannot be set to be released with the instance. Change DeleteWithInstance for that disk."},                                     // T1-51
	"InstanceDiskNumber.LimitExceed":             {"DataDisk.N.Size", "Too many disks for this instance. Remove data disks (at most 16, counting disks that come with the image)."},                                           // T1-41
	"InstanceDiskNumLimitExceed":                 {"DataDisk.N.Size", "Too many disks for this instance. Remove some data disks."},                                                                                            // T1-41
	"InstanceDiskCategoryLimitExceed":            {"DataDisk.N.Size", "The total size of disks of one type is over the instance's limit, or a disk is too large for its type. Make the disks smaller or use fewer."},          // T1-42
	"InvalidDiskSize.TooSmall":                   {"DataDisk.N.Size", "A data disk is smaller than its snapshot. Make it at least the snapshot's size, or leave the size empty."},                                             // T1-43
	"InvalidDiskCategory.Mismatch":               {"DataDisk.N.Category", "This combination of system and data disk types is not allowed. Use disk types that can be combined (for example all cloud_essd)."},                 // T1-45
	"InvalidDiskCategory.NotSupported":           {"DataDisk.N.Category", "The disk type is not supported by this instance type. Pick a disk type the type supports."},                                                        // T1-45
	"InvalidDiskCategory.ValueNotSupported":      {"DataDisk.N.Category", "The disk type is not valid. Use one of the listed disk types."},
	"CategoryNotSupported":                       {"SystemDisk.Category", "The zone (or cluster) does not offer this disk type. Pick another disk type, or another zone."}, // T1-37
	"CategoryViolation":                          {"SystemDisk.Category", "The operation is not possible because of the instance's disk type (local disks). Use cloud disks."},
	"OperationDenied.ZoneSystemCategoryNotMatch": {"SystemDisk.Category", "The zone or cluster does not offer this disk type. Pick another disk type or zone."},
	"OperationDenied.DiskTypeNotSupport":         {"DataDisk.N.Category", "This disk type does not support the operation. Choose another disk type."},
	"OperationDenied.LocalDiskUnsupported":       {"InstanceType", "Instances with local disks cannot change configuration this way. Choose a type without local disks."},
	"QuotaExceed.PortableCloudDisk":              {"DataDisk.N.Size", "Your quota of detachable cloud disks is used up. Use fewer data disks or ask for a higher quota."},
	"QuotaExceed.PostPaidDisk":                   {"DataDisk.N.Size", "Your quota of pay-as-you-go disks is used up. Release unused disks, use fewer data disks or ask for a higher quota."},
	"InvalidDiskIds.NotPortable":                 {"DataDisk.N.DeleteWithInstance", "The disk is not detachable, so this setting cannot apply to it."},

	// Snapshots.
	"InvalidSnapshotId.BasedSnapshotTooOld":  {"DataDisk.N.SnapshotId", "Snapshots made on or before 15 July 2013 cannot be used. Choose a newer snapshot."},                // T1-44
	"InvalidSnapshotId.NotReady":             {"DataDisk.N.SnapshotId", "The snapshot is not finished yet. Wait until it completes, or choose another."},                    // T1-44
	"InvalidSnapshotId.NotDataDiskSnapshot":  {"DataDisk.N.SnapshotId", "This is a system disk snapshot; a data disk needs a data disk snapshot. Choose another snapshot."}, // T1-44
	"InvalidSnapshotId.NotFound":             {"DataDisk.N.SnapshotId", "The snapshot does not exist. Check the snapshot ID."},
	"OperationDenied.SnapshotNotValid":       {"DataDisk.N.SnapshotId", "This snapshot cannot be used to create a disk. Choose another snapshot."},
	"OperationDenied.SnapshotNotAllowed":     {"DataDisk.N.SnapshotId", "This snapshot cannot be used to create a disk. Choose another snapshot."},
	"OperationDenied.SnapshotParamsNotValid": {"DataDisk.N.SnapshotId", "The snapshot is too large for the chosen disk type, or you may not use that type. Pick a larger disk type or another snapshot."},

	// Encryption and KMS.
	"InvalidParameter.EncryptedIllegal":         {"DataDisk.N.Encrypted", "The encryption settings are invalid: a KMS key needs Encrypted=true. Turn encryption on for that disk or remove the key."}, // T1-46, T1-47
	"InvalidParameter.EncryptedNotSupported":    {"DataDisk.N.Encrypted", "Disk encryption is not supported here (this disk type, instance type or region). Turn encryption off or change the disk type."},
	"InvalidParameter.Encrypted.KmsNotEnabled":  {"DataDisk.N.Encrypted", "Encrypted disks need Key Management Service (KMS). Enable KMS in your account, or turn encryption off."}, // T1-47
	"InvalidParameter.KMSKeyId.NotFound":        {"DataDisk.N.KMSKeyId", "The KMS key does not exist. Check the key ID, or leave it empty to use the default key."},                 // T1-47
	"InvalidParameter.KMSKeyId.KMSUnauthorized": {"DataDisk.N.KMSKeyId", "ECS is not authorised to use your KMS keys. Grant ECS access to KMS (the service-linked role), then retry."},
	"InvalidRegion.NotSupport":                  {"DataDisk.N.KMSKeyId", "This region does not support your own keys (BYOK). Use the default key or another region."},
	"UserNotInTheWhiteList":                     {"DataDisk.N.KMSKeyId", "Your account may not use your own keys (BYOK) yet. Use the default key, or ask support for access."},

	// Zone and region.
	"InvalidZoneId.NotFound":          {"ZoneId", "The zone does not exist in this region. Pick a zone from the list."},      // T1-15
	"Zone.NotOpen":                    {"ZoneId", "Your account may not buy resources in this zone yet. Pick another zone."}, // T1-15
	"Zone.NotOnSale":                  {"ZoneId", "The zone no longer sells these resources. Pick another zone or region."},  // T1-15
	"OperationDenied.ZoneNotAllowed":  {"ZoneId", "Instances cannot be created in this zone. Pick another zone."},
	"RegionUnauthorized":              {"RegionId", "Your account may not create instances in this region. Choose another region, or ask support for access."},
	"Forbidden.RegionId":              {"RegionId", "This feature is not available in this region yet. Choose another region or remove the setting."},
	"OperationDenied.ResourceControl": {"RegionId", "The region is temporarily restricting new resources. Try again later or use another region."},
	"InvalidClusterId.NotFound":       {"", "An internal placement cluster was not found. Try another zone, or contact support with the request ID."},
	"InvalidParameter.Conflict":       {"", "Two settings contradict each other (for example the image and the instance type); the server message says which. Change one of them."}, // T1-4, T1-9, T1-86
	"InvalidParameter.NotMatch":       {"", "Some settings do not match each other; the server message says which. Make them consistent."},

	// Stock and capacity.
	"OperationDenied.NoStock":           {"InstanceType", "This instance type is sold out in the zone right now. Try another zone, another type, or fewer instances (MinAmount lets a launch take what is available)."}, // T1-6, T1-61, T1-95
	"OperationDenied.CreatingConflict":  {"", "Another instance is being created with the same settings. Wait for it to finish, then try again."},
	"OperationDenied":                   {"", "The operation is not allowed for this account, region or network type; the server message says why. Change region or network type, or contact support."},
	"InvalidResourceType.NotSupported":  {"InstanceType", "This resource type is not supported here. Try another instance type or disk type."},
	"NodeControllerUnavailable":         {"", "The host that would run the instance is temporarily unavailable. Try again in a few minutes, or try another zone."},
	"InvalidNodeControllerId.Malformed": {"", "An internal host ID in the request is invalid. Remove any host-placement settings you added by hand."},

	// Quotas and account state.
	"QuotaExceed.AfterpayInstance":          {"", "You have reached your quota of pay-as-you-go instances. Release instances you no longer need, or ask for a higher quota."}, // T1-95
	"QuotaExceeded":                         {"", "The VPC already holds as many running instances as allowed. Release some, use another VPC, or ask for a higher quota."},    // T1-95
	"OperationDenied.QuotaExceed":           {"Tag.N.Key", "The resource already has as many tags as allowed. Remove some tags."},
	"Account.Arrearage":                     {"", "Your account has an overdue payment. Top up your account, then try again."},                                                                    // T1-95
	"InvalidAccountStatus.NotEnoughBalance": {"", "Your account balance is too low for this purchase. Top up your account, then try again."},                                                      // T1-85
	"InsufficientBalance":                   {"", "Your account balance is too low for this purchase. Top up your account, then try again."},                                                      // T1-85
	"InvalidPayMethod":                      {"InstanceChargeType", "No payment method is available for a subscription. Add a payment method (or credit) to your account, or use pay-as-you-go."}, // T1-85
	"PaymentMethodNotFound":                 {"InstanceChargeType", "Your account has no payment method. Add one in the billing console, then try again."},
	"RealNameAuthenticationError":           {"", "Your account has not passed real-name verification. Complete it in the console, then try again."}, // T1-95
	"Forbidden.RiskControl":                 {"", "Alibaba Cloud's risk-control system blocked this operation. Contact support to have the account checked."},
	"SecurityRisk.3DVerification":           {"", "Your card needs 3-D Secure verification. Follow the link in the e-mail from Alibaba Cloud, then try again."},
	"InvalidInstance.UnPaidOrder":           {"", "You have an unpaid order. Pay or cancel it in the billing console, then try again."},
	"Forbbiden":                             {"", "Your user is not allowed to use this resource. Ask your account administrator for the permission."},
	"InvalidUserData.Forbidden":             {"UserData", "Your account may not pass user data. Remove UserData, or ask support for the permission."},
	"InvalidUserData.SizeExceeded":          {"UserData", "The user data is too large. Keep it under the limit (32 KB before Base64 encoding)."}, // T2-20
	"InvalidUserData.NotSupported":          {"UserData", "User data works only on VPC, I/O-optimized instances. Use a vSwitch and an I/O-optimized type, or remove UserData."},
	"InvalidUserData.Base64FormatInvalid":   {"UserData", "The user data is not valid Base64. Encode it with Base64 (the wizard does this for you)."},
	"InvalidResourceGroup.NotFound":         {"ResourceGroupId", "The resource group does not exist. Check the ID or leave it empty."}, // T1-74
	"InvalidResourceId.NotSupported":        {"Tag.N.Key", "This resource cannot be tagged. Remove the tags."},
	"InvalidRelationResource.NotFound":      {"", "A resource the request refers to has been deleted. Refresh your choices and try again."},
	"IncorrectRecycleBinStatus":             {"", "A resource the request uses is in the recycle bin or in a state that does not allow this. Restore it or choose another."},
	"IncorrectInstanceStatus":               {"", "A resource the request uses is in a state that does not allow this operation. Wait until it is ready and try again."},

	// RAM role.
	"InvalidRamRole.NotFound":       {"RamRoleName", "The RAM role does not exist. Check the role name, or create the role in RAM first."},                                                 // T1-59
	"InvalidUser.PassRoleForbidden": {"RamRoleName", "Your RAM user may not attach RAM roles to instances (ram:PassRole). Ask your administrator for the permission, or remove the role."}, // T1-59
	"InvalidRamRole.NotEcsRole":     {"RamRoleName", "The RAM role does not trust the ECS service. Edit the role's trust policy to allow ecs.aliyuncs.com, or choose another role."},

	// Launch template.
	"InvalidLaunchTemplate.NotFound":        {"LaunchTemplateId", "The launch template was not found. Check its ID or name."},                                               // T1-75
	"InvalidLaunchTemplateVersion.NotFound": {"LaunchTemplateVersion", "This version of the launch template does not exist. Choose an existing version or leave it empty."}, // T1-76

	// Tags.
	"InvalidTagKey.Malformed":   {"Tag.N.Key", "A tag key is not valid. Use 1–128 characters, not starting with aliyun or acs:, and without http:// or https://."}, // T1-70, T2-21
	"InvalidTagValue.Malformed": {"Tag.N.Value", "A tag value is not valid. Use up to 128 characters, without http:// or https://."},                               // T1-71, T2-22
	"InvalidTag.Mismatch":       {"Tag.N.Key", "A tag value was given without its key. Give every Tag.N.Value a Tag.N.Key."},                                       // T1-71
	"InvalidTagCount":           {"Tag.N.Key", "Too many tags. Use at most 20."},                                                                                   // T1-69
	"Duplicate.TagKey":          {"Tag.N.Key", "Two tags have the same key. Give each tag a different key."},                                                       // T1-72

	// Count.
	"InvalidMinAmount.Malformed": {"MinAmount", "MinAmount is not valid. Use a whole number from 1 to 100, no larger than Amount."},                          // T1-61
	"InvalidMaxAmount.Malformed": {"Amount", "Amount is not valid. Use a whole number from 1 up to the per-call limit."},                                     // T1-61
	"InvalidParam.Amount":        {"Amount", "Amount is not valid. Use a whole number from 1 to 1000, and 1 when Ipv6Address.N gives fixed IPv6 addresses."}, // T1-60, T2-10, T2-13

	// Spot.
	"InvalidSpotStrategy":                                      {"SpotStrategy", "The spot strategy is not valid. Use NoSpot, SpotWithPriceLimit or SpotAsPriceGo."},                                      // T1-62
	"InvalidSpotPriceLimit":                                    {"SpotPriceLimit", "The spot price limit is not valid. Give a positive price with at most 3 decimals."},                                   // T1-63
	"InvalidSpotDuration":                                      {"SpotDuration", "The spot protection period is not valid. Use 0 or 1 hour (up to 6 where allowed)."},                                     // T2-26
	"InvalidSpotAuthorized":                                    {"SpotStrategy", "Your account may not use these spot settings. Use NoSpot, or ask support for access."},                                  // T1-62
	"InvalidSpotPrepaid":                                       {"SpotStrategy", "Spot instances are pay-as-you-go only. Set InstanceChargeType to PostPaid or use NoSpot."},                              // T1-62
	"InvalidSpotAliUid":                                        {"SpotStrategy", "Your account may not use spot instances. Use NoSpot, or ask support for access."},                                       // T1-62
	"InvalidSpotPriceLimit.LowerThanPublicPrice":               {"SpotPriceLimit", "The spot price limit is below the current public spot price. Raise the limit, or use SpotAsPriceGo."},                 // T1-63
	"InvalidSpotInterruptionBehavior":                          {"SpotInterruptionBehavior", "The interruption behaviour is not valid. Use Terminate (or Stop where enabled)."},                           // T1-64, T2-27
	"InvalidSpotInterruptionBehavior.ClassicNetworkNotSupport": {"SpotInterruptionBehavior", "This interruption behaviour does not work on the classic network. Use a VPC vSwitch."},                      // T1-64
	"InvalidSpotInterruptionBehavior.LocalDiskNotSupport":      {"SpotInterruptionBehavior", "This interruption behaviour does not work with local disks. Use Terminate, or a type without local disks."}, // T1-64

	// Billing.
	"InvalidInstanceChargeType.NotFound":       {"InstanceChargeType", "The billing method is not valid. Use PostPaid (pay-as-you-go) or PrePaid (subscription)."}, // T1-85
	"InvalidInstanceChargeType.NotSupport":     {"InstanceChargeType", "The dedicated host does not support this billing method. Use the host's billing method."},
	"MissingParamter":                          {"Period", "A required parameter is missing: a subscription (PrePaid) needs Period. Set Period."},                                           // T1-81
	"InvalidPeriod":                            {"Period", "The subscription length is not valid. Use 1–9, 12, 24, 36, 48 or 60 months (or 1–4 weeks where weeks are offered)."},            // T1-81, T2-23
	"InvalidPeriodType.ValueNotSupported":      {"PeriodUnit", "The period unit is not valid. Use Month (or Week where weeks are offered)."},                                                // T1-82
	"InvalidAutoRenewPeriod.ValueNotSupported": {"AutoRenewPeriod", "The auto-renew length is not valid. Use 1, 2, 3, 6, 12, 24, 36, 48 or 60 months (1–3 weeks where weeks are offered)."}, // T1-84
	"InvalidAutoReleaseTime.Malformed":         {"AutoReleaseTime", "The auto-release time is not valid. Use UTC yyyy-MM-ddTHH:mm:ssZ, at least 30 minutes and at most 3 years from now."},  // T1-78, T1-80
	"InvalidParameter.CreditSpecification":     {"CreditSpecification", "This credit mode is not available in this region (or for this type). Use Standard or leave it empty."},             // T1-65

	// Dedicated hosts, deployment sets, HPC clusters.
	"InvalidDedicatedHostId.NotFound":            {"DedicatedHostId", "The dedicated host does not exist. Check the host ID."}, // T1-68
	"InvalidDedicatedHostStatus.NotSupport":      {"DedicatedHostId", "The dedicated host's state does not allow new instances now. Wait until it is Available, or choose another host."},
	"IncorrectDedicatedHostStatus":               {"DedicatedHostId", "The dedicated host's state does not allow this operation. Wait until it is Available, or choose another host."},
	"ChargeTypeViolation.PostPaidDedicatedHost":  {"InstanceChargeType", "A subscription instance cannot go on a pay-as-you-go dedicated host. Use pay-as-you-go, or another host."}, // T1-68
	"InvalidPeriod.ExceededDedicatedHost":        {"Period", "The subscription would outlast the dedicated host's own subscription. Shorten Period."},                                // T1-68
	"ResourcesNotInSameZone":                     {"ZoneId", "The instance and the dedicated host are in different zones. Use the host's zone."},
	"InvalidDeploymentOnHost":                    {"DeploymentSetId", "Deployment sets cannot be used with dedicated hosts. Remove one of them."},
	"DeploymentSet.NotFound":                     {"DeploymentSetId", "The deployment set does not exist. Check its ID or leave it empty."},                // T1-67
	"QuotaExceed.DeploymentSetInstanceQuotaFull": {"DeploymentSetId", "The deployment set is full. Use another deployment set or launch fewer instances."}, // T1-67
	"InvalidHpcClusterId.Unnecessary":            {"HpcClusterId", "This instance type does not take an HPC cluster. Remove HpcClusterId."},                // T1-73
	"InvalidHpcClusterId.Necessary":              {"HpcClusterId", "This instance type needs an HPC cluster. Set HpcClusterId."},                           // T1-73
	"InvalidHpcClusterId.NotFound":               {"HpcClusterId", "The HPC cluster does not exist. Check its ID."},                                        // T1-73
	"InvalidHpcClusterId.Creating":               {"HpcClusterId", "The HPC cluster is still being created. Wait until it is ready."},                      // T1-73

	// Others.
	"InvalidClientToken.ValueNotSupported": {"ClientToken", "The client token is not valid. Use at most 64 ASCII characters (ecslaunch generates one for you)."},            // T1-92
	"InvalidParam.Tenancy":                 {"Tenancy", "Tenancy is not valid. Use default or host."},                                                                       // T1-94
	"MissingParameter":                     {"", "A required parameter is missing; the server message names it. Fill in that field."},                                       // T1-1, T1-2, T1-5, T1-11
	"InternalError":                        {"", "Alibaba Cloud hit an internal error. Try again in a moment; if it keeps happening, contact support with the request ID."}, // T1-96
}
