package synth

import (
	"slices"
	"strings"
	"time"
)

// scenario is one way a descriptor departs from a clean one, showing one
// level of one rule (or, for the clean variants, passing a rule that would
// otherwise skip). prep shapes the plan before the descriptor is built;
// apply damages the built descriptor; fits, when set, says whether apply can
// show the finding on a descriptor built for another scenario, so that it
// may be added there as a second finding.
type scenario struct {
	name  string
	rule  string // "" for clean variants
	level string // fail, warn or pass
	prep  func(*plan)
	apply func(*builder)
	// extra scenarios may be added to other descriptors when fits says so.
	extra bool
	fits  func(*builder) bool
	// avoid names extra scenarios that would undo this one.
	avoid []string
}

func active(p *plan) { p.status = "active" }

func activeOld(p *plan) {
	p.status = "active"
	p.oldStart = true
}

func proposed(p *plan) { p.status = "proposed" }

// notProposed makes a proposed partnership active, for findings that are
// only prompts while a partnership is proposed.
func notProposed(p *plan) {
	if p.status == "proposed" {
		p.status = "active"
	}
}

// young makes an active partnership that started 15 to 24 months before
// today: late monitoring can still be put right (monitoring-at-outset).
func young(p *plan) {
	p.status = "active"
	p.startLo, p.startHi = addMonths(today, -24), addMonths(today, -15)
}

// established makes an active partnership that started more than 24 months
// before today, whose monitoring history cannot be changed.
func established(p *plan) {
	p.status = "active"
	p.startLo, p.startHi = mustDate("2005-01-10"), addMonths(today, -26)
}

func atLeastCore(n int) func(*plan) {
	return func(p *plan) { p.core = max(p.core, n) }
}

// coreIndexes returns the indexes of the core partners.
func coreIndexes(d *Descriptor) []int {
	var out []int
	for i, p := range d.Partners {
		if p.Role == "core" {
			out = append(out, i)
		}
	}
	return out
}

func hasMeasures(b *builder) bool { return b.d.Monitoring != nil && len(b.d.Monitoring.Measures) > 0 }

// waiverBy is who approves a waiver: the body the partnership reports to,
// or a senior officer.
func (b *builder) waiverBy() string {
	if b.d.Governance.ReportsTo != "" && !b.g.isID(b.d.Governance.ReportsTo) && b.r.chance(0.7) {
		return b.d.Governance.ReportsTo
	}
	return "Chief Executive, " + b.p.area.council
}

// waiver returns a waiver approved on approved lasting months.
func (b *builder) waiver(rule, justification string, approved time.Time, months int) Waiver {
	return Waiver{Rule: rule, Justification: justification, ApprovedBy: b.waiverBy(),
		ApprovedOn: ymd(approved), Expires: ymd(addMonths(approved, months))}
}

// waivable findings a clean descriptor can be given, with the reason an
// officer would record for each.
var waivable = []struct {
	rule, why string
	apply     func(*builder)
}{
	{"efficiencies-identified", "The project is about service quality, not savings; efficiencies will be assessed at the first annual review.",
		func(b *builder) { b.d.Monitoring.Efficiencies = nil }},
	{"collaborative-activity-measure", "Joint activity is reported through the parent partnership's performance framework, which already measures it.",
		func(b *builder) { removeActivityMeasures(b) }},
	{"pre-partnership-trend", "The indicator was not recorded separately before the partnership started, so no trend exists; a comparison area is used instead.",
		func(b *builder) {
			for i := range b.d.Monitoring.Measures {
				if b.d.Monitoring.Measures[i].Kind == "outcome" {
					b.d.Monitoring.Measures[i].Trend = nil
				}
			}
		}},
	{"outcome-link", "The Single Outcome Agreement for this area is still being negotiated; links will be added when it is signed off.",
		func(b *builder) { b.d.Purpose.OutcomeLinks = nil }},
	{"lessons-shared", "Lessons from this project are shared through the parent partnership's annual learning report, which the board approves.",
		func(b *builder) { b.d.Learning = nil }},
	{"no-gain-areas", "The partners will agree where joint working adds nothing at the first annual review, once the service has settled.",
		func(b *builder) { b.d.Purpose.NoGainAreas = nil }},
}

// dropLateAgreement leaves the last core partner out of purpose.agreed_by.
func dropLateAgreement(b *builder) {
	core := coreIndexes(b.d)
	late := b.d.Partners[core[len(core)-1]].ID
	b.d.Purpose.AgreedBy = slices.DeleteFunc(b.d.Purpose.AgreedBy, func(id string) bool { return id == late })
}

