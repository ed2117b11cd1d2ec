package exporter

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// templateNameRule is CreateLaunchTemplate's name rule (docs/api-shapes.md §16).
var templateNameRule = regexp.MustCompile(`^\pL[\pL\pN:_-]{1,127}$`)

func TestLaunchTemplateCommand(t *testing.T) {
	req := fullRequest(t)
	res, err := Export(req, LaunchTemplate, Options{Profile: "prod", Description: "v1 of web"})
	if err != nil {
		t.Fatal(err)
	}
	words, err := splitWords(res.Text)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(words[:3], " ") != "aliyun ecs CreateLaunchTemplate" {
		t.Fatalf("command starts %q", words[:3])
	}
	got := flagValues(words[3:])
	if got["LaunchTemplateName"] != "web-01" || got["VersionDescription"] != "v1 of web" || got["profile"] != "prod" {
		t.Errorf("name %q, version description %q, profile %q", got["LaunchTemplateName"], got["VersionDescription"], got["profile"])
	}
	// Every configuration parameter the template can hold is written with
	// the request's value; the others are named in the notes.
	for _, p := range req.Params() {
		pat := request.PatternOf(p.Name)
		special := ltWhy(pat) != ""
		switch {
		case ltPatterns[pat] && !special:
			if got[p.Name] != p.Value {
				t.Errorf("%s = %q, want %q", p.Name, got[p.Name], p.Value)
			}
		case !notesName(res.Notes, p.Name):
			t.Errorf("%s is neither written nor noted", p.Name)
		}
	}
	if _, ok := got["Password"]; ok {
		t.Error("a launch template must not carry the password")
	}
}

func TestLaunchTemplatePatternsComeFromTheSDK(t *testing.T) {
	for _, p := range []string{"LaunchTemplateName", "VersionDescription", "SystemDisk.Category", "DataDisk.N.Size", "Tag.N.Key", "SecurityGroupIds.N", "NetworkInterface.N.SecurityGroupIds.N"} {
		if !ltPatterns[p] {
			t.Errorf("%s missing from the CreateLaunchTemplate parameters", p)
		}
	}
	for _, p := range []string{"Password", "Amount", "UniqueSuffix", "DataDisk.N.KMSKeyId"} {
		if ltPatterns[p] {
			t.Errorf("%s is not a CreateLaunchTemplate parameter", p)
		}
	}
}

func TestTemplateNameMeetsTheRule(t *testing.T) {
	for _, name := range []string{"", "web-01", "1web", "a", "中文 名字", "${TEAM}-web", strings.Repeat("x", 300), "--", "a.b/c"} {
		r := request.New()
		if name != "" {
			mustSet(t, r, "InstanceName", name)
		}
		got := templateName(r, Options{})
		if !templateNameRule.MatchString(got) {
			t.Errorf("InstanceName %q → template name %q breaks the rule", name, got)
		}
	}
	if got := templateName(request.New(), Options{LaunchTemplateName: "mine"}); got != "mine" {
		t.Errorf("Options.LaunchTemplateName ignored: %q", got)
	}
}
