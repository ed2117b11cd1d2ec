package cloud

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
)

// cliFile is a config.json as `aliyun configure` writes it, one profile per mode.
const cliFile = `{"current":"ak","profiles":[
 {"name":"default","mode":"","output_format":"json","language":"en"},
 {"name":"ak","mode":"AK","access_key_id":"LTAIprofileAK","access_key_secret":"SECRETprofileAK","region_id":"cn-hangzhou"},
 {"name":"sts","mode":"StsToken","access_key_id":"STS.profile","access_key_secret":"SECRETsts","sts_token":"TOKENsts1234","region_id":"cn-shanghai"},
 {"name":"role","mode":"RamRoleArn","access_key_id":"LTAIrole","access_key_secret":"SECRETrole","ram_role_arn":"acs:ram::123456789012:role/admin","ram_session_name":"wizard","region_id":"cn-beijing"},
 {"name":"ecsrole","mode":"EcsRamRole","ram_role_name":"MyEcsRole","region_id":"cn-shenzhen"},
 {"name":"chain","mode":"ChainableRamRoleArn","ram_role_arn":"acs:ram::123456789012:role/dev","ram_session_name":"wiz","source_profile":"ak","region_id":"ap-southeast-1"},
 {"name":"loop","mode":"ChainableRamRoleArn","ram_role_arn":"acs:ram::1:role/x","source_profile":"loop"},
 {"name":"auto","access_key_id":"LTAIauto","access_key_secret":"SECRETauto"},
 {"name":"sso","mode":"CloudSSO"}
]}`

// writeConfig writes a config.json under a temp HOME and returns the HOME.
func writeConfig(t *testing.T, content string) string {
	t.Helper()
	home := t.TempDir()
	if content == "" {
		return home
	}
	dir := filepath.Join(home, ".aliyun")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return home
}

