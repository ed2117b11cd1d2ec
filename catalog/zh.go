package catalog

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n), and the English plurals.
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
	})
}
