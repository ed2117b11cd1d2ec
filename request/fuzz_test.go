package request

import (
	"os"
	"testing"
)

// FuzzParseFile checks that no input makes the launch-file parser panic, and
// that whatever it accepts writes back to a file it accepts again unchanged.
func FuzzParseFile(f *testing.F) {
	if data, err := os.ReadFile("testdata/example.yaml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("version: 1\nrequest:\n  DataDisk: [{Size: 1}, {Category: x}]\n"))
	f.Add([]byte("version: 1\nrequest: {SecurityGroupIds: [a, b], SystemDisk.Size: 40}\n"))
	f.Add([]byte("version: 1\nask: [Tag]\nrequest:\n  Tag:\n    - &a {Key: k}\n    - *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ParseFile(data)
		if err != nil {
			return
		}
		out, _, err := file.Marshal()
		if err != nil {
			t.Fatalf("accepted file does not marshal: %v", err)
		}
		again, err := ParseFile(out)
		if err != nil {
			t.Fatalf("written file is not accepted: %v\n%s", err, out)
		}
		want, _ := file.Request.WithSecretReferences()
		want.Compact()
		if !again.Request.Equal(want) {
			t.Fatalf("round trip changed the request:\n%v\n%v", want.Params(), again.Request.Params())
		}
	})
}
