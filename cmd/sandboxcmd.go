package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

func newSandboxCmd(io *IO) *cobra.Command {
	parent := &cobra.Command{
		Use:   "sandbox",
		Short: "A faithful local ECS endpoint: try everything without an account",
		Args:  noArgs,
	}
	o := sandbox.Options{}
	serve := &cobra.Command{
		Use:   "serve",
		Short: "Serve the sandbox ECS API on loopback until interrupted",
		Long: "serve answers the ECS OpenAPI (2014-05-26, RPC, signature v1) on loopback with an embedded catalog of\n" +
			"regions, zones, instance types, images and networks. It prints the endpoint and the credentials, and how to\n" +
			"point the aliyun CLI and the SDK at it. Faults (latency, throttling, 5xx, dropped answers) test resilience.",
		Example: "  ecslaunch sandbox serve --addr 127.0.0.1:8080\n" +
			"  ecslaunch sandbox serve --latency 200ms --throttle 0.3 --state sandbox.json\n" +
			"  aliyun ecs DescribeRegions --endpoint 127.0.0.1:8080 --insecure   # with the printed credentials",
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := sandbox.Serve(c.Context(), o, io.Out); err != nil {
				return failed(err)
			}
			return nil
		},
	}
	f := serve.Flags()
	f.StringVar(&o.Addr, "addr", "127.0.0.1:8080", "address to listen on (loopback only unless --allow-remote)")
	f.DurationVar(&o.Faults.Latency, "latency", 0, "added latency per call, e.g. 200ms")
	f.Float64Var(&o.Faults.ThrottleRate, "throttle", 0, "share of calls answered Throttling.User (0..1)")
	f.Float64Var(&o.Faults.ErrorRate, "errors", 0, "share of calls answered with a 5xx (0..1)")
	f.Float64Var(&o.Faults.DropAfterCommit, "drop-after-commit", 0, "share of RunInstances that create the instances, then drop the connection (0..1)")
	f.DurationVar(&o.BootTime, "boot-time", 3*time.Second, "how long instances take from Pending to Running")
	f.StringVar(&o.StateFile, "state", "", "keep instances and launch templates in this file across restarts")
	f.StringVar(&o.AccessKeyID, "access-key-id", sandbox.DefaultAccessKeyID, "AccessKeyId the sandbox accepts")
	f.StringVar(&o.AccessKeySecret, "access-key-secret", sandbox.DefaultAccessKeySecret, "AccessKey secret the sandbox accepts")
	f.BoolVar(&o.AllowRemote, "allow-remote", false, "listen on non-loopback addresses too")
	parent.AddCommand(serve)
	return parent
}
