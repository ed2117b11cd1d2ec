package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/ecslaunch/ecslaunch/atomicfile"
)

// state is what the sandbox keeps across restarts: instances, launch
// templates and the ClientTokens of committed RunInstances calls.
type state struct {
	Version   int                  `json:"version"`
	Instances map[string]*instance `json:"instances"`
	Templates map[string]*template `json:"templates"`
	// Tokens maps region + "/" + ClientToken to the committed result.
	Tokens map[string]*tokenResult `json:"tokens"`
	// Serial numbers new resource IDs.
	Serial uint64 `json:"serial"`
	// Made is what the create actions added (resources.go); absent in a
	// state file written before they existed.
	Made *made `json:"made,omitempty"`
}

const stateVersion = 1

func newState() *state {
	return &state{Version: stateVersion, Instances: map[string]*instance{}, Templates: map[string]*template{}, Tokens: map[string]*tokenResult{}}
}

// tokenResult is a committed RunInstances answer, replayed for the same
// ClientToken and parameters.
type tokenResult struct {
	ParamsHash  string   `json:"paramsHash"`
	InstanceIds []string `json:"instanceIds"`
	TradePrice  float64  `json:"tradePrice"`
	OrderId     string   `json:"orderId,omitempty"`
}

// instance is one sandbox instance. Status is derived from Created and the
// boot time, so it needs no timer.
type instance struct {
	InstanceId              string      `json:"InstanceId"`
	RegionId                string      `json:"RegionId"`
	ZoneId                  string      `json:"ZoneId"`
	InstanceName            string      `json:"InstanceName"`
	HostName                string      `json:"HostName"`
	Description             string      `json:"Description,omitempty"`
	InstanceType            string      `json:"InstanceType"`
	ImageId                 string      `json:"ImageId"`
	VpcId                   string      `json:"VpcId"`
	VSwitchId               string      `json:"VSwitchId"`
	PrivateIp               string      `json:"PrivateIp"`
	PublicIp                string      `json:"PublicIp,omitempty"`
	SecurityGroupIds        []string    `json:"SecurityGroupIds"`
	KeyPairName             string      `json:"KeyPairName,omitempty"`
	InstanceChargeType      string      `json:"InstanceChargeType"`
	InternetChargeType      string      `json:"InternetChargeType"`
	InternetMaxBandwidthOut int         `json:"InternetMaxBandwidthOut"`
	InternetMaxBandwidthIn  int         `json:"InternetMaxBandwidthIn"`
	SpotStrategy            string      `json:"SpotStrategy"`
	DeletionProtection      bool        `json:"DeletionProtection,omitempty"`
	AutoReleaseTime         string      `json:"AutoReleaseTime,omitempty"`
	ResourceGroupId         string      `json:"ResourceGroupId,omitempty"`
	Tags                    [][2]string `json:"Tags,omitempty"`
	// The instance metadata options (docs/rules.md T2-29); empty or 0 in a
	// state file written before they were kept means the defaults.
	HttpEndpoint            string    `json:"HttpEndpoint,omitempty"`
	HttpTokens              string    `json:"HttpTokens,omitempty"`
	HttpPutResponseHopLimit int       `json:"HttpPutResponseHopLimit,omitempty"`
	Period                  int       `json:"Period,omitempty"`
	PeriodUnit              string    `json:"PeriodUnit,omitempty"`
	Created                 time.Time `json:"Created"`
	// Seq orders instances by creation.
	Seq   uint64            `json:"Seq"`
	Extra map[string]string `json:"Extra,omitempty"`
}

// loadState reads the state file; a missing file is a fresh state, a
// corrupt one an error (it is never silently replaced).
func loadState(path string) (*state, error) {
	if path == "" {
		return newState(), nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return newState(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("sandbox: reading state: %w", err)
	}
	st := newState()
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt (fix or remove it): %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("sandbox: state file %s has version %d, want %d", path, st.Version, stateVersion)
	}
	if st.Instances == nil {
		st.Instances = map[string]*instance{}
	}
	if st.Templates == nil {
		st.Templates = map[string]*template{}
	}
	if st.Tokens == nil {
		st.Tokens = map[string]*tokenResult{}
	}
	if err := st.validate(); err != nil {
		return nil, fmt.Errorf("sandbox: state file %s is corrupt (fix or remove it): %w", path, err)
	}
	return st, nil
}

// validate checks what the handlers take for granted, so a hand-edited
// state file is refused at the start rather than failing (or, before,
// wedging the sandbox) on the first call that reads it: every entry is
// there, is keyed by its own ID and names a region and a creation time.
func (st *state) validate() error {
	for id, in := range st.Instances {
		switch {
		case in == nil:
			return fmt.Errorf("instances[%q] is null", id)
		case in.InstanceId != id:
			return fmt.Errorf("instances[%q] has InstanceId %q", id, in.InstanceId)
		case in.RegionId == "":
			return fmt.Errorf("instances[%q] has no RegionId", id)
		case in.Created.IsZero():
			return fmt.Errorf("instances[%q] has no Created time", id)
		}
	}
	for id, t := range st.Templates {
		switch {
		case t == nil:
			return fmt.Errorf("templates[%q] is null", id)
		case t.LaunchTemplateId != id:
			return fmt.Errorf("templates[%q] has LaunchTemplateId %q", id, t.LaunchTemplateId)
		}
	}
	for key, r := range st.Tokens {
		if r == nil {
			return fmt.Errorf("tokens[%q] is null", key)
		}
		for _, id := range r.InstanceIds {
			if st.Instances[id] == nil {
				return fmt.Errorf("tokens[%q] names instance %q, which is not in instances", key, id)
			}
		}
	}
	return nil
}

// save writes the state file atomically: a temporary file in the same
// directory, synced, then renamed over the old one.
func (s *Server) save() error {
	if s.opts.StateFile == "" {
		return nil
	}
	data, err := s.encodeState()
	if err != nil {
		return fmt.Errorf("sandbox: encoding state: %w", err)
	}
	return writeAtomic(s.opts.StateFile, data)
}

func (s *Server) encodeState() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.MarshalIndent(s.st, "", " ")
}

// saveWithin is save for Close: when a stuck request holds the state's
// lock past d, it reports that instead of waiting for ever.
func (s *Server) saveWithin(d time.Duration) error {
	if s.opts.StateFile == "" {
		return nil
	}
	deadline := time.Now().Add(d)
	for !s.mu.TryLock() {
		if time.Now().After(deadline) {
			return fmt.Errorf("sandbox: a request still holds the state after %v; %s not saved", d, s.opts.StateFile)
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.mu.Unlock()
	return s.save()
}

// writeAtomic writes the state file through atomicfile, 0600 (it names
// the sandbox's resources and tokens).
func writeAtomic(path string, data []byte) error {
	if err := atomicfile.Write(path, data, 0o600); err != nil {
		return fmt.Errorf("sandbox: saving state: %w", err)
	}
	return nil
}
