package forms

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/request"
)

// A key pair is ignored on Windows (rules.md T2-32): the default login
// there must not be one, or the instance launches with no way in.
func TestTheDefaultLoginIsAKeyPairOnLinuxOnly(t *testing.T) {
	for _, c := range []struct{ os, want string }{{"linux", LoginKeyPair}, {"windows", LoginNone}} {
		env := testEnv()
		env.Data.Images = []catalog.Image{{ImageId: "img", OSType: c.os, Size: 40}}
		d := NewDraft(request.New(), env)
		_ = d.Req.Set("ImageId", "img")
		ApplyDefaults(Access, d)
		if got := d.Get(KeyLogin); got != c.want {
			t.Errorf("%s image: login %q, want %q (request %v)", c.os, got, c.want, d.Req.Params())
		}
		if c.os == "windows" && d.Req.Has("KeyPairName") {
			t.Errorf("a Windows image gets a key pair: %v", d.Req.Params())
		}
	}
}
