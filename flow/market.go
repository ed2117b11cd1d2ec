package flow

import (
	"context"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/i18n"
)

// marketplace is a catalog that lists marketplace images, which a
// region's load leaves out (DescribeImages lists them only when asked).
type marketplace interface {
	MarketplaceImages(ctx context.Context, region string) ([]catalog.Image, error)
}

// loadMarketplace lists the region's marketplace images.
type loadMarketplace struct{ region string }

// MarketplaceLoaded answers loadMarketplace.
type MarketplaceLoaded struct {
	Region string
	Images []catalog.Image
	Err    error
}

func (MarketplaceLoaded) result() {}

// Run asks the catalog; one that cannot list them answers none.
func (e loadMarketplace) Run(ctx context.Context, d Deps) Result {
	m, ok := d.Reader.(marketplace)
	if !ok {
		return MarketplaceLoaded{Region: e.region}
	}
	ims, err := m.MarketplaceImages(ctx, e.region)
	return MarketplaceLoaded{Region: e.region, Images: ims, Err: err}
}

// askMarketplace loads the marketplace images once per region's data.
func (c *Controller) askMarketplace() []Effect {
	if c.env.Data == nil || c.marketAsked == c.region() {
		return nil
	}
	c.marketAsked = c.region()
	return []Effect{loadMarketplace{region: c.region()}}
}

func (c *Controller) onMarketplace(r MarketplaceLoaded) {
	if r.Region != c.region() || c.env.Data == nil {
		return
	}
	if r.Err != nil {
		c.notice = i18n.T("The marketplace images did not load: %v", r.Err)
		return
	}
	have := map[string]bool{}
	for _, im := range c.env.Data.Images {
		have[im.ImageId] = true
	}
	for _, im := range r.Images {
		if !have[im.ImageId] {
			c.env.Data.Images = append(c.env.Data.Images, im)
		}
	}
	c.touch()
}
