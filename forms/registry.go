package forms

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// StepKind is how a step takes its values.
type StepKind int

// The step kinds.
const (
	// PickerStep chooses one value from a catalog list (a table).
	PickerStep StepKind = iota
	// FormStep asks fields.
	FormStep
	// ReviewStep shows the whole request and its actions.
	ReviewStep
)

// String names the kind.
func (k StepKind) String() string { return [...]string{"picker", "form", "review"}[k] }

// Need is catalog data a step cannot be shown without.
type Need int

// The needs.
const (
	NeedRegions    Need = iota // DescribeRegions
	NeedRegionData             // the region's catalog (catalog.Load)
	NeedTypes                  // the instance types with their status in the zone
	NeedTypePrices             // the prices the default type is chosen by
	NeedDisks                  // the disk categories of the chosen type in the zone
)

// String names what is needed, for "loading …" lines.
func (n Need) String() string {
	return [...]string{"regions", "the region's catalog", "instance types", "type prices", "disk categories"}[n]
}

// StepDef defines one step of the wizard, in one place: the step bar, the
// review's sections and their edit keys, the accessible order, what must
// be loaded first and which API parameters a finding sends the user back
// to all derive from the registry.
type StepDef struct {
	ID StepID
	// Name is the step's title; Short its name in the step bar.
	Name, Short string
	Kind        StepKind
	// Needs lists the loads the step waits for.
	Needs []Need
	// Param is the parameter a picker chooses; its reference is the
	// step's `?` text.
	Param string
	// Fields lists a form step's questions as the draft is now.
	Fields func(d *Draft, env *Env) []Field
	// Defaults fills the step's unset parameters with valid values.
	Defaults func(d *Draft)
	// owns reports whether a parameter (or UI-only key) is asked here.
	owns func(key string) bool
}

// Title is the step's Name in the current language: Name stays the
// English key (tests and goldens name steps by it).
func (s StepDef) Title() string { return i18n.Text(s.Name) }

// Label is the step's Short in the current language, for the step bar.
func (s StepDef) Label() string { return i18n.Text(s.Short) }

// Owns reports whether the step asks a parameter or UI-only key.
func (s StepDef) Owns(key string) bool { return s.owns != nil && s.owns(key) }

// EditKey is the review's key that opens the step ("1" for the first).
func (s StepDef) EditKey() string {
	for i, d := range registry {
		if d.ID == s.ID && i < 9 {
			return string(rune('1' + i))
		}
	}
	return ""
}

func is(keys ...string) func(string) bool {
	return func(k string) bool {
		for _, x := range keys {
			if k == x {
				return true
			}
		}
		return false
	}
}

func prefixed(prefixes ...string) func(string) bool {
	return func(k string) bool {
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) {
				return true
			}
		}
		return false
	}
}

func either(fs ...func(string) bool) func(string) bool {
	return func(k string) bool {
		for _, f := range fs {
			if f(k) {
				return true
			}
		}
		return false
	}
}

