// Package sandbox is a faithful local ECS endpoint: an HTTP server that
// speaks the ECS OpenAPI (2014-05-26, RPC style, JSON) and the VPC product's
// DescribeVpcs/DescribeVSwitches (2016-04-28) exactly as the classic Go SDK
// and the aliyun CLI send them, signature v1 included, over an embedded
// deterministic catalog (package world). The wizard, the catalog, the
// launcher and every test use it as their Alibaba Cloud when there is no
// account.
package sandbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// DefaultAccessKeyID and DefaultAccessKeySecret are the credentials the
// sandbox accepts unless Options set others.
const DefaultAccessKeyID, DefaultAccessKeySecret = "sandbox", "sandbox"

// Faults are injected failures, for tests and for trying the wizard's
// resilience. Rates are probabilities in [0, 1] per call.
type Faults struct {
	// Latency delays every call.
	Latency time.Duration
	// ThrottleRate answers Throttling.User (HTTP 400, as ECS does).
	ThrottleRate float64
	// ErrorRate answers ServiceUnavailable (503) or InternalError (500).
	ErrorRate float64
	// DropAfterCommit: RunInstances creates the instances, then the
	// connection is closed with no response.
	DropAfterCommit float64
}

// Options configure a sandbox.
type Options struct {
	// Addr is the listen address, default 127.0.0.1:0 (a random port).
	Addr string
	// AccessKeyID and AccessKeySecret are the accepted credentials
	// (default DefaultAccessKeyID / DefaultAccessKeySecret).
	AccessKeyID, AccessKeySecret string
	// BootTime is how long new instances take from Pending through Starting
	// to Running (default 3s).
	BootTime time.Duration
	// StateFile keeps instances, launch templates and client tokens across
	// restarts; "" keeps them in memory only.
	StateFile string
	// AllowRemote permits a non-loopback listen address.
	AllowRemote bool
	// Faults start with these values; change them with SetFaults.
	Faults Faults
	// Seed makes request and resource IDs and fault draws reproducible;
	// 0 seeds from the clock.
	Seed int64
	// ReadTimeout bounds reading one request, headers and body (default
	// DefaultReadTimeout), so a client trickling its body cannot hold a
	// connection (issue 17).
	ReadTimeout time.Duration
	// MaxConns bounds the connections served at once (default
	// DefaultMaxConns); more wait in the listen backlog.
	MaxConns int
	// TLS, when set, serves HTTPS with this certificate (see LocalCA).
	TLS *tls.Config
	// CAFile is the PEM of the CA that signed TLS's certificate, named in
	// Serve's banner so the user knows what to trust.
	CAFile string
	// World, when set, is the catalog served instead of the embedded one
	// (a recorded account: see LoadWorld).
	World *world.World
	// Clock is the time spot prices are read at (they change by the hour);
	// nil means time.Now. Tests fix it so a price cannot move between two
	// calls.
	Clock func() time.Time
}

// The defaults of Options.ReadTimeout and Options.MaxConns, and how long
// Close waits for requests in flight before cutting them.
const (
	DefaultReadTimeout = 10 * time.Second
	DefaultMaxConns    = 256
	// writeTimeout bounds writing one answer to a client that stops reading.
	writeTimeout = 30 * time.Second
)

// shutdownGrace is how long Close waits for requests in flight, then for
// the state's lock (a variable so tests can shorten it).
var shutdownGrace = 5 * time.Second

// Server is a running sandbox.
type Server struct {
	opts  Options
	world *world.World
	ln    net.Listener
	limit *limited
	srv   *http.Server
	done  chan struct{}

	// runMu serializes committing RunInstances calls, so that a ClientToken
	// creates instances exactly once even under concurrent retries.
	runMu sync.Mutex

	// nonces has its own lock: signature checks never wait on the state.
	nonces *nonceStore

	mu      sync.Mutex
	faults  Faults
	rng     *rand.Rand
	calls   map[string]int
	revoked map[string]bool
	st      *state
}

// sharedWorld is built once: the catalog is immutable, and tests start many
// sandboxes.
var sharedWorld = sync.OnceValue(world.New)

// ErrRemote is returned by Start for a non-loopback address without AllowRemote.
var ErrRemote = errors.New("sandbox: listening on a non-loopback address needs AllowRemote")

// Start listens on o.Addr (loopback only unless AllowRemote), loads the
// state file if any and serves in a goroutine.
func Start(o Options) (*Server, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	o = withDefaults(o)
	if !o.AllowRemote && !isLoopback(o.Addr) {
		return nil, fmt.Errorf("%w: %s", ErrRemote, o.Addr)
	}
	st, err := loadState(o.StateFile)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	seed := o.Seed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	w := o.World
	if w == nil {
		w = sharedWorld()
	}
	s := &Server{opts: o, world: w, ln: ln, done: make(chan struct{}), faults: o.Faults,
		rng: rand.New(rand.NewPCG(uint64(seed), uint64(seed)>>1^0x5DEECE66D)), calls: map[string]int{},
		revoked: map[string]bool{}, nonces: newNonceStore(nil), st: st}
	// Write the state file now, so an unwritable path fails here rather
	// than as an InternalError after the first instances are created.
	if err := s.save(); err != nil {
		ln.Close()
		return nil, err
	}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: min(o.ReadTimeout, 10*time.Second),
		ReadTimeout: o.ReadTimeout, IdleTimeout: 2 * time.Minute, TLSConfig: o.TLS,
		ErrorLog: log.New(io.Discard, "", 0)}
	s.limit = limitListener(ln, o.MaxConns).(*limited)
	var served net.Listener = s.limit
	if o.TLS != nil {
		served = tls.NewListener(served, o.TLS)
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(served)
	}()
	return s, nil
}

