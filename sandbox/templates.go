package sandbox

import (
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// template is a launch template with its versions.
type template struct {
	LaunchTemplateId   string            `json:"LaunchTemplateId"`
	LaunchTemplateName string            `json:"LaunchTemplateName"`
	RegionId           string            `json:"RegionId"`
	DefaultVersion     int64             `json:"DefaultVersion"`
	Created            time.Time         `json:"Created"`
	Tags               [][2]string       `json:"Tags,omitempty"`
	Versions           []templateVersion `json:"Versions"`
}

// templateVersion is one version: its instance configuration as flat
// RunInstances-style parameters ("SystemDisk.Category", "DataDisk.1.Size").
type templateVersion struct {
	Number      int64             `json:"Number"`
	Description string            `json:"Description,omitempty"`
	Params      map[string]string `json:"Params"`
	Created     time.Time         `json:"Created"`
}

// createdBy is the account UID the sandbox reports as creator.
const createdBy = "1234567890123456"

// templateOnly are CreateLaunchTemplate parameters that describe the
// template itself, not the instances.
var templateOnly = map[string]bool{"LaunchTemplateName": true, "VersionDescription": true, "TemplateResourceGroupId": true,
	"RegionId": true, "OwnerId": true, "ResourceOwnerAccount": true, "ResourceOwnerId": true, "OwnerAccount": true}

// templateName is the LaunchTemplateName rule (docs/api-shapes.md §16): 2-128
// characters, starting with a letter or CJK, no http(s)://.
var templateName = regexp.MustCompile(`^[A-Za-z\p{Han}][\p{Han}A-Za-z0-9:_.\-]{1,127}$`)

// templateLimit is the number of launch templates a region holds.
const templateLimit = 30

func (c *call) createLaunchTemplate() (any, error) {
	name := c.p.Get("LaunchTemplateName")
	if err := checkTemplateNames(name, c.p.Get("VersionDescription")); err != nil {
		return nil, err
	}
	version := templateVersion{Number: 1, Description: c.p.Get("VersionDescription"), Params: map[string]string{}, Created: time.Now().UTC()}
	for _, kv := range c.p.actionParams() {
		switch {
		case templateOnly[kv[0]], request.IsSecret(kv[0]), strings.HasPrefix(kv[0], "TemplateTag."):
			// templates never store passwords (docs/api-shapes.md §16), and
			// the state file must hold no secret
		default:
			version.Params[kv[0]] = kv[1]
		}
	}
	t := &template{LaunchTemplateName: name, RegionId: c.region.RegionId, DefaultVersion: 1, Created: version.Created,
		Versions: []templateVersion{version}}
	for _, tag := range c.p.structList("TemplateTag") {
		t.Tags = append(t.Tags, [2]string{tag["Key"], tag["Value"]})
	}
	if err := c.s.addTemplate(t, c.region.Code, c.requestID); err != nil {
		return nil, err
	}
	if err := c.s.save(); err != nil {
		return nil, errInternal
	}
	return &ecs.CreateLaunchTemplateResponse{RequestId: c.requestID, LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateVersionNumber: 1}, nil
}

// checkTemplateNames applies the LaunchTemplateName and VersionDescription
// rules (docs/api-shapes.md §16).
func checkTemplateNames(name, desc string) error {
	if name == "" {
		return errMissing("LaunchTemplateName")
	}
	if !templateName.MatchString(name) || hasScheme(name) {
		return &apiError{http.StatusBadRequest, "InvalidLaunchTemplateName.Malformed", "The specified parameter LaunchTemplateName is not valid."}
	}
	if n := len([]rune(desc)); desc != "" && (n < 2 || n > 256 || hasScheme(desc)) {
		return &apiError{http.StatusBadRequest, "InvalidDescription.Malformed", "The specified parameter VersionDescription is not valid."}
	}
	return nil
}

// addTemplate gives t an ID and stores it, unless its name is taken in the
// region or the region holds templateLimit templates.
func (s *Server) addTemplate(t *template, code, salt string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, o := range s.st.Templates {
		if o.RegionId != t.RegionId {
			continue
		}
		n++
		if o.LaunchTemplateName == t.LaunchTemplateName {
			return &apiError{http.StatusForbidden, "LaunchTemplateName.Duplicated", "The specified LaunchTemplateName already exists."}
		}
	}
	if n >= templateLimit {
		return &apiError{http.StatusForbidden, "LaunchTemplateLimitExceed", "The number of launch templates exceeds the limit."}
	}
	s.st.Serial++
	t.LaunchTemplateId = world.ID("lt", code, strconv.FormatUint(s.st.Serial, 10)+t.LaunchTemplateName+salt)
	s.st.Templates[t.LaunchTemplateId] = t
	return nil
}

func hasScheme(s string) bool {
	return len(s) >= 7 && (s[:7] == "http://" || (len(s) >= 8 && s[:8] == "https://"))
}

// templatesOf returns the region's templates matching ids and names,
// sorted by creation.
func (s *Server) templatesOf(regionID string, ids, names map[string]bool) []template {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []template
	for _, t := range s.st.Templates {
		if t.RegionId == regionID && (len(ids) == 0 || ids[t.LaunchTemplateId]) && (len(names) == 0 || names[t.LaunchTemplateName]) {
			cp := *t
			cp.Versions = append([]templateVersion(nil), t.Versions...)
			out = append(out, cp)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.Before(out[j].Created)
		}
		return out[i].LaunchTemplateId < out[j].LaunchTemplateId
	})
	return out
}

