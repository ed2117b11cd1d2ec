package flow

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/origin"
	"github.com/ecslaunch/ecslaunch/request"
)

// Origin reads what a request can start from; *origin.Reader satisfies it.
type Origin interface {
	Templates(ctx context.Context, region string) ([]origin.TemplateSummary, error)
	Versions(ctx context.Context, region, templateID string) ([]origin.VersionSummary, error)
	Instances(ctx context.Context, region string) ([]origin.InstanceSummary, error)
	FromTemplate(ctx context.Context, region, templateID string, version int64) (origin.Result, error)
	FromInstance(ctx context.Context, region, instanceID string) (origin.Result, error)
}

// What a request starts from: the start screen's menu values.
const (
	StartNew      = "new"
	StartTemplate = "template"
	StartVersion  = "version" // the versions of the template chosen
	StartInstance = "instance"
	StartHistory  = "history"
	StartFile     = "file"
	// StartRegion is the last row of the templates and the instances: it
	// lists the regions, and the one chosen lists its own.
	StartRegion = "region"
)

// StartItem is one row of the start screen: a menu entry, a template, a
// version, an instance or a launch of the history.
type StartItem struct {
	Value, Label, Note string
}

// StartScreen is what the start screen shows: the menu (Kind "") or the
// list of one kind, in Region.
type StartScreen struct {
	Kind   string
	Region string
	// Title says what the list is ("Launch templates in cn-hangzhou").
	Title   string
	Items   []StartItem
	Loading bool
	// Err is the list's or the opening's failure; the menu stays usable.
	Err error
}

// startState is the open start screen.
type startState struct {
	open     bool
	kind     string
	template string // the template whose versions are listed
	from     string // the list the region list returns to
	items    []StartItem
	loading  bool
	err      error
	id       int // drops answers to a list the user has left
	entries  []launcher.Entry
}

// Source is what the request was started from, for the review and for
// saving back as a new version of the same launch template.
func (c *Controller) Source() (origin.Source, bool) {
	return c.source, c.source.Kind != ""
}

// FromNotes are what the start could not carry over into the request.
func (c *Controller) FromNotes() []string { return append([]string(nil), c.fromNotes...) }

// Start is the start screen, while it is open.
func (c *Controller) Start() (StartScreen, bool) {
	s := c.start
	if !s.open {
		return StartScreen{}, false
	}
	out := StartScreen{Kind: s.kind, Region: c.region(), Items: s.items, Loading: s.loading, Err: s.err}
	if s.kind == "" {
		out.Items = c.startMenu()
	}
	out.Title = c.startTitle()
	return out, true
}

func (c *Controller) startTitle() string {
	r := c.region()
	switch c.start.kind {
	case StartTemplate:
		return i18n.T("Launch templates in %s", r)
	case StartVersion:
		return i18n.T("Versions of %s", c.start.template)
	case StartInstance:
		return i18n.T("Instances in %s", r)
	case StartRegion:
		return i18n.Text("Regions")
	case StartHistory:
		return i18n.Text("The launch history")
	}
	return i18n.Text("Start from")
}

// startMenu is the menu: the live sources only when there is a client.
func (c *Controller) startMenu() []StartItem {
	r := c.region()
	items := []StartItem{{Value: StartNew, Label: i18n.Text("A new request"), Note: i18n.Text("every step, from the region")}}
	if c.o.CanStartLive {
		items = append(items,
			StartItem{Value: StartTemplate, Label: i18n.Text("A launch template"), Note: i18n.T("a version of one of %s's templates", r)},
			StartItem{Value: StartInstance, Label: i18n.Text("An existing instance"), Note: i18n.T("launch more like one in %s", r)})
	}
	return append(items,
		StartItem{Value: StartHistory, Label: i18n.Text("A launch of the history"), Note: i18n.Text("what ecslaunch launched before")},
		StartItem{Value: StartFile, Label: i18n.Text("A launch file"), Note: i18n.Text("a YAML file, as ecslaunch saves them")})
}

// StartChoose takes a row of the start screen: a menu entry opens its
// list (a launch file asks its path through StartFile); a row of a list
// opens the request it names.
func (c *Controller) StartChoose(value string) []Effect {
	s := &c.start
	if !s.open || s.loading {
		return nil
	}
	s.err = nil
	c.touch()
	if value == StartRegion && (s.kind == StartTemplate || s.kind == StartInstance) {
		s.from, s.kind, s.items = s.kind, StartRegion, c.regionItems()
		return nil
	}
	switch s.kind {
	case "":
		return c.startList(value)
	case StartRegion:
		var effs []Effect
		if value != c.region() { // the current region's loads stay as they are
			effs = c.chooseRegion(value)
		}
		return append(effs, c.startList(s.from)...)
	case StartTemplate:
		s.template = value
		return c.startList(StartVersion)
	case StartVersion:
		v, _ := strconv.ParseInt(value, 10, 64)
		return c.startOpen(openStart{kind: StartTemplate, region: c.region(), id: s.template, version: v})
	case StartInstance:
		return c.startOpen(openStart{kind: StartInstance, region: c.region(), id: value})
	case StartHistory:
		n, _ := strconv.Atoi(value)
		return c.startOpen(openStart{kind: StartHistory, n: n, entries: s.entries})
	}
	return nil
}

