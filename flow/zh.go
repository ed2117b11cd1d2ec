package flow

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n): the wizard's notices, what it loads,
// the review's own findings and the launch's question and summary.
func init() {
	i18n.Register(map[string]string{
		// What loads (loadNames), shown as "loading …" and "Could not load …".
		"regions":              "地域列表",
		"the region's catalog": "该地域的资源目录",
		"instance types":       "实例规格",
		"type prices":          "规格价格",
		"disk categories":      "云盘类型",
		"the price":            "价格",
		"online checks":        "在线检查",
		"the DryRun":           "DryRun 预检",

		// Load errors (effects.go).
		"load %s: %w":               "加载 %s：%w",
		"instance types in %s: %w":  "%s 的实例规格：%w",
		"disk categories of %s: %w": "%s 的云盘类型：%w",
		"%s is not a regular file (%s): user data is read from a file only":          "%s 不是普通文件（%s）：自定义数据只能从普通文件读取",
		"%s holds %d bytes: UserData takes at most %d (16 KiB) before encoding":      "%s 有 %d 字节：UserData 编码前最多 %d 字节（16 KiB）",
		"%s holds more than %d bytes: UserData takes at most 16 KiB before encoding": "%s 超过 %d 字节：UserData 编码前最多 16 KiB",
		"%s: no home folder to expand ~ in: %w":                                      "%s：找不到用于展开 ~ 的主目录：%w",
		"a directory":                                                                "是目录",
		"a FIFO":                                                                     "是命名管道 FIFO",
		"a device":                                                                   "是设备文件",
		"a socket":                                                                   "是套接字",
		"not a plain file":                                                           "不是普通文件",

		// Regions (loads.go).
		"unknown region %s":                       "未知地域 %s",
		"; did you mean %s?":                      "；您是否要找 %s？",
		" Choose a region.":                       "请选择一个地域。",
		"Some lists did not load: %s":             "部分列表未能加载：%s",
		"The marketplace images did not load: %v": "云市场镜像未能加载：%v",

		// Steps (steps.go).
		"Still loading %s…": "仍在加载 %s…",
		"Fix the field marked ✗ first: its rule is under it.": "请先修正标有 ✗ 的字段：规则说明在其下方。",
		"InstanceType %s is not offered in %s.":               "%[2]s 不提供实例规格 InstanceType %[1]s。",
		"%s is %s: press z to switch to such a zone.":         "%s %s：按 z 切换到有货的可用区。",
		"available":           "可购买",
		"sold out · in %s":    "已售罄 · 有货：%s",
		"not offered · in %s": "此处不提供 · 提供于：%s",
		"The type under the cursor is available here.": "光标所在的规格在此可用区可购买。",
		"Zone switched to %s, where %s is available.":  "已切换到可用区 %s，%s 在该可用区可购买。",

		// Spot (pricing.go).
		"SpotPriceLimit %s is below the current spot price of %s, %.3f %s/hour: ECS refuses it; %.3f is suggested": "SpotPriceLimit %s 低于 %s 当前的抢占式实例价格 %.3f %s/小时：ECS 会拒绝；建议设为 %.3f",

		// The review (review.go).
		"%s refers to ${%s}, which is not set: set it before a DryRun or a launch, or type the value": "%s 引用了 ${%s}，但该变量未设置：请在 DryRun 或启动前设置它，或直接输入取值",
		"DryRun needs credentials (or --sandbox).":                                                    "DryRun 需要访问凭证（或使用 --sandbox）。",
		"Export failed: %v":                   "导出失败：%v",
		"Could not write the %s: %v":          "%s写入失败：%v",
		"Wrote the %s to %s.":                 "%s已写入 %s。",
		"Wrote the %s to %s":                  "%s已写入 %s",
		"Wrote the %s export to stdout":       "%s 导出已写入 stdout",
		"export":                              "导出",
		"launch file":                         "启动文件",
		"Could not write the launch file: %v": "无法写入启动文件：%v",
		"Kept %s as it was.":                  "%s 保持不变。",
		"Copy failed: %v":                     "复制失败：%v",
		"Copied to the clipboard (%s).":       "已复制到剪贴板（%s）。",
		"The draft could not be read (%v); it is kept as %s and the wizard starts afresh.": "无法读取草稿（%v）；已另存为 %s，向导将重新开始。",
		"The draft could not be read: %v":                                                  "无法读取草稿：%v",
		"The draft cannot be saved (%v); keep going, but it will not survive a crash.":     "无法保存草稿（%v）；可以继续操作，但程序崩溃后草稿将丢失。",

		// The launch.
		"Launch %d instance(s) of %s in %s now?":                                          "现在在 %[3]s 创建 %[1]d 台 %[2]s 实例？",
		"This session already launched %s at %s. Launch %d more instance(s) of %s in %s?": "本次会话已于 %[2]s 创建了 %[1]s。要在 %[5]s 再创建 %[3]d 台 %[4]s 实例吗？",
		" (SANDBOX: the instances exist only in the local sandbox.)":                      "（SANDBOX：实例只存在于本地沙箱中。）",
		" This creates real, billed instances.":                                           "这将创建真实的、会产生费用的实例。",
		"Launching needs credentials (or --sandbox).":                                     "创建实例需要访问凭证（或使用 --sandbox）。",
		"Launched %d instance(s) of %s in %s (ClientToken %s):":                           "已在 %[3]s 创建 %[1]d 台 %[2]s 实例（ClientToken %[4]s）：",
		"  %s  %s  private %s  public %s":                                                 "  %s  %s  私网 %s  公网 %s",
	})
}
