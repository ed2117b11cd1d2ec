// Package provision creates what an account lacks for a launch — a VPC and
// a vSwitch, a security group with its rules, a key pair — and saves a
// request back as a launch template. Every creation is one explicit call
// with a ClientToken where the API takes one, recorded in the launch
// history's created-resources log before it is sent (so an interrupted
// creation can be found) and after (so it can be cleaned up), and waited
// for until the resource is usable. A creation that fails returns an
// *Error naming the API parameter at fault; what it recorded says failed.
package provision

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/vpc"

	"github.com/ecslaunch/ecslaunch/cloud"
	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/launcher"
	"github.com/ecslaunch/ecslaunch/retry"
)

// ECS is the part of the ECS API provision calls; *ecs.Client satisfies it.
type ECS interface {
	CreateSecurityGroup(*ecs.CreateSecurityGroupRequest) (*ecs.CreateSecurityGroupResponse, error)
	AuthorizeSecurityGroup(*ecs.AuthorizeSecurityGroupRequest) (*ecs.AuthorizeSecurityGroupResponse, error)
	DescribeSecurityGroupAttribute(*ecs.DescribeSecurityGroupAttributeRequest) (*ecs.DescribeSecurityGroupAttributeResponse, error)
	ImportKeyPair(*ecs.ImportKeyPairRequest) (*ecs.ImportKeyPairResponse, error)
	CreateKeyPair(*ecs.CreateKeyPairRequest) (*ecs.CreateKeyPairResponse, error)
	DescribeKeyPairs(*ecs.DescribeKeyPairsRequest) (*ecs.DescribeKeyPairsResponse, error)
	CreateLaunchTemplate(*ecs.CreateLaunchTemplateRequest) (*ecs.CreateLaunchTemplateResponse, error)
	CreateLaunchTemplateVersion(*ecs.CreateLaunchTemplateVersionRequest) (*ecs.CreateLaunchTemplateVersionResponse, error)
	ModifyLaunchTemplateDefaultVersion(*ecs.ModifyLaunchTemplateDefaultVersionRequest) (*ecs.ModifyLaunchTemplateDefaultVersionResponse, error)
}

// VPC is the part of the VPC API (2016-04-28) provision calls; *vpc.Client
// satisfies it.
type VPC interface {
	CreateVpc(*vpc.CreateVpcRequest) (*vpc.CreateVpcResponse, error)
	CreateVSwitch(*vpc.CreateVSwitchRequest) (*vpc.CreateVSwitchResponse, error)
	DescribeVpcs(*vpc.DescribeVpcsRequest) (*vpc.DescribeVpcsResponse, error)
	DescribeVSwitches(*vpc.DescribeVSwitchesRequest) (*vpc.DescribeVSwitchesResponse, error)
}

// Defaults of Options.
const (
	DefaultPollInterval = 2 * time.Second
	DefaultTimeout      = 3 * time.Minute
	DefaultMaxAttempts  = 5
	DefaultBackoff      = time.Second
)

// Options configure a Provisioner.
type Options struct {
	// History records every creation; required.
	History *launcher.History
	// Scheme of every call: "https" by default, "http" for the sandbox.
	Scheme string
	// PollInterval is the delay between the status polls of a new VPC or
	// vSwitch (default 2s); Timeout bounds the wait (default 3 minutes).
	PollInterval, Timeout time.Duration
	// MaxAttempts bounds the tries of a call answered with throttling or a
	// 5xx (default 5); Backoff is the first delay, doubled per attempt.
	MaxAttempts int
	Backoff     time.Duration
	// NewToken makes ClientTokens (default launcher.NewToken).
	NewToken func() string
	// Now stamps the records (default time.Now).
	Now func() time.Time
	// Files is where key files are read and written (default the OS).
	Files Files
}

// Provisioner creates resources through an ECS and a VPC client. Like the
// SDK clients under it, one Provisioner serves one creation at a time.
type Provisioner struct {
	ecs ECS
	vpc VPC
	o   Options
}

