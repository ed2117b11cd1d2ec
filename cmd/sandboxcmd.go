package cmd

import (
	"errors"
	"fmt"
	"math"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/sandbox"
	"github.com/ecslaunch/ecslaunch/sandbox/recorder"
)

// sandboxSecretEnv carries the AccessKey secret the sandbox accepts, so it
// need not show in `ps` as --access-key-secret would.
const sandboxSecretEnv = "ECSLAUNCH_SANDBOX_ACCESS_KEY_SECRET"

func newSandboxCmd(g *globals, io *IO) *cobra.Command {
	parent := &cobra.Command{
		Use:   "sandbox",
		Short: i18n.Text("A faithful local ECS endpoint: try everything without an account"),
		Args:  noArgs,
	}
	parent.AddCommand(newServeCmd(io), newRecordCmd(g, io))
	return parent
}

// serveFlags are `sandbox serve`'s flags beyond sandbox.Options.
type serveFlags struct {
	o                      sandbox.Options
	secretFile, caOut      string
	worldFile              string
	tls                    bool
	secretSet, bootTimeSet bool
}

func newServeCmd(io *IO) *cobra.Command {
	sf := &serveFlags{}
	serve := &cobra.Command{
		Use:   "serve",
		Short: i18n.Text("Serve the sandbox ECS API on loopback until interrupted"),
		Long: i18n.T("serve answers the ECS OpenAPI (2014-05-26, RPC; signature v1 and ACS3-HMAC-SHA256) on loopback with an\n"+
			"embedded catalog of regions, zones, instance types, images and networks, or a recorded one (--world). It\n"+
			"prints the endpoint and the credentials, and how to point the aliyun CLI and the SDKs at it. Faults (latency,\n"+
			"throttling, 5xx, dropped answers) test resilience. --tls serves HTTPS with a certificate from a local CA kept\n"+
			"beside the state (--state's directory, or the user's config directory); trust that CA once.\n"+
			"The secret it accepts comes from --access-key-secret-file, $%s or\n"+
			"--access-key-secret (visible in ps), in that order of preference.", sandboxSecretEnv),
		Example: "  ecslaunch sandbox serve --addr 127.0.0.1:8080\n" +
			"  ecslaunch sandbox serve --latency 200ms --throttle 0.3 --state sandbox.json\n" +
			"  ecslaunch sandbox serve --tls --ca-out sandbox-ca.pem\n" +
			"  ecslaunch sandbox serve --world account.json   # " + i18n.Text("a catalog recorded with `sandbox record`") + "\n" +
			"  aliyun ecs DescribeRegions --endpoint 127.0.0.1:8080 --insecure   # " + i18n.Text("with the printed credentials"),
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			sf.secretSet = c.Flags().Changed("access-key-secret")
			sf.bootTimeSet = c.Flags().Changed("boot-time")
			o, err := sf.options(io)
			if err != nil {
				return err
			}
			if err := sandbox.Serve(c.Context(), o, io.Out); err != nil {
				if errors.Is(err, sandbox.ErrRemote) {
					return usageErr(remoteErr(o.Addr))
				}
				return failed(err)
			}
			return nil
		},
	}
	f := serve.Flags()
	o := &sf.o
	f.StringVar(&o.Addr, "addr", "127.0.0.1:8080", i18n.Text("address to listen on (loopback only unless --allow-remote)"))
	f.DurationVar(&o.Faults.Latency, "latency", 0, i18n.Text("added latency per call, e.g. 200ms"))
	f.Float64Var(&o.Faults.ThrottleRate, "throttle", 0, i18n.Text("share of calls answered Throttling.User (0..1)"))
	f.Float64Var(&o.Faults.ErrorRate, "errors", 0, i18n.Text("share of calls answered with a 5xx (0..1)"))
	f.Float64Var(&o.Faults.DropAfterCommit, "drop-after-commit", 0, i18n.Text("share of RunInstances that create the instances, then drop the connection (0..1)"))
	f.DurationVar(&o.BootTime, "boot-time", 3*time.Second, i18n.Text("how long instances take from Pending to Running"))
	f.StringVar(&o.StateFile, "state", "", i18n.Text("keep instances and launch templates in this file across restarts"))
	f.StringVar(&o.AccessKeyID, "access-key-id", sandbox.DefaultAccessKeyID, i18n.Text("AccessKeyId the sandbox accepts"))
	f.StringVar(&o.AccessKeySecret, "access-key-secret", sandbox.DefaultAccessKeySecret,
		i18n.T("AccessKey secret the sandbox accepts (shows in ps: prefer --access-key-secret-file or $%s)", sandboxSecretEnv))
	f.StringVar(&sf.secretFile, "access-key-secret-file", "", i18n.Text("read the AccessKey secret the sandbox accepts from this file (its first line)"))
	f.BoolVar(&o.AllowRemote, "allow-remote", false, i18n.Text("listen on non-loopback addresses too"))
	f.IntVar(&o.MaxConns, "max-conns", sandbox.DefaultMaxConns, i18n.Text("connections served at once; more wait their turn"))
	f.BoolVar(&sf.tls, "tls", false, i18n.Text("serve HTTPS with a certificate from the sandbox's local CA"))
	f.StringVar(&sf.caOut, "ca-out", "", i18n.Text("with --tls: also write the local CA's certificate (PEM) to this file"))
	f.StringVar(&sf.worldFile, "world", "", i18n.Text("serve the catalog recorded in this file (ecslaunch sandbox record) instead of the embedded one"))
	return serve
}

