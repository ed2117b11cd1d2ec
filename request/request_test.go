package request

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestSchemaCoversEverySDKField(t *testing.T) {
	for _, want := range []string{"ImageFamily", "HttpTokens", "DataDisk.N.Size", "SecurityGroupIds.N",
		"NetworkInterface.N.SecurityGroupIds.N", "SystemDisk.Category", "SystemDisk.Encrypted", "Tag.N.Key"} {
		if _, ok := Lookup(want); !ok {
			t.Errorf("schema lacks %s", want)
		}
	}
	if s, _ := Lookup("Password"); !s.Secret {
		t.Error("Password must be secret")
	}
	if s, _ := Lookup("DataDisk.3.Size"); s.Type != Integer {
		t.Errorf("DataDisk.N.Size type = %v, want Integer", s.Type)
	}
}

func TestParamsFollowTheReferenceOrder(t *testing.T) {
	r := New()
	for _, k := range []string{"Tag.1.Key", "DataDisk.10.Size", "DataDisk.2.Size", "ImageId", "RegionId", "DataDisk.2.Category", "HttpTokens"} {
		if err := r.Set(k, "x"); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.Join(r.Keys(), " ")
	want := "RegionId ImageId DataDisk.2.Size DataDisk.2.Category DataDisk.10.Size Tag.1.Key HttpTokens"
	if got != want {
		t.Errorf("order\n got %s\nwant %s", got, want)
	}
}

func TestUnknownParameterSuggestsTheClosest(t *testing.T) {
	err := New().Set("DataDisk.1.Sise", "1")
	var u *UnknownParameterError
	if !errors.As(err, &u) || u.Suggestion != "DataDisk.1.Size" {
		t.Fatalf("got %v", err)
	}
}

func TestParseFileExample(t *testing.T) {
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Request.Get("DataDisk.1.Size") != "100" || f.Request.Get("Tag.1.Value") != "web" || f.Lines["Amount"] != 14 {
		t.Errorf("parsed %v lines %v", f.Request.Params(), f.Lines)
	}
	if !reflect.DeepEqual(f.Ask, []string{"InstanceName", "Amount", "Tag"}) {
		t.Errorf("ask = %v", f.Ask)
	}
	out, replaced, err := f.Marshal()
	if err != nil || len(replaced) != 0 {
		t.Fatal(err, replaced)
	}
	if string(out) != string(data) {
		t.Errorf("round trip differs:\n%s", out)
	}
}

func TestUnknownKeyNamesLineAndSuggestion(t *testing.T) {
	_, err := ParseFile([]byte("version: 1\nrequest:\n  RegionId: cn-hangzhou\n  InstanceTyp: ecs.g7.large\n"))
	if err == nil || !strings.Contains(err.Error(), "line 4") || !strings.Contains(err.Error(), "did you mean InstanceType?") {
		t.Fatalf("got %v", err)
	}
	_, err = ParseFile([]byte("version: 1\nrequest:\n  SystemDisk: {Categry: cloud_essd}\n"))
	if err == nil || !strings.Contains(err.Error(), "SystemDisk.Category") {
		t.Fatalf("got %v", err)
	}
}

// TestTopLevelParameterSaysItGoesUnderRequest: a file that forgot request:
// was told "did you mean version?" for its RegionId.
func TestTopLevelParameterSaysItGoesUnderRequest(t *testing.T) {
	_, err := ParseFile([]byte("version: 1\nRegionId: cn-hangzhou\nInstanceType: ecs.g7.large\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2: RegionId is a RunInstances parameter: parameters go under request:") ||
		strings.Contains(err.Error(), "did you mean") {
		t.Fatalf("got %v", err)
	}
	_, err = ParseFile([]byte("version: 1\nDataDisk:\n  - {Size: 40}\n"))
	if err == nil || !strings.Contains(err.Error(), "DataDisk is a RunInstances parameter") {
		t.Fatalf("a list parameter: got %v", err)
	}
	_, err = ParseFile([]byte("version: 1\nInstanceTyp: ecs.g7.large\n"))
	if err == nil || !strings.Contains(err.Error(), "if it is the parameter InstanceType, it goes under request:") {
		t.Fatalf("a misspelt parameter: got %v", err)
	}
	_, err = ParseFile([]byte("versoin: 1\n"))
	if err == nil || !strings.Contains(err.Error(), "did you mean version?") {
		t.Fatalf("a misspelt top-level key: got %v", err)
	}
}

func TestLiteralPasswordIsNeverWritten(t *testing.T) {
	f, err := ParseFile([]byte("version: 1\nrequest:\n  Password: Sup3r-secret!\n"))
	if err != nil {
		t.Fatal(err)
	}
	out, replaced, _ := f.Marshal()
	if strings.Contains(string(out), "Sup3r") || len(replaced) != 1 || !strings.Contains(string(out), "${ECS_PASSWORD}") {
		t.Fatalf("wrote %s (replaced %v)", out, replaced)
	}
}

func TestResolveReferences(t *testing.T) {
	r := New()
	_ = r.Set("Password", "${ECS_PASSWORD}")
	_ = r.Set("InstanceName", "web-${ENV}")
	env := map[string]string{"ECS_PASSWORD": "Abc12345!"}
	_, err := r.Resolve(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	var m *MissingReferenceError
	if !errors.As(err, &m) || m.Names[0] != "ENV" {
		t.Fatalf("want missing ENV, got %v", err)
	}
	env["ENV"] = "prod"
	got, err := r.Resolve(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil || got.Get("InstanceName") != "web-prod" || r.Get("InstanceName") != "web-${ENV}" {
		t.Fatalf("resolve: %v %v", got, err)
	}
}

func TestSDKRequestCarriesEveryParameter(t *testing.T) {
	r := everyParameter()
	req, err := r.SDK()
	if err != nil {
		t.Fatal(err)
	}
	if req.SystemDiskCategory != "cloud_essd" || len(*req.DataDisk) != 2 || (*req.DataDisk)[1].Size != "v" {
		t.Errorf("sdk request not filled: %+v", req.DataDisk)
	}
	if got := (*req.NetworkInterface)[1].SecurityGroupIds; got == nil || len(*got) != 2 {
		t.Errorf("nested list not filled: %v", got)
	}
	if string(req.Amount) != "v" {
		t.Errorf("Amount = %q", req.Amount)
	}
}

// everyParameter sets every parameter, each list with two items.
func everyParameter() *Request {
	r := New()
	for _, s := range Specs() {
		for _, i := range []string{"1", "2"} {
			k := fill(s.Pattern, i)
			_ = r.Set(k, "v")
		}
	}
	_ = r.Set("SystemDisk.Category", "cloud_essd")
	return r
}

func TestRoundTripEveryParameter(t *testing.T) {
	f := &File{Version: 1, Request: sampleAll()}
	first, _, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	f1, err := ParseFile(first)
	if err != nil {
		t.Fatalf("%v\n%s", err, first)
	}
	r2, err := FromParams(f1.Request.Params())
	if err != nil {
		t.Fatal(err)
	}
	second, _, _ := (&File{Version: 1, Request: r2}).Marshal()
	if string(first) != string(second) {
		t.Fatalf("not identical:\n%s\n---\n%s", first, second)
	}
	if r2.Len() != f.Request.Len() || !r2.Equal(f.Request) {
		t.Fatalf("lost parameters: %d vs %d", r2.Len(), f.Request.Len())
	}
}

// sampleAll sets every parameter with a value of its type.
func sampleAll() *Request {
	r := New()
	for _, s := range Specs() {
		v := map[Type]string{String: "text-" + strings.ReplaceAll(s.Pattern, ".", "-"), Integer: "7", Boolean: "true", Float: "0.25"}[s.Type]
		if s.Secret {
			v = "${ECS_PASSWORD}"
		}
		for _, i := range []string{"1", "2"} {
			_ = r.Set(fill(s.Pattern, i), v)
		}
	}
	return r
}

func TestRemoveItemRenumbers(t *testing.T) {
	r := New()
	for i, c := range []string{"a", "b", "c"} {
		_ = r.Set("DataDisk."+string(rune('1'+i))+".Category", c)
	}
	r.RemoveItem("DataDisk", 2)
	if r.Count("DataDisk") != 2 || r.Get("DataDisk.2.Category") != "c" {
		t.Fatalf("got %v", r.Params())
	}
}

// fill puts index i into every N segment of a pattern.
func fill(pattern, i string) string {
	segs := strings.Split(pattern, ".")
	for j, s := range segs {
		if s == "N" {
			segs[j] = i
		}
	}
	return strings.Join(segs, ".")
}

func TestInstanceIDPlaceholderIsNotAnEnvironmentReference(t *testing.T) {
	r := New()
	_ = r.Set("HostName", "web-${instance_id}")
	if IsReference(r.Get("HostName")) || len(r.References()) != 0 {
		t.Fatal("${instance_id} is ECS's placeholder, not an environment variable")
	}
	got, err := r.Resolve(func(string) (string, bool) { return "", false })
	if err != nil || got.Get("HostName") != "web-${instance_id}" {
		t.Fatalf("resolve changed the placeholder: %v %v", got, err)
	}
}

func TestSuggestNameIgnoresHugeNames(t *testing.T) {
	if s := SuggestName(strings.Repeat("x", 20000)); s != "" {
		t.Fatalf("suggested %q", s)
	}
}

func TestValuesWithLineBreaksRoundTrip(t *testing.T) {
	for _, v := range []string{"\nabc", "\n", "\t\n", "a\r\nb\n", "line one\nline two"} {
		r := New()
		_ = r.Set("Description", v)
		_ = r.Set("Tag.1.Value", v)
		out, _, err := (&File{Version: 1, Description: v, Request: r}).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		f, err := ParseFile(out)
		if err != nil {
			t.Fatalf("%q: %v\n%s", v, err, out)
		}
		if f.Request.Get("Description") != v || f.Request.Get("Tag.1.Value") != v || f.Description != v {
			t.Errorf("%q came back as %q / %q / %q", v, f.Request.Get("Description"), f.Request.Get("Tag.1.Value"), f.Description)
		}
	}
}

// TestParseFileYAMLForms: the YAML a team writes by hand parses to the same
// request as the canonical form: the API's flat names as dotted keys
// (DataDisk.2.Size), merge keys from anchors, and empty (null) values,
// which are not sent.
func TestParseFileYAMLForms(t *testing.T) {
	want := "SystemDisk.Size=40 SystemDisk.Category=cloud_essd DataDisk.1.Size=100 DataDisk.1.Category=cloud_essd " +
		"DataDisk.2.Size=40 DataDisk.2.Category=cloud_essd"
	for name, src := range map[string]string{
		"canonical": "SystemDisk: {Category: cloud_essd, Size: 40}\n  DataDisk:\n    - {Category: cloud_essd, Size: 100}\n" +
			"    - {Category: cloud_essd, Size: 40}\n",
		"flat names": "SystemDisk.Category: cloud_essd\n  SystemDisk.Size: 40\n  DataDisk.1.Category: cloud_essd\n" +
			"  DataDisk.1.Size: 100\n  DataDisk.2.Category: cloud_essd\n  DataDisk.2.Size: 40\n",
		"merge keys": "SystemDisk: &disk {Category: cloud_essd, Size: 40}\n  DataDisk:\n    - <<: *disk\n      Size: 100\n" +
			"    - *disk\n",
		"merge list": "SystemDisk: &disk {Category: cloud_essd, Size: 40}\n  DataDisk:\n    - {<<: [*disk], Size: 100}\n" +
			"    - {<<: *disk}\n",
		"nulls": "SystemDisk: {Category: cloud_essd, Size: 40, DiskName: ~}\n  DataDisk:\n" +
			"    - {Category: cloud_essd, Size: 100}\n    - {Category: cloud_essd, Size: 40}\n  Tag:\n  HostName:\n",
	} {
		f, err := ParseFile([]byte("version: 1\nrequest:\n  " + src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var got []string
		for _, p := range f.Request.Params() {
			got = append(got, p.Name+"="+p.Value)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s:\n got %s\nwant %s", name, g, want)
		}
	}
	// An empty list item is skipped, not left as a gap in the numbering.
	f, err := ParseFile([]byte("version: 1\nrequest:\n  SecurityGroupIds: [sg-1, ~, sg-3]\n  DataDisk: [{Size: 40}, ~, {Size: 50}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Request.Params(); len(got) != 4 || f.Request.Get("SecurityGroupIds.2") != "sg-3" || f.Request.Get("DataDisk.2.Size") != "50" {
		t.Errorf("empty items: %v", got)
	}
	// An explicit key and the same one written again stay an error.
	if _, err := ParseFile([]byte("version: 1\nrequest:\n  DataDisk: [{Size: 40}]\n  DataDisk.1.Size: 50\n")); err == nil ||
		!strings.Contains(err.Error(), "DataDisk.1.Size is given twice") {
		t.Errorf("duplicate through a flat name: %v", err)
	}
}

// TestParseFileAliasAmplification: aliases let a small file name a huge
// request (a list of aliases of a list); parsing stops with an error
// instead of building millions of parameters.
func TestParseFileAliasAmplification(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nrequest:\n  NetworkInterface: [&n {SecurityGroupIds: [sg-1")
	b.WriteString(strings.Repeat(",sg-1", 999))
	b.WriteString("]}")
	b.WriteString(strings.Repeat(",*n", 999))
	b.WriteString("]\n")
	_, err := ParseFile([]byte(b.String()))
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "too many values") {
		t.Fatalf("a %d-byte file naming 1,000,000 values: %v", b.Len(), err)
	}
}
