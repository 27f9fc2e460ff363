package synth

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// This file shapes an overlap-heavy registry (Options.Overlap): the
// landscape of one NHS board's council areas, where many partnerships
// serve the same client groups towards the same outcomes, the same
// officers sit on many of them and groups report to one another. The
// registry rules then fire on most files, which is the worst case their
// cost must stay linear in. Nothing here runs without Options.Overlap, so a
// registry without it is byte-identical to one made before this file
// existed.

// overlapAreas are the council areas of an overlap-heavy registry, with
// their weights: the six served by NHS Greater Glasgow and Clyde, so that
// a partnership spanning two of them (area as a list) stays within one
// board, Glasgow the largest by far.
var overlapAreas = []struct {
	name   string
	weight int
}{
	{"Glasgow City", 10}, {"Renfrewshire", 3}, {"Inverclyde", 2},
	{"West Dunbartonshire", 2}, {"East Dunbartonshire", 2}, {"East Renfrewshire", 2},
}

// Shares and sizes of an overlap-heavy registry.
const (
	// overlapSpanShare of partnerships span two council areas (0.07
	// otherwise): joint working across a board's areas is common.
	overlapSpanShare = 0.15
	// sharedSeatShare of open descriptors seat one officer from the shared
	// pool on a core partner.
	sharedSeatShare = 0.6
	// officersPer descriptors there is one shared officer.
	officersPer = 25
	// chainShare of the open descriptors that report somewhere join a
	// reporting chain; the rest report to a board by name.
	chainShare = 0.85
	// chainMin and chainMax bound a chain's length in descriptors, so its
	// depth (reports_to steps from the last to the first) is 5 to 20.
	chainMin, chainMax = 6, 21
	// crossLinkShare of chained descriptors also report to the head of a
	// chain, theirs or an earlier one (reports_to a list).
	crossLinkShare = 0.12
	// cyclesPer descriptors one chain is closed into a cycle (at least one).
	cyclesPer = 500
)

// pickOverlapArea draws one of overlapAreas by weight.
func (g *generator) pickOverlapArea() *area {
	total := 0
	for _, a := range overlapAreas {
		total += a.weight
	}
	n := g.r.IntN(total)
	for _, a := range overlapAreas {
		if n < a.weight {
			return areaNamed(a.name)
		}
		n -= a.weight
	}
	return areaNamed(overlapAreas[len(overlapAreas)-1].name)
}

// areaNamed returns the area of that name; the names of overlapAreas are
// all in areas.
func areaNamed(name string) *area {
	for i := range areas {
		if areas[i].name == name {
			return &areas[i]
		}
	}
	panic("synth: no area " + name)
}

// spanShare is the share of partnerships that span two council areas.
func (g *generator) spanShare() float64 {
	if g.opts.Overlap {
		return overlapSpanShare
	}
	return 0.07
}

// skew draws indexes below n, index i with weight (i+1)^-s: the first
// entries of a list come up far more often than the last, as a few client
// groups, outcomes and officers recur across a real landscape.
type skew []float64 // cumulative weights

func newSkew(n int, s float64) skew {
	cum := make(skew, n)
	total := 0.0
	for i := range cum {
		total += math.Pow(float64(i+1), -s)
		cum[i] = total
	}
	return cum
}

func (k skew) draw(r rng) int {
	x := r.Float64() * k[len(k)-1]
	return min(sort.SearchFloat64s(k, x), len(k)-1)
}

// shapeOverlap makes the registry overlap-heavy: shared client groups and
// outcome links, shared officers, and reporting chains with a few cycles.
// It runs before the registry plants, which then use what it left alone.
func (g *generator) shapeOverlap() {
	g.shareKeys()
	g.shareOfficers()
	g.chainReporting()
}

// shareKeys gives each valid descriptor a popular first client group and a
// popular first outcome link of its theme, so that many open descriptors
// share an area, a client group and an outcome link. Descriptors whose
// scenario lives in those fields (no client groups or links, a generic or
// vague group, a bad outcome reference) keep them as they are, so every
// file still shows what File.Shows says.
func (g *generator) shareKeys() {
	twoTowns := newSkew(2, 1)
	for _, d := range g.docs {
		dd := d.b.d
		if d.broken != "" || len(dd.ClientGroups) == 0 || len(dd.Purpose.OutcomeLinks) == 0 ||
			slices.ContainsFunc(d.names, func(n string) bool { return slices.Contains(unshareable, n) }) {
			continue
		}
		th, a := d.b.p.theme, d.b.p.area
		gt := th.groups[newSkew(len(th.groups), 1).draw(g.r)]
		town := a.towns[twoTowns.draw(g.r)]
		name := strings.ReplaceAll(gt.name, "{town}", town)
		if !strings.Contains(gt.name, "{town}") && g.r.chance(0.5) {
			name += " in " + town
		}
		g.renameFirstGroup(dd, ClientGroup{
			Name: name, Definition: d.b.text(gt.definition), Service: d.b.text(gt.service), IntendedImpact: d.b.text(gt.impact),
		})
		links := popularLinks(th)
		g.leadWithLink(dd, links[newSkew(len(links), 1).draw(g.r)])
	}
}

// renameFirstGroup puts cg in place of the first client group, and points
// engagement that named the old group at the new one. A descriptor whose
// other group already has that name keeps its own.
func (g *generator) renameFirstGroup(d *Descriptor, cg ClientGroup) {
	for _, other := range d.ClientGroups[1:] {
		if groupKey(other.Name) == groupKey(cg.Name) {
			return
		}
	}
	old := d.ClientGroups[0].Name
	d.ClientGroups[0] = cg
	for i := range d.Engagement {
		if d.Engagement[i].ClientGroup == old {
			d.Engagement[i].ClientGroup = cg.Name
		}
	}
}

