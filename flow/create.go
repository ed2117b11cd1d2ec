package flow

import (
	"context"
	"errors"
	"net/netip"
	"path/filepath"
	"strings"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
)

// Provisioner creates what a request lacks, each creation idempotent and
// recorded in the history; *provision.Provisioner satisfies it.
type Provisioner interface {
	CreateNetwork(ctx context.Context, s provision.NetworkSpec) (vpc, vsw provision.Created, err error)
	CreateVSwitch(ctx context.Context, s provision.VSwitchSpec) (provision.Created, error)
	CreateSecurityGroup(ctx context.Context, s provision.GroupSpec) (provision.Created, error)
	GroupRules(ctx context.Context, regionID, securityGroupID string) ([]provision.Rule, error)
	ImportKeyPair(ctx context.Context, s provision.KeyImportSpec) (provision.Created, error)
	CreateKeyPair(ctx context.Context, s provision.KeyCreateSpec) (provision.Created, error)
	SaveTemplate(ctx context.Context, req *request.Request, s provision.TemplateSpec) (provision.Created, []string, error)
}

// CreateTemplate is the review's "save as a launch template" (the other
// kinds are the forms.KeyCreate… Action keys).
const CreateTemplate = "ui.SaveTemplate"

// The fields of a creation, by the API parameter each one sends.
const (
	fieldVpcName      = "VpcName"
	fieldVpcCidr      = "CidrBlock"
	fieldVSwitchName  = "VSwitchName"
	fieldVSwitchCidr  = "VSwitch.CidrBlock"
	fieldGroupName    = "SecurityGroupName"
	fieldPresets      = "Presets"
	fieldLoginFrom    = "SourceCidrIp"
	fieldKeyName      = "KeyPairName"
	fieldPublicKey    = "PublicKeyBody"
	fieldTemplateName = "LaunchTemplateName"
	fieldTemplateMode = "LaunchTemplateId"
	fieldVersionDesc  = "VersionDescription"
	// fieldDefaultVersion is ModifyLaunchTemplateDefaultVersion's
	// DefaultVersionNumber: "new" sends the new version's number.
	fieldDefaultVersion = "DefaultVersionNumber"
)

// CreateField is one value a creation asks, named by the API parameter
// it sends; Options make it a choice (Multi: several, comma-joined).
type CreateField struct {
	Key, Title, Value, Doc string
	Options                []forms.Option
	Multi                  bool
}

// CreatePlan is a creation waiting for the user's confirmation: what
// will be called, the values (editable), the warnings on them, and the
// failure of the last try (the plan stays, so nothing typed is lost).
type CreatePlan struct {
	Kind     string
	Title    string
	Calls    string
	Fields   []CreateField
	Warnings []string
	// Preparing: the plan's suggestions are being read (your public
	// address, your ~/.ssh keys); Running: the creation is under way.
	Preparing, Running bool
	Err                error
}

// Applies reports whether a field's value is sent with the plan's other
// values as they are: a template's name only for a new template, the
// default version only for a new version. A driver that asks in turn
// skips what does not apply.
func (p *CreatePlan) Applies(key string) bool {
	if p.Kind != CreateTemplate {
		return true
	}
	mode := ""
	for _, f := range p.Fields {
		if f.Key == fieldTemplateMode {
			mode = f.Value
		}
	}
	switch key {
	case fieldTemplateName:
		return mode == ""
	case fieldDefaultVersion:
		return mode != ""
	}
	return true
}

type createState struct {
	plan    *CreatePlan
	addr    netip.Addr
	keys    []provision.PublicKey
	asked   string // the VPC whose groups' rules were asked
	seq     int
	rulesID int // the latest group rules asked
}

// CreatePlan is the creation waiting for confirmation, if any.
func (c *Controller) CreatePlan() (*CreatePlan, bool) {
	return c.create.plan, c.create.plan != nil
}

// CanCreate reports whether resources can be created (a provisioner).
func (c *Controller) CanCreate() bool { return c.o.CanCreate }

