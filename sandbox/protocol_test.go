package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

func TestWrongSecret(t *testing.T) {
	s := start(t, sandbox.Options{})
	_, err := client(t, s, "not-the-secret").DescribeRegions(ecs.CreateDescribeRegionsRequest())
	se := apiError(t, err, "SignatureDoesNotMatch", 400)
	if !strings.Contains(se.Message(), "server string to sign is:POST&%2F&AccessKeyId%3Dsandbox") {
		t.Errorf("message %q", se.Message())
	}
	// the SDK recognises its own StringToSign and blames the secret
	if !strings.HasPrefix(se.Recommend(), "InvalidAccessKeySecret") {
		t.Errorf("recommend %q", se.Recommend())
	}
	if s.Calls()["DescribeRegions"] != 0 {
		t.Error("a rejected call was counted")
	}
}

func TestUnknownAndRevokedKey(t *testing.T) {
	s := start(t, sandbox.Options{AccessKeyID: "LTAIsandboxkey", AccessKeySecret: "s3cret"})
	c, _ := ecs.NewClientWithAccessKey("cn-hangzhou", "LTAIsandboxkey", "s3cret")
	c.Domain = s.Endpoint()
	if _, err := c.DescribeRegions(ecs.CreateDescribeRegionsRequest()); err != nil {
		t.Fatal(err)
	}
	_, err := client(t, s, sandbox.DefaultAccessKeySecret).DescribeRegions(ecs.CreateDescribeRegionsRequest())
	apiError(t, err, "InvalidAccessKeyId.NotFound", 400)
	s.RevokeKey("LTAIsandboxkey")
	_, err = c.DescribeRegions(ecs.CreateDescribeRegionsRequest())
	apiError(t, err, "InvalidAccessKeyId.NotFound", 400)
}

// TestGetAndFormBody: parameters in the query of a GET or in a form body
// are accepted, as the aliyun CLI and other SDKs may send them.
func TestGetAndFormBody(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	for _, method := range []string{"GET", "POST"} {
		req := requests.NewCommonRequest()
		req.Method, req.Domain, req.Version, req.ApiName, req.Scheme = method, s.Endpoint(), "2014-05-26", "DescribeKeyPairs", "http"
		if method == "POST" {
			req.FormParams["KeyPairName"] = "deploy-key"
		} else {
			req.QueryParams["KeyPairName"] = "deploy-key"
		}
		resp, err := c.ProcessCommonRequest(req)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		var body ecs.DescribeKeyPairsResponse
		if err := json.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil || body.TotalCount != 1 {
			t.Errorf("%s: %v %s", method, err, resp.GetHttpContentString())
		}
	}
}

func TestUnknownAction(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	req := requests.NewCommonRequest()
	req.Domain, req.Version, req.ApiName, req.Scheme = s.Endpoint(), "2014-05-26", "DescribeUnicorns", "http"
	_, err := c.ProcessCommonRequest(req)
	apiError(t, err, "InvalidAction.NotFound", 404)
}

// TestErrorBodyStrings: an unsigned request is MissingParameter, and every
// field of the error body is a string (the SDK type-asserts them).
func TestErrorBodyStrings(t *testing.T) {
	s := start(t, sandbox.Options{})
	resp, err := http.Get("http://" + s.Endpoint() + "/?Action=DescribeRegions&Version=2014-05-26&AccessKeyId=sandbox")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 400 || body["Code"] != "MissingParameter" || !strings.Contains(body["Message"].(string), `"Signature"`) {
		t.Errorf("%d %v", resp.StatusCode, body)
	}
	for _, k := range []string{"RequestId", "HostId", "Code", "Message", "Recommend"} {
		if _, ok := body[k].(string); !ok {
			t.Errorf("%s is %T", k, body[k])
		}
	}
}

func TestDescribeDryRun(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	req := ecs.CreateDescribeImagesRequest()
	req.DryRun = requests.NewBoolean(true)
	_, err := c.DescribeImages(req)
	apiError(t, err, "DryRunOperation", 400)
}

func TestFaultRatesChecked(t *testing.T) {
	for _, f := range []sandbox.Faults{{ThrottleRate: 30}, {ErrorRate: -0.1}, {DropAfterCommit: 1.5}, {Latency: -time.Second}} {
		if s, err := sandbox.Start(sandbox.Options{Faults: f}); err == nil {
			s.Close()
			t.Errorf("%+v accepted", f)
		}
	}
}