// New returns a Provisioner; it fails without a history, since every
// creation is recorded.
func New(e ECS, v VPC, o Options) (*Provisioner, error) {
	if o.History == nil {
		return nil, errors.New(i18n.Text("provision: a history is required: every creation is recorded so it can be found and cleaned up"))
	}
	if o.Scheme == "" {
		o.Scheme = launcher.DefaultScheme
	}
	o.Scheme = strings.ToLower(o.Scheme)
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.NewToken == nil {
		o.NewToken = launcher.NewToken
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Files == nil {
		o.Files = OSFiles{}
	}
	return &Provisioner{ecs: e, vpc: v, o: o}, nil
}

// Created is a resource provision made (or, for a key pair that was
// already there with the same public key, found).
type Created struct {
	// Kind is exporter.KindVPC, KindVSwitch, KindSecurityGroup,
	// KindKeyPair, or KindLaunchTemplate / KindLaunchTemplateVersion.
	Kind   string
	Region string
	// ID is what other calls refer to it by: VpcId, VSwitchId,
	// SecurityGroupId, KeyPairName, LaunchTemplateId.
	ID string
	// Token is the ClientToken of its creation, also its history record's.
	Token string
	// Params are the create call's API parameters; Facts what it answered
	// beside the ID (VRouterId, KeyPairFingerPrint, PrivateKeyFile,
	// LaunchTemplateVersionNumber).
	Params, Facts map[string]string
	// Existing is set when nothing was created: the resource was there.
	Existing bool
}

// The kinds of a saved launch template, beside exporter's network kinds.
const (
	KindLaunchTemplate        = "launch-template"
	KindLaunchTemplateVersion = "launch-template-version"
)

// Error is a creation that failed: the API call, the parameter at fault
// as the API names it (CidrBlock, Permissions.1.PortRange, KeyPairName),
// ECS's code and HTTP status (none for a check made before any call), and
// what to do. Its text carries no secret and no signed URL.
type Error struct {
	Action     string
	Parameter  string
	Code       string
	HTTPStatus int
	Message    string
	// Err is the underlying error (an SDK error, a file error).
	Err error
}

// Error says the call, the parameter, the code and the message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Action)
	if e.Parameter != "" {
		b.WriteString(" " + e.Parameter)
	}
	b.WriteString(": ")
	if e.Code != "" {
		b.WriteString(e.Code)
		if e.HTTPStatus != 0 {
			fmt.Fprintf(&b, " (HTTP %d)", e.HTTPStatus)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	return cloud.Redact(b.String())
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// invalid is a check made before any call: the parameter, the rule and the
// allowed values.
func invalid(action, param, msg string) *Error {
	return &Error{Action: action, Parameter: param, Message: msg}
}

// paramInMessage finds a flat parameter name ECS names in its message
// ("The specified parameter Permissions.2.PortRange is not valid").
var paramInMessage = regexp.MustCompile(`\bPermissions\.\d+\.[A-Za-z]+\b`)

// codeParams maps the codes of the create calls to the parameter they
// concern, where the message does not name it.
var codeParams = map[string]string{
	"InvalidCidrBlock.Overlapped": "CidrBlock", "InvalidCidrBlock.Malformed": "CidrBlock",
	"InvalidCirdrBlock.MaskLength": "CidrBlock", "IllegalParam.CidrBlock": "CidrBlock",
	"InvalidVpcId.NotFound": "VpcId", "IncorrectVpcStatus": "VpcId", "Forbidden.VpcNotFound": "VpcId",
	"OperationDenied.OtherSubnetCreating": "VpcId", "InvalidZoneId.NotFound": "ZoneId",
	"InvalidVpcName.Malformed": "VpcName", "InvalidVSwitchName.Malformed": "VSwitchName",
	"InvalidVpcDiscription.Malformed": "Description", "InvalidDescription.Malformed": "Description",
	"InvalidSecurityGroupName.Malformed": "SecurityGroupName", "InvalidParams.GroupType": "SecurityGroupType",
	"InvalidSecurityGroupId.NotFound": "SecurityGroupId", "KeyPair.AlreadyExist": "KeyPairName",
	"InvalidKeyPairName.Malformed": "KeyPairName", "InvalidPublicKeyBody.Malformed": "PublicKeyBody",
	"LaunchTemplateName.Duplicated": "LaunchTemplateName", "InvalidLaunchTemplateName.Malformed": "LaunchTemplateName",
	"InvalidLaunchTemplate.NotFound": "LaunchTemplateId", "QuotaExceeded.Vpc": "RegionId",
	"QuotaExceeded.VSwitch": "VpcId", "QuotaExceed.SecurityGroup": "RegionId", "QuotaExceed.KeyPair": "RegionId",
	"AuthorizationLimitExceed": "Permissions", "LaunchTemplateLimitExceed": "RegionId",
	"LaunchTemplateVersionLimitExceed": "LaunchTemplateId",
}

// codeHint says what to do about an answer a user can act on, in the
// current language; "" for the others.
func codeHint(code string) string {
	switch code {
	case "InvalidCidrBlock.Overlapped":
		return i18n.Text("choose a CIDR block that overlaps no vSwitch of the VPC (SuggestVSwitchCIDR finds one)")
	case "InvalidCirdrBlock.MaskLength":
		return i18n.Text("a vSwitch's CIDR block has a mask of 16 to 29 bits")
	case "IncorrectVpcStatus":
		return i18n.Text("the VPC is not Available yet: wait for it")
	case "OperationDenied.OtherSubnetCreating":
		return i18n.Text("another vSwitch of the VPC is still being created: wait for it")
	case "QuotaExceeded.Vpc":
		return i18n.Text("the region holds as many VPCs as the account may have: use an existing one or ask for a higher quota (Quota Center)")
	case "QuotaExceeded.VSwitch":
		return i18n.Text("the VPC holds as many vSwitches as it may: use an existing one")
	case "QuotaExceed.SecurityGroup":
		return i18n.Text("the region holds as many security groups as the account may have: use an existing one")
	case "QuotaExceed.KeyPair":
		return i18n.Text("the region holds as many key pairs as the account may have: use an existing one")
	case "KeyPair.AlreadyExist":
		return i18n.Text("a key pair of that name exists in the region: choose another KeyPairName, or pick the existing key pair")
	case "LaunchTemplateName.Duplicated":
		return i18n.Text("a launch template of that name exists: choose another LaunchTemplateName, or save a new version of it")
	}
	return ""
}

// apiFailure turns a failed call's error into an *Error: the parameter
// from the message or the code, ECS's code, status and message.
func apiFailure(action string, err error) *Error {
	out := &Error{Action: action, Err: err, Message: cloud.Describe(err)}
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		return out
	}
	out.Code, out.HTTPStatus, out.Message = se.ErrorCode(), se.HttpStatus(), se.Message()
	if p := paramInMessage.FindString(se.Message()); p != "" {
		out.Parameter = p
	} else {
		out.Parameter = codeParams[out.Code]
	}
	if hint := codeHint(out.Code); hint != "" {
		out.Message += " — " + hint
	}
	return out
}

// call sends one API call, retrying throttling and 5xx answers with
// backoff (the same ClientToken makes a retry safe); retryable says whether
// a 5xx may be retried (not for CreateKeyPair: its private key would be lost).
func call[T any](ctx context.Context, p *Provisioner, action string, retryable bool, fn func() (T, error)) (T, error) {
	var zero T
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return zero, &Error{Action: action, Message: i18n.Text("cancelled"), Err: err}
		}
		resp, err := fn()
		if err == nil {
			return resp, nil
		}
		if attempt >= p.o.MaxAttempts || !retry.Transient(err) || (!retryable && !throttled(err)) {
			return zero, apiFailure(action, err)
		}
		if werr := retry.Sleep(ctx, retry.Backoff(p.o.Backoff, 16*p.o.Backoff, attempt)); werr != nil {
			return zero, &Error{Action: action, Message: "cancelled", Err: werr}
		}
	}
}

