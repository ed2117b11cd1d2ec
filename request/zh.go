package request

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of this package's messages, keyed by their English
// format strings (see package i18n). The launch file's own keys (version,
// description, ask, request) and the API's parameter names stay as written.
func init() {
	i18n.Register(map[string]string{
		// Launch files (launchfile.go).
		"line %d: %s": "第 %d 行：%s",
		"the launch file is %d bytes; a launch file may be at most %d bytes (1 MiB)": "启动文件大小为 %d 字节；启动文件最大为 %d 字节（1 MiB）",
		"empty launch file: it needs at least `version: 1` and `request:`":           "启动文件为空：至少需要 `version: 1` 和 `request:`",
		"a launch file is a mapping with version, description, ask and request":      "启动文件是由 version、description、ask 和 request 组成的映射",
		"duplicate key %q":     "键 %q 重复",
		"missing `version: 1`": "缺少 `version: 1`",
		"missing `request:` (the RunInstances parameters)":                                                           "缺少 `request:`（即 RunInstances 的参数）",
		"a second YAML document (after ---): a launch file holds exactly one request; put the other in its own file": "出现了第二个 YAML 文档（位于 --- 之后）：一个启动文件只能包含一个请求，请把另一个放到单独的文件中",
		"not valid YAML: %s": "不是有效的 YAML：%s",
		"version: this program reads version %d, found %q":                                                 "version：本程序读取的版本为 %d，文件中为 %q",
		"description: must be text":                                                                        "description：必须是文本",
		"request: must be a mapping of RunInstances parameters":                                            "request：必须是由 RunInstances 参数组成的映射",
		"%s is a RunInstances parameter: parameters go under request: (indent it below a `request:` line)": "%s 是 RunInstances 的参数：参数应写在 request: 之下（缩进到 `request:` 这一行的下面）",
		"unknown key %q: if it is the parameter %s, it goes under request:":                                "未知的键 %q：如果它是参数 %s，应写在 request: 之下",
		"ask: must be a list of parameter names, e.g. [InstanceName, Amount, Tag]":                         "ask：必须是参数名的列表，例如 `[InstanceName, Amount, Tag]`",
		"ask: each entry is a parameter name":                                                              "ask：每一项都是一个参数名",
		"ask: %s":                                                                                          "ask：%s",
		"<<: merges a mapping (<<: *anchor), or a list of them":                                            "<<: 合并的是一个映射（<<: *anchor）或映射的列表",
		"the file expands to too many values (more than %d; aliases?)":                                     "文件展开后的值过多（超过 %d 个；是否用了别名？）",
		"%s is given twice":                                                                                "%s 指定了两次",
		"%s takes a single value, not a mapping":                                                           "%s 取单个值，不能是映射",
		"%s is not a list parameter":                                                                       "%s 不是列表参数",
		"%s: unsupported value":                                                                            "%s：不支持的值",
		"%s takes a mapping, not a single value":                                                           "%s 取一个映射，不能是单个值",
		"%s takes a list, not a single value":                                                              "%s 取一个列表，不能是单个值",
		"unknown key %q: did you mean %s?":                                                                 "未知的键 %q：您是否要写 %s？",
		"unknown key %q":                                                                                   "未知的键 %q",

		// Patching a launch file (patch.go).
		"the launch file's request uses YAML anchors or merge keys": "启动文件的 request 使用了 YAML 锚点或合并键",
		"the patched launch file does not parse":                    "修改后的启动文件无法解析",

		// Parameters (request.go).
		"unknown RunInstances parameter %q (did you mean %s?)":                          "RunInstances 没有参数 %q（您是否要写 %s？）",
		"unknown RunInstances parameter %q":                                             "RunInstances 没有参数 %q",
		"%s: the value is %d bytes; a parameter value may be at most %d bytes (64 KiB)": "%s：取值为 %d 字节；参数值最大为 %d 字节（64 KiB）",

		// ${NAME} references (policy.go, refs.go).
		"%s refers to ${%s}%s": "%s 引用了 ${%s}%s",
		", a credential variable, which ecslaunch never reads into a request (it would be sent to ECS and shown): give the value itself":                                      "，这是凭证变量，ecslaunch 从不把它读入请求（否则它会被发送给 ECS 并显示出来）：请直接写出取值",
		", which holds a secret (it is the Password's or UserData's variable, or is named like one) and may stand only in Password or UserData, whose values are never shown": "，该变量保存的是机密（它是 Password 或 UserData 引用的变量，或名称像机密变量），只能用在取值从不显示的 Password 或 UserData 中",
		", but a ${NAME} reference may stand only in Password, UserData or a parameter the launch file lists under ask: (add %s to ask:, or write the value)":                 "，但 ${NAME} 引用只能用在 Password、UserData 或启动文件 ask: 中列出的参数里（请把 %s 加入 ask:，或直接写出取值）",
		"environment variable %s is not set (the request refers to it as ${%s}; it is read only when a call is made)":                                                         "环境变量 %s 未设置（请求以 ${%s} 引用它；只在发起调用时读取）",
	})
}
