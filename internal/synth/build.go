package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Today is the as-of date the generated registries are designed for: check
// them with --today 2008-10-01 (the year the Collaborative Gain Research
// Study was published) and every date rule gives the intended result.
const Today = "2008-10-01"

var today = mustDate(Today)

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ymd(t time.Time) string { return t.Format(time.DateOnly) }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// addMonths adds n calendar months, clamping the day to the end of the
// target month (as the policies' lib.add_months does).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC)
}

// marchEnd is 31 March of year y, the end of a financial year.
func marchEnd(y int) time.Time { return time.Date(y, time.March, 31, 0, 0, 0, 0, time.UTC) }

// maxDate and minDate return the later and earlier of two dates.
func maxDate(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// rng wraps the generator's one random source with the helpers it needs.
type rng struct{ *rand.Rand }

func (r rng) chance(p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func (r rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func (r rng) pick(ss []string) string { return ss[r.IntN(len(ss))] }

// date returns a date in [a, b] (a when b is before a).
func (r rng) date(a, b time.Time) time.Time {
	days := int(b.Sub(a).Hours() / 24)
	if days <= 0 {
		return a
	}
	return addDays(a, r.IntN(days+1))
}

// subset returns k distinct entries of ss, in the order of ss.
func (r rng) subset(ss []string, k int) []string {
	if k >= len(ss) {
		return slices.Clone(ss)
	}
	idx := r.Perm(len(ss))[:k]
	slices.Sort(idx)
	out := make([]string, k)
	for i, j := range idx {
		out[i] = ss[j]
	}
	return out
}

// round rounds f to dec decimals.
func round(f float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(f*p) / p
}

// slug turns a name into identifier characters.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '\'':
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// initials abbreviates an organisation's name as officers do in ids:
// "Inverclyde Council" is ic, "NHS Greater Glasgow and Clyde" is nhsggc.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(w)
		switch lw {
		case "and", "of", "the", "for", "&":
			continue
		case "nhs":
			b.WriteString("nhs")
			continue
		}
		if c := lw[0]; c >= 'a' && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// plan is what is decided about a descriptor before it is built: the
// scenario it shows and the shape it needs for that.
type plan struct {
	index int
	area  *area
	// area2, when set, is a second council area the partnership spans
	// (area is then written as a list).
	area2    *area
	theme    *theme
	status   string
	typ      string
	scale    string
	core     int // core partners
	others   int // contributors
	consult  int // consultees
	measures int // 0: the usual two to five
	// workstreams forces workstreams on a project.
	workstreams bool
	// oldStart makes the start at least 15 months before today, so that a
	// late monitoring framework or stale review can be shown.
	oldStart bool
	// startLo and startHi, when set, bound the start of an active
	// partnership (to make it young or established for
	// monitoring-at-outset).
	startLo, startHi time.Time
	// compact leaves out optional detail so a descriptor with many partners
	// or measures stays within the size budget.
	compact bool

	scenario *scenario
	extras   []*scenario
}

// builder builds one descriptor from a plan.
type builder struct {
	g    *generator
	r    rng
	p    *plan
	d    *Descriptor
	rep  *strings.Replacer
	town string

	leadIdx int
	council string // the council partner's id
	sectors bool   // whether partners' sectors are recorded
}

func (b *builder) text(s string) string { return b.rep.Replace(s) }

// choose returns one of ss filled in: any, or the shortest when the
// descriptor must stay compact.
func (b *builder) choose(ss []string) string {
	if !b.p.compact {
		return b.text(b.r.pick(ss))
	}
	best := b.text(ss[0])
	for _, s := range ss[1:] {
		if t := b.text(s); len(t) < len(best) {
			best = t
		}
	}
	return best
}

func (b *builder) texts(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = b.text(s)
	}
	return out
}

// build makes a descriptor that passes every per-document rule as of Today
// (or skips those that do not apply); scenarios then damage it.
func (g *generator) build(p *plan) *builder {
	r := g.r
	a, th := p.area, p.theme
	town := r.pick(a.towns)
	b := &builder{g: g, r: r, p: p, d: &Descriptor{}, town: town, sectors: r.chance(0.5)}
	b.rep = strings.NewReplacer(
		"{area}", a.name, "{council}", a.council, "{board}", a.board,
		"{police}", a.police, "{fire}", a.fire, "{college}", a.college,
		"{cpp}", a.cpp, "{town}", town, "{service}", th.service,
	)
	d := b.d
	d.Area = a.name
	if p.area2 != nil {
		d.MoreAreas = []string{p.area2.name}
	}
	d.Status = p.status
	d.Type = p.typ
	d.Scale = p.scale
	d.Name = b.text(r.pick(th.names))
	d.ID = g.uniqueID(a.code + "-" + th.key + "-" + slug(town))

	start := b.lifecycle()
	b.partners(start)
	b.purpose(start)
	b.governance()
	b.clientGroups()
	b.engagement(start)
	b.evidence(start)
	if p.scale == "programme" || p.workstreams {
		b.workstreams()
	}
	b.actionPlan(start)
	b.monitoring(start)
	b.funding()
	b.risks()
	b.learning()
	b.sizeOne()
	return b
}

// uniqueID returns base, or base with a number, never used before.
func (g *generator) uniqueID(base string) string {
	if len(base) > 56 {
		base = strings.TrimSuffix(base[:56], "-")
	}
	id := base
	for n := 2; g.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	g.ids[id] = true
	return id
}

func (b *builder) lifecycle() time.Time {
	r, p, lc := b.r, b.p, &b.d.Lifecycle
	var start, expires time.Time
	switch p.status {
	case "proposed":
		start = r.date(addDays(today, 20), mustDate("2009-06-30"))
		expires = r.date(addMonths(start, 18), addMonths(start, 48))
	case "closing":
		start = r.date(mustDate("2005-01-10"), mustDate("2007-03-31"))
		expires = r.date(addDays(today, 14), addMonths(today, 6))
	case "closed":
		start = r.date(mustDate("2005-01-10"), mustDate("2006-09-30"))
		expires = r.date(addMonths(start, 15), addDays(today, -30))
	default: // active
		latest := mustDate("2008-06-30")
		if p.oldStart {
			latest = addMonths(today, -15)
		}
		lo := mustDate("2005-01-10")
		if !p.startLo.IsZero() {
			lo, latest = p.startLo, p.startHi
		}
		start = r.date(lo, latest)
		expires = r.date(maxDate(addDays(today, 45), addMonths(start, 18)), mustDate("2011-03-31"))
	}
	// Starts fall on the first of a month more often than not.
	if r.chance(0.6) && start.Day() != 1 && p.status != "proposed" {
		start = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	lc.Start = ymd(start)
	if r.chance(0.8) || p.typ == "task_limited" {
		lc.EndCondition = b.text(r.pick(p.theme.ends))
	}
	if p.typ != "continuing" || r.chance(0.5) {
		lc.Expires = ymd(expires)
	}
	switch {
	case p.typ == "continuing" || p.status == "active" || p.status == "proposed":
		lc.NextReview = ymd(r.date(addDays(today, 30), addMonths(today, 10)))
	case p.status == "closing" && r.chance(0.5):
		lc.NextReview = ymd(r.date(addDays(today, 14), expires))
	}
	if lc.EndCondition == "" && lc.Expires == "" && lc.NextReview == "" {
		lc.Expires = ymd(expires)
	}
	if p.status == "active" {
		switch {
		case start.Before(addMonths(today, -11)):
			lo := maxDate(addMonths(today, -11), addMonths(start, 6))
			lc.LastStructureReview = ymd(r.date(minDate(lo, addDays(today, -14)), addDays(today, -14)))
		case r.chance(0.4) && start.Before(addDays(today, -7)):
			lc.LastStructureReview = ymd(r.date(start, addDays(today, -7)))
		}
	} else if p.status != "proposed" && r.chance(0.4) {
		lc.LastStructureReview = ymd(r.date(addMonths(start, 6), minDate(today, expires)))
	}
	return start
}

// resourceKinds are the contributions that count towards critical mass.
var resourceKinds = map[string]bool{"staff": true, "budget": true, "asset": true}

// orgKeys lists orgKinds' keys in a fixed order.
var orgKeys = func() []string {
	keys := make([]string, 0, len(orgKinds))
	for k := range orgKinds {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}()

// newPartner makes a partner of organisation kind key ("third" for one of
// the theme's voluntary organisations) whose id is not in used.
func (b *builder) newPartner(key string, used map[string]bool, usedThird map[int]bool) Partner {
	r := b.r
	if key == "third" {
		var free []int
		for i := range b.p.theme.third {
			if !usedThird[i] {
				free = append(free, i)
			}
		}
		if len(free) > 0 {
			i := free[r.IntN(len(free))]
			usedThird[i] = true
			t := b.p.theme.third[i]
			id := t.id
			for n := 2; used[id]; n++ {
				id = fmt.Sprintf("%s-%d", t.id, n)
			}
			used[id] = true
			return Partner{ID: id, Name: b.text(t.name), Sector: "third", Remit: b.text(t.remit), kind: "third"}
		}
		key = "cvs"
	}
	k := orgKinds[key]
	name := b.text(k.name)
	if key == "careers" && !b.startBefore("2008-04-01") {
		name = "Skills Development Scotland"
	}
	if key == "enterprise" && b.p.area.hie {
		name = "Highlands and Islands Enterprise"
	}
	id := k.id
	if id == "" || key == "careers" || key == "enterprise" {
		id = initials(name)
		if key == "careers" && name == "Careers Scotland" {
			id = "careers-scotland"
		}
	}
	if used[id] {
		id = slug(name)
	}
	base := id
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	remit := b.text(r.pick(k.remits))
	if b.p.compact {
		// Long partner lists get the shortest remits.
		for _, rm := range k.remits {
			if t := b.text(rm); len(t) < len(remit) {
				remit = t
			}
		}
	}
	return Partner{ID: id, Name: name, Sector: k.sector, Remit: remit, kind: key}
}

func (b *builder) startBefore(date string) bool { return b.d.Lifecycle.Start < date }

func (b *builder) partners(start time.Time) {
	r, p, th := b.r, b.p, b.p.theme
	used := map[string]bool{}
	usedThird := map[int]bool{}
	usedKinds := map[string]bool{}

	lead := th.leads[0]
	if r.chance(0.4) {
		lead = r.pick(th.leads)
	}
	// The pool of kinds to draw core partners from: the council and the
	// theme's organisations first, then any other kind.
	pool := []string{lead}
	if lead != "council" {
		pool = append(pool, "council")
	}
	rest := append(slices.Clone(th.orgs), "third", "third")
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	pool = append(pool, rest...)
	extra := slices.Clone(orgKeys)
	r.Shuffle(len(extra), func(i, j int) { extra[i], extra[j] = extra[j], extra[i] })
	pool = append(pool, extra...)
	pool = append(pool, "third", "third", "third")

	next := func() string {
		for len(pool) > 0 {
			k := pool[0]
			pool = pool[1:]
			if k == "third" || !usedKinds[k] {
				usedKinds[k] = true
				return k
			}
		}
		return "third"
	}
	var ps []Partner
	for i := 0; i < p.core+p.others+p.consult; i++ {
		pt := b.newPartner(next(), used, usedThird)
		switch {
		case i < p.core:
			pt.Role = "core"
		case i < p.core+p.others:
			pt.Role = "contributor"
		default:
			pt.Role = "consultee"
		}
		ps = append(ps, pt)
	}
	for i := range ps {
		if ps[i].kind == "council" {
			b.council = ps[i].ID
		}
	}
	b.leadIdx = 0
	for i := range ps {
		b.fillPartner(&ps[i], i)
	}
	b.d.Partners = ps
	// The lead person is a post more often than a name.
	person := ps[0].Representative.Post
	if r.chance(0.3) {
		person = r.pick(firstNames) + " " + r.pick(surnames) + ", " + person
	}
	b.d.Lead = Lead{Partner: ps[0].ID, Person: person}
}

// fillPartner records a partner's remit, representative and contributions.
func (b *builder) fillPartner(pt *Partner, i int) {
	r, p := b.r, b.p
	k, ok := orgKinds[pt.kind]
	if !ok {
		k = orgKind{
			posts: []string{"Chief Executive", "Service Manager", "Development Manager"},
			gives: []contribTpl{{"staff", "Project workers"}, {"expertise", "Specialist knowledge of the client group"}, {"budget", "Charitable funding"}},
		}
	}
	if p.compact || !b.sectors {
		pt.Sector = ""
	}
	// Every core partner records its own interest in the outcome; others
	// sometimes do.
	if pt.Role == "core" || (!p.compact && r.chance(0.2)) {
		pt.Interest = b.interest(pt.kind)
	}
	bt := func(v bool) *bool { return &v }
	switch pt.Role {
	case "core":
		rep := &Representative{Post: b.choose(k.posts)}
		if r.chance(0.5) && !p.compact {
			rep.Person = b.g.person(r, p.status != "closed")
		}
		pt.Representative = rep
		n := 1
		if !p.compact {
			n = []int{1, 1, 1, 2, 2, 3}[r.IntN(6)]
		}
		pt.Contributes = b.contributions(k, n, i < 2)
		// A community or voluntary member may bring only its members'
		// experience: its representative needs no financial authority
		// (delegated-authority), only a say in policy.
		if i >= 2 && !p.compact && (pt.kind == "third" || pt.kind == "cc" || pt.kind == "tenants") && r.chance(0.35) {
			pt.Contributes = []Contribution{{Kind: "expertise", What: r.pick([]string{
				"Lived experience of the service", "Views of the people it supports", "Local knowledge and residents' views"})}}
			rep.Authority = &Authority{Policy: bt(true)}
			if r.chance(0.5) {
				rep.Authority.Finance, rep.Authority.Staff = bt(false), bt(false)
			}
			break
		}
		// The representative may commit what the partner contributes.
		fin, staff := needs(pt.Contributes)
		auth := &Authority{}
		switch {
		case i == b.leadIdx:
			auth.Finance, auth.Staff, auth.Policy = bt(true), bt(true), bt(r.chance(0.8))
		case p.compact:
			auth.Finance = bt(true)
			if staff {
				auth.Staff = bt(true)
			}
		default:
			if fin || r.chance(0.85) {
				auth.Finance = bt(true)
			} else if r.chance(0.5) {
				auth.Finance = bt(false)
			}
			if staff {
				auth.Staff = bt(true)
			} else if r.chance(0.8) {
				auth.Staff = bt(r.chance(0.8))
			}
			if r.chance(0.7) {
				auth.Policy = bt(r.chance(0.6))
			}
			if !isTrue(auth.Finance) && !isTrue(auth.Staff) && !isTrue(auth.Policy) {
				auth.Policy = bt(true)
			}
		}
		rep.Authority = auth
	case "contributor":
		if r.chance(0.3) {
			pt.Remit = ""
		}
		if !p.compact && r.chance(0.5) {
			rep := &Representative{Post: b.text(r.pick(k.posts))}
			if r.chance(0.3) {
				rep.Person = b.g.person(r, p.status != "closed")
			}
			if r.chance(0.5) {
				rep.Authority = &Authority{Finance: bt(r.chance(0.5)), Staff: bt(true)}
			}
			pt.Representative = rep
		}
		pt.Contributes = b.contributions(k, r.between(1, 2), false)
	default: // consultee
		if r.chance(0.4) {
			pt.Remit = ""
		}
		if r.chance(0.5) {
			pt.WillNotContribute = r.pick([]string{
				"Consulted on plans; no resources committed",
				"No staff or budget: comments on proposals only",
				"Resources committed through its own programmes instead",
			})
		}
	}
}

// needs reports whether contributions call for the authority to commit
// finance (budget or asset) and staff (staff), as delegated-authority asks.
func needs(cs []Contribution) (finance, staff bool) {
	for _, c := range cs {
		switch c.Kind {
		case "budget", "asset":
			finance = true
		case "staff":
			staff = true
		}
	}
	return finance, staff
}

func isTrue(b *bool) bool { return b != nil && *b }

// interest returns a partner's own stake in the outcome: one of the
// organisation kind's, or one of the theme's.
func (b *builder) interest(kind string) string {
	r := b.r
	own := orgInterests[kind]
	if kind == "third" {
		own = thirdInterests
	}
	if len(own) == 0 || (len(b.p.theme.interests) > 0 && r.chance(0.4)) {
		own = b.p.theme.interests
	}
	return b.choose(own)
}

// sizeOne makes sure some staff, budget or asset contribution states its
// size (critical-mass): the lead partner's first, which is always one of
// those and survives any trimming for size.
func (b *builder) sizeOne() {
	if hasSize(b.d) {
		return
	}
	for i := range b.d.Partners {
		for j := range b.d.Partners[i].Contributes {
			if c := &b.d.Partners[i].Contributes[j]; resourceKinds[c.Kind] {
				b.size(c)
				return
			}
		}
	}
}

// size records how much a staff, budget or asset contribution is worth.
func (b *builder) size(c *Contribution) {
	if c.Kind == "staff" {
		c.FTE = float64(b.r.between(1, 8)) / 2
	} else {
		c.ValueGBP = float64(b.r.between(5, 250)) * 1000
	}
}

// contributions returns n contributions of an organisation kind; with
// resource, the first is staff, budget or an asset.
func (b *builder) contributions(k orgKind, n int, resource bool) []Contribution {
	r := b.r
	var res, all []contribTpl
	for _, c := range k.gives {
		all = append(all, c)
		if resourceKinds[c.kind] {
			res = append(res, c)
		}
	}
	var out []Contribution
	seen := map[string]bool{}
	add := func(c contribTpl) {
		if seen[c.what] {
			return
		}
		seen[c.what] = true
		ct := Contribution{Kind: c.kind, What: b.text(c.what)}
		switch {
		case c.kind == "staff" && r.chance(0.5) && !b.p.compact:
			ct.FTE = float64(r.between(1, 8)) / 2
		case (c.kind == "budget" || c.kind == "asset") && r.chance(0.5) && !b.p.compact:
			ct.ValueGBP = float64(r.between(5, 250)) * 1000
		}
		out = append(out, ct)
	}
	if resource {
		if len(res) > 0 {
			add(res[r.IntN(len(res))])
		} else {
			add(contribTpl{"staff", "Officer time for the project"})
		}
	}
	for tries := 0; len(out) < n && tries < 8; tries++ {
		add(all[r.IntN(len(all))])
	}
	return out
}

func (b *builder) coreIDs() []string {
	var ids []string
	for _, pt := range b.d.Partners {
		if pt.Role == "core" {
			ids = append(ids, pt.ID)
		}
	}
	return ids
}

// designDate is when the partners agreed the monitoring framework: before
// the start (or, for a partnership yet to start, in the last months).
func (b *builder) designDate(start time.Time) time.Time {
	if start.After(today) {
		return b.r.date(addDays(today, -150), addDays(today, -10))
	}
	return b.r.date(addDays(start, -150), start)
}

func (b *builder) purpose(start time.Time) {
	r, p, th, pu := b.r, b.p, b.p.theme, &b.d.Purpose
	pu.Task = b.choose(th.tasks)
	pu.WhyPartnership = b.choose(th.whys)
	pu.Mandate = b.choose(th.mandates)
	if !p.compact && r.chance(0.4) {
		pu.AddedValue = r.subset(th.added, r.between(2, 3))
	}
	k := 1
	if !p.compact && r.chance(0.4) {
		k = 2
	}
	if p.compact {
		pu.NoGainAreas = []string{b.choose(th.noGain)}
	} else {
		pu.NoGainAreas = b.texts(r.subset(th.noGain, k))
	}
	pu.AgreedBy = b.coreIDs()
	for _, pt := range b.d.Partners {
		if pt.Role == "contributor" && r.chance(0.3) {
			pu.AgreedBy = append(pu.AgreedBy, pt.ID)
		}
	}
	if r.chance(0.7) {
		pu.AgreedOn = ymd(b.designDate(start))
	}
	// Links to the 2007 national outcomes, the study's frame; some
	// descriptors (as a 2026 user would) link to the National Performance
	// Framework instead, or as well.
	switch x := r.Float64(); {
	case x < 0.2:
		for _, ref := range r.subset(th.npf, r.between(1, 2)) {
			pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"npf", ref})
		}
	case x < 0.3:
		pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"national_outcome", r.pick(intStrings(th.outcomes))},
			OutcomeLink{"npf", r.pick(th.npf)})
	default:
		for _, n := range r.subset(intStrings(th.outcomes), r.between(1, 2)) {
			pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"national_outcome", n})
		}
	}
	if r.chance(0.4) && !p.compact {
		local := r.pick(th.soa)
		switch x := r.Float64(); {
		case x < 0.7:
			pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"soa", b.p.area.name + " " + local})
		case x < 0.85:
			pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"loip", b.p.area.name + " LOIP priority: " + strings.TrimPrefix(local, "SOA outcome: ")})
		default:
			pu.OutcomeLinks = append(pu.OutcomeLinks, OutcomeLink{"locality_plan", b.town + " locality plan: " + strings.TrimPrefix(local, "SOA outcome: ")})
		}
	}
}

