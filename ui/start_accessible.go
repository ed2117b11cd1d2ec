package ui

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/flow"
	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// startScreen asks what the request starts from, as the TUI's first
// screen does. Piped answers start a new request: a script answers the
// steps, and names a template, an instance or a file with --from….
func (a *accessible) startScreen() error {
	sc, _ := a.c.Start()
	if !a.tty() {
		a.exec(a.c.StartChoose(flow.StartNew))
		return nil
	}
	if sc.Err != nil {
		a.say("%s", sc.Err.Error())
	}
	if sc.Kind != "" && len(sc.Items) == 0 {
		a.exec(a.c.StartBack())
		return nil
	}
	opts := make([]forms.Option, 0, len(sc.Items)+1)
	for _, it := range sc.Items {
		opts = append(opts, forms.Option{Label: it.Label, Value: it.Value, Note: it.Note})
	}
	if sc.Kind != "" {
		opts = append(opts, forms.Option{Label: i18n.Text("back"), Value: "\x00back"})
	}
	a.say("\n== %s ==", sc.Title)
	v, err := a.choose(sc.Title, opts, opts[0].Value)
	if err != nil {
		return err
	}
	switch {
	case v == "\x00back":
		a.exec(a.c.StartBack())
	case sc.Kind == "" && v == flow.StartFile:
		p, err := a.prompt(i18n.Text("Launch file"), firstNonEmpty(a.o.FromPath, "launch.yaml"))
		if err != nil {
			return err
		}
		a.exec(a.c.StartFile(firstNonEmpty(p, a.o.FromPath, "launch.yaml")))
	default:
		a.exec(a.c.StartChoose(v))
	}
	return nil
}

// askCreate asks a creation's values in line, then its confirmation; a
// failure says why and asks again (what was typed is kept).
func (a *accessible) askCreate() error {
	for {
		p, ok := a.c.CreatePlan()
		if !ok {
			return nil
		}
		a.say("\n-- %s --", p.Title)
		if p.Calls != "" {
			a.say("%s", i18n.T("calls %s, with a ClientToken; recorded in the launch history", p.Calls))
		}
		if p.Err != nil {
			a.say("✗ %s", p.Err.Error())
		}
		calls := p.Calls
		for _, f := range p.Fields {
			if !p.Applies(f.Key) {
				continue
			}
			if err := a.createField(f); err != nil {
				return err
			}
		}
		p, _ = a.c.CreatePlan()
		if p.Calls != calls { // an answer changed what is called
			a.say("%s", i18n.T("calls %s, with a ClientToken; recorded in the launch history", p.Calls))
		}
		for _, w := range p.Warnings {
			a.say("! %s", w)
		}
		// Piped, the answer must be "y": a blank line creates nothing.
		yes, err := a.confirm(i18n.Text("Create it?"), p.Err == nil && a.tty())
		if err != nil {
			return err
		}
		if !yes {
			a.c.CancelCreate()
			a.say("%s", i18n.Text("Nothing was created."))
			return nil
		}
		a.exec(a.c.ConfirmCreate())
		if p, ok := a.c.CreatePlan(); !ok || p.Err == nil {
			return nil
		}
	}
}

func (a *accessible) createField(f flow.CreateField) error {
	title := f.Title + " (" + f.Key + ")"
	var v string
	var err error
	if f.Doc != "" {
		a.say("(%s)", f.Doc)
	}
	switch {
	case f.Multi:
		for i, o := range f.Options {
			box := "[ ]"
			if strings.Contains(","+f.Value+",", ","+o.Value+",") {
				box = "[x]"
			}
			a.say("  %d. %s %s", i+1, box, o.Label)
		}
		var s string
		if s, err = a.prompt(title+i18n.Text(" (numbers or values, comma-separated)"), f.Value); err == nil {
			v = f.Value
			if s != "" {
				var vals []string
				for _, part := range strings.Split(s, ",") {
					if x, ok := pickOption(f.Options, strings.TrimSpace(part)); ok {
						vals = append(vals, x)
					}
				}
				v = strings.Join(vals, ",")
			}
		}
	case f.Options != nil:
		v, err = a.choose(title, f.Options, f.Value)
	default:
		var s string
		if s, err = a.prompt(title, f.Value); err == nil {
			v = answer(s, f.Value)
		}
	}
	if err != nil {
		return err
	}
	if v != f.Value {
		a.c.SetCreate(f.Key, v)
	}
	return nil
}