func (c *Controller) startList(kind string) []Effect {
	s := &c.start
	switch kind {
	case StartNew:
		s.open = false
		return nil
	case StartFile:
		return nil // the driver asks the path, then calls StartFile
	}
	s.kind, s.items, s.loading = kind, nil, true
	s.id++
	return []Effect{listStart{id: s.id, kind: kind, region: c.region(), template: s.template}}
}

func (c *Controller) startOpen(e openStart) []Effect {
	c.start.loading = true
	c.start.id++
	e.sid = c.start.id
	return []Effect{e}
}

// StartFile opens a launch file at the review, as --from does.
func (c *Controller) StartFile(path string) []Effect {
	if !c.start.open || strings.TrimSpace(path) == "" {
		return nil
	}
	c.start.err = nil
	return c.startOpen(openStart{kind: StartFile, path: strings.TrimSpace(path)})
}

// StartBack leaves a list for the menu; on the menu it starts a new
// request (Esc is never a dead end).
func (c *Controller) StartBack() []Effect {
	s := &c.start
	switch {
	case !s.open:
		return nil
	case s.kind == StartVersion:
		s.kind, s.items, s.loading, s.err = "", nil, false, nil
		return c.startList(StartTemplate)
	case s.kind == StartRegion:
		s.kind, s.items, s.err = "", nil, nil
		return c.startList(s.from)
	case s.kind != "":
		s.kind, s.items, s.loading, s.err = "", nil, false, nil
		s.id++
	default:
		s.open = false
	}
	c.touch()
	return nil
}

// listStart lists what a request can start from.
type listStart struct {
	id               int
	kind             string
	region, template string
}

// StartListed answers listStart.
type StartListed struct {
	ID      int
	Kind    string
	Items   []StartItem
	Entries []launcher.Entry
	Err     error
}

func (StartListed) result() {}

// Run asks the API (or reads the history).
func (e listStart) Run(ctx context.Context, d Deps) Result {
	out := StartListed{ID: e.id, Kind: e.kind}
	if e.kind == StartHistory {
		out.Entries, out.Err = historyEntries(d.HistoryPath)
		out.Items = historyItems(out.Entries)
		return out
	}
	if d.Origin == nil {
		out.Err = errors.New(i18n.Text("no ECS client: templates and instances can be read with credentials or --sandbox"))
		return out
	}
	switch e.kind {
	case StartTemplate:
		ts, err := d.Origin.Templates(ctx, e.region)
		out.Err = err
		for _, t := range ts {
			out.Items = append(out.Items, StartItem{Value: t.ID, Label: firstNonEmpty(t.Name, t.ID),
				Note: i18n.T("%s · default version %d of %d", t.ID, t.DefaultVersion, t.LatestVersion)})
		}
	case StartVersion:
		vs, err := d.Origin.Versions(ctx, e.region, e.template)
		out.Err = err
		for _, v := range vs {
			out.Items = append(out.Items, versionItem(v))
		}
	case StartInstance:
		is, err := d.Origin.Instances(ctx, e.region)
		out.Err = err
		for _, in := range is {
			out.Items = append(out.Items, StartItem{Value: in.ID, Label: firstNonEmpty(in.Name, in.ID),
				Note: strings.Join(nonEmpty(in.ID, in.Type, in.Zone, in.Status, firstNonEmpty(in.PublicIP, in.PrivateIP)), " · ")})
		}
	}
	return out
}

func versionItem(v origin.VersionSummary) StartItem {
	label := i18n.T("version %d", v.Number)
	if v.Default {
		label = i18n.T("version %d (default)", v.Number)
	}
	return StartItem{Value: strconv.FormatInt(v.Number, 10), Label: label,
		Note: strings.Join(nonEmpty(v.InstanceType, v.ImageID, v.Description), " · ")}
}

