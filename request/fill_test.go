package request

import (
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
)

func TestFillSDKSetsAnotherActionsRequest(t *testing.T) {
	dst := ecs.CreateCreateLaunchTemplateVersionRequest()
	missing, err := FillSDK(dst, []Param{
		{Name: "InstanceType", Value: "ecs.g7.large"}, {Name: "SystemDisk.Size", Value: "40"},
		{Name: "DataDisk.2.Size", Value: "200"}, {Name: "SecurityGroupIds.1", Value: "sg-1"},
		{Name: "Tag.1.Key", Value: "team"}, {Name: "NoSuchParameter", Value: "x"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 1 || missing[0] != "NoSuchParameter" {
		t.Errorf("missing %v, want [NoSuchParameter]", missing)
	}
	if dst.InstanceType != "ecs.g7.large" || string(dst.SystemDiskSize) != "40" || dst.DataDisk == nil ||
		len(*dst.DataDisk) != 2 || string((*dst.DataDisk)[1].Size) != "200" || (*dst.SecurityGroupIds)[0] != "sg-1" ||
		(*dst.Tag)[0].Key != "team" {
		t.Errorf("filled %+v", dst)
	}
	if _, err := FillSDK(*dst, nil); err == nil {
		t.Error("a struct value (not a pointer) was accepted")
	}
}