const timeLayout = "2006-01-02T15:04:05Z"

func (c *call) describeLaunchTemplates() (any, error) {
	pg, err := c.p.pageParams(10, legacyPageMax)
	if err != nil {
		return nil, err
	}
	all := c.s.templatesOf(c.region.RegionId, setOf(c.p.list("LaunchTemplateId")), setOf(c.p.list("LaunchTemplateName")))
	from, to, _ := pg.cut(len(all))
	resp := &ecs.DescribeLaunchTemplatesResponse{RequestId: c.requestID, TotalCount: len(all), PageNumber: pg.Number, PageSize: pg.Size}
	resp.LaunchTemplateSets.LaunchTemplateSet = make([]ecs.LaunchTemplateSet, 0, to-from)
	for _, t := range all[from:to] {
		last := t.Versions[len(t.Versions)-1]
		set := ecs.LaunchTemplateSet{LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: t.LaunchTemplateName,
			DefaultVersionNumber: t.DefaultVersion, LatestVersionNumber: last.Number, CreatedBy: createdBy,
			CreateTime: t.Created.Format(timeLayout), ModifiedTime: last.Created.Format(timeLayout),
			ResourceGroupId: world.ID("rg", "acfm", c.region.RegionId)}
		set.Tags.Tag = []ecs.Tag{}
		for _, kv := range t.Tags {
			set.Tags.Tag = append(set.Tags.Tag, ecs.Tag{TagKey: kv[0], TagValue: kv[1]})
		}
		resp.LaunchTemplateSets.LaunchTemplateSet = append(resp.LaunchTemplateSets.LaunchTemplateSet, set)
	}
	return resp, nil
}

func (c *call) describeLaunchTemplateVersions() (any, error) {
	pg, err := c.p.pageParams(10, legacyPageMax)
	if err != nil {
		return nil, err
	}
	id, name := c.p.Get("LaunchTemplateId"), c.p.Get("LaunchTemplateName")
	if id == "" && name == "" {
		return nil, errMissing("LaunchTemplateId")
	}
	ts := c.s.templatesOf(c.region.RegionId, setOf([]string{id}), setOf([]string{name}))
	if id == "" {
		ts = c.s.templatesOf(c.region.RegionId, nil, setOf([]string{name}))
	} else if name == "" {
		ts = c.s.templatesOf(c.region.RegionId, setOf([]string{id}), nil)
	}
	if len(ts) == 0 {
		return nil, errTemplateNotFound
	}
	t := ts[0]
	wanted := setOf(c.p.list("LaunchTemplateVersion"))
	onlyDefault, err := c.p.boolParam("DefaultVersion", false)
	if err != nil {
		return nil, err
	}
	var vs []templateVersion
	for _, v := range t.Versions {
		if (len(wanted) == 0 || wanted[strconv.FormatInt(v.Number, 10)]) && (!onlyDefault || v.Number == t.DefaultVersion) {
			vs = append(vs, v)
		}
	}
	from, to, _ := pg.cut(len(vs))
	resp := &ecs.DescribeLaunchTemplateVersionsResponse{RequestId: c.requestID, TotalCount: len(vs), PageNumber: pg.Number, PageSize: pg.Size}
	resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet = make([]ecs.LaunchTemplateVersionSet, 0, to-from)
	for _, v := range vs[from:to] {
		resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet = append(resp.LaunchTemplateVersionSets.LaunchTemplateVersionSet,
			ecs.LaunchTemplateVersionSet{LaunchTemplateId: t.LaunchTemplateId, LaunchTemplateName: t.LaunchTemplateName,
				VersionNumber: v.Number, VersionDescription: v.Description, DefaultVersion: v.Number == t.DefaultVersion,
				CreateTime: v.Created.Format(timeLayout), ModifiedTime: v.Created.Format(timeLayout), CreatedBy: createdBy,
				LaunchTemplateData: templateData(v.Params)})
	}
	return resp, nil
}

