package ui

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/forms"
	"github.com/ecslaunch/ecslaunch/request"
)

// A sold-out type is one problem: the review lists it once, not once per
// check (the offline catalog fit and the online rule).
func TestASoldOutTypeIsOneFindingInTheReview(t *testing.T) {
	o := sandboxOptions(t)
	m := toStep(t, start(t, o), forms.Review)
	req := m.c.Request().Clone()
	for k, v := range map[string]string{"ZoneId": "cn-hangzhou-j", "InstanceType": "ecs.g7.large"} {
		if err := req.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	req.Delete("VSwitchId")
	o.From = &request.File{Version: 1, Request: req}
	m = start(t, o)
	if !m.c.Review().Online {
		t.Fatalf("the online findings did not arrive")
	}
	n := 0
	for _, f := range m.c.Review().Findings {
		if f.Parameter == "InstanceType" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d findings for InstanceType: %+v", n, m.c.Review().Findings)
	}
}
