package exporter

import (
	"errors"
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
		"aliyun ecs RunInstances --DataDisk.1.Sise 40":       "--DataDisk.1.Sise: unknown flag",
		"aliyun ecs RunInstances --RegionId":                 "--RegionId: needs a value",
		"aliyun ecs RunInstances --UserData-FILE ./ud":       "--UserData-FILE: reads its value from a file",
		"aliyun ecs RunInstances --RegionId a --RegionId b":  "--RegionId: is given twice",
		"aliyun ecs run-instances --RegionId a":              "CamelCase",
		"aliyun ecs DescribeInstances":                       "only RunInstances",
		"gcloud compute instances create":                    "start with aliyun",
		"aliyun ecs RunInstances --InstanceName $(whoami)":   "command substitution",
		"aliyun ecs RunInstances --InstanceName 'open":       "unterminated single quote",
		"aliyun ecs RunInstances --RegionId a | tee log":     "does not run",
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
		"x#y # comment\nz":   {"x#y", "z"},
		`"中文 🙂" '\n'`:        {"中文 🙂", `\n`},
		"a\r\n\tb":           {"a", "b"},
	}
	for in, want := range cases {
		got, err := splitWords(in)
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("splitWords(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