func intStrings(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprint(n)
	}
	return out
}

func (b *builder) governance() {
	r, p, th, g := b.r, b.p, b.p.theme, &b.d.Governance
	g.Body = b.choose(th.bodies)
	if strings.Contains(b.d.Name, b.town) && r.chance(0.5) {
		g.Body = b.town + " " + g.Body
	}
	g.ReportsTo = b.choose(th.reports)
	// Some bodies are accountable to two boards (revision 2: a list).
	if r.chance(0.12) {
		for _, i := range r.Perm(len(th.reports)) {
			if other := b.text(th.reports[i]); other != g.ReportsTo {
				g.MoreReportsTo = []string{other}
				break
			}
		}
	}
	if r.chance(0.85) {
		g.MeetingFrequency = r.pick(frequencies)
	}
	sponsor := b.council
	if sponsor == "" {
		sponsor = b.d.Partners[b.leadIdx].ID
	}
	g.SeniorSponsors = []Sponsor{{sponsor, r.pick([]string{"Chief Executive", "Director of " + th.service, "Depute Chief Executive", "Corporate Director"}), "senior_officer"}}
	if r.chance(0.4) {
		g.SeniorSponsors = append(g.SeniorSponsors, Sponsor{sponsor, r.pick([]string{"Convener, " + th.service + " Committee", "Leader of the Council", "Community Safety Spokesperson"}), "elected_member"})
	}
	if !p.compact && r.chance(0.3) {
		g.TermsOfReference = "Terms of reference agreed " + b.d.Lifecycle.Start[:7] + " (" + g.Body + ")"
	}
}

