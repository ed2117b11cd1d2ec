package sandbox

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n).
func init() {
	i18n.Register(map[string]string{
		"sandbox stopped":       "沙箱已停止",
		"state saved to %s":     "状态已保存到 %s",
		"(the secret you gave)": "（您给出的 Secret）",
		"ECS sandbox listening on %s://%s — nothing real is created.": "ECS 沙箱正在监听 %s://%s — 不会创建任何真实资源。",
		"API versions:": "API 版本：",
		"Signatures:":   "签名：",
		"v1 (HMAC-SHA1: classic SDK, aliyun CLI) and ACS3-HMAC-SHA256 (V2.0 SDKs)": "v1（HMAC-SHA1：经典版 SDK、aliyun CLI）和 ACS3-HMAC-SHA256（V2.0 SDK）",
		"Boot time:":                        "启动耗时：",
		"%s (Pending → Starting → Running)": "%s（Pending → Starting → Running）",
		"State file:":                       "状态文件：",
		"World:":                            "目录：",
		"Faults:":                           "故障注入：",
		"latency %s, throttle %.2f, errors %.2f, drop-after-commit %.2f": "延迟 %s，限流 %.2f，错误 %.2f，提交后断连 %.2f",
		"Press Ctrl-C to stop.": "按 Ctrl-C 停止。",
		"aliyun CLI (the sandbox speaks plain HTTP, hence --insecure):":                                        "aliyun CLI（沙箱使用明文 HTTP，因此需要 --insecure）：",
		"or with environment variables only:":                                                                  "或只用环境变量：",
		"HTTPS with a certificate from the sandbox's local CA, kept for the next starts (trust it once):":      "HTTPS 使用沙箱本地 CA 签发的证书，CA 会保留供以后启动使用（信任一次即可）：",
		"aliyun CLI (HTTPS, so no --insecure):":                                                                "aliyun CLI（HTTPS，因此无需 --insecure）：",
		"Go SDK V2.0 (github.com/alibabacloud-go/ecs-20140526/v7), the runtime's ca (or openapi.Config's Ca):": "Go SDK V2.0（github.com/alibabacloud-go/ecs-20140526/v7），使用运行时的 ca（或 openapi.Config 的 Ca）：",
		"Go SDK (github.com/aliyun/alibaba-cloud-sdk-go), with SSL_CERT_FILE set as above:":                    "Go SDK（github.com/aliyun/alibaba-cloud-sdk-go），按上面设置 SSL_CERT_FILE：",
		"CA certificate:": "CA 证书：",
		"most programs:":  "大多数程序：",
		"SSL_CERT_FILE=%s   (Go programs, curl, OpenSSL; it replaces the system roots for that process only)": "SSL_CERT_FILE=%s   （Go 程序、curl、OpenSSL；只替换该进程的系统根证书）",
	})
}
