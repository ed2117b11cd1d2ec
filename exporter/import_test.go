package exporter

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestImportCLIReadsARealScript(t *testing.T) {
	script := `aliyun ecs RunInstances \
  --profile prod --region cn-shanghai \
  --endpoint 127.0.0.1:18080 --insecure \
  --RegionId cn-hangzhou \
  --InstanceName "web $TEAM" \
  --Description 'it'\''s "quoted"' \
  --Password "${ECS_PASSWORD}" \
  --DataDisk.1.Size=100 \
  --Tag.1.Key team --Tag.1.Value web \
  --SecurityGroupIds.1 sg-a --SecurityGroupIds.2 sg-b \
  --ClientToken tok-1 \
  --output cols=InstanceId rows=InstanceIdSets.InstanceIdSet[] \
  --quiet # launch the web tier
`
	req, o, err := ImportCLI(script)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"RegionId": "cn-hangzhou", "InstanceName": "web ${TEAM}", "Description": `it's "quoted"`,
		"Password": "${ECS_PASSWORD}", "DataDisk.1.Size": "100", "Tag.1.Key": "team", "Tag.1.Value": "web",
		"SecurityGroupIds.1": "sg-a", "SecurityGroupIds.2": "sg-b", "ClientToken": "tok-1",
	}
	if req.Len() != len(want) {
		t.Errorf("got %d parameters %v, want %d", req.Len(), req.Params(), len(want))
	}
	for k, v := range want {
		if req.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, req.Get(k), v)
		}
	}
	if o.Profile != "prod" || o.Region != "cn-shanghai" || o.Endpoint != "127.0.0.1:18080" || !o.Insecure || !o.Idempotent {
		t.Errorf("options %+v", o)
	}
	if len(o.ImportNotes) != 2 {
		t.Errorf("want --output and --quiet noted, got %q", o.ImportNotes)
	}
}

func TestImportCLIErrorsNameTheFlag(t *testing.T) {
	cases := map[string]string{
		"aliyun ecs RunInstances --DataDisk.1.Sise 40":                 "--DataDisk.1.Sise: unknown flag",
		"aliyun ecs RunInstances --RegionId":                           "--RegionId: needs a value",
		"aliyun ecs RunInstances --UserData-FILE ./ud":                 "--UserData-FILE: reads its value from a file",
		"aliyun ecs RunInstances --RegionId a --RegionId b":            "--RegionId: is given twice",
		"aliyun ecs run-instances --RegionId a":                        "CamelCase",
		"aliyun ecs DescribeInstances":                                 "only RunInstances",
		"gcloud compute instances create":                              "start with aliyun",
		"aliyun ecs RunInstances --InstanceName $(whoami)":             "command substitution",
		"aliyun ecs RunInstances --InstanceName 'open":                 "unterminated single quote",
		"aliyun ecs RunInstances --RegionId a > ids.json":              "redirection",
		"aliyun ecs RunInstances --A 1\naliyun ecs RunInstances --B 2": "found 2 RunInstances commands",
		"set -e\necho hi":                                    "no `aliyun ecs RunInstances` command",
		"aliyun ecs RunInstances RegionId a":                 "expected a flag",
		"aliyun ecs RunInstances --InstanceName ~/x":         "home directory",
		"aliyun ecs RunInstances --InstanceName \"${A:-b}\"": "not a plain ${NAME}",
	}
	for line, want := range cases {
		_, _, err := ImportCLI(line)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to say %q", line, err, want)
		}
	}
	_, _, err := ImportCLI("aliyun ecs RunInstances --DataDisk.1.Sise 40")
	var ie *ImportError
	if !errors.As(err, &ie) || ie.Flag != "--DataDisk.1.Sise" || ie.Suggestion != "--DataDisk.1.Size" {
		t.Errorf("want an ImportError naming --DataDisk.1.Sise and suggesting --DataDisk.1.Size, got %#v", err)
	}
}

