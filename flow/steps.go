package flow

import (
	"fmt"
	"strconv"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Submit leaves the current step when its values are valid: to the next
// step, or back to the review when the step was opened from it. When a
// field blocks, Notice says so and Invalid names the field.
func (c *Controller) Submit() []Effect {
	c.invalid = ""
	if !c.Ready() {
		c.notice = i18n.T("Still loading %s…", joinNames(c.Loading()))
		return nil
	}
	if !c.submittable() {
		return nil
	}
	var effs []Effect
	if c.step == forms.Review {
		return nil
	}
	next := forms.Next(c.step)
	if c.editing || c.step == forms.Ask {
		next = forms.Review
	}
	c.flagLater()
	effs = append(effs, saveDraft{req: c.draft.Req.Clone()})
	return append(effs, c.enter(next)...)
}

// submittable checks the current step: a picker's choice, then every field.
func (c *Controller) submittable() bool {
	switch c.step {
	case forms.Zone:
		c.draft.Extra[forms.KeyZoneAsked] = "1"
	case forms.InstanceType:
		if !c.typeChoosable(c.draft.Req.Get("InstanceType")) {
			return false
		}
	case forms.Image:
		if fs := forms.CheckKey(c.draft, "ImageId", c.now()); blocking(fs) {
			c.notice = fs[0].Message
			return false
		}
	}
	for _, f := range c.Fields() {
		// A DryRun's verdict shows under its field but does not hold the
		// step: the rules decide, and the next DryRun says again.
		if fs := append(forms.Check(c.draft, f, c.now()), c.spotFindings(f.Key, c.draft.Req.Get(f.Key))...); blocking(fs) {
			c.invalid = f.Key
			c.notice = i18n.Text("Fix the field marked ✗ first: its rule is under it.")
			return false
		}
	}
	return true
}

// Invalid is the key of the field the last Submit found blocking, or "".
func (c *Controller) Invalid() string { return c.invalid }

func (c *Controller) typeChoosable(id string) bool {
	t, ok := c.env.Type(id)
	if !ok {
		c.notice = i18n.T("InstanceType %s is not offered in %s.", id, c.region())
		return false
	}
	if t.Status != catalog.Available {
		c.notice = i18n.T("%s is %s: press z to switch to such a zone.", id, Availability(t))
		return false
	}
	return true
}

// Availability says why a type cannot be chosen here and where it can.
func Availability(t catalog.InstanceType) string {
	switch t.Status {
	case catalog.Available:
		return i18n.Text("available")
	case catalog.SoldOut:
		return i18n.T("sold out · in %s", zonesOrNone(t.AvailableZones))
	}
	return i18n.T("not offered · in %s", zonesOrNone(t.AvailableZones))
}

func zonesOrNone(z []string) string {
	if len(z) == 0 {
		return i18n.Text("no zone")
	}
	return joinComma(z)
}

// Back returns to the previous step, keeping every value.
func (c *Controller) Back() []Effect {
	if c.step == forms.Ask || c.step == forms.Region {
		return nil
	}
	if c.step == forms.Review {
		c.editing = false
	}
	c.notice = ""
	return c.enter(forms.Prev(c.step))
}

// Edit opens a step from the review; submitting it returns to the review.
func (c *Controller) Edit(s forms.StepID) []Effect {
	c.editing = true
	c.notice = ""
	return c.enter(s)
}

// Jump opens the step of a parameter (a finding's, a failed DryRun's) and
// returns the key of the field that edits it, for the driver to focus.
func (c *Controller) Jump(param string) ([]Effect, string) {
	return c.Edit(forms.StepOf(param)), forms.FieldFor(param)
}

// Choose takes a picker's value: a region, a zone ("" = any), a type or an
// image. Choices bound to another region or zone go with it. taken is
// false when the value cannot be had (a type sold out here: Notice says
// where it is available).
func (c *Controller) Choose(value string) (effs []Effect, taken bool) {
	c.notice = ""
	if !pickerStep(c.step) {
		return nil, false
	}
	c.userChange(func() { effs = c.choose(value) })
	c.touch()
	effs = append(effs, c.askSpot()...)
	return append(effs, c.requote()...), c.draft.Req.Get(c.Def().Param) == value
}

func pickerStep(s forms.StepID) bool { return forms.Def(s).Kind == forms.PickerStep }

func (c *Controller) choose(value string) []Effect {
	var effs []Effect
	switch c.step {
	case forms.Region:
		effs = c.chooseRegion(value)
	case forms.Zone:
		c.draft.Extra[forms.KeyZoneAsked] = "1"
		if value != c.draft.Req.Get("ZoneId") || !c.have(forms.NeedTypes) {
			_ = c.draft.Req.Set("ZoneId", value)
			effs = append(effs, c.fetchTypesIn(value))
		}
	case forms.InstanceType:
		if c.typeChoosable(value) { // a sold-out type is not taken: z switches zone
			_ = c.draft.Req.Set("InstanceType", value)
		}
	case forms.Image:
		_ = c.draft.Req.Set("ImageId", value)
	}
	return effs
}

// regionBound are the choices that belong to one region.
var regionBound = []string{"ZoneId", "VSwitchId", "SecurityGroupId", "KeyPairName", "DeploymentSetId", "DedicatedHostId"}

func (c *Controller) chooseRegion(id string) []Effect {
	if id == c.region() && c.env.Data != nil {
		return nil
	}
	_ = c.draft.Req.Set("RegionId", id)
	for _, k := range regionBound {
		c.draft.Req.Delete(k)
	}
	c.draft.Req.DeleteList("SecurityGroupIds")
	delete(c.draft.Extra, forms.KeyVpc)
	delete(c.draft.Extra, forms.KeyZoneAsked)
	c.env.Data, c.typesLoaded = nil, false
	return appendEff(nil, c.fetch(loadRegionDataKind))
}

// SwitchZone moves to a zone where a type sold out here is available,
// keeping the type; the zone chosen is one where the VPC has a vSwitch
// when there is one.
func (c *Controller) SwitchZone(typeID, zone string) []Effect {
	t, ok := c.env.Type(typeID)
	if !ok || t.Status == catalog.Available || len(t.AvailableZones) == 0 {
		c.notice = i18n.Text("The type under the cursor is available here.")
		return nil
	}
	if zone == "" {
		zone = c.reachableZone(t.AvailableZones)
	}
	_ = c.draft.Req.Set("ZoneId", zone)
	_ = c.draft.Req.Set("InstanceType", typeID)
	c.draft.Extra[forms.KeyZoneAsked] = "1"
	c.notice = i18n.T("Zone switched to %s, where %s is available.", zone, typeID)
	c.touch()
	return append([]Effect{c.fetchTypesIn(zone)}, c.requote()...)
}

// reachableZone prefers a zone where the chosen (or default) VPC has a vSwitch.
func (c *Controller) reachableZone(zones []string) string {
	vpc := c.draft.Get(forms.KeyVpc)
	if vpc == "" {
		vpc = forms.DefaultVpc(c.env.Data)
	}
	for _, z := range zones {
		if len(forms.VSwitchesFor(c.env, vpc, z)) > 0 {
			return z
		}
	}
	return zones[0]
}

// flagLater marks the steps whose values no longer fit the choices just
// made, so the step bar shows where to look.
func (c *Controller) flagLater() {
	c.flagged = map[forms.StepID]bool{}
	for _, f := range forms.Validate(c.draft, c.now()) {
		// A choice made that no longer fits; a value not chosen yet is no flag.
		if f.Severity == rules.Error && c.draft.Req.Has(f.Parameter) {
			c.flagged[forms.StepOf(f.Parameter)] = true
		}
	}
}

// Fields are the current step's questions as the draft is now.
func (c *Controller) Fields() []forms.Field { return forms.Fields(c.step, c.draft, c.env) }

// Check runs a field's rules against the draft, with a DryRun's verdict on
// it if the field has not changed since.
func (c *Controller) Check(f forms.Field) []rules.Finding {
	out := append(forms.Check(c.draft, f, c.now()), c.spotFindings(f.Key, c.draft.Req.Get(f.Key))...)
	return append(out, c.verdicts[f.Key]...)
}

// Set stores a field's value. Fields may come and go (a period under
// PrePaid); those that appear get their defaults, and the parameters of
// those that disappear are dropped: nobody could see or fix them, yet they
// would be sent. A user-data path is read by an effect.
func (c *Controller) Set(key, value string) []Effect {
	before := c.allFields()
	c.userChange(func() {
		if err := c.draft.Set(key, value); err != nil {
			c.notice = err.Error()
		}
		c.rebuildFields(before)
	})
	delete(c.verdicts, key)
	var effs []Effect
	if key == forms.KeyUserDataFile && c.draft.UserDataFile() != "" {
		effs = append(effs, readUserData{path: c.draft.UserDataFile()})
	}
	if key == forms.KeyVpc {
		effs = append(effs, c.askGroupRules()...)
	}
	return append(effs, c.requote()...)
}

// Toggle flips a Toggle field.
func (c *Controller) Toggle(key string) []Effect {
	if c.draft.Get(key) == "true" {
		return c.Set(key, "false")
	}
	return c.Set(key, "true")
}

// Press runs an Action field (add a data disk, add a tag) and returns the
// key of the field the new row starts with, for the driver to focus.
func (c *Controller) Press(action string) ([]Effect, string) {
	before := c.allFields()
	if forms.IsCreate(action) {
		return c.OpenCreate(action), ""
	}
	var focus string
	c.userChange(func() {
		switch action {
		case forms.KeyAddDataDisk:
			if err := c.draft.AddDataDisk(); err != nil {
				c.notice = err.Error()
			}
			focus = fmt.Sprintf("DataDisk.%d.Category", c.draft.Req.Count("DataDisk"))
		case forms.KeyAddTag:
			c.draft.AddTag()
			focus = fmt.Sprintf("Tag.%d.Key", c.draft.TagRows())
		}
	})
	if focus == "" {
		return nil, ""
	}
	c.rebuildFields(before)
	return c.requote(), focus
}

// Remove removes the list item (a data disk, a tag) a field belongs to.
func (c *Controller) Remove(key string) ([]Effect, bool) {
	before := c.allFields()
	removed := false
	c.userChange(func() {
		if removed = c.draft.RemoveItem(key); removed {
			c.rebuildFields(before)
		}
	})
	if !removed {
		return nil, false
	}
	return c.requote(), true
}

// rebuildFields applies the step's defaults to fields that appeared and
// drops the parameters of fields that disappeared, on any step: a spot
// price limit (asked after the type) goes when Billing turns PrePaid. A
// removal may hide another field (AutoRenew hides AutoRenewPeriod).
func (c *Controller) rebuildFields(before []forms.Field) {
	forms.ApplyDefaults(c.step, c.draft)
	after := c.allFields()
	for range len(before) + 1 {
		if !c.dropHidden(before, after) {
			break
		}
		before, after = after, c.allFields()
	}
	c.touch()
}

// allFields are the fields of every step as the draft is now.
func (c *Controller) allFields() []forms.Field {
	var out []forms.Field
	for _, s := range forms.Steps() {
		out = append(out, forms.Fields(s, c.draft, c.env)...)
	}
	if c.step == forms.Ask {
		out = append(out, c.Fields()...)
	}
	return out
}

func (c *Controller) dropHidden(before, after []forms.Field) bool {
	dropped := false
	for _, f := range before {
		if forms.IsExtra(f.Key) || hasField(after, f.Key) || !c.draft.Req.Has(f.Key) {
			continue
		}
		c.draft.Req.Delete(f.Key)
		dropped = true
	}
	return dropped
}

func hasField(fs []forms.Field, key string) bool {
	for _, f := range fs {
		if f.Key == key {
			return true
		}
	}
	return false
}

func blocking(fs []rules.Finding) bool {
	for _, f := range fs {
		if f.Severity == rules.Error {
			return true
		}
	}
	return false
}

// pricingKey is what a price depends on; a quote is asked again only when
// it changes (typing a name costs no DescribePrice).
func pricingKey(r *request.Request) string {
	var b []byte
	for _, p := range r.Params() {
		if pricing(p.Name) {
			b = append(b, p.Name...)
			b = append(b, '=')
			b = append(b, p.Value...)
			b = append(b, 0)
		}
	}
	return string(b)
}

func pricing(name string) bool {
	switch forms.StepOf(name) {
	case forms.Region, forms.Billing, forms.Zone, forms.InstanceType, forms.Image, forms.Storage:
		return true
	}
	return name == "Amount" || name == "InternetChargeType" || name == "InternetMaxBandwidthOut"
}

// requote asks the price again when what it depends on changed.
func (c *Controller) requote() []Effect {
	if c.draft.Req.Get("InstanceType") == "" || c.region() == "" {
		return nil
	}
	if c.quote.key == pricingKey(c.draft.Req) && (c.quote.ok || c.loading[loadQuoteKind]) {
		return nil
	}
	c.quote.ok, c.quote.err = false, nil
	return []Effect{c.fetch(loadQuoteKind)}
}

func (c *Controller) onQuote(r Quoted) {
	if !c.current(loadQuoteKind, r.ID) {
		return
	}
	c.quote.price, c.quote.bill, c.quote.err, c.quote.ok = r.Price, r.Bill, r.Err, r.Err == nil
	c.touch()
}

// Quote is the DescribePrice quote of the request as it is now: ok is
// false while it is asked, or when it failed (err says why). A quote for
// an earlier version of the request is never returned.
func (c *Controller) Quote() (p catalog.Price, ok bool, err error) {
	if c.quote.key != pricingKey(c.draft.Req) {
		return catalog.Price{}, false, nil
	}
	return c.quote.price, c.quote.ok, c.quote.err
}

// Amount is the request's instance count (1 when unset or malformed).
func (c *Controller) Amount() int {
	n, err := strconv.Atoi(c.draft.Req.Get("Amount"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func joinNames(ss []string) string {
	if len(ss) == 0 {
		return "…"
	}
	return joinComma(ss)
}

func joinComma(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// CheckValue runs a field's rules on a value it does not hold yet, on a
// copy of the draft: whether typing on can still make a value valid.
func (c *Controller) CheckValue(f forms.Field, value string) []rules.Finding {
	d := forms.NewDraft(c.draft.Req.Clone(), c.env)
	for k, v := range c.draft.Extra {
		d.Extra[k] = v
	}
	d.Ask = c.draft.Ask
	if err := d.Set(f.Key, value); err != nil {
		return []rules.Finding{{Parameter: f.Key, Severity: rules.Error, Message: err.Error()}}
	}
	return append(forms.Check(d, f, c.now()), c.spotFindings(f.Key, value)...)
}
