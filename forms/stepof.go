package forms

import "strings"

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
