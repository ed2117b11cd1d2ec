package forms

import "strings"

// StepOf names the step that asks a parameter, so a finding on the review
// (or a failed DryRun) can jump to its field.
func StepOf(key string) StepID {
	switch {
	case key == "RegionId":
		return Region
	case key == "InstanceChargeType", strings.HasPrefix(key, "Period"), strings.HasPrefix(key, "AutoRenew"),
		strings.HasPrefix(key, "Spot"):
		return Billing
	case key == "ZoneId":
		return Zone
	case key == "InstanceType":
		return InstanceType
	case key == "ImageId", key == "ImageFamily":
		return Image
	case strings.HasPrefix(key, "SystemDisk."), strings.HasPrefix(key, "DataDisk."):
		return Storage
	case key == "VSwitchId", strings.HasPrefix(key, "SecurityGroupId"), strings.HasPrefix(key, "Internet"),
		key == "PrivateIpAddress", key == KeyVpc, key == KeySecurityGroups:
		return Network
	case key == "KeyPairName", strings.HasPrefix(key, "Password"), key == "InstanceName", key == "HostName",
		key == "UniqueSuffix", key == "Amount", key == "MinAmount", key == "Description", strings.HasPrefix(key, "Tag."),
		key == KeyLogin, key == KeyPasswordConfirm, key == KeyAddTag:
		return Access
	}
	return Advanced
}

// FieldFor returns the key of the field that edits a parameter: the
// security group lists are edited together, the rest by their own key.
func FieldFor(key string) string {
	if strings.HasPrefix(key, "SecurityGroupId") {
		return KeySecurityGroups
	}
	if key == "UserData" {
		return KeyUserDataText
	}
	return key
}

// FreeText reports whether a field takes arbitrary text, in which `?` is a
// character rather than the help key.
func FreeText(key string) bool {
	switch {
	case key == "Description", key == "Password", key == KeyPasswordConfirm, key == KeyUserDataText,
		key == KeyUserDataFile, strings.HasPrefix(key, "Tag."):
		return true
	}
	return false
}
