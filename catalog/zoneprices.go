package catalog

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// ZonePrices is the price of one instance of every type available in a zone
// for a billing: what the wizard sorts the type table by. Each price is
// the type's own line of DescribePrice (no disk, no bandwidth), per Unit.
type ZonePrices struct {
	RegionId string  `json:"RegionId"`
	ZoneId   string  `json:"ZoneId"`
	Billing  Billing `json:"Billing"`
	// Unit is Hour for pay-as-you-go and spot, Week, Month or Year for a
	// subscription.
	Unit     PriceUnit `json:"Unit"`
	Currency string    `json:"Currency"`
	// Prices are by InstanceTypeId; a type whose price failed is missing
	// (ZonePricesError lists it).
	Prices map[string]Price `json:"Prices"`
}

// For reports whether z answers the question asked (region, zone,
// billing, unit): the wizard drops an answer for which it does not.
func (z ZonePrices) For(regionID, zoneID string, b Billing, u PriceUnit) bool {
	nb := b.normalized()
	want, err := nb.priceUnit(u)
	return err == nil && z.RegionId == regionID && z.ZoneId == zoneID && z.Billing == nb && z.Unit == want
}

// Cheapest lists the priced types by TradePrice, cheapest first (ties by
// InstanceTypeId, so the order is stable).
func (z ZonePrices) Cheapest() []string {
	ids := make([]string, 0, len(z.Prices))
	for id := range z.Prices {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(z.Prices[a].TradePrice, z.Prices[b].TradePrice), cmp.Compare(a, b))
	})
	return ids
}

// ZonePricesError names the types whose price could not be had; the
// ZonePrices returned with it holds the others.
type ZonePricesError struct {
	Total  int              // types asked
	Failed map[string]error // by InstanceTypeId
}

// Error names how many failed, a few of them and the first cause.
func (e *ZonePricesError) Error() string {
	ids := make([]string, 0, len(e.Failed))
	for id := range e.Failed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	shown := ids[:min(len(ids), 3)]
	more := ""
	if len(ids) > len(shown) {
		more = ", …"
	}
	return i18n.T("no price for %d of %d types (%s%s): %v", len(ids), e.Total, strings.Join(shown, ", "), more, e.Failed[ids[0]])
}

// zonePriceKind is where a billing's zone prices are cached: a day, ten
// minutes for spot prices (they change by the hour).
func zonePriceKind(b Billing) kind {
	if b.spotStrategy() != "" {
		return kindZoneSpotPrices
	}
	return kindZonePrices
}

// ZonePrices prices every type available in a zone ("" = available in any
// zone, priced with no ZoneId) for a billing, per unit ("" = the billing's
// own: Hour for pay-as-you-go and spot, Month for PrePaid; PrePaid also
// takes Week or Year). It makes one DescribePrice per type not already
// priced, PriceConcurrency at a time, and keeps the prices a day (spot ten
// minutes): in memory, and on disk as one file per region, zone, billing
// and unit, so a warm call makes no call at all.
//
// progress, when set, is told (done, total) once with what the cache
// already had, then after every type priced; calls never overlap and done
// only grows, so the wizard can show "pricing 120/320" and sort once done
// == total. A concurrent call for the same zone shares the calls in flight.
// The types whose price failed are missing from Prices and listed by a
// *ZonePricesError; when ctx ends, ZonePrices returns ctx's error and the
// prices had so far stay cached for the next call.
func (c *Catalog) ZonePrices(ctx context.Context, regionID, zoneID string, billing Billing, unit PriceUnit, progress func(done, total int)) (ZonePrices, error) {
	b := billing.normalized()
	u, err := b.priceUnit(unit)
	if err != nil {
		return ZonePrices{}, err
	}
	out := ZonePrices{RegionId: regionID, ZoneId: zoneID, Billing: b, Unit: u, Prices: map[string]Price{}}
	ids, err := c.availableTypes(ctx, regionID, zoneID, b)
	if err != nil {
		return out, err
	}
	zk := zonePriceKind(b)
	zonePath := c.path(zk, regionID, zonePriceKey(zoneID, b, u))
	c.seedTypePrices(zk, zonePath, regionID, zoneID, b, u)

	pk := priceKind(b)
	oldest := c.opts.Now()
	var missing []string
	for _, id := range ids {
		if e, ok := c.lookup(c.path(pk, regionID, priceKey(zoneID, id, b, u))); ok && c.fresh(zk, e.fetched) {
			out.Prices[id] = e.data.(Price)
			oldest = minTime(oldest, e.fetched)
			continue
		}
		missing = append(missing, id)
	}
	tick := progressCounter(progress, len(ids)-len(missing), len(ids))
	fetched, failed := c.priceTypes(ctx, regionID, zoneID, b, u, missing, tick)
	for id, p := range fetched {
		out.Prices[id] = p
	}
	for _, p := range out.Prices {
		out.Currency = firstOf(out.Currency, p.Currency)
	}
	if err := ctx.Err(); err != nil {
		return out, err
	}
	if len(fetched) > 0 && len(failed) == 0 {
		c.storeAt(zk, zonePath, out.Prices, oldest)
	}
	if len(failed) > 0 {
		return out, &ZonePricesError{Total: len(ids), Failed: failed}
	}
	return out, nil
}