// groupKey folds a client group name as the overlapping-partnerships rule
// does: case- and space-insensitive.
func groupKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), "")
}

func (b *builder) clientGroups() {
	r, th, a := b.r, b.p.theme, b.p.area
	n := 1
	if r.chance(0.35) && !b.p.compact {
		n = 2
	}
	track := b.p.status != "closed"
	// A name must be new in every area the partnership spans.
	var seenIn []map[string]bool
	for _, name := range b.d.Areas() {
		seenIn = append(seenIn, b.g.groups[name])
	}
	seen := func(key string) bool {
		for _, s := range seenIn {
			if s[key] {
				return true
			}
		}
		return false
	}
	order := r.Perm(len(th.groups))
	if b.p.compact {
		// A long partner or measure list gets the shortest group.
		size := func(g groupTpl) int { return len(g.name) + len(g.definition) + len(g.service) + len(g.impact) }
		slices.SortStableFunc(order, func(i, j int) int { return size(th.groups[i]) - size(th.groups[j]) })
	}
	for _, gi := range order[:min(n, len(th.groups))] {
		gt := th.groups[gi]
		towns := append([]string{b.town}, a.towns...)
		var name string
		for _, t := range towns {
			cand := strings.ReplaceAll(gt.name, "{town}", t)
			if !strings.Contains(gt.name, "{town}") {
				cand += " in " + t
			}
			if !seen(groupKey(cand)) {
				name = cand
				break
			}
		}
		if name == "" {
			// Every locality is taken: number the group within the town.
			base := strings.ReplaceAll(gt.name, "{town}", b.town)
			if !strings.Contains(gt.name, "{town}") {
				base += " in " + b.town
			}
			// (counting on from the last number given, so that a large
			// registry does not try every number again)
			key := a.name + "\x00" + base
			n := max(2, b.g.groupN[key])
			for name = fmt.Sprintf("%s (group %d)", base, n); seen(groupKey(name)); {
				n++
				name = fmt.Sprintf("%s (group %d)", base, n)
			}
			b.g.groupN[key] = n + 1
		}
		if track {
			for _, s := range seenIn {
				s[groupKey(name)] = true
			}
		}
		b.d.ClientGroups = append(b.d.ClientGroups, ClientGroup{
			Name: name, Definition: b.text(gt.definition), Service: b.text(gt.service), IntendedImpact: b.text(gt.impact),
		})
	}
}

