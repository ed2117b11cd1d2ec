package flow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/provision"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Deps is what effects run with: the catalog, the ECS client, the files.
// A driver builds it once; tests give fakes.
type Deps struct {
	// Reader is where every list comes from.
	Reader catalog.Reader
	// Launch sends DryRun and RunInstances; nil disables both.
	Launch launcher.Client
	// Scheme is the launcher's ("http" for the sandbox).
	Scheme string
	// DraftPath is the draft's file; HistoryPath the launch history's.
	DraftPath, HistoryPath string
	// Target is where launches go, recorded in the history.
	Target *launcher.Target
	// Copy puts text on the clipboard and says how.
	Copy func(text string) (method string, err error)
	// Now is the clock.
	Now func() time.Time
	// Origin reads launch templates and instances to start from; nil
	// leaves only the history and launch files.
	Origin Origin
	// Provision creates VPCs, vSwitches, security groups, key pairs and
	// launch templates; nil offers none of that.
	Provision Provisioner
	// OwnAddress finds the user's public address for an SSH or RDP rule
	// that lets only them in; nil: the user types it.
	OwnAddress provision.Lookup
	// SSHDir is where public keys are looked for and a new key pair's
	// private key is written (default ~/.ssh).
	SSHDir string
}

// Effect is one piece of I/O the controller asks its driver to run: the
// TUI runs it in a tea.Cmd, the accessible mode in line. Run does the work
// and returns the Result to hand back to Controller.Apply.
type Effect interface {
	Run(ctx context.Context, d Deps) Result
}

// Result is what an effect answers; results of superseded effects carry
// an old id and are dropped by Apply.
type Result interface{ result() }

// Quit is the effect that ends the wizard; its driver quits when it runs
// (after the effects before it, such as saving the draft).
type Quit struct{}

// Run does nothing: the driver stops on seeing it.
func (Quit) Run(context.Context, Deps) Result { return nil }

// loadRegions asks DescribeRegions.
type loadRegions struct{ id int }

// RegionsLoaded answers loadRegions.
type RegionsLoaded struct {
	ID      int
	Regions []catalog.Region
	Err     error
}

func (RegionsLoaded) result() {}

// Run calls the catalog.
func (e loadRegions) Run(ctx context.Context, d Deps) Result {
	rs, err := d.Reader.Regions(ctx)
	return RegionsLoaded{ID: e.id, Regions: rs, Err: err} // the catalog's error names the call
}

// loadRegionData loads a region's catalog for a billing method.
type loadRegionData struct {
	id      int
	region  string
	billing catalog.Billing
}

// RegionDataLoaded answers loadRegionData.
type RegionDataLoaded struct {
	ID      int
	Region  string
	Billing catalog.Billing
	Data    *catalog.RegionData
	Err     error
}

func (RegionDataLoaded) result() {}

// Run calls the catalog.
func (e loadRegionData) Run(ctx context.Context, d Deps) Result {
	data, err := d.Reader.Load(ctx, e.region, e.billing)
	if err != nil {
		err = i18n.Errorf("load %s: %w", e.region, err)
	}
	return RegionDataLoaded{ID: e.id, Region: e.region, Billing: e.billing, Data: data, Err: err}
}

// loadTypes lists the instance types with their status in a zone.
type loadTypes struct {
	id           int
	region, zone string
	billing      catalog.Billing
}

// TypesLoaded answers loadTypes.
type TypesLoaded struct {
	ID    int
	Zone  string
	Types []catalog.InstanceType
	Err   error
}

func (TypesLoaded) result() {}

// Run calls the catalog.
func (e loadTypes) Run(ctx context.Context, d Deps) Result {
	ts, err := d.Reader.InstanceTypes(ctx, e.region, e.zone, e.billing)
	if err != nil {
		err = i18n.Errorf("instance types in %s: %w", e.region, err)
	}
	return TypesLoaded{ID: e.id, Zone: e.zone, Types: ts, Err: err}
}

// loadTypePrices asks the hourly price of some types.
type loadTypePrices struct {
	id           int // the types load they belong to
	region, zone string
	billing      catalog.Billing
	types        []string
	first        bool
}

// TypePricesLoaded answers loadTypePrices; a type whose price could not
// be had has none.
type TypePricesLoaded struct {
	ID     int
	Prices map[string]float64
	// First: the default type's candidates, which the step waits for.
	First bool
}

func (TypePricesLoaded) result() {}

