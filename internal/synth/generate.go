package synth

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options control a generated registry.
type Options struct {
	// N is the number of descriptor files.
	N int
	// Seed selects the registry: the same options give byte-identical files.
	Seed uint64
	// Broken is the share of files deliberately broken (a syntax error, an
	// unknown property or an impossible date), e.g. DefaultBroken; 0 for none.
	Broken float64
	// JSON is the share of files written as JSON, e.g. DefaultJSON; the rest
	// are YAML.
	JSON float64
	// Overlap makes the registry overlap-heavy, as a real Community Planning
	// landscape is: six council areas of one NHS board, popular client
	// groups and outcome links shared by many partnerships, the same
	// officers on many of them, and reporting chains 5 to 20 deep with a
	// few cycles (see the package documentation). Every registry rule then
	// fires on most files: the worst case for their cost. Without it the
	// registry is byte-identical to one made before the option existed.
	Overlap bool
}

// Defaults for the command line.
const (
	DefaultBroken = 0.01
	DefaultJSON   = 0.2
)

// Size budget of a valid descriptor, in bytes. A descriptor with a long
// partner or measure list (File.Long: eleven to thirteen core partners, or
// more than twelve measures) may take up to MaxLongBytes: every core
// partner records its remit, its own interest and what its representative
// may commit, and that does not fit in 6 KiB for thirteen of them.
const (
	MinBytes     = 2 * 1024
	MaxBytes     = 6 * 1024
	MaxLongBytes = 7 * 1024
)

// Breakages of the deliberately broken files.
const (
	BrokenSyntax          = "syntax"
	BrokenUnknownProperty = "unknown-property"
	BrokenDate            = "bad-date"
)

// File is one generated descriptor file.
type File struct {
	// Path is slash-separated and relative to the registry's root:
	// "<area>/<id>.yaml".
	Path string
	Data []byte
	// ID is the descriptor's id (two files share one where the unique-ids
	// rule is meant to fire).
	ID string
	// Broken is "" for a file that validates, else one of the Broken*
	// constants.
	Broken string
	// Scenarios name what the descriptor shows: a clean variant, or the
	// departures from a clean descriptor that make rules warn or fail.
	Scenarios []string
	// Shows lists the rule findings the scenarios are there to produce
	// (empty for a clean descriptor, which passes or skips every rule).
	Shows []Expect
	// Registry lists the registry rules this file is planted for. In an
	// overlap-heavy registry (Options.Overlap) most files take part in
	// registry findings beyond these.
	Registry []string
	// Long is true for a descriptor with a long partner or measure list,
	// whose size budget is MaxLongBytes rather than MaxBytes.
	Long bool
}

// Expect is a rule and the level (warn or fail) a descriptor is meant to
// give for it.
type Expect struct{ Rule, Level string }

// Generate returns a registry of opts.N descriptors in path order.
func Generate(opts Options) ([]File, error) {
	if opts.N < 0 {
		return nil, fmt.Errorf("synth: N is %d, want 0 or more", opts.N)
	}
	if opts.Broken < 0 || opts.Broken > 1 || opts.JSON < 0 || opts.JSON > 1 {
		return nil, fmt.Errorf("synth: Broken and JSON are shares between 0 and 1")
	}
	g := &generator{
		r:       rng{newRand(opts.Seed)},
		opts:    opts,
		ids:     map[string]bool{},
		groups:  map[string]map[string]bool{},
		groupN:  map[string]int{},
		persons: map[string]int{},
	}
	for _, a := range areas {
		g.groups[a.name] = map[string]bool{}
	}
	return g.run(), nil
}

// generator holds the one random source and what must stay unique across
// the registry: ids, client groups per area, representatives' seats.
type generator struct {
	r       rng
	opts    Options
	ids     map[string]bool
	groups  map[string]map[string]bool // area → folded client group names
	groupN  map[string]int             // area and group → next number to try
	persons map[string]int             // folded name → seats on open descriptors

	docs []*doc
}

