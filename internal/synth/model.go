package synth

// The types below mirror descriptor format v1, revision 2 (descriptor.md),
// closely enough for the generator to build and then damage descriptors
// field by field.
// Conventions: an empty string is a field that is not recorded (left out of
// the file), except for required fields, which are always written, so that
// "" there is a blank value; a nil slice is left out, a non-nil empty slice
// is written as [].

// Descriptor is one partnership descriptor.
type Descriptor struct {
	ID, Name, Area, Status, Type, Scale string
	// MoreAreas, when not nil, makes area a list: Area, then these
	// (revision 2: a partnership spanning several council areas).
	MoreAreas []string

	Purpose    Purpose
	Lifecycle  Lifecycle
	Lead       Lead
	Partners   []Partner
	Governance Governance

	ClientGroups []ClientGroup
	Engagement   []Engagement
	Evidence     []Evidence
	Workstreams  []Workstream
	ActionPlan   []Action
	Monitoring   *Monitoring
	Funding      *Funding
	Risks        []Risk
	Learning     *Learning
	Waivers      []Waiver

	// Extra members are written after the known ones: an unknown property,
	// for the deliberately broken files.
	Extra object
}

// Purpose is the purpose section.
type Purpose struct {
	Task, WhyPartnership, Mandate string
	AddedValue                    []string
	NoGainAreas                   []string
	AgreedBy                      []string // required: nil is written as []
	AgreedOn                      string
	OutcomeLinks                  []OutcomeLink
}

// OutcomeLink is one entry of purpose.outcome_links.
type OutcomeLink struct{ Framework, Ref string }

// Lifecycle is the lifecycle section; dates are YYYY-MM-DD.
type Lifecycle struct {
	Start, EndCondition, Expires, NextReview, LastStructureReview string
}

// Lead names the lead organisation and person.
type Lead struct{ Partner, Person string }

// Partner is one entry of partners.
type Partner struct {
	ID, Name, Sector, Role, Remit, Interest string
	Representative                          *Representative
	Contributes                             []Contribution
	WillNotContribute                       string

	// kind is the organisation kind the partner was made from (not written).
	kind string
}

// Representative is who attends for a partner.
type Representative struct {
	Person, Post string
	Authority    *Authority
}

// Authority is what a representative may commit; a nil field is not recorded.
type Authority struct{ Finance, Staff, Policy *bool }

// Contribution is one entry of partners[].contributes.
type Contribution struct {
	Kind, What string
	ValueGBP   float64 // 0: not recorded
	FTE        float64 // 0: not recorded
}

// Governance is the governance section.
type Governance struct {
	Body, ReportsTo, MeetingFrequency string
	// MoreReportsTo, when not nil, makes reports_to a list: ReportsTo, then
	// these (revision 2: a body accountable to several boards).
	MoreReportsTo    []string
	SeniorSponsors   []Sponsor
	TermsOfReference string
}

// Sponsor is one entry of governance.senior_sponsors.
type Sponsor struct{ Partner, Post, Kind string }

// ClientGroup is one entry of client_groups.
type ClientGroup struct{ Name, Definition, Service, IntendedImpact string }

// Engagement is one entry of engagement.
type Engagement struct{ ClientGroup, Method, Date string }

// Evidence is one entry of evidence.
type Evidence struct{ ID, Type, Source, Date string }

// Workstream is one entry of workstreams; an empty Lead is left out.
type Workstream struct{ ID, Name, Lead string }

// Action is one entry of action_plan.
type Action struct{ What, Owner, Due, Status, Workstream string }

// Monitoring is the monitoring section.
type Monitoring struct {
	DesignedOn, Owner, Frequency string
	Measures                     []Measure
	Efficiencies                 []Efficiency
	QualitativeBenefits          []string
}

// Measure is one entry of monitoring.measures.
type Measure struct {
	ID, Indicator, Kind, Level, Owner, Better string
	Baseline                                  *Dated
	Trend                                     *float64 // pre_partnership_trend.per_year
	Isolation, Collaborative                  *Dated
	Source                                    string
}

// Dated is a value with the date it applies to.
type Dated struct {
	Value float64
	Date  string
}

// Efficiency is one entry of monitoring.efficiencies.
type Efficiency struct {
	Description          string
	SavingMin, SavingMax float64 // both 0: no saving_gbp
	Partners             []string
}

// Funding is the funding section.
type Funding struct {
	Sources            []FundingSource
	SustainabilityPlan string
}

// FundingSource is one entry of funding.sources.
type FundingSource struct {
	From, Partner, Kind string
	Amount              float64 // 0: not recorded
	Ends                string
}

