package ui

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// ErrInputEnded is returned when standard input ends before the accessible
// wizard is done: the user did not finish, so the command counts as aborted.
var ErrInputEnded = errors.New("the input ended before the wizard was done")

// ErrInterrupted is returned when the user interrupts a prompt (Ctrl+C).
var ErrInterrupted = errors.New("interrupted")

// clearValue typed at a prompt empties a field (an empty answer keeps the default).
const clearValue = "-"

// removeAnswer typed at a data disk's or a tag's first question removes it.
const removeAnswer = "remove"

// accessible is the wizard's second face: plain line prompts driving the
// same controller as the TUI, effects run in line. It reads answers from a
// goroutine, so an interrupt (the context ends) is seen at once.
type accessible struct {
	ctx   context.Context
	o     Options
	c     *flow.Controller
	deps  flow.Deps
	w     io.Writer
	lines chan lineOrErr
	quit  bool
}

type lineOrErr struct {
	s   string
	err error
}

func newAccessible(ctx context.Context, o Options) (*accessible, []flow.Effect) {
	c, deps, effs := controllerFor(o)
	a := &accessible{ctx: ctx, o: o, c: c, deps: deps, w: o.Out, lines: make(chan lineOrErr)}
	go a.readLines(o.In)
	return a, effs
}

// readLines feeds the answers one line at a time, then the end of input.
// A line ends at \n or \r (a terminal in raw mode, for a secret, sends
// \r), and a Ctrl+C byte (raw mode again) is a line of its own at once.
func (a *accessible) readLines(in io.Reader) {
	br := bufio.NewReader(in)
	var line []byte
	send := func(l lineOrErr) bool {
		select {
		case a.lines <- l:
			return true
		case <-a.ctx.Done():
			return false
		}
	}
	lastCR := false
	for {
		c, err := br.ReadByte()
		if err != nil {
			if len(line) > 0 && !send(lineOrErr{s: string(line)}) {
				return
			}
			send(lineOrErr{err: ErrInputEnded})
			return
		}
		switch {
		case c == '\n' && lastCR: // the \n of a \r\n
		case c == '\n' || c == '\r':
			if !send(lineOrErr{s: string(line)}) {
				return
			}
			line = line[:0]
		case c == 3:
			if !send(lineOrErr{s: "\x03"}) {
				return
			}
			line = line[:0]
		default:
			line = append(line, c)
		}
		lastCR = c == '\r'
	}
}

func runAccessible(ctx context.Context, o Options) (Result, error) {
	if o.In == nil {
		return Result{}, errors.New("accessible mode needs an input")
	}
	a, effs := newAccessible(ctx, o)
	if o.Sandbox {
		a.say("%s", i18n.Text("SANDBOX: nothing real is created."))
	}
	a.exec(effs)
	err := a.loop()
	if err != nil {
		// What the user composed is kept: the draft is saved before leaving.
		a.exec(a.c.Quit())
		a.say("")
	}
	f := a.c.Final()
	return Result{Stdout: f.Stdout, Launched: f.Launched, Aborted: f.Aborted, Summary: f.Summary}, err
}

func (a *accessible) say(format string, args ...any) { _, _ = fmt.Fprintf(a.w, format+"\n", args...) }

// exec runs effects and the effects their results lead to, in line; a
// launch prints its progress as it comes.
func (a *accessible) exec(effs []flow.Effect) {
	for len(effs) > 0 {
		e := effs[0]
		effs = effs[1:]
		if _, ok := e.(flow.Quit); ok {
			if !a.tty() && !a.quit {
				a.say("") // piped answers are not echoed: end the prompt's line
			}
			a.quit = true
			continue
		}
		if prog, ok := flow.Progress(e); ok {
			done := make(chan flow.Result, 1)
			go func() { done <- e.Run(a.ctx, a.deps) }()
			for r := range prog {
				if ev, ok := r.(flow.LaunchEvent); ok {
					if s := renderEvent(ev.Event); s != "" {
						a.say("%s", s)
					}
				}
				effs = append(effs, a.c.Apply(r)...)
			}
			effs = append(effs, a.c.Apply(<-done)...)
			continue
		}
		if r := e.Run(a.ctx, a.deps); r != nil {
			effs = append(effs, a.c.Apply(r)...)
		}
	}
}

