package engine_test

import (
	"context"
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/synth"
)

// BenchmarkEvaluate runs every built-in rule (and the registry summary) on
// one parsed, realistic descriptor per operation, as of synth.Today.
func BenchmarkEvaluate(b *testing.B) {
	p, err := engine.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	ev, err := p.Prepare(context.Background(), engine.Settings{Today: synth.Today})
	if err != nil {
		b.Fatal(err)
	}
	files, err := synth.Generate(synth.Options{N: 50, Seed: 1, JSON: synth.DefaultJSON})
	if err != nil {
		b.Fatal(err)
	}
	values := make([]any, len(files))
	for i, f := range files {
		format, _ := descriptor.FormatForPath(f.Path)
		doc, err := descriptor.Parse(f.Data, format)
		if err != nil {
			b.Fatal(err)
		}
		values[i] = doc.Value
	}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		res, err := ev.Evaluate(ctx, values[i%len(values)])
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Outcomes) == 0 {
			b.Fatal("no outcomes")
		}
	}
}
