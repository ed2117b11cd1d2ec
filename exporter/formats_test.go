package exporter

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"gopkg.in/yaml.v3"

	"github.com/ecslaunch/ecslaunch/request"
)

// Each format's default file name has the extension of what its writer
// produces: a shell script, YAML, JSON or HCL.
func TestDefaultFileNamesMatchWhatTheWriterProduces(t *testing.T) {
	req := request.New()
	for k, v := range map[string]string{"RegionId": "cn-hangzhou", "ImageId": "img", "InstanceType": "ecs.g7.large",
		"SecurityGroupId": "sg-1", "VSwitchId": "vsw-1"} {
		_ = req.Set(k, v)
	}
	if len(FormatTable()) != len(Formats()) {
		t.Fatal("Formats does not list the table")
	}
	for _, fi := range FormatTable() {
		res, err := Export(req, fi.Format, Options{})
		if err != nil {
			t.Fatalf("%s: %v", fi.Format, err)
		}
		switch ext := filepath.Ext(fi.DefaultFile); ext {
		case ".sh":
			if !strings.Contains(res.Text, "aliyun ") {
				t.Errorf("%s → %s holds no aliyun command", fi.Format, fi.DefaultFile)
			}
		case ".yaml":
			var v map[string]any
			if err := yaml.Unmarshal([]byte(res.Text), &v); err != nil || len(v) == 0 {
				t.Errorf("%s → %s is not YAML: %v", fi.Format, fi.DefaultFile, err)
			}
			if json.Valid([]byte(res.Text)) {
				t.Errorf("%s → %s is JSON, not YAML", fi.Format, fi.DefaultFile)
			}
		case ".json":
			if !json.Valid([]byte(res.Text)) {
				t.Errorf("%s → %s is not JSON", fi.Format, fi.DefaultFile)
			}
		case ".tf":
			if _, diags := hclparse.NewParser().ParseHCL([]byte(res.Text), fi.DefaultFile); diags.HasErrors() {
				t.Errorf("%s → %s is not HCL: %v", fi.Format, fi.DefaultFile, diags)
			}
		default:
			t.Errorf("%s: unexpected default file %s", fi.Format, fi.DefaultFile)
		}
	}
}