// OpenCreate opens the confirmation of a creation: its suggestions are
// prepared first (an effect: the public address, the local keys).
func (c *Controller) OpenCreate(kind string) []Effect {
	if !c.o.CanCreate {
		c.Say(i18n.Text("creating resources needs credentials (or --sandbox) and a writable launch history"))
		return nil
	}
	if c.create.plan != nil && c.create.plan.Running {
		return nil
	}
	c.create.seq++
	c.create.plan = &CreatePlan{Kind: kind, Title: c.createTitle(kind), Preparing: true}
	c.touch()
	return []Effect{prepareCreate{id: c.create.seq, kind: kind, os: c.osType()}}
}

func (c *Controller) createTitle(kind string) string {
	r, z, vpc := c.region(), c.draft.Req.Get("ZoneId"), c.draft.Get(forms.KeyVpc)
	switch kind {
	case forms.KeyCreateNetwork:
		return i18n.T("Create a VPC in %s with a vSwitch in %s", r, z)
	case forms.KeyCreateVSwitch:
		return i18n.T("Create a vSwitch in %s (VPC %s)", z, vpc)
	case forms.KeyCreateGroup:
		return i18n.T("Create a security group in %s", vpc)
	case forms.KeyImportKey:
		return i18n.T("Import a public key as a key pair of %s", r)
	case forms.KeyCreateKey:
		return i18n.T("Create a key pair in %s", r)
	}
	if id := c.templateSource(); id != "" {
		return i18n.T("Save the request as a launch template (or a new version of %s)", id)
	}
	return i18n.Text("Save the request as a launch template")
}

// templateSource is the launch template the request came from, if any.
func (c *Controller) templateSource() string {
	if c.source.Kind == "launch-template" {
		return c.source.ID
	}
	return ""
}

// prepareCreate reads what a plan suggests: the user's public address for
// a security group, the local public keys for an import.
type prepareCreate struct {
	id       int
	kind, os string
}

// CreatePrepared answers prepareCreate.
type CreatePrepared struct {
	ID      int
	Addr    netip.Addr
	Keys    []provision.PublicKey
	Skipped []string
	Err     error
}

func (CreatePrepared) result() {}

// Run looks the address up (bounded by the lookup's own timeout) or
// lists ~/.ssh/*.pub.
func (e prepareCreate) Run(ctx context.Context, d Deps) Result {
	out := CreatePrepared{ID: e.id}
	switch e.kind {
	case forms.KeyCreateGroup:
		if d.OwnAddress != nil {
			out.Addr, out.Err = d.OwnAddress.PublicAddress(ctx)
		}
	case forms.KeyImportKey:
		dir, err := sshDir(d)
		if err != nil {
			out.Err = err
			return out
		}
		out.Keys, out.Skipped, out.Err = provision.PublicKeys(provision.OSFiles{}, dir)
	}
	return out
}

func sshDir(d Deps) (string, error) {
	if d.SSHDir != "" {
		return d.SSHDir, nil
	}
	return provision.DefaultSSHDir()
}

func (c *Controller) onCreatePrepared(r CreatePrepared) {
	p := c.create.plan
	if p == nil || r.ID != c.create.seq || !p.Preparing {
		return
	}
	p.Preparing = false
	c.create.addr, c.create.keys = r.Addr, r.Keys
	p.Calls, p.Fields = c.planFields(p.Kind)
	if p.Kind == forms.KeyImportKey && len(r.Keys) == 0 {
		p.Err = i18n.Errorf("no public key in ~/.ssh (%s): create one with ssh-keygen, or have ECS create a key pair", strings.Join(r.Skipped, "; "))
		if r.Err != nil {
			p.Err = r.Err
		}
	}
	if p.Kind == forms.KeyCreateGroup && r.Err != nil {
		p.Warnings = append(p.Warnings, i18n.T("your own address could not be looked up: %v", r.Err))
	}
	c.rewarn()
}