// Run asks DescribePrice per type, a few at a time.
func (e loadTypePrices) Run(ctx context.Context, d Deps) Result {
	out := make(map[string]float64, len(e.types))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, t := range e.types {
		wg.Add(1)
		sem <- struct{}{}
		go func(t string) {
			defer func() { <-sem; wg.Done() }()
			if p, err := d.Reader.TypePrice(ctx, e.region, e.zone, t, e.billing); err == nil && p.TradePrice > 0 {
				mu.Lock()
				out[t] = p.TradePrice
				mu.Unlock()
			}
		}(t)
	}
	wg.Wait()
	return TypePricesLoaded{ID: e.id, Prices: out, First: e.first}
}

// loadDisks lists the disk categories of a type in a zone.
type loadDisks struct {
	id                int
	region, zone, typ string
	billing           catalog.Billing
}

// DisksLoaded answers loadDisks.
type DisksLoaded struct {
	ID           int
	Type         string
	System, Data []catalog.DiskCategory
	Err          error
}

func (DisksLoaded) result() {}

// Run calls the catalog.
func (e loadDisks) Run(ctx context.Context, d Deps) Result {
	sys, data, err := d.Reader.DiskCategories(ctx, e.region, e.zone, e.typ, e.billing)
	if err != nil {
		err = i18n.Errorf("disk categories of %s: %w", e.typ, err)
	}
	return DisksLoaded{ID: e.id, Type: e.typ, System: sys, Data: data, Err: err}
}

// quote asks DescribePrice for the whole request.
type quote struct {
	id  int
	req *request.Request
}

// Quoted answers quote: the total, and the bill line by line where the
// catalog gives one.
type Quoted struct {
	ID    int
	Price catalog.Price
	Bill  *catalog.Bill
	Err   error
}

func (Quoted) result() {}

// Run asks the catalog for the bill (or the total only).
func (e quote) Run(ctx context.Context, d Deps) Result { return billOf(ctx, d, e) }

// checkOnline runs the rules that ask the catalog.
type checkOnline struct {
	id  int
	req *request.Request
	rc  rules.Context
}

// OnlineChecked answers checkOnline.
type OnlineChecked struct {
	ID       int
	Findings []rules.Finding
}

func (OnlineChecked) result() {}

// Run asks the catalog-backed rules; a catalog that cannot answer them
// finds nothing.
func (e checkOnline) Run(ctx context.Context, d Deps) Result {
	cat, ok := d.Reader.(rules.Catalog)
	if !ok {
		return OnlineChecked{ID: e.id}
	}
	return OnlineChecked{ID: e.id, Findings: rules.ValidateOnline(ctx, e.req, cat, e.rc)}
}

// MaxUserData is the most UserData takes before base64 (16 KiB encoded is
// the API's limit, docs/rules.md T1-61; the raw text is checked against it).
const MaxUserData = 16 << 10

// readUserData reads the file a user-data path names.
type readUserData struct{ path string }

// UserDataRead answers readUserData.
type UserDataRead struct {
	Path    string
	Content []byte
	Err     error
}

func (UserDataRead) result() {}

// Run reads a regular file of at most MaxUserData bytes: a FIFO, a device
// (/dev/zero) or a directory is refused before it is opened for reading,
// so the read can never block or run away.
func (e readUserData) Run(_ context.Context, _ Deps) Result {
	b, err := ReadUserDataFile(e.path)
	return UserDataRead{Path: e.path, Content: b, Err: err}
}

// ReadUserDataFile reads a user-data file as readUserData does: "~" is
// the home folder, only a regular file is read, at most MaxUserData bytes.
func ReadUserDataFile(path string) ([]byte, error) {
	p, err := expandHome(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, i18n.Errorf("%s is not a regular file (%s): user data is read from a file only", path, fileKind(st.Mode()))
	}
	if st.Size() > MaxUserData {
		return nil, i18n.Errorf("%s holds %d bytes: UserData takes at most %d (16 KiB) before encoding", path, st.Size(), MaxUserData)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxUserData+1)) // the file may grow after Stat
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(b) > MaxUserData {
		return nil, i18n.Errorf("%s holds more than %d bytes: UserData takes at most 16 KiB before encoding", path, MaxUserData)
	}
	return b, nil
}

func expandHome(p string) (string, error) {
	if p != "~" && !strings.HasPrefix(p, "~/") {
		return p, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", i18n.Errorf("%s: no home folder to expand ~ in: %w", p, err)
	}
	return filepath.Join(home, strings.TrimPrefix(p, "~")), nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return i18n.Text("a directory")
	case m&os.ModeNamedPipe != 0:
		return i18n.Text("a FIFO")
	case m&os.ModeDevice != 0:
		return i18n.Text("a device")
	case m&os.ModeSocket != 0:
		return i18n.Text("a socket")
	}
	return i18n.Text("not a plain file")
}
