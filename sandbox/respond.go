package sandbox

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"time"
)

func (s *Server) writeError(w http.ResponseWriter, c *call, e *apiError) {
	product := "Ecs"
	if c.p.Values != nil && c.p.Get("Version") == vpcVersion {
		product = "Vpc"
	}
	c.write(w, e.Status, errorBody{
		RequestId: c.requestID, HostId: c.hostID(), Code: e.Code, Message: e.Message,
		Recommend: fmt.Sprintf("https://api.aliyun.com/troubleshoot?q=%s&product=%s&requestId=%s", e.Code, product, c.requestID),
	})
}

// write answers v in the call's format: JSON, or XML for Format=XML.
func (c *call) write(w http.ResponseWriter, status int, v any) {
	// A client that stops reading must not hold the handler for ever.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(writeTimeout))
	if !c.xml {
		writeJSON(w, status, v)
		return
	}
	root := "Error"
	if _, isErr := v.(errorBody); !isErr {
		root = c.p.Get("Action") + "Response"
	}
	data, err := json.Marshal(v)
	var out []byte
	if err == nil {
		out, err = jsonToXML(data, root)
	}
	if err != nil {
		status, out = http.StatusInternalServerError, []byte(xml.Header+"<Error><Code>InternalError</Code><Message>encoding failed</Message></Error>")
	}
	w.Header().Set("Content-Type", "text/xml;charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(out)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"Code":"InternalError","Message":"encoding failed"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// jsonToXML renders a JSON answer as the RPC API's XML: the object's keys
// become elements in their order, and each item of a list repeats the
// list's element (Regions.Region[] → <Regions><Region>…</Region>…).
func jsonToXML(data []byte, root string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var b bytes.Buffer
	b.WriteString(xml.Header)
	if err := xmlValue(dec, root, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// xmlValue writes the next JSON value as element name.
func xmlValue(dec *json.Decoder, name string, b *bytes.Buffer) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			for dec.More() {
				if err := xmlValue(dec, name, b); err != nil {
					return err
				}
			}
			_, err := dec.Token() // ]
			return err
		}
		b.WriteString("<" + name + ">")
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return err
			}
			k, ok := key.(string)
			if !ok {
				return errors.New("xml: object key is not a string")
			}
			if err := xmlValue(dec, k, b); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // }
			return err
		}
		b.WriteString("</" + name + ">")
	case nil:
		b.WriteString("<" + name + "/>")
	default:
		b.WriteString("<" + name + ">")
		if err := xml.EscapeText(b, []byte(fmt.Sprint(t))); err != nil {
			return err
		}
		b.WriteString("</" + name + ">")
	}
	return nil
}