// planFields are a creation's calls and values, suggested from the
// region's own resources so that nothing overlaps or clashes.
func (c *Controller) planFields(kind string) (string, []CreateField) {
	zone := c.draft.Req.Get("ZoneId")
	switch kind {
	case forms.KeyCreateNetwork:
		vpcCIDR, _ := provision.SuggestVPCCIDR(c.vpcCIDRs())
		vswCIDR, _ := provision.SuggestVSwitchCIDR(vpcCIDR, nil, 24)
		return "CreateVpc, CreateVSwitch", []CreateField{
			{Key: fieldVpcName, Title: i18n.Text("VPC name"), Value: "ecslaunch-vpc"},
			{Key: fieldVpcCidr, Title: i18n.Text("VPC CIDR block"), Value: vpcCIDR, Doc: i18n.Text("overlaps none of the region's VPCs")},
			{Key: fieldVSwitchName, Title: i18n.Text("vSwitch name"), Value: "ecslaunch-" + zone},
			{Key: fieldVSwitchCidr, Title: i18n.T("vSwitch CIDR block in %s", zone), Value: vswCIDR}}
	case forms.KeyCreateVSwitch:
		vpc := c.vpc(c.draft.Get(forms.KeyVpc))
		cidr, _ := provision.SuggestVSwitchCIDR(vpc.CidrBlock, c.vswitchCIDRs(vpc.VpcId), 24)
		return "CreateVSwitch", []CreateField{
			{Key: fieldVSwitchName, Title: i18n.Text("vSwitch name"), Value: "ecslaunch-" + zone},
			{Key: fieldVpcCidr, Title: i18n.T("CIDR block (inside %s)", vpc.CidrBlock), Value: cidr, Doc: i18n.Text("overlaps none of the VPC's vSwitches")}}
	case forms.KeyCreateGroup:
		return "CreateSecurityGroup, AuthorizeSecurityGroup", c.groupFields()
	case forms.KeyImportKey:
		return "ImportKeyPair", c.importFields()
	case forms.KeyCreateKey:
		return "CreateKeyPair", []CreateField{{Key: fieldKeyName, Title: i18n.Text("Key pair name"),
			Value: "ecslaunch-" + c.now().Format("20060102"), Doc: i18n.Text("the private key is written to ~/.ssh/NAME.pem, never shown")}}
	}
	return c.templateFields()
}

func (c *Controller) groupFields() []CreateField {
	o := provision.SuggestedPresets(c.osType(), c.create.addr)
	from := o.SSHFrom + o.RDPFrom
	login := "ssh"
	if strings.EqualFold(c.osType(), "windows") {
		login = "rdp"
	}
	presets := []forms.Option{{Label: "SSH 22", Value: "ssh"}, {Label: "RDP 3389", Value: "rdp"},
		{Label: "HTTP 80", Value: "http"}, {Label: "HTTPS 443", Value: "https"}, {Label: "ICMP (ping)", Value: "icmp"}}
	fromDoc := i18n.Text("your own public address, as the internet sees it")
	if from == "" {
		fromDoc = i18n.Text("your public address is not known: type yours (x.x.x.x/32) or your office's CIDR block")
	}
	return []CreateField{
		{Key: fieldGroupName, Title: i18n.Text("Security group name"), Value: "ecslaunch-sg"},
		{Key: fieldPresets, Title: i18n.Text("Open"), Value: login + ",icmp", Options: presets, Multi: true},
		{Key: fieldLoginFrom, Title: i18n.Text("SSH and RDP from"), Value: from, Doc: fromDoc}}
}

func (c *Controller) importFields() []CreateField {
	var opts []forms.Option
	for _, k := range c.create.keys {
		opts = append(opts, forms.Option{Label: k.Path, Value: k.Path, Note: k.Type + " " + k.Comment})
	}
	name, first := "", ""
	if len(c.create.keys) > 0 {
		first = c.create.keys[0].Path
		name = strings.TrimSuffix(filepath.Base(first), ".pub")
	}
	return []CreateField{
		{Key: fieldPublicKey, Title: i18n.Text("Public key file"), Value: first, Options: opts},
		{Key: fieldKeyName, Title: i18n.Text("Key pair name"), Value: name}}
}

