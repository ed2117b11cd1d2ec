package catalog

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/atomicfile"
)

// kind is a cached list with its time-to-live.
type kind struct {
	name string
	ttl  time.Duration
	// memOnly entries are kept in memory only: a zone's type prices are
	// written to disk once, together (kindZonePrices), not as 300 files.
	memOnly bool
	// noStale entries are fetched again once their TTL has passed rather
	// than served stale while a refresh runs: a spot price an hour old may
	// be wrong by now.
	noStale bool
}

// The cached kinds. Catalog data changes rarely; account resources change
// when the user works in the console; stock changes by the minute.
var (
	kindRegions  = kind{name: "regions", ttl: 24 * time.Hour}
	kindZones    = kind{name: "zones", ttl: 24 * time.Hour}
	kindTypes    = kind{name: "instance-types", ttl: 24 * time.Hour}
	kindFamilies = kind{name: "instance-type-families", ttl: 24 * time.Hour}
	kindImages   = kind{name: "images", ttl: 24 * time.Hour}
	// The type price kinds are named "type-…": an older cache under
	// "price" held the whole quote (default disk included), not the type's
	// own line, and must not be read as one.
	kindPrice = kind{name: "type-price", ttl: 24 * time.Hour}
	// kindSpotPrice: a spot price changes by the hour.
	kindSpotPrice = kind{name: "type-spot-price", ttl: 10 * time.Minute}
	// kindZonePrices is every available type's price in a zone, one file.
	kindZonePrices     = kind{name: "zone-type-prices", ttl: 24 * time.Hour}
	kindZoneSpotPrices = kind{name: "zone-type-spot-prices", ttl: 10 * time.Minute}
	kindSpotHistory    = kind{name: "spot-history", ttl: 5 * time.Minute, noStale: true}
	kindTrafficPrice   = kind{name: "traffic-price", ttl: 24 * time.Hour}
	kindVPCs           = kind{name: "vpcs", ttl: 5 * time.Minute}
	kindVSwitch        = kind{name: "vswitches", ttl: 5 * time.Minute}
	kindSGs            = kind{name: "security-groups", ttl: 5 * time.Minute}
	kindKeyPairs       = kind{name: "key-pairs", ttl: 5 * time.Minute}
	kindStock          = kind{name: "stock", ttl: time.Minute}
	kindDisks          = kind{name: "disks", ttl: time.Minute}
)

// cacheVersion changes when a cached shape changes; older files are ignored.
const cacheVersion = 1

// entry is a cached value with the time it was fetched.
type entry struct {
	fetched time.Time
	data    any
}

// file is the on-disk form of an entry. It holds API data only: no
// credentials, no endpoint, no request.
type file[T any] struct {
	Version   int       `json:"Version"`
	Kind      string    `json:"Kind"`
	FetchedAt time.Time `json:"FetchedAt"`
	Data      T         `json:"Data"`
}

// scopeKey names the cache directory of one endpoint and account.
func scopeKey(endpoint, account string) string {
	sum := sha256.Sum256([]byte("ecslaunch-cache\x00" + endpoint + "\x00" + account))
	return hex.EncodeToString(sum[:8])
}

// path is where a kind's entry for a region (and sub-key) lives.
func (c *Catalog) path(k kind, region, sub string) string {
	name := k.name
	if sub != "" {
		name += "-" + safeName(sub)
	}
	return filepath.Join(c.dir, safeName(firstOf(region, "global")), name+".json")
}

// safeName keeps a path element to [A-Za-z0-9._-].
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '_'
	}, s)
}

