package forms

import (
	"testing"
	"time"
)

func fieldByKey(fs []Field, key string) (Field, bool) {
	for _, f := range fs {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

func TestANewTagRowStartsEmptyAndMustBeFilledOrRemoved(t *testing.T) {
	d := NewDraft(nil, nil)
	d.AddTag()
	if d.Req.Has("Tag.1.Key") {
		t.Fatalf("a new row must not invent a key: %v", d.Req.Params())
	}
	f, ok := fieldByKey(Fields(Access, d, d.Env), "Tag.1.Key")
	if !ok {
		t.Fatal("the new row has no key field")
	}
	if fs := Check(d, f, time.Now()); len(fs) == 0 || fs[0].Parameter != "Tag.1.Key" {
		t.Fatalf("an empty tag key must be reported, got %+v", fs)
	}
	_ = d.Set("Tag.1.Key", "team")
	if fs := Check(d, f, time.Now()); len(fs) != 0 {
		t.Fatalf("a typed key passes, got %+v", fs)
	}
	d.AddTag()
	if d.TagRows() != 2 {
		t.Fatalf("rows = %d", d.TagRows())
	}
	if !d.RemoveItem("Tag.2.Key") || d.TagRows() != 1 || d.Req.Get("Tag.1.Key") != "team" {
		t.Fatalf("after removing the empty row: rows %d, %v", d.TagRows(), d.Req.Params())
	}
}
