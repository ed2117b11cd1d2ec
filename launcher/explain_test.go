package launcher

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/apidoc"
	"github.com/ecslaunch/ecslaunch/request"
)

func TestExplainGivesTheFlatParameterToJumpTo(t *testing.T) {
	req, err := request.FromParams([]request.Param{
		{Name: "DataDisk.1.Size", Value: "40"}, {Name: "DataDisk.2.Size", Value: "99999"}, {Name: "Tag.1.Key", Value: "env"},
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ code, msg, want string }{
		{"InvalidDataDiskSize.ValueNotSupported", "The specified parameter dataDisk.2.size is not valid.", "DataDisk.2.Size"},
		{"InvalidDataDiskSize.ValueNotSupported", "The size is not valid.", "DataDisk.N.Size"}, // two disks: cannot tell
		{"InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid.", "Tag.1.Key"},      // the only tag
		{"InvalidSystemDiskSize.LessThanImageSize", "The specified parameter SystemDisk.Size is less than the image size.", "SystemDisk.Size"},
		{"MissingParameter", `The input parameter "VSwitchId" that is mandatory for processing this request is not supplied.`, "VSwitchId"},
	}
	for _, c := range cases {
		expl, p := explain(req, c.code, c.msg)
		if p != c.want {
			t.Errorf("%s %q: parameter %q, want %q", c.code, c.msg, p, c.want)
		}
		if expl == "" {
			t.Errorf("%s: no explanation", c.code)
		}
	}
	if expl, _ := explain(req, "No.Such.Code", "ECS's own words"); expl != "ECS's own words" {
		t.Errorf("unknown code explained as %q", expl)
	}
}

func TestDryRunExplainsEveryDocumentedCode(t *testing.T) {
	req := testRequest(t, "1")
	codes := apidoc.Codes()
	if len(codes) < 50 {
		t.Fatalf("apidoc knows only %d codes", len(codes))
	}
	for _, doc := range codes {
		res := dryRunVerdict(req, serverError(max(doc.HTTPStatus, 400), doc.Code, doc.Message))
		if doc.Code == DryRunPassed {
			if !res.Passed {
				t.Errorf("%s did not pass", doc.Code)
			}
			continue
		}
		if res.Passed || res.Code != doc.Code || res.Explanation == "" {
			t.Errorf("%s: %+v", doc.Code, res)
		}
		if res.Parameter != "" {
			if _, ok := request.Lookup(res.Parameter); !ok {
				t.Errorf("%s: parameter %q is not a RunInstances parameter", doc.Code, res.Parameter)
			}
		}
	}
}

// TestAmountIsNotExplainedAsAFixedPrivateIP: ECS answers InvalidParam.Amount
// to a malformed Amount ("five") too; the explanation once blamed a fixed
// private IP, which today's API allows with Amount > 1 (docs/rules.md T2-11).
func TestAmountIsNotExplainedAsAFixedPrivateIP(t *testing.T) {
	req := testRequest(t, "1")
	_ = req.Set("Amount", "five")
	res := dryRunVerdict(req, serverError(403, "InvalidParam.Amount", "The specified parameter Amount is not valid."))
	if res.Parameter != "Amount" || strings.Contains(strings.ToLower(res.Explanation), "private ip") ||
		!strings.Contains(res.Explanation, "whole number from 1 to 1000") {
		t.Fatalf("explained as %q on %q", res.Explanation, res.Parameter)
	}
}
