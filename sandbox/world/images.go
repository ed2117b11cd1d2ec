package world

import "strings"

// Image is an image: a public one (ImageOwnerAlias system, the same ID in
// every region) or one of a region's custom (self), shared (others) or
// marketplace images, whose m-… IDs belong to that region.
type Image struct {
	ImageId      string
	ImageName    string // "" for public images, whose name is their ID
	ImageFamily  string
	OwnerAlias   string // ImageOwnerAlias: "" (system), self, others or marketplace
	OwnerId      int64  // the sharing account of an others image
	ProductCode  string // the Alibaba Cloud Marketplace product of a marketplace image
	Supplier     string // SupplierName of a marketplace image
	Description  string
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

// Alias is the image's ImageOwnerAlias as DescribeImages reports it.
func (i Image) Alias() string {
	if i.OwnerAlias == "" {
		return "system"
	}
	return i.OwnerAlias
}

// Name is the image's ImageName: its own, or its ID for a public image.
func (i Image) Name() string {
	if i.ImageName == "" {
		return i.ImageId
	}
	return i.ImageName
}

// IsPublic reports whether every account sees the image (public and
// marketplace images), as DescribeImages' IsPublic does.
func (i Image) IsPublic() bool { return i.Alias() == "system" || i.Alias() == "marketplace" }

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

// SharingAccount is the Alibaba Cloud account that shares its images with
// the sandbox's account (ImageOwnerAlias others).
const SharingAccount int64 = 1456780033921874

// accountImage is one of the images every region's account has besides
// the public ones; built on a public image, whose OS it keeps.
type accountImage struct {
	seed, name, alias, base string
	size                    int
	productCode, supplier   string
	description             string
}

// accountImages are the custom (self), shared (others) and marketplace
// images of every region: two of the account's own (one Linux, one
// Windows), one shared with it, two from the marketplace with their
// ProductCode.
var accountImages = []accountImage{
	{"web-base", "web-base-2024-08", "self", "aliyun_3_x64_20G_alibase_20240819.vhd", 40, "", "",
		"nginx and node 20 on Alibaba Cloud Linux 3, built by the web team"},
	{"win-iis", "win2022-iis-golden", "self", "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd", 60, "", "",
		"Windows Server 2022 with IIS, patched 2024-08"},
	{"shared-ubuntu", "data-team-ubuntu-22.04", "others", "ubuntu_22_04_x64_20G_alibase_20240710.vhd", 30, "", "",
		"shared by the data team: Ubuntu 22.04 with Python 3.11 and CUDA tools"},
	{"mkt-wordpress", "WordPress 6.5 on Ubuntu 22.04", "marketplace", "ubuntu_22_04_x64_20G_alibase_20240710.vhd", 40,
		"cmjj00062", "Bitnami", "WordPress with Apache, PHP 8.2 and MySQL, ready to run"},
	{"mkt-docker", "Docker CE 26 on Alibaba Cloud Linux 3", "marketplace", "aliyun_3_x64_20G_alibase_20240819.vhd", 20,
		"cmjj00813", "Alibaba Cloud", "Docker CE and docker compose preinstalled"},
}

// buildAccountImages makes a region's custom, shared and marketplace
// images: IDs in the region's m-… form, OS and architecture from the public
// image each was built on.
func buildAccountImages(r Region, public map[string]Image) []Image {
	out := make([]Image, 0, len(accountImages))
	for _, a := range accountImages {
		base := public[a.base]
		img := Image{
			ImageId: ID("m", r.Code, r.RegionId+a.seed), ImageName: a.name, OwnerAlias: a.alias,
			ProductCode: a.productCode, Supplier: a.supplier, Description: a.description,
			OSName: base.OSName, OSNameEn: base.OSNameEn, OSType: base.OSType, Platform: base.Platform,
			Architecture: base.Architecture, Size: a.size, Status: "Available", BootMode: base.BootMode,
			CreationTime: "2024-08-26T09:12:40Z", CloudInit: base.CloudInit,
		}
		if a.alias == "others" {
			img.OwnerId = SharingAccount
		}
		out = append(out, img)
	}
	return out
}