func historyEntries(path string) ([]launcher.Entry, error) {
	if path == "" {
		return nil, nil
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	h, err := launcher.OpenHistory(path)
	if err != nil {
		return nil, err
	}
	entries, _ := h.Entries()
	return entries, nil
}

// historyItems numbers the launches as `ecslaunch history` does, the
// newest first on screen.
func historyItems(entries []launcher.Entry) []StartItem {
	out := make([]StartItem, 0, len(entries))
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		label := fmt.Sprintf("%d  %s", i+1, e.Started.Local().Format("2006-01-02 15:04"))
		note := strings.Join(nonEmpty(e.Region, e.Request["InstanceType"], string(e.State), strings.Join(e.InstanceIDs, ",")), " · ")
		out = append(out, StartItem{Value: strconv.Itoa(i + 1), Label: label, Note: note})
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func (c *Controller) onStartListed(r StartListed) {
	s := &c.start
	if !s.open || r.ID != s.id {
		return
	}
	s.loading, s.items, s.err, s.entries = false, r.Items, r.Err, r.Entries
	if r.Err == nil && len(r.Items) == 0 {
		s.err = errors.New(c.emptyStart(r.Kind))
	}
	if (r.Kind == StartTemplate || r.Kind == StartInstance) && len(c.env.Regions) > 1 {
		s.items = append(s.items, StartItem{Value: StartRegion, Label: i18n.Text("Another region…"),
			Note: i18n.T("this list is %s's", c.region())})
	}
}

// regionItems are the regions DescribeRegions listed, the current one
// first so that Enter keeps it.
func (c *Controller) regionItems() []StartItem {
	var cur, rest []StartItem
	for _, r := range c.env.Regions {
		it := StartItem{Value: r.RegionId, Label: r.RegionId, Note: r.LocalName}
		if r.RegionId == c.region() {
			cur = append(cur, it)
		} else {
			rest = append(rest, it)
		}
	}
	return append(cur, rest...)
}

func (c *Controller) emptyStart(kind string) string {
	switch kind {
	case StartTemplate:
		return i18n.T("%s has no launch templates (a request can be saved as one from the review)", c.region())
	case StartInstance:
		return i18n.T("%s has no instances", c.region())
	case StartVersion:
		return i18n.T("%s has no versions", c.start.template)
	}
	return i18n.Text("the launch history is empty")
}

// openStart reads the request a start-screen row names.
type openStart struct {
	sid        int
	kind       string
	region, id string
	version    int64
	n          int
	entries    []launcher.Entry
	path       string
}

// StartOpened answers openStart.
type StartOpened struct {
	ID     int
	Result origin.Result
	Err    error
}

func (StartOpened) result() {}

// Run reads the template version, the instance, the history entry or the
// launch file.
func (e openStart) Run(ctx context.Context, d Deps) Result {
	out := StartOpened{ID: e.sid}
	switch e.kind {
	case StartTemplate, StartInstance:
		if d.Origin == nil {
			out.Err = errors.New(i18n.Text("no ECS client: templates and instances can be read with credentials or --sandbox"))
		} else if e.kind == StartTemplate {
			out.Result, out.Err = d.Origin.FromTemplate(ctx, e.region, e.id, e.version)
		} else {
			out.Result, out.Err = d.Origin.FromInstance(ctx, e.region, e.id)
		}
	case StartHistory:
		out.Result, out.Err = origin.FromHistory(e.entries, e.n)
	case StartFile:
		out.Result, out.Err = readStartFile(e.path)
	}
	return out
}

// readStartFile reads a launch file as --from does (at most
// request.MaxFileSize, a regular file only).
func readStartFile(path string) (origin.Result, error) {
	p, err := expandHome(path)
	if err != nil {
		return origin.Result{}, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return origin.Result{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return origin.Result{}, i18n.Errorf("%s is not a regular file (%s): a launch file is read from a file only", path, fileKind(st.Mode()))
	}
	if st.Size() > int64(request.MaxFileSize) {
		return origin.Result{}, i18n.Errorf("%s holds %d bytes: a launch file is at most %d", path, st.Size(), request.MaxFileSize)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return origin.Result{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	f, err := request.ParseFile(data)
	if err != nil {
		var fe *request.FileError
		if errors.As(err, &fe) && fe.Line > 0 {
			return origin.Result{}, fmt.Errorf("%s:%d: %s", path, fe.Line, fe.Msg)
		}
		return origin.Result{}, fmt.Errorf("%s: %w", path, err)
	}
	abs, _ := filepath.Abs(p)
	return origin.Result{File: f, Source: origin.Source{Kind: StartFile, ID: abs, Region: f.Request.Get("RegionId")}}, nil
}

// onStartOpened puts the request at the review (its ask: fields first),
// with the notes on what could not be carried over.
func (c *Controller) onStartOpened(r StartOpened) []Effect {
	s := &c.start
	if !s.open || r.ID != s.id {
		return nil
	}
	s.loading = false
	if r.Err != nil {
		s.err = r.Err
		c.touch()
		return nil
	}
	s.open = false
	f := r.Result.File
	c.source, c.fromNotes = r.Result.Source, origin.Strings(r.Result.Notes)
	if r.Result.Source.Kind == StartFile {
		c.o.FromPath = r.Result.Source.ID
		c.source = origin.Source{}
	}
	c.draft.Req = f.Request.Clone()
	c.draft.Ask = f.Ask
	if c.draft.Req.Get("RegionId") == "" {
		_ = c.draft.Req.Set("RegionId", c.o.Region)
	}
	c.touched = map[string]bool{}
	c.editing = false
	target := forms.Review
	if len(f.Ask) > 0 {
		target = forms.Ask
	}
	var effs []Effect
	if !c.have(forms.NeedRegionData) {
		c.env.Data, c.typesLoaded = nil, false
		effs = appendEff(effs, c.fetch(loadRegionDataKind))
	}
	return append(effs, c.enter(target)...)
}