func firstOf(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (c *Catalog) fresh(k kind, fetched time.Time) bool {
	age := c.opts.Now().Sub(fetched)
	return age >= 0 && age < k.ttl
}

// cached returns a kind's data: fresh from memory or disk at once; stale at
// once while one background refresh replaces it; missing (or with Refresh)
// from the API, one fetch per key however many callers wait.
func cached[T any](ctx context.Context, c *Catalog, k kind, region, sub string, fetch func(context.Context) (T, error)) (T, error) {
	if region == "" && k != kindRegions {
		var zero T
		return zero, errNoRegion
	}
	p := c.path(k, region, sub)
	if e, ok := c.lookup(p); ok && (!k.noStale || c.fresh(k, e.fetched)) {
		if !c.fresh(k, e.fetched) {
			refreshInBackground(c, k, p, fetch)
		}
		return e.data.(T), nil
	}
	return fetchShared(ctx, c, k, p, fetch)
}

// lookup finds an entry in memory.
func (c *Catalog) lookup(p string) (entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.memory[p]
	return e, ok
}

// loadDisk reads and decodes p into the memory layer. A file that does not
// decode (corrupt, another version, another kind) is ignored: the fetch that
// follows rewrites it.
func loadDisk[T any](c *Catalog, k kind, p string) (entry, bool) {
	data, err := os.ReadFile(p)
	if err != nil {
		return entry{}, false
	}
	var f file[T]
	if json.Unmarshal(data, &f) != nil || f.Version != cacheVersion || f.Kind != k.name || f.FetchedAt.IsZero() {
		return entry{}, false
	}
	e := entry{fetched: f.FetchedAt, data: f.Data}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur, ok := c.memory[p]; ok && !cur.fetched.Before(e.fetched) {
		return cur, true
	}
	c.memory[p] = e
	return e, true
}

// fetchShared fetches once per path for all concurrent callers, each of
// whom may give up on its own context.
func fetchShared[T any](ctx context.Context, c *Catalog, k kind, p string, fetch func(context.Context) (T, error)) (T, error) {
	ch := c.flight.DoChan(p, func() (any, error) {
		if !c.opts.Refresh && !k.memOnly {
			if e, ok := loadDisk[T](c, k, p); ok && (!k.noStale || c.fresh(k, e.fetched)) {
				if c.fresh(k, e.fetched) {
					return e.data, nil
				}
				refreshInBackground(c, k, p, fetch)
				return e.data, nil
			}
		}
		v, err := fetch(ctx)
		if err != nil {
			return nil, err
		}
		c.store(k, p, v)
		return v, nil
	})
	var zero T
	select {
	case r := <-ch:
		if r.Err != nil {
			if errors.Is(r.Err, context.Canceled) && ctx.Err() == nil {
				// Another caller's cancellation ended the shared fetch.
				return fetchShared(ctx, c, k, p, fetch)
			}
			return zero, r.Err
		}
		return r.Val.(T), nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// refreshInBackground replaces a stale entry; the caller already has the
// stale data. At most one refresh per path runs at a time.
func refreshInBackground[T any](c *Catalog, k kind, p string, fetch func(context.Context) (T, error)) {
	c.bgMu.Lock()
	defer c.bgMu.Unlock()
	if c.closed || c.refreshing[p] {
		return
	}
	c.refreshing[p] = true
	c.bg.Add(1)
	go func() {
		defer c.bg.Done()
		defer func() {
			c.bgMu.Lock()
			delete(c.refreshing, p)
			c.bgMu.Unlock()
		}()
		if e, ok := c.lookup(p); ok && c.fresh(k, e.fetched) {
			return // refreshed meanwhile
		}
		ctx, cancel := context.WithTimeout(c.bgCtx, backgroundTimeout)
		defer cancel()
		if v, err := fetch(ctx); err == nil {
			c.store(k, p, v)
		}
	}()
}

// store keeps a fetched value in memory and writes it to disk. A cache
// that cannot be written costs speed, never correctness: errors are dropped.
func (c *Catalog) store(k kind, p string, v any) {
	now := c.opts.Now()
	c.mu.Lock()
	c.memory[p] = entry{fetched: now, data: v}
	c.mu.Unlock()
	if k.memOnly {
		return
	}
	data, err := json.Marshal(file[any]{Version: cacheVersion, Kind: k.name, FetchedAt: now, Data: v})
	if err != nil {
		return
	}
	_ = writeAtomic(p, data)
}

// writeAtomic writes data to p through atomicfile (a temporary file in the
// same directory and a rename), so a reader never sees half a file.
// Directories are 0700 and files 0600: the lists name the user's resources.
// Unsynced: a fetch waits for its write, and a file a crash tore reads as
// corrupt and is fetched again.
func writeAtomic(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteFS(atomicfile.Unsynced{}, p, data, 0o600)
}
