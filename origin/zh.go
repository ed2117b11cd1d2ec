package origin

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n).
func init() {
	i18n.Register(map[string]string{
		"the launch history is empty: there is no launch %d to start from":                        "启动历史为空：没有可作为起点的第 %d 次启动",
		"launch %d: the history has launches 1 to %d (ecslaunch history lists them)":              "第 %d 次启动：启动历史只有第 1 到第 %d 次（ecslaunch history 会列出）",
		"launch %d (%s) recorded no request to start from":                                        "第 %d 次启动（%s）没有记录可作为起点的请求",
		"launch %d: the recorded request does not read back: %w":                                  "第 %d 次启动：记录的请求无法读回：%w",
		"not carried: a new launch gets its own, or ECS would answer launch %d's instances again": "未带过来：新的启动使用自己的 ClientToken，否则 ECS 会再次返回第 %d 次启动的实例",
		"recorded as %s, never its value: set that variable when you launch":                      "记录为 %s，从不记录其值：启动时请设置该变量",
		"launch %d made %s (%s); this request makes new instances":                                "第 %d 次启动创建了 %s（%s）；本请求会创建新的实例",
		"give --region %s": "请给出 --region %s",
		"no region has it; list the region's instances with aliyun ecs DescribeInstances --RegionId %s":                                                                    "所有地域都没有它；可用 aliyun ecs DescribeInstances --RegionId %s 列出该地域的实例",
		"the new instances boot from image %s as published, not from a copy of %s's system disk; to copy its disk, make an image of it (CreateImage) and use that":         "新实例从发布时的镜像 %s 启动，而不是 %s 系统盘的副本；如需复制它的系统盘，请先为它创建镜像（CreateImage）再使用该镜像",
		"%s has no key pair: it logs in by password; pick a key pair or set Password":                                                                                      "%s 没有密钥对：它用密码登录；请选择密钥对或设置 Password",
		"an instance's password is never retrievable: set Password (e.g. ${ECS_PASSWORD}) or log in with a key pair":                                                       "实例的密码永远无法取回：请设置 Password（例如 ${ECS_PASSWORD}），或用密钥对登录",
		"carried as it is: it ran at %s's first boot and will run at the new instances' first boot":                                                                        "原样带过来：它在 %s 首次启动时运行过，也会在新实例首次启动时运行",
		"a RAM role attached to %s is not read: set RamRoleName if it has one":                                                                                             "不会读取 %s 绑定的 RAM 角色：如有，请设置 RamRoleName",
		"%s is a subscription (until %s) whose length is not retrievable: the request subscribes for 1 Month; check Period, PeriodUnit and AutoRenew":                      "%s 为包年包月实例（到期 %s），其购买时长无法取回：请求按 1 Month 购买；请检查 Period、PeriodUnit 和 AutoRenew",
		"%s's public address %s is an EIP, associated after launch, not made by RunInstances: associate one to the new instances (AssociateEipAddress)":                    "%s 的公网地址 %s 是启动后绑定的 EIP，不是 RunInstances 分配的：请为新实例绑定 EIP（AssociateEipAddress）",
		"%s is released automatically at %s; the request sets no release time":                                                                                             "%s 将在 %s 自动释放；本请求不设置释放时间",
		"%s is %s's own: the new instances get free addresses of vSwitch %s":                                                                                               "%s 是 %s 自己的地址：新实例会获得交换机 %s 中的空闲地址",
		"%s has %d secondary network interface(s), attached after launch: they are not carried":                                                                            "%s 有 %d 个启动后挂载的辅助网卡：不会带过来",
		"%s is numbered: the request goes on from it with the ordered name %s":                                                                                             "%s 带有编号：请求接着编号，使用有序名称 %s",
		"%s is %s's own host name: the new instances get the same one; change it if names must differ":                                                                     "%s 是 %s 自己的主机名：新实例会使用同一个；如需不同的名称请修改",
		"%s are the platform's own tags (acs:, aliyun): not carried":                                                                                                       "%s 是平台自有标签（acs:、aliyun）：不会带过来",
		"disk %[1]s was made from snapshot %[2]s, and the new disk is too: it starts with that snapshot's data, not %[1]s's data of today (the snapshot must still exist)": "云盘 %[1]s 由快照 %[2]s 创建，新云盘也是：它从该快照的数据开始，而不是 %[1]s 当前的数据（该快照必须仍然存在）",
		"disk %s was made empty, and the new disk is too: its data is not copied (snapshot it and set %sSnapshotId to copy it)":                                            "云盘 %s 创建时为空盘，新云盘也是：其数据不会被复制（如需复制，请为它创建快照并设置 %sSnapshotId）",
		"false, as on %s: the new disk outlives its instance; release it yourself":                                                                                         "与 %s 一样为 false：新云盘在实例释放后仍保留；请自行释放",
		"DescribeDisks answered no disks for %s: the request keeps the API's disk defaults":                                                                                "DescribeDisks 没有返回 %s 的云盘：请求沿用接口的云盘默认值",
		"instance %s does not exist in %s":                         "实例 %s 不存在于地域 %s",
		"launch template %s does not exist in %s":                  "启动模板 %s 不存在于地域 %s",
		"launch template version %s does not exist in %s":          "启动模板版本 %s 不存在于地域 %s",
		"%s %s does not exist in %s":                               "%s %s 不存在于地域 %s",
		"%s; it is in %s":                                          "%s；它在 %s",
		"%q is not a launch template ID: they look like lt-…":      "%q 不是启动模板 ID：启动模板 ID 形如 lt-…",
		"%q is not an instance ID: they look like i-…":             "%q 不是实例 ID：实例 ID 形如 i-…",
		"launch template version %d: versions are numbered from 1": "启动模板版本 %d：版本从 1 开始编号",
		"no region has it; list the region's templates with aliyun ecs DescribeLaunchTemplates --RegionId %s": "所有地域都没有它；可用 aliyun ecs DescribeLaunchTemplates --RegionId %s 列出该地域的模板",
		"%s version %d": "%s 版本 %d",
		"%s (%s) has versions 1 to %d, default %d: list them with aliyun ecs DescribeLaunchTemplateVersions --RegionId %s --LaunchTemplateId %s": "%s（%s）有版本 1 到 %d，默认版本 %d：可用 aliyun ecs DescribeLaunchTemplateVersions --RegionId %s --LaunchTemplateId %s 列出",
		"%s is not carried: RunInstances takes the VPC from VSwitchId":                                                                           "%s 未带过来：RunInstances 从 VSwitchId 得到 VPC",
		"%s is not carried: every instance here is in a VPC":                                                                                     "%s 未带过来：这里的实例都在 VPC 中",
		"%s is not carried: ImageId names the image":                                                                                             "%s 未带过来：镜像由 ImageId 指定",
		"RunInstances has no such parameter: %s is not carried":                                                                                  "RunInstances 没有这个参数：%s 未带过来",
		"a launch template never holds one: set Password (e.g. ${ECS_PASSWORD}) or log in with a key pair":                                       "启动模板从不保存密码：请设置 Password（例如 ${ECS_PASSWORD}），或用密钥对登录",
		"a launch template holds no count: the request launches 1 unless you set Amount":                                                         "启动模板不保存数量：除非设置 Amount，否则请求只启动 1 台",
	})
}
