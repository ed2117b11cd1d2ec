package provision

import (
	"context"
	"os"
	"regexp"
	"strconv"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/exporter"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// TemplateSpec saves a request as a launch template: a new template, or
// a new version of an existing one (the one the request came from).
type TemplateSpec struct {
	// LaunchTemplateName names a new template; when empty it is derived
	// from InstanceName, as the launch-template export does.
	LaunchTemplateName string
	// LaunchTemplateId, when set, gets a new version instead
	// (CreateLaunchTemplateVersion); the default version stays as it is
	// unless MakeDefault.
	LaunchTemplateId string
	// MakeDefault makes the new version the template's default
	// (ModifyLaunchTemplateDefaultVersion), the one RunInstances uses when
	// LaunchTemplateVersion is not given. A new template's only version is
	// its default already.
	MakeDefault bool
	// VersionDescription describes the version (2–256 characters).
	VersionDescription string
	// LookupEnv resolves ${NAME} references in the request (default: the
	// environment, a variable set to "" counting as unset).
	LookupEnv func(string) (string, bool)
}

// templateName is the LaunchTemplateName rule: 2–128 characters, starting
// with a letter or a Chinese character, of letters, digits, ':', '_', '.'
// and '-'.
var templateName = regexp.MustCompile(`^[A-Za-z\p{Han}][\p{Han}A-Za-z0-9:_.\-]{1,127}$`)

func lookupNonEmpty(name string) (string, bool) {
	v, ok := os.LookupEnv(name)
	return v, ok && v != ""
}

// SaveTemplate creates a launch template from the request, or a version of
// s.LaunchTemplateId, live. What goes in is what exporter.Template says a
// template holds — never a password, no Amount, no ClientToken — and the
// notes say what was left out, as the launch-template export does. The
// record's Kind is KindLaunchTemplate or KindLaunchTemplateVersion, its ID
// the LaunchTemplateId, its Facts the LaunchTemplateVersionNumber.
func (p *Provisioner) SaveTemplate(ctx context.Context, req *request.Request, s TemplateSpec) (Created, []string, error) {
	action := "CreateLaunchTemplate"
	if s.LaunchTemplateId != "" {
		action = "CreateLaunchTemplateVersion"
	}
	region := req.Get("RegionId")
	if region == "" {
		return Created{}, nil, invalid(action, "RegionId", i18n.Text("is required: a launch template belongs to one region"))
	}
	t := exporter.Template(req, exporter.Options{LaunchTemplateName: s.LaunchTemplateName})
	if s.LaunchTemplateId == "" && !templateName.MatchString(t.Name) {
		return Created{}, nil, invalid(action, "LaunchTemplateName", i18n.T("%q: 2 to 128 characters, starting with a letter, of letters, digits, ':', '_', '.' and '-'", t.Name))
	}
	if d := s.VersionDescription; d != "" && (len([]rune(d)) < 2 || len([]rune(d)) > 256) {
		return Created{}, nil, invalid(action, "VersionDescription", i18n.Text("2 to 256 characters"))
	}
	kept := request.New()
	for _, prm := range t.Params {
		if prm.Name != "RegionId" {
			_ = kept.Set(prm.Name, prm.Value)
		}
	}
	lookup := s.LookupEnv
	if lookup == nil {
		lookup = lookupNonEmpty
	}
	resolved, err := kept.Resolve(lookup)
	if err != nil {
		return Created{}, nil, invalid(action, "", err.Error())
	}
	params := map[string]string{}
	for _, prm := range resolved.Params() {
		params[prm.Name] = prm.Value
	}
	kind := KindLaunchTemplate
	if s.LaunchTemplateId != "" {
		kind, params["LaunchTemplateId"] = KindLaunchTemplateVersion, s.LaunchTemplateId
	} else {
		params["LaunchTemplateName"] = t.Name
	}
	c := Created{Kind: kind, Region: region, Token: p.o.NewToken(), Params: params}
	notes := t.Notes
	// fill builds a fresh SDK request for every attempt (docs/sdk-notes.md §2:
	// a sent request is not reusable) and says what it has no field for.
	fill := func(dst any) []string {
		missing, _ := request.FillSDK(dst, resolved.Params()) // dst is always a request pointer
		return missing
	}
	if s.LaunchTemplateId == "" {
		notes = append(notes, missingNotes(fill(ecs.CreateCreateLaunchTemplateRequest()), action)...)
	} else {
		notes = append(notes, missingNotes(fill(ecs.CreateCreateLaunchTemplateVersionRequest()), action)...)
	}
	if err := p.begin(c.Kind, c.Region, c.Token, params); err != nil {
		return Created{}, nil, err
	}
	var id string
	var version int64
	if s.LaunchTemplateId == "" {
		resp, err := call(ctx, p, action, false, func() (*ecs.CreateLaunchTemplateResponse, error) {
			sreq := ecs.CreateCreateLaunchTemplateRequest()
			fill(sreq)
			sreq.RegionId, sreq.LaunchTemplateName, sreq.VersionDescription = region, t.Name, s.VersionDescription
			p.scheme(sreq)
			return p.ecs.CreateLaunchTemplate(sreq)
		})
		if err != nil {
			return Created{}, notes, p.done(c, err)
		}
		id, version = resp.LaunchTemplateId, resp.LaunchTemplateVersionNumber
	} else {
		resp, err := call(ctx, p, action, false, func() (*ecs.CreateLaunchTemplateVersionResponse, error) {
			sreq := ecs.CreateCreateLaunchTemplateVersionRequest()
			fill(sreq)
			sreq.RegionId, sreq.LaunchTemplateId, sreq.VersionDescription = region, s.LaunchTemplateId, s.VersionDescription
			p.scheme(sreq)
			return p.ecs.CreateLaunchTemplateVersion(sreq)
		})
		if err != nil {
			return Created{}, notes, p.done(c, err)
		}
		id, version = resp.LaunchTemplateId, resp.LaunchTemplateVersionNumber
	}
	c.ID, c.Facts = id, map[string]string{"LaunchTemplateVersionNumber": strconv.FormatInt(version, 10)}
	if s.LaunchTemplateId != "" && s.MakeDefault {
		if err := p.makeDefault(ctx, region, id, version); err != nil {
			// The version exists: it is recorded as created, with the error.
			err = i18n.Errorf("version %d of %s is saved, but the default version is unchanged: %w", version, id, err)
			return c, notes, p.done(c, err)
		}
		c.Facts["DefaultVersionNumber"] = strconv.FormatInt(version, 10)
	}
	return c, notes, p.done(c, nil)
}

// makeDefault makes a template's version its default. Setting the same
// default twice changes nothing, so the call is retried like a read.
func (p *Provisioner) makeDefault(ctx context.Context, region, id string, version int64) error {
	_, err := call(ctx, p, "ModifyLaunchTemplateDefaultVersion", true, func() (*ecs.ModifyLaunchTemplateDefaultVersionResponse, error) {
		sreq := ecs.CreateModifyLaunchTemplateDefaultVersionRequest()
		sreq.RegionId, sreq.LaunchTemplateId = region, id
		sreq.DefaultVersionNumber = requests.NewInteger64(version)
		p.scheme(sreq)
		return p.ecs.ModifyLaunchTemplateDefaultVersion(sreq)
	})
	return err
}

// missingNotes say which parameters the call's SDK request has no field for.
func missingNotes(missing []string, action string) []string {
	var out []string
	for _, m := range missing {
		out = append(out, i18n.T("%s: %s has no such parameter, so the template does not keep it", m, action))
	}
	return out
}
