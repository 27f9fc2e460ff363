package descriptor_test

import (
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/synth"
)

// benchDocs returns the generated, valid descriptors of one format: 50 of
// them, so a run of 200 iterations parses each exactly four times.
func benchDocs(b *testing.B, format descriptor.Format) (docs [][]byte, meanBytes int64) {
	b.Helper()
	share := 0.0
	if format == descriptor.JSON {
		share = 1
	}
	files, err := synth.Generate(synth.Options{N: 80, Seed: 1, JSON: share})
	if err != nil {
		b.Fatal(err)
	}
	var total int
	for _, f := range files {
		if got, _ := descriptor.FormatForPath(f.Path); got == format && len(docs) < 50 {
			docs = append(docs, f.Data)
			total += len(f.Data)
		}
	}
	if len(docs) < 50 {
		b.Fatalf("only %d %s descriptors", len(docs), format)
	}
	return docs, int64(total / len(docs))
}

func benchmarkParse(b *testing.B, format descriptor.Format) {
	docs, mean := benchDocs(b, format)
	b.ReportAllocs()
	b.SetBytes(mean)
	for i := 0; b.Loop(); i++ {
		if _, err := descriptor.Parse(docs[i%len(docs)], format); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseYAML reads one realistic YAML descriptor (2-6 KB) with
// positions, per operation.
func BenchmarkParseYAML(b *testing.B) { benchmarkParse(b, descriptor.YAML) }

// BenchmarkParseJSON reads one realistic JSON descriptor with positions, per
// operation.
func BenchmarkParseJSON(b *testing.B) { benchmarkParse(b, descriptor.JSON) }
