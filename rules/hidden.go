package rules

import (
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/safetext"
)

// freeText are the last name segments of the String parameters whose
// value is free text (or a name with its own charset rule): any character
// may stand there, and printing escapes the hidden ones.
var freeText = map[string]bool{"InstanceName": true, "HostName": true, "HostNames": true, "Description": true,
	"DiskName": true, "NetworkInterfaceName": true, "Password": true, "UserData": true, "Value": true}

// hiddenRules refuse invisible and direction characters (U+200B, U+200F,
// U+202E, control characters, …; safetext.IsHidden) in every ID, type and
// enumerated value: no ECS identifier contains one, and one makes a value
// look like another on screen (issue 17 item 14). ECS would answer
// …NotFound or InvalidParameter; the finding says which character and where.
func hiddenRules() []Rule {
	var out []Rule
	for _, s := range request.Specs() {
		if s.Type != request.String || freeText[lastName(s.Pattern)] {
			continue
		}
		r := custom("", s.Pattern, "InvalidParameter",
			i18n.M("holds an invisible or direction character, which no ECS ID, type or setting contains"), nil, hiddenTest)
		r.ID, r.Kind = "hidden:"+s.Pattern, KindPattern
		out = append(out, r)
	}
	return out
}

func hiddenTest(e *env) (bool, string) {
	r, pos, ok := safetext.Hidden(e.val)
	if !ok {
		return false, ""
	}
	return true, i18n.T("visible characters only (found %s at character %d)", safetext.Name(r), pos)
}

// lastName is a pattern's last segment that is not a list index.
func lastName(pattern string) string {
	segs := strings.Split(pattern, ".")
	for i := len(segs) - 1; i >= 0; i-- {
		if segs[i] != "N" {
			return segs[i]
		}
	}
	return pattern
}
