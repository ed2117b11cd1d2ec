package apidoc

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n). The summaries and explanations are
// data keyed by parameter and code (summariesZh, explanationsZh).
func init() {
	i18n.Register(map[string]string{
		"API reference:": "API 参考：",
		"Example: %s":    "示例：%s",
	})
}
