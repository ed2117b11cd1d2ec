package cloud

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// fallbackRegion is the client region when none is known; every catalog
// request carries its own RegionId, which picks the endpoint anyway.
const fallbackRegion = "cn-hangzhou"

// The SDK builds its endpoint tables lazily, without a lock, the first time
// a client is made (services/ecs/endpoint.go:10-12): concurrent first
// clients race. Building them once here, before any goroutine, avoids it.
func init() {
	ecs.GetEndpointMap()
	vpc.GetEndpointMap()
}

// Session is a resolved credential plus the endpoint, scheme and timeouts
// every client it builds uses. It is safe for concurrent use.
type Session struct {
	region         string
	regionSource   string
	endpoint       string
	scheme         string
	sandbox        bool
	connectTimeout time.Duration
	readTimeout    time.Duration
	provider       credentials.CredentialsProvider
	accountKey     string
	credentialKey  string
	identity       string
	source         string
	transport      *http.Transport
}

func newSession(cfg Config, region string, cred *credential) (*Session, error) {
	endpoint, scheme, err := endpointOf(cfg)
	if err != nil {
		return nil, err
	}
	RegisterSecret(cred.secrets...)
	s := &Session{
		region:         region,
		endpoint:       endpoint,
		scheme:         scheme,
		sandbox:        cfg.Sandbox,
		connectTimeout: orDefault(cfg.ConnectTimeout, DefaultConnectTimeout),
		readTimeout:    orDefault(cfg.ReadTimeout, DefaultReadTimeout),
		provider:       &lockedProvider{inner: cred.provider},
		accountKey:     accountKey(cred.identity),
		credentialKey:  credentialKey(cred),
		identity:       IdentityLabel(cred.identity),
		source:         cred.source,
	}
	s.transport = newTransport(s.connectTimeout)
	return s, nil
}

// CheckEndpoint reports what is wrong with --endpoint/--insecure before
// any session is made, so commands can reject them as usage errors.
func CheckEndpoint(endpoint string, insecure bool) error {
	_, _, err := endpointOf(Config{Endpoint: endpoint, Insecure: insecure})
	return err
}

// endpointOf checks --endpoint/--insecure: plain HTTP only to an explicit
// endpoint, HTTPS otherwise (the SDK would default to HTTP, docs/sdk-notes.md §1).
func endpointOf(cfg Config) (endpoint, scheme string, err error) {
	endpoint = strings.TrimSpace(cfg.Endpoint)
	if cfg.Insecure && endpoint == "" {
		return "", "", errors.New(i18n.Text("--insecure needs --endpoint HOST:PORT: the real endpoints are HTTPS only"))
	}
	if strings.Contains(endpoint, "://") || strings.ContainsAny(endpoint, "/?#@ ") {
		return "", "", i18n.Errorf("--endpoint %q: give HOST:PORT without a scheme or path", cfg.Endpoint)
	}
	if endpoint != "" {
		if _, port, err := net.SplitHostPort(endpoint); err == nil {
			if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
				return "", "", i18n.Errorf("--endpoint %q: the port must be a number from 1 to 65535 (HOST:PORT)", cfg.Endpoint)
			}
		}
	}
	if cfg.Insecure {
		return endpoint, "HTTP", nil
	}
	return endpoint, "HTTPS", nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// newTransport is the connection pool every client of a session shares. The
// SDK leaves a transport that is not an *http.Transport alone (client.go
// 537-544), so the dial timeout, TLS floor and proxy are set here, once.
func newTransport(connect time.Duration) *http.Transport {
	return &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}).DialContext,
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: connect,
		MaxIdleConns:        64,
		// The catalog has up to 16 lists and 32 price calls in flight to one
		// endpoint: keep as many connections, or every zone pricing run
		// handshakes again.
		MaxIdleConnsPerHost:   48,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
	}
}

// ctxTransport binds one call's context to its HTTP request: the classic SDK
// builds requests without a context, so this is how a cancelled wizard step
// aborts its call. A value of this type is not an *http.Transport, so the SDK
// does not rewrite the shared pool's dialer or TLS config on each call (which
// would race between concurrent calls, docs/sdk-notes.md §5).
type ctxTransport struct {
	ctx  context.Context
	base http.RoundTripper
}

// RoundTrip sends req under the bound context.
func (t ctxTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.base.RoundTrip(req.WithContext(t.ctx))
}

// lockedProvider serialises credential fetches: the SDK's role providers
// refresh their cached session without a lock.
type lockedProvider struct {
	mu    sync.Mutex
	inner credentials.CredentialsProvider
}

// GetCredentials returns the inner provider's credentials.
func (p *lockedProvider) GetCredentials() (*credentials.Credentials, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.inner.GetCredentials()
}

