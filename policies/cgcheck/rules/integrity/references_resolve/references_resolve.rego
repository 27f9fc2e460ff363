# METADATA
# title: References resolve
# description: >-
#   Checks that every reference in the descriptor points at something that
#   exists. Fails, with one finding per bad reference at its own pointer, when
#   a partner reference is not the id of an entry of partners: lead.partner,
#   purpose.agreed_by[i], governance.senior_sponsors[i].partner,
#   workstreams[i].lead, action_plan[i].owner, monitoring.measures[i].owner,
#   monitoring.owner, funding.sources[i].partner or
#   monitoring.efficiencies[i].partners[j]; when action_plan[i].workstream is
#   not the id of an entry of workstreams; when two partners share an id (one
#   finding at each later partner's id, naming the index of the first); or
#   when a purpose.outcome_links entry with framework national_outcome has a
#   ref that is not one of the strings "1" to "15". A reference that is
#   missing or blank is left to the schema and the rule that requires it
#   (single-lead, workstream-leads, accountable-measures).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: references-resolve
#   theme: integrity
#   severity: fail
#   levels: [fail]
#   remediation: >-
#     Correct the reference so that it uses the id of a partner (or workstream)
#     declared in this descriptor, or add the missing partner. Each partner
#     needs an id of its own. National outcome references use the number of
#     one of the Scottish Government's 15 national outcomes, written as a
#     string ("1" to "15"). Other checks cannot be trusted until every
#     reference resolves, so this rule cannot be waived.
#   params: {}
package cgcheck.rules.integrity.references_resolve

import data.cgcheck.lib

# bad_refs holds [path, value] for every field that must name a partner and
# names none; path is the field's place as a list of keys and indexes. Each
# reference is tested where it is found, so only the failures (usually
# none) are ever collected, and their pointer and field name spelled out.
#
# The test is written out in each rule rather than called as a function, and
# the partners' ids are bound once to ids: OPA evaluates these lines for
# every reference of every descriptor, and measured (policies/README.md,
# "Speed") a function call adds about a third to the test, and naming
# lib.partner_ids in the loop about doubles it.
bad_refs contains [["lead", "partner"], ref] if {
	ref := input.lead.partner
	not ref in lib.partner_ids
	not unset(ref)
}

bad_refs contains [["purpose", "agreed_by", i], ref] if {
	ids := lib.partner_ids
	some i, ref in object.get(input, ["purpose", "agreed_by"], [])
	not ref in ids
	not unset(ref)
}

bad_refs contains [["governance", "senior_sponsors", i, "partner"], sponsor.partner] if {
	ids := lib.partner_ids
	some i, sponsor in object.get(input, ["governance", "senior_sponsors"], [])
	not sponsor.partner in ids
	not unset(sponsor.partner)
}

bad_refs contains [["workstreams", i, "lead"], workstream.lead] if {
	ids := lib.partner_ids
	some i, workstream in object.get(input, "workstreams", [])
	not workstream.lead in ids
	not unset(workstream.lead)
}

bad_refs contains [["action_plan", i, "owner"], action.owner] if {
	ids := lib.partner_ids
	some i, action in object.get(input, "action_plan", [])
	not action.owner in ids
	not unset(action.owner)
}

bad_refs contains [["monitoring", "measures", i, "owner"], measure.owner] if {
	ids := lib.partner_ids
	some i, measure in object.get(input, ["monitoring", "measures"], [])
	not measure.owner in ids
	not unset(measure.owner)
}

bad_refs contains [["monitoring", "owner"], ref] if {
	ref := input.monitoring.owner
	not ref in lib.partner_ids
	not unset(ref)
}

bad_refs contains [["funding", "sources", i, "partner"], source.partner] if {
	ids := lib.partner_ids
	some i, source in object.get(input, ["funding", "sources"], [])
	not source.partner in ids
	not unset(source.partner)
}

bad_refs contains [["monitoring", "efficiencies", i, "partners", j], ref] if {
	ids := lib.partner_ids
	some i, efficiency in object.get(input, ["monitoring", "efficiencies"], [])
	some j, ref in object.get(efficiency, "partners", [])
	not ref in ids
	not unset(ref)
}

# unset is true for a reference that is missing or blank: the schema and the
# rules that require the field report those.
unset(value) if value == null

unset(value) if {
	is_string(value)
	trim_space(value) == ""
}

deny contains lib.finding(pointer(path), msg) if {
	some [path, ref] in bad_refs
	msg := sprintf("%s %s is not one of the partners", [field(path), json.marshal(ref)])
}

# pointer spells a path as a JSON pointer: /purpose/agreed_by/0.
pointer(path) := concat("", [sprintf("/%v", [key]) | some key in path])

# field spells a path as the descriptor's field: purpose.agreed_by[0].
field(path) := concat("", [part |
	some n, key in path
	part := field_part(n, key)
])

field_part(_, key) := sprintf("[%d]", [key]) if is_number(key)

field_part(0, key) := key if is_string(key)

field_part(n, key) := concat("", [".", key]) if {
	n > 0
	is_string(key)
}

workstream_ids contains workstream.id if {
	some workstream in object.get(input, "workstreams", [])
}

deny contains lib.finding(sprintf("/action_plan/%d/workstream", [i]), msg) if {
	ids := workstream_ids
	some i, action in object.get(input, "action_plan", [])
	ref := action.workstream
	not ref in ids
	not unset(ref)
	msg := sprintf("action_plan[%d].workstream %s is not one of the workstreams", [i, json.marshal(ref)])
}

# Only a descriptor with fewer distinct partner ids than partners has a
# duplicate, so the pairwise search runs only then.
deny contains lib.finding(sprintf("/partners/%d/id", [j]), msg) if {
	count(lib.partner_ids) < count(input.partners)
	some j, partner in input.partners
	first := min({i | some i, other in input.partners; other.id == partner.id})
	first < j
	msg := sprintf("partners[%d].id %s is already the id of partners[%d]; each partner needs an id of its own", [j, json.marshal(partner.id), first])
}

# national_outcomes are the Scottish Government's 15 national outcomes (2007).
national_outcomes := {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"}

deny contains lib.finding(pointer, msg) if {
	some i, link in object.get(input, ["purpose", "outcome_links"], [])
	link.framework == "national_outcome"
	ref := object.get(link, "ref", null)
	not ref in national_outcomes
	pointer := outcome_ref_pointer(i, link)
	msg := sprintf("purpose.outcome_links[%d].ref %s is not a national outcome: use one of \"1\" to \"15\"", [i, json.marshal(ref)])
}

outcome_ref_pointer(i, link) := sprintf("/purpose/outcome_links/%d/ref", [i]) if lib.has(link, "ref")

else := sprintf("/purpose/outcome_links/%d", [i])
