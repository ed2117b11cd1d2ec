package flow

import (
	"fmt"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// fetch starts one load with a fresh id; an earlier one still in flight
// will be dropped when it answers. It returns nil when there is nothing
// to ask yet (no region chosen).
func (c *Controller) fetch(k load) Effect {
	if k == loadRegionDataKind && c.region() == "" {
		return nil
	}
	c.seq[k]++
	id := c.seq[k]
	c.loading[k] = true
	req := c.draft.Req
	switch k {
	case loadRegionsKind:
		return loadRegions{id: id}
	case loadRegionDataKind:
		return loadRegionData{id: id, region: c.region(), billing: c.billing()}
	case loadTypesKind:
		c.typesLoaded = false
		return loadTypes{id: id, region: c.region(), zone: req.Get("ZoneId"), billing: c.billing()}
	case loadDisksKind:
		c.disksType = req.Get("InstanceType")
		return loadDisks{id: id, region: c.region(), zone: req.Get("ZoneId"), typ: c.disksType, billing: c.billing()}
	case loadQuoteKind:
		c.quote.key = pricingKey(req)
		return quote{id: id, req: req.Clone()}
	case loadOnlineKind:
		return checkOnline{id: id, req: req.Clone(), rc: c.draft.RulesContext(c.now())}
	}
	panic(fmt.Sprintf("flow: fetch of %v", k))
}

// current reports whether an answer is the latest of its kind, and marks
// the kind as loaded; stale answers are dropped.
func (c *Controller) current(k load, id int) bool {
	if c.seq[k] != id {
		return false
	}
	c.loading[k] = false
	if c.failed != nil && c.failed.kind == k {
		c.failed = nil
	}
	return true
}

// have reports whether a need's data is there for the current choices.
func (c *Controller) have(n forms.Need) bool {
	req := c.draft.Req
	switch n {
	case forms.NeedRegions:
		return c.env.Regions != nil
	case forms.NeedRegionData:
		return c.env.Data != nil && c.loadedRegion == c.region() && c.loadedBilling == c.billing()
	case forms.NeedTypes:
		return c.typesLoaded && c.typesZone == req.Get("ZoneId") && c.have(forms.NeedRegionData)
	case forms.NeedTypePrices:
		return c.pricesReady && c.have(forms.NeedTypes)
	case forms.NeedDisks:
		return c.disksType != "" && c.disksType == req.Get("InstanceType") && !c.loading[loadDisksKind]
	}
	return true
}

// loadOf is the load that satisfies a need.
func loadOf(n forms.Need) load {
	return [...]load{loadRegionsKind, loadRegionDataKind, loadTypesKind, loadTypePricesKind, loadDisksKind}[n]
}

// Ready reports whether the current step's data is there.
func (c *Controller) Ready() bool { return c.ready(c.step) }

func (c *Controller) ready(s forms.StepID) bool {
	for _, n := range forms.Def(s).Needs {
		if !c.have(n) {
			return false
		}
	}
	return true
}

// Blocked reports whether the current step waits for data that failed.
func (c *Controller) Blocked() bool {
	if c.failed == nil {
		return false
	}
	for _, n := range forms.Def(c.step).Needs {
		if loadOf(n) == c.failed.kind && !c.have(n) {
			return true
		}
	}
	return false
}

// ensure starts the loads a step needs that are neither there nor under way.
func (c *Controller) ensure(s forms.StepID) []Effect {
	var out []Effect
	for _, n := range forms.Def(s).Needs {
		k := loadOf(n)
		if c.have(n) || (c.loading[k] && !c.staleLoad(k)) || (c.failed != nil && c.failed.kind == k) {
			continue
		}
		switch n {
		case forms.NeedTypePrices:
			continue // follows the types
		case forms.NeedTypes:
			if !c.have(forms.NeedRegionData) {
				continue // the region data's arrival starts it
			}
		}
		out = appendEff(out, c.fetch(k))
	}
	return out
}

// staleLoad: a load under way for other choices than the current ones.
func (c *Controller) staleLoad(k load) bool {
	switch k {
	case loadDisksKind:
		return c.disksType != c.draft.Req.Get("InstanceType")
	case loadTypesKind:
		return c.typesZone != c.draft.Req.Get("ZoneId") && c.typesLoaded
	}
	return false
}

// enter shows a step: its data is loaded if missing; once there, the
// step's defaults fill what is still unset.
func (c *Controller) enter(s forms.StepID) []Effect {
	if c.failed != nil && s != c.step {
		for _, n := range forms.Def(s).Needs {
			if loadOf(n) == c.failed.kind {
				c.failed = nil // a new step that needs what failed asks again
				break
			}
		}
	}
	c.step = s
	c.invalid = ""
	c.touch()
	effs := c.ensure(s)
	switch s {
	case forms.InstanceType:
		effs = append(effs, c.askSpot()...)
	case forms.Image:
		effs = append(effs, c.askMarketplace()...)
	}
	if c.ready(s) {
		effs = append(effs, c.prepare()...)
	}
	return effs
}

// prepare applies the step's defaults once its data is there.
func (c *Controller) prepare() []Effect {
	forms.ApplyDefaults(c.step, c.draft)
	c.touch()
	var effs []Effect
	switch c.step {
	case forms.Review:
		effs = append(effs, c.buildReview()...)
	case forms.Ask:
		c.rebuildFields(c.allFields())
	case forms.Network:
		effs = append(effs, c.askGroupRules()...) // the defaults chose the VPC
	}
	return append(effs, c.requote()...)
}

// Apply takes an effect's result and returns the effects it leads to.
func (c *Controller) Apply(r Result) []Effect {
	wasReady := c.Ready()
	var effs []Effect
	switch r := r.(type) {
	case RegionsLoaded:
		effs = c.onRegions(r)
	case RegionDataLoaded:
		effs = c.onRegionData(r)
	case TypesLoaded:
		effs = c.onTypes(r)
	case TypePricesLoaded:
		effs = c.onTypePrices(r)
	case DisksLoaded:
		effs = c.onDisks(r)
	case Quoted:
		c.onQuote(r)
	case PricingProgress:
		c.onPricingProgress(r)
	case ZonePriced:
		c.onZonePriced(r)
	case SpotLoaded:
		c.onSpot(r)
	case MarketplaceLoaded:
		c.onMarketplace(r)
	case OnlineChecked:
		if c.current(loadOnlineKind, r.ID) {
			c.review.addOnline(r.Findings)
			c.touch()
		}
	case UserDataRead:
		c.draft.UserDataFileRead(r.Path, r.Content, r.Err)
		c.touch()
		effs = c.requote()
	case DraftLoaded:
		c.onDraft(r)
	case DraftSaved:
		c.onDraftSaved(r)
	case DryRunDone:
		effs = c.onDryRun(r)
	case LaunchEvent:
		c.onLaunchEvent(r)
	case LaunchDone:
		effs = c.onLaunchDone(r)
	case FileWritten:
		c.onWritten(r)
	case Copied:
		c.onCopied(r)
	case StartListed:
		c.onStartListed(r)
		c.touch()
	case StartOpened:
		effs = c.onStartOpened(r)
		c.touch()
	default:
		effs = c.applyCreate(r)
	}
	if !wasReady && c.Ready() {
		effs = append(effs, c.prepare()...)
	}
	return effs
}

// fail records a failed load; the step that needs it shows why and how
// to retry.
func (c *Controller) fail(k load, err error) {
	c.failed = &Failure{What: loadNames[k].String(), Err: err, kind: k}
	c.touch()
}

func (c *Controller) onRegions(r RegionsLoaded) []Effect {
	if !c.current(loadRegionsKind, r.ID) {
		return nil
	}
	if r.Err != nil {
		c.fail(loadRegionsKind, r.Err)
		return nil
	}
	c.env.Regions = r.Regions
	c.touch()
	if c.region() == "" {
		_ = c.draft.Req.Set("RegionId", forms.DefaultRegion(r.Regions, c.o.Region))
		return []Effect{c.fetch(loadRegionDataKind)}
	}
	if !c.knownRegion(c.region()) {
		return c.unknownRegion(c.region())
	}
	return nil
}

// knownRegion reports whether DescribeRegions listed a region (true until
// it has answered).
func (c *Controller) knownRegion(id string) bool {
	if c.env.Regions == nil {
		return true
	}
	for _, r := range c.env.Regions {
		if r.RegionId == id {
			return true
		}
	}
	return false
}

// unknownRegion sends the user to the region list, with the region they
// most likely meant: a misspelt --region must not dead-end the wizard.
func (c *Controller) unknownRegion(id string) []Effect {
	c.notice = i18n.T("unknown region %s", id)
	if s := c.suggestRegion(id); s != "" {
		c.notice += i18n.T("; did you mean %s?", s)
	}
	c.notice += i18n.Text(" Choose a region.")
	c.draft.Req.Delete("RegionId")
	c.seq[loadRegionDataKind]++ // the load for the unknown region is moot
	c.loading[loadRegionDataKind] = false
	if c.failed != nil && c.failed.kind == loadRegionDataKind {
		c.failed = nil
	}
	c.editing = false
	return c.enter(forms.Region)
}

// suggestRegion is the listed region closest to a misspelt one.
func (c *Controller) suggestRegion(id string) string {
	best, bestD := "", 1<<30
	for _, r := range c.env.Regions {
		if d := levenshtein.Distance(strings.ToLower(id), r.RegionId, nil); d < bestD {
			best, bestD = r.RegionId, d
		}
	}
	if bestD > len(id)/3+1 {
		return ""
	}
	return best
}

func (c *Controller) onRegionData(r RegionDataLoaded) []Effect {
	if !c.current(loadRegionDataKind, r.ID) {
		return nil
	}
	if r.Err != nil {
		if !c.knownRegion(r.Region) {
			return c.unknownRegion(r.Region)
		}
		c.fail(loadRegionDataKind, r.Err)
		return nil
	}
	c.env.Data = r.Data
	c.loadedRegion, c.loadedBilling = r.Region, r.Billing
	c.typesLoaded = false
	if len(r.Data.Errors) > 0 {
		c.notice = i18n.T("Some lists did not load: %s", strings.Join(r.Data.Errors, "; "))
	}
	c.touch()
	// Prefetch the types of the zone the user will most likely take.
	zone := c.draft.Req.Get("ZoneId")
	if _, asked := c.draft.Extra[forms.KeyZoneAsked]; !asked && zone == "" {
		zone = forms.DefaultZone(r.Data)
	}
	return []Effect{c.fetchTypesIn(zone)}
}

// fetchTypesIn loads the types of a zone (a prefetch may name the zone
// before the user has chosen it).
func (c *Controller) fetchTypesIn(zone string) Effect {
	c.seq[loadTypesKind]++
	c.loading[loadTypesKind] = true
	c.typesLoaded = false
	return loadTypes{id: c.seq[loadTypesKind], region: c.region(), zone: zone, billing: c.billing()}
}

func (c *Controller) onTypes(r TypesLoaded) []Effect {
	if !c.current(loadTypesKind, r.ID) {
		return nil
	}
	if r.Err != nil {
		c.fail(loadTypesKind, r.Err)
		return nil
	}
	c.env.Types, c.typesZone, c.typesLoaded = r.Types, r.Zone, true
	c.flagLater() // the chosen type may not be sold in this zone
	c.priceAsked = map[string]bool{}
	c.touch()
	zone := c.startZonePricing(r.ID, r.Zone)
	ids := forms.DefaultTypeCandidates(r.Types)
	c.pricesReady = len(ids) == 0
	if c.pricesReady {
		return []Effect{zone}
	}
	for _, t := range ids {
		c.priceAsked[t] = true
	}
	c.loading[loadTypePricesKind] = true
	// The default type's candidates first (the step waits for them), then
	// every type of the zone with progress.
	return []Effect{loadTypePrices{id: r.ID, region: c.region(), zone: r.Zone, billing: c.billing(), types: ids, first: true}, zone}
}

// onTypePrices fills the prices in; the first batch lets the default
// (the cheapest candidate) be chosen.
func (c *Controller) onTypePrices(r TypePricesLoaded) []Effect {
	if r.ID != c.seq[loadTypesKind] {
		return nil
	}
	for i, t := range c.env.Types {
		if p, ok := r.Prices[t.InstanceTypeId]; ok {
			c.env.Types[i].PricePerHour = p
		}
	}
	c.touch()
	if r.First {
		c.pricesReady = true
		c.loading[loadTypePricesKind] = false
	}
	return nil
}

// PriceTypes asks the prices of the types in view that have none yet (the
// type table calls it as rows scroll into view).
func (c *Controller) PriceTypes(ids []string) []Effect {
	if !c.typesLoaded || !c.pricing.Complete || len(c.typePrices) > 0 {
		return nil // the zone's pricing has them all, or is under way
	}
	var ask []string
	for _, id := range ids {
		if !c.priceAsked[id] {
			c.priceAsked[id] = true
			ask = append(ask, id)
		}
	}
	if len(ask) == 0 {
		return nil
	}
	return []Effect{loadTypePrices{id: c.seq[loadTypesKind], region: c.region(), zone: c.typesZone, billing: c.billing(), types: ask}}
}

func (c *Controller) onDisks(r DisksLoaded) []Effect {
	if !c.current(loadDisksKind, r.ID) {
		return nil
	}
	if r.Err != nil {
		c.fail(loadDisksKind, r.Err)
		return nil
	}
	c.env.SystemCategories, c.env.DataCategories = r.System, r.Data
	c.flagLater()
	c.touch()
	return nil
}

// Retry reissues the load that failed.
func (c *Controller) Retry() []Effect {
	if c.failed == nil {
		return nil
	}
	k := c.failed.kind
	c.failed = nil
	c.touch()
	var e Effect
	if k == loadTypesKind {
		e = c.fetchTypesIn(c.draft.Req.Get("ZoneId"))
	} else {
		e = c.fetch(k)
	}
	return appendEff(nil, e)
}

func appendEff(effs []Effect, e Effect) []Effect {
	if e == nil {
		return effs
	}
	return append(effs, e)
}
