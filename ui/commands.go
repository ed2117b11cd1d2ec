package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
)

// Every side effect of the wizard is one of these named Cmd factories; each
// takes its context and dependencies and answers with a message, never
// touching the model.

func fetchRegions(ctx context.Context, r catalog.Reader, id int) tea.Cmd {
	return func() tea.Msg {
		regions, err := r.Regions(ctx)
		if err != nil {
			return loadFailedMsg{id: id, kind: loadRegions, err: err} // the catalog's error names the call
		}
		return regionsLoadedMsg{id: id, regions: regions}
	}
}

func fetchRegionData(ctx context.Context, r catalog.Reader, region string, b catalog.Billing, id int) tea.Cmd {
	return func() tea.Msg {
		data, err := r.Load(ctx, region, b)
		if err != nil {
			return loadFailedMsg{id: id, kind: loadRegionData, err: fmt.Errorf("load %s: %w", region, err)}
		}
		return regionDataMsg{id: id, region: region, billing: b, data: data}
	}
}

func fetchTypes(ctx context.Context, r catalog.Reader, region, zone string, b catalog.Billing, id int) tea.Cmd {
	return func() tea.Msg {
		types, err := r.InstanceTypes(ctx, region, zone, b)
		if err != nil {
			return loadFailedMsg{id: id, kind: loadTypes, err: fmt.Errorf("instance types in %s: %w", region, err)}
		}
		return typesLoadedMsg{id: id, zone: zone, types: types}
	}
}

func fetchDisks(ctx context.Context, r catalog.Reader, region, zone, typ string, b catalog.Billing, id int) tea.Cmd {
	return func() tea.Msg {
		sys, data, err := r.DiskCategories(ctx, region, zone, typ, b)
		if err != nil {
			return loadFailedMsg{id: id, kind: loadDisks, err: fmt.Errorf("disk categories of %s: %w", typ, err)}
		}
		return disksLoadedMsg{id: id, system: sys, data: data}
	}
}

func fetchPrice(ctx context.Context, r catalog.Reader, req *request.Request, id int) tea.Cmd {
	return func() tea.Msg {
		p, err := r.Price(ctx, req)
		if err != nil {
			return loadFailedMsg{id: id, kind: loadPrice, err: err} // the catalog names DescribePrice
		}
		return priceMsg{id: id, price: p}
	}
}

// checkOnline runs the rules that ask the catalog (the key pair exists, the
// security group has room, the type is in stock): rules.ValidateOnline.
func checkOnline(ctx context.Context, cat rules.Catalog, req *request.Request, c rules.Context, id int) tea.Cmd {
	return func() tea.Msg {
		return onlineFindingsMsg{id: id, findings: rules.ValidateOnline(ctx, req, cat, c)}
	}
}

func runDryRun(ctx context.Context, c launcher.Client, scheme string, req *request.Request) tea.Cmd {
	return func() tea.Msg { return dryRunMsg{res: dryRun(ctx, c, scheme, req)} }
}

// startLaunch runs the launch; its events arrive through waitLaunchEvent.
func startLaunch(ctx context.Context, c launcher.Client, req *request.Request, o launcher.Options, events chan launcher.Event) tea.Cmd {
	return func() tea.Msg {
		out, err := launcher.Launch(ctx, c, req, o, events)
		return launchDoneMsg{out: out, err: err}
	}
}

// waitLaunchEvent reads one event; the update re-arms it after each.
func waitLaunchEvent(events chan launcher.Event) tea.Cmd {
	return func() tea.Msg { return launchEventMsg{ev: <-events} }
}

// saveDraft writes the draft as a launch file without its secrets.
func saveDraft(path string, req *request.Request) tea.Cmd {
	if path == "" {
		return nil
	}
	req = req.Clone()
	return func() tea.Msg {
		return savedMsg{what: "draft", path: path, err: writeLaunchFile(path, req, ""), quiet: true}
	}
}

// saveLaunchFile writes the request as a launch file.
func saveLaunchFile(path string, req *request.Request) tea.Cmd {
	req = req.Clone()
	return func() tea.Msg {
		return savedMsg{what: "launch file", path: path, err: writeLaunchFile(path, req, "")}
	}
}

func writeLaunchFile(path string, req *request.Request, desc string) error {
	f := &request.File{Version: request.FileVersion, Description: desc, Request: req}
	b, _, err := f.Marshal()
	if err != nil {
		return err
	}
	return writeFile(path, b)
}

// writeFile writes atomically so a crash never leaves half a file.
func writeFile(path string, b []byte) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// writeExport writes exported text to a file.
func writeExport(path, text string) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{what: "export", path: path, err: writeFile(path, []byte(text))}
	}
}

// fetchTypePrices asks the hourly price of each type, a few at a time; a
// type whose price cannot be had is left without one.
func fetchTypePrices(ctx context.Context, r catalog.Reader, region, zone string, b catalog.Billing, ids []string, id int, first bool) tea.Cmd {
	return func() tea.Msg {
		out := make(map[string]float64, len(ids))
		var mu sync.Mutex
		var wg sync.WaitGroup
		sem := make(chan struct{}, 4)
		for _, t := range ids {
			wg.Add(1)
			sem <- struct{}{}
			go func(t string) {
				defer func() { <-sem; wg.Done() }()
				if p, err := r.TypePrice(ctx, region, zone, t, b); err == nil && p.TradePrice > 0 {
					mu.Lock()
					out[t] = p.TradePrice
					mu.Unlock()
				}
			}(t)
		}
		wg.Wait()
		return typePricesMsg{id: id, prices: out, first: first}
	}
}