func (b *builder) engagement(start time.Time) {
	r, d := b.r, b.d
	n := r.between(1, 3)
	if b.p.compact {
		n = 1
	}
	lo := maxDate(addMonths(start, -3), mustDate("2005-01-01"))
	hi := addDays(today, -7)
	if d.Status == "closed" || d.Status == "closing" {
		hi = minDate(hi, mustDate(orDefault(d.Lifecycle.Expires, Today)))
	}
	var dates []time.Time
	for i := 0; i < n; i++ {
		dates = append(dates, r.date(lo, hi))
	}
	// The newest engagement of an open partnership is within the last year.
	switch d.Status {
	case "active", "proposed":
		dates[n-1] = r.date(addMonths(today, -10), hi)
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
	for i, t := range dates {
		d.Engagement = append(d.Engagement, Engagement{
			ClientGroup: d.ClientGroups[i%len(d.ClientGroups)].Name,
			Method:      r.pick(engagementMethods),
			Date:        ymd(t),
		})
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (b *builder) evidence(start time.Time) {
	r, th, d := b.r, b.p.theme, b.d
	var quant, qual []evidenceTpl
	for _, e := range th.evidence {
		if e.typ == "quantitative" {
			quant = append(quant, e)
		} else {
			qual = append(qual, e)
		}
	}
	// Baseline figures from before the start, and a recent item of the other
	// type, so the newest evidence is under three years old.
	first := quant[r.IntN(len(quant))]
	second := qual[r.IntN(len(qual))]
	if r.chance(0.3) {
		first, second = qual[r.IntN(len(qual))], quant[r.IntN(len(quant))]
	}
	d1 := r.date(addMonths(start, -10), addMonths(start, -1))
	if d1.After(addDays(today, -14)) {
		d1 = addDays(today, -r.between(20, 200))
	}
	hi := addDays(today, -14)
	if d.Status == "closed" {
		hi = minDate(hi, mustDate(orDefault(d.Lifecycle.Expires, Today)))
	}
	lo := maxDate(addMonths(start, -6), mustDate("2005-11-01"))
	d2 := r.date(minDate(lo, hi), hi)
	d.Evidence = []Evidence{
		{first.id, first.typ, b.text(first.source), ymd(d1)},
		{second.id, second.typ, b.text(second.source), ymd(d2)},
	}
	if !b.p.compact && r.chance(0.2) {
		for _, e := range th.evidence {
			if e.id != first.id && e.id != second.id {
				d.Evidence = append(d.Evidence, Evidence{e.id, e.typ, b.text(e.source), ymd(r.date(d1, d2))})
				break
			}
		}
	}
}

func (b *builder) workstreams() {
	r, th, d := b.r, b.p.theme, b.d
	names := r.subset(th.workstreams, r.between(2, min(4, len(th.workstreams))))
	core := b.coreIDs()
	for i, n := range names {
		lead := core[(i+r.IntN(len(core)))%len(core)]
		d.Workstreams = append(d.Workstreams, Workstream{ID: slug(n), Name: n, Lead: lead})
	}
}

func (b *builder) actionPlan(start time.Time) {
	r, th, d := b.r, b.p.theme, b.d
	n := r.between(3, min(4, len(th.actions)))
	if b.p.compact {
		n = 2
	}
	items := th.actions[:n]
	expires := mustDate(orDefault(d.Lifecycle.Expires, "2011-03-31"))
	core := b.coreIDs()
	done := n
	switch d.Status {
	case "proposed":
		done = 1
	case "active":
		done = r.between(1, n-1)
	case "closing":
		done = n - 1
	}
	var dates []time.Time
	for i := 0; i < n; i++ {
		var t time.Time
		if i < done {
			lo := start
			if start.After(addDays(today, -30)) {
				lo = addMonths(today, -6)
			}
			hi := addDays(today, -14)
			if d.Status == "closed" {
				hi = minDate(hi, expires)
			}
			t = r.date(minDate(lo, hi), hi)
		} else {
			t = r.date(addDays(today, 14), maxDate(addDays(today, 30), minDate(expires, addMonths(today, 18))))
		}
		dates = append(dates, t)
	}
	slices.SortFunc(dates[:done], func(a, b time.Time) int { return a.Compare(b) })
	slices.SortFunc(dates[done:], func(a, b time.Time) int { return a.Compare(b) })
	for i, what := range items {
		a := Action{What: b.text(what), Owner: core[0], Due: ymd(dates[i])}
		if r.chance(0.5) {
			a.Owner = core[r.IntN(len(core))]
		}
		switch {
		case i < done:
			a.Status = "done"
		case i == done:
			a.Status = "in_progress"
		default:
			a.Status = r.pick([]string{"planned", "in_progress"})
		}
		if len(d.Workstreams) > 0 && r.chance(0.7) {
			ws := d.Workstreams[i%len(d.Workstreams)]
			a.Workstream = ws.ID
			if ws.Lead != "" {
				a.Owner = ws.Lead
			}
		}
		d.ActionPlan = append(d.ActionPlan, a)
	}
}

func (b *builder) monitoring(start time.Time) {
	r, p, th, d := b.r, b.p, b.p.theme, b.d
	core := b.coreIDs()
	m := &Monitoring{DesignedOn: ymd(b.designDate(start))}
	if r.chance(0.7) {
		m.Owner = core[0]
	}
	if r.chance(0.8) {
		m.Frequency = r.pick(frequencies)
	}
	var outcome, activity, other []measureTpl
	for _, mt := range th.measures {
		switch mt.kind {
		case "outcome":
			outcome = append(outcome, mt)
		case "collaborative_activity":
			activity = append(activity, mt)
		default:
			other = append(other, mt)
		}
	}
	// At least one outcome measure with a baseline, trend and both targets,
	// and one measure of the collaborative activity itself.
	chosen := []measureTpl{outcome[r.IntN(len(outcome))], activity[r.IntN(len(activity))]}
	want := []int{2, 2, 2, 3, 3, 4}[r.IntN(6)]
	if p.compact {
		want = 2
	}
	if p.measures > 0 {
		want = p.measures
	}
	rest := append(slices.Clone(outcome), other...)
	rest = append(rest, activity...)
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	for _, mt := range rest {
		if len(chosen) >= want {
			break
		}
		if !slices.ContainsFunc(chosen, func(c measureTpl) bool { return c.id == mt.id }) {
			chosen = append(chosen, mt)
		}
	}
	// A large framework repeats the activity and efficiency measures per
	// locality.
	towns := p.area.towns
	local := append(slices.Clone(activity), other...)
	for i := 0; len(chosen) < want; i++ {
		mt := local[i%len(local)]
		t := towns[(i/len(local))%len(towns)]
		mt.id += "-" + slug(t)
		mt.indicator += ", " + t
		mt.source = ""
		chosen = append(chosen, mt)
	}
	for i, mt := range chosen {
		m.Measures = append(m.Measures, b.measure(mt, start, core, i == 0, want > 8 && i > 1))
	}
	d.Monitoring = m
	b.bothLevels()
	neff := r.between(1, min(2, len(th.efficiencies)))
	if p.compact {
		neff = 1
	}
	for _, e := range r.subset(effStrings(th.efficiencies), neff) {
		et := th.efficiencies[slices.Index(effStrings(th.efficiencies), e)]
		ef := Efficiency{Description: b.text(et.desc)}
		if r.chance(0.7) {
			lo := round(et.min+r.Float64()*(et.max-et.min)/2, -3)
			ef.SavingMin, ef.SavingMax = lo, round(lo+(et.max-lo)*(0.3+0.7*r.Float64()), -3)
			if ef.SavingMax <= ef.SavingMin {
				ef.SavingMax = ef.SavingMin + 5000
			}
		}
		if !p.compact && r.chance(0.25) {
			ef.Partners = r.subset(core, min(len(core), r.between(2, 3)))
		}
		m.Efficiencies = append(m.Efficiencies, ef)
	}
	if !p.compact && r.chance(0.35) {
		m.QualitativeBenefits = b.texts(r.subset(th.benefits, r.between(1, len(th.benefits))))
	}
	d.Monitoring = m
}

func effStrings(es []effTpl) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.desc
	}
	return out
}

// bothLevels makes sure the measures are at both levels, strategic and
// programme (monitoring-levels): the first outcome measure is strategic,
// and another is at the programme level, added from the theme if need be.
func (b *builder) bothLevels() {
	m := b.d.Monitoring
	if m == nil || len(m.Measures) == 0 {
		return
	}
	has := func(level string) bool {
		return slices.ContainsFunc(m.Measures, func(ms Measure) bool { return ms.Level == level })
	}
	if !has("strategic") {
		i := max(0, slices.IndexFunc(m.Measures, func(ms Measure) bool { return ms.Kind == "outcome" }))
		m.Measures[i].Level = "strategic"
	}
	if has("programme") {
		return
	}
	anchor := slices.IndexFunc(m.Measures, func(ms Measure) bool { return ms.Level == "strategic" })
	for i := range m.Measures {
		if i != anchor {
			m.Measures[i].Level = "programme"
			return
		}
	}
	// One strategic measure alone: add a programme measure of another kind
	// than collaborative activity (this may be what took the others away).
	for _, mt := range b.p.theme.measures {
		if mt.kind != "collaborative_activity" && !slices.ContainsFunc(m.Measures, func(ms Measure) bool { return ms.ID == mt.id }) {
			ms := b.measure(mt, mustDate(b.d.Lifecycle.Start), b.coreIDs(), false, false)
			ms.Level = "programme"
			m.Measures = append(m.Measures, ms)
			return
		}
	}
}

// measure makes a measure from its template. A full measure has a
// baseline, a pre-partnership trend and a collaborative target more
// stretching than the isolation target; a small one (in a large framework)
// has a baseline and one target.
func (b *builder) measure(mt measureTpl, start time.Time, core []string, full, small bool) Measure {
	r := b.r
	m := Measure{ID: mt.id, Indicator: mt.indicator, Kind: mt.kind, Better: mt.better, Level: "programme"}
	switch {
	case mt.kind == "outcome" && r.chance(0.6), mt.kind == "collaborative_activity" && r.chance(0.2):
		m.Level = "strategic"
	}
	m.Owner = core[r.IntN(len(core))]
	if mt.source != "" && r.chance(0.4) && !b.p.compact {
		m.Source = mt.source
	}
	baseDate := marchEnd(start.Year())
	if !baseDate.Before(start) {
		baseDate = marchEnd(start.Year() - 1)
	}
	if baseDate.After(addDays(today, -1)) {
		baseDate = marchEnd(2008)
	}
	targetDate := ymd(marchEnd(r.between(max(start.Year()+2, 2009), 2011)))
	base := round(mt.lo+r.Float64()*(mt.hi-mt.lo), mt.dec)
	step := math.Pow(10, -float64(mt.dec))
	trend := func(sign float64) *float64 {
		t := round(sign*mt.trend*(0.5+r.Float64()), max(mt.dec, 1))
		if t == 0 {
			t = step
		}
		return &t
	}

	switch {
	case small && !full:
		// In a large framework, an outcome measure has its baseline and
		// trend; the others are only named, with no figures yet.
		if mt.kind == "outcome" {
			m.Baseline = &Dated{base, ymd(baseDate)}
			m.Trend = trend(1)
		}
		return m
	case b.p.compact && !full && mt.kind != "outcome":
		// A long partner or measure list keeps to the figures that matter:
		// the other measures are named, their figures to come.
		return m
	case mt.kind == "collaborative_activity":
		// Nobody does the joint activity alone: no isolation target.
		if r.chance(0.7) || full {
			m.Baseline = &Dated{base, ymd(baseDate)}
		}
		target := round(base+(mt.hi*1.5+10)*(0.6+0.4*r.Float64()), mt.dec)
		m.Collaborative = &Dated{target, targetDate}
		return m
	}
	m.Baseline = &Dated{base, ymd(baseDate)}
	if mt.kind == "outcome" {
		sign := 1.0
		if r.chance(0.2) {
			sign = -0.5
		}
		m.Trend = trend(sign)
	}
	iso := b.improve(mt, base, mt.iso*(0.6+0.4*r.Float64()))
	col := b.improve(mt, base, mt.col*(0.8+0.4*r.Float64()))
	if mt.better == "lower" && col >= iso {
		col = round(iso-step, mt.dec)
	}
	if mt.better == "higher" && col <= iso {
		col = round(iso+step, mt.dec)
	}
	m.Isolation = &Dated{iso, targetDate}
	m.Collaborative = &Dated{col, targetDate}
	return m
}

// improve moves base by the fraction f in the measure's better direction.
func (b *builder) improve(mt measureTpl, base, f float64) float64 {
	if mt.better == "lower" {
		return round(base*(1-f), mt.dec)
	}
	return round(base*(1+f), mt.dec)
}

func (b *builder) funding() {
	r, th, d := b.r, b.p.theme, b.d
	if r.chance(0.12) || b.p.compact {
		return
	}
	f := &Funding{}
	n := r.between(1, min(3, len(th.funds)))
	if b.p.compact {
		n = 1
	}
	pump := false
	for _, ft := range r.subset(fundStrings(th.funds), n) {
		tpl := th.funds[slices.Index(fundStrings(th.funds), ft)]
		s := FundingSource{From: b.text(tpl.from), Kind: tpl.kind}
		if strings.HasPrefix(tpl.from, "Council") && b.council != "" && r.chance(0.6) {
			s.Partner = b.council
		}
		if r.chance(0.5) && !b.p.compact {
			s.Amount = float64(r.between(10, 400)) * 1000
		}
		if tpl.kind == "pump_priming" {
			pump = true
			s.Ends = ymd(marchEnd(r.between(2009, 2011)))
		}
		f.Sources = append(f.Sources, s)
	}
	if pump || r.chance(0.4) {
		f.SustainabilityPlan = b.text(r.pick(th.plans))
	}
	d.Funding = f
}

func fundStrings(fs []fundTpl) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.from
	}
	return out
}

