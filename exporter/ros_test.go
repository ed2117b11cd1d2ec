package exporter

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/ecslaunch/ecslaunch/request"
)

func TestROSParsesWithTheRightResource(t *testing.T) {
	req := fullRequest(t)
	res, err := Export(req, ROS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tpl struct {
		Version    any                       `yaml:"ROSTemplateFormatVersion"`
		Parameters map[string]map[string]any `yaml:"Parameters"`
		Resources  map[string]struct {
			Type       string         `yaml:"Type"`
			Properties map[string]any `yaml:"Properties"`
		} `yaml:"Resources"`
		Outputs map[string]struct {
			Value map[string][]string `yaml:"Value"`
		} `yaml:"Outputs"`
	}
	if err := yaml.Unmarshal([]byte(res.Text), &tpl); err != nil {
		t.Fatalf("ros export does not parse: %v\n%s", err, res.Text)
	}
	if tpl.Version != "2015-09-01" {
		t.Errorf("ROSTemplateFormatVersion = %#v, want the string 2015-09-01", tpl.Version)
	}
	group, ok := tpl.Resources[rosResource]
	if !ok || group.Type != "ALIYUN::ECS::InstanceGroup" || len(tpl.Resources) != 1 {
		t.Fatalf("want one ALIYUN::ECS::InstanceGroup, got %+v", tpl.Resources)
	}
	props := group.Properties
	for key, prop := range rosProps {
		if got := fmt.Sprint(props[prop]); got != req.Get(key) {
			t.Errorf("%s → %s = %q, want %q", key, prop, got, req.Get(key))
		}
	}
	if fmt.Sprint(props["MaxAmount"]) != req.Get("Amount") || props["AutoRenew"] != "True" {
		t.Errorf("MaxAmount = %v, AutoRenew = %v", props["MaxAmount"], props["AutoRenew"])
	}
	if pw, _ := props["Password"].(map[string]any); pw["Ref"] != rosPassword {
		t.Errorf("Password = %#v, want {Ref: %s}", props["Password"], rosPassword)
	}
	if p := tpl.Parameters[rosPassword]; p["NoEcho"] != true || p["Type"] != "String" {
		t.Errorf("parameter %s = %#v, want a NoEcho String", rosPassword, p)
	}
	disks, _ := props["DiskMappings"].([]any)
	if len(disks) != req.Count("DataDisk") {
		t.Fatalf("%d DiskMappings, want %d", len(disks), req.Count("DataDisk"))
	}
	for field := range rosDisk {
		if got := fmt.Sprint(disks[0].(map[string]any)[field]); got != req.Get("DataDisk.1."+field) {
			t.Errorf("DiskMappings[0].%s = %q, want %q", field, got, req.Get("DataDisk.1."+field))
		}
	}
	tags, _ := props["Tags"].([]any)
	if len(tags) != 1 || tags[0].(map[string]any)["Key"] != req.Get("Tag.1.Key") {
		t.Errorf("Tags = %#v", props["Tags"])
	}
	if got := tpl.Outputs["InstanceIds"].Value["Fn::GetAtt"]; len(got) != 2 || got[0] != rosResource || got[1] != "InstanceIds" {
		t.Errorf("output InstanceIds = %v", got)
	}
}

// TestROSMinimalDefaultsMaxAmount: ROS requires MaxAmount; RunInstances
// launches one instance by default.
func TestROSMinimalDefaultsMaxAmount(t *testing.T) {
	res, err := Export(minimalRequest(t), ROS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var tpl map[string]any
	if err := yaml.Unmarshal([]byte(res.Text), &tpl); err != nil {
		t.Fatal(err)
	}
	props := tpl["Resources"].(map[string]any)[rosResource].(map[string]any)["Properties"].(map[string]any)
	if props["MaxAmount"] != 1 {
		t.Errorf("MaxAmount = %#v, want 1", props["MaxAmount"])
	}
	if _, ok := tpl["Parameters"]; ok {
		t.Error("a request without a password needs no Parameters")
	}
}

// TestROSRandomValuesSurvive: for random requests with nasty values, the
// template parses and every mapped string property resolves (Ref and
// Fn::Join over the parameters) to the request's value.
func TestROSRandomValuesSurvive(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	for run := 0; run < 200; run++ {
		req := randomRequest(rng)
		res, err := Export(req, ROS, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var tpl map[string]any
		if err := yaml.Unmarshal([]byte(res.Text), &tpl); err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, res.Text)
		}
		params, _ := tpl["Parameters"].(map[string]any)
		props := tpl["Resources"].(map[string]any)[rosResource].(map[string]any)["Properties"].(map[string]any)
		want, err := req.Resolve(func(n string) (string, bool) { return "<" + n + ">", true })
		if err != nil {
			t.Fatal(err)
		}
		for key, prop := range rosProps {
			s, _ := request.Lookup(key)
			v, ok := props[prop]
			if s.Type != request.String || !ok {
				continue
			}
			if got := resolveROS(t, v, params); got != want.Get(key) {
				t.Fatalf("run %d: %s = %q, want %q\n%s", run, prop, got, want.Get(key), res.Text)
			}
		}
	}
}

// resolveROS evaluates a property built of text, Ref and Fn::Join, giving
// each parameter the value "<ENV>", ENV read from its description.
func resolveROS(t *testing.T, v any, params map[string]any) string {
	t.Helper()
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if name, ok := x["Ref"].(string); ok {
			desc, _ := params[name].(map[string]any)["Description"].(string)
			_, env, _ := strings.Cut(desc, "${")
			env, _, _ = strings.Cut(env, "}")
			return "<" + env + ">"
		}
		if j, ok := x["Fn::Join"].([]any); ok {
			var b strings.Builder
			for _, part := range j[1].([]any) {
				b.WriteString(resolveROS(t, part, params))
			}
			return b.String()
		}
	}
	t.Fatalf("unexpected property value %#v", v)
	return ""
}
