// Package cloud resolves Alibaba Cloud credentials the way the aliyun CLI
// does and builds classic-SDK ECS and VPC clients that are safe by default:
// HTTPS against the real endpoints, explicit timeouts, no SDK auto-retry,
// a context on every call and secrets redacted from every error.
package cloud

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Default timeouts. The SDK's own defaults depend on the first API called
// (docs/sdk-notes.md §5: the first call's timeout sticks), so we always set both.
const (
	DefaultConnectTimeout = 5 * time.Second
	DefaultReadTimeout    = 20 * time.Second
)

// ErrNoCredentials is returned by Resolve when no credential source is
// configured. Its text is the one line the program prints, in the
// language chosen when it is printed.
var ErrNoCredentials error = noCredentials{}

// noCredentials is ErrNoCredentials: a value, so errors.Is matches it,
// whose text is translated when it is read, not at start-up.
type noCredentials struct{}

func (noCredentials) Error() string {
	return i18n.Text("no Alibaba Cloud credentials found (aliyun configure, ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET or --profile); try ecslaunch without an account with --sandbox")
}

// Config says where and as whom to call the APIs.
type Config struct {
	// Profile is a named profile of the aliyun CLI config file (--profile).
	Profile string
	// Region is the default region (--region); "" takes the credential's
	// region (a profile's region_id, ALIBABA_CLOUD_REGION_ID), else
	// cn-hangzhou (Session.RegionSource says which).
	Region string
	// Endpoint is HOST:PORT of an ECS-compatible endpoint (--endpoint); "" uses
	// the real regional endpoints.
	Endpoint string
	// Insecure speaks plain HTTP to Endpoint (--insecure); it needs Endpoint.
	Insecure bool
	// Sandbox marks a session against the built-in sandbox (see Sandbox).
	Sandbox bool
	// ConnectTimeout and ReadTimeout bound every call; 0 takes the defaults.
	ConnectTimeout, ReadTimeout time.Duration
	// ConfigPath is the aliyun CLI config file; "" means $HOME/.aliyun/config.json.
	ConfigPath string
	// Getenv reads the environment; nil means os.Getenv. Tests inject it.
	Getenv func(string) string
}

// The aliyun CLI accepts each of its variables under three prefixes
// (docs/sdk-notes.md §6, config/profile.go:325-397), first one wins.
var envPrefixes = []string{"ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"}

// env looks a CLI variable up under every prefix.
func (c Config) env(name string) string {
	v, _ := c.envNamed(name)
	return v
}

// envNamed is env with the name of the variable that was set.
func (c Config) envNamed(name string) (value, variable string) {
	for _, p := range envPrefixes {
		if v := c.getenv(p + name); v != "" {
			return v, p + name
		}
	}
	return "", ""
}

func (c Config) getenv(name string) string {
	if c.Getenv != nil {
		return c.Getenv(name)
	}
	return os.Getenv(name)
}

// configPath is where the aliyun CLI keeps its profiles.
func (c Config) configPath() string {
	if c.ConfigPath != "" {
		return c.ConfigPath
	}
	home := c.getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".aliyun", "config.json")
}

// ConfigFileError reports an aliyun CLI config file that cannot be read or
// parsed: unreadable input, which never quotes the file (it holds secrets).
type ConfigFileError struct {
	Path string
	// Err is why the file cannot be read; nil when it is read but is not
	// JSON.
	Err error
}

// Error names the file and what is wrong with it.
func (e *ConfigFileError) Error() string {
	if e.Err != nil {
		return i18n.T("aliyun CLI config %s cannot be read: %v", e.Path, e.Err)
	}
	return i18n.T("aliyun CLI config %s is not valid JSON (rewrite it with aliyun configure)", e.Path)
}

// Unwrap returns why the file cannot be read.
func (e *ConfigFileError) Unwrap() error { return e.Err }

// cliConfig is the aliyun CLI config file (config/configuration.go:35-40).
type cliConfig struct {
	Current  string       `json:"current"`
	Profiles []cliProfile `json:"profiles"`
}

// cliProfile holds the profile fields we use (config/profile.go:93-140).
type cliProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	AccessKeyID     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	StsToken        string `json:"sts_token"`
	StsRegion       string `json:"sts_region"`
	RAMRoleName     string `json:"ram_role_name"`
	RAMRoleArn      string `json:"ram_role_arn"`
	RAMSessionName  string `json:"ram_session_name"`
	ExternalID      string `json:"external_id"`
	SourceProfile   string `json:"source_profile"`
	ExpiredSeconds  int    `json:"expired_seconds"`
	RegionID        string `json:"region_id"`
	Language        string `json:"language"`
}