func TestFaults(t *testing.T) {
	s := start(t, sandbox.Options{Faults: sandbox.Faults{ThrottleRate: 1}})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	_, err := c.DescribeRegions(ecs.CreateDescribeRegionsRequest())
	apiError(t, err, "Throttling.User", 400)
	s.SetFaults(sandbox.Faults{ErrorRate: 1})
	codes := map[string]bool{}
	for i := 0; i < 20; i++ {
		_, err := c.DescribeRegions(ecs.CreateDescribeRegionsRequest())
		var se *sdkerrors.ServerError
		if !errors.As(err, &se) || se.HttpStatus() < 500 {
			t.Fatalf("want a 5xx, got %v", err)
		}
		codes[se.ErrorCode()] = true
	}
	if !codes["ServiceUnavailable"] || !codes["InternalError"] {
		t.Errorf("5xx codes %v", codes)
	}
	s.SetFaults(sandbox.Faults{Latency: time.Millisecond})
	if _, err := c.DescribeRegions(ecs.CreateDescribeRegionsRequest()); err != nil {
		t.Fatal(err)
	}
	if got := s.Calls()["DescribeRegions"]; got != 22 {
		t.Errorf("calls %d, want 22 (faulted ones count)", got)
	}
	s.ResetCalls()
	if len(s.Calls()) != 0 {
		t.Error("ResetCalls kept counts")
	}
}

func TestLaunchTemplates(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	create := ecs.CreateCreateLaunchTemplateRequest()
	create.LaunchTemplateName, create.VersionDescription = "web-g6-large", "first version"
	create.ImageId, create.InstanceType, create.VSwitchId, create.SecurityGroupId = image, "ecs.g6.large", n.vsw, n.sg
	create.VpcId, create.SystemDiskCategory, create.SystemDiskSize = n.vpc, "cloud_essd", requests.NewInteger(50)
	create.DataDisk = &[]ecs.CreateLaunchTemplateDataDisk{{Category: "cloud_essd", Size: "100"}}
	create.Tag = &[]ecs.CreateLaunchTemplateTag{{Key: "app", Value: "web"}}
	create.TemplateTag = &[]ecs.CreateLaunchTemplateTemplateTag{{Key: "team", Value: "platform"}}
	cr, err := c.CreateLaunchTemplate(create)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, cr)
	if !strings.HasPrefix(cr.LaunchTemplateId, "lt-bp") || cr.LaunchTemplateVersionNumber != 1 {
		t.Errorf("created %+v", cr)
	}
	dup := ecs.CreateCreateLaunchTemplateRequest()
	dup.LaunchTemplateName = "web-g6-large"
	_, err = c.CreateLaunchTemplate(dup)
	apiError(t, err, "LaunchTemplateName.Duplicated", 403)
	bad := ecs.CreateCreateLaunchTemplateRequest()
	bad.LaunchTemplateName = "1-starts-with-a-digit"
	_, err = c.CreateLaunchTemplate(bad)
	apiError(t, err, "InvalidLaunchTemplateName.Malformed", 400)

	lr, err := c.DescribeLaunchTemplates(ecs.CreateDescribeLaunchTemplatesRequest())
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, lr)
	set := lr.LaunchTemplateSets.LaunchTemplateSet
	if lr.TotalCount != 1 || set[0].LaunchTemplateName != "web-g6-large" || set[0].LatestVersionNumber != 1 ||
		set[0].CreatedBy == "" || len(set[0].Tags.Tag) != 1 {
		t.Errorf("templates %+v", set)
	}
	vr := ecs.CreateDescribeLaunchTemplateVersionsRequest()
	vr.LaunchTemplateId = cr.LaunchTemplateId
	vresp, err := c.DescribeLaunchTemplateVersions(vr)
	if err != nil {
		t.Fatal(err)
	}
	noFieldLost(t, vresp)
	data := vresp.LaunchTemplateVersionSets.LaunchTemplateVersionSet[0].LaunchTemplateData
	if data.ImageId != image || data.SystemDiskSize != 50 || data.SystemDiskCategory != "cloud_essd" || data.VpcId != n.vpc ||
		len(data.DataDisks.DataDisk) != 1 || data.DataDisks.DataDisk[0].Size != 100 || len(data.Tags.InstanceTag) != 1 {
		t.Errorf("template data %+v", data)
	}
	// launching from the template alone: ImageId, InstanceType and network come from it
	run := ecs.CreateRunInstancesRequest()
	run.LaunchTemplateId = cr.LaunchTemplateId
	run.InstanceName = "from-template"
	rr, err := c.RunInstances(run)
	if err != nil {
		t.Fatal(err)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceIds = `["` + rr.InstanceIdSets.InstanceIdSet[0] + `"]`
	dr, _ := c.DescribeInstances(d)
	if in := dr.Instances.Instance[0]; in.InstanceType != "ecs.g6.large" || in.ImageId != image || in.InstanceName != "from-template" {
		t.Errorf("instance from template %+v", in)
	}
	wrongVersion := ecs.CreateRunInstancesRequest()
	wrongVersion.LaunchTemplateName, wrongVersion.LaunchTemplateVersion = "web-g6-large", requests.NewInteger(9)
	_, err = c.RunInstances(wrongVersion)
	apiError(t, err, "InvalidLaunchTemplateVersion.NotFound", 404)
}

func TestStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := sandbox.Start(sandbox.Options{StateFile: path})
	if err != nil {
		t.Fatal(err)
	}
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.Amount, req.ClientToken = requests.NewInteger(2), "persisted"
	first, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	lt := ecs.CreateCreateLaunchTemplateRequest()
	lt.LaunchTemplateName = "kept"
	if _, err := c.CreateLaunchTemplate(lt); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := start(t, sandbox.Options{StateFile: path})
	c2 := client(t, s2, sandbox.DefaultAccessKeySecret)
	if s2.InstanceCount() != 2 {
		t.Errorf("%d instances after restart", s2.InstanceCount())
	}
	again := goodRequest(n)
	again.Amount, again.ClientToken = requests.NewInteger(2), "persisted"
	second, err := c2.RunInstances(again)
	if err != nil || strings.Join(second.InstanceIdSets.InstanceIdSet, ",") != strings.Join(first.InstanceIdSets.InstanceIdSet, ",") {
		t.Errorf("the ClientToken was forgotten: %v %v", err, second)
	}
	lr, err := c2.DescribeLaunchTemplates(ecs.CreateDescribeLaunchTemplatesRequest())
	if err != nil || lr.TotalCount != 1 {
		t.Errorf("templates after restart: %v %v", err, lr)
	}
}

func TestCorruptStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	corrupt := []byte(`{"version":1,"instances":{`)
	if err := os.WriteFile(path, corrupt, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sandbox.Start(sandbox.Options{StateFile: path}); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("want a corrupt-state error, got %v", err)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, corrupt) {
		t.Error("the corrupt file was replaced")
	}
}

func TestUnwritableStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no-such-dir", "state.json")
	if s, err := sandbox.Start(sandbox.Options{StateFile: path}); err == nil {
		s.Close()
		t.Fatal("an unwritable state path was accepted")
	}
}

func TestLoopbackOnly(t *testing.T) {
	if _, err := sandbox.Start(sandbox.Options{Addr: "0.0.0.0:0"}); !errors.Is(err, sandbox.ErrRemote) {
		t.Errorf("want ErrRemote, got %v", err)
	}
	if _, err := sandbox.Start(sandbox.Options{Addr: "192.0.2.1:0"}); !errors.Is(err, sandbox.ErrRemote) {
		t.Errorf("want ErrRemote, got %v", err)
	}
	s := start(t, sandbox.Options{Addr: "localhost:0"})
	if !strings.HasPrefix(s.Endpoint(), "127.0.0.1:") && !strings.HasPrefix(s.Endpoint(), "[::1]:") {
		t.Errorf("endpoint %s", s.Endpoint())
	}
}

// syncBuffer is a Writer safe to read while Serve writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	path := filepath.Join(t.TempDir(), "state.json")
	done := make(chan error, 1)
	go func() {
		done <- sandbox.Serve(ctx, sandbox.Options{StateFile: path, AccessKeySecret: "my-private-secret"}, out)
	}()
	var endpoint string
	for endpoint == "" {
		select {
		case err := <-done:
			t.Fatalf("Serve returned early: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
		if i := strings.Index(out.String(), "http://"); i >= 0 {
			endpoint = strings.Fields(out.String()[i+len("http://"):])[0]
		}
	}
	resp, err := http.Get("http://" + endpoint + "/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"AccessKeyId:     sandbox", "aliyun ecs DescribeRegions --endpoint " + endpoint + " --insecure", "client.Domain", "state saved"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "my-private-secret") {
		t.Error("the secret was printed")
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("state not saved: %v", err)
	}
}

// TestNoSecretInStateFile: the Password of a launch or a template never
// reaches the state file.
func TestNoSecretInStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := start(t, sandbox.Options{StateFile: path})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	const password = "Sup3r-Secret-Pw!"
	req := goodRequest(n)
	req.Password, req.ClientToken = password, "with-password"
	if _, err := c.RunInstances(req); err != nil {
		t.Fatal(err)
	}
	lt := requests.NewCommonRequest()
	lt.Domain, lt.Version, lt.ApiName, lt.Scheme = s.Endpoint(), "2014-05-26", "CreateLaunchTemplate", "http"
	lt.QueryParams["LaunchTemplateName"], lt.QueryParams["Password"], lt.QueryParams["RegionId"] = "pw", password, "cn-hangzhou"
	if _, err := c.ProcessCommonRequest(lt); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(password)) || !bytes.Contains(data, []byte(`"pw"`)) {
		t.Errorf("state file holds the password or lacks the template:\n%s", data)
	}
}