// check refuses options that cannot be meant: fault rates outside [0, 1]
// or not a number, negative durations and limits.
func (o Options) check() error {
	if err := o.Faults.check(); err != nil {
		return err
	}
	if o.BootTime < 0 {
		return fmt.Errorf("sandbox: boot time %v is negative", o.BootTime)
	}
	if o.ReadTimeout < 0 {
		return fmt.Errorf("sandbox: read timeout %v is negative", o.ReadTimeout)
	}
	if o.MaxConns < 0 {
		return fmt.Errorf("sandbox: connection limit %d is negative", o.MaxConns)
	}
	return nil
}

func withDefaults(o Options) Options {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	if o.AccessKeyID == "" {
		o.AccessKeyID = DefaultAccessKeyID
	}
	if o.AccessKeySecret == "" {
		o.AccessKeySecret = DefaultAccessKeySecret
	}
	if o.BootTime == 0 {
		o.BootTime = 3 * time.Second
	}
	if o.ReadTimeout == 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.MaxConns == 0 {
		o.MaxConns = DefaultMaxConns
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return o
}

// now is the sandbox's clock for prices.
func (s *Server) now() time.Time { return s.opts.Clock() }

// isLoopback reports whether addr's host is a loopback address or localhost.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Endpoint is the address to give the SDK as Domain: "127.0.0.1:PORT".
func (s *Server) Endpoint() string { return s.ln.Addr().String() }

// Scheme is "https" when the sandbox serves TLS, "http" otherwise.
func (s *Server) Scheme() string {
	if s.opts.TLS != nil {
		return "https"
	}
	return "http"
}

// Close stops the server and saves the state file. It is bounded: requests
// still running after shutdownGrace are cut, and a state still locked
// after that (a stuck request) is reported rather than waited for.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if err != nil {
		_ = s.srv.Close()
	}
	<-s.done
	if serr := s.saveWithin(shutdownGrace); serr != nil {
		return serr
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return nil // the requests were cut; the state is saved
	}
	return err
}

// check rejects rates outside [0, 1] and a negative latency, so a typo in a
// flag (--throttle 30) is an error rather than "always".
func (f Faults) check() error {
	for name, r := range map[string]float64{"throttle": f.ThrottleRate, "errors": f.ErrorRate, "drop-after-commit": f.DropAfterCommit} {
		if !(r >= 0 && r <= 1) { // NaN too
			return fmt.Errorf("sandbox: %s rate %v is not between 0 and 1", name, r)
		}
	}
	if f.Latency < 0 {
		return fmt.Errorf("sandbox: latency %v is negative", f.Latency)
	}
	return nil
}

// SetFaults replaces the injected faults; rates are clamped to [0, 1].
func (s *Server) SetFaults(f Faults) {
	clamp := func(r float64) float64 {
		if math.IsNaN(r) {
			return 0
		}
		return min(max(r, 0), 1)
	}
	f.ThrottleRate, f.ErrorRate, f.DropAfterCommit = clamp(f.ThrottleRate), clamp(f.ErrorRate), clamp(f.DropAfterCommit)
	f.Latency = max(f.Latency, 0)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = f
}

// Calls counts the authenticated calls per Action since the start or the
// last ResetCalls, faulted ones included.
func (s *Server) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.calls))
	for k, v := range s.calls {
		out[k] = v
	}
	return out
}

// ResetCalls zeroes the call counts.
func (s *Server) ResetCalls() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = map[string]int{}
}

// RevokeKey makes later requests signed with AccessKeyId id fail with
// InvalidAccessKeyId.NotFound.
func (s *Server) RevokeKey(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revoked[id] = true
}

// InstanceCount is the number of instances the sandbox holds.
func (s *Server) InstanceCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.st.Instances)
}

// call is one request being served.
type call struct {
	s         *Server
	p         params
	requestID string
	region    world.Region
	// drop asks the handler to close the connection without answering
	// (drop-after-commit).
	drop bool
	// xml answers in XML (Format=XML), as the RPC API does on request.
	xml bool
}

// handler serves one action; it returns the response body (an SDK response
// struct) or an *apiError.
type handler func(c *call) (any, error)

