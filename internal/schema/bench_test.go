package schema_test

import (
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/internal/synth"
)

// BenchmarkValidate validates one parsed, realistic descriptor against the
// embedded schema per operation; bytes are the descriptor's source size.
func BenchmarkValidate(b *testing.B) {
	v, err := schema.New()
	if err != nil {
		b.Fatal(err)
	}
	files, err := synth.Generate(synth.Options{N: 50, Seed: 1, JSON: synth.DefaultJSON})
	if err != nil {
		b.Fatal(err)
	}
	values := make([]any, len(files))
	total := 0
	for i, f := range files {
		format, _ := descriptor.FormatForPath(f.Path)
		doc, err := descriptor.Parse(f.Data, format)
		if err != nil {
			b.Fatal(err)
		}
		values[i] = doc.Value
		total += len(f.Data)
	}
	b.ReportAllocs()
	b.SetBytes(int64(total / len(files)))
	for i := 0; b.Loop(); i++ {
		if violations := v.Validate(values[i%len(values)]); len(violations) > 0 {
			b.Fatalf("%s: %s", files[i%len(files)].Path, violations[0].Message)
		}
	}
}
