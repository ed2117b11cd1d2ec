package exporter

import (
	"strings"
	"unicode"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// ltPatterns are the parameter patterns CreateLaunchTemplate takes, read
// from the SDK's request struct tags (services/ecs/create_launch_template.go),
// the same tags the SDK flattens on the wire. RunInstances parameters with
// the same pattern mean the same thing there.
var ltPatterns = func() map[string]bool {
	out := map[string]bool{"RegionId": true}
	for _, p := range request.SDKPatterns(ecs.CreateLaunchTemplateRequest{}) {
		out[p] = true
	}
	return out
}()

// ltWhy explains RunInstances parameters a template does not keep, in
// the current language; "" for the others.
func ltWhy(pattern string) string {
	switch pattern {
	case "Password":
		return i18n.Text("launch templates never store a password: give it when launching, e.g. aliyun ecs RunInstances --LaunchTemplateName … --Password \"${ECS_PASSWORD}\"")
	case "LaunchTemplateId", "LaunchTemplateName", "LaunchTemplateVersion":
		return i18n.Text("names the template to launch from; a new template cannot be based on it")
	case "Amount":
		return i18n.Text("a template holds no count: give it when launching (RunInstances --Amount)")
	case "MinAmount":
		return i18n.Text("a template holds no count: give it when launching (RunInstances --MinAmount)")
	case "ClientToken", "DryRun":
		return i18n.Text("belongs to one RunInstances call, not to a template")
	}
	return ""
}

// exportLaunchTemplate writes `aliyun ecs CreateLaunchTemplate` with the
// request's configuration.
func exportLaunchTemplate(req *request.Request, o Options) (Result, error) {
	t := Template(req, o)
	args := globalFlags(o)
	args = append(args, flag("LaunchTemplateName", t.Name))
	if o.Description != "" {
		args = append(args, flag("VersionDescription", o.Description))
	}
	for _, p := range t.Params {
		args = append(args, flag(p.Name, p.Value))
	}
	return Result{Text: command("aliyun ecs CreateLaunchTemplate", args), Notes: t.Notes}, nil
}

// TemplateContent is what a launch template made from a request holds: its
// name, the parameters CreateLaunchTemplate (and CreateLaunchTemplateVersion,
// which takes the same ones) keeps, and a note for every parameter left out.
type TemplateContent struct {
	Name   string
	Params []request.Param
	Notes  []string
}

// Template sorts a request's parameters into those a launch template can
// hold and those it cannot (a password, a count, the call's own ClientToken
// and DryRun, parameters the API lacks), each said in Notes. It is the one
// place that knows this: the launch-template export and a template saved
// live both use it. Secrets never enter Params.
func Template(req *request.Request, o Options) TemplateContent {
	n := newNotes()
	t := TemplateContent{Name: templateName(req, o)}
	for _, p := range req.Params() {
		pat := request.PatternOf(p.Name)
		why := ltWhy(pat)
		switch {
		case why != "":
			n.add(p.Name, why)
		case request.IsSecret(p.Name):
			n.add(p.Name, i18n.Text("a launch template never stores a secret"))
		case ltPatterns[pat]:
			t.Params = append(t.Params, p)
		default:
			n.add(p.Name, i18n.Text("CreateLaunchTemplate has no such parameter"))
		}
	}
	t.Notes = n.list()
	return t
}

// templateName is Options.LaunchTemplateName, or one derived from the
// InstanceName that meets the API's rule: 2–128 characters, starting with a
// letter, of letters, digits, ':', '_' and '-' (docs/api-shapes.md §16).
func templateName(req *request.Request, o Options) string {
	if o.LaunchTemplateName != "" {
		return o.LaunchTemplateName
	}
	base := req.Get("InstanceName")
	if request.IsReference(base) {
		base = ""
	}
	var b strings.Builder
	for _, c := range base {
		switch {
		case unicode.IsLetter(c), unicode.IsDigit(c), c == ':', c == '_', c == '-':
			b.WriteRune(c)
		default:
			b.WriteRune('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "ecslaunch"
	}
	if r := []rune(name)[0]; !unicode.IsLetter(r) {
		name = "lt-" + name
	}
	if r := []rune(name); len(r) > 128 {
		name = string(r[:128])
	}
	if len([]rune(name)) < 2 {
		name += "-template"
	}
	return name
}
