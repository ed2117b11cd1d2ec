package world

import "strings"

// Image is a public image. Public image IDs are the same in every region.
type Image struct {
	ImageId      string
	ImageFamily  string
	OSName       string // Chinese, as the real API returns by default
	OSNameEn     string
	OSType       string // linux or windows
	Platform     string
	Architecture string // x86_64 or arm64
	Size         int    // GiB
	Status       string // Available or Deprecated
	BootMode     string
	CreationTime string // yyyy-MM-ddTHH:mm:ssZ
	CloudInit    bool
}

// Arch returns the CpuArchitecture the image runs on ("X86" or "ARM").
func (i Image) Arch() string {
	if i.Architecture == "arm64" {
		return "ARM"
	}
	return "X86"
}

// imageRow describes one OS release; an image is generated per architecture
// and per build date listed.
type imageRow struct {
	idFmt    string // "%a" is replaced by x64/arm64, "%d" by the build date
	family   string // "%a" as above
	osZh     string
	osEn     string
	platform string
	osType   string
	size     int
	archs    string // "x" for x86_64, "a" for arm64
	dates    []string
	boot     string
}

var imageTable = []imageRow{
	{"aliyun_3_%a_20G_alibase_%d.vhd", "acs:alibaba_cloud_linux_3_2104_lts_%a", "Alibaba Cloud Linux  3.2104 LTS 64位", "Alibaba Cloud Linux  3.2104 LTS 64 bit", "Aliyun", "linux", 20, "xa", []string{"20240819", "20240528"}, "UEFI-Preferred"},
	{"aliyun_3_%a_20G_uefi_alibase_%d.vhd", "acs:alibaba_cloud_linux_3_2104_lts_uefi_%a", "Alibaba Cloud Linux  3.2104 LTS 64位 UEFI版", "Alibaba Cloud Linux  3.2104 LTS 64 bit UEFI Edition", "Aliyun", "linux", 20, "x", []string{"20240819"}, "UEFI"},
	{"aliyun_2_1903_%a_20G_alibase_%d.vhd", "acs:alibaba_cloud_linux_2_1903_%a", "Alibaba Cloud Linux  2.1903 LTS 64位", "Alibaba Cloud Linux  2.1903 LTS 64 bit", "Aliyun", "linux", 20, "x", []string{"20240628"}, "BIOS"},
	{"ubuntu_24_04_%a_20G_alibase_%d.vhd", "acs:ubuntu_24_04_%a", "Ubuntu  24.04 64位", "Ubuntu  24.04 64 bit", "Ubuntu", "linux", 20, "xa", []string{"20240812"}, "UEFI-Preferred"},
	{"ubuntu_22_04_%a_20G_alibase_%d.vhd", "acs:ubuntu_22_04_%a", "Ubuntu  22.04 64位", "Ubuntu  22.04 64 bit", "Ubuntu", "linux", 20, "xa", []string{"20240710", "20240130"}, "UEFI-Preferred"},
	{"ubuntu_20_04_%a_20G_alibase_%d.vhd", "acs:ubuntu_20_04_%a", "Ubuntu  20.04 64位", "Ubuntu  20.04 64 bit", "Ubuntu", "linux", 20, "xa", []string{"20240710"}, "BIOS"},
	{"debian_12_6_%a_20G_alibase_%d.vhd", "acs:debian_12_%a", "Debian  12.6 64位", "Debian  12.6 64 bit", "Debian", "linux", 20, "xa", []string{"20240819"}, "UEFI-Preferred"},
	{"debian_11_11_%a_20G_alibase_%d.vhd", "acs:debian_11_%a", "Debian  11.11 64位", "Debian  11.11 64 bit", "Debian", "linux", 20, "xa", []string{"20240819"}, "BIOS"},
	{"centos_7_9_%a_20G_alibase_%d.vhd", "acs:centos_7_9_%a", "CentOS  7.9 64位", "CentOS  7.9 64 bit", "CentOS", "linux", 20, "xa", []string{"20240628"}, "BIOS"},
	{"centos_stream_9_%a_20G_alibase_%d.vhd", "acs:centos_stream_9_%a", "CentOS Stream  9 64位", "CentOS Stream  9 64 bit", "CentOS Stream", "linux", 20, "x", []string{"20240716"}, "UEFI-Preferred"},
	{"rockylinux_9_4_%a_20G_alibase_%d.vhd", "acs:rockylinux_9_%a", "Rocky Linux  9.4 64位", "Rocky Linux  9.4 64 bit", "Rocky Linux", "linux", 20, "xa", []string{"20240709"}, "UEFI-Preferred"},
	{"rockylinux_8_10_%a_20G_alibase_%d.vhd", "acs:rockylinux_8_%a", "Rocky Linux  8.10 64位", "Rocky Linux  8.10 64 bit", "Rocky Linux", "linux", 20, "xa", []string{"20240718"}, "BIOS"},
	{"anolisos_8_9_%a_20G_rhck_alibase_%d.vhd", "acs:anolis_8_9_rhck_%a", "Anolis OS  8.9 RHCK 64位", "Anolis OS  8.9 RHCK 64 bit", "Anolis", "linux", 20, "xa", []string{"20240724"}, "BIOS"},
	{"anolisos_8_9_%a_20G_anck_alibase_%d.vhd", "acs:anolis_8_9_anck_%a", "Anolis OS  8.9 ANCK 64位", "Anolis OS  8.9 ANCK 64 bit", "Anolis", "linux", 20, "xa", []string{"20240724"}, "UEFI-Preferred"},
	{"almalinux_9_4_%a_20G_alibase_%d.vhd", "acs:almalinux_9_%a", "AlmaLinux  9.4 64位", "AlmaLinux  9.4 64 bit", "AlmaLinux", "linux", 20, "x", []string{"20240712"}, "UEFI-Preferred"},
	{"opensuse_15_6_%a_20G_alibase_%d.vhd", "acs:opensuse_15_%a", "OpenSUSE  15.6 64位", "OpenSUSE  15.6 64 bit", "OpenSUSE", "linux", 20, "x", []string{"20240718"}, "BIOS"},
	{"fedora_40_%a_20G_alibase_%d.vhd", "acs:fedora_40_%a", "Fedora  40 64位", "Fedora  40 64 bit", "Fedora", "linux", 20, "x", []string{"20240725"}, "UEFI-Preferred"},
	{"win2022_21H2_%a_dtc_en-us_40G_alibase_%d.vhd", "acs:windows_server_2022_datacenter_en-us_%a", "Windows Server  2022 数据中心版 64位英文版", "Windows Server  2022 Data Center Edition 64bit English Edition", "Windows Server 2022", "windows", 40, "x", []string{"20240816"}, "BIOS"},
	{"win2022_21H2_%a_dtc_zh-cn_40G_alibase_%d.vhd", "acs:windows_server_2022_datacenter_zh-cn_%a", "Windows Server  2022 数据中心版 64位中文版", "Windows Server  2022 Data Center Edition 64bit Chinese Edition", "Windows Server 2022", "windows", 40, "x", []string{"20240816"}, "BIOS"},
	{"win2019_1809_%a_dtc_en-us_40G_alibase_%d.vhd", "acs:windows_server_2019_datacenter_en-us_%a", "Windows Server  2019 数据中心版 64位英文版", "Windows Server  2019 Data Center Edition 64bit English Edition", "Windows Server 2019", "windows", 40, "x", []string{"20240816"}, "BIOS"},
	{"win2019_1809_%a_dtc_zh-cn_40G_alibase_%d.vhd", "acs:windows_server_2019_datacenter_zh-cn_%a", "Windows Server  2019 数据中心版 64位中文版", "Windows Server  2019 Data Center Edition 64bit Chinese Edition", "Windows Server 2019", "windows", 40, "x", []string{"20240816"}, "BIOS"},
	{"win2016_1607_%a_dtc_en-us_40G_alibase_%d.vhd", "acs:windows_server_2016_datacenter_en-us_%a", "Windows Server  2016 数据中心版 64位英文版", "Windows Server  2016 Data Center Edition 64bit English Edition", "Windows Server 2016", "windows", 40, "x", []string{"20240816"}, "BIOS"},
	{"win2016_1607_%a_dtc_zh-cn_40G_alibase_%d.vhd", "acs:windows_server_2016_datacenter_zh-cn_%a", "Windows Server  2016 数据中心版 64位中文版", "Windows Server  2016 Data Center Edition 64bit Chinese Edition", "Windows Server 2016", "windows", 40, "x", []string{"20240816"}, "BIOS"},
}

