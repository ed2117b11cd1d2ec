package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
)

// intent is what a screen model asks the root to do after a key: the
// screens never call the controller themselves.
type intent interface{}

type (
	submitIntent     struct{}                           // leave the step
	backIntent       struct{}                           // the previous step
	chooseIntent     struct{ value string }             // a picker's row
	switchZoneIntent struct{ typ catalog.InstanceType } // z on a sold-out type
	zoneIntent       struct{ typ, zone string }         // a zone chosen for it
	setIntent        struct{ key, value string }        // a field's new value
	toggleIntent     struct{ key string }               // a Toggle field
	pressIntent      struct{ key string }               // an Action field
	removeIntent     struct{ key string }               // a list item's field
	editorIntent     struct{ key, text string }         // $EDITOR on a field
	focusIntent      struct{}                           // the focus moved
	scrolledIntent   struct{}                           // rows came into view
	jumpIntent       struct{ param string }             // a finding's field
	editIntent       struct{ step forms.StepID }        // a review section
	dryRunIntent     struct{}                           // d
	launchIntent     struct{}                           // l
	confirmIntent    struct{ yes bool }                 // the launch question
	exportIntent     struct{}                           // e
	saveIntent       struct{}                           // w
	quitIntent       struct{}                           // q
	closeIntent      struct{}                           // an overlay closes
	noticeIntent     struct{ text string }              // say something
	writeIntent      struct{ path string }              // the path screen's answer
	overwriteIntent  struct{ yes bool }                 // replace the file?
	resumeIntent     struct{ yes bool }                 // resume the draft?
	exportToIntent   struct{ dest, text string }        // stdout, clipboard, file
)

// keyMapper is a screen's keymap, for the footer and `?`.
type keyMapper = help.KeyMap

// bindings flattens a keymap's full help.
func bindings(k keyMapper) []key.Binding {
	var out []key.Binding
	for _, col := range k.FullHelp() {
		out = append(out, col...)
	}
	return out
}
