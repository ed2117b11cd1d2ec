package exporter

import (
	"bytes"
	"encoding/json"

	"github.com/ecslaunch/ecslaunch/i18n"
	"github.com/ecslaunch/ecslaunch/request"
)

// exportYAML writes the launch file; request.File.Marshal already writes a
// literal secret as its ${…} reference and reports it.
func exportYAML(req *request.Request, o Options) (Result, error) {
	f := &request.File{Version: request.FileVersion, Description: o.Description, Ask: o.Ask, Request: req}
	text, replaced, err := f.Marshal()
	if err != nil {
		return Result{}, err
	}
	n := newNotes()
	secretNotes(n, replaced, secretInFile)
	verifyFile(text, f, n)
	return Result{Text: string(text), Notes: n.list()}, nil
}

// verifyFile reads the written file back and names every parameter that
// does not come back as it was, so that a writer bug never loses a value
// silently (yaml.v3 drops the leading line break of a block scalar).
func verifyFile(text []byte, file *request.File, n *notes) {
	want, _ := file.Request.WithSecretReferences()
	want.Compact()
	f, err := request.ParseFile(text)
	if err != nil {
		n.say(i18n.T("the launch file does not read back (%v): check it before use", err))
		return
	}
	if f.Description != file.Description {
		n.say(i18n.Text("description: does not read back from the launch file exactly as written (it starts with a line break)"))
	}
	for _, k := range want.Keys() {
		if f.Request.Get(k) != want.Get(k) {
			n.add(k, i18n.Text("does not read back from the launch file exactly as written (its value starts with a line break)"))
		}
	}
}

// exportJSON writes the flat API parameters as one JSON object, in the API
// reference's order (a Go map would sort the keys).
func exportJSON(req *request.Request, o Options) (Result, error) {
	n := newNotes()
	r, err := withClientToken(req, Options{Idempotent: req.Has("ClientToken") || o.Idempotent, ClientToken: o.ClientToken}, n)
	if err != nil {
		return Result{}, err
	}
	r, replaced := r.WithSecretReferences()
	secretNotes(n, replaced, secretInJSON)
	var b bytes.Buffer
	b.WriteString("{")
	for i, p := range r.Params() {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		b.Write(jsonString(p.Name))
		b.WriteString(": ")
		b.Write(jsonString(p.Value))
	}
	if r.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return Result{Text: b.String(), Notes: n.list()}, nil
}

// jsonString encodes one string as JSON, leaving <, > and & readable.
func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
