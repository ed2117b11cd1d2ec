package world

import "sort"

// World is the whole embedded catalog. It is immutable after New.
type World struct {
	Regions  []Region
	Types    []InstanceType
	Images   []Image
	Families []Family
	// Source names the file a recorded world was read from; "" for the
	// embedded catalog.
	Source string

	regionByID map[string]int
	typeByID   map[string]int
	imageByID  map[string]int
	networks   map[string]Network
	// account holds each region's custom, shared and marketplace images.
	account map[string][]Image
}

// Family is an instance type family with its generation.
type Family struct {
	InstanceTypeFamilyId string
	Generation           string
}

// New builds the catalog from the tables.
func New() *World {
	w := &World{Regions: buildRegions(), Types: buildTypes(), Images: buildImages(),
		regionByID: map[string]int{}, typeByID: map[string]int{}, imageByID: map[string]int{}, networks: map[string]Network{},
		account: map[string][]Image{}}
	public := map[string]Image{}
	for _, img := range w.Images {
		public[img.ImageId] = img
	}
	for i, r := range w.Regions {
		w.regionByID[r.RegionId] = i
		w.networks[r.RegionId] = buildNetwork(r)
		w.account[r.RegionId] = buildAccountImages(r, public)
	}
	seen := map[string]bool{}
	for i, t := range w.Types {
		w.typeByID[t.InstanceTypeId] = i
		if !seen[t.Family] {
			seen[t.Family] = true
			w.Families = append(w.Families, Family{t.Family, t.Generation})
		}
	}
	sort.Slice(w.Families, func(i, j int) bool { return w.Families[i].InstanceTypeFamilyId < w.Families[j].InstanceTypeFamilyId })
	for i, img := range w.Images {
		w.imageByID[img.ImageId] = i
	}
	return w
}

// Region looks a region up by ID.
func (w *World) Region(id string) (Region, bool) {
	i, ok := w.regionByID[id]
	if !ok {
		return Region{}, false
	}
	return w.Regions[i], true
}

// Zone looks a zone of a region up by ID.
func (w *World) Zone(regionID, zoneID string) (Zone, bool) {
	r, ok := w.Region(regionID)
	if !ok {
		return Zone{}, false
	}
	for _, z := range r.Zones {
		if z.ZoneId == zoneID {
			return z, true
		}
	}
	return Zone{}, false
}

// Type looks an instance type up by ID.
func (w *World) Type(id string) (InstanceType, bool) {
	i, ok := w.typeByID[id]
	if !ok {
		return InstanceType{}, false
	}
	return w.Types[i], true
}

// Image looks a public image up by ID, then the custom, shared and
// marketplace images of every region (their IDs are unique); ImageIn is
// the lookup a region's request needs.
func (w *World) Image(id string) (Image, bool) {
	if i, ok := w.imageByID[id]; ok {
		return w.Images[i], true
	}
	for _, imgs := range w.account {
		for _, img := range imgs {
			if img.ImageId == id {
				return img, true
			}
		}
	}
	return Image{}, false
}

// ImageIn looks an image up as a request in regionID sees it: a public
// image, or one of that region's custom, shared or marketplace images.
func (w *World) ImageIn(regionID, id string) (Image, bool) {
	if i, ok := w.imageByID[id]; ok {
		return w.Images[i], true
	}
	for _, img := range w.account[regionID] {
		if img.ImageId == id {
			return img, true
		}
	}
	return Image{}, false
}

// ImagesIn lists every image of a region: the public ones, then its
// custom, shared and marketplace images.
func (w *World) ImagesIn(regionID string) []Image {
	return append(append([]Image(nil), w.Images...), w.account[regionID]...)
}

// Network returns a region's network resources.
func (w *World) Network(regionID string) Network { return w.networks[regionID] }

// VSwitch finds a vSwitch of a region.
func (w *World) VSwitch(regionID, id string) (VSwitch, bool) {
	for _, v := range w.networks[regionID].VSwitches {
		if v.VSwitchId == id {
			return v, true
		}
	}
	return VSwitch{}, false
}

// SecurityGroup finds a security group of a region.
func (w *World) SecurityGroup(regionID, id string) (SecurityGroup, bool) {
	for _, g := range w.networks[regionID].SecurityGroups {
		if g.SecurityGroupId == id {
			return g, true
		}
	}
	return SecurityGroup{}, false
}

// KeyPair finds a key pair of a region.
func (w *World) KeyPair(regionID, name string) (KeyPair, bool) {
	for _, k := range w.networks[regionID].KeyPairs {
		if k.KeyPairName == name {
			return k, true
		}
	}
	return KeyPair{}, false
}

// VPC finds a VPC of a region.
func (w *World) VPC(regionID, id string) (VPC, bool) {
	for _, v := range w.networks[regionID].VPCs {
		if v.VpcId == id {
			return v, true
		}
	}
	return VPC{}, false
}

// Offered lists the types zone z sells for the billing method, with their status
// (NotOffered types left out).
func (w *World) Offered(r Region, z Zone, chargeType, spot string) []TypeStatus {
	var out []TypeStatus
	for _, t := range w.Types {
		if s := Availability(r, z, t, chargeType, spot); s != NotOffered {
			out = append(out, TypeStatus{t, s})
		}
	}
	return out
}

// TypeStatus is a type with its status in a zone.
type TypeStatus struct {
	Type   InstanceType
	Status Status
}

// AddNetwork adds VPCs, vSwitches, security groups and key pairs to a
// region of a world made with New, before a sandbox serves it (a world
// being served, like the shared embedded one, must not change).
func (w *World) AddNetwork(regionID string, n Network) {
	cur := w.networks[regionID]
	cur.VPCs = append(cur.VPCs, n.VPCs...)
	cur.VSwitches = append(cur.VSwitches, n.VSwitches...)
	cur.SecurityGroups = append(cur.SecurityGroups, n.SecurityGroups...)
	cur.KeyPairs = append(cur.KeyPairs, n.KeyPairs...)
	w.networks[regionID] = cur
}
