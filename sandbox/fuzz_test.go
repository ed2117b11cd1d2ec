package sandbox

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"
)

// FuzzActions signs random action parameters and checks every answer is a
// well-formed success or API error, never a 500 (a handler bug).
func FuzzActions(f *testing.F) {
	for _, seed := range []string{
		"Action=DescribeInstanceTypes&MaxResults=3&NextToken=1a2b3c4d",
		"Action=DescribeImages&PageSize=0&OSType=windows",
		"Action=RunInstances&ImageId=aliyun_3_x64_20G_alibase_20240819.vhd&InstanceType=ecs.g6.large&Amount=3&DryRun=true",
		"Action=RunInstances&LaunchTemplateName=x&PrivateIpAddress=172.16.0.300&DataDisk.1.Size=abc",
		"Action=DescribeAvailableResource&DestinationResource=SystemDisk&InstanceType=ecs.g7.large&Memory=x",
		"Action=DescribePrice&InstanceType=ecs.g7.large&PriceUnit=Year&Period=3&DataDisk.2.Size=50",
		"Action=DescribeInstances&InstanceIds=[1,2]&Tag.1.Key=a",
		"Action=CreateLaunchTemplate&LaunchTemplateName=abc&TemplateTag.1.Key=k",
		"Action=DescribeLaunchTemplateVersions&LaunchTemplateName=abc&LaunchTemplateVersion.1=x",
		"Action=DescribeSecurityGroups&SecurityGroupIds=[\"sg-1\"&MaxResults=101",
		"Action=DescribeZones&Verbose=maybe&InstanceChargeType=PrePaid&SpotStrategy=SpotAsPriceGo",
		"Action=AuthorizeSecurityGroup&SecurityGroupId=sg-x&Permissions.1.IpProtocol=tcp&Permissions.1.PortRange=22/x&PortRange=1/2",
		"Action=CreateSecurityGroup&VpcId=vpc-x&SecurityGroupName=a&Tag.1.Key=acs:x",
		"Action=DescribeSecurityGroupAttribute&SecurityGroupId=sg-x&MaxResults=-5&NextToken=zz&Direction=up",
		"Action=ImportKeyPair&KeyPairName=k1&PublicKeyBody=ssh-rsa%20AAAA",
		"Action=CreateLaunchTemplateVersion&LaunchTemplateName=abc&VersionDescription=x",
		"Action=DescribeDisks&DiskIds=[\"d-1\"&MaxResults=3&DiskType=data&Category=x",
		"Action=DescribeUserData&InstanceId=i-x",
	} {
		f.Add(seed)
	}
	s, err := Start(Options{Seed: 11, BootTime: 1})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	var n atomic.Int64
	f.Fuzz(func(t *testing.T, query string) {
		p, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		for _, k := range []string{"AccessKeyId", "Signature", "Version", "SignatureNonce", "Timestamp"} {
			p.Del(k)
		}
		if p.Get("RegionId") == "" {
			p.Set("RegionId", "cn-hangzhou")
		}
		p.Set("Version", ecsVersion)
		p.Set("AccessKeyId", DefaultAccessKeyID)
		p.Set("SignatureNonce", "fuzz-"+strconv.FormatInt(n.Add(1), 10))
		req := httptest.NewRequest(http.MethodPost, "/?"+signed(p), nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code == http.StatusInternalServerError {
			t.Fatalf("500 for %s: %s", query, rec.Body)
		}
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("not JSON for %s: %s", query, rec.Body)
		}
		if rec.Code != http.StatusOK {
			for _, k := range []string{"RequestId", "HostId", "Code", "Message", "Recommend"} {
				if _, ok := body[k].(string); !ok {
					t.Fatalf("%s is %T in %s", k, body[k], rec.Body)
				}
			}
		}
	})
}