// lateMonitoring agrees the monitoring 100 to 400 days after the start.
func lateMonitoring(b *builder) {
	start := mustDate(b.d.Lifecycle.Start)
	b.d.Monitoring.DesignedOn = ymd(b.r.date(addDays(start, 100), minDate(addDays(start, 400), addDays(today, -7))))
}

// oneResourcingPartner leaves the lead partner the only one that puts in
// staff, budget or assets; the others bring expertise or data.
func oneResourcingPartner(b *builder) {
	for i := range b.d.Partners {
		if i == b.leadIdx {
			continue
		}
		p := &b.d.Partners[i]
		if p.Contributes == nil {
			continue
		}
		kept := slices.DeleteFunc(p.Contributes, func(c Contribution) bool { return resourceKinds[c.Kind] })
		if len(kept) == 0 {
			kept = []Contribution{{Kind: b.r.pick([]string{"expertise", "data"}), What: b.r.pick([]string{
				"Advice and local knowledge", "Performance information", "Specialist advice to the group"})}}
		}
		p.Contributes = kept
	}
}

// removeActivityMeasures takes away the measures of collaborative activity,
// then makes sure the rest are still at both levels.
func removeActivityMeasures(b *builder) {
	b.d.Monitoring.Measures = slices.DeleteFunc(b.d.Monitoring.Measures, func(m Measure) bool { return m.Kind == "collaborative_activity" })
	b.bothLevels()
}

// wrongRefs are partner ids officers plausibly mistype or name from memory.
var wrongRefs = []string{"police", "nhs", "council", "social-work", "health", "adat", "housing", "chp-team"}

func (b *builder) wrongRef() string {
	ids := map[string]bool{}
	for _, p := range b.d.Partners {
		ids[p.ID] = true
	}
	for _, i := range b.r.Perm(len(wrongRefs)) {
		if !ids[wrongRefs[i]] {
			return wrongRefs[i]
		}
	}
	return "lead-agency"
}

