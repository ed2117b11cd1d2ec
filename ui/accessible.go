package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/term"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// clearValue typed at a prompt empties a field (an empty answer keeps the default).
const clearValue = "-"

// accessible asks the wizard's steps as plain prompts (huh's accessible
// mode): the same fields, defaults and checks as the TUI, with every option
// list fetched before its question, as huh v1.0.0's OptionsFunc panics there.
type accessible struct {
	ctx   context.Context
	o     Options
	w     io.Writer
	r     io.Reader
	draft *forms.Draft
	env   *forms.Env
	eof   bool
}

// lineReader hands huh one line per Read: huh makes a new bufio.Scanner per
// question, which would otherwise swallow the answers queued behind it.
// It also notes the end of the input, which huh cannot report.
type lineReader struct {
	br  *bufio.Reader
	eof *bool
}

// Read returns at most one line.
func (l lineReader) Read(p []byte) (int, error) {
	line, err := l.br.ReadSlice('\n')
	n := copy(p, line)
	if err == bufio.ErrBufferFull {
		err = nil
	}
	if err == io.EOF && n == 0 {
		*l.eof = true
	}
	return n, err
}

// ErrInputEnded is returned when standard input ends before the accessible
// wizard is done: the user did not finish, so the command counts as aborted.
var ErrInputEnded = errors.New("the input ended before the wizard was done")

func runAccessible(ctx context.Context, o Options) (Result, error) {
	in := o.In
	if in == nil {
		return Result{}, errors.New("accessible mode needs an input")
	}
	env := &forms.Env{}
	a := &accessible{ctx: ctx, o: o, w: o.Out, env: env, draft: forms.NewDraft(nil, env)}
	a.r = lineReader{br: bufio.NewReader(in), eof: &a.eof}
	if o.From != nil {
		a.draft.Req = o.From.Request.Clone()
	}
	if o.Sandbox {
		a.say("SANDBOX: nothing real is created.")
	}
	resumed, err := a.offerDraft()
	if err != nil {
		return Result{}, err
	}
	if err := a.loadRegion(resumed); err != nil {
		return Result{}, err
	}
	if resumed {
		return a.review()
	}
	if o.From != nil && len(o.From.Ask) > 0 {
		if err := a.askFields(forms.AskFields(o.From.Ask, a.draft, env), func() []forms.Field {
			return forms.AskFields(o.From.Ask, a.draft, env)
		}); err != nil {
			return Result{}, err
		}
	} else if o.From == nil {
		if err := a.steps(); err != nil {
			return Result{}, err
		}
	}
	return a.review()
}

func (a *accessible) say(format string, args ...any) { _, _ = fmt.Fprintf(a.w, format+"\n", args...) }

// offerDraft offers the draft an earlier session left, as the TUI does.
func (a *accessible) offerDraft() (bool, error) {
	if a.o.From != nil || a.o.DraftPath == "" {
		return false, nil
	}
	b, err := os.ReadFile(a.o.DraftPath)
	if err != nil {
		return false, nil // no draft
	}
	yes := true
	if err := huh.NewConfirm().Title("A draft from an earlier session exists ("+a.o.DraftPath+"). Resume it?").
		Value(&yes).RunAccessible(a.w, a.r); err != nil || !yes {
		return false, err
	}
	f, err := request.ParseFile(b)
	if err != nil {
		a.say("The draft could not be read (%v); starting afresh.", err)
		return false, nil
	}
	a.draft.Req = f.Request
	return true, nil
}

// saveDraft keeps the answers so far, without secrets, after every step.
func (a *accessible) saveDraft() {
	if a.o.DraftPath != "" {
		_ = writeLaunchFile(a.o.DraftPath, a.draft.Req, "")
	}
}

func (a *accessible) loadRegion(resumed bool) error {
	regions, err := a.o.Reader.Regions(a.ctx)
	if err != nil {
		return err // the catalog's error already names DescribeRegions
	}
	a.env.Regions = regions
	region := forms.DefaultRegion(regions, firstNonEmpty(a.draft.Req.Get("RegionId"), a.o.Region))
	if a.o.From == nil && !resumed {
		opts := make([]forms.Option, len(regions))
		for i, r := range regions {
			opts[i] = forms.Option{Label: r.RegionId + "  " + r.LocalName, Value: r.RegionId}
		}
		if region, err = a.selectOne("Region (RegionId)", opts, region); err != nil {
			return err
		}
	}
	_ = a.draft.Req.Set("RegionId", region)
	return nil
}

func (a *accessible) billing() catalog.Billing {
	return catalog.Billing{InstanceChargeType: firstNonEmpty(a.draft.Req.Get("InstanceChargeType"), "PostPaid"),
		SpotStrategy: firstNonEmpty(a.draft.Req.Get("SpotStrategy"), "NoSpot")}
}

