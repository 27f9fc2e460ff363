package engine_test

import (
	"context"
	"testing"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/synth"
)

// BenchmarkEvaluate runs every built-in rule (and the registry rules' facts)
// on one parsed, realistic descriptor per operation, as of synth.Today.
func BenchmarkEvaluate(b *testing.B) {
	p, err := engine.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	ev, err := p.Prepare(context.Background(), settingsLikeARun(p, nil))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkEvaluate(b, ev, descriptors(b))
}

// BenchmarkEvaluateEachRule evaluates one rule at a time (every other rule
// disabled), to find the rules worth optimising:
//
//	go test ./internal/engine -run '^$' -bench EvaluateEachRule | sort -t' ' -k3 -n
//
// A registry rule's figure is the cost of its facts. Each includes the fixed
// cost of one evaluation (turning the descriptor into an OPA value, the
// waivers query, OPA's set-up), which "(none)", with every rule disabled,
// measures alone: a rule's own cost is its figure minus that one.
func BenchmarkEvaluateEachRule(b *testing.B) {
	p, err := engine.Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	values := descriptors(b)
	ids := p.Catalogue().IDs()
	for _, id := range append([]string{"(none)"}, ids...) {
		b.Run(id, func(b *testing.B) {
			disabled := map[string]bool{}
			for _, other := range ids {
				disabled[other] = other != id
			}
			ev, err := p.Prepare(context.Background(), settingsLikeARun(p, disabled))
			if err != nil {
				b.Fatal(err)
			}
			benchmarkEvaluate(b, ev, values)
		})
	}
}

// settingsLikeARun are the settings of a run with no config: every param
// given, at its default, as the CLI always gives them. (Without them the
// policies fall back to reading defaults from METADATA, which costs more and
// is not what runs.)
func settingsLikeARun(p *engine.Policies, disabled map[string]bool) engine.Settings {
	params := map[string]map[string]any{}
	for _, r := range p.Catalogue().Rules() {
		for _, param := range r.Params {
			if params[r.ID] == nil {
				params[r.ID] = map[string]any{}
			}
			params[r.ID][param.Name] = param.Default
		}
	}
	return engine.Settings{Today: synth.Today, Params: params, Disabled: disabled}
}

// descriptors are the values of 50 parsed synthetic descriptors.
func descriptors(b *testing.B) []any {
	b.Helper()
	_, docs := fixture.Descriptors(b, synth.Options{N: 50, Seed: 1, JSON: synth.DefaultJSON})
	values := make([]any, len(docs))
	for i, d := range docs {
		values[i] = d.Value
	}
	return values
}

func benchmarkEvaluate(b *testing.B, ev *engine.Evaluator, values []any) {
	b.Helper()
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ev.Evaluate(ctx, values[i%len(values)]); err != nil {
			b.Fatal(err)
		}
	}
}