// The profile modes we support (config/profile.go:46-64).
const (
	modeAK                  = "AK"
	modeStsToken            = "StsToken"
	modeRamRoleArn          = "RamRoleArn"
	modeEcsRamRole          = "EcsRamRole"
	modeChainableRamRoleArn = "ChainableRamRoleArn"
)

// loadCLIConfig reads the CLI config; a missing file is (nil, nil).
func loadCLIConfig(path string) (*cliConfig, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &ConfigFileError{Path: path, Err: err}
	}
	var conf cliConfig
	if err := json.Unmarshal(data, &conf); err != nil {
		// The file holds secrets: never echo its content.
		return nil, &ConfigFileError{Path: path}
	}
	return &conf, nil
}

// CLILanguage is the language the aliyun CLI is configured with ("en",
// "zh"): the named profile's, else the current one's; "" when there is no
// config or it says none. A config that cannot be read says none here:
// the commands report it when they need credentials.
func CLILanguage(cfg Config) string {
	conf, err := loadCLIConfig(cfg.configPath())
	if err != nil || conf == nil {
		return ""
	}
	name := cfg.Profile
	if name == "" {
		name = currentName(cfg, conf)
	}
	if p, ok := conf.profile(name); ok {
		return p.Language
	}
	return ""
}

// UnknownProfileError reports a profile asked for by name (--profile,
// ALIBABA_CLOUD_PROFILE) that the aliyun CLI config does not hold: a usage
// error, which names the profiles it does hold.
type UnknownProfileError struct {
	Name, Path string
	// Known are the configured profiles' names (no other field of them).
	Known []string
}

// Error names the profile, the file and the profiles there are.
func (e *UnknownProfileError) Error() string {
	if len(e.Known) == 0 {
		return i18n.T("profile %[1]q: no profile is configured in %[2]s (aliyun configure --profile %[1]s)", e.Name, e.Path)
	}
	return i18n.T("profile %q is not configured in %s; configured: %s", e.Name, e.Path, strings.Join(e.Known, ", "))
}

// names lists the configured profiles.
func (c *cliConfig) names() []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, p := range c.Profiles {
		if p.configured() {
			out = append(out, p.Name)
		}
	}
	return out
}

func (c *cliConfig) profile(name string) (*cliProfile, bool) {
	if c == nil {
		return nil, false
	}
	for i := range c.Profiles {
		if c.Profiles[i].Name == name {
			return &c.Profiles[i], true
		}
	}
	return nil, false
}

// mode is the profile's mode, recognised from its fields when empty as the
// CLI does (AutoModeRecognition, config/profile.go:402-426).
func (p *cliProfile) mode() string {
	if p.Mode != "" {
		return p.Mode
	}
	switch {
	case p.AccessKeyID != "" && p.AccessKeySecret != "" && p.StsToken != "":
		return modeStsToken
	case p.AccessKeyID != "" && p.AccessKeySecret != "":
		return modeAK
	}
	return ""
}

// configured reports whether the profile holds any credentials at all; the
// CLI writes an empty "default" profile that must not count.
func (p *cliProfile) configured() bool { return p.mode() != "" }

// credential is a resolved credential source: its provider, a non-secret
// identity for cache keys, the secrets to redact and where it came from.
type credential struct {
	provider credentials.CredentialsProvider
	identity string
	secrets  []string
	// keyed is the secret material the cache key hashes when secrets is
	// left empty on purpose (the sandbox's public key is not registered
	// for redaction, but a wrong sandbox secret must not share a cache).
	keyed  []string
	source string
	region string
	// regionFrom says where region came from, for Session.RegionSource.
	regionFrom string
}

// Resolve finds credentials in the aliyun CLI's order: the --profile named
// profile, the ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET(/SECURITY_TOKEN)
// variables, the ALIBABA_CLOUD_PROFILE profile, the config file's current
// profile, and the ECS instance RAM role named by ALIBABA_CLOUD_ECS_METADATA.
// It never calls the network: role credentials are fetched on first use.
func Resolve(cfg Config) (*Session, error) {
	if cfg.Sandbox {
		if cfg.Endpoint == "" {
			return nil, errors.New(i18n.Text("sandbox: start the sandbox first and pass its endpoint"))
		}
		return Sandbox(cfg.Endpoint, cfg)
	}
	cred, err := findCredential(cfg)
	if err != nil {
		return nil, err
	}
	region, from := resolveRegion(cfg, cred)
	s, err := newSession(cfg, region, cred)
	if err != nil {
		return nil, err
	}
	s.regionSource = from
	return s, nil
}