// steps asks Billing to Advanced, each with its defaults applied first.
func (a *accessible) steps() error {
	forms.ApplyDefaults(forms.Billing, a.draft)
	if err := a.formStep(forms.Billing); err != nil {
		return err
	}
	data, err := a.o.Reader.Load(a.ctx, a.draft.Req.Get("RegionId"), a.billing())
	if err != nil {
		return err
	}
	a.env.Data = data
	for _, s := range []func() error{a.zone, a.instanceType, a.image} {
		if err := s(); err != nil {
			return err
		}
		a.saveDraft()
	}
	for _, s := range []forms.StepID{forms.Storage, forms.Network, forms.Access, forms.Advanced} {
		forms.ApplyDefaults(s, a.draft)
		if err := a.formStep(s); err != nil {
			return err
		}
		a.saveDraft()
	}
	return nil
}

func (a *accessible) zone() error {
	forms.ApplyDefaults(forms.Zone, a.draft)
	opts := []forms.Option{{Label: "any zone", Value: ""}}
	for _, z := range a.env.Data.Zones {
		opts = append(opts, forms.Option{Label: fmt.Sprintf("%s  %s  (%d types available)", z.ZoneId, z.LocalName, z.AvailableTypes), Value: z.ZoneId})
	}
	z, err := a.selectOne("Zone (ZoneId)", opts, a.draft.Req.Get("ZoneId"))
	if err != nil {
		return err
	}
	_ = a.draft.Req.Set("ZoneId", z)
	types, err := a.o.Reader.InstanceTypes(a.ctx, a.draft.Req.Get("RegionId"), z, a.billing())
	if err != nil {
		return err
	}
	// Price the default's candidates first, as the TUI does, so the default is the cheapest.
	ids := forms.DefaultTypeCandidates(types)
	if msg, ok := fetchTypePrices(a.ctx, a.o.Reader, a.draft.Req.Get("RegionId"), z, a.billing(), ids, 0, true)().(typePricesMsg); ok {
		for i, t := range types {
			if p, ok := msg.prices[t.InstanceTypeId]; ok {
				types[i].PricePerHour = p
			}
		}
	}
	a.env.Types = types
	return nil
}

func (a *accessible) instanceType() error {
	forms.ApplyDefaults(forms.InstanceType, a.draft)
	a.say("\n== Instance type ==\nSome available types (type any other name; it is checked):")
	var cands []catalog.InstanceType
	for _, id := range forms.DefaultTypeCandidates(a.env.Types) {
		if t, ok := a.env.Type(id); ok && t.PricePerHour > 0 {
			cands = append(cands, t)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].PricePerHour < cands[j].PricePerHour })
	for _, t := range cands {
		a.say("  %-20s %d vCPU %5s GiB  %.3f/hour", t.InstanceTypeId, t.CpuCoreCount, fmtMem(t.MemorySize), t.PricePerHour)
	}
	if err := a.input(forms.Field{Key: "InstanceType", Title: "Instance type (InstanceType)"}); err != nil {
		return err
	}
	t, _ := a.env.Type(a.draft.Req.Get("InstanceType"))
	sys, data, err := a.o.Reader.DiskCategories(a.ctx, a.draft.Req.Get("RegionId"), a.draft.Req.Get("ZoneId"), t.InstanceTypeId, a.billing())
	a.env.SystemCategories, a.env.DataCategories = sys, data
	return err
}

func (a *accessible) image() error {
	forms.ApplyDefaults(forms.Image, a.draft)
	t, _ := a.env.Type(a.draft.Req.Get("InstanceType"))
	p := newImagePicker()
	p.setImages(a.env.Data.Images, t.CpuArchitecture)
	a.say("\n== Image ==\nPublic images for %s (type any image ID; it is checked):", forms.ImageArch(t.CpuArchitecture))
	for _, im := range p.shown {
		a.say("  %-20s %s  %s", osOf(im), im.ImageId, im.OSNameEn)
	}
	return a.input(forms.Field{Key: "ImageId", Title: "Image (ImageId)"})
}

// formStep asks a step's fields; fields that appear after an answer (a
// subscription's period) are asked in turn.
func (a *accessible) formStep(s forms.StepID) error {
	a.say("\n== %s ==", s)
	return a.askFields(forms.Fields(s, a.draft, a.env), func() []forms.Field { return forms.Fields(s, a.draft, a.env) })
}

func (a *accessible) askFields(fields []forms.Field, again func() []forms.Field) error {
	for i := 0; i < len(fields); i++ {
		if err := a.ask(fields[i]); err != nil {
			return err
		}
		fields = again()
	}
	return nil
}

// questionTitle names a question with the API parameter it fills; a UI-only
// key ("ui.VpcId") means nothing to the user and is left out.
func questionTitle(f forms.Field) string {
	if forms.IsExtra(f.Key) {
		return f.Title
	}
	return f.Title + " (" + f.Key + ")"
}

func (a *accessible) ask(f forms.Field) error {
	if s := summary(f); s != "" {
		a.say("%s", s)
	}
	switch f.Kind {
	case forms.Select:
		v, err := a.selectOne(questionTitle(f), f.Options, a.draft.Get(f.Key))
		if err == nil {
			err = a.draft.Set(f.Key, v)
		}
		return err
	case forms.Toggle:
		return a.confirm(f)
	case forms.Multi:
		return a.multi(f)
	case forms.Action:
		return a.action(f)
	}
	return a.input(f)
}

