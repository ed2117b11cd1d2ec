package rules

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n). A finding reads "<parameter> <rule>；
// 允许：<values>；当前值：<value>（docs/rules.md <row>）": the rule texts
// follow the parameter's name, as the English ones do.
func init() {
	i18n.Register(map[string]string{
		// How a finding is put together (rule.go).
		"; allowed: %s":           "；允许：%s",
		"; got %s":                "；当前值：%s",
		"; got N = %d":            "；当前 N = %d",
		" (docs/rules.md %s)":     "（docs/rules.md %s）",
		"nothing (not set)":       "空（未设置）",
		"%s characters":           "%s 个字符",
		"%s hours":                "%s 小时",
		"%s GiB for %s":           "%s GiB（%s）",
		"%s GiB (the image size)": "%s GiB（镜像大小）",
		"%s (Amount)":             "%s（Amount）",
		"%s, a power of 2":        "%s，且为 2 的幂",
		"; the image's OS type is unknown: this applies if it is Windows":           "；镜像的操作系统类型未知：仅当其为 Windows 时适用",
		"; the image's OS type is unknown: this holds for Linux and Windows images": "；镜像的操作系统类型未知：此规则对 Linux 和 Windows 镜像均适用",

		// The rule kinds (build.go, validate.go).
		"is out of range":           "超出取值范围",
		"is not a supported value":  "不是支持的取值",
		"has a length out of range": "长度超出范围",
		"is not an integer":         "不是整数",
		"an integer":                "整数",
		"is not a boolean":          "不是布尔值",
		"is not a number":           "不是数值",
		"a decimal number":          "十进制数",
		"is required":               "为必填参数",

		// Required parameters (T1-1, T1-2, T1-5, T1-7, T1-81, T2-34).
		"is required unless LaunchTemplateId, LaunchTemplateName or ImageFamily is given":                                   "为必填参数，除非指定了 LaunchTemplateId、LaunchTemplateName 或 ImageFamily",
		"is required unless LaunchTemplateId or LaunchTemplateName is given":                                                "为必填参数，除非指定了 LaunchTemplateId 或 LaunchTemplateName",
		"is required unless SecurityGroupIds.N, a launch template or a Primary NetworkInterface.N gives the security group": "为必填参数，除非由 SecurityGroupIds.N、启动模板或 Primary 类型的 NetworkInterface.N 指定安全组",
		"is required when InstanceChargeType is PrePaid":                                                                    "在 InstanceChargeType 为 PrePaid（包年包月）时为必填参数",
		"is required when PrivatePoolOptions.MatchCriteria is Target":                                                       "在 PrivatePoolOptions.MatchCriteria 为 Target 时为必填参数",

		// Network (T1-9, T1-10, T2-8).
		"cannot be given together with SecurityGroupIds.N":                                     "不能与 SecurityGroupIds.N 同时指定",
		"exceeds the security groups an instance may join":                                     "超出了一台实例可加入的安全组数量",
		"is above what today's API allows for this InternetMaxBandwidthOut (it may be capped)": "高于当前 API 在此 InternetMaxBandwidthOut 下允许的值（可能会被限制）",

		// Names (T1-20..29, T2-17, T2-18).
		"has a character the API does not allow":                                      "含有 API 不允许的字符",
		"letters (any script), digits, : _ . - and the ordered-name brackets [m,n]":   "字母（任何文字）、数字、: _ . - 以及有序名称的方括号 `[m,n]`",
		"letters (any script), digits, : _ . -":                                       "字母（任何文字）、数字、: _ . -",
		"uses a malformed ordered name":                                               "的有序名称格式不正确",
		"name_prefix[begin_number,bits]name_suffix with [], [,], [m,], [,n] or [m,n]": "name_prefix[begin_number,bits]name_suffix，方括号可写作 `[]`、`[,]`、`[m,]`、`[,n]` 或 `[m,n]`",
		"name_prefix[begin_number,bits]name_suffix":                                   "name_prefix[begin_number,bits]name_suffix",
		"must not start or end with . or - and must not use them consecutively":       "不能以 . 或 - 开头或结尾，也不能连续使用 . 或 -",
		"is not a valid Windows host name":                                            "不是有效的 Windows 主机名",
		"2..15 characters of A-Z a-z 0-9 -, not all digits":                           "2..15 个字符，由 A-Z、a-z、0-9 和 - 组成，不能全是数字",
		"is not a valid host name":                                                    "不是有效的主机名",
		"2..64 characters; segments of A-Z a-z 0-9 - joined by .":                     "2..64 个字符；由 . 分隔的若干段，每段由 A-Z、a-z、0-9 和 - 组成",
		"leaves no room for the 3-character UniqueSuffix":                             "过长，放不下 UniqueSuffix 追加的 3 个字符",
		"leaves no room for the 3-character UniqueSuffix on Windows":                  "过长，在 Windows 实例上放不下 UniqueSuffix 追加的 3 个字符",
		"at most 125 characters with UniqueSuffix":                                    "使用 UniqueSuffix 时最多 125 个字符",
		"at most 12 characters with UniqueSuffix":                                     "使用 UniqueSuffix 时最多 12 个字符",
		"at most 61 characters with UniqueSuffix":                                     "使用 UniqueSuffix 时最多 61 个字符",
		"must not start with http:// or https://":                                     "不能以 http:// 或 https:// 开头",

		// Password (T1-30..33).
		"is true, so Password must be empty":                                 "为 true，因此 Password 必须为空",
		"must use at least 3 of 4 character classes and no other characters": "必须至少包含 4 类字符中的 3 类，且不能含有其他字符",
		"A-Z, a-z, 0-9 and %s":                                               "A-Z、a-z、0-9 和 %s",
		"must not start with / for a Windows image":                          "在 Windows 镜像上不能以 / 开头",
		"is a literal password in a launch file; use ${ECS_PASSWORD}":        "是写在启动文件里的明文密码；请改用 ${ECS_PASSWORD}",

		// System disk (T1-35..40, T2-1..3).
		"is below the minimum for its category":                        "低于其云盘类别的最小值",
		"is above the maximum for its category":                        "高于其云盘类别的最大值",
		"is smaller than the image":                                    "小于镜像大小",
		"the default category":                                         "默认类别",
		"cloud_essd PL1 (default)":                                     "cloud_essd PL1（默认）",
		"applies only to a cloud_essd system disk and is ignored here": "只对 cloud_essd 系统盘生效，此处会被忽略",

		// Data disks (T1-41..53, T2-4, T2-5).
		"exceeds the data disks an instance may have":                             "超出了一台实例可挂载的数据盘数量",
		"is out of range for its category":                                        "超出其云盘类别的取值范围",
		"no category (default cloud or cloud_efficiency)":                         "未指定类别（默认为 cloud 或 cloud_efficiency）",
		"needs DataDisk.N.Encrypted=true":                                         "需要 DataDisk.N.Encrypted=true",
		"is not a device name":                                                    "不是设备名",
		"/dev/xvdb../dev/xvdz, /dev/xvdaa../dev/xvdzz (or the seed's /dev/vd*)":   "/dev/xvdb../dev/xvdz、/dev/xvdaa../dev/xvdzz（或 2019 版文档的 /dev/vd*）",
		"applies only when DataDisk.N.Category is cloud_essd and is ignored here": "只在 DataDisk.N.Category 为 cloud_essd 时生效，此处会被忽略",

		// Network interfaces (T1-54..57, T2-12).
		"exceeds the network interfaces allowed at creation": "超出了创建实例时允许的弹性网卡数量",
		"is not an IPv4 address":                             "不是 IPv4 地址",
		"a dotted IPv4 address":                              "点分十进制的 IPv4 地址",
		"is Primary, so the top-level VSwitchId, SecurityGroupId(s), PrivateIpAddress, Ipv6* and NetworkInterfaceQueueNumber must not be set": "为 Primary（主网卡），因此不能再设置顶层的 VSwitchId、SecurityGroupId(s)、PrivateIpAddress、Ipv6* 和 NetworkInterfaceQueueNumber",
		"is Primary, so NetworkInterface.N.VSwitchId and a security group on the interface are required":                                      "为 Primary（主网卡），因此必须指定 NetworkInterface.N.VSwitchId 以及该网卡的安全组",

		// User data, amount, spot (T1-58..66, T2-10, T2-28).
		"is not Base64":                     "不是 Base64 编码",
		"standard Base64":                   "标准 Base64 编码",
		"is too large once decoded":         "解码后过大",
		"at most 32768 bytes before Base64": "Base64 编码前最多 32768 字节",
		"must not exceed Amount":            "不能大于 Amount",
		"asks for a spot instance, which needs InstanceChargeType=PostPaid":             "要求抢占式实例，这需要 InstanceChargeType=PostPaid（按量付费）",
		"asks for a spot instance, which needs ZoneId (or a VSwitchId that implies it)": "要求抢占式实例，这需要指定 ZoneId（或指定能确定可用区的 VSwitchId）",
		"is not a price with at most 3 decimals":                                        "不是最多 3 位小数的价格",
		"0.001..999999, at most 3 decimals":                                             "0.001..999999，最多 3 位小数",
		"applies only with SpotStrategy=SpotWithPriceLimit and is ignored here":         "只在 SpotStrategy=SpotWithPriceLimit 时生效，此处会被忽略",

		// Tags (T1-69..72, T2-21, T2-22).
		"exceeds the tags a request may carry":                                           "超出了一次请求可携带的标签数量",
		"exceeds the 20 tags the documentation text still states (the schema allows 71)": "超出了文档正文仍写着的 20 个标签（接口定义允许 71 个）",
		"must not start with aliyun or acs:":                                             "不能以 aliyun 或 acs: 开头",
		"must not contain http:// or https://":                                           "不能包含 http:// 或 https://",
		"is given without Tag.N.Key":                                                     "指定了，但缺少对应的 Tag.N.Key",
		"repeats the key of an earlier tag":                                              "与前面某个标签的键重复",
		"unique keys":                                                                    "互不相同的标签键",

		// Billing and release (T1-76..85, T2-23, T2-25, T2-30, T2-31).
		"is true, but deletion protection applies to pay-as-you-go, non-spot instances only": "为 true，但释放保护只适用于按量付费的非抢占式实例",
		"is not a UTC time":                                           "不是 UTC 时间",
		"yyyy-MM-ddTHH:mm:ssZ (UTC)":                                  "yyyy-MM-ddTHH:mm:ssZ（UTC）",
		"is outside the allowed window":                               "不在允许的时间范围内",
		"from %s (now + 30 minutes) to %s (now + 3 years)":            "从 %s（当前时间 + 30 分钟）到 %s（当前时间 + 3 年）",
		"applies to pay-as-you-go instances only and is ignored here": "只适用于按量付费实例，此处会被忽略",
		"is not a subscription length for its PeriodUnit":             "不是其 PeriodUnit 下可选的购买时长",
		"is not a renewal length for its PeriodUnit":                  "不是其 PeriodUnit 下可选的续费时长",
		"cannot be false for a PostPaid instance":                     "对 PostPaid（按量付费）实例不能为 false",

		// Addresses (T1-86..94, T2-11, T2-13).
		"cannot be given together with Ipv6Address.N":    "不能与 Ipv6Address.N 同时指定",
		"is not an IPv6 address, or N exceeds 10":        "不是 IPv6 地址，或 N 超过了 10",
		"an IPv6 address, N = 1..10":                     "IPv6 地址，N = 1..10",
		"must be 1 when Ipv6Address.N is given":          "在指定 Ipv6Address.N 时必须为 1",
		"needs VSwitchId":                                "需要指定 VSwitchId",
		"is not an ASCII token of at most 64 characters": "不是最多 64 个字符的 ASCII 字符串",
		"1..64 ASCII characters":                         "1..64 个 ASCII 字符",
		"with Amount > 1 assigns consecutive addresses, which excludes NetworkInterface.N":                                           "在 Amount > 1 时会分配连续的地址，此时不能指定 NetworkInterface.N",
		"with Amount > 1 gives the instances consecutive addresses from this one (today's API; the 2019 spec allowed only Amount 1)": "在 Amount > 1 时会从此地址起为各实例分配连续的地址（当前 API 的行为；2019 版文档只允许 Amount 为 1）",
		"%d addresses %s..%s (Amount %d), all free and usable in the vSwitch's CIDR block":                                           "%[1]d 个地址 %[2]s..%[3]s（Amount %[4]d），都须在交换机网段内空闲且可用",
		"%d addresses from %s, which run past 255.255.255.255":                                                                       "从 %[2]s 起的 %[1]d 个地址，超出了 255.255.255.255",

		// Parameters of today's API (T2-16, T2-17).
		"cannot be given together with ImageId":                                                "不能与 ImageId 同时指定",
		"cannot be given together with HostNames.N":                                            "不能与 HostNames.N 同时指定",
		"must list one host name per instance (Amount)":                                        "必须为每台实例列出一个主机名（共 Amount 个）",
		"as many as Amount":                                                                    "与 Amount 相同的个数",
		"holds an invisible or direction character, which no ECS ID, type or setting contains": "含有不可见字符或文字方向控制字符，任何 ECS ID、规格或设置都不会包含这类字符",
		"visible characters only (found %s at character %d)":                                   "只能是可见字符（第 %[2]d 个字符是 %[1]s）",

		// The vSwitch's addresses (privateip.go).
		"%q is not a dotted IPv4 address":                          "%q 不是点分十进制的 IPv4 地址",
		"%s is not inside the vSwitch's CIDR block %s":             "%s 不在交换机的网段 %s 内",
		"; usable: %s..%s":                                         "；可用地址：%s..%s",
		"the network address of %s":                                "%s 的网络地址",
		"the broadcast address of %s":                              "%s 的广播地址",
		"one of the last %d addresses of %s":                       "%[2]s 的最后 %[1]d 个地址之一",
		"%s is %s, which ECS reserves%s":                           "%s 是 %s，由 ECS 保留%s",
		"%s with Amount %d runs past 255.255.255.255":              "%s 在 Amount 为 %d 时超出了 255.255.255.255",
		"%s with Amount %d takes the consecutive addresses %s..%s": "%s 在 Amount 为 %d 时占用连续地址 %s..%s",
		"%s, but %s": "%s，但 %s",

		// The catalog checks (online.go).
		"online checks stopped: %s":          "在线检查已停止：%s",
		"could not check %s: %s":             "无法检查%s：%s",
		"that region %s exists":              "地域 %s 是否存在",
		"that zone %s exists":                "可用区 %s 是否存在",
		"vSwitch %s":                         "交换机 %s",
		"image %s":                           "镜像 %s",
		"instance type %s":                   "实例规格 %s",
		"security group %s":                  "安全组 %s",
		"key pair %s":                        "密钥对 %s",
		"the current spot price of %s in %s": "%s 在 %s 的当前抢占式实例价格",
		"RegionId %q is not a known region":  "RegionId %q 不是已知的地域",
		"ZoneId %q is not a zone of %s":      "ZoneId %q 不是 %s 的可用区",
		"VSwitchId %q does not exist":        "VSwitchId %q 不存在",
		"%sVSwitchId %q does not exist":      "%sVSwitchId %q 不存在",
		"VSwitchId %q is in zone %s, not in ZoneId %s: specified virtual switch is not in the specified zone": "VSwitchId %q 位于可用区 %s，不在 ZoneId %s 中：指定的交换机不在指定的可用区",
		"VSwitchId %q has %d free IP addresses, fewer than Amount %d":                                         "VSwitchId %q 只有 %d 个空闲 IP 地址，少于 Amount %d",
		"%s %s (vSwitch %s)":                                         "%s %s（交换机 %s）",
		"ImageId %q does not exist in %s":                            "ImageId %q 在 %s 中不存在",
		"ImageId %q is %s, not Available":                            "ImageId %q 的状态为 %s，不是 Available",
		"InstanceType %q is not an instance type of %s":              "InstanceType %q 不是 %s 的实例规格",
		"elsewhere: %s":                                              "可购买的可用区：%s",
		"in no zone of this region":                                  "本地域内没有可购买的可用区",
		"InstanceType %s is out of stock in %s for %s; available %s": "InstanceType %s 在 %s 以 %s 方式购买时库存不足；%s",
		"InstanceType %s is not offered in %s for %s; available %s":  "InstanceType %s 在 %s 不提供 %s 方式购买；%s",
		"the region": "本地域",
		"zone %s":    "可用区 %s",
		"ImageId %s is built for %s but InstanceType %s has %s CPUs: the specified image does not support the specified instance type":                                  "ImageId %s 适用于 %s 架构，而 InstanceType %s 的 CPU 架构为 %s：指定的镜像不支持指定的实例规格",
		"SystemDisk.Category %s is not offered for %s in %s; allowed: %s":                                                                                               "SystemDisk.Category %[1]s 在 %[3]s 不适用于 %[2]s；允许：%[4]s",
		"%s %s is not offered for %s in %s; allowed: %s":                                                                                                                "%[1]s %[2]s 在 %[4]s 不适用于 %[3]s；允许：%[5]s",
		"%s %s is in %s but VSwitchId %s is in %s: specified security group and virtual switch are not in the same VPC":                                                 "%s %s 属于 %s，而 VSwitchId %s 属于 %s：指定的安全组和交换机不在同一个专有网络 VPC 中",
		"VSwitchId is required because the security group is in a VPC: the input parameter \"VSwitchId\" that is mandatory for processing this request is not supplied": "安全组属于专有网络 VPC，因此必须指定 VSwitchId：处理此请求所必需的参数 \"VSwitchId\" 未提供",
		"a basic security group":                  "普通安全组",
		"an advanced (enterprise) security group": "企业级安全组",
		"%s %s, %s, holds %d of its %d instances; adding %d (Amount) exceeds its capacity by %d":                                              "%s %s（%s）已容纳 %d 台实例，上限 %d 台；再加入 %d 台（Amount）将超出其容量 %d 台",
		"%s %s, %s, holds %d instances; adding %d (Amount) exceeds the %d such a group holds by default (the account's quota may allow more)": "%s %s（%s）已容纳 %d 台实例；再加入 %d 台（Amount）将超出此类安全组默认可容纳的 %d 台（账号配额可能允许更多）",
		"%s %q does not exist": "%s %q 不存在",
		"KeyPairName is ignored for a Windows image (Password is used)": "Windows 镜像会忽略 KeyPairName（使用 Password 登录）",
		"KeyPairName %q does not exist in %s":                           "KeyPairName %q 在 %s 中不存在",
		"SpotPriceLimit %s is below the current spot price of %s in %s, %.3f %s/hour: the limit can't be lower than the current public price": "SpotPriceLimit %s 低于 %s 在 %s 的当前抢占式实例价格 %.3f %s/小时：出价上限不能低于当前公开价格",
	})
}
