package origin

import (
	"fmt"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/request"
)

// FromHistory starts a request from launch n of the history, numbered
// from 1 in the order `ecslaunch history` lists them (entries as
// History.Entries returns them). The request is the one recorded — its
// secrets still environment references — without its ClientToken: a new
// launch gets a new one, or it would answer the old instances.
func FromHistory(entries []launcher.Entry, n int) (Result, error) {
	if len(entries) == 0 {
		return Result{}, i18n.Errorf("the launch history is empty: there is no launch %d to start from", n)
	}
	if n < 1 || n > len(entries) {
		return Result{}, i18n.Errorf("launch %d: the history has launches 1 to %d (ecslaunch history lists them)", n, len(entries))
	}
	e := entries[n-1]
	if len(e.Request) == 0 {
		return Result{}, i18n.Errorf("launch %d (%s) recorded no request to start from", n, e.Started.Format("2006-01-02 15:04"))
	}
	req, err := e.RequestModel()
	if err != nil {
		return Result{}, i18n.Errorf("launch %d: the recorded request does not read back: %w", n, err)
	}
	var ns notes
	if req.Has("ClientToken") {
		req.Delete("ClientToken")
		ns.add("ClientToken", i18n.T("not carried: a new launch gets its own, or ECS would answer launch %d's instances again", n))
	}
	req.Delete("DryRun")
	for _, k := range req.Keys() {
		if request.IsSecret(k) {
			ns.add(k, i18n.T("recorded as %s, never its value: set that variable when you launch", req.Get(k)))
		}
	}
	if len(e.InstanceIDs) > 0 {
		ns.add("", i18n.T("launch %d made %s (%s); this request makes new instances", n, strings.Join(e.InstanceIDs, ", "), e.State))
	}
	desc := fmt.Sprintf("Launch %d of the history, started %s in %s.", n, e.Started.Local().Format("2006-01-02 15:04"), e.Region)
	return Result{File: newFile(req, desc), Notes: ns, Source: Source{Kind: "history", Region: e.Region, ID: e.Token}}, nil
}
