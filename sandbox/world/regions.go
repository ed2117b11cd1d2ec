// Package world is the sandbox's embedded, deterministic Alibaba Cloud: real
// region and zone IDs, instance types from real families, public images,
// a default network per region and the price formula. Everything is generated
// from the compact tables in this package, so two sandboxes always agree.
package world

import (
	"strings"
	"unicode"
)

// Region is an ECS region with its zones.
type Region struct {
	RegionId string
	NameZh   string // LocalName for AcceptLanguage zh-CN (the default)
	NameEn   string // LocalName for AcceptLanguage en-US
	// Code is the region code real resource IDs carry after their prefix
	// ("bp" in vpc-bp1…, cn-hangzhou).
	Code string
	// PriceFactor multiplies the China-mainland list price.
	PriceFactor float64
	Zones       []Zone
	// prices are a recorded region's TypePrice per type (see TypeHourly);
	// nil for the embedded catalog.
	prices map[string]float64
}

// Zone is an availability zone.
type Zone struct {
	ZoneId string
	NameZh string
	NameEn string
	// Index is the zone's position in its region, 0 for the first zone.
	Index int
	// stock is a recorded zone's status per billing (StockKey) and type
	// (see Availability); nil for the embedded catalog.
	stock map[string]map[string]Status
}

// Endpoint is the region's ECS endpoint as DescribeRegions reports it and
// as errors name it in HostId (docs/api-shapes.md §1, §2).
func (r Region) Endpoint() string { return "ecs." + r.RegionId + ".aliyuncs.com" }

// regionRow is one line of the region table: the zone letters follow the
// region ID, as in the real zone IDs (cn-hangzhou-i).
type regionRow struct {
	id, zh, en, code string
	factor           float64
	zones            string
	zhPrefix         string // the Chinese name of the zone ("华东1 可用区")
	enCity           string // the English city used in zone names ("Hangzhou")
}