// resolveRegion is the session's default region and where it came from:
// --region; else the credential's own (a profile's region_id; for
// environment credentials ALIBABA_CLOUD_REGION_ID, then the current
// profile's); else ALIBABA_CLOUD_REGION_ID; else cn-hangzhou, never "" (an
// empty region made the wizard take the first region DescribeRegions
// lists, cn-qingdao).
func resolveRegion(cfg Config, cred *credential) (region, from string) {
	if strings.TrimSpace(cfg.Region) != "" {
		return cfg.Region, "--region"
	}
	if cred.region != "" {
		return cred.region, cred.regionFrom
	}
	if v, name := cfg.envNamed("REGION_ID"); v != "" {
		return v, name
	}
	return fallbackRegion, defaultRegionFrom
}

func findCredential(cfg Config) (*credential, error) {
	path := cfg.configPath()
	conf, err := loadCLIConfig(path)
	if err != nil {
		return nil, err
	}
	if cfg.Profile != "" {
		return profileCredential(conf, path, cfg.Profile, true)
	}
	if cred := envCredential(cfg); cred != nil {
		cred.region, cred.regionFrom = cfg.envNamed("REGION_ID")
		if name := currentName(cfg, conf); cred.region == "" {
			if p, ok := conf.profile(name); ok && p.RegionID != "" {
				cred.region, cred.regionFrom = p.RegionID, i18n.T("profile %q", name)
			}
		}
		return cred, nil
	}
	if name := cfg.env("PROFILE"); name != "" {
		return profileCredential(conf, path, name, true)
	}
	if conf != nil {
		if cred, err := profileCredential(conf, path, currentName(cfg, conf), false); cred != nil || err != nil {
			return cred, err
		}
	}
	if role := cfg.getenv("ALIBABA_CLOUD_ECS_METADATA"); role != "" {
		return &credential{
			provider: credentials.NewECSRAMRoleCredentialsProvider(role),
			identity: "ecs-ram-role:" + role,
			source:   i18n.T("ECS instance RAM role %q (ALIBABA_CLOUD_ECS_METADATA)", role),
		}, nil
	}
	return nil, ErrNoCredentials
}

// currentName is the profile the CLI would use without --profile.
func currentName(cfg Config, conf *cliConfig) string {
	if name := cfg.env("PROFILE"); name != "" {
		return name
	}
	if conf != nil && conf.Current != "" {
		return conf.Current
	}
	return "default"
}

// envCredential reads the AccessKey variables; nil when they are not set.
func envCredential(cfg Config) *credential {
	id, secret := cfg.env("ACCESS_KEY_ID"), cfg.env("ACCESS_KEY_SECRET")
	if id == "" || secret == "" {
		return nil
	}
	token := cfg.env("SECURITY_TOKEN")
	cred := &credential{identity: "ak:" + id, secrets: []string{secret, token}, source: i18n.Text("environment variables")}
	if token != "" {
		cred.provider = credentials.NewStaticSTSCredentialsProvider(id, secret, token)
		return cred
	}
	return envLike(id, secret)
}

// envLike is a static AccessKey credential.
func envLike(id, secret string) *credential {
	return &credential{
		provider: credentials.NewStaticAKCredentialsProvider(id, secret),
		identity: "ak:" + id, secrets: []string{secret}, source: i18n.Text("environment variables"),
	}
}

// profileCredential builds the named profile's provider. A missing profile
// is an error when it was asked for by name, and "none" otherwise.
func profileCredential(conf *cliConfig, path, name string, required bool) (*credential, error) {
	p, ok := conf.profile(name)
	if !ok || !p.configured() {
		if !required {
			return nil, nil
		}
		return nil, &UnknownProfileError{Name: name, Path: path, Known: conf.names()}
	}
	cred, err := providerFor(conf, p, map[string]bool{})
	if err != nil {
		return nil, i18n.Errorf("profile %q in %s: %w", name, path, err)
	}
	cred.source = i18n.T("profile %q (%s) of %s", name, p.mode(), path)
	cred.region, cred.regionFrom = p.RegionID, i18n.T("profile %q", name)
	return cred, nil
}

