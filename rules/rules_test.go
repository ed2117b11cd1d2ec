package rules

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/request"
)

// now is the fixed clock of the tests.
var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// base is a valid request every case starts from.
var baseParams = []string{
	"RegionId=cn-hangzhou", "ZoneId=cn-hangzhou-h", "ImageId=aliyun_3_x64_20G_alibase_20240819.vhd",
	"InstanceType=ecs.g7.large", "SecurityGroupId=sg-bp1example", "VSwitchId=vsw-bp1example",
	"Password=${ECS_PASSWORD}",
}

// build returns the base request with the assignments applied in order
// ("Key=" deletes); it also returns the last key assigned.
func build(t testing.TB, sets []string) (*request.Request, string) {
	t.Helper()
	return buildFrom(t, baseParams, sets)
}

// buildFrom is build with another base request.
func buildFrom(t testing.TB, base, sets []string) (*request.Request, string) {
	t.Helper()
	r := request.New()
	last := ""
	for _, kv := range append(append([]string{}, base...), sets...) {
		k, v, _ := strings.Cut(kv, "=")
		if err := r.Set(k, v); err != nil {
			t.Fatalf("set %s: %v", kv, err)
		}
		last = k
	}
	return r, last
}

// ruleCase is one row test: after sets, the finding (param, code) must be
// present (bad) or absent with no error at all (good).
type ruleCase struct {
	row   string
	bad   bool
	param string
	code  string
	sev   Severity
	os    string
	ctx   func(*Context)
	sets  []string
}

func good(row, param, code string, sets ...string) ruleCase {
	return ruleCase{row: row, param: param, code: code, sets: sets}
}

func bad(row, param, code string, sets ...string) ruleCase {
	return ruleCase{row: row, bad: true, param: param, code: code, sev: Error, sets: sets}
}

func (c ruleCase) warning() ruleCase { c.sev = Warning; return c }
func (c ruleCase) onOS(os string) ruleCase {
	c.os = os
	return c
}
func (c ruleCase) with(f func(*Context)) ruleCase { c.ctx = f; return c }

// allowWarn marks a good case whose parameter may carry a warning of the
// same code (e.g. T2-8 advises on an InternetMaxBandwidthIn T1-16 allows).
func (c ruleCase) allowWarn() ruleCase { c.sev = Warning; return c }

func rep(s string, n int) string { return strings.Repeat(s, n) }

// b64 is Base64 of n bytes.
func b64(n int) string { return base64.StdEncoding.EncodeToString([]byte(rep("x", n))) }

