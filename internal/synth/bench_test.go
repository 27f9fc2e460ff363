package synth_test

import (
	"testing"

	"example.org/cgcheck/internal/synth"
)

// BenchmarkGenerate generates a registry of 100 descriptors per operation;
// bytes are the bytes written.
func BenchmarkGenerate(b *testing.B) {
	opts := synth.Options{N: 100, Seed: 1, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON}
	files, err := synth.Generate(opts)
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	b.ReportAllocs()
	b.SetBytes(int64(total))
	for b.Loop() {
		if _, err := synth.Generate(opts); err != nil {
			b.Fatal(err)
		}
	}
}
