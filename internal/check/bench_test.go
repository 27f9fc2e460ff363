package check_test

import (
	"context"
	"testing"

	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/discover"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/synth"
)

// BenchmarkCheckDocument runs the whole per-document pipeline — read the
// file, parse with positions, schema, policies, waivers, registry facts —
// on one realistic descriptor file per operation, as of synth.Today.
func BenchmarkCheckDocument(b *testing.B) {
	c := &check.Checker{Schema: fixture.Validator(b), Evaluator: fixture.Evaluator(b)}

	files, err := synth.Generate(synth.Options{N: 50, Seed: 1, JSON: synth.DefaultJSON})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := synth.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	found, err := discover.Find([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	sources := found.Sources
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(total / len(files)))
	for i := 0; b.Loop(); i++ {
		d := c.CheckWithFacts(ctx, sources[i%len(sources)])
		for _, f := range d.Doc.Findings {
			if f.Rule == finding.RuleParse || f.Rule == finding.RuleSchema || f.Rule == finding.RuleEvaluation {
				b.Fatalf("%s: %s: %s", d.Doc.File, f.Rule, f.Message)
			}
		}
	}
}
