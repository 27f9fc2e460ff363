# METADATA
# title: Critical mass of resources
# description: >-
#   Counts the distinct partners (any role) with at least one contributes
#   entry of kind staff, budget or asset. When fewer than
#   critical_mass_min_partners (default 2) partners do so, fails, except
#   while status is proposed, when it warns instead (critical mass is shown
#   as the partnership develops). Warns, once per partner, when a core
#   partner has no contributes entries at all (contributes missing, null or
#   an empty list: a passive member); for this warning a contribution of
#   expertise or data counts, as partners are to "Contribute value by way of
#   expertise or resources". Warns once when there is at least one staff,
#   budget or asset contribution and none of them states its size (a number
#   in value_gbp or fte); with no such contribution at all only the count
#   above is judged.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: critical-mass
#   theme: action
#   severity: fail
#   levels: [warn, fail]
#   section: Key Messages
#   quote: demonstrate critical mass as it develops
#   citations:
#     - section: Appendix 1 Summary Literature Review
#       quote: Contribute value by way of expertise or resources
#   remediation: >-
#     Record what each partner puts in: staff, budget, assets, expertise or
#     data, and for staff, budget and assets roughly how much (fte or
#     value_gbp). The study found that partnerships benefited from developing
#     a critical mass of resources, which often came where partners
#     contributed staff, expenditure or physical assets, sometimes for
#     different purposes rather than simply pooling them, and looks for a
#     partnership to demonstrate critical mass as it develops. Consider what
#     each core partner brings; a member that contributes nothing may be
#     better placed as a consultee.
#   plain:
#     pass: >-
#       Enough partners commit staff, money or assets to give the work
#       critical mass.
#     warn: >-
#       Few partners commit staff, money or assets as yet, or some core
#       partners have no contribution recorded.
#     fail: >-
#       Too few partners commit staff, money or assets for the work to have
#       critical mass.
#   question: >-
#     Are enough resources committed for this to succeed, and what does
#     each partner put in?
#   params:
#     critical_mass_min_partners:
#       default: 2
#       type: integer
#       minimum: 0
#       description: >-
#         Fail (warn while proposed) when fewer partners than this contribute
#         staff, budget or assets.
package cgcheck.rules.action.critical_mass

import data.cgcheck.lib

min_partners := lib.param(rego.metadata.chain(), "critical_mass_min_partners")

# resource_kinds are the contributions that build critical mass.
resource_kinds := {"staff", "budget", "asset"}

resourcing_partners contains p.id if {
	some p in input.partners
	some c in p.contributes
	c.kind in resource_kinds
}

deny contains lib.finding("/partners", msg) if {
	count(resourcing_partners) < min_partners
	not proposed
	msg := sprintf(
		concat(" ", [
			"%s staff, budget or assets, fewer than critical_mass_min_partners (%d), so the",
			"partnership may lack the critical mass of resources to deliver",
		]),
		[who_contributes(resourcing_partners), min_partners],
	)
}

proposed if input.status == "proposed"

warn contains lib.finding("/partners", msg) if {
	count(resourcing_partners) < min_partners
	proposed
	msg := sprintf(
		concat(" ", [
			"%s staff, budget or assets, fewer than critical_mass_min_partners (%d); while the",
			"partnership is proposed this is a prompt: the study looks for critical mass to be",
			"demonstrated as it develops, so consider what partners will commit",
		]),
		[who_contributes(resourcing_partners), min_partners],
	)
}

warn contains lib.finding(sprintf("/partners/%d", [i]), msg) if {
	some i, p in lib.core_partners
	object.get(p, "contributes", null) == null
	msg := sprintf(
		"Core partner %s contributes nothing: it has no contributes entries, so it is not clear what value it brings",
		[label(p)],
	)
}

warn contains lib.finding(sprintf("/partners/%d/contributes", [i]), msg) if {
	some i, p in lib.core_partners
	p.contributes == []
	msg := sprintf(
		"Core partner %s contributes nothing: its contributes list is empty, so it is not clear what value it brings",
		[label(p)],
	)
}

warn contains lib.finding("/partners", msg) if {
	not sized
	count(resourcing_partners) > 0
	msg := sprintf(
		concat(" ", [
			"No staff, budget or asset contribution states its size (value_gbp or fte): %s; record",
			"roughly how much each is worth, or the staff time in full-time equivalents, so",
			"partners can see the scale of what is committed",
		]),
		[concat("; ", unsized)],
	)
}

who_contributes(ids) := "No partner contributes" if count(ids) == 0

else := sprintf("Only 1 partner (%s) contributes", [quoted(ids)]) if count(ids) == 1

else := sprintf("Only %d partners (%s) contribute", [count(ids), quoted(ids)])

quoted(ids) := concat(", ", sort([sprintf("%q", [id]) | some id in ids]))

# sized is true when some staff, budget or asset contribution states its
# size. The usual descriptor that states any size ends the warning above at
# its first line, and one body stops at the first sized contribution.
sized if {
	some p in input.partners
	some c in p.contributes
	some key in ["value_gbp", "fte"]
	is_number(c[key])
	c.kind in resource_kinds
}

# unsized lists each resourcing partner's contributions for the message:
# `"council": asset ("Site"), budget ("Construction share")`.
unsized := [sprintf("%q: %s", [p.id, concat(", ", items)]) |
	some p in input.partners
	items := [contribution(c) | some c in p.contributes; c.kind in resource_kinds]
	count(items) > 0
]

contribution(c) := sprintf("%s (%q)", [c.kind, trim_space(c.what)]) if {
	is_string(c.what)
	trim_space(c.what) != ""
} else := c.kind

label(p) := sprintf("%q (%s)", [p.id, trim_space(p.name)]) if {
	is_string(p.name)
	trim_space(p.name) != ""
} else := sprintf("%q", [p.id])
