package registry

import (
	"context"
	"fmt"
	"testing"

	"example.org/cgcheck/internal/descriptor"
)

// craftedShapes are registries crafted to be the worst case of one registry rule
// each: every descriptor in one overlapping group, one person on every
// partnership, one id shared by all, one long cycle of reporting, many small
// cycles, and chains where each descriptor reports to the next two. Each
// gives the descriptor of number i of n.
var craftedShapes = []struct {
	name string
	doc  func(i, n int) string
}{
	{"one overlap group", func(i, n int) string {
		return fmt.Sprintf(shapeDoc, i, "Fife", "Carers", fmt.Sprintf("r%d", i%10), fmt.Sprintf("Person %d", i), "Board")
	}},
	{"one person everywhere", func(i, n int) string {
		return fmt.Sprintf(shapeDoc, i, fmt.Sprintf("Area %d", i), "Carers", "health", "Jo Bloggs", "Board")
	}},
	{"one id for all", func(i, n int) string {
		return fmt.Sprintf(shapeDocID, "same", fmt.Sprintf("Area %d", i), fmt.Sprintf("Person %d", i))
	}},
	{"one long cycle", func(i, n int) string {
		return fmt.Sprintf(shapeDoc, i, fmt.Sprintf("Area %d", i), "Carers", "health", fmt.Sprintf("Person %d", i), fmt.Sprintf("d%d", (i+1)%n))
	}},
	{"many small cycles", func(i, n int) string {
		next := i/3*3 + (i+1)%3
		return fmt.Sprintf(shapeDoc, i, fmt.Sprintf("Area %d", i), "Carers", "health", fmt.Sprintf("Person %d", i), fmt.Sprintf("d%d", next))
	}},
	{"chains of lists", func(i, n int) string {
		return fmt.Sprintf(shapeDoc, i, fmt.Sprintf("Area %d", i), "Carers", "health", fmt.Sprintf("Person %d", i),
			fmt.Sprintf("[d%d, d%d]", (i+1)%n, (i+2)%n))
	}},
}

const shapeDoc = `id: d%d
status: active
area: %s
client_groups: [{name: %s}]
purpose: {outcome_links: [{framework: npf, ref: %s}]}
partners: [{id: p, representative: {person: %s}}]
governance: {reports_to: %s}
`

const shapeDocID = `id: %s
status: active
area: %s
partners: [{id: p, representative: {person: %s}}]
`

// BenchmarkRegistryShapes times the registry rules alone (collecting the
// facts, grouping them, evaluating every rule and making the findings) on
// each crafted shape at doubling sizes, so that growth per doubling can be
// read off: about 2× is linear, 4× quadratic. Run with
//
//	go test -run '^$' -bench RegistryShapes -benchtime 3x ./internal/registry/
func BenchmarkRegistryShapes(b *testing.B) {
	p := prepare(b)
	for _, shape := range craftedShapes {
		for _, n := range []int{1000, 2000, 4000, 8000} {
			b.Run(fmt.Sprintf("%s/%d", shape.name, n), func(b *testing.B) {
				names := make([]string, n)
				facts := make([][][]Fact, n)
				ids := make([]string, n)
				for i := range n {
					d, err := descriptor.Parse([]byte(shape.doc(i, n)), descriptor.YAML)
					if err != nil {
						b.Fatal(err)
					}
					names[i] = fmt.Sprintf("reg/d%05d.yaml", i)
					ids[i], _ = d.Value.(map[string]any)["id"].(string)
					facts[i] = p.facts(b, names[i], d)
				}
				b.ResetTimer()
				findings := 0
				for range b.N {
					c := NewCollector(p.rules)
					for i := range n {
						c.Add(Document{File: names[i], ID: ids[i]}, facts[i])
					}
					reg, err := c.Evaluate(context.Background())
					if err != nil {
						b.Fatal(err)
					}
					findings = len(reg.Findings)
				}
				b.ReportMetric(float64(findings), "findings")
			})
		}
	}
}
