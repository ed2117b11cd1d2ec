package request

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

// SDK builds a fresh *ecs.RunInstancesRequest: SDK request objects keep
// their query parameters once sent, so one must never be reused
// (docs/sdk-notes.md §2). Environment references must be resolved first.
func (r *Request) SDK() (*ecs.RunInstancesRequest, error) {
	req := ecs.CreateRunInstancesRequest()
	root := reflect.ValueOf(req).Elem()
	for _, p := range r.Params() {
		if IsReference(p.Value) {
			return nil, fmt.Errorf("%s: unresolved reference %q (resolve the request first)", p.Name, p.Value)
		}
		if p.Name == "RegionId" {
			req.RegionId = p.Value
			continue
		}
		s := byPattern[PatternOf(p.Name)]
		if err := setSDK(root, s.sdkPath, indexesOf(p.Name), p.Value); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Name, err)
		}
	}
	return req, nil
}

// indexesOf returns the 1-based list indexes in a flat key, in order.
func indexesOf(key string) []int {
	var out []int
	for _, s := range strings.Split(key, ".") {
		if isIndex(s) {
			n, _ := strconv.Atoi(s)
			out = append(out, n)
		}
	}
	return out
}

// setSDK walks path from v, growing repeat lists to the needed index, and
// stores value in the final string-kinded field.
func setSDK(v reflect.Value, path []sdkStep, idx []int, value string) error {
	for _, st := range path {
		f := v.Field(st.field)
		if !st.repeated {
			v = f
			continue
		}
		if len(idx) == 0 {
			return fmt.Errorf("missing list index")
		}
		i := idx[0] - 1
		idx = idx[1:]
		if f.IsNil() {
			f.Set(reflect.New(f.Type().Elem()))
		}
		s := f.Elem()
		for s.Len() <= i {
			s.Set(reflect.Append(s, reflect.Zero(s.Type().Elem())))
		}
		v = s.Index(i)
	}
	if v.Kind() != reflect.String {
		return fmt.Errorf("not a scalar parameter")
	}
	v.SetString(value)
	return nil
}