// options checks the flags (a bad value is a usage error, exit 2) and
// builds the sandbox's options: secret, world, TLS.
func (sf *serveFlags) options(io *IO) (sandbox.Options, error) {
	o := sf.o
	for name, r := range map[string]float64{"--throttle": o.Faults.ThrottleRate, "--errors": o.Faults.ErrorRate, "--drop-after-commit": o.Faults.DropAfterCommit} {
		if math.IsNaN(r) || r < 0 || r > 1 {
			return o, usageErr(i18n.Errorf("%s %v: give a share of calls between 0 and 1 (0.3 = 30%%)", name, r))
		}
	}
	if o.Faults.Latency < 0 {
		return o, usageErr(i18n.Errorf("--latency %v: give a duration of 0 or more, e.g. 200ms", o.Faults.Latency))
	}
	if o.BootTime <= 0 {
		return o, usageErr(i18n.Errorf("--boot-time %v: give how long instances take from Pending to Running, more than 0 (e.g. 3s)", o.BootTime))
	}
	if o.MaxConns < 1 {
		return o, usageErr(i18n.Errorf("--max-conns %d: give at least 1", o.MaxConns))
	}
	if !o.AllowRemote && !loopbackAddr(o.Addr) {
		return o, usageErr(remoteErr(o.Addr))
	}
	if sf.caOut != "" && !sf.tls {
		return o, usageErr(errors.New(i18n.Text("--ca-out writes the CA of --tls: add --tls")))
	}
	secret, err := sf.secret(io.Getenv)
	if err != nil {
		return o, err
	}
	o.AccessKeySecret = secret
	if sf.worldFile != "" {
		w, err := sandbox.LoadWorld(sf.worldFile)
		if err != nil {
			return o, usageErr(err)
		}
		o.World = w
	}
	if sf.tls {
		if err := sf.withTLS(&o); err != nil {
			return o, err
		}
	}
	return o, nil
}

// secret picks the accepted secret: --access-key-secret-file, then the
// environment, then --access-key-secret; two explicit sources conflict.
func (sf *serveFlags) secret(getenv func(string) string) (string, error) {
	if sf.secretFile != "" && sf.secretSet {
		return "", usageErr(errors.New(i18n.Text("give --access-key-secret or --access-key-secret-file, not both")))
	}
	if sf.secretFile != "" {
		data, err := os.ReadFile(sf.secretFile)
		if err != nil {
			return "", usageErr(i18n.Errorf("--access-key-secret-file: %w", err))
		}
		line, _, _ := strings.Cut(string(data), "\n")
		if line = strings.TrimSpace(line); line == "" {
			return "", usageErr(i18n.Errorf("--access-key-secret-file %s: the first line is empty", sf.secretFile))
		}
		return line, nil
	}
	if v := strings.TrimSpace(getenv(sandboxSecretEnv)); v != "" && !sf.secretSet {
		return v, nil
	}
	return sf.o.AccessKeySecret, nil
}

// withTLS loads (or creates) the local CA beside the state and issues the
// server certificate for the listen address.
func (sf *serveFlags) withTLS(o *sandbox.Options) error {
	dir := ""
	if o.StateFile != "" {
		dir = filepath.Dir(o.StateFile)
	} else {
		d, err := sandbox.DefaultStateDir()
		if err != nil {
			return failed(err)
		}
		dir = d
	}
	ca, err := sandbox.LoadOrCreateCA(dir)
	if err != nil {
		return failed(err)
	}
	host, _, _ := net.SplitHostPort(o.Addr)
	cfg, err := ca.ServerTLS(host)
	if err != nil {
		return failed(err)
	}
	if sf.caOut != "" {
		if err := ca.WriteCert(sf.caOut); err != nil {
			return failed(err)
		}
	}
	o.TLS, o.CAFile = cfg, ca.CertFile()
	return nil
}

