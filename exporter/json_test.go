package exporter

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

// TestJSONIsTheFlatRequestInOrder: for random nasty requests, the JSON
// export decodes to exactly the request's parameters, in the API
// reference's order.
func TestJSONIsTheFlatRequestInOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	for run := 0; run < 200; run++ {
		req := randomRequest(rng)
		res, err := Export(req, JSON, Options{})
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(strings.NewReader(res.Text))
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			t.Fatalf("run %d: not an object: %v\n%s", run, err, res.Text)
		}
		want, _ := req.WithSecretReferences()
		for i, p := range want.Params() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			var v string
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if k != p.Name || v != p.Value {
				t.Fatalf("run %d: entry %d is %q: %q, want %q: %q", run, i, k, v, p.Name, p.Value)
			}
		}
		if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
			t.Fatalf("run %d: extra entries after the request's %d: %v %v", run, want.Len(), tok, err)
		}
	}
}
