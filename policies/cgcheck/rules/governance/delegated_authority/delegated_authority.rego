# METADATA
# title: Representatives with delegated authority
# description: >-
#   Looks at partners[].representative.authority (finance, staff, policy)
#   beside what each partner contributes (partners[].contributes[].kind).
#   Fails when the lead partner (the partner whose id is lead.partner, whatever
#   its role) has no representative, when its representative has no authority
#   recorded, or when none of authority.finance, authority.staff and
#   authority.policy is true (an empty authority included). Warns, once per
#   partner, when a core partner other than a failing lead has the same gap
#   (no representative, no authority, or none of the three true), or when the
#   representative of a core partner or of the lead partner lacks the
#   authority that matches what the partner contributes: a budget or asset
#   contribution needs authority.finance to be true, a staff contribution
#   needs authority.staff to be true. A partner that contributes only
#   expertise or data (a lived-experience member, say) needs neither, and a
#   partner that contributes nothing needs only some authority. The lead
#   partner lacking only the matching authority is warned, not failed.
#   Contributors and consultees other than the lead are not judged. When
#   lead.partner names no partner the fail part cannot be judged and gives
#   nothing (single-lead reports that), but the warnings are still given; the
#   rule then also gives skip with that reason, which shows only when there is
#   no warning.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: delegated-authority
#   theme: governance
#   severity: fail
#   levels: [warn, fail]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: in terms of finance, other resource commitments and in their ability to make decisions regarding policy
#   remediation: >-
#     Record who represents each core partner and what they may commit without
#     referring back: finance, other resources such as staff, and policy
#     decisions. Where a partner puts in budget or assets, its representative
#     would ideally be able to commit finance; where it puts in staff, to
#     commit staff. A member who brings expertise or lived experience needs no
#     financial authority to contribute fully. The study found that
#     partnerships are limited in their ability to deliver where the officers
#     who attend meetings do not have sufficient decision-making powers, so
#     consider whether each partner is sending the right people to the right
#     meetings, starting with the lead partner.
#   plain:
#     pass: >-
#       The people representing the partners can commit their organisations
#       without referring back.
#     warn: >-
#       Some representatives cannot commit what their organisation
#       contributes without referring back.
#     fail: >-
#       The lead organisation's representative has no recorded authority to
#       commit money, staff or policy, so decisions would wait while they
#       refer back.
#   question: >-
#     Can the people round the table commit their organisations' money,
#     staff and policy, or will decisions wait while they refer back?
#   params: {}
package cgcheck.rules.governance.delegated_authority

import data.cgcheck.lib

# authority_kinds are the powers a representative may hold.
authority_kinds := ["finance", "staff", "policy"]

# needed_for maps each authority that a contribution calls for to the kinds
# of contribution that call for it. Expertise and data call for none.
needed_for := {"finance": {"budget", "asset"}, "staff": {"staff"}}

# can_commit is true when the representative of p holds at least one
# authority.
can_commit(p) if {
	some kind in authority_kinds
	p.representative.authority[kind] == true
}

# leads holds the index of the lead partner (of each, should two share its
# id): one pass over the partners, read by both the fail and the warning.
leads contains i if {
	some i, p in input.partners
	p.id == input.lead.partner
}

# lead_fails holds the indexes of lead partners whose representative can
# commit nothing at all.
lead_fails contains i if {
	some i in leads
	not can_commit(input.partners[i])
}

deny contains lib.finding(pointer, msg) if {
	some i in lead_fails
	[pointer, msg] := no_authority_gap(i, input.partners[i])
}

# Core partners. Holding both finance and staff authority is the usual case
# and can lack nothing, so it is tested first, in place, and the gap
# functions, which work out and explain what is missing, run only when
# something may be.
warn contains lib.finding(pointer, msg) if {
	some i, p in lib.core_partners
	[
		object.get(p, ["representative", "authority", "finance"], false),
		object.get(p, ["representative", "authority", "staff"], false),
	] != [true, true]
	not i in lead_fails
	[pointer, msg] := core_gap(i, p)
}

# A lead partner that is not core is judged like a core one for the
# authority its contributions need (its other gaps fail above).
warn contains lib.finding(pointer, msg) if {
	some i in leads
	p := input.partners[i]
	p.role != "core"
	can_commit(p)
	[pointer, msg] := matching_gap(i, p)
}

