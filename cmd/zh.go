package cmd

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n).
func init() {
	i18n.Register(map[string]string{
		"language of every message: en or zh (default: ECSLAUNCH_LANG, the aliyun CLI's language, then LC_ALL, LC_MESSAGES, LANG)": "所有消息的语言：en 或 zh（默认依次取 ECSLAUNCH_LANG、aliyun CLI 配置的语言、LC_ALL、LC_MESSAGES、LANG）",
	})
}
