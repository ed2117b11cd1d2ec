package apidoc

// extraCode is a code the spec's table does not list: a common code of every
// Alibaba Cloud API, or one docs/rules.md records (Table 1 "no seed code"
// suggestions and Table 2's codes of today's API).
type extraCode struct {
	Code        string
	HTTPStatus  int
	Message     string
	Parameter   string
	Explanation string
	Source      string
}

// extraCodes lists those codes. Statuses and messages are the ones docs/rules.md,
// docs/api-shapes.md and docs/sdk-notes.md give.
var extraCodes = []extraCode{
	// Common codes (docs/api-shapes.md §1; docs/sdk-notes.md §3).
	{"DryRunOperation", 400, "Request validation has been passed with DryRun flag set.", "", "Not an error: the DryRun check passed, and the request would succeed. Nothing was created.", "docs/api-shapes.md DryRun"},
	{"IdempotentParameterMismatch", 400, "The request uses the same client token as a previous, but non-identical request.", "ClientToken", "The client token was already used for a different request. Use a new token for a changed request (ecslaunch makes a new one when the request changes).", "docs/api-shapes.md common codes; docs/rules.md T1-92"},
	{"Throttling", 400, "Request was denied due to request throttling.", "", "Too many requests in a short time. Wait a moment and retry; ecslaunch retries with backoff.", "docs/api-shapes.md common codes"},
	{"Throttling.User", 400, "Request was denied due to user flow control.", "", "Your account sent too many requests in a short time. Wait a moment and retry.", "common code"},
	{"Throttling.Api", 400, "Request was denied due to api flow control.", "", "This API is receiving too many requests right now. Wait a moment and retry.", "common code"},
	{"Throttling.Resource", 429, "The request throttle by resource operation.", "", "Too many operations on the same resource in a short time. Wait a moment and retry.", "docs/rules.md T2-36"},
	{"SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation.", "", "The request signature is wrong, usually because the AccessKey secret is wrong. Check the secret of your profile or environment.", "docs/sdk-notes.md §3"},
	{"IncompleteSignature", 400, "The request signature does not conform to Aliyun standards.", "", "The request signature is malformed. Check the credentials and the clock of this machine.", "docs/api-shapes.md common codes"},
	{"SignatureNonceUsed", 400, "Specified signature nonce was used already.", "", "The request's nonce was reused. Retry the request; the SDK makes a fresh nonce.", "docs/api-shapes.md common codes"},
	{"InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired.", "", "The request's timestamp is too far from the server's time. Set this machine's clock correctly (use NTP).", "common code"},
	{"InvalidAccessKeyId.NotFound", 400, "Specified access key is not found.", "", "The AccessKey ID does not exist. Check the credentials of your profile or environment.", "docs/api-shapes.md common codes; docs/sdk-notes.md §3"},
	{"InvalidAccessKeyId.Inactive", 400, "Specified access key is disabled.", "", "The AccessKey is disabled. Enable it in the RAM console or use another key.", "common code"},
	{"InvalidSecurityToken.Expired", 400, "Specified SecurityToken is expired.", "", "The STS security token has expired. Get new temporary credentials and retry.", "common code"},
	{"Forbidden.RAM", 403, "User not authorized to operate on the specified resource, or this API doesn't support RAM.", "", "Your RAM user lacks permission for this action or resource. Ask your administrator to grant ecs:RunInstances and the related permissions.", "docs/api-shapes.md common codes"},
	{"Forbidden", 403, "User not authorized to operate on the specified resource.", "", "You are not allowed to use this resource. Ask your account administrator for the permission.", "common code"},
	{"InvalidAction", 403, "Specified action is not valid.", "", "The API action is unknown or not allowed. Check the SDK version and the endpoint.", "docs/api-shapes.md common codes"},
	{"InvalidAction.NotFound", 404, "Specified api is not found, please check your url and method.", "", "The endpoint does not know this API action. Check the endpoint (an ECS endpoint, not another product's) and the SDK version.", "issue 3 (the gateway's answer to an unknown action)"},
	{"InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted.", "", "The request's Timestamp is malformed. The SDK sets it; check that nothing rewrites the request.", "common code"},
	{"InvalidNextToken.Malformed", 400, "The specified NextToken is invalid.", "", "The paging token is not one the API issued. Start the listing again without NextToken.", "common code (token paging, docs/api-shapes.md)"},
	{"InvalidRegionId.NotFound", 404, "The specified RegionId does not exist.", "RegionId", "The region does not exist. Pick a region from the list (DescribeRegions).", "docs/api-shapes.md common codes; docs/rules.md T1-1"},
	{"ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server.", "", "The service is temporarily unavailable. Try again in a moment; ecslaunch retries with the same client token.", "docs/api-shapes.md common codes"},

	// CreateLaunchTemplate (docs/api-shapes.md §16).
	{"LaunchTemplateName.Duplicated", 403, "The specified LaunchTemplateName already exists.", "LaunchTemplateName", "A launch template with this name already exists in the region. Choose another name or add a version to the existing template.", "docs/api-shapes.md §16"},
	{"LaunchTemplateLimitExceed", 403, "The number of launch templates exceeds the limit.", "LaunchTemplateName", "The region already holds as many launch templates as the account may have. Delete unused templates first.", "docs/api-shapes.md §16"},
	{"InvalidLaunchTemplateName.Malformed", 400, "The specified LaunchTemplateName is not valid.", "LaunchTemplateName", "The template name must be 2 to 128 characters, start with a letter or CJK character, not start with http:// or https://, and use only letters, digits, : _ and -.", "docs/api-shapes.md §16"},

	// docs/rules.md Table 1 codes the seed lacks (marked †).
	{"InvalidSecurityGroupId.SingleIdAndMultiIdConflict", 400, "SecurityGroupId and SecurityGroupIds cannot be specified at the same time.", "SecurityGroupIds.N", "Both SecurityGroupId and SecurityGroupIds.N are set. Use only one of them.", "docs/rules.md T1-9, T2-14"},
	{"JoinedGroupLimitExceed", 400, "The instance has joined too many security groups.", "SecurityGroupIds.N", "Too many security groups for one instance. Choose fewer security groups.", "docs/rules.md T1-10"},
	{"InvalidPerformanceLevel.Malformed", 400, "The specified parameter PerformanceLevel is not valid.", "SystemDisk.PerformanceLevel", "The ESSD performance level is not valid. Use PL0, PL1, PL2 or PL3, and only with cloud_essd.", "docs/rules.md T1-40"},
	{"InvalidParameter.Affinity", 400, "The specified Affinity is not valid.", "Affinity", "Affinity is not valid. Use default or host.", "docs/rules.md T1-93"},
	{"InvalidChargeType.ValueNotSupported", 403, "Deletion protection is only valid for postPaid instance, not for prePaid or spot instance.", "DeletionProtection", "Release protection works only for pay-as-you-go, non-spot instances. Turn DeletionProtection off, or use pay-as-you-go without spot.", "docs/rules.md T1-77, T2-30"},
	{"InvalidParam.SecondaryNetworkInterface", 400, "Secondary network interface is not allowed when Amount is larger than 1 with PrivateIpAddress.", "NetworkInterface.N.VSwitchId", "With a fixed private IP and Amount > 1, no extra network interface may be added. Remove the network interface or set Amount to 1.", "docs/rules.md T2-11"},

	// docs/rules.md Table 2: codes of today's API.
	{"InvalidPerformanceLevel.ValueNotSupported", 400, "The specified PerformanceLevel is not supported.", "SystemDisk.PerformanceLevel", "This ESSD performance level (often PL0) is not offered for this zone or instance type. Choose another level.", "docs/rules.md T2-3"},
	{"OperationDenied.PerformanceLevelNotMatch", 403, "The specified PerformanceLevel does not match the disk size.", "SystemDisk.PerformanceLevel", "The disk is too small for its ESSD performance level (PL2 needs at least 461 GiB, PL3 at least 1261 GiB). Make the disk larger or lower the level.", "docs/rules.md T2-3"},
	{"InvalidAutoSnapshotPolicyId.NotFound", 404, "The specified AutoSnapshotPolicyId does not exist.", "SystemDisk.AutoSnapshotPolicyId", "The automatic snapshot policy does not exist. Check its ID or leave it empty.", "docs/rules.md T2-6"},
	{"UnexpectedImageFamily.ImageIdSupplied", 400, "ImageFamily must be empty when ImageId is specified.", "ImageFamily", "Both ImageId and ImageFamily are set. Use only one of them.", "docs/rules.md T2-16"},
	{"InvalidImageFamily.MissingAvailableImage", 403, "The specified ImageFamily has no available image.", "ImageFamily", "The image family has no usable image. Choose another family or a specific ImageId.", "docs/rules.md T2-16"},
	{"InvalidHostname.SingleAndMultiConflict", 403, "HostName and HostNames cannot be specified at the same time.", "HostNames.N", "Both HostName and HostNames.N are set. Use only one of them.", "docs/rules.md T2-17"},
	{"InvalidHostname.SizeInvalid", 403, "The number of HostNames must equal Amount.", "HostNames.N", "The number of host names must equal Amount. Give one host name per instance.", "docs/rules.md T2-17"},
	{"InvalidInstanceName.CustomMalformed", 400, "The custom format of InstanceName is not valid.", "InstanceName", "The ordered-name pattern in InstanceName is malformed. Use name_prefix[begin_number,bits]name_suffix, e.g. web[1,3].", "docs/rules.md T2-17"},
	{"NumberExceed.Tags", 400, "The maximum number of tags is exceeded. Valid : 20", "Tag.N.Key", "Too many tags. Use at most 20.", "docs/rules.md T2-22"},
	{"InvalidSpotParam.EmptyZoneID", 400, "ZoneId is required when SpotStrategy is specified.", "ZoneId", "Spot instances need a specific zone. Choose a zone.", "docs/rules.md T2-28"},
	{"InvalidHttpEndpoint.NotSupported", 400, "The specified HttpEndpoint is not supported.", "HttpEndpoint", "HttpEndpoint is not valid. Use enabled or disabled.", "docs/rules.md T2-29"},
	{"InvalidHttpTokens.NotSupported", 400, "The specified HttpTokens is not supported.", "HttpTokens", "HttpTokens is not valid. Use optional or required (and keep HttpEndpoint enabled).", "docs/rules.md T2-29"},
	{"InvalidHttpPutResponseHopLimit.NotSupported", 400, "The specified HttpPutResponseHopLimit is not supported.", "HttpPutResponseHopLimit", "The metadata hop limit is not valid. Use a whole number from 1 to 64.", "docs/rules.md T2-29"},
	{"InvalidAutoPay.PostPaidUnsupported", 400, "AutoPay cannot be false for postpaid instances.", "AutoPay", "Pay-as-you-go orders are always paid automatically. Set AutoPay to true or leave it empty.", "docs/rules.md T2-31"},
	{"QuotaExceed.ElasticQuota", 403, "The number of vCPUs or instances exceeds the quota.", "InstanceType", "This launch would exceed your quota of vCPUs or instances for this type. Launch fewer or smaller instances, or ask for a higher quota.", "docs/rules.md T2-36"},
	{"QuotaExceed.DiskCapacity", 400, "The total disk capacity exceeds the quota.", "DataDisk.N.Size", "The total disk capacity would exceed your quota. Use smaller or fewer disks, or ask for a higher quota.", "docs/rules.md T2-36"},
	{"InvalidOperation.PublicIpAddressNoStock", 403, "Public IP addresses are out of stock.", "InternetMaxBandwidthOut", "No public IP addresses are left in this zone. Set InternetMaxBandwidthOut to 0 (no public IP) or try another zone.", "docs/rules.md T2-36"},
	{"DryRun.InvalidAmount", 403, "%s", "Amount", "The DryRun check found that Amount cannot be met. Lower Amount or set MinAmount.", "docs/rules.md T2-37"},
}
