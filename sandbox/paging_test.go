package sandbox_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"

	"github.com/ecslaunch/ecslaunch/sandbox"
)

// TestInstancePaging: both paging styles of DescribeInstances and the pages
// of DescribeInstanceStatus return every instance once.
func TestInstancePaging(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.Amount = requests.NewInteger(7)
	created, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(created.InstanceIdSets.InstanceIdSet, ",")
	var byToken []string
	token := ""
	for {
		d := ecs.CreateDescribeInstancesRequest()
		d.MaxResults, d.NextToken = requests.NewInteger(2), token
		resp, err := c.DescribeInstances(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range resp.Instances.Instance {
			byToken = append(byToken, in.InstanceId)
		}
		if token = resp.NextToken; token == "" {
			break
		}
	}
	var byPage []string
	for page := 1; page <= 3; page++ {
		d := ecs.CreateDescribeInstancesRequest()
		d.PageNumber, d.PageSize = requests.NewInteger(page), requests.NewInteger(3)
		resp, err := c.DescribeInstances(d)
		if err != nil || resp.TotalCount != 7 {
			t.Fatalf("page %d: %v %d", page, err, resp.TotalCount)
		}
		for _, in := range resp.Instances.Instance {
			byPage = append(byPage, in.InstanceId)
		}
	}
	var byStatus []string
	for page := 1; page <= 4; page++ {
		st := ecs.CreateDescribeInstanceStatusRequest()
		st.PageNumber, st.PageSize = requests.NewInteger(page), requests.NewInteger(2)
		resp, err := c.DescribeInstanceStatus(st)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range resp.InstanceStatuses.InstanceStatus {
			byStatus = append(byStatus, in.InstanceId)
		}
	}
	for name, got := range map[string][]string{"token": byToken, "page": byPage, "status": byStatus} {
		if strings.Join(got, ",") != want {
			t.Errorf("%s paging: %v, want %s", name, got, want)
		}
	}
	big := ecs.CreateDescribeInstanceStatusRequest()
	big.PageSize = requests.NewInteger(51)
	_, err = c.DescribeInstanceStatus(big)
	apiError(t, err, "InvalidParameter", 400)
}

func TestTemplateAndKeyPairPaging(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	for i := 0; i < 5; i++ {
		lt := ecs.CreateCreateLaunchTemplateRequest()
		lt.LaunchTemplateName = fmt.Sprintf("tpl-%d", i)
		if _, err := c.CreateLaunchTemplate(lt); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for page := 1; page <= 3; page++ {
		d := ecs.CreateDescribeLaunchTemplatesRequest()
		d.PageNumber, d.PageSize = requests.NewInteger(page), requests.NewInteger(2)
		resp, err := c.DescribeLaunchTemplates(d)
		if err != nil || resp.TotalCount != 5 {
			t.Fatalf("page %d: %v", page, err)
		}
		for _, lt := range resp.LaunchTemplateSets.LaunchTemplateSet {
			names = append(names, lt.LaunchTemplateName)
		}
	}
	if strings.Join(names, ",") != "tpl-0,tpl-1,tpl-2,tpl-3,tpl-4" {
		t.Errorf("templates %v", names)
	}
	var keys []string
	for page := 1; page <= 3; page++ {
		d := ecs.CreateDescribeKeyPairsRequest()
		d.PageNumber, d.PageSize = requests.NewInteger(page), requests.NewInteger(1)
		resp, err := c.DescribeKeyPairs(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range resp.KeyPairs.KeyPair {
			keys = append(keys, k.KeyPairName)
		}
	}
	if len(keys) != 3 {
		t.Errorf("key pairs %v", keys)
	}
}

// TestConcurrentClientToken: simultaneous retries with one token create
// the instances once and all get the same IDs. Each goroutine has its own
// SDK client: *ecs.Client is not safe for concurrent use (the race detector
// flags Client.setTimeout, sdk/client.go:536).
func TestConcurrentClientToken(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	var wg sync.WaitGroup
	answers := make([]string, 8)
	for i := range answers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := goodRequest(n)
			req.ClientToken, req.Amount = "same", requests.NewInteger(2)
			resp, err := client(t, s, sandbox.DefaultAccessKeySecret).RunInstances(req)
			if err != nil {
				t.Error(err)
				return
			}
			answers[i] = strings.Join(resp.InstanceIdSets.InstanceIdSet, ",")
		}()
	}
	wg.Wait()
	for _, a := range answers[1:] {
		if a != answers[0] {
			t.Errorf("answers differ: %v", answers)
			break
		}
	}
	if s.InstanceCount() != 2 {
		t.Errorf("%d instances", s.InstanceCount())
	}
}

func TestPrePaid(t *testing.T) {
	s := start(t, sandbox.Options{})
	c := client(t, s, sandbox.DefaultAccessKeySecret)
	n := defaults(t, c, "cn-hangzhou", "cn-hangzhou-i")
	req := goodRequest(n)
	req.InstanceChargeType, req.Period, req.PeriodUnit = "PrePaid", requests.NewInteger(1), "Month"
	resp, err := c.RunInstances(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.OrderId == "" || resp.TradePrice < 100 {
		t.Errorf("prepaid answer %+v", resp)
	}
	d := ecs.CreateDescribeInstancesRequest()
	d.InstanceChargeType = "PrePaid"
	dr, err := c.DescribeInstances(d)
	if err != nil || dr.TotalCount != 1 || dr.Instances.Instance[0].ExpiredTime == "2099-12-31T15:59Z" {
		t.Errorf("prepaid instance %v %+v", err, dr.Instances)
	}
}

func TestTemplateLimit(t *testing.T) {
	c := client(t, start(t, sandbox.Options{}), sandbox.DefaultAccessKeySecret)
	for i := 0; i <= 30; i++ {
		lt := ecs.CreateCreateLaunchTemplateRequest()
		lt.LaunchTemplateName = fmt.Sprintf("t%02d", i)
		_, err := c.CreateLaunchTemplate(lt)
		if i < 30 && err != nil {
			t.Fatal(err)
		}
		if i == 30 {
			apiError(t, err, "LaunchTemplateLimitExceed", 403)
		}
	}
}
