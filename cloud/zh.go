package cloud

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n).
func init() {
	i18n.Register(map[string]string{
		"no Alibaba Cloud credentials found (aliyun configure, ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET or --profile); try ecslaunch without an account with --sandbox": "未找到阿里云凭证（aliyun configure、ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET 或 --profile）；没有账号也可以用 --sandbox 体验 ecslaunch",
		"aliyun CLI config %s cannot be read: %v":                                             "无法读取 aliyun CLI 配置文件 %s：%v",
		"aliyun CLI config %s is not valid JSON (rewrite it with aliyun configure)":           "aliyun CLI 配置文件 %s 不是有效的 JSON（请用 aliyun configure 重新生成）",
		"profile %[1]q: no profile is configured in %[2]s (aliyun configure --profile %[1]s)": "配置 %[1]q：%[2]s 中没有任何配置（aliyun configure --profile %[1]s）",
		"profile %q is not configured in %s; configured: %s":                                  "%[2]s 中没有配置 %[1]q；已有配置：%[3]s",
		"sandbox: start the sandbox first and pass its endpoint":                              "沙箱：请先启动沙箱并传入其接入点",
		"profile %q": "配置 %q",
		"ECS instance RAM role %q (ALIBABA_CLOUD_ECS_METADATA)":              "ECS 实例 RAM 角色 %q（ALIBABA_CLOUD_ECS_METADATA）",
		"environment variables":                                              "环境变量",
		"profile %q in %s: %w":                                               "%[2]s 中的配置 %[1]q：%[3]w",
		"profile %q (%s) of %s":                                              "%[3]s 中的配置 %[1]q（%[2]s）",
		"source_profile loop at %q":                                          "source_profile 在 %q 处形成循环",
		"mode AK needs access_key_id and access_key_secret":                  "AK 模式需要 access_key_id 和 access_key_secret",
		"mode StsToken needs access_key_id, access_key_secret and sts_token": "StsToken 模式需要 access_key_id、access_key_secret 和 sts_token",
		"mode RamRoleArn needs access_key_id and access_key_secret":          "RamRoleArn 模式需要 access_key_id 和 access_key_secret",
		"source_profile %q not found":                                        "找不到 source_profile %q",
		"source_profile %q: %w":                                              "source_profile %q：%w",
		"mode %q is not supported (use AK, StsToken, RamRoleArn, EcsRamRole or ChainableRamRoleArn)": "不支持模式 %q（请使用 AK、StsToken、RamRoleArn、EcsRamRole 或 ChainableRamRoleArn）",
		"mode %s needs ram_role_arn": "%s 模式需要 ram_role_arn",
		"canceled":                   "已取消",
		"timed out":                  "超时",
		"%s %s: timed out waiting for the answer (is the endpoint reachable and up?)": "%s %s：等待应答超时（接入点是否可达并在运行？）",
		"check the AccessKey secret": "请检查 AccessKey Secret",
		"the AccessKeyId is unknown: check the profile or ALIBABA_CLOUD_ACCESS_KEY_ID": "AccessKeyId 不存在：请检查配置或 ALIBABA_CLOUD_ACCESS_KEY_ID",
		"the AccessKey is disabled: enable it or use another":                          "AccessKey 已禁用：请启用它或换用其他 AccessKey",
		"the STS token has expired: get a new one":                                     "STS Token 已过期：请重新获取",
		"the STS token is not valid: get a new one":                                    "STS Token 无效：请重新获取",
		"the RAM user or role lacks the permission for this action":                    "RAM 用户或角色没有此操作的权限",
		"the account may not do this: check its RAM permissions":                       "该账号无权执行此操作：请检查其 RAM 权限",
		"too many requests: wait a minute and try again":                               "请求过多：请稍等一分钟后重试",
		"a temporary ECS failure: try again in a moment":                               "ECS 临时故障：请稍后重试",
		"sandbox: no endpoint":                                                         "沙箱：没有接入点",
		"sandbox at %s":                                                                "位于 %s 的沙箱",
		"(StringToSign withheld: it quotes every signed parameter)":                    "（已隐去 StringToSign：其中引用了全部签名参数）",
		"(StringToSign withheld)":                                                      "（已隐去 StringToSign）",
		"(withheld)":                                                                   "（已隐去）",
		"(%d parameters withheld by ecslaunch: the query carries the AccessKeyId, the signature and the request's values)": "（ecslaunch 已隐去 %d 个参数：查询串中含有 AccessKeyId、签名和请求的各项取值）",
		"--insecure needs --endpoint HOST:PORT: the real endpoints are HTTPS only":                                         "--insecure 需要 --endpoint HOST:PORT：真实接入点只支持 HTTPS",
		"--endpoint %q: give HOST:PORT without a scheme or path":                                                           "--endpoint %q：请给出 HOST:PORT，不要带协议或路径",
		"--endpoint %q: the port must be a number from 1 to 65535 (HOST:PORT)":                                             "--endpoint %q：端口须为 1 到 65535 之间的数字（HOST:PORT）",
		"the default: no --region, profile region_id or ALIBABA_CLOUD_REGION_ID":                                           "默认值：未给出 --region、配置的 region_id 或 ALIBABA_CLOUD_REGION_ID",
		"the sandbox's default": "沙箱的默认地域",
		"ecs client: %s":        "ECS 客户端：%s",
		"vpc client: %s":        "VPC 客户端：%s",
	})
}
