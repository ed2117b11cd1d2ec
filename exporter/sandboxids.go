package exporter

import (
	"sort"
	"strings"
	"sync"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// sandboxIDs is every network resource ID the built-in sandbox invents
// (vSwitches, security groups, VPCs, in every region). They look real
// (sg-bp1…) and exist nowhere else, so an export carrying one fails
// against a live account with …NotFound.
var sandboxIDs = sync.OnceValue(func() map[string]bool {
	w := world.New()
	ids := map[string]bool{}
	for _, r := range w.Regions {
		n := w.Network(r.RegionId)
		for _, v := range n.VPCs {
			ids[v.VpcId] = true
		}
		for _, v := range n.VSwitches {
			ids[v.VSwitchId] = true
		}
		for _, g := range n.SecurityGroups {
			ids[g.SecurityGroupId] = true
		}
	}
	return ids
})

// sandboxNote names the parameters holding IDs that exist only in the
// sandbox, unless the export is pointed at an endpoint (the sandbox).
func sandboxNote(req *request.Request, o Options) []string {
	if o.Endpoint != "" {
		return nil
	}
	ids := sandboxIDs()
	var keys []string
	for _, p := range req.Params() {
		if ids[p.Value] {
			keys = append(keys, p.Name)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	return []string{i18n.T("%s: these IDs exist only in the built-in sandbox; against a live account "+
		"the launch fails with …NotFound (choose the account's own, or point the command at the sandbox with --endpoint)", strings.Join(keys, ", "))}
}
