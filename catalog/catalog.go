package catalog

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/ecslaunch/ecslaunch/cloud"
)

// Defaults of Options.
const (
	DefaultConcurrency = 16
	// DefaultPriceConcurrency bounds the price calls in flight: pricing a
	// zone is one DescribePrice per type (300 and more), and 32 at once
	// prices 320 types in ten round trips.
	DefaultPriceConcurrency = 32
	DefaultMaxAttempts      = 5
	DefaultRetryBase        = 200 * time.Millisecond
	// backgroundTimeout bounds a stale entry's background refresh.
	backgroundTimeout = 2 * time.Minute
)

// Options tune a Catalog. The zero value is the production setting.
type Options struct {
	// CacheDir holds the disk cache; "" means os.UserCacheDir()/ecslaunch.
	CacheDir string
	// Refresh ignores what is on disk (--refresh); fetched data is still written.
	Refresh bool
	// Now is the clock TTLs are measured with; nil means time.Now.
	Now func() time.Time
	// Concurrency bounds the API calls in flight; 0 means DefaultConcurrency.
	Concurrency int
	// PriceConcurrency bounds the DescribePrice and DescribeSpotPriceHistory
	// calls in flight, apart from the others, so that pricing a zone never
	// holds up the lists the wizard waits for; 0 means
	// DefaultPriceConcurrency.
	PriceConcurrency int
	// PageSize caps every list's page size (tests use small pages); 0 means
	// each API's maximum.
	PageSize int
	// MaxAttempts bounds the tries of one call (throttling, 5xx); 0 means
	// DefaultMaxAttempts.
	MaxAttempts int
	// RetryBase is the first backoff; it doubles per attempt, with jitter.
	RetryBase time.Duration
	// OnCall, when set, is told the Action of every API attempt.
	OnCall func(action string)
	// AcceptLanguage is the language of the LocalNames DescribeRegions and
	// DescribeZones answer with ("en-US", "zh-CN"); "" follows the
	// language of the messages (i18n): zh-CN in Chinese, else en-US.
	AcceptLanguage string
}

// Catalog reads the ECS Describe APIs through a session, with a disk cache
// and bounded, retried calls. It implements Reader and rules.Catalog and is
// safe for concurrent use.
type Catalog struct {
	s    *cloud.Session
	opts Options
	dir  string
	sem  chan struct{}
	// priceSem bounds the price calls (Options.PriceConcurrency).
	priceSem chan struct{}

	mu     sync.Mutex
	memory map[string]entry // by cache path
	flight singleflight.Group

	bgMu       sync.Mutex // orders bg.Add against Close, guards refreshing
	closed     bool
	refreshing map[string]bool // paths with a background refresh running
	bg         sync.WaitGroup
	bgCtx      context.Context
	bgCancel   context.CancelFunc
}

// New returns a catalog reading through s.
func New(s *cloud.Session, o Options) *Catalog {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.PriceConcurrency <= 0 {
		o.PriceConcurrency = DefaultPriceConcurrency
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.RetryBase <= 0 {
		o.RetryBase = DefaultRetryBase
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	c := &Catalog{s: s, opts: o, sem: make(chan struct{}, o.Concurrency), priceSem: make(chan struct{}, o.PriceConcurrency),
		memory: map[string]entry{}, refreshing: map[string]bool{}}
	c.dir = cacheRoot(o.CacheDir, s)
	c.bgCtx, c.bgCancel = context.WithCancel(context.Background())
	return c
}

// cacheRoot is the directory of this endpoint and credential's cache: the
// key is a hash, so neither the AccessKeyId nor the endpoint shows in the
// path. It covers the whole credential, secret included: keyed by the
// AccessKeyId alone, a wrong secret got the right one's cached answers.
func cacheRoot(dir string, s *cloud.Session) string {
	if dir == "" {
		if base, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(base, "ecslaunch")
		} else {
			dir = filepath.Join(os.TempDir(), "ecslaunch-cache")
		}
	}
	return filepath.Join(dir, scopeKey(s.Endpoint(), s.CredentialKey()))
}

// Wait blocks until the background refreshes started so far have finished.
func (c *Catalog) Wait() { c.bg.Wait() }

// Close cancels background refreshes, waits for them and closes the
// session's idle connections.
func (c *Catalog) Close() {
	c.bgMu.Lock()
	c.closed = true
	c.bgMu.Unlock()
	c.bgCancel()
	c.bg.Wait()
	c.s.CloseIdleConnections()
}

// Session is the session the catalog reads through.
func (c *Catalog) Session() *cloud.Session { return c.s }
