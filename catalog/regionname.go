package catalog

import (
	"context"
	"regexp"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// BuiltinRegionIDs are the public Alibaba Cloud region IDs ecslaunch knows
// without asking DescribeRegions (2025, closed and finance regions
// included: a list that is too long only suggests less). It is for
// offline commands; an account's DescribeRegions is the truth.
var BuiltinRegionIDs = []string{
	"cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
	"cn-hangzhou", "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-wuhan-lr",
	"cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-hongkong",
	"cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-beijing-finance-1",
	"ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ap-south-1",
	"us-east-1", "us-west-1", "eu-west-1", "eu-central-1",
	"me-east-1", "me-central-1", "na-south-1",
}

// UnknownRegionError is a region ID that is not in the list it was checked
// against, with the closest known one when it looks like a typo of it.
type UnknownRegionError struct {
	Region     string
	Suggestion string // "" when no known ID is close
	// Known is the list checked against, for a message without a
	// suggestion.
	Known []string
}

// Error is "unknown region cn-hangzou; did you mean cn-hangzhou?", or the
// known IDs when none is close.
func (e *UnknownRegionError) Error() string {
	if e.Suggestion != "" {
		return i18n.T("unknown region %s; did you mean %s?", e.Region, e.Suggestion)
	}
	return i18n.T("unknown region %s; known regions: %s", e.Region, strings.Join(e.Known, ", "))
}

// CheckRegion returns nil when id is one of known, else an
// *UnknownRegionError with SuggestRegion's suggestion.
func CheckRegion(id string, known []string) error {
	for _, k := range known {
		if k == id {
			return nil
		}
	}
	return &UnknownRegionError{Region: id, Suggestion: SuggestRegion(id, known), Known: known}
}

// SuggestRegion returns the known region ID a mistyped one most likely
// means ("cn-hangzou", "CN-Hangzhou" and "hangzhou" → "cn-hangzhou"), or ""
// when none is close: the same ID in another case, the only one ending in
// -id, else the nearest by edit distance within a quarter of its length
// (at least 2). Ties go to the earlier one in known.
func SuggestRegion(id string, known []string) string {
	low := strings.ToLower(strings.TrimSpace(id))
	if low == "" {
		return ""
	}
	var suffixed []string
	for _, k := range known {
		if k == low {
			return k
		}
		if strings.HasSuffix(k, "-"+low) {
			suffixed = append(suffixed, k)
		}
	}
	if len(suffixed) == 1 {
		return suffixed[0]
	}
	best, bestD := "", max(2, len(low)/4)+1
	for _, k := range known {
		if d := levenshtein.Distance(low, k, nil); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// DiffersOnlyInDigits reports whether a and b are the same ID but for
// their digits ("ap-southeast-8" and "ap-southeast-7"): a new numbered
// region rather than a typo, which an offline list cannot tell apart.
func DiffersOnlyInDigits(a, b string) bool {
	return a != b && digits.ReplaceAllString(a, "#") == digits.ReplaceAllString(b, "#")
}

var digits = regexp.MustCompile(`[0-9]+`)

// RegionIDs lists the region IDs DescribeRegions gives the account
// (cached a day, like Regions).
func (c *Catalog) RegionIDs(ctx context.Context) ([]string, error) {
	rs, err := c.regions(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(rs))
	for _, r := range rs {
		ids = append(ids, r.RegionId)
	}
	return ids, nil
}
