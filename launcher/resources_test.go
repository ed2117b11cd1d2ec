package launcher

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestResourcesAreKeptBesideTheLaunches(t *testing.T) {
	h := testHistory(t)
	if err := h.Append(Entry{Token: "launch-1", State: StatePending}); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, r := range []Resource{
		{Time: t0, Token: "vpc-token", State: ResourcePending, Kind: "vpc", Region: "na-south-1", Params: map[string]string{"CidrBlock": "10.0.0.0/16"}},
		{Time: t0, Token: "sg-token", State: ResourcePending, Kind: "security-group", Region: "na-south-1"},
		{Time: t0.Add(time.Second), Token: "vpc-token", State: ResourceCreated, Kind: "vpc", ID: "vpc-1", Facts: map[string]string{"VRouterId": "vrt-1"}},
		{Time: t0.Add(time.Second), Token: "sg-token", State: ResourceFailed, Kind: "security-group",
			Error: "CreateSecurityGroup: https://ecs.aliyuncs.com/?Signature=abc&AccessKeyId=LTAIxxx failed"},
	} {
		if err := h.RecordResource(r); err != nil {
			t.Fatal(err)
		}
	}
	got, warns := h.Resources()
	if len(warns) != 0 || len(got) != 2 {
		t.Fatalf("resources %+v, warnings %v", got, warns)
	}
	vpc, sg := got[0], got[1]
	if vpc.State != ResourceCreated || vpc.ID != "vpc-1" || vpc.Region != "na-south-1" ||
		vpc.Params["CidrBlock"] != "10.0.0.0/16" || vpc.Facts["VRouterId"] != "vrt-1" {
		t.Errorf("merged VPC record %+v", vpc)
	}
	if sg.State != ResourceFailed || sg.ID != "" || strings.Contains(sg.Error, "Signature=abc") {
		t.Errorf("failed group record %+v (the signed URL must be redacted)", sg)
	}
	// the launch history itself is untouched by resource records
	entries, warns := h.Entries()
	if len(entries) != 1 || entries[0].Token != "launch-1" || len(warns) != 0 {
		t.Errorf("launch entries %+v %v", entries, warns)
	}
	st, err := os.Stat(h.ResourcesPath())
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("resources file: %v %v", err, st)
	}
}

func TestResourcesSkipCorruptLines(t *testing.T) {
	h := testHistory(t)
	if err := os.WriteFile(h.ResourcesPath(), []byte("{not json\n\n{\"token\":\"t\",\"state\":\"created\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := h.RecordResource(Resource{Token: "k", State: ResourceCreated, Kind: "key-pair", ID: "laptop"}); err != nil {
		t.Fatal(err)
	}
	got, warns := h.Resources()
	if len(got) != 1 || got[0].ID != "laptop" || got[0].Line != 4 {
		t.Errorf("resources %+v", got)
	}
	if len(warns) != 2 || warns[0].Line != 1 || warns[1].Line != 3 {
		t.Errorf("warnings %v, want lines 1 and 3", warns)
	}
	if err := h.RecordResource(Resource{Token: "k", State: ResourceCreated}); err == nil {
		t.Error("a record without a kind was accepted")
	}
}
