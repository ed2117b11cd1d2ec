package request

import (
	"os"
	"strings"
	"testing"
)

// Saving a launch file opened with --from changes only what the user
// changed: its description, ask:, comments and other values stay.
func TestPatchFileChangesOnlyTheChangedField(t *testing.T) {
	orig, err := os.ReadFile("../examples/web.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	want := f.Request.Clone()
	_ = want.Set("InstanceName", "api")
	out, err := PatchFile(orig, want)
	if err != nil {
		t.Fatal(err)
	}
	a, b := strings.Split(string(orig), "\n"), strings.Split(string(out), "\n")
	if len(a) != len(b) {
		t.Fatalf("line count %d → %d:\n%s", len(a), len(b), out)
	}
	var diff []string
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, a[i]+" → "+b[i])
		}
	}
	if len(diff) != 1 || !strings.Contains(diff[0], "InstanceName: api") {
		t.Fatalf("want exactly the InstanceName line changed, got %q", diff)
	}
}

func TestPatchFileAddsRemovesAndRenumbersListItems(t *testing.T) {
	orig := []byte(`version: 1
# the team's standard
request:
  RegionId: cn-hangzhou   # Hangzhou
  ImageId: img
  InstanceType: ecs.g7.large
  DataDisk:
    - {Size: 100, Category: cloud_essd}
    - {Size: 200, Category: cloud_essd}
  Tag:
    - {Key: team, Value: web}
`)
	f, err := ParseFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	want := f.Request.Clone()
	want.RemoveItem("DataDisk", 1)
	_ = want.Set("Tag.2.Key", "env")
	_ = want.Set("Password", "Literal-Secret-1")
	want.DeleteList("Tag")
	_ = want.Set("Tag.1.Key", "env")
	_ = want.Set("SystemDisk.Size", "60")
	out, err := PatchFile(orig, want)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, must := range []string{"# the team's standard", "# Hangzhou", "Size: 200", "Key: env", "SystemDisk:", "Password: ${ECS_PASSWORD}"} {
		if !strings.Contains(s, must) {
			t.Errorf("patched file lacks %q:\n%s", must, s)
		}
	}
	if strings.Contains(s, "Size: 100") || strings.Contains(s, "Key: team") || strings.Contains(s, "Literal-Secret-1") {
		t.Errorf("patched file keeps what was removed, or a secret:\n%s", s)
	}
}

func TestPatchFileRefusesAnchors(t *testing.T) {
	orig := []byte("version: 1\nrequest:\n  RegionId: cn-hangzhou\n  DataDisk: [&d {Size: 100}, *d]\n")
	f, err := ParseFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := PatchFile(orig, f.Request); err != ErrNotPatchable {
		t.Fatalf("err %v, want ErrNotPatchable", err)
	}
}
