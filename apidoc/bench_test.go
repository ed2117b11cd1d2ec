package apidoc

import "testing"

// BenchmarkParseSpec measures the one-time parse of the embedded spec,
// paid on the first Param or Code call.
func BenchmarkParseSpec(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = parseSpec(specText)
	}
}

// BenchmarkParam measures a field's lookup, done on every focus change.
func BenchmarkParam(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, ok := Param("DataDisk.3.Size"); !ok {
			b.Fatal("not found")
		}
	}
}

// BenchmarkParameterFor measures the message scan of a generic code.
func BenchmarkParameterFor(b *testing.B) {
	msg := `The specified parameter "DataDisk.3.Size" is not valid.`
	for i := 0; i < b.N; i++ {
		if ParameterFor("InvalidParameter", msg) != "DataDisk.N.Size" {
			b.Fatal("wrong parameter")
		}
	}
}