// Risk is one entry of risks (revision 2).
type Risk struct{ Risk, Owner, Mitigation string }

// Learning is the learning section (revision 2); Dissemination is always
// written, as the schema requires it when the section is given.
type Learning struct{ Dissemination, Evaluation string }

// Areas returns every area of the descriptor, the first one first.
func (d *Descriptor) Areas() []string { return append([]string{d.Area}, d.MoreAreas...) }

// Waiver is one entry of waivers.
type Waiver struct{ Rule, Justification, ApprovedBy, ApprovedOn, Expires string }

func strList(ss []string) list {
	return listOf(ss, func(s string) any { return s })
}

// listOf converts items with each; a nil slice gives an empty list.
func listOf[T any](items []T, each func(T) any) list {
	l := make(list, 0, len(items))
	for _, item := range items {
		l = append(l, each(item))
	}
	return l
}

// setList sets key to the list of items converted with each, unless items
// is nil: a nil slice is a field the descriptor leaves out, an empty one is
// written as [].
func setList[T any](o *object, key string, items []T, each func(T) any) {
	if items != nil {
		o.set(key, listOf(items, each))
	}
}

func (d *Dated) object() object {
	return object{{"value", d.Value}, {"date", d.Date}}
}

// object converts the descriptor to an ordered object in the order of
// descriptor.md.
func (d *Descriptor) object() object {
	var o object
	o.set("schema", "cgcheck/partnership/v1")
	o.set("id", d.ID)
	o.set("name", d.Name)
	if d.MoreAreas != nil {
		o.set("area", strList(d.Areas()))
	} else {
		o.set("area", d.Area)
	}
	o.set("status", d.Status)
	o.set("type", d.Type)
	o.str("scale", d.Scale)

	var p object
	p.set("task", d.Purpose.Task)
	p.set("why_partnership", d.Purpose.WhyPartnership)
	p.str("mandate", d.Purpose.Mandate)
	if d.Purpose.AddedValue != nil {
		p.set("added_value", strList(d.Purpose.AddedValue))
	}
	if d.Purpose.NoGainAreas != nil {
		p.set("no_gain_areas", strList(d.Purpose.NoGainAreas))
	}
	agreed := d.Purpose.AgreedBy
	if agreed == nil {
		agreed = []string{}
	}
	p.set("agreed_by", strList(agreed))
	p.str("agreed_on", d.Purpose.AgreedOn)
	setList(&p, "outcome_links", d.Purpose.OutcomeLinks, func(ol OutcomeLink) any {
		return object{{"framework", ol.Framework}, {"ref", ol.Ref}}
	})
	o.set("purpose", p)

	var lc object
	lc.set("start", d.Lifecycle.Start)
	lc.str("end_condition", d.Lifecycle.EndCondition)
	lc.str("expires", d.Lifecycle.Expires)
	lc.str("next_review", d.Lifecycle.NextReview)
	lc.str("last_structure_review", d.Lifecycle.LastStructureReview)
	o.set("lifecycle", lc)

	o.set("lead", object{{"partner", d.Lead.Partner}, {"person", d.Lead.Person}})

	partners := listOf(d.Partners, func(pt Partner) any { return pt.object() })
	o.set("partners", partners)

	var g object
	g.set("body", d.Governance.Body)
	if more := d.Governance.MoreReportsTo; more != nil {
		g.set("reports_to", strList(append([]string{d.Governance.ReportsTo}, more...)))
	} else {
		g.set("reports_to", d.Governance.ReportsTo)
	}
	g.str("meeting_frequency", d.Governance.MeetingFrequency)
	setList(&g, "senior_sponsors", d.Governance.SeniorSponsors, func(s Sponsor) any {
		return object{{"partner", s.Partner}, {"post", s.Post}, {"kind", s.Kind}}
	})
	g.str("terms_of_reference", d.Governance.TermsOfReference)
	o.set("governance", g)

	setList(&o, "client_groups", d.ClientGroups, func(c ClientGroup) any {
		return object{{"name", c.Name}, {"definition", c.Definition}, {"service", c.Service}, {"intended_impact", c.IntendedImpact}}
	})
	setList(&o, "engagement", d.Engagement, func(e Engagement) any {
		return object{{"client_group", e.ClientGroup}, {"method", e.Method}, {"date", e.Date}}
	})
	setList(&o, "evidence", d.Evidence, func(e Evidence) any {
		return object{{"id", e.ID}, {"type", e.Type}, {"source", e.Source}, {"date", e.Date}}
	})
	setList(&o, "workstreams", d.Workstreams, func(w Workstream) any {
		var wo object
		wo.set("id", w.ID)
		wo.set("name", w.Name)
		wo.str("lead", w.Lead)
		return wo
	})
	setList(&o, "action_plan", d.ActionPlan, func(a Action) any {
		var ao object
		ao.set("what", a.What)
		ao.set("owner", a.Owner)
		ao.set("due", a.Due)
		ao.set("status", a.Status)
		ao.str("workstream", a.Workstream)
		return ao
	})
	if m := d.Monitoring; m != nil {
		var mo object
		mo.str("designed_on", m.DesignedOn)
		mo.str("owner", m.Owner)
		mo.str("frequency", m.Frequency)
		setList(&mo, "measures", m.Measures, func(ms Measure) any { return ms.object() })
		setList(&mo, "efficiencies", m.Efficiencies, func(e Efficiency) any {
			var eo object
			eo.set("description", e.Description)
			if e.SavingMin != 0 || e.SavingMax != 0 {
				eo.set("saving_gbp", object{{"min", e.SavingMin}, {"max", e.SavingMax}})
			}
			if e.Partners != nil {
				eo.set("partners", strList(e.Partners))
			}
			return eo
		})
		if m.QualitativeBenefits != nil {
			mo.set("qualitative_benefits", strList(m.QualitativeBenefits))
		}
		o.set("monitoring", mo)
	}
	if f := d.Funding; f != nil {
		var fo object
		setList(&fo, "sources", f.Sources, func(s FundingSource) any {
			var so object
			so.set("from", s.From)
			so.str("partner", s.Partner)
			so.set("kind", s.Kind)
			if s.Amount != 0 {
				so.set("amount_gbp", s.Amount)
			}
			so.str("ends", s.Ends)
			return so
		})
		fo.str("sustainability_plan", f.SustainabilityPlan)
		o.set("funding", fo)
	}
	setList(&o, "risks", d.Risks, func(r Risk) any {
		return object{{"risk", r.Risk}, {"owner", r.Owner}, {"mitigation", r.Mitigation}}
	})
	if l := d.Learning; l != nil {
		var lo object
		lo.set("dissemination", l.Dissemination)
		lo.str("evaluation", l.Evaluation)
		o.set("learning", lo)
	}
	setList(&o, "waivers", d.Waivers, func(w Waiver) any {
		return object{{"rule", w.Rule}, {"justification", w.Justification},
			{"approved_by", w.ApprovedBy}, {"approved_on", w.ApprovedOn}, {"expires", w.Expires}}
	})
	return append(o, d.Extra...)
}

