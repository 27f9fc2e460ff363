# METADATA
# title: Critical mass of resources
# description: >-
#   Counts the distinct partners (any role) with at least one contributes
#   entry of kind staff, budget or asset. Fails when fewer than
#   critical_mass_min_partners (default 2) partners do so. Warns, once per
#   partner, when a core partner has no contributes entries at all (a passive
#   member); for this warning a contribution of expertise or data counts, as
#   Appendix 1 Summary Literature Review asks partners to "Contribute value by
#   way of expertise or resources".
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: critical-mass
#   theme: action
#   severity: fail
#   levels: [warn, fail]
#   section: Key Messages
#   quote: demonstrate critical mass
#   remediation: >-
#     Record what each partner puts in: staff, budget, assets, expertise or
#     data. The study found that partnerships benefited from developing a
#     critical mass of resources, which often came where partners contributed
#     staff, expenditure or physical assets, sometimes for different purposes
#     rather than simply pooling them. Consider what each core partner brings;
#     a member that contributes nothing may be better placed as a consultee.
#   params:
#     critical_mass_min_partners:
#       default: 2
#       type: integer
#       minimum: 0
#       description: >-
#         Fail when fewer partners than this contribute staff, budget or
#         assets.
package cgcheck.rules.action.critical_mass

import data.cgcheck.lib

min_partners := lib.param(rego.metadata.chain(), "critical_mass_min_partners")

# resource_kinds are the contributions that build critical mass.
resource_kinds := {"staff", "budget", "asset"}

resourcing_partners contains p.id if {
	some p in input.partners
	some c in object.get(p, "contributes", [])
	c.kind in resource_kinds
}

deny contains lib.finding("/partners", msg) if {
	count(resourcing_partners) < min_partners
	msg := sprintf(
		"%s staff, budget or assets, fewer than critical_mass_min_partners (%d)",
		[who_contributes(resourcing_partners), min_partners],
	)
}

who_contributes(ids) := "No partner contributes" if count(ids) == 0

else := sprintf("Only 1 partner (%s) contributes", [quoted(ids)]) if count(ids) == 1

else := sprintf("Only %d partners (%s) contribute", [count(ids), quoted(ids)])

quoted(ids) := concat(", ", sort([sprintf("%q", [id]) | some id in ids]))

warn contains lib.finding(sprintf("/partners/%d", [i]), msg) if {
	some i, p in lib.core_partners
	object.get(p, "contributes", null) == null
	msg := sprintf("Core partner %q contributes nothing: it has no contributes entries", [p.id])
}

warn contains lib.finding(sprintf("/partners/%d/contributes", [i]), msg) if {
	some i, p in lib.core_partners
	p.contributes == []
	msg := sprintf("Core partner %q contributes nothing: its contributes list is empty", [p.id])
}
