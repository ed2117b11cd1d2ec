package forms

import "github.com/ecslaunch/ecslaunch/i18n"

// The Chinese texts of the create actions' fields.
func init() {
	i18n.Register(map[string]string{
		"+ Create a VPC with a vSwitch in %s": "+ 创建 VPC，并在 %s 创建交换机",
		"+ Create a new key pair":             "+ 创建新的密钥对",
		"+ Create a security group":           "+ 创建安全组",
		"+ Create a vSwitch in %s":            "+ 在 %s 创建交换机",
		"+ Import a public key from ~/.ssh":   "+ 从 ~/.ssh 导入公钥",
		"CreateKeyPair; ECS answers the private key once, and it is written to ~/.ssh/NAME.pem (mode 0600); you confirm first.":           "调用 CreateKeyPair；ECS 只返回一次私钥，写入 ~/.ssh/NAME.pem（权限 0600）；创建前需您确认。",
		"CreateSecurityGroup in the chosen VPC with rule presets (SSH from your own address, HTTP, HTTPS, RDP, ICMP); you confirm first.": "在所选 VPC 中调用 CreateSecurityGroup，附带规则预设（仅允许您自己的地址 SSH、HTTP、HTTPS、RDP、ICMP）；创建前需您确认。",
		"CreateVSwitch in the chosen VPC and zone, with a free CIDR block of the VPC; you confirm first.":                                 "在所选 VPC 和可用区调用 CreateVSwitch，使用该 VPC 中空闲的网段；创建前需您确认。",
		"CreateVpc, then CreateVSwitch in the zone chosen, with CIDR blocks that overlap none of the region's VPCs; you confirm first.":   "先调用 CreateVpc，再在所选可用区调用 CreateVSwitch，网段与该地域的 VPC 均不重叠；创建前需您确认。",
		"ImportKeyPair with one of your ~/.ssh/*.pub keys; you confirm first.":                                                            "用您的某个 ~/.ssh/*.pub 公钥调用 ImportKeyPair；创建前需您确认。",
		"Rules of %s":                           "%s 的规则",
		"no inbound rules: nothing can connect": "没有入方向规则：任何连接都无法进入",
	})
}