func (p *Partner) object() object {
	var o object
	o.set("id", p.ID)
	o.set("name", p.Name)
	o.str("sector", p.Sector)
	o.set("role", p.Role)
	o.str("remit", p.Remit)
	o.str("interest", p.Interest)
	if r := p.Representative; r != nil {
		var ro object
		ro.str("person", r.Person)
		ro.str("post", r.Post)
		if a := r.Authority; a != nil {
			var ao object
			for _, f := range []struct {
				k string
				v *bool
			}{{"finance", a.Finance}, {"staff", a.Staff}, {"policy", a.Policy}} {
				if f.v != nil {
					ao.set(f.k, *f.v)
				}
			}
			ro.set("authority", ao)
		}
		o.set("representative", ro)
	}
	setList(&o, "contributes", p.Contributes, func(c Contribution) any {
		var co object
		co.set("kind", c.Kind)
		co.set("what", c.What)
		if c.ValueGBP != 0 {
			co.set("value_gbp", c.ValueGBP)
		}
		if c.FTE != 0 {
			co.set("fte", c.FTE)
		}
		return co
	})
	o.str("will_not_contribute", p.WillNotContribute)
	return o
}

func (m *Measure) object() object {
	var o object
	o.set("id", m.ID)
	o.set("indicator", m.Indicator)
	o.set("kind", m.Kind)
	o.set("level", m.Level)
	o.set("owner", m.Owner)
	o.set("better", m.Better)
	if m.Baseline != nil {
		o.set("baseline", m.Baseline.object())
	}
	if m.Trend != nil {
		o.set("pre_partnership_trend", object{{"per_year", *m.Trend}})
	}
	if m.Isolation != nil {
		o.set("isolation_target", m.Isolation.object())
	}
	if m.Collaborative != nil {
		o.set("collaborative_target", m.Collaborative.object())
	}
	o.str("source", m.Source)
	return o
}