// ServeHTTP answers one RPC request: parameters, signature, call count,
// faults, then the action. A panic anywhere is the service's InternalError
// for this request only: every lock is released by defer, so the next
// request is served as usual.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &call{s: s, requestID: s.newRequestID()}
	defer func() {
		// A bug must look like the service's InternalError, not a dropped
		// connection (which the drop-after-commit fault stands for).
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.writeError(w, c, errInternal)
		}
	}()
	req, aerr := readRequest(r)
	if aerr != nil {
		s.writeError(w, c, aerr)
		return
	}
	c.p = req.params
	h, aerr := s.route(r, req, c)
	if aerr != nil {
		s.writeError(w, c, aerr)
		return
	}
	body, err := h(c)
	if c.drop {
		dropConnection(w)
		return
	}
	if err != nil {
		var ae *apiError
		if !errors.As(err, &ae) {
			ae = errInternal
		}
		s.writeError(w, c, ae)
		return
	}
	c.write(w, http.StatusOK, body)
}

// route authenticates the call, counts it, applies the faults and finds the
// handler. The order is the real gateway's: common parameters, AccessKeyId,
// signature, action, then flow control.
func (s *Server) route(r *http.Request, req rawRequest, c *call) (handler, *apiError) {
	if aerr := s.authenticate(r, req, c); aerr != nil {
		return nil, aerr
	}
	action, version := c.p.Get("Action"), c.p.Get("Version")
	h, ok := s.handlers()[version+"/"+action]
	if !ok {
		return nil, errNoAction
	}
	s.count(action)
	if aerr := s.injectFault(); aerr != nil {
		return nil, aerr
	}
	if aerr := c.resolveRegion(action); aerr != nil {
		return nil, aerr
	}
	if action != "RunInstances" && c.p.Get("DryRun") == "true" {
		// DryRun on the other actions checks only the credentials and the
		// common parameters (docs/api-shapes.md §1).
		return nil, errDryRun
	}
	return h, nil
}

func (s *Server) secret(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.revoked[id] || id != s.opts.AccessKeyID {
		return "", false
	}
	return s.opts.AccessKeySecret, true
}

// freshNonce records a signed request's nonce and reports whether it was
// unused, so a replayed signed URL is refused as the real service does.
func (s *Server) freshNonce(nonce string) bool { return s.nonces.fresh(nonce) }

// checkTimestamp applies the gateway's clock check: the Timestamp (or
// x-acs-date) is UTC ISO 8601 within nonceWindow of the server's clock.
func checkTimestamp(ts string, now time.Time) *apiError {
	t, err := time.Parse(time.RFC3339, ts)
	if err != nil {
		return errTimestampFormat
	}
	if d := now.Sub(t); d > nonceWindow || d < -nonceWindow {
		return errTimestampExpired
	}
	return nil
}

func (s *Server) count(action string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[action]++
}

// injectFault sleeps the latency, then draws throttling and 5xx faults.
func (s *Server) injectFault() *apiError {
	f, throttle, fail, which := s.drawFaults()
	if f.Latency > 0 {
		time.Sleep(f.Latency)
	}
	switch {
	case throttle < f.ThrottleRate:
		return errThrottled
	case fail < f.ErrorRate && which == 0:
		return errUnavailable
	case fail < f.ErrorRate:
		return errInternal
	}
	return nil
}

// drawFaults reads the faults and draws this call's chances.
func (s *Server) drawFaults() (f Faults, throttle, fail float64, which int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults, s.rng.Float64(), s.rng.Float64(), s.rng.IntN(2)
}

// dropAfterCommit draws whether to drop this committed call's response.
func (s *Server) dropAfterCommit() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rng.Float64() < s.faults.DropAfterCommit
}

// resolveRegion checks RegionId: every action but DescribeRegions needs it
// (the SDK always sends the client's region).
func (c *call) resolveRegion(action string) *apiError {
	id := c.p.Get("RegionId")
	if id == "" {
		if action == "DescribeRegions" || action == "DescribeInstanceTypes" || action == "DescribeInstanceTypeFamilies" {
			c.region, _ = c.s.world.Region("cn-hangzhou")
			return nil
		}
		return errMissing("RegionId")
	}
	r, ok := c.s.world.Region(id)
	if !ok {
		return errNoRegion
	}
	c.region = r
	return nil
}

// hostID is the endpoint the real service names in HostId.
func (c *call) hostID() string {
	if c.p.Get("Version") == vpcVersion {
		return "vpc.aliyuncs.com"
	}
	if c.region.RegionId == "" {
		return "ecs.aliyuncs.com"
	}
	return c.region.Endpoint()
}

func (s *Server) newRequestID() string {
	a, b := s.draw2()
	return strings.ToUpper(fmt.Sprintf("%08X-%04X-4%03X-%04X-%012X",
		uint32(a), uint16(a>>32), uint16(a>>48)&0xFFF, uint16(b)&0x3FFF|0x8000, b>>16&0xFFFFFFFFFFFF))
}

func (s *Server) draw2() (a, b uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rng.Uint64(), s.rng.Uint64()
}

// dropConnection closes the connection without a response, as a network
// failure after the server committed would.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
