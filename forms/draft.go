package forms

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/ecslaunch/ecslaunch/request"
)

// Draft is the wizard's state: the request (the one source of truth for
// every API parameter) plus the few UI-only choices no parameter holds.
type Draft struct {
	Req   *request.Request
	Extra map[string]string
	// Ask is a launch file's ask: list: the parameters asked before the review.
	Ask []string
	// Env lets derived keys (the VPC of a vSwitch) be read back.
	Env *Env
	// typedPassword is set once the password is typed in the wizard: it is
	// then never written literally (drafts, launch files and exports use
	// ${ECS_PASSWORD}), so the launch-file warning about a literal
	// password does not apply to it.
	typedPassword bool
}

// NewDraft wraps a request (nil starts an empty one).
func NewDraft(req *request.Request, env *Env) *Draft {
	if req == nil {
		req = request.New()
	}
	if env == nil {
		env = &Env{}
	}
	return &Draft{Req: req, Extra: map[string]string{}, Env: env}
}

// IsExtra reports whether a key is UI-only.
func IsExtra(key string) bool { return strings.HasPrefix(key, "ui.") }

// Get reads a field's value. UI-only keys fall back to what the request
// implies, so a request loaded from a file shows its login method and VPC.
func (d *Draft) Get(key string) string {
	if !IsExtra(key) {
		return d.Req.Get(key)
	}
	if v, ok := d.Extra[key]; ok {
		return v
	}
	switch key {
	case KeyLogin:
		return d.impliedLogin()
	case KeyVpc:
		return d.impliedVpc()
	case KeySecurityGroups:
		return strings.Join(d.SecurityGroups(), ",")
	case KeyUserDataText:
		if d.Extra[KeyUserDataFile] != "" {
			return "" // UserData is the file's: showing it as typed text would invite editing it flattened
		}
		if b, err := base64.StdEncoding.DecodeString(d.Req.Get("UserData")); err == nil {
			return string(b)
		}
	}
	return ""
}

func (d *Draft) impliedLogin() string {
	switch {
	case d.Req.Has("KeyPairName"):
		return LoginKeyPair
	case d.Req.Has("Password"):
		return LoginPassword
	case d.Req.Get("PasswordInherit") == "true":
		return LoginInherit
	}
	return LoginNone
}

func (d *Draft) impliedVpc() string {
	if d.Env == nil || d.Env.Data == nil {
		return ""
	}
	for _, v := range d.Env.Data.VSwitches {
		if v.VSwitchId == d.Req.Get("VSwitchId") {
			return v.VpcId
		}
	}
	return ""
}

// SecurityGroups returns the security groups asked, whichever parameter holds them.
func (d *Draft) SecurityGroups() []string {
	if g := d.Req.Get("SecurityGroupId"); g != "" {
		return []string{g}
	}
	return d.Req.Strings("SecurityGroupIds")
}

// Set stores a field's value (empty deletes it), with the side effects a
// UI-only choice has on the request.
func (d *Draft) Set(key, value string) error {
	if !IsExtra(key) {
		if key == "Password" {
			d.typedPassword = true
		}
		return d.Req.Set(key, value)
	}
	setExtra(d.Extra, key, value)
	switch key {
	case KeyLogin:
		d.applyLogin(value)
	case KeyVpc:
		d.applyVpc(value)
	case KeySecurityGroups:
		return d.applySecurityGroups(value)
	case KeyUserDataText:
		return d.Req.Set("UserData", encode([]byte(value)))
	case KeyUserDataFile:
		return d.applyUserDataFile(value)
	}
	return nil
}

func setExtra(m map[string]string, key, value string) {
	if value == "" && key != KeyLogin {
		delete(m, key)
		return
	}
	m[key] = value
}

func encode(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return base64.StdEncoding.EncodeToString(b)
}

// applyLogin keeps exactly one login parameter: they exclude each other.
func (d *Draft) applyLogin(method string) {
	if method != LoginKeyPair {
		d.Req.Delete("KeyPairName")
	}
	if method != LoginPassword {
		d.Req.Delete("Password")
		delete(d.Extra, KeyPasswordConfirm)
	}
	if method == LoginInherit {
		_ = d.Req.Set("PasswordInherit", "true")
	} else {
		d.Req.Delete("PasswordInherit")
	}
	if method == LoginKeyPair && !d.Req.Has("KeyPairName") && d.Env != nil && d.Env.Data != nil && len(d.Env.Data.KeyPairs) > 0 {
		_ = d.Req.Set("KeyPairName", d.Env.Data.KeyPairs[0].KeyPairName)
	}
}

// applyVpc drops the vSwitch and security groups of another VPC: they
// cannot go with the new one (docs/rules.md T1-13).
func (d *Draft) applyVpc(vpc string) {
	if d.impliedVpc() != vpc {
		d.Req.Delete("VSwitchId")
	}
	keep := []string{}
	for _, g := range d.SecurityGroups() {
		for _, sg := range SecurityGroupsFor(d.Env, vpc) {
			if sg.SecurityGroupId == g {
				keep = append(keep, g)
			}
		}
	}
	_ = d.applySecurityGroups(strings.Join(keep, ","))
}