// regionTable lists real regions, their names as the console shows them and
// their real zone letters (2024).
var regionTable = []regionRow{
	{"cn-qingdao", "华北1（青岛）", "China (Qingdao)", "m5e", 1.0, "bc", "华北 1 可用区 ", "Qingdao"},
	{"cn-beijing", "华北2（北京）", "China (Beijing)", "2ze", 1.0, "acdefghijkl", "华北 2 可用区 ", "Beijing"},
	{"cn-zhangjiakou", "华北3（张家口）", "China (Zhangjiakou)", "8vb", 0.95, "abc", "华北 3 可用区 ", "Zhangjiakou"},
	{"cn-huhehaote", "华北5（呼和浩特）", "China (Hohhot)", "hp3", 0.95, "ab", "华北 5 可用区 ", "Hohhot"},
	{"cn-wulanchabu", "华北6（乌兰察布）", "China (Ulanqab)", "0jl", 0.9, "abc", "华北 6 可用区 ", "Ulanqab"},
	{"cn-hangzhou", "华东1（杭州）", "China (Hangzhou)", "bp", 1.0, "ijkbefgh", "华东 1 可用区 ", "Hangzhou"},
	{"cn-shanghai", "华东2（上海）", "China (Shanghai)", "uf6", 1.0, "lmnabefg", "华东 2 可用区 ", "Shanghai"},
	{"cn-nanjing", "华东5（南京-本地地域）", "China (Nanjing - Local Region)", "gc7", 1.05, "a", "华东 5 可用区 ", "Nanjing"},
	{"cn-fuzhou", "华东6（福州-本地地域）", "China (Fuzhou - Local Region)", "gs5", 1.05, "a", "华东 6 可用区 ", "Fuzhou"},
	{"cn-shenzhen", "华南1（深圳）", "China (Shenzhen)", "wz9", 1.0, "abcdef", "华南 1 可用区 ", "Shenzhen"},
	{"cn-heyuan", "华南2（河源）", "China (Heyuan)", "f8z", 0.95, "ab", "华南 2 可用区 ", "Heyuan"},
	{"cn-guangzhou", "华南3（广州）", "China (Guangzhou)", "7xv", 1.0, "ab", "华南 3 可用区 ", "Guangzhou"},
	{"cn-chengdu", "西南1（成都）", "China (Chengdu)", "2vc", 1.0, "ab", "西南 1 可用区 ", "Chengdu"},
	{"cn-hongkong", "中国香港", "China (Hong Kong)", "j6c", 1.3, "bcd", "香港 可用区 ", "Hong Kong"},
	{"ap-northeast-1", "日本（东京）", "Japan (Tokyo)", "6we", 1.35, "abc", "东京 可用区 ", "Tokyo"},
	{"ap-northeast-2", "韩国（首尔）", "South Korea (Seoul)", "mj7", 1.35, "a", "首尔 可用区 ", "Seoul"},
	{"ap-southeast-1", "新加坡", "Singapore", "t4n", 1.3, "abc", "新加坡 可用区 ", "Singapore"},
	{"ap-southeast-3", "马来西亚（吉隆坡）", "Malaysia (Kuala Lumpur)", "8ps", 1.3, "ab", "吉隆坡 可用区 ", "Kuala Lumpur"},
	{"ap-southeast-5", "印度尼西亚（雅加达）", "Indonesia (Jakarta)", "k1a", 1.3, "abc", "雅加达 可用区 ", "Jakarta"},
	{"ap-southeast-6", "菲律宾（马尼拉）", "Philippines (Manila)", "6lh", 1.35, "a", "马尼拉 可用区 ", "Manila"},
	{"ap-southeast-7", "泰国（曼谷）", "Thailand (Bangkok)", "2lj", 1.35, "a", "曼谷 可用区 ", "Bangkok"},
	{"us-east-1", "美国（弗吉尼亚）", "US (Virginia)", "0xi", 1.25, "ab", "弗吉尼亚 可用区 ", "Virginia"},
	{"us-west-1", "美国（硅谷）", "US (Silicon Valley)", "rj9", 1.25, "ab", "硅谷 可用区 ", "Silicon Valley"},
	{"eu-west-1", "英国（伦敦）", "UK (London)", "d7o", 1.4, "ab", "伦敦 可用区 ", "London"},
	{"eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)", "gw8", 1.4, "abc", "法兰克福 可用区 ", "Frankfurt"},
	{"me-east-1", "阿联酋（迪拜）", "UAE (Dubai)", "eb3", 1.45, "a", "迪拜 可用区 ", "Dubai"},
	{"me-central-1", "沙特（利雅得）", "SAU (Riyadh - Partner Region)", "l4v", 1.45, "a", "利雅得 可用区 ", "Riyadh"},
	{"na-south-1", "墨西哥", "Mexico", "f0c", 1.4, "a", "墨西哥 可用区 ", "Mexico"},
}

func buildRegions() []Region {
	out := make([]Region, 0, len(regionTable))
	for _, row := range regionTable {
		r := Region{RegionId: row.id, NameZh: row.zh, NameEn: row.en, Code: row.code, PriceFactor: row.factor}
		for i, letter := range row.zones {
			up := string(unicode.ToUpper(letter))
			r.Zones = append(r.Zones, Zone{
				ZoneId: zoneID(row.id, letter),
				NameZh: row.zhPrefix + up,
				NameEn: strings.TrimSpace(row.enCity) + " Zone " + up,
				Index:  i,
			})
		}
		out = append(out, r)
	}
	return out
}

// zoneID names a zone as the real API does: regions whose ID ends in a digit
// append the letter (ap-southeast-1a), the others add a dash (cn-hangzhou-i).
func zoneID(region string, letter rune) string {
	if last := region[len(region)-1]; last >= '0' && last <= '9' {
		return region + string(letter)
	}
	return region + "-" + string(letter)
}
