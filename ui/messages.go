package ui

import (
	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/rules"
)

// loadKind names one list the wizard fetches; each kind has its own request
// id so a stale answer (the user changed region meanwhile) is dropped.
type loadKind int

const (
	loadRegions loadKind = iota
	loadRegionData
	loadTypes
	loadDisks
	loadPrice
	loadTypePrices
	loadOnline
)

var loadNames = [...]string{"regions", "the region's catalog", "instance types", "disk categories", "the price", "type prices", "online checks"}

// String names what loads, for the spinner and the error banner.
func (k loadKind) String() string { return loadNames[k] }

// regionsLoadedMsg carries DescribeRegions.
type regionsLoadedMsg struct {
	id      int
	regions []catalog.Region
}

// regionDataMsg carries everything of a region (catalog.Load).
type regionDataMsg struct {
	id      int
	region  string
	billing catalog.Billing
	data    *catalog.RegionData
}

// typesLoadedMsg carries the instance types with their status in a zone.
type typesLoadedMsg struct {
	id    int
	zone  string
	types []catalog.InstanceType
}

// disksLoadedMsg carries the disk categories of a type in a zone.
type disksLoadedMsg struct {
	id           int
	system, data []catalog.DiskCategory
}

// priceMsg carries the price of the whole request.
type priceMsg struct {
	id    int
	price catalog.Price
}

// loadFailedMsg reports a failed load; the banner offers a retry.
type loadFailedMsg struct {
	id   int
	kind loadKind
	err  error
}

// onlineFindingsMsg carries what the catalog-backed rules found on the review.
type onlineFindingsMsg struct {
	id       int
	findings []rules.Finding
}

// autoSubmitMsg submits a step the user pressed Enter on while it loaded.
type autoSubmitMsg struct{ step forms.StepID }

// dryRunMsg carries a DryRun's verdict.
type dryRunMsg struct{ res dryRunResult }

// launchEventMsg is one launch progress event.
type launchEventMsg struct{ ev launcher.Event }

// launchDoneMsg ends a launch.
type launchDoneMsg struct {
	out *launcher.Outcome
	err error
}

// savedMsg reports a file written (launch file, export, draft).
type savedMsg struct {
	what, path string
	err        error
	quiet      bool // the draft: only errors are shown
}

// typePricesMsg carries the hourly prices of some types (DescribePrice per type).
type typePricesMsg struct {
	id     int // the types load they belong to
	prices map[string]float64
	first  bool // the default type's candidates: the step waits for them
}
