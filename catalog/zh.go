package catalog

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n), and the English plural forms.
func init() {
	i18n.RegisterPlural("%d hour(s)", 1, "%d hour", "%d hours")
	i18n.RegisterPlural("%d week(s)", 1, "%d week", "%d weeks")
	i18n.RegisterPlural("%d month(s)", 1, "%d month", "%d months")
	i18n.RegisterPlural("%d year(s)", 1, "%d year", "%d years")
	i18n.Register(map[string]string{
		"hour":        "小时",
		"week":        "周",
		"month":       "月",
		"year":        "年",
		"%d hour(s)":  "%d 小时",
		"%d week(s)":  "%d 周",
		"%d month(s)": "%d 个月",
		"%d year(s)":  "%d 年",
		"price: the request refers to ${%s}, which is resolved only when a call is made": "询价：请求引用了 ${%s}，它只在发起调用时才解析",
		"the per-GB traffic price could not be had: %v":                                  "无法获取每 GB 流量价格：%v",
		"the whole configuration (DescribePrice gave no breakdown)":                      "整体配置（DescribePrice 未给出明细）",
		"%s (spot, %s)":    "%s（抢占式实例，%s）",
		"%d data disks":    "%d 块数据盘",
		"default category": "默认类型",
		"%s, default size": "%s，默认容量",
		"%s, %s GiB":       "%s，%s GiB",
		"no public IP (InternetMaxBandwidthOut 0)":                                                                        "无公网 IP（InternetMaxBandwidthOut 0）",
		"%d Mbit/s fixed (PayByBandwidth)":                                                                                "固定 %d Mbit/s（PayByBandwidth）",
		"%d Mbit/s peak, PayByTraffic (traffic billed per GB)":                                                            "峰值 %d Mbit/s，PayByTraffic（流量按 GB 计费）",
		"difference between DescribePrice's total and its itemised parts (rounding or an order-level discount)":           "DescribePrice 总价与各分项之和的差额（舍入或订单级折扣）",
		"%d months are priced as %d Year (DescribePrice takes Month 1-9; yearly rules apply)":                             "%d 个月按 %d Year 询价（DescribePrice 的 Month 只接受 1-9；适用按年的规则）",
		"DescribePrice prices %[1]d data disks with an instance: DataDisk beyond the %[1]dth were priced one by one":      "DescribePrice 随实例最多询价 %[1]d 块数据盘：第 %[1]d 块之后的 DataDisk 逐块询价",
		"the instance line is the current spot price with no zone given (the API's default zone); it changes by the hour": "实例一行为未指定可用区（接口默认可用区）时的当前抢占式实例价格；价格按小时变化",
		"the instance line is the current spot price in %s; it changes by the hour":                                       "实例一行为 %s 的当前抢占式实例价格；价格按小时变化",
		"SpotPriceLimit caps an instance at %s %s/hour":                                                                   "SpotPriceLimit 把每台实例的价格上限设为 %s %s/小时",
		"%s in %s: %s":                           "%s（%s）：%s",
		"image %s in %s: %w":                     "镜像 %s（地域 %s）：%w",
		"instance type %s in %s: %w":             "实例规格 %s（地域 %s）：%w",
		"vSwitch %s in %s: %w":                   "交换机 %s（地域 %s）：%w",
		"security group %s in %s: %w":            "安全组 %s（地域 %s）：%w",
		"key pair %s in %s: %w":                  "密钥对 %s（地域 %s）：%w",
		"NextToken %q repeats":                   "NextToken %q 重复出现",
		"more than %d pages":                     "超过 %d 页",
		"TotalCount %d needs more than %d pages": "TotalCount %d 需要超过 %d 页",
		"load %s: every list failed: %w":         "加载 %s：所有列表都失败了：%w",
		"PriceUnit %q does not apply to a PrePaid subscription: use Week, Month or Year": "PriceUnit %q 不适用于包年包月（PrePaid）：请使用 Week、Month 或 Year",
		"PriceUnit %q does not apply to pay-as-you-go (%s): its prices are per Hour":     "PriceUnit %q 不适用于按量付费（%s）：其价格按 Hour 计",
		"price: no InstanceType yet":                                                     "询价：尚未选择 InstanceType",
		"unknown region %s; did you mean %s?":                                            "未知地域 %s；您是否要找 %s？",
		"unknown region %s; known regions: %s":                                           "未知地域 %s；已知地域：%s",
		"spot price history of %s: no ZoneId (spot prices are per zone)":                 "%s 的抢占式实例价格历史：缺少 ZoneId（抢占式实例价格按可用区给出）",
		"DescribeSpotPriceHistory of %s in %s: more than %d pages":                       "%s 在 %s 的 DescribeSpotPriceHistory：超过 %d 页",
		"spot price of %s in %s in %s: %w":                                               "%s 在 %s（地域 %s）的抢占式实例价格：%w",
		"%s is not sold as a spot instance in %s: DescribeSpotPriceHistory has no price": "%s 在 %s 不以抢占式实例出售：DescribeSpotPriceHistory 没有价格",
		"no region: pass --region or set region_id in the aliyun CLI profile":            "未指定地域：请给出 --region，或在 aliyun CLI 配置中设置 region_id",
		"no price for %d of %d types (%s%s): %v":                                         "%[2]d 个实例规格中有 %[1]d 个没有价格（%[3]s%[4]s）：%[5]v",
	})
}
