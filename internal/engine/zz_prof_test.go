package engine

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/synth"
)

func TestZZProfile(t *testing.T) {
	p, _ := Load(nil)
	files, _ := synth.Generate(synth.Options{N: 300, Seed: 1})
	var inputs []ast.Value
	for _, f := range files {
		format, _ := descriptor.FormatForPath(f.Path)
		d, err := descriptor.Parse(f.Data, format)
		if err != nil {
			continue
		}
		in, _ := ast.InterfaceToValue(d.Value)
		inputs = append(inputs, in)
	}
	store := inmem.NewFromObject(p.Data(Settings{Today: synth.Today}))
	type res struct {
		name string
		d    time.Duration
	}
	var out []res
	run := func(name, q string) {
		pq, err := p.prepare(context.Background(), store, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range inputs[:20] {
			pq.Eval(context.Background(), rego.EvalParsedInput(in))
		}
		start := time.Now()
		for _, in := range inputs {
			pq.Eval(context.Background(), rego.EvalParsedInput(in), rego.EvalGenerateJSON(keepTerm))
		}
		out = append(out, res{name, time.Since(start) / time.Duration(len(inputs))})
	}
	run("param via lib", "x := data.cgcheck.rules.evidence.evidence_base.max_age")
	run("param direct", "x := data.cgcheck.params.evidence_max_age_months")
	run("add_months", `x := data.cgcheck.lib.add_months("2008-01-31", 13)`)
	var all []*catalogue.Rule
	for _, r := range p.catalogue.Rules() {
		if r.IsRegistry() {
			run(r.ID, fmt.Sprintf("f := [x | some x in %s.facts]", r.Package))
			continue
		}
		all = append(all, r)
		run(r.ID, ruleQuery([]*catalogue.Rule{r}))
	}
	run("waivers", "waivers := [x | some x in data.cgcheck.waivers.effective]")
	run("ALL", ruleQuery(all))
	run("true", "true")
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, r := range out {
		fmt.Printf("%8s %s\n", r.d.Round(time.Microsecond), r.name)
	}
}