func (c *Controller) templateFields() (string, []CreateField) {
	name := firstNonEmpty(c.draft.Req.Get("InstanceName"), "ecslaunch-template")
	name = strings.NewReplacer("[", "", "]", "", ",", "", " ", "-").Replace(name)
	fs := []CreateField{}
	if id := c.templateSource(); id != "" {
		fs = append(fs, CreateField{Key: fieldTemplateMode, Title: i18n.Text("Save as"), Value: id, Options: []forms.Option{
			{Label: i18n.T("a new version of %s", id), Value: id}, {Label: i18n.Text("a new launch template"), Value: ""}}},
			CreateField{Key: fieldDefaultVersion, Title: i18n.Text("Default version (a new version)"), Value: "",
				Doc: i18n.Text("what RunInstances launches when no LaunchTemplateVersion is given"),
				Options: []forms.Option{{Label: i18n.Text("keep the template's default"), Value: ""},
					{Label: i18n.Text("make the new version the default (ModifyLaunchTemplateDefaultVersion)"), Value: "new"}}})
	}
	fs = append(fs,
		CreateField{Key: fieldTemplateName, Title: i18n.Text("Launch template name (a new template)"), Value: name},
		CreateField{Key: fieldVersionDesc, Title: i18n.Text("Version description"), Value: i18n.T("saved by ecslaunch on %s", c.now().Format("2006-01-02"))})
	return templateCalls(fs), fs
}

// templateCalls names the calls a template plan makes with its values.
func templateCalls(fs []CreateField) string {
	v := map[string]string{}
	for _, f := range fs {
		v[f.Key] = f.Value
	}
	switch {
	case v[fieldTemplateMode] == "":
		return "CreateLaunchTemplate"
	case v[fieldDefaultVersion] == "new":
		return "CreateLaunchTemplateVersion, ModifyLaunchTemplateDefaultVersion"
	}
	return "CreateLaunchTemplateVersion"
}

func (c *Controller) vpc(id string) catalog.VPC {
	if c.env.Data != nil {
		for _, v := range c.env.Data.VPCs {
			if v.VpcId == id {
				return v
			}
		}
	}
	return catalog.VPC{VpcId: id}
}

func (c *Controller) vpcCIDRs() []string {
	var out []string
	if c.env.Data != nil {
		for _, v := range c.env.Data.VPCs {
			out = append(out, v.CidrBlock)
		}
	}
	return out
}

func (c *Controller) vswitchCIDRs(vpc string) []string {
	var out []string
	for _, v := range forms.VSwitchesFor(c.env, vpc, "") {
		out = append(out, v.CidrBlock)
	}
	return out
}

// SetCreate changes a value of the open plan; the warnings follow.
func (c *Controller) SetCreate(key, value string) {
	p := c.create.plan
	if p == nil || p.Running {
		return
	}
	for i := range p.Fields {
		if p.Fields[i].Key == key {
			p.Fields[i].Value = value
		}
	}
	if p.Kind == forms.KeyCreateNetwork && key == fieldVpcCidr {
		if s, err := provision.SuggestVSwitchCIDR(value, nil, 24); err == nil {
			c.setPlanValue(fieldVSwitchCidr, s) // the vSwitch's block follows its VPC's
		}
	}
	if p.Kind == forms.KeyImportKey && key == fieldPublicKey {
		c.setPlanValue(fieldKeyName, strings.TrimSuffix(filepath.Base(value), ".pub"))
	}
	if p.Kind == CreateTemplate {
		p.Calls = templateCalls(p.Fields) // what is called follows "Save as" and the default
	}
	p.Err = nil
	c.rewarn()
	c.touch()
}

func (c *Controller) setPlanValue(key, value string) {
	for i := range c.create.plan.Fields {
		if c.create.plan.Fields[i].Key == key {
			c.create.plan.Fields[i].Value = value
		}
	}
}

