package exporter

import "github.com/ecslaunch/ecslaunch/request"

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
	{CLI, "launch.sh", "an aliyun CLI command (a shell script)", exportCLI},
	{YAML, "launch.yaml", "a launch file (YAML), for `ecslaunch --from` and git", exportYAML},
	{JSON, "request.json", "the flat RunInstances parameters as JSON", exportJSON},
	{Terraform, "main.tf", "a Terraform alicloud_instance resource (HCL)", exportTerraform},
	{ROS, "ros.yaml", "a ROS template (YAML) with an ALIYUN::ECS::InstanceGroup", exportROS},
	{LaunchTemplate, "launch-template.sh", "an aliyun CLI command that creates a launch template", exportLaunchTemplate},
}

// FormatTable lists every export format (a copy).
func FormatTable() []FormatInfo { return append([]FormatInfo(nil), formatTable...) }

// Info returns a format's entry.
func Info(f Format) (FormatInfo, bool) {
	for _, fi := range formatTable {
		if fi.Format == f {
			return fi, true
		}
	}
	return FormatInfo{}, false
}