// loop asks the current step until the wizard ends.
func (a *accessible) loop() error {
	shown := forms.StepID(-1)
	for !a.quit {
		if err := a.ctx.Err(); err != nil {
			return ErrInterrupted
		}
		if _, ok := a.c.OfferedDraft(); ok {
			yes, err := a.confirm(i18n.T("A draft from an earlier session exists (%s). Resume it?", a.o.DraftPath), true)
			if err != nil {
				return err
			}
			a.exec(a.c.ResumeDraft(yes))
			continue
		}
		if n := a.c.Notice(); n != "" {
			a.say("%s", n)
			a.c.ClearNotice()
		}
		if _, ok := a.c.Start(); ok {
			if err := a.startScreen(); err != nil {
				return err
			}
			continue
		}
		if a.c.Blocked() {
			if err := a.failed(); err != nil {
				return err
			}
			continue
		}
		if s := a.c.Step(); s != shown {
			a.say("\n== %s ==", s)
			shown = s
		}
		var err error
		switch a.c.Def().Kind {
		case forms.PickerStep:
			err = a.picker()
		case forms.FormStep:
			err = a.formStep()
		default:
			err = a.review()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// failed says what did not load and offers to retry or go back.
func (a *accessible) failed() error {
	f := a.c.Failure()
	a.say("%s", i18n.T("Could not load %s: %v", f.What, f.Err))
	v, err := a.choose(i18n.Text("Retry, go back, or quit?"), []forms.Option{{Label: i18n.Text("retry"), Value: "retry"},
		{Label: i18n.Text("back to the previous step"), Value: "back"}, {Label: i18n.Text("quit"), Value: "quit"}}, "retry")
	if err != nil {
		return err
	}
	switch v {
	case "retry":
		a.exec(a.c.Retry())
	case "back":
		a.exec(a.c.Back())
	default:
		a.exec(a.c.Quit())
	}
	return nil
}

// read waits for one answer, the end of input or an interrupt.
func (a *accessible) read() (string, error) {
	select {
	case l := <-a.lines:
		return l.s, l.err
	case <-a.ctx.Done():
		return "", ErrInterrupted
	}
}

// renderEvent is a launch event as a line.
func renderEvent(ev launcher.Event) string { return launcher.RenderEvent(ev) }

// launcherDryRun is a DryRun's verdict.
type launcherDryRun = launcher.DryRunResult

func stripANSI(s string) string { return ansi.Strip(s) }

// prompt asks a question; an empty answer keeps the default.
func (a *accessible) prompt(q, def string) (string, error) {
	if def != "" {
		q += i18n.T(" [Enter: %s]", def)
	}
	_, _ = fmt.Fprint(a.w, q+": ")
	s, err := a.read()
	if err != nil {
		return "", err
	}
	if !a.tty() {
		_, _ = fmt.Fprintln(a.w) // piped answers are not echoed: end the question's line
	}
	return strings.TrimSpace(s), nil
}

func (a *accessible) confirm(q string, def bool) (bool, error) {
	d := "y/N"
	if def {
		d = "Y/n"
	}
	for {
		s, err := a.prompt(q+" ("+d+")", "")
		if err != nil {
			return false, err
		}
		switch strings.ToLower(s) {
		case "":
			return def, nil
		case "y", "yes", "是":
			return true, nil
		case "n", "no", "否":
			return false, nil
		}
		a.say("%s", i18n.Text("Answer y or n."))
	}
}

// choose lists numbered options and takes a number, a value (an ID) or a
// label; an empty answer keeps the default.
func (a *accessible) choose(q string, opts []forms.Option, def string) (string, error) {
	if len(opts) == 0 {
		a.say("%s", i18n.T("%s: nothing to choose from.", q))
		return def, nil
	}
	for i, o := range opts {
		line := fmt.Sprintf("  %d. %s", i+1, o.Label)
		if o.Note != "" {
			line += "  (" + o.Note + ")"
		}
		a.say("%s", line)
	}
	defLabel := ""
	if i := optionIndex(opts, def); i >= 0 {
		defLabel = fmt.Sprintf("%d. %s", i+1, opts[i].Label)
	}
	for {
		s, err := a.prompt(q, defLabel)
		if err != nil {
			return "", err
		}
		if s == "" && defLabel != "" {
			return def, nil
		}
		if v, ok := pickOption(opts, s); ok {
			return v, nil
		}
		a.say("%s", i18n.T("%q is not one of the %d choices: answer its number, its ID or its name.", s, len(opts)))
	}
}

// pickOption reads an answer as a number, a value or a label.
func pickOption(opts []forms.Option, s string) (string, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(opts) {
		return opts[n-1].Value, true
	}
	for _, o := range opts {
		if strings.EqualFold(o.Value, s) && s != "" {
			return o.Value, true
		}
	}
	for _, o := range opts {
		if strings.EqualFold(o.Label, s) || (s != "" && strings.HasPrefix(strings.ToLower(o.Label), strings.ToLower(s)+" ")) {
			return o.Value, true
		}
	}
	return "", false
}

// picker asks a table step as a numbered list, then its follow-up fields.
func (a *accessible) picker() error {
	s := a.c.Step()
	opts, note := pickerOptions(a.c)
	if note != "" {
		a.say("%s", note)
	}
	def := forms.Def(s)
	v, err := a.chooseOrType(def.Title()+" ("+def.Param+")", opts, a.c.Request().Get(def.Param), s == forms.InstanceType || s == forms.Image)
	if err != nil {
		return err
	}
	effs, taken := a.c.Choose(v)
	a.exec(effs)
	if !taken {
		return nil // the notice says why; the question is asked again
	}
	if err := a.askFields(); err != nil {
		return err
	}
	a.exec(a.c.Submit())
	return nil
}

// chooseOrType is choose, where any valid ID may also be typed (a type or
// an image not among those listed).
func (a *accessible) chooseOrType(q string, opts []forms.Option, def string, free bool) (string, error) {
	if !free {
		return a.choose(q, opts, def)
	}
	for i, o := range opts {
		a.say("  %d. %s", i+1, o.Label)
	}
	s, err := a.prompt(q+i18n.Text(" (a number, or any ID)"), def)
	if err != nil || s == "" {
		return def, err
	}
	if v, ok := pickOption(opts, s); ok {
		return v, nil
	}
	return s, nil // checked by the controller's Submit
}

// pickerOptions are a table step's choices as the accessible mode lists them.
func pickerOptions(c *flow.Controller) ([]forms.Option, string) {
	env, req := c.Env(), c.Request()
	switch c.Step() {
	case forms.Region:
		var out []forms.Option
		for _, r := range env.Regions {
			out = append(out, forms.Option{Label: r.RegionId + "  " + r.LocalName, Value: r.RegionId})
		}
		return out, ""
	case forms.Zone:
		out := []forms.Option{{Label: i18n.Text("any zone"), Value: ""}}
		for _, z := range env.Data.Zones {
			out = append(out, forms.Option{Label: i18n.T("%s  %s  (%d types available)", z.ZoneId, z.LocalName, z.AvailableTypes), Value: z.ZoneId})
		}
		return out, ""
	case forms.InstanceType:
		return typeOptions(env.Types), i18n.Text("Some available types, the cheapest first (type any other InstanceType; it is checked):")
	}
	t, _ := env.Type(req.Get("InstanceType"))
	p := newImagePicker()
	p.setImages(env.Data.Images, t.CpuArchitecture)
	var out []forms.Option
	for _, im := range p.shown {
		out = append(out, forms.Option{Label: padRight(osOf(im), 20) + " " + im.ImageId + "  " + im.OSNameEn, Value: im.ImageId})
	}
	return out, i18n.T("Public images for %s (type any image ID; it is checked):", forms.ImageArch(t.CpuArchitecture))
}

// typeOptions are the priced candidates of the default type, cheapest first.
func typeOptions(types []catalog.InstanceType) []forms.Option {
	var cands []catalog.InstanceType
	for _, id := range forms.DefaultTypeCandidates(types) {
		for _, t := range types {
			if t.InstanceTypeId == id && t.PricePerHour > 0 {
				cands = append(cands, t)
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].PricePerHour < cands[j].PricePerHour })
	var out []forms.Option
	for _, t := range cands {
		out = append(out, forms.Option{Label: fmt.Sprintf("%s %d vCPU %s GiB  %.3f", padRight(t.InstanceTypeId, 20), t.CpuCoreCount, padLeft(fmtMem(t.MemorySize), 5), t.PricePerHour), Value: t.InstanceTypeId})
	}
	return out
}

// formStep asks a step's fields, then leaves it; a field that blocks is
// asked again with its rule.
func (a *accessible) formStep() error {
	if err := a.askFields(); err != nil {
		return err
	}
	for {
		step := a.c.Step()
		a.exec(a.c.Submit())
		if a.c.Step() != step || a.quit {
			return nil
		}
		a.say("%s", a.c.Notice())
		a.c.ClearNotice()
		bad := a.c.Invalid()
		if bad == "" {
			return nil
		}
		for _, f := range a.c.Fields() {
			if f.Key != bad {
				continue
			}
			if (f.Kind == forms.Select || f.Kind == forms.Multi) && len(f.Options) == 0 {
				// Nothing to choose from: asking again would go round for
				// ever; create what is missing, or leave the step.
				return a.stuck(f)
			}
			if err := a.ask(f); err != nil {
				return err
			}
		}
	}
}

// stuck offers the ways out of a step whose required choice has no
// options (a region with no VPC): the step's create actions, going back,
// quitting. On a terminal Enter takes the action that fills the field
// (the first one after it); piped, Enter quits with the draft kept, so
// a script of blank lines never creates anything.
func (a *accessible) stuck(f forms.Field) error {
	opts, def, after := []forms.Option{}, "quit", false
	for _, g := range a.c.Fields() {
		after = after || g.Key == f.Key
		if forms.IsCreate(g.Key) {
			opts = append(opts, forms.Option{Label: strings.TrimPrefix(g.Title, "+ "), Value: g.Key})
			if after && def == "quit" && a.tty() {
				def = g.Key
			}
		}
	}
	opts = append(opts, forms.Option{Label: i18n.Text("back to the previous step"), Value: "back"},
		forms.Option{Label: i18n.Text("quit (the draft is kept)"), Value: "quit"})
	a.say("%s", i18n.T("%s: nothing to choose from in this region.", f.Title))
	v, err := a.choose(i18n.Text("How to go on?"), opts, def)
	if err != nil {
		return err
	}
	switch v {
	case "back":
		a.exec(a.c.Back())
	case "quit":
		a.exec(a.c.Quit())
	default:
		effs, _ := a.c.Press(v)
		a.exec(effs)
		return a.askCreate()
	}
	return nil
}

// askFields asks every field of the step; fields that appear after an
// answer (a subscription's period) are asked in turn.
func (a *accessible) askFields() error {
	fields := a.c.Fields()
	for i := 0; i < len(fields); i++ {
		if err := a.ask(fields[i]); err != nil {
			return err
		}
		fields = a.c.Fields()
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
	// A note's summary is its content: it is said once, under its title.
	if s := summary(f); s != "" && f.Kind != forms.Note {
		a.say("%s", s)
	}
	d := a.c.Draft()
	switch f.Kind {
	case forms.Select:
		v, err := a.choose(questionTitle(f), f.Options, d.Get(f.Key))
		if err == nil {
			a.exec(a.c.Set(f.Key, v))
		}
		return err
	case forms.Toggle:
		v, err := a.confirm(questionTitle(f), d.Get(f.Key) == "true")
		if err == nil && (v || d.Get(f.Key) != "") {
			a.exec(a.c.Set(f.Key, strconv.FormatBool(v)))
		}
		return err
	case forms.Multi:
		return a.multi(f)
	case forms.Action:
		more, err := a.confirm(f.Title+"?", false)
		if err == nil && more {
			effs, _ := a.c.Press(f.Key)
			a.exec(effs)
			return a.askCreate()
		}
		return err
	case forms.Note:
		a.say("%s:\n    %s", f.Title, strings.ReplaceAll(f.Doc, "\n", "\n    "))
		return nil
	case forms.TextArea:
		return a.text(f)
	}
	return a.input(f)
}

// input asks a text field; its rules run on the answer, and the question
// is asked again until they pass.
func (a *accessible) input(f forms.Field) error {
	def := a.c.Draft().Get(f.Key)
	if f.Kind == forms.Secret && !request.IsReference(def) {
		def = ""
	}
	if def == "" && f.Placeholder != "" {
		a.say("%s", i18n.T("(empty: %s)", f.Placeholder))
	}
	for {
		var s string
		var err error
		if f.Kind == forms.Secret && a.tty() {
			s, err = a.secret(questionTitle(f))
		} else {
			s, err = a.prompt(questionTitle(f), def)
		}
		if err != nil {
			return err
		}
		if s == removeAnswer && isListItem(f.Key) {
			effs, _ := a.c.Remove(f.Key)
			a.exec(effs)
			a.say("%s", i18n.Text("Removed."))
			return nil
		}
		v := answer(s, def)
		if msg := findingsText(a.c.CheckValue(f, v)); msg != "" {
			a.say("%s", msg)
			continue
		}
		a.exec(a.c.Set(f.Key, v))
		return nil
	}
}

func isListItem(key string) bool {
	return strings.HasPrefix(key, "DataDisk.") || strings.HasPrefix(key, "Tag.")
}

// answer maps an answer to a value: empty keeps the default, "-" clears.
func answer(typed, def string) string {
	switch typed {
	case "":
		return def
	case clearValue:
		return ""
	}
	return typed
}

func findingsText(fs []rules.Finding) string {
	var msgs []string
	for _, f := range fs {
		if f.Severity == rules.Error {
			msgs = append(msgs, f.Message)
		}
	}
	return strings.Join(msgs, "\n")
}

// text asks a multi-line field: lines until one holding only ".".
func (a *accessible) text(f forms.Field) error {
	cur := a.c.Draft().Get(f.Key)
	q := i18n.T("%s: type the lines, then a line with only . to end (Enter at once keeps it empty)", f.Title)
	if cur != "" {
		q = i18n.T("%s: type the lines, then a line with only . to end (Enter at once keeps the %d lines there are; - clears)",
			f.Title, strings.Count(strings.TrimRight(cur, "\n"), "\n")+1)
	}
	a.say("%s", q)
	var lines []string
	for {
		s, err := a.read()
		if err != nil {
			return err
		}
		switch {
		case len(lines) == 0 && s == "":
			return nil
		case len(lines) == 0 && s == clearValue:
			a.exec(a.c.Set(f.Key, ""))
			return nil
		case s == ".":
			a.exec(a.c.Set(f.Key, strings.Join(lines, "\n")+"\n"))
			return nil
		}
		lines = append(lines, s)
	}
}

func (a *accessible) multi(f forms.Field) error {
	sel := splitCSV(a.c.Draft().Get(f.Key))
	for i, o := range f.Options {
		box := "[ ]"
		if indexOf(sel, o.Value) >= 0 {
			box = "[x]"
		}
		a.say("  %d. %s %s  %s", i+1, box, o.Label, o.Note)
	}
	for {
		s, err := a.prompt(f.Title+i18n.Text(" (numbers or IDs, comma-separated)"), strings.Join(sel, ","))
		if err != nil || s == "" {
			return err
		}
		var ids []string
		ok := true
		for _, part := range strings.Split(s, ",") {
			v, found := pickOption(f.Options, strings.TrimSpace(part))
			if !found {
				a.say("%s", i18n.T("%q is not one of the choices.", strings.TrimSpace(part)))
				ok = false
				break
			}
			ids = append(ids, v)
		}
		if ok {
			a.exec(a.c.Set(f.Key, strings.Join(ids, ",")))
			return nil
		}
	}
}

// tty reports whether the answers come from a terminal, where a secret can
// be read without echo.
func (a *accessible) tty() bool {
	f, ok := a.o.In.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// secret reads a password without echo, a key at a time in raw mode:
// Ctrl+C there is a byte, not a signal, and must still abort at once.
func (a *accessible) secret(q string) (string, error) {
	fd := a.o.In.(*os.File).Fd()
	_, _ = fmt.Fprint(a.w, q+i18n.Text(" (not shown): "))
	old, err := term.MakeRaw(fd)
	if err != nil {
		return "", err
	}
	defer func() { _ = term.Restore(fd, old); _, _ = fmt.Fprintln(a.w) }()
	l, err := a.read()
	if err != nil {
		return "", err
	}
	if strings.Contains(l, "\x03") {
		return "", ErrInterrupted
	}
	var b []rune
	for _, r := range l {
		if r == 127 || r == 8 {
			if len(b) > 0 {
				b = b[:len(b)-1]
			}
			continue
		}
		b = append(b, r)
	}
	return string(b), nil
}

// review prints the request, its findings and price, then asks what to do.
func (a *accessible) review() error {
	rev := a.c.Review()
	for _, l := range sourceLines(NewStyles(), a.c, 100) {
		a.say("%s", stripANSI(l))
	}
	for _, s := range rev.Sections {
		a.say("%s %s", s.EditKey, s.Step.Title())
		for _, p := range s.Params {
			a.say("    %s %s", padRight(p.Name, 28), request.Display(p.Name, p.Value))
		}
	}
	if len(rev.Findings) == 0 {
		a.say("%s", i18n.Text("No finding: every rule passes."))
	}
	for _, f := range rev.Findings {
		a.say("  %s %s: %s", severityName(f.Severity), f.Parameter, f.Message)
	}
	a.say("%s", i18n.T("Price: %s", strings.ReplaceAll(oneLine(stripANSI(priceLines(a.c, NewStyles()))), "\n", "; ")))
	if d := rev.Dry; d != nil {
		a.say("DryRun: %s", dryText(*d))
	}
	act, err := a.choose(i18n.Text("Now"), reviewActions(a.c), "dryrun")
	if err != nil {
		return err
	}
	return a.do(act)
}

// reviewActions are the review's choices in accessible mode.
func reviewActions(c *flow.Controller) []forms.Option {
	var opts []forms.Option
	if c.CanLaunch() {
		opts = append(opts, forms.Option{Label: "DryRun", Value: "dryrun"}, forms.Option{Label: i18n.Text("Launch"), Value: "launch"})
	}
	opts = append(opts, forms.Option{Label: i18n.Text("Export to stdout"), Value: "export"},
		forms.Option{Label: i18n.Text("Export to a file"), Value: "exportfile"},
		forms.Option{Label: i18n.Text("Save the launch file"), Value: "save"}, forms.Option{Label: i18n.Text("Edit a step"), Value: "edit"})
	if c.CanCreate() {
		opts = append(opts, forms.Option{Label: i18n.Text("Save as a launch template (live)"), Value: "template"})
	}
	return append(opts, forms.Option{Label: i18n.Text("Quit"), Value: "quit"})
}

// do runs one review action.
func (a *accessible) do(act string) error {
	switch act {
	case "dryrun":
		a.exec(a.c.DryRun())
		if d := a.c.Review().Dry; d != nil {
			a.say("DryRun: %s", dryText(*d))
		}
	case "launch":
		return a.launch()
	case "export", "exportfile":
		return a.export(act == "exportfile")
	case "save":
		p, err := a.prompt(i18n.Text("File"), firstNonEmpty(a.o.FromPath, "launch.yaml"))
		if err != nil {
			return err
		}
		a.exec(a.c.SaveFile(firstNonEmpty(p, a.o.FromPath, "launch.yaml"), false))
		return a.overwrite()
	case "edit":
		return a.edit()
	case "template":
		a.exec(a.c.OpenCreate(flow.CreateTemplate))
		return a.askCreate()
	case "quit":
		a.exec(a.c.Quit())
	}
	return nil
}

func dryText(d launcherDryRun) string {
	if d.Passed {
		return i18n.Text("passed: ECS would accept this request.")
	}
	return i18n.T("failed: %s", flow.DryVerdict(d))
}

func (a *accessible) edit() error {
	var opts []forms.Option
	for _, d := range forms.Registry() {
		if d.Kind != forms.ReviewStep {
			opts = append(opts, forms.Option{Label: d.Title(), Value: d.EditKey()})
		}
	}
	k, err := a.choose(i18n.Text("Which step"), opts, "")
	if err != nil {
		return err
	}
	for _, d := range forms.Registry() {
		if d.EditKey() == k {
			a.exec(a.c.Edit(d.ID))
		}
	}
	return nil
}

// overwrite asks before a write replaces a file.
func (a *accessible) overwrite() error {
	what, path, ok := a.c.Overwrite()
	if !ok {
		return nil
	}
	yes, err := a.confirm(i18n.T("%s exists. Replace it with this %s?", path, flow.WhatName(what)), false)
	if err != nil {
		return err
	}
	a.exec(a.c.ConfirmOverwrite(yes))
	return nil
}

func (a *accessible) export(toFile bool) error {
	var opts []forms.Option
	for _, fi := range exporter.FormatTable() {
		opts = append(opts, forms.Option{Label: string(fi.Format) + " — " + fi.Describe, Value: string(fi.Format)})
	}
	f, err := a.choose(i18n.Text("Format"), opts, "cli")
	if err != nil {
		return err
	}
	res, err := a.c.Export(exporter.Format(f))
	if err != nil {
		a.say("%s", i18n.T("Export failed: %v", err))
		return nil
	}
	for _, n := range res.Notes {
		a.say("%s", i18n.T("note: %s", n))
	}
	if !toFile {
		a.exec(a.c.ExportToStdout(exporter.Format(f), res.Text))
		return nil
	}
	fi, _ := exporter.Info(exporter.Format(f))
	p, err := a.prompt(i18n.Text("File"), fi.DefaultFile)
	if err != nil {
		return err
	}
	a.exec(a.c.ExportToFile(exporter.Format(f), firstNonEmpty(p, fi.DefaultFile), false))
	return a.overwrite()
}

// severityName is a finding's severity as the user reads it; the JSON
// output keeps rules.Severity's own values.
func severityName(s rules.Severity) string {
	if s == rules.Warning {
		return i18n.Text("warning")
	}
	return i18n.Text("error")
}

// launch asks first where a confirmation is needed (not for a first launch
// in the sandbox), then launches and prints the progress.
func (a *accessible) launch() error {
	if q, must := a.c.LaunchQuestion(); must {
		yes, err := a.confirm(q, false)
		if err != nil || !yes {
			return err
		}
	}
	a.exec(a.c.Launch())
	l := a.c.Launching()
	if l.Err != nil {
		a.say("%s", i18n.T("The launch failed: %v", l.Err))
		return nil
	}
	a.exec(a.c.Quit())
	return nil
}