# core_gap returns [pointer, message] for the first gap of core partner p:
# nothing it can commit at all, else authority missing for what it
# contributes.
core_gap(i, p) := no_authority_gap(i, p) if {
	not can_commit(p)
} else := matching_gap(i, p)

# no_authority_gap returns [pointer, message] when the representative of
# partner p (at index i) can commit nothing at all.
no_authority_gap(i, p) := [sprintf("/partners/%d", [i]), msg] if {
	not is_object(object.get(p, "representative", null))
	msg := sprintf(
		concat(" ", [
			"%s has no representative recorded (representative is missing), so nobody is named who",
			"can commit it to decisions",
		]),
		[upper_first(who(p))],
	)
} else := [sprintf("/partners/%d/representative", [i]), msg] if {
	not is_object(object.get(p.representative, "authority", null))
	msg := sprintf(
		concat(" ", [
			"The representative of %s has no authority recorded (representative.authority is",
			"missing), so it is not known what they may commit without referring back",
		]),
		[who(p)],
	)
} else := [sprintf("/partners/%d/representative/authority", [i]), msg] if {
	msg := sprintf(
		concat(" ", [
			"The representative of %s has no delegated authority: authority.finance, staff and",
			"policy are all absent or false, so every decision would have to be referred back",
		]),
		[who(p)],
	)
}

# matching_gap returns [pointer, message] when the representative of
# partner p (at index i) lacks an authority that its contributions need.
matching_gap(i, p) := [pointer, msg] if {
	authority := p.representative.authority
	missing := [kind |
		some kind in ["finance", "staff"]
		object.get(authority, kind, null) != true
		needs(p, kind)
	]
	count(missing) > 0
	pointer := authority_pointer(i, authority, missing)
	msg := sprintf(
		concat(" ", [
			"The representative of %s cannot commit %s without referring back (%s), yet the partner",
			"contributes %s; consider whether they could be given that authority, or whether",
			"someone who holds it should attend",
		]),
		[
			who(p),
			concat(" or ", missing),
			concat("; ", [sprintf("authority.%s is %s", [kind, state(authority, kind)]) | some kind in missing]),
			and_list([contribution(c) | some c in p.contributes; some kind in missing; c.kind in needed_for[kind]]),
		],
	)
}

# needs is true when partner p contributes something that calls for the
# authority kind.
needs(p, kind) if {
	some c in p.contributes
	c.kind in needed_for[kind]
}

# authority_pointer points at the one authority missing when it is written
# down (as false, say), else at the authority object.
authority_pointer(i, authority, missing) := sprintf("/partners/%d/representative/authority/%s", [i, kind]) if {
	[kind] := missing
	lib.has(authority, kind)
} else := sprintf("/partners/%d/representative/authority", [i])

state(authority, kind) := json.marshal(authority[kind]) if {
	lib.has(authority, kind)
} else := "missing"

# who names a partner for a message: `the lead partner "council" (Example
# Council)` or `core partner "police" (Example Police)`.
who(p) := sprintf("the lead partner %s", [label(p)]) if {
	p.id == input.lead.partner
} else := sprintf("core partner %s", [label(p)])

label(p) := sprintf("%q (%s)", [p.id, trim_space(p.name)]) if {
	is_string(p.name)
	trim_space(p.name) != ""
} else := sprintf("%q", [p.id])

upper_first(text) := concat("", [upper(substring(text, 0, 1)), substring(text, 1, -1)])

# contribution describes one contribution: `budget ("Construction share")`.
contribution(c) := sprintf("%s (%q)", [c.kind, trim_space(c.what)]) if {
	is_string(c.what)
	trim_space(c.what) != ""
} else := c.kind

# and_list joins texts as "a", "a and b" or "a, b and c".
and_list(items) := items[0] if {
	count(items) == 1
} else := concat(" and ", [concat(", ", array.slice(items, 0, count(items) - 1)), items[count(items) - 1]])

# lead_resolves is true when lead.partner is the id of a partner. (Written as
# its own rule because `not input.lead.partner in ...` is false, not true, when
# lead.partner is missing.)
lead_resolves if input.lead.partner in lib.partner_ids

skip contains msg if {
	not lead_resolves
	msg := sprintf(
		concat(" ", [
			"lead.partner %s names no partner, so the lead partner's representative cannot be",
			"judged (single-lead reports this)",
		]),
		[json.marshal(object.get(input, ["lead", "partner"], null))],
	)
}
