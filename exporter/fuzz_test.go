package exporter

import "testing"

// FuzzImportCLI: any text either fails to import with an error or yields a
// request whose cli export imports back to the same request (with a literal
// password replaced by its reference, as every export does).
func FuzzImportCLI(f *testing.F) {
	for _, s := range []string{
		"aliyun ecs RunInstances --RegionId cn-hangzhou --Amount 2",
		"aliyun ecs RunInstances \\\n --InstanceName 'a b' --Password \"$ECS_PASSWORD\"",
		"X=1 aliyun ecs RunInstances --Tag.1.Key \"k${A}\" | tee x; echo $(id)",
		"aliyun ecs RunInstances --profile p --output cols=A rows=B --ClientToken t",
		"aliyun ecs RunInstances --InstanceName \"x\\\"y\" --Description '\n'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		req, o, err := ImportCLI(line)
		if err != nil {
			return
		}
		res, err := Export(req, CLI, o)
		if err != nil {
			t.Fatal(err)
		}
		back, _, err := ImportCLI(res.Text)
		if err != nil {
			t.Fatalf("re-import of\n%s\nfailed: %v", res.Text, err)
		}
		want, _ := req.WithSecretReferences()
		if !back.Equal(want) {
			t.Fatalf("re-import changed the request\n%s\n%s", res.Text, diff(back, want))
		}
	})
}