// envOf is an injectable environment with HOME set.
func envOf(home string, kv ...string) func(string) string {
	m := map[string]string{"HOME": home}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func creds(t *testing.T, s *Session) *credentials.Credentials {
	t.Helper()
	cc, err := s.provider.GetCredentials()
	if err != nil {
		t.Fatalf("GetCredentials: %v", err)
	}
	return cc
}

func TestResolveProfileModes(t *testing.T) {
	home := writeConfig(t, cliFile)
	tests := []struct {
		profile, region, wantID, wantToken string
		wantRole                           bool
	}{
		{profile: "ak", region: "cn-hangzhou", wantID: "LTAIprofileAK"},
		{profile: "sts", region: "cn-shanghai", wantID: "STS.profile", wantToken: "TOKENsts1234"},
		{profile: "role", region: "cn-beijing", wantRole: true},
		{profile: "ecsrole", region: "cn-shenzhen", wantRole: true},
		{profile: "chain", region: "ap-southeast-1", wantRole: true},
		{profile: "auto", region: "cn-hangzhou", wantID: "LTAIauto"}, // no region_id: the default, never ""
	}
	for _, tt := range tests {
		t.Run(tt.profile, func(t *testing.T) {
			s, err := Resolve(Config{Profile: tt.profile, Getenv: envOf(home)})
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if s.Region() != tt.region {
				t.Errorf("Region() = %q, want %q", s.Region(), tt.region)
			}
			if !strings.Contains(s.Source(), tt.profile) {
				t.Errorf("Source() = %q, want the profile name", s.Source())
			}
			if s.Scheme() != "HTTPS" {
				t.Errorf("Scheme() = %q, want HTTPS", s.Scheme())
			}
			inner := s.provider.(*lockedProvider).inner
			if tt.wantRole {
				// Role providers are lazy: Resolve must not have called STS or IMDS.
				switch inner.(type) {
				case *credentials.RAMRoleARNCredentialsProvider, *credentials.ECSRAMRoleCredentialsProvider:
				default:
					t.Fatalf("provider %T, want a role provider", inner)
				}
				return
			}
			cc := creds(t, s)
			if cc.AccessKeyId != tt.wantID || cc.SecurityToken != tt.wantToken {
				t.Errorf("credentials = %q/%q, want %q/%q", cc.AccessKeyId, cc.SecurityToken, tt.wantID, tt.wantToken)
			}
		})
	}
}

func TestResolveProfileErrors(t *testing.T) {
	home := writeConfig(t, cliFile)
	for _, name := range []string{"missing", "default", "loop", "sso"} {
		_, err := Resolve(Config{Profile: name, Getenv: envOf(home)})
		if err == nil || errors.Is(err, ErrNoCredentials) {
			t.Errorf("profile %q: err = %v, want a profile error", name, err)
			continue
		}
		if !strings.Contains(err.Error(), name) {
			t.Errorf("profile %q: error %q does not name it", name, err)
		}
	}
}

func TestResolveOrder(t *testing.T) {
	home := writeConfig(t, cliFile)
	empty := writeConfig(t, "")
	envAK := []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRETenv"}
	tests := []struct {
		name   string
		cfg    Config
		env    []string
		home   string
		wantID string
		region string
	}{
		{"flag beats env", Config{Profile: "sts"}, envAK, home, "STS.profile", "cn-shanghai"},
		{"env beats ALIBABA_CLOUD_PROFILE, keeps its region", Config{}, append([]string{"ALIBABA_CLOUD_PROFILE", "sts"}, envAK...), home, "LTAIenv", "cn-shanghai"},
		{"env region beats profile", Config{}, append([]string{"ALIBABA_CLOUD_REGION_ID", "us-west-1"}, envAK...), home, "LTAIenv", "us-west-1"},
		{"alias prefix", Config{}, []string{"ALICLOUD_ACCESS_KEY_ID", "LTAIalias", "ALICLOUD_ACCESS_KEY_SECRET", "SECRETalias"}, empty, "LTAIalias", "cn-hangzhou"},
		{"ALIBABA_CLOUD_PROFILE beats current", Config{}, []string{"ALIBABA_CLOUD_PROFILE", "sts"}, home, "STS.profile", "cn-shanghai"},
		{"current profile", Config{}, nil, home, "LTAIprofileAK", "cn-hangzhou"},
		{"--region beats all", Config{Region: "eu-central-1"}, nil, home, "LTAIprofileAK", "eu-central-1"},
		{"env STS token", Config{}, append([]string{"ALIBABA_CLOUD_SECURITY_TOKEN", "TOKENenv123"}, envAK...), empty, "LTAIenv", "cn-hangzhou"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Getenv = envOf(tt.home, tt.env...)
			s, err := Resolve(cfg)
			if err != nil {
				t.Fatalf("Resolve: %v", err)
			}
			if cc := creds(t, s); cc.AccessKeyId != tt.wantID {
				t.Errorf("AccessKeyId = %q, want %q", cc.AccessKeyId, tt.wantID)
			}
			if s.Region() != tt.region {
				t.Errorf("Region() = %q, want %q", s.Region(), tt.region)
			}
		})
	}
}