// scenarios are every scenario, in a fixed order; the schedule cycles
// through them so that any run of a few dozen descriptors shows them all.
var scenarios = []*scenario{
	// Clean descriptors, some shaped so the rules that often skip pass.
	{name: "clean", level: "pass"},
	{name: "clean-active", level: "pass", prep: active},
	{name: "clean-programme", level: "pass", prep: func(p *plan) { p.status = "active"; p.scale = "programme" }},
	{name: "clean-waived", level: "pass", prep: active, apply: func(b *builder) {
		w := waivable[b.r.IntN(len(waivable))]
		w.apply(b)
		approved := b.r.date(addMonths(today, -10), addDays(today, -20))
		b.d.Waivers = []Waiver{b.waiver(w.rule, w.why, approved, b.r.between(12, 24))}
	}},

	// purpose
	{name: "task-blank", rule: "specific-task", level: "fail", apply: func(b *builder) {
		b.d.Purpose.Task = b.r.pick([]string{"", " "})
	}},
	{name: "why-blank", rule: "added-value-stated", level: "fail", apply: func(b *builder) {
		b.d.Purpose.WhyPartnership = ""
	}},
	{name: "agreed-empty", rule: "vision-agreed", level: "fail", apply: func(b *builder) {
		b.d.Purpose.AgreedBy = []string{}
		b.d.Purpose.AgreedOn = ""
	}},
	{name: "agreed-missing-core", rule: "vision-agreed", level: "fail", prep: func(p *plan) {
		p.core = max(p.core, 3)
		p.status = []string{"active", "active", "closing"}[p.index%3]
	}, apply: dropLateAgreement},
	{name: "agreement-pending", rule: "vision-agreed", level: "warn", prep: func(p *plan) {
		p.core = max(p.core, 3)
		p.status = "proposed"
	}, extra: true,
		fits: func(b *builder) bool {
			return b.d.Status == "proposed" && len(coreIndexes(b.d)) >= 3 && len(b.d.Purpose.AgreedBy) > 1
		},
		apply: dropLateAgreement},
	{name: "remit-missing", rule: "partner-remit-known", level: "warn", prep: atLeastCore(2), extra: true,
		fits: func(b *builder) bool { return len(coreIndexes(b.d)) >= 2 },
		apply: func(b *builder) {
			core := coreIndexes(b.d)
			b.d.Partners[core[1+b.r.IntN(len(core)-1)]].Remit = ""
		}},
	{name: "no-client-groups", rule: "client-groups-defined", level: "fail", apply: func(b *builder) {
		if b.r.chance(0.5) {
			b.d.ClientGroups = nil
		} else {
			b.d.ClientGroups = []ClientGroup{}
		}
	}},
	{name: "no-outcome-links", rule: "outcome-link", level: "warn", extra: true, apply: func(b *builder) {
		b.d.Purpose.OutcomeLinks = nil
	}},
	{name: "task-wide-agenda", rule: "specific-task", level: "warn", apply: func(b *builder) {
		b.d.Purpose.Task = b.text(b.r.pick(genericTasks))
	}},
	{name: "task-short", rule: "specific-task", level: "warn", apply: func(b *builder) {
		b.d.Purpose.Task = b.r.pick(shortTasks)
	}},
	{name: "why-short", rule: "added-value-stated", level: "warn", apply: func(b *builder) {
		b.d.Purpose.WhyPartnership = b.r.pick(shortWhys)
	}},
	{name: "generic-client-group", rule: "client-groups-defined", level: "warn", apply: func(b *builder) {
		if !b.genericGroup() {
			b.d.ClientGroups[0].Definition = b.r.pick(vagueDefinitions)
		}
	}},
	{name: "vague-client-group", rule: "client-groups-defined", level: "warn", apply: func(b *builder) {
		// (the first, as the first client group survives any trimming for size)
		b.d.ClientGroups[0].Definition = b.r.pick(vagueDefinitions)
	}},
	{name: "no-mandate", rule: "mandate-defined", level: "warn", extra: true, apply: func(b *builder) {
		b.d.Purpose.Mandate = b.r.pick([]string{"", "", " "})
	}},
	{name: "no-gain-areas-missing", rule: "no-gain-areas", level: "warn", extra: true, apply: func(b *builder) {
		if b.r.chance(0.7) {
			b.d.Purpose.NoGainAreas = nil
		} else {
			b.d.Purpose.NoGainAreas = []string{}
		}
	}},
	{name: "interest-missing", rule: "partner-remit-known", level: "warn", extra: true, apply: func(b *builder) {
		core := coreIndexes(b.d)
		b.d.Partners[core[b.r.IntN(len(core))]].Interest = b.r.pick([]string{"", "", " "})
	}},

	// governance
	{name: "lead-person-blank", rule: "single-lead", level: "fail", apply: func(b *builder) {
		b.d.Lead.Person = ""
	}},
	{name: "lead-consultee", rule: "single-lead", level: "fail", prep: func(p *plan) { p.consult = max(p.consult, 1) }, apply: func(b *builder) {
		for _, p := range b.d.Partners {
			if p.Role == "consultee" {
				b.d.Lead.Partner = p.ID
				return
			}
		}
	}},
	{name: "lead-unknown", rule: "single-lead", level: "fail", apply: func(b *builder) {
		b.d.Lead.Partner = b.wrongRef()
	}},
	{name: "core-11", rule: "group-size", level: "warn", prep: func(p *plan) {
		p.core, p.others, p.consult, p.compact, p.scale = 11+p.index%3/2, 0, 0, true, ""
	}},
	{name: "core-13", rule: "group-size", level: "fail", prep: func(p *plan) {
		p.core, p.others, p.consult, p.compact, p.scale = 13, 0, 0, true, ""
	}},
	{name: "lead-no-authority", rule: "delegated-authority", level: "fail", apply: func(b *builder) {
		lead := &b.d.Partners[b.leadIdx]
		f := false
		switch b.r.IntN(3) {
		case 0:
			lead.Representative = nil
		case 1:
			lead.Representative.Authority = nil
		default:
			lead.Representative.Authority = &Authority{Finance: &f, Staff: &f, Policy: &f}
		}
	}},
	{name: "core-no-finance", rule: "delegated-authority", level: "warn", prep: atLeastCore(2), extra: true,
		fits: func(b *builder) bool { return len(coreIndexes(b.d)) >= 2 },
		apply: func(b *builder) {
			// Preferably a partner that puts in money or assets.
			core := coreIndexes(b.d)[1:]
			paying := slices.DeleteFunc(slices.Clone(core), func(i int) bool {
				fin, _ := needs(b.d.Partners[i].Contributes[:min(1, len(b.d.Partners[i].Contributes))])
				return !fin
			})
			if len(paying) > 0 && b.r.chance(0.8) {
				core = paying
			}
			p := &b.d.Partners[core[b.r.IntN(len(core))]]
			f := false
			// (its first contribution, as that survives any trimming for size)
			fin, _ := needs(p.Contributes[:min(1, len(p.Contributes))])
			switch {
			case p.Representative == nil || p.Representative.Authority == nil:
			case !fin || b.r.chance(0.3):
				p.Representative = nil
			default:
				// It puts in money or assets, but its officer cannot commit
				// finance.
				if b.r.chance(0.5) {
					p.Representative.Authority.Finance = &f
				} else {
					p.Representative.Authority.Finance = nil
				}
			}
		}},
	{name: "staff-authority-missing", rule: "delegated-authority", level: "warn", prep: atLeastCore(2), apply: func(b *builder) {
		// A core partner seconds staff, but its representative cannot
		// commit staff without referring back.
		core := coreIndexes(b.d)
		p := &b.d.Partners[core[1+b.r.IntN(len(core)-1)]]
		if _, staff := needs(p.Contributes[:min(1, len(p.Contributes))]); !staff {
			p.Contributes = append([]Contribution{{Kind: "staff", What: b.r.pick([]string{"Seconded officer, two days a week", "Project worker post", "Practitioner time"})}}, p.Contributes...)
		}
		t, f := true, false
		p.Representative = &Representative{Post: p.Representative.Post, Person: p.Representative.Person,
			Authority: &Authority{Finance: &t, Policy: p.Representative.Authority.Policy}}
		if b.r.chance(0.5) {
			p.Representative.Authority.Staff = &f
		}
	}},
	{name: "lead-authority-mismatch", rule: "delegated-authority", level: "warn", apply: func(b *builder) {
		// The lead partner's officer can commit something, but not what the
		// lead partner puts in.
		lead := &b.d.Partners[b.leadIdx]
		a := lead.Representative.Authority
		t, f := true, false
		a.Policy = &t
		if fin, _ := needs(lead.Contributes[:1]); fin {
			a.Finance = &f
		} else {
			a.Staff = &f
		}
	}},
	{name: "no-sponsors", rule: "senior-sponsor", level: "fail", extra: true, apply: func(b *builder) {
		if b.r.chance(0.5) {
			b.d.Governance.SeniorSponsors = nil
		} else {
			b.d.Governance.SeniorSponsors = []Sponsor{}
		}
	}},
	{name: "reports-blank", rule: "reporting-line", level: "fail", apply: func(b *builder) {
		g := &b.d.Governance
		g.ReportsTo = ""
		if g.MoreReportsTo != nil {
			// Every entry of the list blank.
			g.MoreReportsTo = []string{b.r.pick([]string{"", " "})}
		}
	}},
	{name: "monitoring-late", rule: "monitoring-at-outset", level: "fail", prep: young, apply: lateMonitoring},
	{name: "monitoring-late-established", rule: "monitoring-at-outset", level: "warn", prep: established, apply: lateMonitoring},
	{name: "qualitative-only", rule: "monitoring-at-outset", level: "warn", avoid: []string{"no-trend", "no-activity-measure"}, apply: func(b *builder) {
		// A pilot whose gain is described, not measured.
		m := b.d.Monitoring
		if b.r.chance(0.5) {
			m.Measures = nil
		} else {
			m.Measures = []Measure{}
		}
		m.QualitativeBenefits = b.texts(b.r.subset(b.p.theme.benefits, b.r.between(1, len(b.p.theme.benefits))))
	}},
	{name: "no-monitoring", rule: "monitoring-at-outset", level: "fail", apply: func(b *builder) {
		b.d.Monitoring = nil
	}},
	{name: "monitoring-grace", rule: "monitoring-at-outset", level: "warn", prep: activeOld, apply: func(b *builder) {
		start := mustDate(b.d.Lifecycle.Start)
		b.d.Monitoring.DesignedOn = ymd(b.r.date(addDays(start, 1), addDays(start, 90)))
	}},
	{name: "no-baseline-target", rule: "monitoring-at-outset", level: "warn", avoid: []string{"no-activity-measure"}, apply: func(b *builder) {
		for i := range b.d.Monitoring.Measures {
			m := &b.d.Monitoring.Measures[i]
			m.Isolation, m.Collaborative = nil, nil
		}
	}},
	{name: "no-efficiencies", rule: "efficiencies-identified", level: "warn", extra: true, fits: func(b *builder) bool { return b.d.Monitoring != nil },
		apply: func(b *builder) { b.d.Monitoring.Efficiencies = nil }},
	{name: "stale-structure", rule: "structure-review", level: "warn", prep: activeOld, extra: true,
		fits: func(b *builder) bool {
			return b.d.Status == "active" && b.d.Lifecycle.Start < ymd(addMonths(today, -14))
		},
		apply: func(b *builder) {
			start := mustDate(b.d.Lifecycle.Start)
			if b.r.chance(0.4) {
				b.d.Lifecycle.LastStructureReview = ""
			} else {
				b.d.Lifecycle.LastStructureReview = ymd(b.r.date(addMonths(start, 1), addMonths(today, -13)))
			}
		}},
	{name: "ws-no-lead", rule: "workstream-leads", level: "fail", prep: func(p *plan) { p.scale = "programme" }, apply: func(b *builder) {
		b.d.Workstreams[b.r.IntN(len(b.d.Workstreams))].Lead = ""
	}},
	{name: "programme-no-workstreams", rule: "workstream-leads", level: "warn", prep: func(p *plan) { p.scale = "programme" }, apply: func(b *builder) {
		b.d.Workstreams = nil
		for i := range b.d.ActionPlan {
			b.d.ActionPlan[i].Workstream = ""
		}
	}},

	// evidence
	{name: "no-evidence", rule: "evidence-base", level: "fail", apply: func(b *builder) {
		b.d.Evidence = nil
	}},
	{name: "evidence-one-type", rule: "evidence-base", level: "warn", extra: true, apply: func(b *builder) {
		keep := b.d.Evidence[b.r.IntN(len(b.d.Evidence))].Type
		b.d.Evidence = slices.DeleteFunc(b.d.Evidence, func(e Evidence) bool { return e.Type != keep })
	}, fits: func(b *builder) bool { return len(b.d.Evidence) > 1 }},
	{name: "evidence-old", rule: "evidence-base", level: "warn", apply: func(b *builder) {
		lo, hi := mustDate("2003-06-01"), mustDate("2005-09-15")
		for i := range b.d.Evidence {
			b.d.Evidence[i].Date = ymd(b.r.date(lo, hi))
		}
	}},
	{name: "no-engagement", rule: "client-engagement", level: "warn", extra: true, apply: func(b *builder) {
		b.d.Engagement = nil
	}},
	{name: "engagement-old", rule: "client-engagement", level: "warn", prep: activeOld, apply: func(b *builder) {
		start := mustDate(b.d.Lifecycle.Start)
		lo := maxDate(addMonths(start, -3), mustDate("2005-01-01"))
		hi := addMonths(today, -13)
		var dates []string
		for range b.d.Engagement {
			dates = append(dates, ymd(b.r.date(minDate(lo, hi), hi)))
		}
		slices.Sort(dates)
		for i := range b.d.Engagement {
			b.d.Engagement[i].Date = dates[i]
		}
	}},

	// action
	{name: "no-action-plan", rule: "action-plan", level: "fail", apply: func(b *builder) {
		if b.r.chance(0.5) {
			b.d.ActionPlan = nil
		} else {
			b.d.ActionPlan = []Action{}
		}
	}},
	{name: "action-overdue", rule: "action-plan", level: "warn", prep: activeOld, extra: true,
		fits: func(b *builder) bool {
			return b.d.Status == "active" && slices.ContainsFunc(b.d.ActionPlan, func(a Action) bool { return a.Status != "done" })
		},
		apply: func(b *builder) {
			start := mustDate(b.d.Lifecycle.Start)
			for i := range b.d.ActionPlan {
				if a := &b.d.ActionPlan[i]; a.Status != "done" {
					a.Due = ymd(b.r.date(maxDate(start, addMonths(today, -8)), addDays(today, -7)))
					a.Status = "in_progress"
					return
				}
			}
		}},
	{name: "one-resourcing-partner", rule: "critical-mass", level: "fail", prep: notProposed, apply: oneResourcingPartner},
	{name: "proposed-one-resourcing", rule: "critical-mass", level: "warn", prep: proposed, apply: oneResourcingPartner},
	{name: "unsized-contributions", rule: "critical-mass", level: "warn", extra: true, apply: func(b *builder) {
		for i := range b.d.Partners {
			for j := range b.d.Partners[i].Contributes {
				c := &b.d.Partners[i].Contributes[j]
				c.FTE, c.ValueGBP = 0, 0
			}
		}
	}},
	{name: "passive-core", rule: "critical-mass", level: "warn", prep: atLeastCore(3), apply: func(b *builder) {
		core := coreIndexes(b.d)
		p := &b.d.Partners[core[2+b.r.IntN(len(core)-2)]]
		if b.r.chance(0.5) {
			p.Contributes = nil
		} else {
			p.Contributes = []Contribution{}
		}
		if b.r.chance(0.5) {
			p.WillNotContribute = "Attends meetings; resources are committed through its own programmes"
		}
	}},
	{name: "no-risks", rule: "risk-managed", level: "warn", extra: true, apply: func(b *builder) {
		if b.r.chance(0.7) {
			b.d.Risks = nil
		} else {
			b.d.Risks = []Risk{}
		}
	}},
	{name: "pump-priming-no-plan", rule: "sustainable-funding", level: "warn", apply: func(b *builder) {
		var pump []fundTpl
		for _, f := range b.p.theme.funds {
			if f.kind == "pump_priming" {
				pump = append(pump, f)
			}
		}
		f := &Funding{}
		for _, t := range pump[:min(len(pump), b.r.between(1, 2))] {
			f.Sources = append(f.Sources, FundingSource{From: b.text(t.from), Kind: t.kind, Ends: ymd(marchEnd(b.r.between(2009, 2011)))})
		}
		b.d.Funding = f
	}},
	{name: "pump-priming-ends-early", rule: "sustainable-funding", level: "warn", prep: func(p *plan) {
		if p.typ == "continuing" {
			p.typ = "time_limited"
		}
		if p.status == "closed" {
			p.status = "active"
		}
	}, apply: func(b *builder) {
		var pump, main fundTpl
		for _, f := range b.p.theme.funds {
			if f.kind == "pump_priming" && pump.from == "" {
				pump = f
			}
			if f.kind != "pump_priming" && main.from == "" {
				main = f
			}
		}
		expires := mustDate(b.d.Lifecycle.Expires)
		ends := b.r.date(addMonths(today, -6), addDays(expires, -30))
		b.d.Funding = &Funding{Sources: []FundingSource{
			{From: b.text(pump.from), Kind: "pump_priming", Ends: ymd(ends)},
			{From: b.text(main.from), Kind: main.kind},
		}}
	}},

	// gain
	{name: "no-benefits", rule: "benefits-measurable", level: "fail", apply: func(b *builder) {
		b.d.Monitoring.Measures = nil
		b.d.Monitoring.QualitativeBenefits = nil
	}},
	{name: "flat-stretch", rule: "stretch-target", level: "warn", apply: func(b *builder) {
		for i := range b.d.Monitoring.Measures {
			m := &b.d.Monitoring.Measures[i]
			if m.Isolation != nil && m.Collaborative != nil {
				c := *m.Collaborative
				c.Value = m.Isolation.Value
				m.Collaborative = &c
				return
			}
		}
	}},
	{name: "no-trend", rule: "pre-partnership-trend", level: "warn", extra: true, fits: hasMeasures, apply: func(b *builder) {
		for i := range b.d.Monitoring.Measures {
			if m := &b.d.Monitoring.Measures[i]; m.Kind == "outcome" {
				m.Trend = nil
				return
			}
		}
	}},
	{name: "no-activity-measure", rule: "collaborative-activity-measure", level: "warn", extra: true,
		fits: func(b *builder) bool {
			return hasMeasures(b) && slices.ContainsFunc(b.d.Monitoring.Measures, func(m Measure) bool { return m.Kind != "collaborative_activity" })
		},
		apply: func(b *builder) { removeActivityMeasures(b) }},
	{name: "one-level-measures", rule: "monitoring-levels", level: "warn", avoid: []string{"no-activity-measure"}, apply: func(b *builder) {
		level := b.r.pick([]string{"strategic", "programme"})
		for i := range b.d.Monitoring.Measures {
			b.d.Monitoring.Measures[i].Level = level
		}
	}},
	{name: "no-learning", rule: "lessons-shared", level: "warn", extra: true, apply: func(b *builder) {
		switch b.r.IntN(4) {
		case 0:
			b.d.Learning = &Learning{Dissemination: b.r.pick([]string{"", " "}), Evaluation: b.text(b.r.pick(evaluations))}
		default:
			b.d.Learning = nil
		}
	}},
	{name: "too-many-measures", rule: "proportionate-monitoring", level: "warn", avoid: []string{"no-activity-measure"}, prep: func(p *plan) {
		p.measures, p.compact = 13+p.index%3/2, true
		p.core, p.others, p.consult = min(p.core, 3), min(p.others, 1), 0
	}},

	// lifecycle
	{name: "no-end", rule: "expiry-defined", level: "fail", prep: func(p *plan) {
		if p.typ == "continuing" {
			p.typ = "task_limited"
		}
	}, apply: func(b *builder) {
		lc := &b.d.Lifecycle
		lc.EndCondition, lc.Expires, lc.NextReview = "", "", ""
	}},
	{name: "continuing-no-review", rule: "expiry-defined", level: "warn", prep: func(p *plan) {
		p.typ = "continuing"
		if p.status == "closed" {
			p.status = "closing"
		}
	}, extra: true,
		fits: func(b *builder) bool { return b.d.Type == "continuing" },
		apply: func(b *builder) {
			lc := &b.d.Lifecycle
			lc.NextReview = ""
			if lc.EndCondition == "" && lc.Expires == "" {
				lc.EndCondition = b.text(b.r.pick(b.p.theme.ends))
			}
		}},
	{name: "expired-active", rule: "expired-still-active", level: "fail", prep: activeOld, apply: func(b *builder) {
		start := mustDate(b.d.Lifecycle.Start)
		b.d.Lifecycle.Expires = ymd(b.r.date(maxDate(addMonths(start, 12), mustDate("2007-03-31")), addDays(today, -7)))
	}},

	// integrity
	{name: "bad-owner-ref", rule: "references-resolve", level: "fail", avoid: []string{"no-activity-measure"}, apply: func(b *builder) {
		wrong := b.wrongRef()
		if b.d.Monitoring != nil && len(b.d.Monitoring.Measures) > 0 && b.r.chance(0.5) {
			b.d.Monitoring.Measures[b.r.IntN(len(b.d.Monitoring.Measures))].Owner = wrong
			return
		}
		// The first action survives any trimming for size.
		b.d.ActionPlan[0].Owner = wrong
	}},
	{name: "bad-outcome-number", rule: "references-resolve", level: "fail", avoid: []string{"no-outcome-links"}, apply: func(b *builder) {
		bad := b.r.pick([]string{"16", "0", "17", "20"})
		links := b.d.Purpose.OutcomeLinks
		i := max(0, slices.IndexFunc(links, func(l OutcomeLink) bool { return l.Framework == "national_outcome" }))
		links[i] = OutcomeLink{"national_outcome", bad}
	}},
	{name: "unknown-framework", rule: "references-resolve", level: "fail", avoid: []string{"no-outcome-links"}, apply: func(b *builder) {
		// The first link is never one that is left out for size.
		b.d.Purpose.OutcomeLinks[0].Framework = b.r.pick(unknownFrameworks)
	}},
	{name: "unknown-npf-outcome", rule: "references-resolve", level: "fail", avoid: []string{"no-outcome-links"}, apply: func(b *builder) {
		links := b.d.Purpose.OutcomeLinks
		i := max(0, slices.IndexFunc(links, func(l OutcomeLink) bool { return l.Framework == "npf" }))
		links[i] = OutcomeLink{"npf", b.r.pick(badNPFRefs)}
	}},
	{name: "risk-owner-unknown", rule: "references-resolve", level: "fail", avoid: []string{"no-risks"}, apply: func(b *builder) {
		// The first risk survives any trimming for size.
		b.d.Risks[0].Owner = b.wrongRef()
	}},
	{name: "action-workstream-unknown", rule: "references-resolve", level: "fail", apply: func(b *builder) {
		ids := map[string]bool{}
		for _, w := range b.d.Workstreams {
			ids[w.ID] = true
		}
		// A strand the theme has but this descriptor does not, or one
		// planned but never set up.
		ws := ""
		for _, i := range b.r.Perm(len(b.p.theme.workstreams)) {
			if id := slug(b.p.theme.workstreams[i]); !ids[id] {
				ws = id
				break
			}
		}
		for _, id := range []string{"evaluation", "phase-two", "comms-and-engagement", "training-and-development"} {
			if ws == "" && !ids[id] {
				ws = id
			}
		}
		// The first action survives any trimming for size.
		b.d.ActionPlan[0].Workstream = ws
	}},
	{name: "duplicate-partner-id", rule: "references-resolve", level: "fail", prep: func(p *plan) { p.others = max(p.others, 1) }, apply: func(b *builder) {
		ps := b.d.Partners
		ps[len(ps)-1].ID = ps[1+b.r.IntN(len(ps)-2)].ID
	}},
	{name: "waiver-short", rule: "waiver-valid", level: "fail", apply: func(b *builder) {
		approved := b.r.date(addMonths(today, -8), addDays(today, -20))
		w := b.waiver(b.r.pick([]string{"collaborative-activity-measure", "efficiencies-identified", "structure-review"}),
			b.r.pick([]string{"Not needed for a short pilot.", "Agreed at the last meeting.", "Covered elsewhere."}), approved, 12)
		b.d.Waivers = append(b.d.Waivers, w)
	}},
	{name: "waiver-unknown-rule", rule: "waiver-valid", level: "fail", apply: func(b *builder) {
		approved := b.r.date(addMonths(today, -8), addDays(today, -20))
		w := b.waiver(b.r.pick([]string{"stretch-targets", "efficiency-identified", "group_size", "senior-sponsors"}),
			"The board agreed this departure from the study's findings after considering the costs of compliance.", approved, 12)
		b.d.Waivers = append(b.d.Waivers, w)
	}},
	{name: "waiver-too-long", rule: "waiver-valid", level: "fail", apply: func(b *builder) {
		approved := b.r.date(addMonths(today, -8), addDays(today, -20))
		w := b.waiver("efficiencies-identified", "Savings cannot be estimated until the service has run for a full year and costs are known.", approved, b.r.between(30, 48))
		b.d.Monitoring.Efficiencies = nil
		b.d.Waivers = append(b.d.Waivers, w)
	}},
	{name: "waiver-unwaivable", rule: "waiver-valid", level: "fail", apply: func(b *builder) {
		approved := b.r.date(addMonths(today, -8), addDays(today, -20))
		// Rules that cannot be waived: the explanation is the fix itself.
		w := b.waiver("references-resolve",
			"Partner ids follow the council's own naming scheme and will be aligned when the register is next updated.", approved, 12)
		if b.r.chance(0.5) {
			w.Rule, w.Justification = "placeholder-text", "The lead officer post is being recruited; the name will be added once the appointment is confirmed."
		}
		b.d.Waivers = append(b.d.Waivers, w)
	}},
	{name: "placeholder-lead", rule: "placeholder-text", level: "fail", apply: func(b *builder) {
		b.d.Lead.Person = b.r.pick([]string{"TBC", "To be confirmed", "TBC - awaiting board decision", "tba", "TBC (new post)"})
	}},
	{name: "placeholder-text", rule: "placeholder-text", level: "fail", avoid: []string{"no-mandate", "no-risks", "no-learning"}, apply: func(b *builder) {
		switch b.r.IntN(5) {
		case 0:
			b.d.Purpose.Mandate = b.r.pick([]string{"REPLACE: the need this partnership answers, with evidence", "TBC", "To be agreed"})
		case 1:
			b.d.Risks[0].Mitigation = b.r.pick([]string{"To be agreed", "TBC", "TODO: agree with partners"})
		case 2:
			b.d.Learning.Dissemination = b.r.pick([]string{"TBC", "To follow", "?"})
		case 3:
			b.d.ActionPlan[0].What = b.r.pick([]string{"REPLACE: the first action", "TBD", "xxx"})
		default:
			b.d.Governance.Body = b.r.pick([]string{"TBC", "?", "Replace: name of the group"})
		}
	}},
	{name: "waiver-expired", rule: "waiver-expired", level: "warn", apply: func(b *builder) {
		approved := b.r.date(mustDate("2006-10-01"), addMonths(today, -8))
		months := b.r.between(6, 24)
		for !addMonths(approved, months).Before(today) {
			months--
		}
		b.d.Waivers = append(b.d.Waivers, b.waiver("structure-review",
			"The group's structure will be reviewed once the first year's evaluation has reported to the board.", approved, months))
	}},
}

