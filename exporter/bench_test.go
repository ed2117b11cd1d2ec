package exporter

import "testing"

// BenchmarkExport measures each format on the request that uses every
// parameter (the review screen exports on a key press).
func BenchmarkExport(b *testing.B) {
	req := fullRequest(b)
	for _, f := range Formats() {
		b.Run(string(f), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Export(req, f, Options{Idempotent: true, ClientToken: "t"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportCLI measures reading the full request's command back.
func BenchmarkImportCLI(b *testing.B) {
	res, err := Export(fullRequest(b), CLI, Options{Idempotent: true})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, _, err := ImportCLI(res.Text); err != nil {
			b.Fatal(err)
		}
	}
}
