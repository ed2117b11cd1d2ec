package request

import (
	"os"
	"testing"
)

// BenchmarkParseFile reads the example launch file (the YAML parse and the
// mapping to flat parameters with line numbers).
func BenchmarkParseFile(b *testing.B) {
	data, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := ParseFile(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSDK builds a fresh SDK request from a request that sets every
// parameter (done before every call, since SDK requests are not reusable).
func BenchmarkSDK(b *testing.B) {
	r := everyParameter()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.SDK(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSet is one keystroke's write into the draft request.
func BenchmarkSet(b *testing.B) {
	r := New()
	for i := 0; i < b.N; i++ {
		_ = r.Set("DataDisk.2.Size", "100")
	}
}
