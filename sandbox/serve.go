package sandbox

import (
	"context"
	"fmt"
	"io"
)

// Serve is the body of `ecslaunch sandbox serve`: it starts a sandbox,
// prints the endpoint, the credentials and how to point the aliyun CLI and
// the SDK at it, blocks until ctx is done (the command cancels it on SIGINT
// and SIGTERM), then stops and saves the state.
func Serve(ctx context.Context, o Options, out io.Writer) error {
	s, err := Start(o)
	if err != nil {
		return err
	}
	printBanner(out, s)
	<-ctx.Done()
	if err := s.Close(); err != nil {
		return err
	}
	fmt.Fprintln(out, "sandbox stopped")
	if s.opts.StateFile != "" {
		fmt.Fprintf(out, "state saved to %s\n", s.opts.StateFile)
	}
	return nil
}

// printBanner tells the user where the sandbox is and how to use it. A
// secret the user chose is not echoed; only the public default is.
func printBanner(out io.Writer, s *Server) {
	ep, o := s.Endpoint(), s.opts
	secret := o.AccessKeySecret
	if secret != DefaultAccessKeySecret {
		secret = "(the secret given with --access-key-secret)"
	}
	fmt.Fprintf(out, `ECS sandbox listening on http://%s — nothing real is created.
  AccessKeyId:     %s
  AccessKeySecret: %s
  API versions:    Ecs 2014-05-26, Vpc 2016-04-28 (DescribeVpcs, DescribeVSwitches)
  Boot time:       %s (Pending → Starting → Running)
`, ep, o.AccessKeyID, secret, o.BootTime)
	if o.StateFile != "" {
		fmt.Fprintf(out, "  State file:      %s\n", o.StateFile)
	}
	cliSecret := DefaultAccessKeySecret
	if o.AccessKeySecret != DefaultAccessKeySecret {
		cliSecret = "<your secret>"
	}
	if f := o.Faults; f != (Faults{}) {
		fmt.Fprintf(out, "  Faults:          latency %s, throttle %.2f, errors %.2f, drop-after-commit %.2f\n",
			f.Latency, f.ThrottleRate, f.ErrorRate, f.DropAfterCommit)
	}
	fmt.Fprintf(out, `
aliyun CLI (the sandbox speaks plain HTTP, hence --insecure):
  aliyun configure set --profile sandbox --mode AK --region cn-hangzhou \
    --access-key-id %s --access-key-secret %s
  aliyun ecs DescribeRegions --profile sandbox --endpoint %s --insecure
or with environment variables only:
  ALIBABA_CLOUD_ACCESS_KEY_ID=%s ALIBABA_CLOUD_ACCESS_KEY_SECRET=%s ALIBABA_CLOUD_REGION_ID=cn-hangzhou \
    aliyun ecs DescribeRegions --endpoint %s --insecure

Go SDK (github.com/aliyun/alibaba-cloud-sdk-go):
  client, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "%s", "%s")
  client.Domain = "%s"   // scheme stays http, the SDK default

Press Ctrl-C to stop.
`, o.AccessKeyID, cliSecret, ep, o.AccessKeyID, cliSecret, ep, o.AccessKeyID, cliSecret, ep)
}
