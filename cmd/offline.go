package cmd

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
	"github.com/ecslaunch/ecslaunch/rules"
	"github.com/ecslaunch/ecslaunch/safetext"
	"github.com/ecslaunch/ecslaunch/sandbox/world"
)

// lineFinding is a finding with the line of the launch file it concerns,
// as `validate --output json` prints it: the finding's own keys plus line
// (absent when no line of the file says it, e.g. a --region value or a
// missing parameter).
type lineFinding struct {
	rules.Finding
	Line int `json:"line,omitempty"`
}

// withLines attaches lines to findings and sorts them by line, findings
// about the file as a whole (no line) first; the rules' order is kept
// within a line.
func withLines(fs []rules.Finding, lines map[string]int) []lineFinding {
	out := make([]lineFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, lineFinding{Finding: f, Line: lineOf(lines, f.Parameter)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// lineOf is the line of a flat parameter, or of the first field of a list
// item a finding names ("DataDisk.5" → the line of DataDisk.5.Size); 0 when
// the file does not say.
func lineOf(lines map[string]int, param string) int {
	if n := lines[param]; n > 0 {
		return n
	}
	best := 0
	for k, n := range lines {
		if strings.HasPrefix(k, param+".") && n > 0 && (best == 0 || n < best) {
			best = n
		}
	}
	return best
}

// osGuess is the image OS type the offline rules use and where it came from.
type osGuess struct {
	Type string // "linux", "windows" or "" (unknown)
	From string // what the note says it came from
}

// note is the line saying which OS the OS-dependent rules (HostName,
// Password, KeyPairName) assumed.
func (g osGuess) note(imageID string) string {
	switch {
	case g.From == "--os":
		return i18n.T("note: OS-dependent rules use OS type %s (--os)", g.Type)
	case g.Type != "":
		return i18n.T("note: OS-dependent rules use OS type %s for ImageId %s: %s (--os overrides)", g.Type, imageID, g.From)
	case imageID == "" || request.IsReference(imageID):
		return i18n.Text("note: no literal ImageId, so the OS type is unknown: OS-dependent rules check what holds for Linux and Windows (give --os)")
	}
	return i18n.T("note: the OS type of ImageId %s is unknown (not in a cached catalog, and not a public image ID): "+
		"OS-dependent rules check what holds for Linux and Windows (give --os, or --online)", imageID)
}

// inferOS decides the image OS for offline checks: --os when given; else
// the image's OSType in the catalog this account cached on an earlier run
// (or the sandbox's own catalog with --sandbox); else the naming of
// Alibaba Cloud's public image IDs (catalog.OSTypeOfImageID). Nothing here
// calls the network.
func inferOS(g *globals, req *request.Request, flag string) osGuess {
	if flag != "" {
		return osGuess{flag, "--os"}
	}
	id := req.Get("ImageId")
	if id == "" || request.IsReference(id) {
		return osGuess{}
	}
	if t := cachedOSType(g, req.Get("RegionId"), id); t.Type != "" {
		return t
	}
	if t, family := catalog.OSTypeOfImageID(id); t != "" {
		return osGuess{t, i18n.T("its ID names a public %s image", family)}
	}
	return osGuess{}
}

// cachedOSType looks the image up in the sandbox's catalog or in the disk
// cache of the credential that is configured (resolving it reads files
// only); unknown when neither knows it.
func cachedOSType(g *globals, region, imageID string) osGuess {
	if g.sandbox {
		for _, im := range world.New().ImagesIn(region) {
			if im.ImageId == imageID {
				return osGuess{im.OSType, i18n.Text("the sandbox's image catalog says so")}
			}
		}
		return osGuess{}
	}
	sess, err := cloud.Resolve(cloud.Config{Profile: g.profile, Region: g.region, Endpoint: g.endpoint, Insecure: g.insecure})
	if err != nil {
		return osGuess{}
	}
	c := catalog.New(sess, catalog.Options{})
	defer c.Close()
	if region == "" {
		region = sess.Region()
	}
	if im, ok := c.CachedImage(region, imageID); ok && im.OSType != "" {
		return osGuess{strings.ToLower(im.OSType), i18n.T("the cached catalog says so (DescribeImages, %s)", region)}
	}
	return osGuess{}
}

// offlineFindings runs the documented rules on a request with the OS
// inferred for it.
func offlineFindings(req *request.Request, os osGuess) []rules.Finding {
	return rules.Validate(req, rules.Context{OSType: os.Type, Now: time.Now()})
}

// printFindings writes one line per finding in the file:line: form editors
// and CI logs link to.
func printFindings(w io.Writer, file string, fs []lineFinding) {
	for _, f := range fs {
		loc := file
		if f.Line > 0 {
			loc = fmt.Sprintf("%s:%d", file, f.Line)
		}
		fmt.Fprintf(w, "  %s: %s %s [%s] %s\n", loc, severityLabel(f.Severity), f.Parameter, f.Code, safetext.Escape(f.Message))
	}
}

// severityLabel is a finding's severity as a text line says it: error or
// warning, 错误 or 警告 (validate's JSON keeps the code).
func severityLabel(s rules.Severity) string {
	if s == rules.Error {
		return i18n.Text("error")
	}
	return i18n.Text("warning")
}
