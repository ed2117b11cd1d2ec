package sandbox

import (
	"context"
	"fmt"
	"io"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
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
		secret = "(the secret you gave)"
	}
	fmt.Fprintf(out, `ECS sandbox listening on %s://%s — nothing real is created.
  AccessKeyId:     %s
  AccessKeySecret: %s
  API versions:    Ecs 2014-05-26, Vpc 2016-04-28 (DescribeVpcs, DescribeVSwitches)
  Signatures:      v1 (HMAC-SHA1: classic SDK, aliyun CLI) and ACS3-HMAC-SHA256 (V2.0 SDKs)
  Boot time:       %s (Pending → Starting → Running)
`, s.Scheme(), ep, o.AccessKeyID, secret, o.BootTime)
	if o.StateFile != "" {
		fmt.Fprintf(out, "  State file:      %s\n", o.StateFile)
	}
	if o.World != nil && o.World.Source != "" {
		fmt.Fprintf(out, "  World:           %s\n", o.World.Source)
	}
	if f := o.Faults; f != (Faults{}) {
		fmt.Fprintf(out, "  Faults:          latency %s, throttle %.2f, errors %.2f, drop-after-commit %.2f\n",
			f.Latency, f.ThrottleRate, f.ErrorRate, f.DropAfterCommit)
	}
	cliSecret := DefaultAccessKeySecret
	if o.AccessKeySecret != DefaultAccessKeySecret {
		cliSecret = "<your secret>"
	}
	if o.TLS != nil {
		printTLSBanner(out, ep, o.AccessKeyID, cliSecret, o.CAFile)
	} else {
		printHTTPBanner(out, ep, o.AccessKeyID, cliSecret)
	}
	fmt.Fprint(out, "\nPress Ctrl-C to stop.\n")
}

func printHTTPBanner(out io.Writer, ep, id, secret string) {
	fmt.Fprintf(out, `
aliyun CLI (the sandbox speaks plain HTTP, hence --insecure):
  aliyun configure set --profile sandbox --mode AK --region cn-hangzhou \
    --access-key-id %[2]s --access-key-secret %[3]s
  aliyun ecs DescribeRegions --profile sandbox --endpoint %[1]s --insecure
or with environment variables only:
  ALIBABA_CLOUD_ACCESS_KEY_ID=%[2]s ALIBABA_CLOUD_ACCESS_KEY_SECRET=%[3]s ALIBABA_CLOUD_REGION_ID=cn-hangzhou \
    aliyun ecs DescribeRegions --endpoint %[1]s --insecure

Go SDK (github.com/aliyun/alibaba-cloud-sdk-go):
  client, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "%[2]s", "%[3]s")
  client.Domain = "%[1]s"   // scheme stays http, the SDK default

Go SDK V2.0 (github.com/alibabacloud-go/ecs-20140526/v7):
  client, _ := ecs.NewClient(&openapi.Config{AccessKeyId: tea.String("%[2]s"), AccessKeySecret: tea.String("%[3]s"),
    RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String("%[1]s"), Protocol: tea.String("HTTP")})
`, ep, id, secret)
}

func printTLSBanner(out io.Writer, ep, id, secret, caFile string) {
	fmt.Fprintf(out, `
HTTPS with a certificate from the sandbox's local CA, kept for the next starts (trust it once):
  CA certificate:  %[4]s
  most programs:   SSL_CERT_FILE=%[4]s   (Go programs, curl, OpenSSL; it replaces the system roots
                   for that process only)

aliyun CLI (HTTPS, so no --insecure):
  SSL_CERT_FILE=%[4]s \
  ALIBABA_CLOUD_ACCESS_KEY_ID=%[2]s ALIBABA_CLOUD_ACCESS_KEY_SECRET=%[3]s ALIBABA_CLOUD_REGION_ID=cn-hangzhou \
    aliyun ecs DescribeRegions --endpoint %[1]s

Go SDK V2.0 (github.com/alibabacloud-go/ecs-20140526/v7), the runtime's ca (or openapi.Config's Ca):
  pem, _ := os.ReadFile("%[4]s")
  client, _ := ecs.NewClient(&openapi.Config{AccessKeyId: tea.String("%[2]s"), AccessKeySecret: tea.String("%[3]s"),
    RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String("%[1]s")})
  client.DescribeRegionsWithOptions(&ecs.DescribeRegionsRequest{}, &dara.RuntimeOptions{Ca: tea.String(string(pem))})

Go SDK (github.com/aliyun/alibaba-cloud-sdk-go), with SSL_CERT_FILE set as above:
  client, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "%[2]s", "%[3]s")
  client.Domain = "%[1]s"; request.Scheme = "https"
`, ep, id, secret, caFile)
}

// LoadWorld reads a catalog recorded by `ecslaunch sandbox record`, for
// Options.World (`sandbox serve --world`, `ecslaunch --sandbox --world`).
func LoadWorld(path string) (*world.World, error) { return world.Load(path) }