func ruleCases() []ruleCase {
	mx := "InvalidInstanceName.Malformed"
	hn := "InvalidHostName.Malformed"
	pw := "InvalidPassword.Malformed"
	dd := "InvalidDataDiskSize.ValueNotSupported"
	sdMin, sdMax := "InvalidSystemDiskSize.LessThanMinSize", "InvalidSystemDiskSize.MoreThanMaxSize"
	ni := "InvalidParam.NetworkInterface"
	return []ruleCase{
		// Required parameters.
		good("T1-1", "RegionId", "MissingParameter"),
		bad("T1-1", "RegionId", "MissingParameter", "RegionId="),
		bad("T1-2", "ImageId", "MissingParameter", "ImageId="),
		good("T1-2", "ImageId", "MissingParameter", "ImageId=", "LaunchTemplateId=lt-1"),
		good("T2-16", "ImageId", "MissingParameter", "ImageId=", "ImageFamily=acs:alibaba_cloud_linux_3"),
		bad("T2-16", "ImageFamily", "UnexpectedImageFamily.ImageIdSupplied", "ImageFamily=acs:alibaba_cloud_linux_3"),
		bad("T1-5", "InstanceType", "MissingParameter", "InstanceType="),
		good("T1-5", "InstanceType", "MissingParameter", "InstanceType=", "LaunchTemplateName=web"),
		bad("T1-7", "SecurityGroupId", "MissingParameter", "SecurityGroupId="),
		good("T1-7", "SecurityGroupId", "MissingParameter", "SecurityGroupId=", "SecurityGroupIds.1=sg-2"),
		bad("T1-81", "Period", "MissingParamter", "InstanceChargeType=PrePaid"),
		good("T1-81", "Period", "MissingParamter", "InstanceChargeType=PrePaid", "Period=1"),
		// Security groups.
		bad("T1-9", "SecurityGroupId", "InvalidSecurityGroupId.SingleIdAndMultiIdConflict", "SecurityGroupIds.1=sg-2"),
		good("T1-10", "SecurityGroupIds.51", "JoinedGroupLimitExceed", "SecurityGroupId=", "SecurityGroupIds.51=sg-2"),
		bad("T1-10", "SecurityGroupIds.52", "JoinedGroupLimitExceed", "SecurityGroupId=", "SecurityGroupIds.52=sg-2"),
		// Bandwidth and charge type.
		good("T1-16", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=1"),
		good("T1-16", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=200").allowWarn(),
		bad("T1-16", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=0"),
		bad("T1-16", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=201"),
		good("T2-8", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=10"),
		bad("T2-8", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthIn=11").warning(),
		good("T2-8", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthOut=50", "InternetMaxBandwidthIn=50"),
		bad("T2-8", "InternetMaxBandwidthIn", "InvalidInternetMaxBandwidthIn.Malformed", "InternetMaxBandwidthOut=50", "InternetMaxBandwidthIn=51").warning(),
		good("T1-17", "InternetMaxBandwidthOut", "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut=0"),
		good("T1-17", "InternetMaxBandwidthOut", "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut=100"),
		bad("T1-17", "InternetMaxBandwidthOut", "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut=-1"),
		bad("T1-17", "InternetMaxBandwidthOut", "InvalidInternetMaxBandwidthOut.Malformed", "InternetMaxBandwidthOut=101"),
		good("T2-9", "InternetChargeType", "InvalidInternetChargeType.ValueNotSupported", "InternetChargeType=PayByBandwidth"),
		bad("T1-19", "InternetChargeType", "InvalidInternetChargeType.ValueNotSupported", "InternetChargeType=PayByHour"),
		// InstanceName.
		good("T1-20", "InstanceName", mx, "InstanceName=ab"),
		bad("T1-20", "InstanceName", mx, "InstanceName=a"),
		good("T1-20", "InstanceName", mx, "InstanceName="+rep("a", 128)),
		bad("T1-20", "InstanceName", mx, "InstanceName="+rep("a", 129)),
		good("T1-21", "InstanceName", mx, "InstanceName=web-01.a:b_c"),
		good("T1-21", "InstanceName", mx, "InstanceName=网站服务器"),
		good("T2-18", "InstanceName", mx, "InstanceName=1web"),
		bad("T1-21", "InstanceName", mx, "InstanceName=web 01"),
		bad("T1-22", "InstanceName", mx, "InstanceName=https://web"),
		good("T2-17", "InstanceName", "InvalidInstanceName.CustomMalformed", "InstanceName=web[1,3]"),
		bad("T2-17", "InstanceName", "InvalidInstanceName.CustomMalformed", "InstanceName=web[a]"),
		// HostName.
		good("T1-23", "HostName", hn, "HostName=a-b.c").allowWarn(),
		bad("T1-23", "HostName", hn, "HostName=-ab"),
		bad("T1-23", "HostName", hn, "HostName=ab."),
		bad("T1-23", "HostName", hn, "HostName=a..b"),
		bad("T1-23", "HostName", hn, "HostName=a.-b"),
		bad("T1-23", "HostName", hn, "HostName=a--b"),
		good("T1-24", "HostName", hn, "HostName="+rep("w", 15)).onOS("windows"),
		bad("T1-24", "HostName", hn, "HostName="+rep("w", 16)).onOS("windows"),
		bad("T1-24", "HostName", hn, "HostName=12345").onOS("windows"),
		bad("T1-24", "HostName", hn, "HostName=web.local").onOS("windows"),
		bad("T1-24", "HostName", hn, "HostName=web.local").warning(),
		good("T1-24", "HostName", hn, "HostName=web.local").onOS("linux"),
		good("T1-25", "HostName", hn, "HostName="+rep("l", 64)).onOS("linux").allowWarn(),
		bad("T1-25", "HostName", hn, "HostName="+rep("l", 65)).onOS("linux"),
		bad("T1-25", "HostName", hn, "HostName="+rep("l", 65)),
		bad("T1-25", "HostName", hn, "HostName=a_b").onOS("linux"),
		good("T1-25", "HostName", hn, "HostName=ab").onOS("linux"),
		bad("T1-25", "HostName", hn, "HostName=a").onOS("linux"),
		bad("T2-17", "HostName", "InvalidInstanceName.CustomMalformed", "HostName=web[1,2"),
		bad("T2-17", "HostName", "InvalidHostname.SingleAndMultiConflict", "HostName=web", "HostNames.1=web1"),
		good("T2-17", "HostNames.2", "InvalidHostname.SizeInvalid", "Amount=2", "HostNames.1=a1", "HostNames.2=a2"),
		bad("T2-17", "HostNames.2", "InvalidHostname.SizeInvalid", "Amount=3", "HostNames.1=a1", "HostNames.2=a2"),
		// UniqueSuffix.
		good("T1-27", "InstanceName", "InvalidParams.InstanceNameExceed", "UniqueSuffix=true", "InstanceName="+rep("a", 125)),
		bad("T1-27", "InstanceName", "InvalidParams.InstanceNameExceed", "UniqueSuffix=true", "InstanceName="+rep("a", 126)),
		good("T1-28", "HostName", "InvalidParams.HostnameExceed", "UniqueSuffix=true", "HostName="+rep("w", 12)).onOS("windows"),
		bad("T1-28", "HostName", "InvalidParams.HostnameExceed", "UniqueSuffix=true", "HostName="+rep("w", 13)).onOS("windows"),
		good("T1-28", "HostName", "InvalidParams.HostnameExceed", "UniqueSuffix=true", "HostName="+rep("l", 61)).onOS("linux"),
		bad("T1-28", "HostName", "InvalidParams.HostnameExceed", "UniqueSuffix=true", "HostName="+rep("l", 62)).onOS("linux"),
		// Description.
		good("T1-29", "Description", "InvalidDescription.Malformed", "Description=ab"),
		bad("T1-29", "Description", "InvalidDescription.Malformed", "Description=a"),
		good("T1-29", "Description", "InvalidDescription.Malformed", "Description="+rep("d", 256)),
		bad("T1-29", "Description", "InvalidDescription.Malformed", "Description="+rep("d", 257)),
		bad("T1-29", "Description", "InvalidDescription.Malformed", "Description=http://example.com"),
		// Password.
		bad("T1-30", "PasswordInherit", "InvalidPasswordParam.Mismatch", "PasswordInherit=true"),
		good("T1-30", "PasswordInherit", "InvalidPasswordParam.Mismatch", "PasswordInherit=true", "Password="),
		good("T1-31", "Password", pw, "Password=Abcdef1!"),
		bad("T1-31", "Password", pw, "Password=Abcde1!"),
		good("T1-31", "Password", pw, "Password=Abcdef1!"+rep("x", 22)),
		bad("T1-31", "Password", pw, "Password=Abcdef1!"+rep("x", 23)),
		good("T1-32", "Password", pw, "Password=abcdef1!"),
		bad("T1-32", "Password", pw, "Password=abcdefg1"),
		bad("T1-32", "Password", pw, "Password=Abcdef1é"),
		bad("T1-33", "Password", pw, "Password=/Abcdef1").onOS("windows"),
		good("T1-33", "Password", pw, "Password=/Abcdef1").onOS("linux"),
		bad("T1-33", "Password", pw, "Password=/Abcdef1").warning(),
		bad("", "Password", CodeLiteralSecret, "Password=Abcdef1!").warning(),
		good("", "Password", CodeLiteralSecret, "Password=${ECS_PASSWORD}"),
		// System disk.
		good("T1-35", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud", "SystemDisk.Size=20"),
		bad("T1-35", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud", "SystemDisk.Size=19"),
		good("T1-35", "SystemDisk.Size", sdMax, "SystemDisk.Category=cloud", "SystemDisk.Size=500"),
		bad("T1-35", "SystemDisk.Size", sdMax, "SystemDisk.Category=cloud", "SystemDisk.Size=501"),
		good("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Size=20"),
		bad("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Size=19"),
		good("T2-1", "SystemDisk.Size", sdMax, "SystemDisk.Size=2048"),
		bad("T2-1", "SystemDisk.Size", sdMax, "SystemDisk.Size=2049"),
		good("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL0", "SystemDisk.Size=1"),
		bad("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL0", "SystemDisk.Size=0"),
		good("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL2", "SystemDisk.Size=461"),
		bad("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL2", "SystemDisk.Size=460"),
		good("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL3", "SystemDisk.Size=1261"),
		bad("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL3", "SystemDisk.Size=1260"),
		good("T2-1", "SystemDisk.Size", sdMin, "SystemDisk.Category=cloud_auto", "SystemDisk.Size=1"),
		bad("T2-1", "SystemDisk.Size", sdMax, "SystemDisk.Category=cloud_auto", "SystemDisk.Size=2049"),
		bad("T1-35", "SystemDisk.Size", "InvalidSystemDiskSize.ValueNotSupported", "SystemDisk.Size=40GiB"),
		good("T1-36", "SystemDisk.Size", "InvalidSystemDiskSize.LessThanImageSize", "SystemDisk.Size=40").with(func(c *Context) { c.ImageSize = 40 }),
		bad("T1-36", "SystemDisk.Size", "InvalidSystemDiskSize.LessThanImageSize", "SystemDisk.Size=39").with(func(c *Context) { c.ImageSize = 40 }),
		good("T2-2", "SystemDisk.Category", "InvalidSystemDiskCategory.ValueNotSupported", "SystemDisk.Category=cloud_essd_entry"),
		bad("T2-2", "SystemDisk.Category", "InvalidSystemDiskCategory.ValueNotSupported", "SystemDisk.Category=ephemeral_ssd"),
		bad("T1-37", "SystemDisk.Category", "InvalidSystemDiskCategory.ValueNotSupported", "SystemDisk.Category=ssd"),
		good("T1-38", "SystemDisk.DiskName", "InvalidDiskName.Malformed", "SystemDisk.DiskName=ab"),
		bad("T1-38", "SystemDisk.DiskName", "InvalidDiskName.Malformed", "SystemDisk.DiskName=a"),
		bad("T1-38", "SystemDisk.DiskName", "InvalidDiskName.Malformed", "SystemDisk.DiskName=sys disk"),
		good("T1-39", "SystemDisk.Description", "InvalidDiskDescription.Malformed", "SystemDisk.Description="+rep("d", 256)),
		bad("T1-39", "SystemDisk.Description", "InvalidDiskDescription.Malformed", "SystemDisk.Description="+rep("d", 257)),
		bad("T1-39", "SystemDisk.Description", "InvalidDiskDescription.Malformed", "SystemDisk.Description=https://x"),
		good("T2-3", "SystemDisk.PerformanceLevel", "InvalidPerformanceLevel.Malformed", "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL0"),
		bad("T1-40", "SystemDisk.PerformanceLevel", "InvalidPerformanceLevel.Malformed", "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL4"),
		bad("T1-40", "SystemDisk.PerformanceLevel", CodeIgnored, "SystemDisk.Category=cloud_efficiency", "SystemDisk.PerformanceLevel=PL1").warning(),
		good("T1-40", "SystemDisk.PerformanceLevel", CodeIgnored, "SystemDisk.Category=cloud_essd", "SystemDisk.PerformanceLevel=PL1"),
		good("T2-6", "SystemDisk.KMSKeyId", "InvalidParameter", "SystemDisk.KMSKeyId="+rep("k", 64)),
		bad("T2-6", "SystemDisk.KMSKeyId", "InvalidParameter", "SystemDisk.KMSKeyId="+rep("k", 65)),
		good("T2-6", "SystemDisk.ProvisionedIops", "InvalidParameter", "SystemDisk.ProvisionedIops=50000"),
		bad("T2-6", "SystemDisk.ProvisionedIops", "InvalidParameter", "SystemDisk.ProvisionedIops=50001"),
		bad("T2-6", "DataDisk.1.ProvisionedIops", "InvalidParameter", "DataDisk.1.ProvisionedIops=-1"),
		// Data disks.
		good("T1-41", "DataDisk.16", "InstanceDiskNumber.LimitExceed", "DataDisk.16.Size=100"),
		bad("T1-41", "DataDisk.17", "InstanceDiskNumber.LimitExceed", "DataDisk.17.Size=100"),
		good("T1-41", "DataDisk.8", "InstanceDiskNumber.LimitExceed", "DataDisk.8.Size=100").with(func(c *Context) { c.MaxDataDisks = 8 }),
		bad("T1-41", "DataDisk.9", "InstanceDiskNumber.LimitExceed", "DataDisk.9.Size=100").with(func(c *Context) { c.MaxDataDisks = 8 }),
		good("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud", "DataDisk.2.Size=5"),
		bad("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud", "DataDisk.2.Size=4"),
		good("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud", "DataDisk.2.Size=2000"),
		bad("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud", "DataDisk.2.Size=2001"),
		good("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_efficiency", "DataDisk.2.Size=20"),
		// T1-43: with a snapshot the disk takes the snapshot's size and Size is
		// ignored (the permissive reading of the seed's contradictory row).
		good("T1-43", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_efficiency", "DataDisk.2.SnapshotId=s-bp1abc", "DataDisk.2.Size=10"),
		bad("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_efficiency", "DataDisk.2.Size=19"),
		good("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_ssd", "DataDisk.2.Size=32768"),
		bad("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_ssd", "DataDisk.2.Size=32769"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL0", "DataDisk.2.Size=1"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL0", "DataDisk.2.Size=0"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.Size=20"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.Size=19"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL2", "DataDisk.2.Size=461"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL2", "DataDisk.2.Size=460"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL3", "DataDisk.2.Size=1261"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.PerformanceLevel=PL3", "DataDisk.2.Size=1260"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.Size=32768"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd", "DataDisk.2.Size=32769"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_auto", "DataDisk.2.Size=1"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_auto", "DataDisk.2.Size=0"),
		good("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd_entry", "DataDisk.2.Size=10"),
		bad("T2-4", "DataDisk.2.Size", dd, "DataDisk.2.Category=cloud_essd_entry", "DataDisk.2.Size=9"),
		good("T2-5", "DataDisk.2.Size", dd, "DataDisk.2.Size=5"),
		bad("T2-5", "DataDisk.2.Size", dd, "DataDisk.2.Size=4"),
		good("T2-5", "DataDisk.2.Size", dd, "DataDisk.2.Size=32768"),
		bad("T2-5", "DataDisk.2.Size", dd, "DataDisk.2.Size=32769"),
		bad("T1-42", "DataDisk.2.Size", dd, "DataDisk.2.Size=big"),
		good("T2-5", "DataDisk.1.Category", "InvalidDataDiskCategory.ValueNotSupported", "DataDisk.1.Category=elastic_ephemeral_disk_standard"),
		bad("T2-5", "DataDisk.1.Category", "InvalidDataDiskCategory.ValueNotSupported", "DataDisk.1.Category=ephemeral_ssd"),
		good("T1-46", "DataDisk.1.Encrypted", "InvalidParameter.EncryptedIllegal", "DataDisk.1.Encrypted=true"),
		bad("T1-46", "DataDisk.1.Encrypted", "InvalidParameter.EncryptedIllegal", "DataDisk.1.Encrypted=yes"),
		bad("T1-47", "DataDisk.1.KMSKeyId", "InvalidParameter.EncryptedIllegal", "DataDisk.1.KMSKeyId=key-1"),
		good("T1-47", "DataDisk.1.KMSKeyId", "InvalidParameter.EncryptedIllegal", "DataDisk.1.Encrypted=true", "DataDisk.1.KMSKeyId=key-1"),
		good("T1-48", "DataDisk.3.DiskName", "InvalidDiskName.Malformed", "DataDisk.3.DiskName="+rep("n", 128)),
		bad("T1-48", "DataDisk.3.DiskName", "InvalidDiskName.Malformed", "DataDisk.3.DiskName="+rep("n", 129)),
		bad("T1-48", "DataDisk.3.DiskName", "InvalidDiskName.Malformed", "DataDisk.3.DiskName=data/disk"),
		good("T1-49", "DataDisk.3.Description", "InvalidDiskDescription.Malformed", "DataDisk.3.Description=ab"),
		bad("T1-49", "DataDisk.3.Description", "InvalidDiskDescription.Malformed", "DataDisk.3.Description=a"),
		bad("T1-49", "DataDisk.3.Description", "InvalidDiskDescription.Malformed", "DataDisk.3.Description=http://a"),
		good("T2-7", "DataDisk.1.Device", "InvalidDataDevice.Malformed", "DataDisk.1.Device=/dev/xvdb"),
		good("T2-7", "DataDisk.1.Device", "InvalidDataDevice.Malformed", "DataDisk.1.Device=/dev/xvdaa"),
		good("T1-50", "DataDisk.1.Device", "InvalidDataDevice.Malformed", "DataDisk.1.Device=/dev/vdb"),
		bad("T1-50", "DataDisk.1.Device", "InvalidDataDevice.Malformed", "DataDisk.1.Device=/dev/sda"),
		good("T1-52", "DataDisk.1.PerformanceLevel", "InvalidPerformanceLevel.Malformed", "DataDisk.1.Category=cloud_essd", "DataDisk.1.PerformanceLevel=PL3"),
		bad("T1-52", "DataDisk.1.PerformanceLevel", "InvalidPerformanceLevel.Malformed", "DataDisk.1.Category=cloud_essd", "DataDisk.1.PerformanceLevel=PL5"),
		bad("T1-52", "DataDisk.1.PerformanceLevel", CodeIgnored, "DataDisk.1.Category=cloud", "DataDisk.1.PerformanceLevel=PL1").warning(),
		good("T1-53", "IoOptimized", "InvalidIoOptimize.ValueNotSupported", "IoOptimized=optimized"),
		bad("T1-53", "IoOptimized", "InvalidIoOptimize.ValueNotSupported", "IoOptimized=yes"),
		// Network interfaces.
		good("T2-12", "NetworkInterface.10", ni, "NetworkInterface.10.VSwitchId=vsw-2"),
		bad("T1-54", "NetworkInterface.11", ni, "NetworkInterface.11.VSwitchId=vsw-2"),
		good("T1-55", "NetworkInterface.1.PrimaryIpAddress", "InvalidPrivateIpAddress.Malformed", "NetworkInterface.1.PrimaryIpAddress=192.168.0.255"),
		bad("T1-55", "NetworkInterface.1.PrimaryIpAddress", "InvalidPrivateIpAddress.Malformed", "NetworkInterface.1.PrimaryIpAddress=192.168.0.256"),
		bad("T1-55", "NetworkInterface.1.PrimaryIpAddress", "InvalidPrivateIpAddress.Malformed", "NetworkInterface.1.PrimaryIpAddress=::1"),
		good("T1-57", "NetworkInterface.1.Description", ni, "NetworkInterface.1.Description="+rep("d", 256)),
		bad("T1-57", "NetworkInterface.1.Description", ni, "NetworkInterface.1.Description="+rep("d", 257)),
		bad("T1-57", "NetworkInterface.1.Description", ni, "NetworkInterface.1.Description=https://x"),
		good("T2-18", "NetworkInterface.1.NetworkInterfaceName", ni, "NetworkInterface.1.NetworkInterfaceName=eth-1"),
		bad("T2-18", "NetworkInterface.1.NetworkInterfaceName", ni, "NetworkInterface.1.NetworkInterfaceName=e"),
		bad("T2-12", "NetworkInterface.1.InstanceType", ni, "NetworkInterface.1.InstanceType=Tertiary"),
		bad("T2-12", "NetworkInterface.1.InstanceType", ni, "NetworkInterface.1.VSwitchId=vsw-2",
			"NetworkInterface.1.SecurityGroupId=sg-2", "NetworkInterface.1.InstanceType=Primary"),
		good("T2-12", "NetworkInterface.1.InstanceType", ni, "SecurityGroupId=", "VSwitchId=", "NetworkInterface.1.InstanceType=Primary",
			"NetworkInterface.1.VSwitchId=vsw-2", "NetworkInterface.1.SecurityGroupId=sg-2"),
		bad("T2-12", "NetworkInterface.1.InstanceType", ni, "SecurityGroupId=", "VSwitchId=", "NetworkInterface.1.InstanceType=Primary",
			"NetworkInterface.1.SecurityGroupId=sg-2"),
		good("T2-12", "NetworkInterface.1.NetworkInterfaceTrafficMode", ni, "NetworkInterface.1.NetworkInterfaceTrafficMode=HighPerformance"),
		bad("T2-12", "NetworkInterface.1.NetworkInterfaceTrafficMode", ni, "NetworkInterface.1.NetworkInterfaceTrafficMode=Fast"),
		good("T2-12", "NetworkInterface.1.QueueNumber", ni, "NetworkInterface.1.QueueNumber=1"),
		bad("T2-12", "NetworkInterface.1.QueueNumber", ni, "NetworkInterface.1.QueueNumber=0"),
		good("T2-12", "NetworkInterface.1.Ipv6AddressCount", ni, "NetworkInterface.1.Ipv6AddressCount=10"),
		bad("T2-12", "NetworkInterface.1.Ipv6AddressCount", ni, "NetworkInterface.1.Ipv6AddressCount=11"),
		good("T2-12", "NetworkInterface.1.RxQueueSize", ni, "NetworkInterface.1.RxQueueSize=8192"),
		bad("T2-12", "NetworkInterface.1.RxQueueSize", ni, "NetworkInterface.1.RxQueueSize=8191"),
		bad("T2-12", "NetworkInterface.1.RxQueueSize", ni, "NetworkInterface.1.RxQueueSize=12288"),
		good("T2-12", "NetworkInterface.1.TxQueueSize", ni, "NetworkInterface.1.TxQueueSize=16384"),
		bad("T2-12", "NetworkInterface.1.TxQueueSize", ni, "NetworkInterface.1.TxQueueSize=16385"),
		// UserData.
		good("T1-58", "UserData", "InvalidUserData.Base64FormatInvalid", "UserData=IyEvYmluL3NoCmVjaG8gaGkK"),
		bad("T1-58", "UserData", "InvalidUserData.Base64FormatInvalid", "UserData=#!/bin/sh"),
		good("T2-20", "UserData", "InvalidUserData.SizeExceeded", "UserData="+b64(32768)),
		bad("T2-20", "UserData", "InvalidUserData.SizeExceeded", "UserData="+b64(32769)),
		// Amount and spot.
		good("T1-60", "Amount", "InvalidParam.Amount", "Amount=1"),
		bad("T1-60", "Amount", "InvalidParam.Amount", "Amount=0"),
		good("T2-10", "Amount", "InvalidParam.Amount", "Amount=1000"),
		bad("T2-10", "Amount", "InvalidParam.Amount", "Amount=1001"),
		bad("T1-60", "Amount", "InvalidParam.Amount", "Amount=abc"),
		good("T1-61", "MinAmount", "InvalidMinAmount.Malformed", "Amount=100", "MinAmount=100"),
		bad("T1-61", "MinAmount", "InvalidMinAmount.Malformed", "Amount=200", "MinAmount=101"),
		bad("T1-61", "MinAmount", "InvalidMinAmount.Malformed", "MinAmount=0"),
		good("T1-61", "MinAmount", "InvalidMinAmount.Malformed", "Amount=2", "MinAmount=2"),
		bad("T1-61", "MinAmount", "InvalidMinAmount.Malformed", "Amount=2", "MinAmount=3"),
		good("T1-62", "SpotStrategy", "InvalidSpotStrategy", "SpotStrategy=SpotAsPriceGo"),
		bad("T1-62", "SpotStrategy", "InvalidSpotStrategy", "SpotStrategy=Spot"),
		bad("T1-62", "SpotStrategy", "InvalidSpotPrepaid", "InstanceChargeType=PrePaid", "Period=1", "SpotStrategy=SpotAsPriceGo"),
		good("T1-62", "SpotStrategy", "InvalidSpotPrepaid", "InstanceChargeType=PrePaid", "Period=1", "SpotStrategy=NoSpot"),
		bad("T2-28", "SpotStrategy", "InvalidSpotParam.EmptyZoneID", "ZoneId=", "VSwitchId=", "SpotStrategy=SpotAsPriceGo"),
		good("T2-28", "SpotStrategy", "InvalidSpotParam.EmptyZoneID", "ZoneId=", "SpotStrategy=SpotAsPriceGo"),
		good("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.001"),
		bad("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.0001"),
		bad("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0"),
		good("T2-28", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=999999"),
		bad("T2-28", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=999999.001"),
		bad("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=cheap"),
		// The SDK's requests.NewFloat always sends 6 decimals: trailing zeros
		// are not precision, and the live API accepts SDK-built requests.
		good("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.500000"),
		bad("T1-63", "SpotPriceLimit", "InvalidSpotPriceLimit", "SpotStrategy=SpotWithPriceLimit", "SpotPriceLimit=0.123400"),
		bad("T1-63", "SpotPriceLimit", CodeIgnored, "SpotStrategy=SpotAsPriceGo", "SpotPriceLimit=0.5").warning(),
		good("T2-27", "SpotInterruptionBehavior", "InvalidSpotInterruptionBehavior", "SpotInterruptionBehavior=Stop"),
		bad("T1-64", "SpotInterruptionBehavior", "InvalidSpotInterruptionBehavior", "SpotInterruptionBehavior=Hibernate"),
		good("T1-65", "CreditSpecification", "InvalidParameter.CreditSpecification", "CreditSpecification=Unlimited"),
		bad("T1-65", "CreditSpecification", "InvalidParameter.CreditSpecification", "CreditSpecification=Burst"),
		good("T1-66", "SecurityEnhancementStrategy", "InvalidParameter", "SecurityEnhancementStrategy=Deactive"),
		bad("T1-66", "SecurityEnhancementStrategy", "InvalidParameter", "SecurityEnhancementStrategy=Off"),
		// Tags.
		good("T1-69", "Tag.71", "InvalidTagCount", "Tag.71.Key=k").allowWarn(),
		bad("T1-69", "Tag.72", "InvalidTagCount", "Tag.72.Key=k"),
		good("T2-22", "Tag.20", "InvalidTagCount", "Tag.20.Key=k"),
		bad("T2-22", "Tag.21", "InvalidTagCount", "Tag.21.Key=k").warning(),
		good("T2-21", "Tag.1.Key", "InvalidTagKey.Malformed", "Tag.1.Key="+rep("k", 128)),
		bad("T2-21", "Tag.1.Key", "InvalidTagKey.Malformed", "Tag.1.Key="+rep("k", 129)),
		bad("T1-70", "Tag.1.Key", "InvalidTagKey.Malformed", "Tag.1.Key=aliyun-team"),
		bad("T1-70", "Tag.1.Key", "InvalidTagKey.Malformed", "Tag.1.Key=acs:team"),
		bad("T1-70", "Tag.1.Key", "InvalidTagKey.Malformed", "Tag.1.Key=see http://x"),
		good("T1-71", "Tag.1.Value", "InvalidTagValue.Malformed", "Tag.1.Key=k", "Tag.1.Value="+rep("v", 128)),
		bad("T1-71", "Tag.1.Value", "InvalidTagValue.Malformed", "Tag.1.Key=k", "Tag.1.Value="+rep("v", 129)),
		bad("T1-71", "Tag.1.Value", "InvalidTagValue.Malformed", "Tag.1.Key=k", "Tag.1.Value=https://x"),
		good("T2-22", "Tag.1.Value", "InvalidTagValue.Malformed", "Tag.1.Key=k", "Tag.1.Value=acs:x"),
		bad("T1-71", "Tag.1.Value", "InvalidTag.Mismatch", "Tag.1.Value=web"),
		bad("T1-72", "Tag.2.Key", "Duplicate.TagKey", "Tag.1.Key=team", "Tag.2.Key=team"),
		good("T1-72", "Tag.2.Key", "Duplicate.TagKey", "Tag.1.Key=team", "Tag.2.Key=owner"),
		// Templates, billing, release.
		good("T1-76", "LaunchTemplateVersion", "InvalidLaunchTemplateVersion.NotFound", "LaunchTemplateVersion=1"),
		bad("T1-76", "LaunchTemplateVersion", "InvalidLaunchTemplateVersion.NotFound", "LaunchTemplateVersion=0"),
		good("T1-77", "DeletionProtection", "InvalidChargeType.ValueNotSupported", "DeletionProtection=true"),
		bad("T2-30", "DeletionProtection", "InvalidChargeType.ValueNotSupported", "InstanceChargeType=PrePaid", "Period=1", "DeletionProtection=true"),
		bad("T2-30", "DeletionProtection", "InvalidChargeType.ValueNotSupported", "SpotStrategy=SpotAsPriceGo", "DeletionProtection=true"),
		good("T1-78", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2026-12-01T00:00:00Z"),
		good("T1-78", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2026-12-01T00:00Z"),
		bad("T1-78", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2026-12-01 00:00:00"),
		good("T1-80", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2026-11-27T12:30:59Z"),
		bad("T1-80", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2026-11-27T12:29:59Z"),
		good("T1-80", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2029-11-27T12:00:00Z"),
		bad("T1-80", "AutoReleaseTime", "InvalidAutoReleaseTime.Malformed", "AutoReleaseTime=2029-11-27T12:01:00Z"),
		bad("T2-25", "AutoReleaseTime", CodeIgnored, "InstanceChargeType=PrePaid", "Period=1", "AutoReleaseTime=2026-12-01T00:00:00Z").warning(),
		good("T1-81", "Period", "InvalidPeriod", "InstanceChargeType=PrePaid", "Period=60"),
		bad("T1-81", "Period", "InvalidPeriod", "InstanceChargeType=PrePaid", "Period=10"),
		good("T2-23", "Period", "InvalidPeriod", "InstanceChargeType=PrePaid", "PeriodUnit=Week", "Period=4"),
		bad("T2-23", "Period", "InvalidPeriod", "InstanceChargeType=PrePaid", "PeriodUnit=Week", "Period=5"),
		good("T1-81", "Period", "InvalidPeriod", "Period=10"),
		good("T1-82", "PeriodUnit", "InvalidPeriodType.ValueNotSupported", "PeriodUnit=Week"),
		bad("T1-82", "PeriodUnit", "InvalidPeriodType.ValueNotSupported", "PeriodUnit=Year"),
		good("T1-84", "AutoRenewPeriod", "InvalidAutoRenewPeriod.ValueNotSupported", "InstanceChargeType=PrePaid", "Period=1", "AutoRenew=true", "AutoRenewPeriod=60"),
		bad("T1-84", "AutoRenewPeriod", "InvalidAutoRenewPeriod.ValueNotSupported", "InstanceChargeType=PrePaid", "Period=1", "AutoRenew=true", "AutoRenewPeriod=4"),
		good("T1-84", "AutoRenewPeriod", "InvalidAutoRenewPeriod.ValueNotSupported", "InstanceChargeType=PrePaid", "PeriodUnit=Week", "Period=1", "AutoRenew=true", "AutoRenewPeriod=3"),
		bad("T1-84", "AutoRenewPeriod", "InvalidAutoRenewPeriod.ValueNotSupported", "InstanceChargeType=PrePaid", "PeriodUnit=Week", "Period=1", "AutoRenew=true", "AutoRenewPeriod=4"),
		good("T1-85", "InstanceChargeType", "InvalidInstanceChargeType.NotFound", "InstanceChargeType=PrePaid", "Period=1"),
		bad("T1-85", "InstanceChargeType", "InvalidInstanceChargeType.NotFound", "InstanceChargeType=Free"),
		bad("T2-31", "AutoPay", "InvalidAutoPay.PostPaidUnsupported", "AutoPay=false"),
		good("T2-31", "AutoPay", "InvalidAutoPay.PostPaidUnsupported", "InstanceChargeType=PrePaid", "Period=1", "AutoPay=false"),
		// IPv6 and private addresses.
		bad("T1-86", "Ipv6AddressCount", "InvalidParameter.Conflict", "Ipv6AddressCount=1", "Ipv6Address.1=2001:db8::1"),
		good("T1-87", "Ipv6AddressCount", "InvalidOperation.Ipv6CountExceeded", "Ipv6AddressCount=1"),
		bad("T1-87", "Ipv6AddressCount", "InvalidOperation.Ipv6CountExceeded", "Ipv6AddressCount=0"),
		good("T2-13", "Ipv6AddressCount", "InvalidOperation.Ipv6CountExceeded", "Ipv6AddressCount=10"),
		bad("T2-13", "Ipv6AddressCount", "InvalidOperation.Ipv6CountExceeded", "Ipv6AddressCount=11"),
		good("T1-88", "Ipv6Address.1", "InvalidIp.Address", "Ipv6Address.1=2001:db8::1"),
		bad("T1-88", "Ipv6Address.1", "InvalidIp.Address", "Ipv6Address.1=10.0.0.1"),
		good("T2-13", "Ipv6Address.10", "InvalidIp.Address", "Ipv6Address.10=2001:db8::a"),
		bad("T2-13", "Ipv6Address.11", "InvalidIp.Address", "Ipv6Address.11=2001:db8::b"),
		bad("T2-13", "Amount", "InvalidParam.Amount", "Ipv6Address.1=2001:db8::1", "Amount=2"),
		good("T1-89", "PrivateIpAddress", "InvalidPrivateIpAddress.Malformed", "PrivateIpAddress=192.168.1.10"),
		bad("T1-89", "PrivateIpAddress", "InvalidPrivateIpAddress.Malformed", "PrivateIpAddress=300.1.1.1"),
		bad("T1-89", "PrivateIpAddress", "InvalidVSwitchId.Necessary", "VSwitchId=", "PrivateIpAddress=192.168.1.10"),
		good("T2-11", "PrivateIpAddress", "InvalidParam.SecondaryNetworkInterface", "Amount=2", "PrivateIpAddress=192.168.1.10"),
		bad("T2-11", "PrivateIpAddress", CodeConsecutiveIPs, "Amount=2", "PrivateIpAddress=192.168.1.10").warning(),
		good("T2-11", "PrivateIpAddress", CodeConsecutiveIPs, "PrivateIpAddress=192.168.1.10"),
		bad("T2-11", "PrivateIpAddress", "InvalidParam.SecondaryNetworkInterface", "Amount=2", "PrivateIpAddress=192.168.1.10", "NetworkInterface.1.VSwitchId=vsw-2"),
		good("T1-92", "ClientToken", "InvalidClientToken.ValueNotSupported", "ClientToken="+rep("t", 64)),
		bad("T1-92", "ClientToken", "InvalidClientToken.ValueNotSupported", "ClientToken="+rep("t", 65)),
		bad("T1-92", "ClientToken", "InvalidClientToken.ValueNotSupported", "ClientToken=tökén"),
		good("T1-93", "Affinity", "InvalidParameter.Affinity", "Affinity=host"),
		bad("T1-93", "Affinity", "InvalidParameter.Affinity", "Affinity=any"),
		good("T1-94", "Tenancy", "InvalidParam.Tenancy", "Tenancy=default"),
		bad("T1-94", "Tenancy", "InvalidParam.Tenancy", "Tenancy=shared"),
		// Parameters only today's API has.
		good("T2-26", "SpotDuration", "InvalidParameter", "SpotDuration=720"),
		bad("T2-26", "SpotDuration", "InvalidParameter", "SpotDuration=721"),
		bad("T2-26", "SpotDuration", "InvalidParameter", "SpotDuration=-1"),
		good("T2-29", "HttpEndpoint", "InvalidHttpEndpoint.NotSupported", "HttpEndpoint=disabled"),
		bad("T2-29", "HttpEndpoint", "InvalidHttpEndpoint.NotSupported", "HttpEndpoint=off"),
		good("T2-29", "HttpTokens", "InvalidHttpTokens.NotSupported", "HttpTokens=required"),
		bad("T2-29", "HttpTokens", "InvalidHttpTokens.NotSupported", "HttpTokens=always"),
		good("T2-29", "HttpPutResponseHopLimit", "InvalidHttpPutResponseHopLimit.NotSupported", "HttpPutResponseHopLimit=64"),
		bad("T2-29", "HttpPutResponseHopLimit", "InvalidHttpPutResponseHopLimit.NotSupported", "HttpPutResponseHopLimit=65"),
		bad("T2-29", "HttpPutResponseHopLimit", "InvalidHttpPutResponseHopLimit.NotSupported", "HttpPutResponseHopLimit=0"),
		good("T2-34", "DeploymentSetGroupNo", "InvalidParameter", "DeploymentSetGroupNo=7"),
		bad("T2-34", "DeploymentSetGroupNo", "InvalidParameter", "DeploymentSetGroupNo=8"),
		good("T2-34", "NetworkInterfaceQueueNumber", "InvalidParameter", "NetworkInterfaceQueueNumber=1"),
		bad("T2-34", "NetworkInterfaceQueueNumber", "InvalidParameter", "NetworkInterfaceQueueNumber=0"),
		good("T2-34", "StorageSetPartitionNumber", "InvalidParameter", "StorageSetPartitionNumber=2"),
		bad("T2-34", "StorageSetPartitionNumber", "InvalidParameter", "StorageSetPartitionNumber=1"),
		bad("T2-34", "CpuOptions.TopologyType", "InvalidParameter", "CpuOptions.TopologyType=Random"),
		good("T2-34", "SecurityOptions.TrustedSystemMode", "InvalidParameter", "SecurityOptions.TrustedSystemMode=vTPM"),
		bad("T2-34", "SecurityOptions.TrustedSystemMode", "InvalidParameter", "SecurityOptions.TrustedSystemMode=TPM"),
		bad("T2-34", "SecurityOptions.ConfidentialComputingMode", "InvalidParameter", "SecurityOptions.ConfidentialComputingMode=SGX"),
		bad("T2-34", "PrivatePoolOptions.MatchCriteria", "InvalidParameter", "PrivatePoolOptions.MatchCriteria=Any"),
		bad("T2-34", "PrivatePoolOptions.Id", "MissingParameter", "PrivatePoolOptions.MatchCriteria=Target"),
		good("T2-34", "PrivatePoolOptions.Id", "MissingParameter", "PrivatePoolOptions.MatchCriteria=Target", "PrivatePoolOptions.Id=cp-1"),
		// Types of Integer, Boolean and Float parameters.
		bad("", "DryRun", "InvalidParameter", "DryRun=maybe"),
		bad("", "UniqueSuffix", "InvalidParameter", "UniqueSuffix=1"),
		good("", "UniqueSuffix", "InvalidParameter", "UniqueSuffix=TRUE"),
		bad("", "DataDisk.1.DeleteWithInstance", "InvalidParameter", "DataDisk.1.DeleteWithInstance=no"),
		bad("", "LaunchTemplateVersion", "InvalidParameter", "LaunchTemplateVersion=v2"),
		// References are resolved only at call time: nothing to check.
		good("", "Amount", "InvalidParam.Amount", "Amount=${COUNT}"),
		// ${instance_id} is ECS's own Linux placeholder (T2-17), not a reference.
		good("T2-17", "HostName", hn, "HostName=web-${instance_id}").onOS("linux"),
		bad("T1-24", "HostName", hn, "HostName=web-${instance_id}").onOS("windows"),
	}
}

func (c ruleCase) context() Context {
	ctx := Context{OSType: c.os, Now: now}
	if c.ctx != nil {
		c.ctx(&ctx)
	}
	return ctx
}

func findIn(fs []Finding, param, code string) (Finding, bool) {
	for _, f := range fs {
		if f.Parameter == param && f.Code == code {
			return f, true
		}
	}
	return Finding{}, false
}

func TestEveryRuleRow(t *testing.T) {
	for _, tc := range ruleCases() {
		name := fmt.Sprintf("%s/%s/%v/%.60s", tc.row, tc.code, tc.bad, strings.Join(tc.sets, ","))
		t.Run(name, func(t *testing.T) {
			req, last := build(t, tc.sets)
			got := Validate(req, tc.context())
			f, found := findIn(got, tc.param, tc.code)
			if tc.bad {
				if !found || f.Severity != tc.sev {
					t.Fatalf("want %s %s on %s, got %+v", tc.sev, tc.code, tc.param, got)
				}
				if f.HTTPStatus != statuses[tc.code] || f.Message == "" {
					t.Errorf("finding %+v lacks its status or message", f)
				}
				// The per-keystroke check sees it too, from the key typed last.
				if _, ok := findIn(CheckParam(req, last, tc.context()), tc.param, tc.code); !ok {
					t.Errorf("CheckParam(%s) misses %s on %s: %+v", last, tc.code, tc.param, CheckParam(req, last, tc.context()))
				}
				return
			}
			if HasErrors(got) {
				t.Fatalf("want no errors, got %+v", got)
			}
			if found && !(tc.sev == Warning && f.Severity == Warning) {
				t.Fatalf("want no %s on %s, got %+v", tc.code, tc.param, f)
			}
		})
	}
}

func TestEveryRuleHasAFailingCase(t *testing.T) {
	hit := map[string]bool{}
	for _, tc := range ruleCases() {
		if tc.bad {
			hit[request.PatternOf(tc.param)+" "+tc.code] = true
		}
	}
	for _, r := range Rules() {
		if r.Kind != KindType && !strings.HasPrefix(r.ID, "hidden:") && !hit[r.Pattern+" "+r.Code] { // hidden: TestHiddenCharactersAreRefused
			t.Errorf("rule %s (%s) has no failing case", r.ID, r.Code)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRulesAreWellFormed(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		if ids[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		ids[r.ID] = true
		if _, ok := statuses[r.Code]; !ok {
			t.Errorf("rule %s: code %s has no HTTP status", r.ID, r.Code)
		}
		if r.Text.IsZero() || r.test == nil {
			t.Errorf("rule %s lacks its text or test", r.ID)
		}
		if _, ok := request.Lookup(r.Pattern); !ok && !r.item {
			t.Errorf("rule %s names unknown parameter %s", r.ID, r.Pattern)
		}
		for _, rd := range expand(r.Reads) {
			if _, ok := request.Lookup(rd); !ok {
				t.Errorf("rule %s reads unknown parameter %s", r.ID, rd)
			}
		}
	}
}

func TestValidateOrderIsRequiredFormatCross(t *testing.T) {
	req, _ := build(t, []string{"RegionId=", "SecurityGroupIds.1=sg-2", "Amount=0"})
	got := Validate(req, Context{Now: now})
	var codes []string
	for _, f := range got {
		codes = append(codes, f.Code)
	}
	want := "MissingParameter InvalidParam.Amount InvalidSecurityGroupId.SingleIdAndMultiIdConflict"
	if strings.Join(codes, " ") != want {
		t.Fatalf("order %v, want %s", codes, want)
	}
	again := Validate(req, Context{Now: now})
	if fmt.Sprint(again) != fmt.Sprint(got) {
		t.Fatal("Validate is not deterministic")
	}
}

func TestSecretsNeverShown(t *testing.T) {
	secret := "Zz9/abc" // too short: T1-31 fires and shows the value seen
	req, _ := build(t, []string{"Password=" + secret, "PasswordInherit=true"})
	for _, c := range []Context{{}, {OSType: "windows"}} {
		all := append(Validate(req, c), CheckParam(req, "Password", c)...)
		if len(all) == 0 {
			t.Fatal("expected findings")
		}
		for _, f := range all {
			if strings.Contains(f.Message, secret) {
				t.Errorf("secret leaked: %s", f.Message)
			}
		}
	}
}

func TestUnknownOSSaysSo(t *testing.T) {
	req, _ := build(t, []string{"HostName=" + rep("l", 65)})
	f, ok := findIn(Validate(req, Context{}), "HostName", "InvalidHostName.Malformed")
	if !ok || f.Severity != Error || !strings.Contains(f.Message, "OS type is unknown") {
		t.Fatalf("got %+v", f)
	}
}

func TestRelated(t *testing.T) {
	for key, want := range map[string]string{
		"DataDisk.2.Category": "DataDisk.2.Size",
		"InstanceChargeType":  "Period",
		"UniqueSuffix":        "HostName",
		"Tag.3.Key":           "Tag.N.Key",
		"SecurityGroupIds.2":  "SecurityGroupId",
		"Amount":              "MinAmount",
		"Ipv6Address.1":       "Ipv6AddressCount",
	} {
		if got := Related(key); !contains(got, want) {
			t.Errorf("Related(%s) = %v, want it to hold %s", key, got, want)
		}
	}
	if got := Related("NoSuchParameter"); len(got) != 0 {
		t.Errorf("Related of an unknown key = %v", got)
	}
}

func TestCheckParamFollowsCrossFieldChanges(t *testing.T) {
	req, _ := build(t, []string{"DataDisk.2.Size=10", "DataDisk.2.Category=cloud_essd"})
	if _, ok := findIn(CheckParam(req, "DataDisk.2.Category", Context{}), "DataDisk.2.Size", "InvalidDataDiskSize.ValueNotSupported"); !ok {
		t.Error("changing the category must re-check the size")
	}
	req, _ = build(t, []string{"Tag.1.Key=a", "Tag.2.Key=b", "Tag.3.Value=x"})
	if _, ok := findIn(CheckParam(req, "Tag.3.Key", Context{}), "Tag.3.Value", "InvalidTag.Mismatch"); !ok {
		t.Error("deleting a tag key must flag its value")
	}
	if fs := CheckParam(req, "NoSuch.Key", Context{}); fs != nil {
		t.Errorf("unknown key: %v", fs)
	}
}

// TestDeclaredValuesDecide checks that a plain rule does what its data
// says: the bounds and enum values a reader sees are the ones enforced.
func TestDeclaredValuesDecide(t *testing.T) {
	n := 0
	for i := range Rules() {
		r := &Rules()[i]
		if !r.plain {
			continue
		}
		n++
		key := strings.ReplaceAll(r.Pattern, ".N.", ".1.")
		fails := func(v string) bool {
			e := env{req: request.New(), c: &Context{Now: now}, key: key, val: v, has: true}
			_, bad := r.eval(&e)
			return bad
		}
		var ok, notOK []string
		switch r.Kind {
		case KindRange:
			ok = append(ok, fmt.Sprint(r.Min), fmt.Sprint(r.Max))
			notOK = append(notOK, fmt.Sprint(r.Min-1))
			if r.Max != unbounded {
				notOK = append(notOK, fmt.Sprint(r.Max+1))
			}
		case KindLength:
			ok = append(ok, rep("a", int(max(r.Min, 1))), rep("a", int(r.Max)))
			notOK = append(notOK, rep("a", int(r.Max+1)))
			if r.Min > 1 {
				notOK = append(notOK, rep("a", int(r.Min-1)))
			}
		case KindEnum:
			ok = append(ok, r.Enum...)
			notOK = append(notOK, r.Enum[0]+"x", strings.ToUpper(r.Enum[0])+"_")
		}
		for _, v := range ok {
			if fails(v) {
				t.Errorf("%s rejects %q", r.ID, v)
			}
		}
		for _, v := range notOK {
			if !fails(v) {
				t.Errorf("%s accepts %q", r.ID, v)
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d plain rules", n)
	}
}

func TestRulesFor(t *testing.T) {
	var codes []string
	for _, r := range RulesFor("DataDisk.3.Category") {
		codes = append(codes, r.Code)
		if r.Kind == KindEnum && !contains(r.Enum, "cloud_essd") {
			t.Errorf("enum %v lacks cloud_essd", r.Enum)
		}
	}
	if !contains(codes, "InvalidDataDiskCategory.ValueNotSupported") || !contains(codes, "InstanceDiskNumber.LimitExceed") {
		t.Fatalf("RulesFor(DataDisk.3.Category) codes %v", codes)
	}
	if contains(codes, "InvalidDataDiskSize.ValueNotSupported") {
		t.Error("RulesFor must not list rules that only read the key")
	}
}
