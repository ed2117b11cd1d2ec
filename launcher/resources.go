package launcher

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// ResourceState is where the creation of a resource stands.
type ResourceState string

// The states of a creation, recorded in order: pending before the call
// (with its ClientToken, so an interrupted creation can be found and
// re-sent), then created or failed.
const (
	ResourcePending ResourceState = "pending"
	ResourceCreated ResourceState = "created"
	ResourceFailed  ResourceState = "failed"
)

// Resource is one record of a resource ecslaunch created for a launch: a
// VPC, a vSwitch, a security group, a key pair or a launch template
// (version). Several records per creation share its Token; the last one
// is its current state.
type Resource struct {
	Time  time.Time     `json:"time"`
	Token string        `json:"token"`
	State ResourceState `json:"state"`
	// Kind is the resource type: vpc, vswitch, security-group, key-pair,
	// launch-template or launch-template-version.
	Kind   string `json:"kind"`
	Region string `json:"region"`
	// ID is what other calls refer to it by: VpcId, VSwitchId,
	// SecurityGroupId, the KeyPairName, LaunchTemplateId.
	ID string `json:"id,omitempty"`
	// Params are the create call's API parameters (CidrBlock, VpcId,
	// Permissions.1.PortRange…), never a secret or a private key.
	Params map[string]string `json:"params,omitempty"`
	// Facts are what the creation answered beside the ID (VRouterId,
	// KeyPairFingerPrint, LaunchTemplateVersionNumber, the path the private
	// key was written to).
	Facts map[string]string `json:"facts,omitempty"`
	// Error is why the creation failed, redacted.
	Error string `json:"error,omitempty"`
	// Line is the line of the file this state was read from.
	Line int `json:"-"`
}

// resourcesFile is the created resources' log, beside the launch history:
// a file of its own, so that the launch history's records (and any tool
// reading or compacting them) are unchanged.
const resourcesFile = "resources.jsonl"

// ResourcesPath is the file created resources are recorded in.
func (h *History) ResourcesPath() string { return filepath.Join(filepath.Dir(h.path), resourcesFile) }

// RecordResource appends one record of a created resource, as Append does
// for launches: one line, one write, on a private (0600) file.
func (h *History) RecordResource(r Resource) error {
	if r.Token == "" || r.State == "" || r.Kind == "" {
		return errors.New(i18n.Text("created resources: a record needs a token, a state and a kind"))
	}
	r.Error = Redact(r.Error)
	line, err := json.Marshal(r)
	if err != nil {
		return i18n.Errorf("created resources: %w", err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return appendLine(h.ResourcesPath(), line)
}

// appendLine writes line to path on an O_APPEND file, ending a torn last
// line first (see Append).
func appendLine(path string, line []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o600)
	if err != nil {
		return i18n.Errorf("created resources: %w", err)
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return i18n.Errorf("created resources: %w", err)
	}
	if torn, err := endsTorn(f); err != nil {
		return i18n.Errorf("created resources: %w", err)
	} else if torn {
		line = append([]byte{'\n'}, line...)
	}
	if _, err := f.Write(append(line, '\n')); err != nil {
		return i18n.Errorf("created resources: %w", err)
	}
	return f.Sync()
}

// Resources returns the current state of every recorded creation, in the
// order they began. As with Entries, nothing in the file is fatal: a
// corrupt line is skipped with a warning naming it.
func (h *History) Resources() ([]Resource, []Warning) {
	h.mu.Lock()
	defer h.mu.Unlock()
	data, err := os.ReadFile(h.ResourcesPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []Warning{{Reason: Redact(err.Error())}}
	}
	var (
		out   []Resource
		warns []Warning
		index = map[string]int{}
	)
	for n, raw := range splitLines(data) {
		if len(raw) == 0 {
			continue
		}
		var r Resource
		if err := json.Unmarshal(raw, &r); err != nil {
			warns = append(warns, Warning{Line: n + 1, Reason: i18n.T("not a JSON record: %v", err)})
			continue
		}
		if r.Token == "" || r.State == "" || r.Kind == "" {
			warns = append(warns, Warning{Line: n + 1, Reason: i18n.Text("record has no token, state or kind")})
			continue
		}
		r.Line = n + 1
		out = mergeResource(out, index, r)
	}
	return out, warns
}

// splitLines cuts data at newlines, keeping empty lines so that numbers
// stay the file's line numbers.
func splitLines(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := 0
		for i < len(data) && data[i] != '\n' {
			i++
		}
		out = append(out, data[:i])
		if i == len(data) {
			break
		}
		data = data[i+1:]
	}
	return out
}

// mergeResource records r as the latest state of its creation, keeping
// what earlier records knew and the later one left out.
func mergeResource(out []Resource, index map[string]int, r Resource) []Resource {
	i, seen := index[r.Token]
	if !seen {
		index[r.Token] = len(out)
		return append(out, r)
	}
	prev := out[i]
	if r.Region == "" {
		r.Region = prev.Region
	}
	if r.ID == "" {
		r.ID = prev.ID
	}
	if r.Params == nil {
		r.Params = prev.Params
	}
	if r.Facts == nil {
		r.Facts = prev.Facts
	}
	out[i] = r
	return out
}