var (
	errTemplateNotFound = &apiError{http.StatusNotFound, "InvalidLaunchTemplate.NotFound", "The specified launch template does not exist."}
	errVersionNotFound  = &apiError{http.StatusNotFound, "InvalidLaunchTemplateVersion.NotFound", "The specified launch template version does not exist."}
)

// templateData renders flat parameters into the SDK's LaunchTemplateData:
// its scalar fields carry the flat names as JSON tags ("SystemDisk.Size"),
// so they are filled by tag; the lists by hand.
func templateData(p map[string]string) ecs.LaunchTemplateData {
	var d ecs.LaunchTemplateData
	v := reflect.ValueOf(&d).Elem()
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("json")
		val, ok := p[tag]
		if !ok {
			continue
		}
		setScalar(v.Field(i), val)
	}
	pp := params{valuesOf(p)}
	d.SecurityGroupIds.SecurityGroupId = pp.list("SecurityGroupIds")
	if len(d.SecurityGroupIds.SecurityGroupId) == 0 && d.SecurityGroupId != "" {
		d.SecurityGroupIds.SecurityGroupId = []string{d.SecurityGroupId}
	}
	d.DataDisks.DataDisk = []ecs.DataDisk{}
	for _, m := range pp.structList("DataDisk") {
		size, _ := strconv.Atoi(m["Size"])
		d.DataDisks.DataDisk = append(d.DataDisks.DataDisk, ecs.DataDisk{Category: m["Category"], Size: size,
			PerformanceLevel: m["PerformanceLevel"], DiskName: m["DiskName"], Description: m["Description"],
			SnapshotId: m["SnapshotId"], Encrypted: m["Encrypted"], DeleteWithInstance: m["DeleteWithInstance"] != "false"})
	}
	d.Tags.InstanceTag = []ecs.InstanceTag{}
	for _, m := range pp.structList("Tag") {
		d.Tags.InstanceTag = append(d.Tags.InstanceTag, ecs.InstanceTag{Key: m["Key"], Value: m["Value"]})
	}
	return d
}

func setScalar(f reflect.Value, val string) {
	switch f.Kind() {
	case reflect.String:
		f.SetString(val)
	case reflect.Int, reflect.Int64:
		if n, err := strconv.ParseInt(val, 10, 64); err == nil {
			f.SetInt(n)
		}
	case reflect.Bool:
		f.SetBool(val == "true")
	case reflect.Float64:
		if x, err := strconv.ParseFloat(val, 64); err == nil {
			f.SetFloat(x)
		}
	}
}

// templateParams returns the parameters of the version a RunInstances call
// names (LaunchTemplateId or LaunchTemplateName, LaunchTemplateVersion,
// default version when absent).
func (c *call) templateParams() (map[string]string, error) {
	id, name := c.p.Get("LaunchTemplateId"), c.p.Get("LaunchTemplateName")
	if id == "" && name == "" {
		return nil, nil
	}
	var ts []template
	if id != "" {
		ts = c.s.templatesOf(c.region.RegionId, setOf([]string{id}), nil)
	} else {
		ts = c.s.templatesOf(c.region.RegionId, nil, setOf([]string{name}))
	}
	if len(ts) == 0 {
		return nil, errTemplateNotFound
	}
	t := ts[0]
	want := t.DefaultVersion
	if v := c.p.Get("LaunchTemplateVersion"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return nil, errVersionNotFound
		}
		want = n
	}
	for _, v := range t.Versions {
		if v.Number == want {
			return v.Params, nil
		}
	}
	return nil, errVersionNotFound
}
