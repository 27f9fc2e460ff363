# METADATA
# title: Each partner's remit and contribution known
# description: >-
#   Every core partner (role core) records its remit and what it will, or will
#   not, bring to the partnership. For each core partner, warns when its remit
#   is missing, not text, or only white space (at /partners/<i>/remit, or
#   /partners/<i> when the field is missing); and, as a separate finding, warns
#   when it has neither a non-empty contributes list nor a non-blank
#   will_not_contribute (at /partners/<i>/contributes, else
#   /partners/<i>/will_not_contribute, else /partners/<i>, whichever exists
#   first). Contributors and consultees are not checked. Passes when no core
#   partner gives either warning.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: partner-remit-known
#   theme: purpose
#   severity: warn
#   levels: [warn]
#   section: Clarity of Purpose
#   quote: the remit of each organisation
#   remediation: >-
#     For each core partner, note its remit in its own right and the resources
#     (staff, time, budget) it is able and willing to put into the partnership,
#     or, just as usefully, what it is unable or unwilling to deliver. The
#     study found that each partner should be aware of these from the outset
#     to create the right conditions for Collaborative Gain; knowing them lets
#     partners plan around one another rather than assume.
#   params: {}
package cgcheck.rules.purpose.partner_remit_known

import data.cgcheck.lib

# remits_known and contributions_known are the usual case, tested in one
# pass over the core partners, so that the per-partner checks below (which
# explain what is missing) run only for a descriptor that lacks something.
remits_known if count([1 |
	some p in lib.core_partners
	is_string(p.remit)
	trim_space(p.remit) != ""
]) == count(lib.core_partners)

contributions_known if count([1 |
	some p in lib.core_partners
	is_array(p.contributes)
	count(p.contributes) > 0
]) == count(lib.core_partners)

warn contains lib.finding(pointer, msg) if {
	not remits_known
	some i, p in lib.core_partners
	lib.blank(object.get(p, "remit", null))
	pointer := field_pointer(i, p, ["remit"])
	msg := sprintf("core partner %q has no remit recorded: partners[%d].remit is %s", [p.id, i, found(p, "remit")])
}

warn contains lib.finding(pointer, msg) if {
	not contributions_known
	some i, p in lib.core_partners
	no_contributions(p)
	lib.blank(object.get(p, "will_not_contribute", null))
	pointer := field_pointer(i, p, ["contributes", "will_not_contribute"])
	msg := sprintf(
		"core partner %q records neither what it contributes nor what it will not contribute: partners[%d].contributes is %s and partners[%d].will_not_contribute is %s",
		[p.id, i, found(p, "contributes"), i, found(p, "will_not_contribute")],
	)
}

# no_contributions is true when contributes is missing or an empty list.
no_contributions(p) if not is_array(object.get(p, "contributes", null))

no_contributions(p) if {
	is_array(p.contributes)
	count(p.contributes) == 0
}

# field_pointer points at the first of keys that partner i has, else at the partner.
field_pointer(i, p, keys) := sprintf("/partners/%d/%s", [i, key]) if {
	key := [k | some k in keys; lib.has(p, k)][0]
} else := sprintf("/partners/%d", [i])

# found describes the empty value of partner field key, for the message.
found(p, key) := "missing" if {
	not lib.has(p, key)
} else := "empty" if {
	p[key] == []
} else := sprintf("blank (%q)", [p[key]]) if {
	is_string(p[key])
} else := sprintf("%v", [p[key]])
