package catalog

import "os"

// ForgetNetwork drops a region's cached VPCs, vSwitches, security groups
// and key pairs, in memory and on disk, so that the next read asks the API:
// once the wizard has created one of them, a cached list (kept for five
// minutes) would not hold it, and a check against it would call it
// missing.
func (c *Catalog) ForgetNetwork(region string) {
	for _, k := range []kind{kindVPCs, kindVSwitch, kindSGs, kindKeyPairs} {
		p := c.path(k, region, "")
		c.mu.Lock()
		delete(c.memory, p)
		c.mu.Unlock()
		if c.dir != "" {
			_ = os.Remove(p)
		}
	}
}