func (p *CreatePlan) value(key string) string {
	for _, f := range p.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return ""
}

// rewarn says which rules of a security group to be would let anyone on
// the internet reach a login port.
func (c *Controller) rewarn() {
	p := c.create.plan
	if p == nil || p.Kind != forms.KeyCreateGroup {
		return
	}
	keep := []string{}
	for _, w := range p.Warnings {
		if !strings.HasPrefix(w, "Permissions.") {
			keep = append(keep, w) // the address lookup's failure stays
		}
	}
	p.Warnings = append(keep, provision.Warnings(groupRules(p))...)
}

// groupRules are the rules a group plan's presets make.
func groupRules(p *CreatePlan) []provision.Rule {
	on := map[string]bool{}
	for _, v := range strings.Split(p.value(fieldPresets), ",") {
		on[strings.TrimSpace(v)] = true
	}
	from := strings.TrimSpace(p.value(fieldLoginFrom))
	o := provision.PresetOptions{HTTP: on["http"], HTTPS: on["https"], ICMP: on["icmp"]}
	if on["ssh"] {
		o.SSHFrom = from
	}
	if on["rdp"] {
		o.RDPFrom = from
	}
	return provision.Presets(o)
}

// CancelCreate closes the plan; nothing was created.
func (c *Controller) CancelCreate() {
	if p := c.create.plan; p != nil && !p.Running {
		c.create.plan = nil
		c.touch()
	}
}

// ConfirmCreate runs the creation the plan describes.
func (c *Controller) ConfirmCreate() []Effect {
	p := c.create.plan
	if p == nil || p.Running || p.Preparing {
		return nil
	}
	if (on(p, "ssh") || on(p, "rdp")) && strings.TrimSpace(p.value(fieldLoginFrom)) == "" && p.Kind == forms.KeyCreateGroup {
		p.Err = i18n.Errorf("Permissions.1.SourceCidrIp: %s", i18n.Text("is required: who may connect (an address, a CIDR block, or 0.0.0.0/0 for everyone)"))
		c.touch()
		return nil
	}
	p.Running, p.Err = true, nil
	c.create.seq++
	c.touch()
	return []Effect{runCreate{id: c.create.seq, spec: c.createSpec(p), req: c.draft.Req.Clone(), lookup: c.o.LookupEnv}}
}

func on(p *CreatePlan, preset string) bool {
	for _, v := range strings.Split(p.value(fieldPresets), ",") {
		if strings.TrimSpace(v) == preset {
			return true
		}
	}
	return false
}

// createSpec turns a plan into the provision call's spec.
func (c *Controller) createSpec(p *CreatePlan) any {
	r, z := c.region(), c.draft.Req.Get("ZoneId")
	v := p.value
	switch p.Kind {
	case forms.KeyCreateNetwork:
		return provision.NetworkSpec{VPC: provision.VPCSpec{RegionId: r, CidrBlock: v(fieldVpcCidr), VpcName: v(fieldVpcName)},
			VSwitch: provision.VSwitchSpec{ZoneId: z, CidrBlock: v(fieldVSwitchCidr), VSwitchName: v(fieldVSwitchName)}}
	case forms.KeyCreateVSwitch:
		vpc := c.vpc(c.draft.Get(forms.KeyVpc))
		return provision.VSwitchSpec{RegionId: r, VpcId: vpc.VpcId, VpcCidrBlock: vpc.CidrBlock, ZoneId: z,
			CidrBlock: v(fieldVpcCidr), VSwitchName: v(fieldVSwitchName)}
	case forms.KeyCreateGroup:
		return provision.GroupSpec{RegionId: r, VpcId: c.draft.Get(forms.KeyVpc), SecurityGroupName: v(fieldGroupName), Rules: groupRules(p)}
	case forms.KeyImportKey:
		body := ""
		for _, k := range c.create.keys {
			if k.Path == v(fieldPublicKey) {
				body = k.Body
			}
		}
		return provision.KeyImportSpec{RegionId: r, KeyPairName: v(fieldKeyName), PublicKeyBody: body}
	case forms.KeyCreateKey:
		return provision.KeyCreateSpec{RegionId: r, KeyPairName: v(fieldKeyName)}
	}
	return provision.TemplateSpec{LaunchTemplateName: v(fieldTemplateName), VersionDescription: v(fieldVersionDesc),
		LaunchTemplateId: v(fieldTemplateMode), MakeDefault: v(fieldTemplateMode) != "" && v(fieldDefaultVersion) == "new"}
}