// registry is the wizard's steps in the order availability depends on.
// Advanced owns every parameter no earlier step claims, so it comes last
// before the review.
var registry = []StepDef{
	{ID: Region, Name: "Region", Short: "Region", Kind: PickerStep, Param: "RegionId",
		Needs: []Need{NeedRegions}, owns: is("RegionId")},
	{ID: Billing, Name: "Billing", Short: "Billing", Kind: FormStep,
		Fields: func(d *Draft, _ *Env) []Field { return billingFields(d) }, Defaults: billingDefaults,
		owns: either(is("InstanceChargeType", "SpotDuration", "SpotInterruptionBehavior"),
			prefixed("Period", "AutoRenew", "SpotStrategy"))},
	{ID: Zone, Name: "Zone", Short: "Zone", Kind: PickerStep, Param: "ZoneId",
		Needs: []Need{NeedRegionData}, Defaults: zoneDefaults, owns: is("ZoneId")},
	{ID: InstanceType, Name: "Instance type", Short: "Type", Kind: PickerStep, Param: "InstanceType", Fields: spotFields,
		Needs:    []Need{NeedRegionData, NeedTypes, NeedTypePrices},
		Defaults: func(d *Draft) { setIfEmpty(d, "InstanceType", DefaultType(d.Env.Types)) },
		owns:     is("InstanceType", "SpotPriceLimit")},
	{ID: Image, Name: "Image", Short: "Image", Kind: PickerStep, Param: "ImageId",
		Needs: []Need{NeedRegionData}, Defaults: imageDefaults, owns: is("ImageId", "ImageFamily")},
	{ID: Storage, Name: "Storage", Short: "Storage", Kind: FormStep, Needs: []Need{NeedRegionData, NeedDisks},
		Fields: storageFields, Defaults: applyStorageDefaults, owns: prefixed("SystemDisk.", "DataDisk.", KeyAddDataDisk)},
	{ID: Network, Name: "Network", Short: "Network", Kind: FormStep, Needs: []Need{NeedRegionData},
		Fields: networkFields, Defaults: applyNetworkDefaults,
		owns: either(is("VSwitchId", "PrivateIpAddress", KeyVpc, KeySecurityGroups, KeyCreateNetwork, KeyCreateVSwitch, KeyCreateGroup),
			prefixed("SecurityGroupId", "Internet", KeyGroupRules))},
	{ID: Access, Name: "Access & naming", Short: "Access", Kind: FormStep, Needs: []Need{NeedRegionData},
		Fields: accessFields, Defaults: accessDefaults,
		owns: either(is("KeyPairName", "InstanceName", "HostName", "UniqueSuffix", "Amount", "MinAmount", "Description",
			KeyLogin, KeyPasswordConfirm, KeyAddTag, KeyImportKey, KeyCreateKey), prefixed("Password", "Tag."))},
	{ID: Advanced, Name: "Advanced", Short: "Advanced", Kind: FormStep,
		Fields: func(*Draft, *Env) []Field { return advancedFields() }, owns: func(string) bool { return true }},
	{ID: Review, Name: "Review", Short: "Review", Kind: ReviewStep, Needs: []Need{NeedRegionData}},
}

// askDef is the step of a launch file's ask: list, shown before the review
// in place of the wizard's steps; it is not in the step bar.
var askDef = StepDef{ID: Ask, Name: "Your answers", Short: "Your answers", Kind: FormStep, Needs: []Need{NeedRegionData},
	Fields: func(d *Draft, env *Env) []Field { return AskFields(d.Ask, d, env) }}

// Registry returns the wizard's steps in order (a copy).
func Registry() []StepDef { return append([]StepDef(nil), registry...) }

// Def returns a step's definition.
func Def(id StepID) StepDef {
	for _, d := range registry {
		if d.ID == id {
			return d
		}
	}
	return askDef
}

// Steps is the wizard's order, derived from the registry.
func Steps() []StepID {
	out := make([]StepID, len(registry))
	for i, d := range registry {
		out[i] = d.ID
	}
	return out
}

// Next is the step after s in the registry (Review after the last).
func Next(s StepID) StepID {
	for i, d := range registry {
		if d.ID == s && i+1 < len(registry) {
			return registry[i+1].ID
		}
	}
	return Review
}

// Prev is the step before s, or s itself for the first.
func Prev(s StepID) StepID {
	for i, d := range registry {
		if d.ID == s && i > 0 {
			return registry[i-1].ID
		}
	}
	return s
}

// StepOf names the step that asks a parameter, so a finding on the review
// (or a failed DryRun) can jump to its field.
func StepOf(key string) StepID {
	for _, d := range registry {
		if d.Owns(key) {
			return d.ID
		}
	}
	return Advanced
}

// Fields returns the questions of a form step, built from the draft as it
// is now: fields appear and disappear as earlier answers change (a PrePaid
// period, a data disk's performance level). Pickers and the review have none.
func Fields(s StepID, d *Draft, env *Env) []Field {
	if def := Def(s); def.Fields != nil {
		return def.Fields(d, env)
	}
	return nil
}

// ApplyDefaults fills the unset parameters of a step with valid defaults;
// values already chosen are kept, so going back and forth loses nothing.
func ApplyDefaults(s StepID, d *Draft) {
	if def := Def(s); def.Defaults != nil {
		def.Defaults(d)
	}
}

func setIfEmpty(d *Draft, k, v string) {
	if d.Req.Get(k) == "" && v != "" {
		_ = d.Req.Set(k, v)
	}
}
