# METADATA
# title: Each partner's remit, contribution and interest known
# description: >-
#   Every core partner (role core) records its remit, what it will or will
#   not bring to the partnership, and its own interest in the outcome. Warns
#   once for each core partner that lacks any of: a remit (missing, not
#   text, or only white space); a contribution record (neither a non-empty
#   contributes list nor a non-blank will_not_contribute); an interest
#   (missing, not text, or only white space). The one finding, at
#   /partners/<i>, lists everything that partner lacks. Contributors and
#   consultees are not checked. Passes when no core partner lacks anything.
#   A placeholder such as "TBC" is judged as written (it is not blank);
#   placeholder-text reports it.
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
#   citations:
#     - section: Executive Summary
#       quote: synergy through interdependence and self interest
#   remediation: >-
#     For each core partner, note its remit in its own right; the resources
#     (staff, time, budget, expertise) it is able and willing to put into the
#     partnership, or, just as usefully, what it is unable or unwilling to
#     deliver; and its own interest in the outcome: what it gains towards its
#     own strategic and operational aims. The study found that each partner
#     should be aware of these from the outset to create the right conditions
#     for Collaborative Gain, and that a collaborative task is most secure
#     when it is an intrinsic part of each partner's own interests, achieving
#     synergy through interdependence and self interest.
#   plain:
#     pass: >-
#       Each core partner has said what it does, what it will bring and
#       what it wants from the outcome.
#     warn: >-
#       Not every core partner has said what it does, what it will bring,
#       or what it wants from the outcome.
#   question: >-
#     Is each core partner clear about what it will bring to the table, and
#     what it hopes to gain?
#   params: {}
package cgcheck.rules.purpose.partner_remit_known

import data.cgcheck.lib

# all_known is the usual case, tested with one pass over the core partners,
# so that the per-partner checks below (which explain what is missing) run
# only for a descriptor that lacks something.
all_known if {
	core := lib.core_partners
	count([1 |
		some p in core
		is_string(p.remit)
		trim_space(p.remit) != ""
		is_string(p.interest)
		trim_space(p.interest) != ""
		contribution_known(p)
	]) == count(core)
}

# contribution_known is true when a partner records what it contributes, or
# what it will not.
contribution_known(p) if {
	is_array(p.contributes)
	count(p.contributes) > 0
}

contribution_known(p) if {
	is_string(p.will_not_contribute)
	trim_space(p.will_not_contribute) != ""
}

warn contains lib.finding(sprintf("/partners/%d", [i]), msg) if {
	not all_known
	some i, p in lib.core_partners
	gaps := [g | some field in ["remit", "contributes", "interest"]; g := gap(field, i, p)]
	count(gaps) > 0
	msg := sprintf(
		"Core partner %s (%s) has not recorded %s: %s",
		[name(p), ref(p), english([g[0] | some g in gaps]), concat("; ", [g[1] | some g in gaps])],
	)
}

# gap is [what partner i lacks, the fields found] for one of the three
# things a core partner records, when it lacks it.
gap("remit", i, p) := ["its remit", sprintf("partners[%d].remit is %s", [i, found(p, "remit")])] if {
	lib.blank(object.get(p, "remit", null))
}

gap("contributes", i, p) := [
	"what it will or will not contribute",
	sprintf(
		"partners[%d].contributes is %s and partners[%d].will_not_contribute is %s",
		[i, found(p, "contributes"), i, found(p, "will_not_contribute")],
	),
] if {
	not contribution_known(p)
}

gap("interest", i, p) := [
	"its own interest in the outcome",
	sprintf("partners[%d].interest is %s", [i, found(p, "interest")]),
] if {
	lib.blank(object.get(p, "interest", null))
}

# english joins texts as in a sentence: "a", "a and b", "a, b and c".
english(list) := list[0] if count(list) == 1

english(list) := concat(
	" and ",
	[concat(", ", array.slice(list, 0, count(list) - 1)), list[count(list) - 1]],
) if count(list) > 1

# name is a partner's name for a message, or its id when it has none.
name(p) := p.name if {
	is_string(p.name)
	trim_space(p.name) != ""
} else := sprintf("%v", [object.get(p, "id", "with no id")])

# ref is a partner's id for a message.
ref(p) := sprintf("%q", [p.id]) if is_string(p.id)

else := "no id"

# found describes the empty value of partner field key, for the message.
found(p, key) := "missing" if {
	not lib.has(p, key)
} else := sprintf("blank (%q)", [p[key]]) if {
	is_string(p[key])
	trim_space(p[key]) == ""
} else := "empty" if {
	p[key] == []
} else := sprintf("not a list (%v)", [p[key]]) if {
	key == "contributes"
} else := sprintf("not text (%v)", [p[key]])