// loopbackAddr reports whether addr listens on loopback only.
func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return true // Start reports the malformed address itself
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func remoteErr(addr string) error {
	return i18n.Errorf("--addr %s is not a loopback address: anyone who can reach it could use the sandbox's public credentials; "+
		"add --allow-remote to listen there anyway", addr)
}

// newRecordCmd is `sandbox record`: the wizard's Describe answers for some
// regions of an account (or any endpoint) into a file `serve --world` plays.
func newRecordCmd(g *globals, io *IO) *cobra.Command {
	var out string
	var anonymize bool
	rec := &cobra.Command{
		Use:   "record --region R[,R…] -o FILE",
		Short: i18n.Text("Record an account's catalog (what the wizard's Describe calls return) for the sandbox to play"),
		Long: i18n.Text("record reads, with the usual credentials (--profile, the environment) or from --endpoint, what the wizard's\n" +
			"Describe calls return for each region given: regions, zones, instance types and families, the stock of every\n" +
			"zone (pay-as-you-go, subscription, spot), prices, disk categories, images, VPCs, vSwitches, security groups\n" +
			"and key pairs, into one JSON file. No credential is written. --anonymize replaces the account's resource IDs\n" +
			"and names. `ecslaunch sandbox serve --world FILE` and `ecslaunch --sandbox --world FILE` then play it offline."),
		Example: "  ecslaunch sandbox record --region cn-hangzhou,cn-shanghai -o account.json\n" +
			"  ecslaunch sandbox record --region cn-hangzhou --anonymize -o demo.json\n" +
			"  ecslaunch sandbox record --endpoint 127.0.0.1:8080 --insecure --region cn-hangzhou -o sandbox.json",
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if out == "" {
				return usageErr(errors.New(i18n.Text("give the file to write with -o FILE")))
			}
			regions := splitList(g.region)
			if len(regions) == 0 {
				return usageErr(errors.New(i18n.Text("give the regions to record with --region R[,R…]")))
			}
			return record(c, g, io, regions, out, anonymize)
		},
	}
	rec.Flags().StringVarP(&out, "output", "o", "", i18n.Text("the recording file to write (JSON, mode 0600)"))
	rec.Flags().BoolVar(&anonymize, "anonymize", false, i18n.Text("replace the account's resource IDs and names with neutral ones"))
	return rec
}

func record(c *cobra.Command, g *globals, io *IO, regions []string, out string, anonymize bool) error {
	sg := *g
	sg.region = regions[0] // the session's own region; each call names its region
	e, err := openEnv(c.Context(), &sg, io)
	if err != nil {
		return err
	}
	defer e.Close()
	// A private, fresh cache: the recording is what the endpoint says now.
	dir, err := os.MkdirTemp("", "ecslaunch-record-")
	if err != nil {
		return failed(err)
	}
	defer os.RemoveAll(dir)
	// A recording keeps the English names, whatever language this run
	// speaks: the world it becomes names its regions in both itself.
	cat := catalog.New(e.Session, catalog.Options{CacheDir: dir, Refresh: true, AcceptLanguage: "en-US"})
	defer cat.Close()
	endpoint := g.endpoint
	if g.sandbox {
		endpoint = "the built-in sandbox"
	}
	r, err := recorder.Record(c.Context(), cat, recorder.Options{Regions: regions, Anonymize: anonymize, Endpoint: endpoint})
	if err != nil {
		return failed(err)
	}
	if err := recorder.Write(out, r); err != nil {
		return failed(err)
	}
	for _, id := range regions {
		d := r.Detail[id]
		fmt.Fprintln(io.Out, i18n.T("recorded %s: %d zones, %d instance types (%d priced), %d images, %d VPCs, %d vSwitches, %d security groups, %d key pairs",
			id, len(d.Zones), len(d.Types), len(d.Prices), len(d.Images), len(d.VPCs), len(d.VSwitch), len(d.Groups), len(d.KeyPairs)))
	}
	fmt.Fprintln(io.Out, i18n.T("wrote %[1]s; play it with: ecslaunch sandbox serve --world %[1]s", out))
	return nil
}

// splitList splits "a,b , c" into its non-empty items.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
