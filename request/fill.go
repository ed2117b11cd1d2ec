package request

import (
	"fmt"
	"reflect"
	"strings"
)

// FillSDK sets flat parameters on a classic-SDK request struct of any
// action (dst is a pointer, e.g. *ecs.CreateLaunchTemplateRequest), by the
// same `name`/`type` tags the SDK flattens on the wire, so a request made
// from flat parameters sends exactly those names. RegionId, which lives in
// the embedded RpcRequest, is the caller's to set. The names dst has no
// field for are returned, not set.
func FillSDK(dst any, ps []Param) (missing []string, err error) {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("FillSDK: %T is not a pointer to an SDK request struct", dst)
	}
	var found []Spec
	walkSDK(v.Elem().Type(), "", nil, &found)
	paths := make(map[string][]sdkStep, len(found))
	for _, s := range found {
		paths[s.Pattern] = s.sdkPath
	}
	for _, p := range ps {
		path, ok := paths[genericPattern(p.Name)]
		if !ok {
			missing = append(missing, p.Name)
			continue
		}
		if err := setSDK(v.Elem(), path, indexesOf(p.Name), p.Value); err != nil {
			return missing, fmt.Errorf("%s: %w", p.Name, err)
		}
	}
	return missing, nil
}

// genericPattern is a flat name with every list index replaced by N
// ("DataDisk.2.Size" → "DataDisk.N.Size"), whatever the action.
func genericPattern(key string) string {
	segs := strings.Split(key, ".")
	for i, s := range segs {
		if isIndex(s) {
			segs[i] = "N"
		}
	}
	return strings.Join(segs, ".")
}
