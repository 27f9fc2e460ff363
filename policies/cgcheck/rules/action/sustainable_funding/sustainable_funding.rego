# METADATA
# title: Not solely dependent on pump-priming
# description: >-
#   Pump-priming funding can help a partnership start, but the work should not
#   depend on it alone. "No sustainability plan" means funding.sustainability_plan
#   is missing, not a string, or only white space. Warns when there is at least
#   one entry in funding.sources, every source has kind pump_priming, and there
#   is no sustainability plan. Warns separately, once for each source of kind
#   pump_priming whose ends date is before lifecycle.expires (ends < expires as
#   YYYY-MM-DD strings: ending on the expiry date itself is not before it),
#   when there is no sustainability plan; this also applies when other kinds of
#   funding are present, and never when ends or lifecycle.expires is not
#   recorded. Passes when a sustainability plan is recorded. Skips when
#   funding.sources is missing or empty.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: sustainable-funding
#   theme: action
#   severity: warn
#   levels: [warn]
#   section: Clarity of Purpose
#   quote: solely dependent upon additional funding
#   remediation: >-
#     Write down in funding.sustainability_plan how the work will continue
#     when the pump-priming ends: which partners will mainstream, align or
#     pool resources, and from when. The study recognised that additional
#     funding can be a useful pump-primer, but that committed partners ought
#     to be able to find scope for collaborative gain without it; if the
#     activity is solely dependent upon additional funding, it offers a fairly
#     limited model of sustainable working.
#   plain:
#     pass: >-
#       The work does not depend on start-up funding alone.
#     warn: >-
#       The work depends on start-up (pump-priming) funding, with no plan
#       for when it ends.
#   question: >-
#     How will this work continue when the start-up funding ends?
#   params: {}
package cgcheck.rules.action.sustainable_funding

import data.cgcheck.lib

warn contains lib.finding(plan_pointer, msg) if {
	count(sources) > 0
	no_plan
	every s in sources {
		object.get(s, "kind", null) == "pump_priming"
	}
	msg := sprintf(
		"%d of %d funding.sources are pump_priming and funding.sustainability_plan %s",
		[count(sources), count(sources), plan_state],
	)
}

warn contains lib.finding(sprintf("/funding/sources/%d/ends", [i]), msg) if {
	no_plan
	expires := input.lifecycle.expires
	is_string(expires)
	some i, s in sources
	s.kind == "pump_priming"
	is_string(s.ends)
	s.ends < expires
	msg := sprintf(
		concat(" ", [
			"funding.sources[%d] %s is pump_priming and ends %s, before lifecycle.expires %s, and",
			"funding.sustainability_plan %s",
		]),
		[i, label(s), s.ends, expires, plan_state],
	)
}

skip contains "no funding.sources are recorded" if count(sources) == 0

sources := object.get(input, ["funding", "sources"], [])

no_plan if lib.blank_at(["funding", "sustainability_plan"])

default plan_pointer := "/funding"

plan_pointer := "/funding/sustainability_plan" if {
	_ := input.funding.sustainability_plan
}

default plan_state := "is missing"

plan_state := sprintf("%s is blank", [json.marshal(input.funding.sustainability_plan)]) if {
	_ := input.funding.sustainability_plan
}

label(s) := json.marshal(s.from) if {
	is_string(s.from)
} else := "(no source named)"
