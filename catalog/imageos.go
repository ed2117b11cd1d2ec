package catalog

import "strings"

// publicImageOS maps the prefixes of Alibaba Cloud's public image IDs
// (ImageOwnerAlias system, e.g. aliyun_3_x64_20G_alibase_20240819.vhd,
// win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd) to their OSType
// (docs/api-shapes.md §7) and the family they name. Custom, shared and
// marketplace images (m-…) say nothing about their OS in their ID.
var publicImageOS = []struct{ prefix, osType, name string }{
	{"aliyun_", "linux", "Alibaba Cloud Linux"},
	{"alinux", "linux", "Alibaba Cloud Linux"},
	{"anolisos_", "linux", "Anolis OS"},
	{"ubuntu_", "linux", "Ubuntu"},
	{"debian_", "linux", "Debian"},
	{"centos_", "linux", "CentOS"},
	{"rockylinux_", "linux", "Rocky Linux"},
	{"almalinux_", "linux", "AlmaLinux"},
	{"opensuse_", "linux", "openSUSE"},
	{"suse_", "linux", "SUSE Linux"},
	{"sles_", "linux", "SUSE Linux Enterprise"},
	{"fedora_", "linux", "Fedora"},
	{"redhat_", "linux", "Red Hat Enterprise Linux"},
	{"rhel_", "linux", "Red Hat Enterprise Linux"},
	{"kylin_", "linux", "Kylin"},
	{"uos_", "linux", "UOS"},
	{"win20", "windows", "Windows Server"},
	{"windows_", "windows", "Windows"},
}

// OSTypeOfImageID infers an image's OSType ("linux" or "windows") from the
// naming of Alibaba Cloud's public image IDs, with the OS family it names
// ("Alibaba Cloud Linux"); both are "" for an ID that names no known public
// image (a custom m-… image, a marketplace one). It is a fallback for when
// no catalog knows the image: DescribeImages' OSType is the truth.
func OSTypeOfImageID(imageID string) (osType, family string) {
	id := strings.ToLower(strings.TrimSpace(imageID))
	for _, p := range publicImageOS {
		if strings.HasPrefix(id, p.prefix) {
			return p.osType, p.name
		}
	}
	return "", ""
}

// CachedImage looks an image up in what the disk cache holds for the
// region, however old (the region's list, its marketplace list, then the
// entry of a single image asked for by ID), without calling the API; ok is false when the
// cache does not know it. Offline checks use it to learn the image's
// OSType.
func (c *Catalog) CachedImage(region, imageID string) (Image, bool) {
	if region == "" || imageID == "" {
		return Image{}, false
	}
	for _, sub := range []string{"", "marketplace", "id-" + imageID} {
		p := c.path(kindImages, region, sub)
		e, ok := c.lookup(p)
		if !ok {
			e, ok = loadDisk[[]Image](c, kindImages, p)
		}
		if !ok {
			continue
		}
		if im, ok := find(e.data.([]Image), func(im Image) bool { return im.ImageId == imageID }); ok {
			return im, true
		}
	}
	return Image{}, false
}
