package exporter

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ecslaunch/ecslaunch/request"
)

// parseTF parses a Terraform export and returns its blocks by type.
func parseTF(t *testing.T, text string) map[string][]*hclsyntax.Block {
	t.Helper()
	f, diags := hclparse.NewParser().ParseHCL([]byte(text), "main.tf")
	if diags.HasErrors() {
		t.Fatalf("terraform export does not parse: %s\n%s", diags.Error(), text)
	}
	out := map[string][]*hclsyntax.Block{}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		out[b.Type] = append(out[b.Type], b)
	}
	return out
}

// attrValue evaluates a constant attribute as text (numbers as the API
// writes them).
func attrValue(t *testing.T, b *hclsyntax.Body, name string) (string, bool) {
	t.Helper()
	a, ok := b.Attributes[name]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", name, diags.Error())
	}
	switch v.Type() {
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), true
	case cty.Bool:
		return fmt.Sprint(v.True()), true
	case cty.String:
		return v.AsString(), true
	}
	return v.GoString(), true
}

func TestTerraformParsesAndCarriesEveryAttribute(t *testing.T) {
	req := fullRequest(t)
	res, err := Export(req, Terraform, Options{Profile: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	blocks := parseTF(t, res.Text)
	if len(blocks["provider"]) != 1 || blocks["provider"][0].Labels[0] != "alicloud" {
		t.Fatalf("want one provider \"alicloud\" block, got %v", blocks["provider"])
	}
	prov := blocks["provider"][0].Body
	if v, _ := attrValue(t, prov, "region"); v != "cn-hangzhou" {
		t.Errorf("provider region = %q", v)
	}
	if v, _ := attrValue(t, prov, "profile"); v != "prod" {
		t.Errorf("provider profile = %q", v)
	}
	checkPasswordVariable(t, blocks)
	res0 := blocks["resource"]
	if len(res0) != 1 || res0[0].Labels[0] != "alicloud_instance" {
		t.Fatalf("want one alicloud_instance resource, got %d", len(res0))
	}
	body := res0[0].Body
	// Every mapped scalar carries the request's value.
	for key, attr := range tfAttrs {
		want := req.Get(key)
		got, ok := attrValue(t, body, attr)
		if !ok || got != want {
			t.Errorf("%s → %s = %q (present %v), want %q", key, attr, got, ok, want)
		}
	}
	for attr, want := range map[string]string{"count": req.Get("Amount"), "renewal_status": "AutoRenewal"} {
		if got, _ := attrValue(t, body, attr); got != want {
			t.Errorf("%s = %q, want %q", attr, got, want)
		}
	}
	checkTFCollections(t, req, body)
	if got := len(blockList(body, "data_disks")); got != req.Count("DataDisk") {
		t.Errorf("%d data_disks blocks, want %d", got, req.Count("DataDisk"))
	}
	disk := blockList(body, "data_disks")[0].Body
	for field, arg := range tfDataDisk {
		if got, _ := attrValue(t, disk, arg); got != req.Get("DataDisk.1."+field) {
			t.Errorf("data_disks[0].%s = %q, want %q", arg, got, req.Get("DataDisk.1."+field))
		}
	}
	if len(blockList(body, "network_interfaces")) != 1 || len(blockList(body, "image_options")) != 1 {
		t.Errorf("want one network_interfaces and one image_options block")
	}
}

func checkPasswordVariable(t *testing.T, blocks map[string][]*hclsyntax.Block) {
	t.Helper()
	var v *hclsyntax.Block
	for _, b := range blocks["variable"] {
		if b.Labels[0] == "ecs_password" {
			v = b
		}
	}
	if v == nil {
		t.Fatal("no variable \"ecs_password\"")
	}
	if s, _ := attrValue(t, v.Body, "sensitive"); s != "true" {
		t.Error("ecs_password is not sensitive = true")
	}
	pw := blocks["resource"][0].Body.Attributes["password"]
	trav, diags := hcl.AbsTraversalForExpr(pw.Expr)
	if diags.HasErrors() || len(trav) != 2 || trav.RootName() != "var" || trav[1].(hcl.TraverseAttr).Name != "ecs_password" {
		t.Errorf("password is not var.ecs_password")
	}
}

func checkTFCollections(t *testing.T, req *request.Request, body *hclsyntax.Body) {
	t.Helper()
	sg, _ := body.Attributes["security_groups"].Expr.Value(nil)
	var ids []string
	for _, v := range sg.AsValueSlice() {
		ids = append(ids, v.AsString())
	}
	want := append([]string{req.Get("SecurityGroupId")}, req.Strings("SecurityGroupIds")...)
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("security_groups = %v, want %v", ids, want)
	}
	tags, _ := body.Attributes["tags"].Expr.Value(nil)
	if tags.GetAttr(req.Get("Tag.1.Key")).AsString() != req.Get("Tag.1.Value") {
		t.Errorf("tags = %#v", tags)
	}
}

func blockList(b *hclsyntax.Body, typ string) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, bl := range b.Blocks {
		if bl.Type == typ {
			out = append(out, bl)
		}
	}
	return out
}