// providerFor maps a profile mode to the SDK's credentials provider;
// ChainableRamRoleArn recurses into its source profile.
func providerFor(conf *cliConfig, p *cliProfile, seen map[string]bool) (*credential, error) {
	if seen[p.Name] {
		return nil, i18n.Errorf("source_profile loop at %q", p.Name)
	}
	seen[p.Name] = true
	switch mode := p.mode(); mode {
	case modeAK:
		if p.AccessKeyID == "" || p.AccessKeySecret == "" {
			return nil, errors.New(i18n.Text("mode AK needs access_key_id and access_key_secret"))
		}
		return &credential{
			provider: credentials.NewStaticAKCredentialsProvider(p.AccessKeyID, p.AccessKeySecret),
			identity: "ak:" + p.AccessKeyID, secrets: []string{p.AccessKeySecret},
		}, nil
	case modeStsToken:
		if p.AccessKeyID == "" || p.AccessKeySecret == "" || p.StsToken == "" {
			return nil, errors.New(i18n.Text("mode StsToken needs access_key_id, access_key_secret and sts_token"))
		}
		return &credential{
			provider: credentials.NewStaticSTSCredentialsProvider(p.AccessKeyID, p.AccessKeySecret, p.StsToken),
			identity: "ak:" + p.AccessKeyID, secrets: []string{p.AccessKeySecret, p.StsToken},
		}, nil
	case modeRamRoleArn:
		if p.AccessKeyID == "" || p.AccessKeySecret == "" {
			return nil, errors.New(i18n.Text("mode RamRoleArn needs access_key_id and access_key_secret"))
		}
		base := &credential{
			provider: credentials.NewStaticAKCredentialsProvider(p.AccessKeyID, p.AccessKeySecret),
			identity: "ak:" + p.AccessKeyID, secrets: []string{p.AccessKeySecret},
		}
		return assumeRole(base, p)
	case modeChainableRamRoleArn:
		src, ok := conf.profile(p.SourceProfile)
		if p.SourceProfile == "" || !ok {
			return nil, i18n.Errorf("source_profile %q not found", p.SourceProfile)
		}
		base, err := providerFor(conf, src, seen)
		if err != nil {
			return nil, i18n.Errorf("source_profile %q: %w", p.SourceProfile, err)
		}
		return assumeRole(base, p)
	case modeEcsRamRole:
		// An empty role name makes the provider ask the metadata service
		// for it on first use, as the CLI does.
		return &credential{
			provider: credentials.NewECSRAMRoleCredentialsProvider(p.RAMRoleName),
			identity: "ecs-ram-role:" + p.RAMRoleName,
		}, nil
	default:
		return nil, i18n.Errorf("mode %q is not supported (use AK, StsToken, RamRoleArn, EcsRamRole or ChainableRamRoleArn)", mode)
	}
}

// assumeRole wraps base in the SDK's RAM role provider for the profile's role.
func assumeRole(base *credential, p *cliProfile) (*credential, error) {
	if p.RAMRoleArn == "" {
		return nil, i18n.Errorf("mode %s needs ram_role_arn", p.mode())
	}
	session := firstNonEmpty(p.RAMSessionName, "ecslaunch")
	prov, err := credentials.NewRAMRoleARNCredentialsProviderBuilder().
		WithCredentialsProvider(base.provider).
		WithRoleArn(p.RAMRoleArn).
		WithRoleSessionName(session).
		WithDurationSeconds(p.ExpiredSeconds).
		WithStsRegion(p.StsRegion).
		WithExternalId(p.ExternalID).
		Build()
	if err != nil {
		return nil, err
	}
	return &credential{
		provider: prov,
		identity: base.identity + "|role:" + p.RAMRoleArn,
		secrets:  base.secrets,
	}, nil
}

// accountKey hashes a credential identity into a short, non-secret cache key.
func accountKey(identity string) string {
	sum := sha256.Sum256([]byte(identity))
	return hex.EncodeToString(sum[:8])
}

// credentialKey hashes the whole credential, its secrets included, into a
// short key: 64 bits of a SHA-256 reveal nothing usable of a 30-character
// secret, and two secrets for one AccessKeyId get two keys.
func credentialKey(c *credential) string {
	h := sha256.New()
	h.Write([]byte("ecslaunch-credential\x00" + c.identity))
	material := c.secrets
	if len(material) == 0 {
		material = c.keyed
	}
	for _, s := range material {
		h.Write([]byte("\x00" + s))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// IdentityLabel turns a credential identity ("ak:LTAI…", "ecs-ram-role:R",
// "ak:…|role:ARN") into a label that can be shown and stored: an
// AccessKeyId is masked, as its full value is half of a credential.
func IdentityLabel(identity string) string {
	parts := strings.Split(identity, "|")
	for i, p := range parts {
		switch {
		case strings.HasPrefix(p, "ak:"):
			parts[i] = "AccessKeyId " + MaskID(strings.TrimPrefix(p, "ak:"))
		case strings.HasPrefix(p, "ecs-ram-role:"):
			parts[i] = "ECS RAM role " + strings.TrimPrefix(p, "ecs-ram-role:")
		case strings.HasPrefix(p, "role:"):
			parts[i] = "assuming " + strings.TrimPrefix(p, "role:")
		}
	}
	return strings.Join(parts, ", ")
}

// MaskID keeps the first and last four characters of an identifier
// (LTAI…x9Qz), enough to tell two keys apart and not enough to use one.
func MaskID(id string) string {
	r := []rune(id)
	if len(r) <= 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:4]) + "…" + string(r[len(r)-4:])
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