// GetProviderName names the inner provider.
func (p *lockedProvider) GetProviderName() string { return p.inner.GetProviderName() }

// Region is the default region: --region, the credential's or the
// environment's, else cn-hangzhou.
func (s *Session) Region() string { return s.region }

// RegionSource says where Region came from: "--region", `profile "prod"`,
// "ALIBABA_CLOUD_REGION_ID" (the variable's name as set), or "the default:
// …" when nothing named one.
func (s *Session) RegionSource() string {
	switch s.regionSource {
	case defaultRegionFrom:
		return i18n.Text("the default: no --region, profile region_id or ALIBABA_CLOUD_REGION_ID")
	case sandboxRegionFrom:
		return i18n.Text("the sandbox's default")
	}
	return s.regionSource
}

// RegionDefaulted reports whether nothing chose the region: no --region,
// profile region_id or ALIBABA_CLOUD_REGION_ID, so it is cn-hangzhou.
func (s *Session) RegionDefaulted() bool { return s.regionSource == defaultRegionFrom }

// Where a session's region came from when nothing named it; RegionSource
// says them in the current language.
const (
	defaultRegionFrom = "default"
	sandboxRegionFrom = "sandbox default"
)

// Endpoint is the explicit HOST:PORT, or "" for the real regional endpoints.
func (s *Session) Endpoint() string { return s.endpoint }

// Scheme is "HTTPS", or "HTTP" with --insecure.
func (s *Session) Scheme() string { return s.scheme }

// IsSandbox reports whether the session talks to the built-in sandbox.
func (s *Session) IsSandbox() bool { return s.sandbox }

// AccountKey is a short hash of the credential identity (AccessKeyId, role),
// safe to use in cache paths; it never contains a secret.
func (s *Session) AccountKey() string { return s.accountKey }

// CredentialKey is a short hash of the whole credential, its secret
// included: the catalog cache is kept per credential, so a wrong secret
// for a known AccessKeyId never gets the cached answers of the right one.
// It reveals nothing usable of the secret.
func (s *Session) CredentialKey() string { return s.credentialKey }

// Source says where the credentials came from, for --verbose output.
func (s *Session) Source() string { return s.source }

// Identity names the credential without revealing it: the AccessKeyId
// masked to its first and last four characters, or the RAM role. It is
// what the launch history records of who launched.
func (s *Session) Identity() string { return s.identity }

// CloseIdleConnections closes the pooled connections no call is using, so
// a server shutting down does not wait for them.
func (s *Session) CloseIdleConnections() { s.transport.CloseIdleConnections() }

// ECS builds an ECS client whose calls are not bound to a context.
func (s *Session) ECS() (*ecs.Client, error) { return s.ECSContext(context.Background()) }

// VPC builds a VPC client whose calls are not bound to a context.
func (s *Session) VPC() (*vpc.Client, error) { return s.VPCContext(context.Background()) }

// ECSContext builds a fresh ECS client whose every call is cancelled with
// ctx. Build one per call or per goroutine: an SDK client writes its
// timeouts into shared state on every call.
func (s *Session) ECSContext(ctx context.Context) (*ecs.Client, error) {
	c, err := ecs.NewClientWithOptions(s.clientRegion(), s.config(ctx), s.provider)
	if err != nil {
		return nil, i18n.Errorf("ecs client: %s", Redact(err.Error()))
	}
	s.setup(&c.Client)
	return c, nil
}

// VPCContext is ECSContext for the VPC API (2016-04-28).
func (s *Session) VPCContext(ctx context.Context) (*vpc.Client, error) {
	c, err := vpc.NewClientWithOptions(s.clientRegion(), s.config(ctx), s.provider)
	if err != nil {
		return nil, i18n.Errorf("vpc client: %s", Redact(err.Error()))
	}
	s.setup(&c.Client)
	return c, nil
}

func (s *Session) clientRegion() string {
	if s.region != "" {
		return s.region
	}
	return fallbackRegion
}

// config turns off the SDK's retry (it neither backs off nor knows
// Throttling, docs/sdk-notes.md §5) and fixes the scheme.
func (s *Session) config(ctx context.Context) *sdk.Config {
	cfg := sdk.NewConfig().WithAutoRetry(false).WithScheme(s.scheme)
	cfg.Transport = ctxTransport{ctx: ctx, base: s.transport}
	cfg.UserAgent = "ecslaunch"
	return cfg
}

// setup pins the endpoint and both timeouts on the client, so no per-API
// default from the SDK's table ever applies.
func (s *Session) setup(c *sdk.Client) {
	if s.endpoint != "" {
		c.Domain = s.endpoint
	}
	c.SetConnectTimeout(s.connectTimeout)
	c.SetReadTimeout(s.readTimeout)
}