// runCreate makes what a plan describes.
type runCreate struct {
	id     int
	spec   any
	req    *request.Request
	lookup func(string) (string, bool)
}

// CreateDone answers runCreate: what was made (a VPC and its vSwitch are
// two), the notes of a saved template, or why it failed.
type CreateDone struct {
	ID      int
	Created []provision.Created
	Notes   []string
	Err     error
}

func (CreateDone) result() {}

// create calls the provisioner; a partly made creation (a VPC whose
// vSwitch failed) answers what exists with the error.
func (e runCreate) create(ctx context.Context, d Deps) CreateDone {
	out := CreateDone{ID: e.id}
	p := d.Provision
	if p == nil {
		out.Err = errors.New(i18n.Text("creating resources needs credentials (or --sandbox) and a writable launch history"))
		return out
	}
	var made provision.Created
	switch s := e.spec.(type) {
	case provision.NetworkSpec:
		vpc, vsw, err := p.CreateNetwork(ctx, s)
		out.Err = err
		out.Created = nonZero(nonZero(nil, vpc), vsw)
		return out
	case provision.VSwitchSpec:
		made, out.Err = p.CreateVSwitch(ctx, s)
	case provision.GroupSpec:
		made, out.Err = p.CreateSecurityGroup(ctx, s)
	case provision.KeyImportSpec:
		made, out.Err = p.ImportKeyPair(ctx, s)
	case provision.KeyCreateSpec:
		if s.Dir, out.Err = sshDir(d); out.Err == nil {
			made, out.Err = p.CreateKeyPair(ctx, s)
		}
	case provision.TemplateSpec:
		s.LookupEnv = e.lookup
		made, out.Notes, out.Err = p.SaveTemplate(ctx, e.req, s)
	}
	out.Created = nonZero(nil, made)
	return out
}

// Run creates, then drops the catalog's stale lists of the region.
func (e runCreate) Run(ctx context.Context, d Deps) Result {
	out := e.create(ctx, d)
	if len(out.Created) > 0 {
		forget(d, out.Created[0].Region)
	}
	return out
}

func nonZero(out []provision.Created, c provision.Created) []provision.Created {
	if c.ID != "" {
		out = append(out, c)
	}
	return out
}

// applyCreate takes the results of the creation effects.
func (c *Controller) applyCreate(r Result) []Effect {
	switch r := r.(type) {
	case CreatePrepared:
		c.onCreatePrepared(r)
		c.touch()
	case CreateDone:
		return c.onCreated(r)
	case GroupRulesLoaded:
		c.onGroupRules(r)
	}
	return nil
}

// onCreated puts what was made into the lists and the request (the new
// VPC and vSwitch chosen, the group added, the key pair chosen), and
// keeps it for the exports; a failure stays on the plan.
func (c *Controller) onCreated(r CreateDone) []Effect {
	p := c.create.plan
	if p == nil || r.ID != c.create.seq {
		return nil
	}
	p.Running = false
	for _, made := range r.Created {
		c.adopt(made)
	}
	c.remember(r)
	c.touch()
	if r.Err != nil && !savedVersion(r) {
		p.Err = r.Err
		return nil
	}
	if r.Err != nil {
		// The version is saved, only its default was refused: trying the
		// plan again would save yet another version, so it closes.
		c.create.plan = nil
		c.notice = createdMessage(r) + " " + r.Err.Error()
		return c.requote()
	}
	c.create.plan = nil
	c.notice = createdNotice(r)
	c.rebuildFields(c.allFields())
	effs := c.requote()
	if c.step == forms.Review {
		effs = append(effs, c.buildReview()...)
	}
	return append(effs, c.askGroupRules()...)
}

