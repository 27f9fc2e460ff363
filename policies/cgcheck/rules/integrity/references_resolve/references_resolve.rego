# METADATA
# title: References resolve
# description: >-
#   Checks that every reference in the descriptor points at something that
#   exists. Fails, with one finding per bad reference at its own pointer, when
#   a partner reference is not the id of an entry of partners: lead.partner,
#   purpose.agreed_by[i], governance.senior_sponsors[i].partner,
#   workstreams[i].lead, action_plan[i].owner, monitoring.measures[i].owner,
#   monitoring.owner, funding.sources[i].partner,
#   monitoring.efficiencies[i].partners[j] or risks[i].owner; when
#   action_plan[i].workstream is not the id of an entry of workstreams; when
#   two partners share an id (one finding at each later partner's id, naming
#   the index of the first); when a purpose.outcome_links entry names a
#   framework that is not in force (the built-in npf, national_outcome, soa,
#   loip, locality_plan and other, as added to or replaced by the config
#   file's frameworks:); or when its ref is not one of its framework's
#   outcomes (a framework without an outcome list accepts any non-blank
#   text; a link without a framework is left to the schema).
#   A partner reference that is missing or blank is left to the schema and
#   the rule that requires it (single-lead, workstream-leads,
#   accountable-measures). Passes otherwise; it never skips.
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
#     needs an id of its own. Link outcomes by the framework's own refs:
#     National Performance Framework outcomes by name (npf: health,
#     communities, poverty ...), the 2007 national outcomes by number
#     (national_outcome: "1" to "15"), and your Local Outcomes Improvement
#     Plan's priorities as the config file lists them (`cgcheck frameworks`
#     shows every framework in force and its outcomes). Other checks cannot
#     be trusted until every reference resolves, so this rule cannot be
#     waived.
#   plain:
#     pass: >-
#       Everything it refers to (partners, outcomes, measures) is in the
#       proposal.
#     fail: >-
#       Some entries refer to partners, outcomes or measures that are not
#       in the proposal.
#   question: >-
#     Can the proposal be corrected so that every partner and outcome it
#     mentions is one it lists?
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

bad_refs contains [["risks", i, "owner"], risk.owner] if {
	ids := lib.partner_ids
	some i, risk in object.get(input, "risks", [])
	not risk.owner in ids
	not unset(risk.owner)
}

# unset is true for a reference that is missing or blank: the schema and the
# rules that require the field report those.
unset(null)

unset(value) if {
	is_string(value)
	trim_space(value) == ""
}

deny contains lib.finding(pointer(path), msg) if {
	some [path, ref] in bad_refs
	msg := sprintf("%s %s is not one of the partners", [field(path), json.marshal(ref)])
}

deny contains lib.finding(sprintf("/action_plan/%d/workstream", [i]), msg) if {
	some i, action in object.get(input, "action_plan", [])
	ref := action.workstream
	not ref in workstream_ids
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
	msg := sprintf(
		"partners[%d].id %s is already the id of partners[%d]; each partner needs an id of its own",
		[j, json.marshal(partner.id), first],
	)
}

deny contains lib.finding(sprintf("/purpose/outcome_links/%d/framework", [i]), msg) if {
	some i, link in object.get(input, ["purpose", "outcome_links"], [])
	name := link.framework
	not frameworks[name]
	msg := sprintf(
		concat(" ", [
			"purpose.outcome_links[%d].framework %s is not a known outcome framework; the",
			"frameworks in force are %s (a config file can add one under frameworks:; `cgcheck",
			"frameworks` lists them)",
		]),
		[i, json.marshal(name), concat(", ", sort(object.keys(frameworks)))],
	)
}

deny contains lib.finding(outcome_ref_pointer(i, link), msg) if {
	some i, link in object.get(input, ["purpose", "outcome_links"], [])
	framework := frameworks[link.framework]
	ref := object.get(link, "ref", null)
	not known_ref(framework, ref)
	msg := unknown_ref_message(i, link.framework, framework, ref)
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

# frameworks are the outcome frameworks in force (built in, or the run's:
# cgcheck merges a config file's frameworks: into them).
frameworks := lib.frameworks

# known_ref is true when ref names an outcome of the framework, or, for a
# framework without an outcome list, is any non-blank text. (One clause and
# an else: OPA tries every clause of a function, and the usual link is known
# at the first look-up.)
known_ref(framework, ref) if {
	_ = framework.outcomes[ref]
} else if {
	not lib.has(framework, "outcomes")
	is_string(ref)
	trim_space(ref) != ""
}

unknown_ref_message(i, name, framework, ref) := msg if {
	lib.has(framework, "outcomes")
	msg := sprintf(
		"purpose.outcome_links[%d].ref %s is not an outcome of %s: %s (`cgcheck frameworks` lists them all)",
		[i, json.marshal(ref), framework_label(name, framework), accepted(framework.outcomes)],
	)
} else := sprintf(
	"purpose.outcome_links[%d].ref is %s: name the %s outcome or priority the work contributes to",
	[i, unset_ref(ref), name],
)

# accepted says briefly which refs a framework's outcome list accepts: the
# first three, with their titles.
accepted(outcomes) := msg if {
	refs := ordered_refs(outcomes)
	count(refs) > 0
	shown := [sprintf("%s (%s)", [json.marshal(r), outcomes[r]]) | some r in array.slice(refs, 0, 3)]
	msg := sprintf(
		"use one of its %s, such as %s%s",
		[outcomes_count(count(refs)), concat("; ", shown), more_refs(count(refs) - 3)],
	)
} else := "its outcome list is empty, so no link to it can resolve yet"

# framework_label names a framework with its title, where it has one.
framework_label(name, framework) := sprintf("%s (%s)", [name, framework.title]) if is_string(framework.title)

else := name

# unset_ref says what stands where a ref should be, in a framework that
# accepts any text.
unset_ref(ref) := "missing" if ref == null

else := sprintf("blank (%s)", [json.marshal(ref)]) if is_string(ref)

else := sprintf("not text (%s)", [json.marshal(ref)])

# ordered_refs lists a framework's refs for a message: by number when every
# ref is a whole number ("2" before "10"), else alphabetically.
ordered_refs(outcomes) := [format_int(n, 10) | some n in sort([to_number(k) | some k, _ in outcomes])] if {
	every k, _ in outcomes {
		regex.match(`^(0|[1-9][0-9]{0,8})$`, k)
	}
} else := sort(object.keys(outcomes))

outcomes_count(1) := "1 outcome"

outcomes_count(n) := sprintf("%d outcomes", [n]) if n != 1

more_refs(n) := sprintf("; and %d more", [n]) if n > 0

else := ""

outcome_ref_pointer(i, link) := sprintf("/purpose/outcome_links/%d/ref", [i]) if lib.has(link, "ref")

else := sprintf("/purpose/outcome_links/%d", [i])
