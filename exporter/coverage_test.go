package exporter

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/request"
)

// TestEveryParameterIsExpressedOrNoted enforces "never silently dropped":
// for every parameter request.Specs() knows and every format, a request
// holding that parameter exports differently from an empty one, or the
// notes name the parameter.
func TestEveryParameterIsExpressedOrNoted(t *testing.T) {
	for _, f := range Formats() {
		base, err := Export(request.New(), f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range request.Specs() {
			key := withIndex(s.Pattern, 1)
			r := request.New()
			mustSet(t, r, key, specValue(s, i))
			res, err := Export(r, f, Options{})
			if err != nil {
				t.Fatalf("%s %s: %v", f, key, err)
			}
			if res.Text == base.Text && !notesName(res.Notes, key) {
				t.Errorf("%s: %s is neither written nor named in the notes %q", f, key, res.Notes)
			}
		}
	}
}

// TestFullRequestNotesOnlyNameWhatIsSet checks that the notes speak of
// parameters the request has, not of others.
func TestFullRequestNotesOnlyNameWhatIsSet(t *testing.T) {
	req := fullRequest(t)
	for _, f := range Formats() {
		res, err := Export(req, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Notes {
			name, _, _ := strings.Cut(n, ":")
			for _, k := range strings.Split(name, ", ") {
				if !req.Has(k) {
					t.Errorf("%s: note %q names %s, which the request does not set", f, n, k)
				}
			}
		}
	}
}

// notesName reports whether a note names key as one of the parameters it
// concerns (the names before the first colon).
func notesName(notes []string, key string) bool {
	for _, n := range notes {
		names, _, _ := strings.Cut(n, ":")
		for _, k := range strings.Split(names, ", ") {
			if k == key {
				return true
			}
		}
	}
	return false
}