func createdNotice(r CreateDone) string {
	msg := createdMessage(r)
	if len(r.Notes) > 0 {
		msg += " " + strings.Join(r.Notes, " ")
	}
	return msg
}

// remember keeps what a creation made for the lines printed once the
// wizard has closed; a saved launch template is a save of the request.
func (c *Controller) remember(r CreateDone) {
	if len(r.Created) == 0 || (len(r.Created) == 1 && r.Created[0].Existing) {
		return
	}
	c.done.summary = append(c.done.summary, createdMessage(r))
	for _, m := range r.Created {
		if m.Kind == provision.KindLaunchTemplate || m.Kind == provision.KindLaunchTemplateVersion {
			c.done.saved = true
		}
	}
}

// savedVersion reports a creation that saved a template version.
func savedVersion(r CreateDone) bool {
	return len(r.Created) == 1 && r.Created[0].Kind == provision.KindLaunchTemplateVersion
}

// createdMessage says what a creation made, without its notes.
func createdMessage(r CreateDone) string {
	var ids []string
	for _, m := range r.Created {
		ids = append(ids, m.ID)
	}
	msg := i18n.T("Created %s (recorded in the launch history; ecslaunch history --resources lists it).", strings.Join(ids, ", "))
	if len(r.Created) == 1 && r.Created[0].Existing {
		msg = i18n.T("%s was already there with the same public key: chosen.", r.Created[0].ID)
	}
	if len(r.Created) == 1 && r.Created[0].Kind == provision.KindLaunchTemplateVersion {
		m := r.Created[0]
		msg = i18n.T("Saved version %d of %s (recorded in the launch history).", m.Version(), m.ID)
		if m.Facts["DefaultVersionNumber"] != "" {
			msg += " " + i18n.Text("It is now the template's default version.")
		} else {
			msg += " " + i18n.Text("The template's default version is unchanged.")
		}
	}
	return msg
}

// adopt adds a made resource to the region's lists and chooses it.
func (c *Controller) adopt(made provision.Created) {
	c.created = append(c.created, made)
	d := c.env.Data
	if d == nil {
		return
	}
	switch made.Kind {
	case exporter.KindVPC:
		d.VPCs = append(d.VPCs, catalog.VPC{VpcId: made.ID, VpcName: made.Params["VpcName"], CidrBlock: made.Params["CidrBlock"]})
		_ = c.draft.Set(forms.KeyVpc, made.ID)
	case exporter.KindVSwitch:
		d.VSwitches = append(d.VSwitches, catalog.VSwitch{VSwitchId: made.ID, VSwitchName: made.Params["VSwitchName"],
			VpcId: made.Params["VpcId"], ZoneId: made.Params["ZoneId"], CidrBlock: made.Params["CidrBlock"],
			AvailableIpAddressCount: usableIPs(made.Params["CidrBlock"])})
		if c.draft.Get(forms.KeyVpc) != made.Params["VpcId"] {
			_ = c.draft.Set(forms.KeyVpc, made.Params["VpcId"])
		}
		_ = c.draft.Req.Set("VSwitchId", made.ID)
	case exporter.KindSecurityGroup:
		d.SecurityGroups = append(d.SecurityGroups, catalog.SecurityGroup{SecurityGroupId: made.ID,
			SecurityGroupName: made.Params["SecurityGroupName"], VpcId: made.Params["VpcId"], SecurityGroupType: "normal"})
		_ = c.draft.Set(forms.KeySecurityGroups, strings.Join(append(c.draft.SecurityGroups(), made.ID), ","))
	case exporter.KindKeyPair:
		if !c.hasKeyPair(made.ID) {
			d.KeyPairs = append(d.KeyPairs, catalog.KeyPair{KeyPairName: made.ID, KeyPairFingerPrint: made.Facts["KeyPairFingerPrint"]})
		}
		_ = c.draft.Set(forms.KeyLogin, forms.LoginKeyPair)
		_ = c.draft.Req.Set("KeyPairName", made.ID)
	case provision.KindLaunchTemplate, provision.KindLaunchTemplateVersion:
		// a second save makes a new version of the template just made
		c.source = origin.Source{Kind: "launch-template", Region: made.Region, ID: made.ID, Version: made.Version()}
	}
}