// risks records the main risks to the shared work, each managed by the lead
// partner or another core partner (risk-managed, references-resolve).
func (b *builder) risks() {
	r, d := b.r, b.d
	n := []int{1, 2, 2, 3}[r.IntN(4)]
	if b.p.compact {
		n = 1
	}
	core := b.coreIDs()
	picks := r.Perm(len(risks))[:n]
	if b.p.compact {
		picks = []int{0}
		for i, t := range risks {
			if len(t.risk)+len(t.mitigation) < len(risks[picks[0]].risk)+len(risks[picks[0]].mitigation) {
				picks[0] = i
			}
		}
	}
	for _, i := range picks {
		t := risks[i]
		owner := d.Lead.Partner
		if t.owner == "any" && r.chance(0.6) {
			owner = core[r.IntN(len(core))]
		}
		d.Risks = append(d.Risks, Risk{
			Risk:       b.text(t.risk),
			Owner:      owner,
			Mitigation: b.text(strings.ReplaceAll(t.mitigation, "{body}", d.Governance.Body)),
		})
	}
}

// learning says how lessons will be shared (lessons-shared) and, often, how
// the partnership reflects on its own working.
func (b *builder) learning() {
	r := b.r
	l := &Learning{Dissemination: b.choose(disseminations)}
	if !b.p.compact && r.chance(0.6) {
		l.Evaluation = b.text(strings.ReplaceAll(r.pick(evaluations), "{body}", b.d.Governance.Body))
	}
	b.d.Learning = l
}
