package schema_test

import (
	"testing"

	"example.org/cgcheck/internal/fixture"
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
	files, docs := fixture.Descriptors(b, synth.Options{N: 50, Seed: 1, JSON: synth.DefaultJSON})
	values := make([]any, len(docs))
	total := 0
	for i, f := range files {
		values[i] = docs[i].Value
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
