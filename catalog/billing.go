package catalog

// The InstanceChargeType and SpotStrategy values (docs/rules.md: InstanceChargeType
// PostPaid default | PrePaid; SpotStrategy NoSpot default, PostPaid only).
const (
	PostPaid = "PostPaid"
	PrePaid  = "PrePaid"
	NoSpot   = "NoSpot"
)

// chargeType is the billing's InstanceChargeType, PostPaid by default.
func (b Billing) chargeType() string {
	if b.InstanceChargeType == "" {
		return PostPaid
	}
	return b.InstanceChargeType
}

// spotStrategy is the SpotStrategy to send: only pay-as-you-go instances can
// be spot, and NoSpot is the API's default, so it is left out.
func (b Billing) spotStrategy() string {
	if b.chargeType() != PostPaid || b.SpotStrategy == NoSpot {
		return ""
	}
	return b.SpotStrategy
}

// key names the billing in cache paths ("PostPaid-NoSpot").
func (b Billing) key() string {
	return b.chargeType() + "-" + firstOf(b.spotStrategy(), NoSpot)
}

// normalized fills the defaults, so equal billings compare equal.
func (b Billing) normalized() Billing {
	return Billing{InstanceChargeType: b.chargeType(), SpotStrategy: firstOf(b.spotStrategy(), NoSpot)}
}
