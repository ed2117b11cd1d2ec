package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/request"
)

// versionOnly are CreateLaunchTemplateVersion parameters that name the
// template or describe the version, not the instances.
var versionOnly = map[string]bool{"LaunchTemplateId": true, "LaunchTemplateName": true, "VersionDescription": true,
	"RegionId": true, "OwnerId": true, "ResourceOwnerAccount": true, "ResourceOwnerId": true, "OwnerAccount": true}

var errVersionLimit = &apiError{http.StatusForbidden, "LaunchTemplateVersionLimitExceed",
	fmt.Sprintf("The number of versions of the launch template exceeds the limit (%d).", templateVersions)}

// createLaunchTemplateVersion adds a version to a template named by ID or
// name. The new version is not the default one: that stays until
// ModifyLaunchTemplateDefaultVersion, as in ECS.
func (c *call) createLaunchTemplateVersion() (any, error) {
	id, name := c.p.Get("LaunchTemplateId"), c.p.Get("LaunchTemplateName")
	if id == "" && name == "" {
		return nil, errMissing("LaunchTemplateId")
	}
	if desc := c.p.Get("VersionDescription"); desc != "" {
		if n := len([]rune(desc)); n < 2 || n > 256 || hasScheme(desc) {
			return nil, &apiError{http.StatusBadRequest, "InvalidDescription.Malformed", "The specified parameter \"VersionDescription\" is not valid."}
		}
	}
	params := map[string]string{}
	for _, kv := range c.p.actionParams() {
		switch {
		case versionOnly[kv[0]], request.IsSecret(kv[0]), strings.HasPrefix(kv[0], "TemplateTag."):
			// templates keep no password and the state file no secret
		default:
			params[kv[0]] = kv[1]
		}
	}
	tid, n, err := c.s.addVersion(c.region.RegionId, id, name, c.p.Get("VersionDescription"), params)
	if err != nil {
		return nil, err
	}
	if err := c.s.save(); err != nil {
		return nil, errInternal
	}
	return &ecs.CreateLaunchTemplateVersionResponse{RequestId: c.requestID, LaunchTemplateId: tid, LaunchTemplateVersionNumber: n}, nil
}

// addVersion appends a version to the region's template with that ID (or,
// with no ID, that name) and returns the template's ID and the number.
func (s *Server) addVersion(regionID, id, name, desc string, params map[string]string) (string, int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var t *template
	for _, o := range s.st.Templates {
		if o.RegionId == regionID && (o.LaunchTemplateId == id || (id == "" && o.LaunchTemplateName == name)) {
			t = o
		}
	}
	if t == nil {
		return "", 0, errTemplateNotFound
	}
	if len(t.Versions) >= templateVersions {
		return "", 0, errVersionLimit
	}
	v := templateVersion{Number: t.Versions[len(t.Versions)-1].Number + 1, Description: desc, Params: params, Created: time.Now().UTC()}
	t.Versions = append(t.Versions, v)
	return t.LaunchTemplateId, v.Number, nil
}

// modifyLaunchTemplateDefaultVersion makes one of a template's versions
// the one RunInstances uses when LaunchTemplateVersion is not given.
func (c *call) modifyLaunchTemplateDefaultVersion() (any, error) {
	id, name := c.p.Get("LaunchTemplateId"), c.p.Get("LaunchTemplateName")
	if id == "" && name == "" {
		return nil, errMissing("LaunchTemplateId")
	}
	if c.p.Get("DefaultVersionNumber") == "" {
		return nil, errMissing("DefaultVersionNumber")
	}
	n, err := c.p.intParam("DefaultVersionNumber", 0)
	if err != nil {
		return nil, err
	}
	tid, err := c.s.setDefaultVersion(c.region.RegionId, id, name, int64(n))
	if err != nil {
		return nil, err
	}
	if err := c.s.save(); err != nil {
		return nil, errInternal
	}
	return &ecs.ModifyLaunchTemplateDefaultVersionResponse{RequestId: c.requestID, LaunchTemplateId: tid}, nil
}

// setDefaultVersion sets the default version of the region's template with
// that ID (or, with no ID, that name); a version it lacks is
// InvalidLaunchTemplateVersion.NotFound.
func (s *Server) setDefaultVersion(regionID, id, name string, n int64) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.st.Templates {
		if t.RegionId != regionID || !(t.LaunchTemplateId == id || (id == "" && t.LaunchTemplateName == name)) {
			continue
		}
		for _, v := range t.Versions {
			if v.Number == n {
				t.DefaultVersion = n
				return t.LaunchTemplateId, nil
			}
		}
		return "", errVersionNotFound
	}
	return "", errTemplateNotFound
}