func TestResolveEnvSecurityToken(t *testing.T) {
	s, err := Resolve(Config{Getenv: envOf(t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRETenv", "ALIBABA_CLOUD_SECURITY_TOKEN", "TOKENenv123")})
	if err != nil {
		t.Fatal(err)
	}
	if cc := creds(t, s); cc.SecurityToken != "TOKENenv123" {
		t.Errorf("SecurityToken = %q, want the env token", cc.SecurityToken)
	}
}

func TestResolveEcsMetadataOnlyWhenSet(t *testing.T) {
	home := writeConfig(t, `{"current":"default","profiles":[{"name":"default","mode":""}]}`)
	_, err := Resolve(Config{Getenv: envOf(home)})
	if !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("without ALIBABA_CLOUD_ECS_METADATA: err = %v, want ErrNoCredentials", err)
	}
	s, err := Resolve(Config{Getenv: envOf(home, "ALIBABA_CLOUD_ECS_METADATA", "WizardRole")})
	if err != nil {
		t.Fatalf("with ALIBABA_CLOUD_ECS_METADATA: %v", err)
	}
	if _, ok := s.provider.(*lockedProvider).inner.(*credentials.ECSRAMRoleCredentialsProvider); !ok {
		t.Errorf("provider %T, want the ECS RAM role provider", s.provider.(*lockedProvider).inner)
	}
	if !strings.Contains(s.Source(), "WizardRole") {
		t.Errorf("Source() = %q, want the role name", s.Source())
	}
}

func TestNoCredentialsIsOneLineOfferingSandbox(t *testing.T) {
	_, err := Resolve(Config{Getenv: envOf(t.TempDir())})
	if !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("err = %v, want ErrNoCredentials", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "--sandbox") {
		t.Errorf("message %q: want one line offering --sandbox", msg)
	}
}

func TestCorruptConfigDoesNotLeakSecrets(t *testing.T) {
	home := writeConfig(t, `{"current":"ak","profiles":[{"name":"ak","access_key_secret":"SECRETleak"`)
	_, err := Resolve(Config{Getenv: envOf(home)})
	if err == nil {
		t.Fatal("Resolve accepted a corrupt config")
	}
	if strings.Contains(err.Error(), "SECRETleak") {
		t.Errorf("error leaks the file content: %v", err)
	}
	var cfe *ConfigFileError
	if !errors.As(err, &cfe) || !strings.Contains(err.Error(), "config.json is not valid JSON") {
		t.Errorf("err = %v, want a ConfigFileError naming the file", err)
	}
}

func TestAccountKeyIsStableAndNotSecret(t *testing.T) {
	home := writeConfig(t, cliFile)
	a, _ := Resolve(Config{Profile: "ak", Getenv: envOf(home)})
	b, _ := Resolve(Config{Getenv: envOf(home)}) // current = ak
	c, _ := Resolve(Config{Profile: "sts", Getenv: envOf(home)})
	if a.AccountKey() != b.AccountKey() {
		t.Errorf("same credential, different keys %q %q", a.AccountKey(), b.AccountKey())
	}
	if a.AccountKey() == c.AccountKey() {
		t.Errorf("different credentials share key %q", a.AccountKey())
	}
	for _, v := range []string{"LTAIprofileAK", "SECRETprofileAK"} {
		if strings.Contains(a.AccountKey(), v) {
			t.Errorf("AccountKey %q contains %q", a.AccountKey(), v)
		}
	}
}

func TestEndpointRules(t *testing.T) {
	env := envOf(t.TempDir(), "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIx", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRETx")
	tests := []struct {
		cfg     Config
		scheme  string
		wantErr bool
	}{
		{Config{}, "HTTPS", false},
		{Config{Endpoint: "127.0.0.1:8080"}, "HTTPS", false},
		{Config{Endpoint: "127.0.0.1:8080", Insecure: true}, "HTTP", false},
		{Config{Insecure: true}, "", true},
		{Config{Endpoint: "http://127.0.0.1:8080", Insecure: true}, "", true},
		{Config{Endpoint: "127.0.0.1:99999"}, "", true},
	}
	for _, tt := range tests {
		tt.cfg.Getenv = env
		s, err := Resolve(tt.cfg)
		if (err != nil) != tt.wantErr {
			t.Errorf("%+v: err = %v, wantErr %v", tt.cfg, err, tt.wantErr)
			continue
		}
		if err == nil && s.Scheme() != tt.scheme {
			t.Errorf("%+v: scheme %q, want %q", tt.cfg, s.Scheme(), tt.scheme)
		}
	}
}

func TestConfigFixtureIsValidJSON(t *testing.T) {
	var c cliConfig
	if err := json.Unmarshal([]byte(cliFile), &c); err != nil || len(c.Profiles) != 9 {
		t.Fatalf("fixture: %v, %d profiles", err, len(c.Profiles))
	}
}

// A profile asked for by name that is not there is an UnknownProfileError
// naming the configured profiles (and nothing else of them).
func TestUnknownProfileNamesTheConfiguredOnes(t *testing.T) {
	home := writeConfig(t, cliFile)
	for _, cfg := range []Config{{Profile: "prod", Getenv: envOf(home)}, {Getenv: envOf(home, "ALIBABA_CLOUD_PROFILE", "prod")}} {
		_, err := Resolve(cfg)
		var upe *UnknownProfileError
		if !errors.As(err, &upe) || upe.Name != "prod" {
			t.Fatalf("err = %v, want an UnknownProfileError for prod", err)
		}
		msg := err.Error()
		if !strings.Contains(msg, "configured: ak, sts, role, ecsrole, chain, loop, auto") || strings.Contains(msg, "SECRET") {
			t.Errorf("message %q", msg)
		}
	}
	_, err := Resolve(Config{Profile: "prod", Getenv: envOf(t.TempDir())})
	var upe *UnknownProfileError
	if !errors.As(err, &upe) || !strings.Contains(err.Error(), "aliyun configure --profile prod") {
		t.Errorf("no config file: err = %v, want how to configure the profile", err)
	}
}

func TestIdentityLabelMasksTheAccessKeyId(t *testing.T) {
	cases := map[string]string{
		"ak:LTAI5tExampleKey9Qz":                        "AccessKeyId LTAI…y9Qz",
		"ecs-ram-role:web":                              "ECS RAM role web",
		"ak:LTAI5tExampleKey9Qz|role:acs:ram::1:role/x": "AccessKeyId LTAI…y9Qz, assuming acs:ram::1:role/x",
		"ak:short": "AccessKeyId *****",
	}
	for in, want := range cases {
		if got := IdentityLabel(in); got != want {
			t.Errorf("IdentityLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefaultRegionIsNamedAndNeverEmpty: environment credentials with
// --endpoint and no region gave an empty region, and the wizard took the
// first one DescribeRegions lists (cn-qingdao). The region now comes from
// --region, the credential's source, ALIBABA_CLOUD_REGION_ID, else
// cn-hangzhou, and the session says which.
func TestDefaultRegionIsNamedAndNeverEmpty(t *testing.T) {
	home := writeConfig(t, cliFile)
	empty := writeConfig(t, "")
	envAK := []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SECRETenv"}
	tests := []struct {
		name         string
		cfg          Config
		home         string
		env          []string
		region, from string
	}{
		{"env credentials, --endpoint, nothing else", Config{Endpoint: "127.0.0.1:9"}, empty, envAK, "cn-hangzhou", "the default"},
		{"env credentials and the current profile's region", Config{Endpoint: "127.0.0.1:9"}, home, append([]string{"ALIBABA_CLOUD_PROFILE", "sts"}, envAK...), "cn-shanghai", `profile "sts"`},
		{"env credentials and ALIBABACLOUD_REGION_ID", Config{}, empty, append([]string{"ALIBABACLOUD_REGION_ID", "cn-beijing"}, envAK...), "cn-beijing", "ALIBABACLOUD_REGION_ID"},
		{"a profile's region_id", Config{Profile: "sts"}, home, nil, "cn-shanghai", `profile "sts"`},
		{"a profile without one, then the variable", Config{Profile: "auto"}, home, []string{"ALIBABA_CLOUD_REGION_ID", "eu-west-1"}, "eu-west-1", "ALIBABA_CLOUD_REGION_ID"},
		{"--region", Config{Region: "us-east-1", Profile: "sts"}, home, nil, "us-east-1", "--region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Getenv = envOf(tt.home, tt.env...)
			s, err := Resolve(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if s.Region() != tt.region || !strings.HasPrefix(s.RegionSource(), tt.from) {
				t.Errorf("Region() = %q from %q, want %q from %q", s.Region(), s.RegionSource(), tt.region, tt.from)
			}
		})
	}
}
