// Package forms says what the wizard asks: one builder per step, each field
// bound to a RunInstances parameter of the draft request, with its options
// taken from the catalog and its checks from the rules package. How the
// questions are asked (the TUI or accessible prompts) is the ui package's job.
package forms

import (
	"github.com/ecslaunch/ecslaunch/catalog"
)

// StepID names a step of the wizard, in the order availability data depends on.
type StepID int

// The steps. Ask is the "ask:" list of a launch file, shown before the review.
const (
	Region StepID = iota
	Billing
	Zone
	InstanceType
	Image
	Storage
	Network
	Access
	Advanced
	Review
	Ask
)

// String names the step as its title shows it (from the registry), in
// the current language.
func (s StepID) String() string {
	if s < Region || s > Ask {
		return "Step(?)"
	}
	return Def(s).Title()
}

// Kind is how a field takes its value.
type Kind int

// The field kinds.
const (
	Input    Kind = iota // free text, checked on every keystroke
	Secret               // free text, shown masked
	Select               // one of Options
	Toggle               // true/false
	Multi                // several of Options (comma-joined values)
	TextArea             // multi-line free text (user data)
	Action               // a button (add a data disk, a tag); Key names the action
	Note                 // a line of information, not a value
)

// String names the kind.
func (k Kind) String() string {
	return [...]string{"Input", "Secret", "Select", "Toggle", "Multi", "TextArea", "Action", "Note"}[k]
}

// Option is one choice of a Select or Multi field.
type Option struct {
	Label string // what the user reads
	Value string // what goes into the request
	Note  string // a dim remark (CIDR, free IPs, "default")
}

// Field is one question. Key is the RunInstances parameter it fills
// ("SystemDisk.Category", "DataDisk.2.Size"), or a UI-only key starting
// with "ui." (the login method, the password confirmation, a VPC) whose
// value lives in Draft.Extra.
type Field struct {
	Key      string
	Title    string
	Kind     Kind
	Options  []Option
	Optional bool
	// Doc overrides the apidoc lookup for UI-only keys.
	Doc string
	// Placeholder is shown in an empty field: the value the API takes
	// when the parameter is not sent ("1"), or an example.
	Placeholder string
}

// Env is the catalog data the builders choose from, prefetched by the ui.
type Env struct {
	Regions []catalog.Region
	Data    *catalog.RegionData
	// Types lists every type with its status in the zone chosen.
	Types []catalog.InstanceType
	// SystemCategories and DataCategories are the disk categories the
	// chosen type supports in the zone.
	SystemCategories, DataCategories []catalog.DiskCategory
	// CanCreate offers the actions that create a VPC, a vSwitch, a
	// security group or a key pair.
	CanCreate bool
	// GroupRules are the inbound rules of security groups, one line each,
	// by SecurityGroupId, as far as they were read.
	GroupRules map[string][]string
}

// Type returns the chosen instance type, if known.
func (e *Env) Type(id string) (catalog.InstanceType, bool) {
	list := e.Types
	if len(list) == 0 && e.Data != nil {
		list = e.Data.InstanceTypes
	}
	for _, t := range list {
		if t.InstanceTypeId == id {
			return t, true
		}
	}
	return catalog.InstanceType{}, false
}

// Image returns the chosen image, if known.
func (e *Env) Image(id string) (catalog.Image, bool) {
	if e.Data == nil {
		return catalog.Image{}, false
	}
	for _, im := range e.Data.Images {
		if im.ImageId == id {
			return im, true
		}
	}
	return catalog.Image{}, false
}
