package forms

import (
	"testing"
	"time"

	"github.com/ecslaunch/ecslaunch/catalog"
	"github.com/ecslaunch/ecslaunch/request"
)

// A key pair is ignored on Windows (docs/rules.md T2-32): the default login
// there must not be one, or the instance launches with no way in.
func TestTheDefaultLoginIsAKeyPairOnLinuxOnly(t *testing.T) {
	for _, c := range []struct{ os, want string }{{"linux", LoginKeyPair}, {"windows", LoginPassword}} {
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

// A Windows image offers no key pair: ECS would ignore it.
func TestAWindowsImageOffersNoKeyPair(t *testing.T) {
	env := testEnv()
	env.Data.Images = []catalog.Image{{ImageId: "win", OSType: "windows", Size: 40}, {ImageId: "lin", OSType: "linux", Size: 20}}
	for img, want := range map[string]bool{"win": false, "lin": true} {
		d := NewDraft(request.New(), env)
		_ = d.Req.Set("ImageId", img)
		has := false
		for _, o := range loginOptions(d) {
			has = has || o.Value == LoginKeyPair
		}
		if has != want {
			t.Errorf("%s: key pair offered %v, want %v", img, has, want)
		}
	}
	d := NewDraft(request.New(), env)
	_ = d.Req.Set("ImageId", "lin")
	_ = d.Set(KeyLogin, LoginKeyPair)
	_ = d.Req.Set("ImageId", "win") // the image changed after the login was chosen
	found := false
	for _, f := range Validate(d, time.Now()) {
		found = found || f.Code == "ui.KeyPairOnWindows"
	}
	if !found {
		t.Error("a key-pair login kept for a Windows image is not a finding")
	}
}

// A private IP must be usable in the vSwitch: its network address, its
// broadcast address and the ones ECS reserves are not.
func TestPrivateIPsECSReservesAreRefused(t *testing.T) {
	env := testEnv() // vsw-d is 172.16.0.0/20
	for ip, bad := range map[string]bool{"172.16.0.0": true, "172.16.15.255": true, "172.16.15.253": true, "172.16.0.10": false} {
		d := NewDraft(request.New(), env)
		_ = d.Req.Set("VSwitchId", "vsw-d")
		_ = d.Req.Set("PrivateIpAddress", ip)
		got := privateIPFit(d, ip)
		if (got != "") != bad {
			t.Errorf("%s: %q, want refused %v", ip, got, bad)
		}
	}
}
