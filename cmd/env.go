package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/sandbox"
)

// env is what a command needs to talk to ECS: a session, the catalog over
// it, an ECS client for RunInstances, and, with --sandbox, the in-process
// sandbox it talks to.
type env struct {
	Session *cloud.Session
	Catalog *catalog.Catalog
	ECS     *ecs.Client
	Scheme  string
	Sandbox *sandbox.Server
	Region  string
}

// Close lets the catalog finish refreshing stale lists in the background
// (so the next run finds them fresh), then stops the in-process sandbox.
func (e *env) Close() {
	if e.Catalog != nil {
		e.Catalog.Wait()
		e.Catalog.Close()
	}
	if e.Sandbox != nil {
		_ = e.Sandbox.Close()
	}
}

// closeBy closes the environment; once the command's --timeout has run
// out, background catalog refreshes are cancelled rather than waited for.
func (e *env) closeBy(dl *deadline) {
	if dl.expired() && e.Catalog != nil {
		e.Catalog.Close()
		e.Catalog = nil
	}
	e.Close()
}

// openEnv resolves credentials (or starts the sandbox) and builds the clients.
func openEnv(ctx context.Context, g *globals, io *IO) (*env, error) {
	e := &env{}
	cfg := cloud.Config{Profile: g.profile, Region: g.region, Endpoint: g.endpoint, Insecure: g.insecure}
	var sess *cloud.Session
	var err error
	if g.sandbox {
		o := sandbox.Options{}
		if g.world != "" {
			if o.World, err = sandbox.LoadWorld(g.world); err != nil {
				return nil, usageErr(err)
			}
		}
		e.Sandbox, err = sandbox.Start(o)
		if err != nil {
			return nil, failed(i18n.Errorf("start the sandbox: %w", err))
		}
		sess, err = cloud.Sandbox(e.Sandbox.Endpoint(), cfg)
	} else {
		sess, err = cloud.Resolve(cfg)
	}
	if err != nil {
		e.Close()
		// No session, so no DescribeRegions: a mistyped region is still
		// said first (exit 2), before the credentials.
		if rerr := regionTypo(g.region); rerr != nil {
			return nil, rerr
		}
		// A profile name that is not configured, or a config file that
		// cannot be read, is a usage error or unreadable input (exit 2).
		var upe *cloud.UnknownProfileError
		var cfe *cloud.ConfigFileError
		if errors.As(err, &upe) || errors.As(err, &cfe) {
			return nil, usageErr(err)
		}
		// ErrNoCredentials is already the one line that offers --sandbox.
		return nil, failed(err)
	}
	if e, err = e.finish(sess, g); err != nil {
		return nil, err
	}
	if g.region == "" && e.Sandbox == nil {
		// Neither --region nor a launch file chose: say which region the
		// session took and why, before anything uses it.
		fmt.Fprintln(io.Err, regionLine(sess))
	}
	if err := e.checkRegion(ctx, g.region); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// regionLine is the one line saying which region a session defaulted to.
func regionLine(s *cloud.Session) string {
	if s.RegionDefaulted() {
		return i18n.T("region %s, the default: no --region, profile region_id or ALIBABA_CLOUD_REGION_ID (--region chooses another)", s.Region())
	}
	return i18n.T("region %s, from %s (--region chooses another)", s.Region(), s.RegionSource())
}

// checkRegion refuses an unknown region (--region, or the launch file's
// RegionId) before anything else is called or started, exit 2: against
// the account's DescribeRegions (cached a day; the sandbox's own with
// --sandbox). When that list cannot be read, the built-in one catches an
// obvious typo only, and the command goes on to report the failure.
func (e *env) checkRegion(ctx context.Context, region string) error {
	if region == "" {
		return nil
	}
	ids, err := e.Catalog.RegionIDs(ctx)
	if err != nil {
		return regionTypo(region)
	}
	if err := catalog.CheckRegion(region, ids); err != nil {
		return usageErr(err)
	}
	return nil
}

// regionTypo is a usage error when region is not in the built-in list of
// region IDs and looks like a typo of one of them; nil otherwise (also for
// an unknown ID that may be a region newer than the list, such as
// another number in a numbered series).
func regionTypo(region string) error {
	err := catalog.CheckRegion(region, catalog.BuiltinRegionIDs)
	var ue *catalog.UnknownRegionError
	if errors.As(err, &ue) && ue.Suggestion != "" && !catalog.DiffersOnlyInDigits(region, ue.Suggestion) {
		return usageErr(err)
	}
	return nil
}

func (e *env) finish(sess *cloud.Session, g *globals) (*env, error) {
	client, err := sess.ECS()
	if err != nil {
		e.Close()
		return nil, failed(err)
	}
	e.Session, e.ECS, e.Scheme, e.Region = sess, client, sess.Scheme(), sess.Region()
	e.Catalog = catalog.New(sess, catalog.Options{Refresh: g.refresh})
	return e, nil
}

// Target is where this environment sends calls, as the launch history
// records it: the in-process sandbox, an explicit --endpoint, or the live
// API, in region, with the credential's masked identity.
func (e *env) Target(region string) *launcher.Target {
	t := &launcher.Target{Kind: launcher.TargetLive, Region: region,
		Identity: e.Session.Identity(), Account: e.Session.AccountKey()}
	switch {
	case e.Sandbox != nil:
		t.Kind, t.Identity, t.Account = launcher.TargetSandbox, "", ""
	case e.Session.Endpoint() != "":
		t.Kind, t.Endpoint = launcher.TargetEndpoint, e.Session.Endpoint()
	}
	return t
}