// applySecurityGroups sends one group as SecurityGroupId and several as
// SecurityGroupIds.N: the two exclude each other (docs/rules.md T1-9).
func (d *Draft) applySecurityGroups(csv string) error {
	d.Req.Delete("SecurityGroupId")
	d.Req.DeleteList("SecurityGroupIds")
	var ids []string
	for _, s := range strings.Split(csv, ",") {
		if s = strings.TrimSpace(s); s != "" {
			ids = append(ids, s)
		}
	}
	switch len(ids) {
	case 0:
		return nil
	case 1:
		return d.Req.Set("SecurityGroupId", ids[0])
	}
	return d.Req.SetStrings("SecurityGroupIds", ids)
}

// keyUserDataFileState is where the read of the user-data file stands:
// "pending" until UserDataFileRead, else the read's error ("" when fine).
const keyUserDataFileState = "ui.UserDataFileState"

// applyUserDataFile records the path; the file is read by the caller, off
// the UI (it may be a FIFO or a huge file), and handed back through
// UserDataFileRead.
func (d *Draft) applyUserDataFile(path string) error {
	if path == "" {
		delete(d.Extra, keyUserDataFileState)
		// The path was erased: the file's content goes with it, unless
		// the user data is typed text.
		if d.Extra[KeyUserDataText] == "" {
			d.Req.Delete("UserData")
		}
		return nil
	}
	d.Extra[keyUserDataFileState] = "pending"
	return nil
}

// UserDataFile is the user-data file path whose content is still to be
// read, or "".
func (d *Draft) UserDataFile() string {
	if d.Extra[keyUserDataFileState] != "pending" {
		return ""
	}
	return d.Extra[KeyUserDataFile]
}

// UserDataFileRead takes the content (or the error) of reading path; an
// answer for a path no longer typed is dropped.
func (d *Draft) UserDataFileRead(path string, content []byte, err error) {
	if d.Extra[KeyUserDataFile] != path {
		return
	}
	if err != nil {
		d.Extra[keyUserDataFileState] = err.Error()
		return
	}
	delete(d.Extra, keyUserDataFileState)
	delete(d.Extra, KeyUserDataText)
	_ = d.Req.Set("UserData", encode(content))
}

// Toggle flips a Toggle field ("true" ↔ unset, as an unset boolean is false).
func (d *Draft) Toggle(key string) error {
	if d.Get(key) == "true" {
		return d.Set(key, "false")
	}
	return d.Set(key, "true")
}

// AddDataDisk appends a data disk with the zone's first category and 40 GiB.
func (d *Draft) AddDataDisk() error {
	n := d.Req.Count("DataDisk") + 1
	cat := "cloud_essd"
	if d.Env != nil && len(d.Env.DataCategories) > 0 {
		cat = d.Env.DataCategories[0].Category
		for _, c := range d.Env.DataCategories {
			if c.Category == "cloud_essd" {
				cat = c.Category
			}
		}
	}
	if err := d.Req.Set(fmt.Sprintf("DataDisk.%d.Category", n), cat); err != nil {
		return err
	}
	_ = d.Req.Set(fmt.Sprintf("DataDisk.%d.DeleteWithInstance", n), "true")
	return d.Req.Set(fmt.Sprintf("DataDisk.%d.Size", n), "40")
}

// keyTagRows counts the tag rows on screen: a row whose key is still empty
// has no parameter in the request (empty values are never sent), so the
// row count is kept beside it.
const keyTagRows = "ui.TagRows"

// AddTag appends an empty tag row; its key is asked next, and the step
// cannot be left until it is typed or the row removed.
func (d *Draft) AddTag() {
	d.Extra[keyTagRows] = strconv.Itoa(d.TagRows() + 1)
}

// TagRows is the number of tag rows: the request's tags, or more when rows
// were added whose key is not typed yet.
func (d *Draft) TagRows() int {
	n, _ := strconv.Atoi(d.Extra[keyTagRows])
	return max(n, d.Req.Count("Tag"))
}

// RemoveItem removes the list item a field belongs to ("DataDisk.2.Size"
// removes data disk 2) and reports whether the key was a list item.
func (d *Draft) RemoveItem(key string) bool {
	segs := strings.Split(key, ".")
	if len(segs) < 3 || (segs[0] != "DataDisk" && segs[0] != "Tag") {
		return false
	}
	var i int
	if _, err := fmt.Sscanf(segs[1], "%d", &i); err != nil || i < 1 {
		return false
	}
	if segs[0] == "Tag" {
		d.Extra[keyTagRows] = strconv.Itoa(max(d.TagRows()-1, 0))
	}
	d.Req.RemoveItem(segs[0], i)
	return true
}
