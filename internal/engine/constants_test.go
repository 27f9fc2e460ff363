package engine_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/fixture"
	"example.org/cgcheck/internal/synth"
)

// Working out the run's constant rules once must change no result: every
// rule's outcome, the waivers and the registry facts of 300 synthetic
// descriptors are compared with an evaluator that works them out each time.
func TestConstantsChangeNoResult(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := p.Prepare(context.Background(), settingsLikeARun(p, nil))
	if err != nil {
		t.Fatal(err)
	}
	plain := ev.WithoutConstants()
	_, docs := fixture.Descriptors(t, synth.Options{N: 300, Seed: 11, JSON: synth.DefaultJSON})
	for _, d := range docs {
		want, err := plain.Evaluate(context.Background(), d.Value)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ev.Evaluate(context.Background(), d.Value)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("results differ (-without +with constants):\n%s", diff)
		}
	}
}

// Which rules count as constant: those reading only data, through any
// number of rules and functions, and never input or `with`. (Policies may
// not call non-deterministic built-ins at all, sandbox.go.)
func TestConstantRules(t *testing.T) {
	t.Parallel()
	dir := writePolicy(t, map[string]string{"lead_post.rego": customHeader + `
import data.cgcheck.lib

from_data := lib.today

through_function := twice(count(data.cgcheck.catalogue))

twice(n) := n * 2

from_input := input.lead.person

through_function_on_input := lower(from_input)

whole_input := count(input)

with_keyword := day if day := lib.today with data.cgcheck.today as "2000-01-01"

warn contains from_data if false
`})
	p, err := engine.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range p.ConstantRules() {
		if strings.HasPrefix(r, "data.custom.") {
			got = append(got, r)
		}
	}
	slices.Sort(got)
	want := []string{"data.custom.lead_post.from_data", "data.custom.lead_post.through_function"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("constant rules (-want +got):\n%s", diff)
	}
	for _, r := range []string{"data.cgcheck.lib.today_months", "data.cgcheck.rules.evidence.evidence_base.max_age"} {
		if !slices.Contains(p.ConstantRules(), r) {
			t.Errorf("%s is not worked out once per run", r)
		}
	}
}

// A constant read under `with` must see the data `with` gives, not the
// value worked out for the run.
func TestConstantsUnderWith(t *testing.T) {
	t.Parallel()
	ev := prepareCustom(t, map[string]string{"lead_post.rego": customHeader + `
import data.cgcheck.lib

warn contains lib.today

warn contains day if day := lib.today with data.cgcheck.today as "2000-01-01"
`})
	res, err := ev.Evaluate(context.Background(), map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		if o.Rule.ID != "lead-post" {
			continue
		}
		want := []engine.Message{{Msg: "2000-01-01"}, {Msg: "2008-10-01"}}
		if diff := cmp.Diff(want, o.Warn); diff != "" {
			t.Errorf("warn (-want +got):\n%s", diff)
		}
	}
}

// A constant rule that fails to evaluate still fails each evaluation, with
// OPA's own error, as it would without the cache.
func TestConstantThatFails(t *testing.T) {
	t.Parallel()
	ev := prepareCustom(t, map[string]string{"lead_post.rego": customHeader + `
bad := to_number(data.cgcheck.today)

warn contains "never" if bad > 0
`})
	_, err := ev.Evaluate(context.Background(), map[string]any{})
	if err == nil || !strings.Contains(err.Error(), "to_number") {
		t.Errorf("error = %v, want the to_number error", err)
	}
}
