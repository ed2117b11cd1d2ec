package cloud

import (
	"errors"
	"strings"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The sandbox's default credentials (sandbox.DefaultAccessKeyID and
// sandbox.DefaultAccessKeySecret); a test pins them to the sandbox package.
const (
	SandboxAccessKeyID     = "sandbox"
	SandboxAccessKeySecret = "sandbox"
)

// Sandbox returns a session against a running sandbox at endpoint
// ("127.0.0.1:PORT") with the sandbox credentials, over plain HTTP. cfg
// supplies the region and timeouts; its credential fields are ignored.
func Sandbox(endpoint string, cfg Config) (*Session, error) {
	return SandboxWithKey(endpoint, SandboxAccessKeyID, SandboxAccessKeySecret, cfg)
}

// SandboxWithKey is Sandbox for a sandbox started with its own AccessKey.
func SandboxWithKey(endpoint, accessKeyID, accessKeySecret string, cfg Config) (*Session, error) {
	if endpoint == "" {
		return nil, errors.New(i18n.Text("sandbox: no endpoint"))
	}
	cfg.Endpoint, cfg.Insecure, cfg.Sandbox = endpoint, true, true
	cred := envLike(accessKeyID, accessKeySecret)
	cred.source = i18n.T("sandbox at %s", endpoint)
	// The sandbox key is public; registering "sandbox" as a secret would
	// mask the word in every message.
	cred.secrets, cred.keyed = nil, cred.secrets
	s, err := newSession(cfg, firstNonEmpty(cfg.Region, fallbackRegion), cred)
	if err == nil {
		s.regionSource = "--region"
		if strings.TrimSpace(cfg.Region) == "" {
			s.regionSource = sandboxRegionFrom
		}
	}
	return s, err
}