// throttled reports flow control: the call was refused, not processed.
func throttled(err error) bool {
	var se *sdkerrors.ServerError
	return errors.As(err, &se) && (strings.HasPrefix(se.ErrorCode(), "Throttling") || se.HttpStatus() == 429)
}

// scheme stamps the provisioner's scheme on a fresh SDK request.
func (p *Provisioner) scheme(r requests.AcsRequest) { r.SetScheme(p.o.Scheme) }

// begin records a creation as pending, with its token and parameters,
// before its call is sent.
func (p *Provisioner) begin(kind, region, token string, params map[string]string) error {
	return p.o.History.RecordResource(launcher.Resource{Time: p.o.Now(), Token: token, State: launcher.ResourcePending,
		Kind: kind, Region: region, Params: params})
}

// done records a creation's outcome: created with its ID and facts, or
// failed with the error.
func (p *Provisioner) done(c Created, err error) error {
	r := launcher.Resource{Time: p.o.Now(), Token: c.Token, State: launcher.ResourceCreated, Kind: c.Kind,
		Region: c.Region, ID: c.ID, Facts: c.Facts}
	if err != nil {
		r.State, r.Error = launcher.ResourceFailed, err.Error()
		if c.ID != "" { // it exists although a later step failed
			r.State = launcher.ResourceCreated
		}
	}
	if herr := p.o.History.RecordResource(r); herr != nil {
		return errors.Join(err, herr)
	}
	return err
}