// unshareable are scenarios whose damage is to the first client group or
// outcome link, which the overlapping-partnerships plant copies to another
// descriptor: their descriptors are left out of it.
var unshareable = []string{"bad-outcome-number", "unknown-framework", "unknown-npf-outcome", "generic-client-group", "vague-client-group"}

// genericGroup renames the first client group with a general term no open
// partnership in its areas uses yet (so that two of them never overlap by
// chance), and reports whether one was left.
func (b *builder) genericGroup() bool {
	var seenIn []map[string]bool
	for _, a := range b.d.Areas() {
		seenIn = append(seenIn, b.g.groups[a])
	}
	for _, i := range b.r.Perm(len(genericGroups)) {
		name := genericGroups[i]
		if slices.ContainsFunc(seenIn, func(s map[string]bool) bool { return s[groupKey(name)] }) {
			continue
		}
		if b.d.Status != "closed" {
			for _, s := range seenIn {
				s[groupKey(name)] = true
			}
		}
		old := b.d.ClientGroups[0].Name
		b.d.ClientGroups[0].Name = name
		for j := range b.d.Engagement {
			if b.d.Engagement[j].ClientGroup == old {
				b.d.Engagement[j].ClientGroup = name
			}
		}
		return true
	}
	return false
}

// scenarioByName returns the scenario called name.
func scenarioByName(name string) *scenario {
	for _, s := range scenarios {
		if s.name == name {
			return s
		}
	}
	panic("synth: no scenario " + name)
}

// cycleWeights gives the clean variants more than one place in each cycle
// of the schedule, so that about a quarter of descriptors are clean.
var cycleWeights = map[string]int{"clean": 16, "clean-active": 5, "clean-programme": 3, "clean-waived": 2}

// cycle returns one cycle of the schedule, in a fixed order before shuffling.
func cycle() []*scenario {
	var out []*scenario
	for _, s := range scenarios {
		n := cycleWeights[s.name]
		if n == 0 {
			n = 1
		}
		for range n {
			out = append(out, s)
		}
	}
	return out
}

// normalise returns a variant spelling of a client group name that the
// overlap rule still treats as the same group.
func normalise(name string, r rng) string {
	if r.chance(0.5) {
		return strings.ToLower(name)
	}
	return strings.Replace(name, " ", "  ", 1)
}