// deprecatedImage is an old build kept to show the Status filter at work:
// DescribeImages hides it unless Status asks for Deprecated.
const deprecatedImage = "ubuntu_22_04_x64_20G_alibase_20240130.vhd"

func buildImages() []Image {
	var out []Image
	for _, row := range imageTable {
		for _, a := range row.archs {
			arch, tag := "x86_64", "x64"
			if a == 'a' {
				arch, tag = "arm64", "arm64"
			}
			for _, d := range row.dates {
				id := strings.NewReplacer("%a", tag, "%d", d).Replace(row.idFmt)
				img := Image{
					ImageId: id, ImageFamily: strings.ReplaceAll(row.family, "%a", tag),
					OSName: row.osZh, OSNameEn: row.osEn, OSType: row.osType, Platform: row.platform,
					Architecture: arch, Size: row.size, Status: "Available", BootMode: row.boot,
					CreationTime: d[:4] + "-" + d[4:6] + "-" + d[6:] + "T03:38:43Z", CloudInit: true,
				}
				if arch == "arm64" {
					img.OSName += " ARM版"
					img.OSNameEn += " ARM"
					img.BootMode = "UEFI"
				}
				if id == deprecatedImage {
					img.Status = "Deprecated"
				}
				out = append(out, img)
			}
		}
	}
	return out
}