// popularLinks are a theme's national outcome links, most popular first:
// its 2007 national outcomes and NPF outcomes, alternately.
func popularLinks(th *theme) []OutcomeLink {
	var out []OutcomeLink
	for i := 0; i < max(len(th.outcomes), len(th.npf)); i++ {
		if i < len(th.outcomes) {
			out = append(out, OutcomeLink{"national_outcome", intStrings(th.outcomes[i : i+1])[0]})
		}
		if i < len(th.npf) {
			out = append(out, OutcomeLink{"npf", th.npf[i]})
		}
	}
	return out
}

// leadWithLink makes l the first outcome link (the first survives any
// trimming for size), moving it there if the descriptor already has it.
func (g *generator) leadWithLink(d *Descriptor, l OutcomeLink) {
	links := slices.DeleteFunc(slices.Clone(d.Purpose.OutcomeLinks), func(x OutcomeLink) bool { return x == l })
	d.Purpose.OutcomeLinks = append([]OutcomeLink{l}, links...)
}

// shareOfficers seats officers from a small shared pool on core partners of
// many open descriptors: a few officers sit on dozens of partnerships, as
// a Director of Public Health or a Head of Social Work does, and most of
// the pool on more than four. Names are reserved as planted, so trimming
// for size keeps them.
func (g *generator) shareOfficers() {
	pool := make([]string, max(8, len(g.docs)/officersPer))
	for i := range pool {
		pool[i] = g.newPerson()
	}
	// A milder skew than for client groups: busy officers are many.
	who := newSkew(len(pool), 0.5)
	for _, d := range g.docs {
		if d.broken != "" || !open(d) || !g.r.chance(sharedSeatShare) {
			continue
		}
		var reps []*Representative
		for i := range d.b.d.Partners {
			if p := &d.b.d.Partners[i]; p.Role == "core" && p.Representative != nil {
				reps = append(reps, p.Representative)
			}
		}
		if len(reps) > 0 {
			reps[g.r.IntN(len(reps))].Person = pool[who.draw(g.r)]
		}
	}
}

// chainReporting links open descriptors that report somewhere into chains
// within each area: each reports to the one before it, by id, so a chain
// of chainMin to chainMax descriptors is 5 to 20 steps deep, and the first
// reports to a board by name. Some also report to the head of a chain (a
// strategic group; reports_to a list), which keeps every line within 20
// steps. Every link points to a descriptor generated earlier, so no cycle
// forms by chance; then a few chains are closed into cycles on purpose.
func (g *generator) chainReporting() {
	var chains [][]int
	byArea := map[string][]int{} // area → descriptors that may report to others
	var order []string           // areas in the order first seen
	for i, d := range g.docs {
		if d.broken != "" || !open(d) || strings.TrimSpace(d.b.d.Governance.ReportsTo) == "" {
			continue
		}
		a := d.b.d.Area
		if _, ok := byArea[a]; !ok {
			order = append(order, a)
		}
		byArea[a] = append(byArea[a], i)
	}
	for _, a := range order {
		var chain, heads []int
		want := g.r.between(chainMin, chainMax)
		for _, i := range byArea[a] {
			if !g.r.chance(chainShare) {
				continue
			}
			if len(chain) > 0 {
				parent := chain[len(chain)-1]
				g.reportTo(i, parent)
				if len(heads) > 0 && g.r.chance(crossLinkShare) {
					if j := heads[g.r.IntN(len(heads))]; j != parent {
						g.alsoReportTo(i, j)
					}
				}
			}
			if len(chain) == 0 {
				heads = append(heads, i)
			}
			chain = append(chain, i)
			if len(chain) == want {
				chains = append(chains, chain)
				chain, want = nil, g.r.between(chainMin, chainMax)
			}
		}
		if len(chain) > 1 {
			chains = append(chains, chain)
		}
	}
	g.closeCycles(chains)
}

// reportTo makes descriptor i report to descriptor j by id, keeping any
// other board it reports to.
func (g *generator) reportTo(i, j int) {
	g.docs[i].b.d.Governance.ReportsTo = g.docs[j].b.d.ID
	g.docs[i].dag, g.docs[j].dag = true, true
}

// alsoReportTo adds descriptor j's id to descriptor i's reports_to list.
func (g *generator) alsoReportTo(i, j int) {
	gov := &g.docs[i].b.d.Governance
	gov.MoreReportsTo = append(gov.MoreReportsTo, g.docs[j].b.d.ID)
	g.docs[i].dag, g.docs[j].dag = true, true
}

// closeCycles closes one chain in cyclesPer (and at least one) into a
// cycle of two to five descriptors: the chain's first descriptor reports to
// one of the next four instead of its board (reports_to a text) or as well
// (one entry of a list).
func (g *generator) closeCycles(chains [][]int) {
	var long [][]int
	for _, c := range chains {
		if len(c) >= 3 {
			long = append(long, c)
		}
	}
	k := min(len(long), 1+len(g.docs)/cyclesPer)
	for _, idx := range g.choose(seq(len(long)), k) {
		c := long[idx]
		back := c[g.r.between(1, min(4, len(c)-1))]
		if g.r.chance(0.5) {
			g.reportTo(c[0], back)
		} else {
			g.alsoReportTo(c[0], back)
		}
	}
}

// seq returns 0, 1, ..., n-1.
func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
