package exporter

import (
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// FormatInfo is one export format: its name, the file name offered when
// it is written to a file, what it is, and its writer. The wizard and the
// export command both read this one table.
type FormatInfo struct {
	Format      Format
	DefaultFile string
	Describe    string
	write       func(*request.Request, Options) (Result, error)
}

// formatTable is every export format, in the order the review offers them.
var formatTable = []FormatInfo{
	{CLI, "launch.sh", "", exportCLI},
	{YAML, "launch.yaml", "", exportYAML},
	{JSON, "request.json", "", exportJSON},
	{Terraform, "main.tf", "", exportTerraform},
	{ROS, "ros.yaml", "", exportROS},
	{LaunchTemplate, "launch-template.sh", "", exportLaunchTemplate},
}

// FormatTable lists every export format (a copy), described in the
// current language.
func FormatTable() []FormatInfo {
	out := append([]FormatInfo(nil), formatTable...)
	for i := range out {
		out[i].Describe = describe(out[i].Format)
	}
	return out
}

// Info returns a format's entry, described in the current language.
func Info(f Format) (FormatInfo, bool) {
	for _, fi := range formatTable {
		if fi.Format == f {
			fi.Describe = describe(f)
			return fi, true
		}
	}
	return FormatInfo{}, false
}

// describe says what a format is, in the current language.
func describe(f Format) string {
	switch f {
	case CLI:
		return i18n.Text("an aliyun CLI command (a shell script)")
	case YAML:
		return i18n.Text("a launch file (YAML), for `ecslaunch --from` and git")
	case JSON:
		return i18n.Text("the flat RunInstances parameters as JSON")
	case Terraform:
		return i18n.Text("a Terraform alicloud_instance resource (HCL)")
	case ROS:
		return i18n.Text("a ROS template (YAML) with an ALIYUN::ECS::InstanceGroup")
	case LaunchTemplate:
		return i18n.Text("an aliyun CLI command that creates a launch template")
	}
	return ""
}
