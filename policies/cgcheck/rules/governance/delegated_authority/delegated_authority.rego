# METADATA
# title: Representatives with delegated authority
# description: >-
#   Looks at partners[].representative.authority (finance, staff, policy).
#   Fails when the lead partner (the partner whose id is lead.partner) has no
#   representative, when its representative has no authority recorded, or when
#   none of authority.finance, authority.staff and authority.policy is true.
#   Warns, once per partner, when a core partner has no representative, or its
#   representative's authority.finance is missing or not true; the lead
#   partner is not warned when it already fails. When lead.partner names no
#   partner the fail part cannot be judged and gives nothing (single-lead
#   reports that), but the warnings are still given; if there are none either,
#   the rule is skipped with that reason.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: delegated-authority
#   theme: governance
#   severity: fail
#   levels: [warn, fail]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: appropriate delegated authority in terms of finance
#   remediation: >-
#     Record who represents each core partner and what they may commit without
#     referring back: finance, other resources such as staff, and policy
#     decisions. The study found that partnerships are limited in their ability
#     to deliver where the officers who attend meetings do not have sufficient
#     decision-making powers, so consider whether each partner is sending the
#     right people to the right meetings, starting with the lead partner.
#   params: {}
package cgcheck.rules.governance.delegated_authority

import data.cgcheck.lib

# authority_kinds are the powers a representative may hold.
authority_kinds := ["finance", "staff", "policy"]

# lead_gap returns [pointer, message] when the representative of partner p
# (at index i) can commit nothing at all.
lead_gap(i, p) := [sprintf("/partners/%d", [i]), msg] if {
	not is_object(object.get(p, "representative", null))
	msg := sprintf("The lead partner %q has no representative recorded, so nobody is named who can commit it to decisions", [p.id])
} else := [sprintf("/partners/%d/representative", [i]), msg] if {
	not is_object(object.get(p.representative, "authority", null))
	msg := sprintf("The representative of the lead partner %q has no authority recorded, so it is not known what they may commit without referring back", [p.id])
} else := [sprintf("/partners/%d/representative/authority", [i]), msg] if {
	every kind in authority_kinds {
		object.get(p.representative.authority, kind, false) != true
	}
	msg := sprintf("The representative of the lead partner %q has no delegated authority: authority.finance, staff and policy are all absent or false", [p.id])
}

# finance_gap returns [pointer, message] when the representative of partner p
# (at index i) cannot commit finance.
finance_gap(i, p) := [sprintf("/partners/%d", [i]), msg] if {
	not is_object(object.get(p, "representative", null))
	msg := sprintf("Core partner %q has no representative recorded", [p.id])
} else := [sprintf("/partners/%d/representative", [i]), msg] if {
	not is_object(object.get(p.representative, "authority", null))
	msg := sprintf("The representative of core partner %q has no authority recorded, so it is not known whether they can commit finance", [p.id])
} else := [sprintf("/partners/%d/representative/authority", [i]), msg] if {
	not lib.has(p.representative.authority, "finance")
	msg := sprintf("The representative of core partner %q has no authority.finance recorded", [p.id])
} else := [sprintf("/partners/%d/representative/authority/finance", [i]), msg] if {
	p.representative.authority.finance != true
	msg := sprintf("The representative of core partner %q cannot commit finance: authority.finance is %v", [p.id, p.representative.authority.finance])
}

# can_commit, and authority.finance being true, are the usual case, tested
# first so that the gap functions, which explain what is missing, run only
# when something is.
can_commit(p) if {
	some kind in authority_kinds
	p.representative.authority[kind] == true
}

# lead_fails holds the indexes of lead partners whose representative fails.
lead_fails contains i if {
	some i, p in input.partners
	p.id == input.lead.partner
	not can_commit(p)
}

deny contains lib.finding(pointer, msg) if {
	some i in lead_fails
	[pointer, msg] := lead_gap(i, input.partners[i])
}

warn contains lib.finding(pointer, msg) if {
	some i, p in lib.core_partners
	object.get(p, ["representative", "authority", "finance"], null) != true
	not i in lead_fails
	[pointer, msg] := finance_gap(i, p)
}

# lead_resolves is true when lead.partner is the id of a partner. (Written as
# its own rule because `not input.lead.partner in ...` is false, not true, when
# lead.partner is missing.)
lead_resolves if input.lead.partner in lib.partner_ids

skip contains msg if {
	not lead_resolves
	msg := sprintf("lead.partner %s names no partner, so the lead partner's representative cannot be judged (single-lead reports this)", [json.marshal(object.get(input, ["lead", "partner"], null))])
}