func (c *Controller) hasKeyPair(name string) bool {
	for _, k := range c.env.Data.KeyPairs {
		if k.KeyPairName == name {
			return true
		}
	}
	return false
}

// usableIPs is what a new vSwitch offers: its block less the addresses
// ECS reserves (the first three and the last, docs/rules.md T2-11).
func usableIPs(cidr string) int {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		return 0
	}
	return max(0, 1<<(32-p.Bits())-4)
}

// Created are the resources this session made that the request uses, for
// the exports (a Terraform or ROS export declares them).
func (c *Controller) Created() []exporter.Resource {
	return provision.CreatedFor(c.draft.Req, c.created)
}

func (c *Controller) osType() string {
	if c.draft.Windows() {
		return "windows"
	}
	return "linux"
}

// networkForgetter is a catalog that can drop its cached network lists.
type networkForgetter interface{ ForgetNetwork(region string) }

// forget drops the catalog's cached VPCs, vSwitches, groups and key pairs
// of a region once something was created there, before the creation's
// result is applied: the checks it leads to (and the next run) then read
// lists that hold it.
func forget(d Deps, region string) {
	if f, ok := d.Reader.(networkForgetter); ok && region != "" {
		f.ForgetNetwork(region)
	}
}

// maxRuleGroups bounds the groups whose rules are read at once.
const maxRuleGroups = 20

// loadGroupRules reads the inbound rules of a VPC's security groups.
type loadGroupRules struct {
	id     int
	region string
	groups []string
}

// GroupRulesLoaded answers loadGroupRules: the rules of each group read,
// one line each.
type GroupRulesLoaded struct {
	ID    int
	Rules map[string][]string
}

func (GroupRulesLoaded) result() {}

// Run asks DescribeSecurityGroupAttribute per group; a group that could
// not be read is left out (its rules are then not shown).
func (e loadGroupRules) Run(ctx context.Context, d Deps) Result {
	out := GroupRulesLoaded{ID: e.id, Rules: map[string][]string{}}
	if d.Provision == nil {
		return out
	}
	for _, g := range e.groups {
		rules, err := d.Provision.GroupRules(ctx, e.region, g)
		if err != nil {
			continue
		}
		lines := []string{}
		for _, r := range rules {
			lines = append(lines, r.String())
		}
		for _, w := range provision.Warnings(rules) {
			lines = append(lines, "! "+w)
		}
		out.Rules[g] = lines
	}
	return out
}

// askGroupRules reads the rules of the chosen VPC's groups, once per VPC.
func (c *Controller) askGroupRules() []Effect {
	vpc := c.draft.Get(forms.KeyVpc)
	if !c.o.CanCreate || vpc == "" || (c.create.asked == vpc && c.env.GroupRules != nil) {
		return nil
	}
	var ids []string
	for _, g := range forms.SecurityGroupsFor(c.env, vpc) {
		if _, ok := c.env.GroupRules[g.SecurityGroupId]; !ok && len(ids) < maxRuleGroups {
			ids = append(ids, g.SecurityGroupId)
		}
	}
	c.create.asked = vpc
	if len(ids) == 0 {
		return nil
	}
	c.create.rulesID++
	return []Effect{loadGroupRules{id: c.create.rulesID, region: c.region(), groups: ids}}
}

func (c *Controller) onGroupRules(r GroupRulesLoaded) {
	if r.ID != c.create.rulesID {
		return
	}
	if c.env.GroupRules == nil {
		c.env.GroupRules = map[string][]string{}
	}
	for g, lines := range r.Rules {
		c.env.GroupRules[g] = lines
	}
	c.touch()
}