// doc is one descriptor on its way to a file.
type doc struct {
	b        *builder
	file     string // path without extension
	format   string // yaml, yml or json
	broken   string
	names    []string
	registry []string
	// dag is true when reports_to links this descriptor to another one, or
	// another one to it: registry plants leave it alone.
	dag     bool
	planted bool
	// terse files are written with flow style for nested detail too.
	terse bool
}

func (g *generator) isID(s string) bool { return g.ids[s] }

// person returns a representative's name. Names of people on open
// descriptors are used at most three times, so nobody sits on more than
// four open partnerships unless a registry scenario puts them there.
func (g *generator) person(r rng, open bool) string {
	for i := 0; ; i++ {
		name := randomName(r, i)
		if !open {
			return name
		}
		if key := strings.ToLower(name); g.persons[key] < 3 {
			g.persons[key]++
			return name
		}
	}
}

// planted is the seat count that reserves a name for a registry plant.
const planted = 1 << 20

// newPerson returns a name nobody in the registry has yet, and reserves it.
func (g *generator) newPerson() string {
	for i := 0; ; i++ {
		name := randomName(g.r, i)
		if key := strings.ToLower(name); g.persons[key] == 0 {
			g.persons[key] = planted
			return name
		}
	}
}

// randomName draws a name for the attempt-th try at finding a free one.
// There are only a few thousand first-and-last-name pairs, so a large
// registry uses them all up: later attempts add one middle initial, then
// two, which gives millions of names. Without that escalation a registry
// of more than about 10,000 descriptors searched for a free name forever.
func randomName(r rng, attempt int) string {
	first, last := r.pick(firstNames), r.pick(surnames)
	switch {
	case attempt < 4:
		return first + " " + last
	case attempt < 16:
		return fmt.Sprintf("%s %c. %s", first, 'A'+r.IntN(26), last)
	default:
		return fmt.Sprintf("%s %c. %c. %s", first, 'A'+r.IntN(26), 'A'+r.IntN(26), last)
	}
}

// areaWeights favour populous areas, as a national registry would.
var areaWeights = []int{210, 240, 110, 90, 50, 148, 142, 120, 105, 95, 90, 470, 152, 362, 584, 220, 80, 80, 87, 26, 135, 326, 20, 145, 170, 112, 22, 112, 310, 88, 91, 170}

func (g *generator) pickArea() *area {
	if g.opts.Overlap {
		return g.pickOverlapArea()
	}
	total := 0
	for _, w := range areaWeights {
		total += w + 100
	}
	n := g.r.IntN(total)
	for i, w := range areaWeights {
		if n < w+100 {
			return &areas[i]
		}
		n -= w + 100
	}
	return &areas[len(areas)-1]
}

func (g *generator) defaultPlan(i int) *plan {
	r := g.r
	p := &plan{index: i, area: g.pickArea(), theme: &themes[r.IntN(len(themes))]}
	// A few partnerships span two council areas served by one NHS board.
	if r.chance(g.spanShare()) {
		var same []*area
		for j := range areas {
			if areas[j].board == p.area.board && areas[j].name != p.area.name {
				same = append(same, &areas[j])
			}
		}
		if len(same) > 0 {
			p.area2 = same[r.IntN(len(same))]
		}
	}
	switch x := r.Float64(); {
	case x < 0.6:
		p.status = "active"
	case x < 0.7:
		p.status = "proposed"
	case x < 0.8:
		p.status = "closing"
	default:
		p.status = "closed"
	}
	switch x := r.Float64(); {
	case x < 0.35 && p.status != "closed":
		p.typ = "continuing"
	case x < 0.6:
		p.typ = "time_limited"
	case x < 0.9:
		p.typ = "task_limited"
	default:
		p.typ = "one_off"
	}
	switch x := r.Float64(); {
	case x < 0.22:
		p.scale = "programme"
	case x < 0.5:
		p.scale = "project"
	}
	p.core = []int{2, 3, 3, 3, 3, 4, 4, 4, 5, 6}[r.IntN(10)]
	p.others = []int{0, 0, 0, 1, 1, 1, 2}[r.IntN(7)]
	p.consult = []int{0, 0, 0, 0, 0, 0, 1, 1, 2}[r.IntN(9)]
	return p
}

