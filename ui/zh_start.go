package ui

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of the start screen and the creations' confirmation.
func init() {
	i18n.Register(map[string]string{
		" (numbers or values, comma-separated)": "（序号或取值，用逗号分隔）",
		"(esc: back)":                           "（esc：返回）",
		", version %d":                          "，版本 %d",
		"Create it?":                            "确认创建？",
		"Creating… (a VPC or vSwitch is waited for until Available)": "正在创建…（VPC 或交换机会等到 Available）",
		"Launch file":                       "启动文件",
		"Nothing was created.":              "未创建任何资源。",
		"Open the launch file":              "打开启动文件",
		"Preparing…":                        "正在准备…",
		"not sent":                          "不发送",
		"Reading…":                          "正在读取…",
		"save as a launch template":         "保存为启动模板",
		"Save as a launch template (live)":  "保存为启动模板（真实创建）",
		"Started from %s":                   "起点：%s",
		"back (on the menu: a new request)": "返回（在菜单上：新建请求）",
		"calls %s, with a ClientToken; recorded in the launch history": "调用 %s，带 ClientToken；记入启动历史",
		"cancel: nothing is created":                                   "取消：不创建任何资源",
		"create it":                                                    "创建",
		"start from it":                                                "从此开始",
		"then the steps, or the review":                                "然后逐步填写，或直接到确认页",
		"next choice":                                                  "下一个选项",
		"previous choice":                                              "上一个选项",
		"next value":                                                   "下一项",
		"previous value":                                               "上一项",
		"first":                                                        "第一项",
		"last":                                                         "最后一项",
	})
}

func init() {
	i18n.Register(map[string]string{
		"back to the previous step":                  "返回上一步",
		"quit (the draft is kept)":                   "退出（草稿会保留）",
		"%s: nothing to choose from in this region.": "%s：该地域中没有可选项。",
		"How to go on?":                              "接下来怎么做？",
	})
}
