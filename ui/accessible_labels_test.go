package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Accessible questions name the API parameter they fill; the wizard's own
// keys ("ui.VpcId", "ui.Login") are internal and must not be printed.
func TestAccessibleQuestionsDoNotShowInternalKeys(t *testing.T) {
	o := sandboxOptions(t)
	var out bytes.Buffer
	o.In = strings.NewReader(strings.Repeat("\n", 60) + "7\n")
	o.Out = &out
	o.Accessible = true
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "VPC") || !strings.Contains(out.String(), "Log in with") {
		t.Fatalf("the VPC or login question is missing:\n%s", out.String())
	}
	if strings.Contains(out.String(), "(ui.") {
		t.Fatalf("an internal key is shown:\n%s", out.String())
	}
}