func TestSplitWords(t *testing.T) {
	cases := map[string][]string{
		`a 'b c' "d e" f\ g`: {"a", "b c", "d e", "f g"},
		"a \\\n b":           {"a", "b"},
		`"x\"y\$z\\" ''`:     {`x"y$z\`, ""},
		`"$A-${B}" $C`:       {"${A}-${B}", "${C}"},
		`'$A' "a$" $`:        {"$A", "a$", "$"},
		"x#y # comment":      {"x#y"},
		`"中文 🙂" '\n'`:        {"中文 🙂", `\n`},
		"a\\\r\n\tb":         {"a", "b"},
	}
	for in, want := range cases {
		got, err := splitWords(in)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("splitWords(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestImportCLIReadsTheRunInstancesLineOfAScript: a saved script with other
// commands around the launch imports; the others are named, not echoed.
func TestImportCLIReadsTheRunInstancesLineOfAScript(t *testing.T) {
	script := "#!/bin/sh\nset -eu\nexport ECS_PASSWORD='S3cr3t!'\n" +
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=k aliyun ecs RunInstances \\\n  --RegionId cn-hangzhou \\\n  --Amount 2 | tee out.json; echo done\n"
	req, o, err := ImportCLI(script)
	if err != nil {
		t.Fatal(err)
	}
	if req.Get("RegionId") != "cn-hangzhou" || req.Get("Amount") != "2" || req.Len() != 2 {
		t.Errorf("request %v", req.Params())
	}
	notes := strings.Join(o.ImportNotes, "\n")
	for _, want := range []string{`line 2: the "set" command`, `line 3: the "export" command`, `line 6: the "tee" command`, `line 6: the "echo" command`, "ALIBABA_CLOUD_ACCESS_KEY_SECRET=…"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", o.ImportNotes, want)
		}
	}
	if strings.Contains(notes, "S3cr3t") || strings.Contains(notes, "=k") {
		t.Errorf("notes echo a secret: %q", o.ImportNotes)
	}
}

func TestSplitCommands(t *testing.T) {
	cmds, err := splitCommands("a 'b\nc' \\\n d; e && f || g | h & i\n\n# c\nj $(x)\nk")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cmds {
		s := fmt.Sprintf("%d:%s", c.line, strings.Join(c.words, ","))
		if c.problem != nil {
			s += "!"
		}
		got = append(got, s)
	}
	want := "1:a,b\nc,d 3:e 3:f 3:g 3:h 3:i 6:j,$(x)! 7:k"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " "), want)
	}
}

// TestDashValuesUseTheInlineForm: the aliyun CLI reads a word starting
// with - as a flag, so such values are written --Name=value, and read back.
func TestDashValuesUseTheInlineForm(t *testing.T) {
	r := minimalRequest(t)
	mustSet(t, r, "Description", "-x")
	mustSet(t, r, "InstanceName", "--web")
	res, err := Export(r, CLI, Options{Profile: "-p"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--Description=-x", "--InstanceName=--web", "--profile=-p"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("want %s in\n%s", want, res.Text)
		}
	}
	back, o, err := ImportCLI(res.Text)
	if err != nil || !back.Equal(r) || o.Profile != "-p" {
		t.Errorf("round trip: %v, %v, profile %q", err, diff(back, r), o.Profile)
	}
	back, _, err = ImportCLI("aliyun ecs RunInstances --InstanceName:a:b --Description=c=d")
	if err != nil || back.Get("InstanceName") != "a:b" || back.Get("Description") != "c=d" {
		t.Errorf("inline forms: %v %v", err, back)
	}
	if _, _, err := ImportCLI("aliyun ecs RunInstances --Description -x"); err == nil || !strings.Contains(err.Error(), "--Description=VALUE") {
		t.Errorf("a dash value in the space form must be refused as the CLI does: %v", err)
	}
}