func (g *generator) run() []File {
	r, n := g.r, g.opts.N

	// Which files are broken, and how: a fixed number, the kinds in turn.
	broken := make([]string, n)
	if k := int(math.Round(float64(n) * g.opts.Broken)); k > 0 {
		kinds := []string{BrokenSyntax, BrokenUnknownProperty, BrokenDate}
		for j, i := range r.Perm(n)[:k] {
			broken[i] = kinds[j%len(kinds)]
		}
	}

	// The schedule: valid files take the scenarios of a shuffled cycle in
	// turn, so every few dozen files show every scenario.
	var schedule []*scenario
	var extras []*scenario
	for _, s := range scenarios {
		if s.extra {
			extras = append(extras, s)
		}
	}
	parents := map[string][]int{} // area → open descriptors others may report to
	for i := 0; i < n; i++ {
		p := g.defaultPlan(i)
		if broken[i] == "" {
			if len(schedule) == 0 {
				schedule = cycle()
				r.Shuffle(len(schedule), func(a, b int) { schedule[a], schedule[b] = schedule[b], schedule[a] })
			}
			p.scenario, schedule = schedule[0], schedule[1:]
		} else {
			p.scenario = scenarioByName("clean")
		}
		if p.scenario.prep != nil {
			p.scenario.prep(p)
		}
		if p.status == "closed" && p.typ == "continuing" {
			p.typ = "time_limited"
		}
		d := &doc{broken: broken[i]}
		d.b = g.build(p)
		d.file = slug(p.area.name) + "/" + d.b.d.ID
		d.names = []string{p.scenario.name}
		if p.scenario.apply != nil {
			p.scenario.apply(d.b)
		}
		// A second, common shortfall on some of the damaged descriptors.
		if p.scenario.level != "pass" && broken[i] == "" && r.chance(0.35) {
			e := extras[r.IntN(len(extras))]
			if e.rule != p.scenario.rule && !slices.Contains(p.scenario.avoid, e.name) && (e.fits == nil || e.fits(d.b)) {
				e.apply(d.b)
				d.names = append(d.names, e.name)
			}
		}
		// Some partnerships report to another descriptor, always an earlier
		// one, so reporting lines never form a cycle by chance.
		if broken[i] == "" && d.b.d.Status != "closed" {
			area := d.b.d.Area
			// (An overlap-heavy registry draws its reporting lines later.)
			if cand := parents[area]; !g.opts.Overlap && len(cand) > 0 && d.b.d.Governance.ReportsTo != "" && r.chance(0.08) {
				j := cand[r.IntN(len(cand))]
				d.b.d.Governance.ReportsTo = g.docs[j].b.d.ID
				d.dag, g.docs[j].dag = true, true
			}
			parents[area] = append(parents[area], i)
		}
		d.terse = r.chance(0.3)
		switch {
		case r.chance(g.opts.JSON):
			d.format = "json"
		case r.chance(0.08):
			d.format = "yml"
		default:
			d.format = "yaml"
		}
		g.docs = append(g.docs, d)
	}

	if g.opts.Overlap {
		g.shapeOverlap()
	}
	g.plantRegistry()

	files := make([]File, 0, n)
	for _, d := range g.docs {
		data := g.render(d)
		f := File{
			Path: d.file + "." + d.format, Data: data, ID: d.b.d.ID, Broken: d.broken,
			Scenarios: d.names, Registry: d.registry, Long: d.b.p.compact,
		}
		for _, name := range d.names {
			if s := scenarioByName(name); s.rule != "" {
				f.Shows = append(f.Shows, Expect{s.rule, s.level})
			}
		}
		files = append(files, f)
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// eligible returns the descriptors a registry plant may use: valid, not yet
// planted, not linked by reports_to, and passing ok.
func (g *generator) eligible(ok func(*doc) bool) []int {
	var out []int
	for i, d := range g.docs {
		if d.broken == "" && !d.planted && !d.dag && ok(d) {
			out = append(out, i)
		}
	}
	return out
}

func open(d *doc) bool { return d.b.d.Status != "closed" }

// byArea groups descriptor indexes by area, areas in a fixed order, keeping
// only areas with at least k of them.
func (g *generator) byArea(idx []int, k int) [][]int {
	m := map[string][]int{}
	for _, i := range idx {
		a := g.docs[i].b.d.Area
		m[a] = append(m[a], i)
	}
	var out [][]int
	for _, a := range areas {
		if len(m[a.name]) >= k {
			out = append(out, m[a.name])
		}
	}
	return out
}

// byAreaTheme groups descriptor indexes by area and theme (two falls
// partnerships in one area), keeping groups of two or more.
func (g *generator) byAreaTheme(idx []int) [][]int {
	m := map[string][]int{}
	for _, i := range idx {
		key := g.docs[i].b.d.Area + "/" + g.docs[i].b.p.theme.key
		m[key] = append(m[key], i)
	}
	var out [][]int
	for _, a := range areas {
		for _, th := range themes {
			if is := m[a.name+"/"+th.key]; len(is) >= 2 {
				out = append(out, is)
			}
		}
	}
	return out
}

// choose picks k distinct indexes from idx.
func (g *generator) choose(idx []int, k int) []int {
	out := make([]int, 0, k)
	for _, j := range g.r.Perm(len(idx))[:k] {
		out = append(out, idx[j])
	}
	return out
}

// plantRegistry makes each registry rule fire a few times: once per 2,000
// descriptors and at least once (registries of a handful of files may be
// too small for some). Apart from these, the registry is clean.
func (g *generator) plantRegistry() {
	times := 1 + len(g.docs)/2000
	mark := func(rule string, idx ...int) {
		for _, i := range idx {
			g.docs[i].planted = true
			g.docs[i].registry = append(g.docs[i].registry, rule)
		}
	}
	for range times {
		// reporting-cycle: two or three partnerships in one area report to
		// each other.
		k := 2 + g.r.IntN(2)
		reporting := func(d *doc) bool { return open(d) && d.b.d.Governance.ReportsTo != "" }
		if groups := g.byArea(g.eligible(reporting), k); len(groups) > 0 {
			idx := g.choose(groups[g.r.IntN(len(groups))], k)
			for j, i := range idx {
				gov := &g.docs[i].b.d.Governance
				gov.ReportsTo, gov.MoreReportsTo = g.docs[idx[(j+1)%k]].b.d.ID, nil
			}
			mark("reporting-cycle", idx...)
		}

		// unique-ids: a descriptor copied as a template keeps the original's id.
		if groups := g.byArea(g.eligible(func(*doc) bool { return true }), 2); len(groups) > 0 {
			idx := g.choose(groups[g.r.IntN(len(groups))], 2)
			g.docs[idx[1]].b.d.ID = g.docs[idx[0]].b.d.ID
			mark("unique-ids", idx...)
		}

		// overlapping-partnerships: two open partnerships in one area serve
		// the same client group (spelt differently) towards the same outcome.
		withGroups := func(d *doc) bool {
			return open(d) && len(d.b.d.ClientGroups) > 0 && len(d.b.d.Purpose.OutcomeLinks) > 0 &&
				d.b.d.MoreAreas == nil && !slices.ContainsFunc(d.names, func(n string) bool { return slices.Contains(unshareable, n) })
		}
		groups := g.byAreaTheme(g.eligible(withGroups))
		if len(groups) == 0 {
			groups = g.byArea(g.eligible(withGroups), 2)
		}
		if len(groups) > 0 {
			idx := g.choose(groups[g.r.IntN(len(groups))], 2)
			a, b := g.docs[idx[0]].b.d, g.docs[idx[1]].b.d
			old := b.ClientGroups[0].Name
			b.ClientGroups[0] = a.ClientGroups[0]
			b.ClientGroups[0].Name = normalise(a.ClientGroups[0].Name, g.r)
			for i := range b.Engagement {
				if b.Engagement[i].ClientGroup == old {
					b.Engagement[i].ClientGroup = b.ClientGroups[0].Name
				}
			}
			if !slices.Contains(b.Purpose.OutcomeLinks, a.Purpose.OutcomeLinks[0]) {
				b.Purpose.OutcomeLinks = append(b.Purpose.OutcomeLinks, a.Purpose.OutcomeLinks[0])
			}
			mark("overlapping-partnerships", idx...)
		}

		// representative-overload: one officer sits on five or six open
		// partnerships, most of them in one area.
		seats := 5 + g.r.IntN(2)
		coreRep := func(p Partner) bool { return p.Role == "core" && p.Representative != nil }
		withRep := func(d *doc) bool { return open(d) && slices.ContainsFunc(d.b.d.Partners, coreRep) }
		cand := g.eligible(withRep)
		if len(cand) >= seats {
			var idx []int
			if groups := g.byArea(cand, seats); len(groups) > 0 {
				idx = g.choose(groups[g.r.IntN(len(groups))], seats)
			} else {
				idx = g.choose(cand, seats)
			}
			name := g.newPerson()
			for _, i := range idx {
				d := g.docs[i].b.d
				var reps []int
				for j, p := range d.Partners {
					if coreRep(p) {
						reps = append(reps, j)
					}
				}
				d.Partners[reps[g.r.IntN(len(reps))]].Representative.Person = name
			}
			mark("representative-overload", idx...)
		}
	}
}

// render writes a descriptor in its format within the size budget, and
// breaks it if it is one of the broken files.
func (g *generator) render(d *doc) []byte {
	b := d.b
	st := normal
	if b.p.compact || d.terse {
		st = terse
	}
	header := g.header(d)
	encode := func() []byte {
		if d.format == "json" {
			return st.encodeJSON(b.d.object())
		}
		return st.encodeYAML(b.d.object(), header)
	}
	data := encode()
	if len(data) > MaxBytes && header != nil {
		header = nil
		data = encode()
	}
	for step := 0; len(data) > MaxBytes && step < len(shrinkSteps); step++ {
		shrinkSteps[step](b)
		data = encode()
	}
	// Still too large: write it as YAML, then more tersely (as officers do
	// with long partner lists).
	if len(data) > MaxBytes && d.format == "json" {
		d.format = "yaml"
		data = encode()
	}
	if len(data) > MaxBytes {
		st = terse
		data = encode()
	}
	if len(data) > MaxBytes {
		st = dense
		data = encode()
	}
	for step := 0; len(data) < MinBytes && step < 40; step++ {
		b.grow(step)
		data = encode()
	}
	switch d.broken {
	case BrokenUnknownProperty:
		k := g.r.IntN(3)
		b.d.Extra = object{[]member{
			{"notes", "Draft for the board; figures to be confirmed by finance"},
			{"contact_email", "partnerships@example.gov.uk"},
			{"last_updated", ymd(addDays(today, -g.r.between(5, 90)))},
		}[k]}
		data = encode()
	case BrokenDate:
		lc := &b.d.Lifecycle
		if g.r.chance(0.5) {
			// Written the British way.
			s := mustDate(lc.Start)
			lc.Start = s.Format("02/01/2006")
		} else {
			// A day that does not exist.
			lc.NextReview = g.r.pick([]string{"2009-02-29", "2009-06-31", "2010-09-31", "2009-04-31"})
		}
		data = encode()
	case BrokenSyntax:
		data = breakSyntax(data, d.format == "json")
	}
	return data
}

// header is the comment a YAML descriptor starts with (most have one).
func (g *generator) header(d *doc) []string {
	if len(d.b.d.Name)%4 == 0 {
		return nil
	}
	return []string{
		d.b.d.Name + " (" + d.b.d.Area + ")",
		"Synthetic descriptor (cgcheck-synth): people, smaller organisations and figures are illustrative.",
	}
}

// breakSyntax makes a typing mistake that leaves the file unreadable: in
// JSON a missing comma after the status member, in YAML a key indented by
// one space too many.
func breakSyntax(data []byte, isJSON bool) []byte {
	s := string(data)
	if isJSON {
		i := strings.Index(s, "\n  \"status\": ")
		if i >= 0 {
			if j := strings.Index(s[i+1:], ",\n"); j >= 0 {
				k := i + 1 + j
				return []byte(s[:k] + s[k+1:])
			}
		}
		return []byte(strings.TrimSuffix(s, "}\n"))
	}
	if i := strings.Index(s, "\narea: "); i >= 0 {
		return []byte(s[:i+1] + " " + s[i+1:])
	}
	return append(data, []byte("partners: [\n")...)
}

// shrinkSteps drop optional detail that no rule looks at, in turn, until
// a descriptor fits the size budget.
var shrinkSteps = []func(*builder){
	func(b *builder) {
		for i := range b.d.Partners {
			if p := &b.d.Partners[i]; p.Role != "core" {
				p.Interest = ""
			}
		}
		if l := b.d.Learning; l != nil {
			l.Evaluation = ""
		}
	},
	func(b *builder) {
		b.d.Purpose.AddedValue = nil
		if len(b.d.Purpose.NoGainAreas) > 1 {
			b.d.Purpose.NoGainAreas = b.d.Purpose.NoGainAreas[:1]
		}
		b.d.Governance.TermsOfReference = ""
		if len(b.d.Risks) > 1 {
			b.d.Risks = b.d.Risks[:1]
		}
	},
	func(b *builder) {
		// Every size but the first goes: one stated size is enough for
		// critical-mass, none is what a scenario may be showing.
		sized := false
		for i := range b.d.Partners {
			for j := range b.d.Partners[i].Contributes {
				c := &b.d.Partners[i].Contributes[j]
				if !sized && resourceKinds[c.Kind] && (c.FTE != 0 || c.ValueGBP != 0) {
					sized = true
					continue
				}
				c.FTE, c.ValueGBP = 0, 0
			}
		}
		if f := b.d.Funding; f != nil {
			for i := range f.Sources {
				f.Sources[i].Amount = 0
			}
		}
	},
	func(b *builder) {
		if m := b.d.Monitoring; m != nil {
			for i := range m.Measures {
				m.Measures[i].Source = ""
			}
			for i := range m.Efficiencies {
				m.Efficiencies[i].Partners = nil
			}
			if len(m.Measures) > 0 {
				m.QualitativeBenefits = nil
			}
		}
	},
	func(b *builder) {
		for i := range b.d.Partners {
			b.d.Partners[i].Sector = ""
		}
		if len(b.d.Evidence) > 2 {
			b.d.Evidence = b.d.Evidence[:2]
		}
	},
	func(b *builder) {
		for i := range b.d.Partners {
			if p := &b.d.Partners[i]; p.Role != "core" {
				p.Representative = nil
			}
		}
		if n := len(b.d.Engagement); n > 1 {
			b.d.Engagement = b.d.Engagement[n-1:]
		}
	},
	func(b *builder) {
		// Keep one done action and every open one.
		kept := b.d.ActionPlan[:0:0]
		done := false
		for _, a := range b.d.ActionPlan {
			if a.Status != "done" || !done {
				kept = append(kept, a)
			}
			done = done || a.Status == "done"
		}
		if b.d.ActionPlan != nil {
			b.d.ActionPlan = kept
		}
		sized := hasSize(b.d)
		for i := range b.d.Partners {
			if p := &b.d.Partners[i]; len(p.Contributes) > 1 {
				p.Contributes = p.Contributes[:1]
			}
		}
		if sized && !hasSize(b.d) {
			b.sizeOne()
		}
	},
	func(b *builder) {
		d := b.d
		d.Purpose.AgreedOn, d.Governance.MeetingFrequency = "", ""
		if m := d.Monitoring; m != nil {
			m.Owner, m.Frequency = "", ""
			for i := range m.Efficiencies {
				m.Efficiencies[i].SavingMin, m.Efficiencies[i].SavingMax = 0, 0
			}
		}
		if d.Status != "active" {
			d.Lifecycle.LastStructureReview = ""
		}
		d.Purpose.OutcomeLinks = slices.DeleteFunc(d.Purpose.OutcomeLinks, func(l OutcomeLink) bool { return localFrameworks[l.Framework] })
		if d.Purpose.OutcomeLinks != nil && len(d.Purpose.OutcomeLinks) == 0 {
			d.Purpose.OutcomeLinks = nil
		}
		for i := range d.Partners {
			if p := &d.Partners[i]; p.Role != "core" {
				p.Remit = ""
			}
		}
		if i := strings.LastIndex(d.Lead.Person, ", "); i >= 0 {
			d.Lead.Person = d.Lead.Person[i+2:]
		}
		if d.Scale == "project" {
			d.Scale = ""
		}
		if lc := &d.Lifecycle; lc.Expires != "" && lc.NextReview != "" {
			lc.EndCondition = ""
		}
	},
	func(b *builder) {
		for i := range b.d.Partners {
			if r := b.d.Partners[i].Representative; r != nil && r.Person != "" {
				r.Post = ""
			}
		}
		if len(b.d.Governance.SeniorSponsors) > 1 {
			b.d.Governance.SeniorSponsors = b.d.Governance.SeniorSponsors[:1]
		}
		if len(b.d.ClientGroups) > 1 {
			b.d.ClientGroups = b.d.ClientGroups[:1]
			for i := range b.d.Engagement {
				b.d.Engagement[i].ClientGroup = b.d.ClientGroups[0].Name
			}
		}
	},
	func(b *builder) {
		// Who attends for the other core partners is left to their
		// authority (as officers write long partner lists).
		for i := range b.d.Partners {
			if r := b.d.Partners[i].Representative; r != nil && r.Authority != nil && i != b.leadIdx {
				r.Post = ""
			}
		}
		if m := b.d.Monitoring; m != nil && len(m.Efficiencies) > 1 {
			m.Efficiencies = m.Efficiencies[:1]
		}
	},
	func(b *builder) {
		// Keep the first done action and the first open one.
		var kept []Action
		done, open := false, false
		for _, a := range b.d.ActionPlan {
			switch {
			case a.Status == "done" && !done:
				done = true
			case a.Status != "done" && !open:
				open = true
			default:
				continue
			}
			kept = append(kept, a)
		}
		if b.d.ActionPlan != nil {
			b.d.ActionPlan = kept
		}
	},
	func(b *builder) {
		// Consultees commit nothing and no rule counts them: those that are
		// not the lead and share no id go. So do workstreams past the
		// second that no action names and that have a lead.
		ids := map[string]int{}
		for _, p := range b.d.Partners {
			ids[p.ID]++
		}
		b.d.Partners = slices.DeleteFunc(b.d.Partners, func(p Partner) bool {
			return p.Role == "consultee" && p.ID != b.d.Lead.Partner && ids[p.ID] == 1
		})
		named := map[string]bool{}
		for _, a := range b.d.ActionPlan {
			named[a.Workstream] = true
		}
		if len(b.d.Workstreams) > 2 {
			kept := b.d.Workstreams[:2]
			for _, w := range b.d.Workstreams[2:] {
				if named[w.ID] || w.Lead == "" {
					kept = append(kept, w)
				}
			}
			b.d.Workstreams = kept
		}
	},
	func(b *builder) {
		// Contributors that bring only expertise or data go too (and from
		// agreed_by): critical-mass counts staff, budget and assets.
		ids := map[string]int{}
		for _, p := range b.d.Partners {
			ids[p.ID]++
		}
		gone := map[string]bool{}
		b.d.Partners = slices.DeleteFunc(b.d.Partners, func(p Partner) bool {
			if p.Role != "contributor" || p.ID == b.d.Lead.Partner || ids[p.ID] > 1 || slices.ContainsFunc(p.Contributes, func(c Contribution) bool { return resourceKinds[c.Kind] }) {
				return false
			}
			gone[p.ID] = true
			return true
		})
		if b.d.Purpose.AgreedBy != nil {
			b.d.Purpose.AgreedBy = slices.DeleteFunc(b.d.Purpose.AgreedBy, func(id string) bool { return gone[id] })
		}
	},
	func(b *builder) {
		// With a sustainability plan, no funding source changes what
		// sustainable-funding finds: the first is enough.
		if f := b.d.Funding; f != nil && f.SustainabilityPlan != "" && len(f.Sources) > 1 {
			f.Sources = f.Sources[:1]
		}
	},
	func(b *builder) {
		// The names of the other core partners' representatives go, except
		// where a registry plant put an officer on many partnerships.
		for i := range b.d.Partners {
			if r := b.d.Partners[i].Representative; r != nil && i != b.leadIdx && r.Authority != nil && b.g.persons[strings.ToLower(r.Person)] < planted {
				r.Person = ""
			}
		}
	},
	func(b *builder) {
		// Measures past the first two that are not outcomes are only
		// named, as in a large framework: no figures yet.
		if m := b.d.Monitoring; m != nil {
			for i := 2; i < len(m.Measures); i++ {
				if ms := &m.Measures[i]; ms.Kind != "outcome" {
					ms.Baseline, ms.Isolation, ms.Collaborative = nil, nil, nil
				}
			}
		}
	},
}

// grow adds optional detail, one kind per step, until a descriptor reaches
// the size budget: none of it changes what any rule finds (so it never
// fills in a field a rule looks for, which a scenario may have left out).
func (b *builder) grow(step int) {
	r, th, d := b.r, b.p.theme, b.d
	switch step {
	case 0:
		if l := d.Learning; l != nil && l.Evaluation == "" {
			l.Evaluation = b.text(strings.ReplaceAll(r.pick(evaluations), "{body}", d.Governance.Body))
		}
	case 1:
		if d.Purpose.AddedValue == nil {
			d.Purpose.AddedValue = r.subset(th.added, 3)
		}
	case 2:
		if d.Governance.TermsOfReference == "" {
			d.Governance.TermsOfReference = "Terms of reference agreed " + d.Lifecycle.Start[:7] + " (" + d.Governance.Body + ")"
		}
	case 3:
		for i := range d.Partners {
			if p := &d.Partners[i]; p.Interest == "" && p.Role != "core" {
				p.Interest = b.text(r.pick(th.interests))
			}
		}
	case 4:
		if m := d.Monitoring; m != nil {
			for i := range m.Measures {
				for _, mt := range th.measures {
					if mt.id == m.Measures[i].ID && m.Measures[i].Source == "" {
						m.Measures[i].Source = mt.source
					}
				}
			}
			if len(m.Measures) > 0 && m.QualitativeBenefits == nil {
				m.QualitativeBenefits = b.texts(th.benefits)
			}
		}
	default:
		// A consultee more: consultees run nothing and contribute nothing,
		// so no rule's result changes.
		used, kinds := map[string]bool{}, map[string]bool{}
		for _, p := range d.Partners {
			used[p.ID], kinds[p.kind] = true, true
		}
		key := "third"
		for _, k := range orgKeys[step%len(orgKeys):] {
			if !kinds[k] {
				key = k
				break
			}
		}
		p := b.newPartner(key, used, map[int]bool{})
		p.Role = "consultee"
		p.WillNotContribute = "Consulted on plans; no resources committed"
		d.Partners = append(d.Partners, p)
	}
}

// Write writes files under dir, which must be new or empty, creating the
// folders they need.
func Write(dir string, files []File) error {
	// Writing into a folder that already holds files would mix two registries
	// (or a registry and anything else), and the result would no longer be
	// the seed's; a registry goes into a new or empty folder.
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; write the registry to a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// newRand returns the generator's one random source for seed.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// localFrameworks are the outcome frameworks of local plans, whose links
// may be left out of a descriptor that is too large.
var localFrameworks = map[string]bool{"soa": true, "loip": true, "locality_plan": true}

// hasSize reports whether some staff, budget or asset contribution states
// its size.
func hasSize(d *Descriptor) bool {
	for _, p := range d.Partners {
		for _, c := range p.Contributes {
			if resourceKinds[c.Kind] && (c.FTE != 0 || c.ValueGBP != 0) {
				return true
			}
		}
	}
	return false
}