// input asks a text field; its rules run on the answer, and the question
// is asked again until they pass.
func (a *accessible) input(f forms.Field) error {
	if f.Kind == forms.Secret && a.tty() {
		return a.secret(f)
	}
	def := a.draft.Get(f.Key)
	if f.Kind == forms.Secret {
		def = ""
	}
	title := f.Title
	if def != "" {
		title += " [Enter: " + def + "]"
	}
	var value string
	field := huh.NewInput().Title(title + ":").Value(&value).Validate(func(s string) error {
		return a.checkInput(f, s, def)
	})
	if err := field.RunAccessible(a.w, a.r); err != nil {
		return err
	}
	if a.eof {
		return ErrInputEnded
	}
	return a.draft.Set(f.Key, answer(value, def))
}

// tty reports whether the answers come from a terminal, where a secret can
// be read without echo.
func (a *accessible) tty() bool {
	f, ok := a.o.In.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// secret reads a password without echoing it, asking again until its
// rules pass.
func (a *accessible) secret(f forms.Field) error {
	fd := a.o.In.(*os.File).Fd()
	for {
		_, _ = fmt.Fprint(a.w, f.Title+" (not shown): ")
		b, err := term.ReadPassword(fd)
		_, _ = fmt.Fprintln(a.w)
		if err != nil {
			return err
		}
		if err := a.checkInput(f, string(b), ""); err != nil {
			a.say("%v", err)
			continue
		}
		return a.draft.Set(f.Key, string(b))
	}
}

// answer maps an accessible answer to a value: empty keeps the default, "-" clears.
func answer(typed, def string) string {
	switch strings.TrimSpace(typed) {
	case "":
		return def
	case clearValue:
		return ""
	}
	return strings.TrimSpace(typed)
}

// checkInput runs the field's rules on a candidate value, on a copy.
func (a *accessible) checkInput(f forms.Field, typed, def string) error {
	d := forms.NewDraft(a.draft.Req.Clone(), a.env)
	for k, v := range a.draft.Extra {
		d.Extra[k] = v
	}
	if err := d.Set(f.Key, answer(typed, def)); err != nil {
		return err
	}
	fs := forms.Check(d, f, a.o.Now())
	if f.Key == "InstanceType" || f.Key == "ImageId" {
		fs = append(fs, forms.CheckKey(d, f.Key, a.o.Now())...)
	}
	return findingsErr(fs)
}

func findingsErr(fs []rules.Finding) error {
	var msgs []string
	for _, f := range fs {
		if f.Severity == rules.Error {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "\n"))
}

func (a *accessible) selectOne(title string, opts []forms.Option, def string) (string, error) {
	if len(opts) == 0 {
		a.say("%s: nothing to choose from.", title)
		return def, nil
	}
	v := def
	hopts := make([]huh.Option[string], len(opts))
	for i, o := range opts {
		label := o.Label
		if o.Note != "" {
			label += "  (" + o.Note + ")"
		}
		hopts[i] = huh.NewOption(label, o.Value)
	}
	if optionIndex(opts, v) < 0 {
		v = opts[0].Value
	}
	// huh takes an empty answer as the default but does not say which it is.
	title += fmt.Sprintf(" [Enter: %d. %s]", optionIndex(opts, v)+1, opts[optionIndex(opts, v)].Label)
	err := huh.NewSelect[string]().Title(title).Options(hopts...).Value(&v).RunAccessible(a.w, a.r)
	if err == nil && a.eof {
		err = ErrInputEnded
	}
	return v, err
}

func (a *accessible) confirm(f forms.Field) error {
	v := a.draft.Get(f.Key) == "true"
	if err := huh.NewConfirm().Title(questionTitle(f)).Value(&v).RunAccessible(a.w, a.r); err != nil {
		return err
	}
	if v {
		return a.draft.Set(f.Key, "true")
	}
	if a.draft.Get(f.Key) != "" {
		return a.draft.Set(f.Key, "false")
	}
	return nil
}

func (a *accessible) multi(f forms.Field) error {
	var labels []string
	for i, o := range f.Options {
		labels = append(labels, fmt.Sprintf("%d. %s", i+1, o.Label))
	}
	a.say("%s:\n%s", f.Title, strings.Join(labels, "\n"))
	return a.input(forms.Field{Key: f.Key, Title: f.Title + " (IDs, comma-separated)", Kind: forms.Input})
}

func (a *accessible) action(f forms.Field) error {
	more := false
	if err := huh.NewConfirm().Title(f.Title+"?").Value(&more).RunAccessible(a.w, a.r); err != nil || !more {
		return err
	}
	if f.Key == forms.KeyAddDataDisk {
		return a.draft.AddDataDisk()
	}
	a.draft.AddTag()
	return nil
}
