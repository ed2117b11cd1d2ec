package flow

import (
	"errors"
	"path/filepath"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// userChange runs a change the user made and records which parameters it
// changed, defaults it brought included (a period under PrePaid).
func (c *Controller) userChange(fn func()) {
	before := c.draft.Req.Clone()
	fn()
	after := c.draft.Req
	for _, k := range after.Keys() {
		if before.Get(k) != after.Get(k) {
			c.touched[k] = true
		}
	}
	for _, k := range before.Keys() {
		if !after.Has(k) {
			c.touched[k] = true
		}
	}
}

// SaveFile writes the request as a launch file. Over the file the wizard
// opened (--from), only what the user changed is written into it: its
// description, ask:, comments and other parameters stay as they were, and
// the defaults the wizard filled in the meantime are not added. Another
// file gets the whole request. An existing file is replaced only once
// overwrite is confirmed (Overwrite asks).
func (c *Controller) SaveFile(path string, overwrite bool) []Effect {
	data, err := c.launchFileFor(path)
	if err != nil {
		c.notice = i18n.T("Could not write the launch file: %v", err)
		return nil
	}
	c.pendingData = data
	return []Effect{writeFile{what: "launch file", path: path, data: data, overwrite: overwrite}}
}

func (c *Controller) launchFileFor(path string) ([]byte, error) {
	f := &request.File{Version: request.FileVersion, Request: c.draft.Req}
	if from := c.o.From; from != nil {
		f.Description, f.Ask = from.Description, from.Ask
		if c.o.FromPath != "" && samePath(path, c.o.FromPath) && len(from.Raw) > 0 {
			want := from.Request.Clone()
			for k := range c.touched {
				if v := c.draft.Req.Get(k); v != "" {
					_ = want.Set(k, v)
				} else {
					want.Delete(k)
				}
			}
			b, err := request.PatchFile(from.Raw, want)
			if err == nil || !errors.Is(err, request.ErrNotPatchable) {
				return b, err
			}
			f.Request = want // anchors: the file is written anew, with the same request
		}
	}
	b, _, err := f.Marshal()
	return b, err
}

func samePath(a, b string) bool {
	pa, err1 := filepath.Abs(a)
	pb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && pa == pb
}
