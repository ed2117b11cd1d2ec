package sandbox

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/ecslaunch/ecslaunch/i18n"
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
	fmt.Fprintln(out, i18n.Text("sandbox stopped"))
	if s.opts.StateFile != "" {
		fmt.Fprintln(out, i18n.T("state saved to %s", s.opts.StateFile))
	}
	return nil
}

// printBanner tells the user where the sandbox is and how to use it. A
// secret the user chose is not echoed; only the public default is.
func printBanner(out io.Writer, s *Server) {
	ep, o := s.Endpoint(), s.opts
	secret := o.AccessKeySecret
	if secret != DefaultAccessKeySecret {
		secret = i18n.Text("(the secret you gave)")
	}
	fmt.Fprintln(out, i18n.T("ECS sandbox listening on %s://%s — nothing real is created.", s.Scheme(), ep))
	rows := [][2]string{
		{"AccessKeyId:", o.AccessKeyID},
		{"AccessKeySecret:", secret},
		{i18n.Text("API versions:"), "Ecs 2014-05-26, Vpc 2016-04-28 (DescribeVpcs, DescribeVSwitches)"},
		{i18n.Text("Signatures:"), i18n.Text("v1 (HMAC-SHA1: classic SDK, aliyun CLI) and ACS3-HMAC-SHA256 (V2.0 SDKs)")},
		{i18n.Text("Boot time:"), i18n.T("%s (Pending → Starting → Running)", o.BootTime.String())},
	}
	if o.StateFile != "" {
		rows = append(rows, [2]string{i18n.Text("State file:"), o.StateFile})
	}
	if o.World != nil && o.World.Source != "" {
		rows = append(rows, [2]string{i18n.Text("World:"), o.World.Source})
	}
	if f := o.Faults; f != (Faults{}) {
		rows = append(rows, [2]string{i18n.Text("Faults:"), i18n.T("latency %s, throttle %.2f, errors %.2f, drop-after-commit %.2f",
			f.Latency.String(), f.ThrottleRate, f.ErrorRate, f.DropAfterCommit)})
	}
	printRows(out, rows)
	cliSecret := DefaultAccessKeySecret
	if o.AccessKeySecret != DefaultAccessKeySecret {
		cliSecret = "<your secret>"
	}
	if o.TLS != nil {
		printTLSBanner(out, ep, o.AccessKeyID, cliSecret, o.CAFile)
	} else {
		printHTTPBanner(out, ep, o.AccessKeyID, cliSecret)
	}
	fmt.Fprint(out, "\n"+i18n.Text("Press Ctrl-C to stop.")+"\n")
}

// printRows prints label: value lines, the values aligned by display
// width (a Chinese label is two cells a character), in column 19 at least
// as the banner always had them.
func printRows(out io.Writer, rows [][2]string) {
	width := len("AccessKeySecret:")
	for _, r := range rows {
		width = max(width, ansi.StringWidth(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(out, "  %s%s %s\n", r[0], strings.Repeat(" ", width-ansi.StringWidth(r[0])), r[1])
	}
}

func printHTTPBanner(out io.Writer, ep, id, secret string) {
	fmt.Fprintf(out, `
%[4]s
  aliyun configure set --profile sandbox --mode AK --region cn-hangzhou \
    --access-key-id %[2]s --access-key-secret %[3]s
  aliyun ecs DescribeRegions --profile sandbox --endpoint %[1]s --insecure
%[5]s
  ALIBABA_CLOUD_ACCESS_KEY_ID=%[2]s ALIBABA_CLOUD_ACCESS_KEY_SECRET=%[3]s ALIBABA_CLOUD_REGION_ID=cn-hangzhou \
    aliyun ecs DescribeRegions --endpoint %[1]s --insecure

Go SDK (github.com/aliyun/alibaba-cloud-sdk-go):
  client, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "%[2]s", "%[3]s")
  client.Domain = "%[1]s"   // scheme stays http, the SDK default

Go SDK V2.0 (github.com/alibabacloud-go/ecs-20140526/v7):
  client, _ := ecs.NewClient(&openapi.Config{AccessKeyId: tea.String("%[2]s"), AccessKeySecret: tea.String("%[3]s"),
    RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String("%[1]s"), Protocol: tea.String("HTTP")})
`, ep, id, secret, i18n.Text("aliyun CLI (the sandbox speaks plain HTTP, hence --insecure):"), i18n.Text("or with environment variables only:"))
}

func printTLSBanner(out io.Writer, ep, id, secret, caFile string) {
	fmt.Fprintf(out, `
%[5]s
%[6]s

%[7]s
  SSL_CERT_FILE=%[4]s \
  ALIBABA_CLOUD_ACCESS_KEY_ID=%[2]s ALIBABA_CLOUD_ACCESS_KEY_SECRET=%[3]s ALIBABA_CLOUD_REGION_ID=cn-hangzhou \
    aliyun ecs DescribeRegions --endpoint %[1]s

%[8]s
  pem, _ := os.ReadFile("%[4]s")
  client, _ := ecs.NewClient(&openapi.Config{AccessKeyId: tea.String("%[2]s"), AccessKeySecret: tea.String("%[3]s"),
    RegionId: tea.String("cn-hangzhou"), Endpoint: tea.String("%[1]s")})
  client.DescribeRegionsWithOptions(&ecs.DescribeRegionsRequest{}, &dara.RuntimeOptions{Ca: tea.String(string(pem))})

%[9]s
  client, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "%[2]s", "%[3]s")
  client.Domain = "%[1]s"; request.Scheme = "https"
`, ep, id, secret, caFile, i18n.Text("HTTPS with a certificate from the sandbox's local CA, kept for the next starts (trust it once):"),
		tlsRows(caFile), i18n.Text("aliyun CLI (HTTPS, so no --insecure):"),
		i18n.Text("Go SDK V2.0 (github.com/alibabacloud-go/ecs-20140526/v7), the runtime's ca (or openapi.Config's Ca):"),
		i18n.Text("Go SDK (github.com/aliyun/alibaba-cloud-sdk-go), with SSL_CERT_FILE set as above:"))
}

// tlsRows are the TLS banner's CA lines.
func tlsRows(caFile string) string {
	var b strings.Builder
	printRows(&b, [][2]string{{i18n.Text("CA certificate:"), caFile},
		{i18n.Text("most programs:"), i18n.T("SSL_CERT_FILE=%s   (Go programs, curl, OpenSSL; it replaces the system roots for that process only)", caFile)}})
	return strings.TrimSuffix(b.String(), "\n")
}

// LoadWorld reads a catalog recorded by `ecslaunch sandbox record`, for
// Options.World (`sandbox serve --world`, `ecslaunch --sandbox --world`).
func LoadWorld(path string) (*world.World, error) { return world.Load(path) }