// TestTerraformTemplates: text that looks like an HCL template stays
// literal, and ${NAME} references become var.name interpolations declared
// as variables, so Terraform fills in what ecslaunch reads from the
// environment.
func TestTerraformTemplates(t *testing.T) {
	r := minimalRequest(t)
	mustSet(t, r, "InstanceName", "a ${TEAM} %{c} $${x} \"q\" \\ \n 中")
	mustSet(t, r, "Tag.1.Key", "${TEAM}")
	mustSet(t, r, "Tag.1.Value", "v")
	mustSet(t, r, "Password", "${MY_PW}")
	mustSet(t, r, "DataDisk.1.Size", "${DISK_GB}")
	res, err := Export(r, Terraform, Options{})
	if err != nil {
		t.Fatal(err)
	}
	blocks := parseTF(t, res.Text)
	declared := map[string]bool{}
	for _, v := range blocks["variable"] {
		declared[v.Labels[0]] = true
		_, sensitive := v.Body.Attributes["sensitive"]
		if sensitive != (v.Labels[0] == "my_pw") {
			t.Errorf("variable %s: sensitive = %v", v.Labels[0], sensitive)
		}
	}
	for _, n := range []string{"team", "my_pw", "disk_gb", "x"} {
		if !declared[n] {
			t.Errorf("variable %q not declared (have %v)", n, declared)
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
		"team": cty.StringVal("web"), "my_pw": cty.StringVal("pw"), "disk_gb": cty.StringVal("40"), "x": cty.StringVal("X")})}}
	body := blocks["resource"][0].Body
	eval := func(e hclsyntax.Expression) cty.Value {
		v, diags := e.Value(ctx)
		if diags.HasErrors() {
			t.Fatal(diags.Error())
		}
		return v
	}
	if got := eval(body.Attributes["instance_name"].Expr).AsString(); got != "a web %{c} $X \"q\" \\ \n 中" {
		t.Errorf("instance_name = %q", got)
	}
	if got := eval(body.Attributes["password"].Expr).AsString(); got != "pw" {
		t.Errorf("password = %q", got)
	}
	if got := eval(body.Attributes["tags"].Expr); !got.Type().IsObjectType() || got.GetAttr("web").AsString() != "v" {
		t.Errorf("tags = %#v", got)
	}
	if got := eval(blockList(body, "data_disks")[0].Body.Attributes["size"].Expr).AsString(); got != "40" {
		t.Errorf("data_disks size = %q", got)
	}
}

// TestTerraformRandomValuesSurvive: for random requests with nasty values,
// the export parses and every mapped string argument evaluates to the
// request's value, references filled from the variables.
func TestTerraformRandomValuesSurvive(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	for run := 0; run < 200; run++ {
		req := randomRequest(rng)
		res, err := Export(req, Terraform, Options{})
		if err != nil {
			t.Fatal(err)
		}
		blocks := parseTF(t, res.Text)
		vars := map[string]cty.Value{}
		for _, n := range req.References() {
			vars[tfVar(n)] = cty.StringVal("<" + n + ">")
		}
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)}}
		want, err := req.Resolve(func(n string) (string, bool) { return "<" + n + ">", true })
		if err != nil {
			t.Fatal(err)
		}
		body := blocks["resource"][0].Body
		for key, attr := range tfAttrs {
			s, _ := request.Lookup(key)
			a, ok := body.Attributes[attr]
			if s.Type != request.String || !ok {
				continue
			}
			v, diags := a.Expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatalf("run %d: %s: %s", run, attr, diags.Error())
			}
			if v.AsString() != want.Get(key) {
				t.Fatalf("run %d: %s = %q, want %q\n%s", run, attr, v.AsString(), want.Get(key), res.Text)
			}
		}
	}
}