func zonePriceKey(zone string, b Billing, u PriceUnit) string {
	return strings.Join([]string{b.key(), string(u), firstOf(zone, "any")}, "-")
}

// availableTypes lists the types available in a zone (any zone for "").
// A zone whose stock failed to load lists nothing: its error is returned.
func (c *Catalog) availableTypes(ctx context.Context, region, zone string, b Billing) ([]string, error) {
	types, err := c.InstanceTypes(ctx, region, zone, b)
	var ids []string
	for _, t := range types {
		if t.Status == Available {
			ids = append(ids, t.InstanceTypeId)
		}
	}
	if len(ids) == 0 && err != nil {
		return nil, err
	}
	return ids, nil
}

// seedTypePrices loads a zone's price file (memory, else disk unless
// Refresh) into the per-type memory entries ZonePrices, TypePrice and
// InstanceTypes read, keeping the file's fetch time. A stale file seeds
// nothing: its types are priced again.
func (c *Catalog) seedTypePrices(zk kind, zonePath, region, zone string, b Billing, u PriceUnit) {
	e, ok := c.lookup(zonePath)
	if !ok && !c.opts.Refresh {
		e, ok = loadDisk[map[string]Price](c, zk, zonePath)
	}
	if !ok || !c.fresh(zk, e.fetched) {
		return
	}
	pk := priceKind(b)
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, p := range e.data.(map[string]Price) {
		tp := c.path(pk, region, priceKey(zone, id, b, u))
		if cur, ok := c.memory[tp]; !ok || cur.fetched.Before(e.fetched) {
			c.memory[tp] = entry{fetched: e.fetched, data: p}
		}
	}
}

// priceTypes asks DescribePrice for each type, all at once (the price
// semaphore bounds the calls in flight); each price lands in memory as it
// arrives, so an interrupted run resumes where it stopped.
func (c *Catalog) priceTypes(ctx context.Context, region, zone string, b Billing, u PriceUnit, ids []string, tick func()) (map[string]Price, map[string]error) {
	var mu sync.Mutex
	got, failed := map[string]Price{}, map[string]error{}
	var wg sync.WaitGroup
	memKind := priceKind(b)
	memKind.memOnly = true
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := fetchShared(ctx, c, memKind, c.path(memKind, region, priceKey(zone, id, b, u)), func(ctx context.Context) (Price, error) {
				a, err := c.describePrice(ctx, region, func() *ecs.DescribePriceRequest { return typePriceRequest(region, zone, id, b, u) })
				return a.typeFigure(), err
			})
			mu.Lock()
			if err != nil {
				failed[id] = err
			} else {
				got[id] = p
			}
			mu.Unlock()
			tick()
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		return got, nil
	}
	return got, failed
}

// progressCounter reports done/total to progress (if any): once now, then
// once per tick, serialised.
func progressCounter(progress func(done, total int), done, total int) func() {
	if progress == nil {
		return func() {}
	}
	var mu sync.Mutex
	progress(done, total)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		progress(done, total)
	}
}

// storeAt keeps a value as fetched at a given time (the oldest of the
// prices it gathers, so merging a few new prices into a day-old file does
// not make the old ones look new).
func (c *Catalog) storeAt(k kind, p string, v any, fetched time.Time) {
	c.mu.Lock()
	c.memory[p] = entry{fetched: fetched, data: v}
	c.mu.Unlock()
	data, err := json.Marshal(file[any]{Version: cacheVersion, Kind: k.name, FetchedAt: fetched, Data: v})
	if err == nil {
		_ = writeAtomic(p, data)
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
