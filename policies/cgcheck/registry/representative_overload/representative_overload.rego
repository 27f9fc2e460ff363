# METADATA
# title: No one stretched across too many partnerships
# description: >-
#   Runs once over every descriptor checked together. Counts,
#   for each representative (partners[].representative.person, compared
#   case-insensitively and ignoring surrounding spaces), the distinct
#   descriptors not closed on which that person represents a partner; the same
#   person twice in one descriptor counts once, and closed descriptors are not
#   counted. Warns, with one finding per person, when the count is more than
#   max_seats_per_person (default 4): exactly max_seats_per_person passes. The
#   finding is located at the person's first representative entry in each of
#   those descriptors and names them. Gives nothing for a single descriptor
#   (as conftest runs it).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: representative-overload
#   theme: registry
#   severity: warn
#   levels: [warn]
#   section: Appendix 1 Summary Literature Review
#   quote: release of organisational capacity
#   remediation: >-
#     Consider whether this person needs a seat on every one of these
#     partnerships, or whether a colleague with the right delegated authority
#     could represent the organisation on some of them, or some of the groups
#     could be combined. The study notes that collaboration depends on the
#     release of organisational capacity: people spread across many groups
#     have little time left for the work each group exists to deliver.
#   plain:
#     pass: >-
#       No one represents a partner on too many partnerships.
#     warn: >-
#       Some people sit on so many partnerships that their time may be
#       stretched.
#   question: >-
#     Can the load on these people be shared, or some of these groups be
#     combined?
#   params:
#     max_seats_per_person:
#       default: 4
#       type: integer
#       minimum: 0
#       description: Warn when one person represents a partner on more descriptors not closed than this.
package cgcheck.registry.representative_overload

import data.cgcheck.lib

max_seats := lib.param(rego.metadata.chain(), "max_seats_per_person")

# facts: one seat per representative entry of a descriptor that is not
# closed, keyed by the person's name folded to lower case without
# surrounding spaces (input is one descriptor).
facts contains {"key": lower(name), "pointer": pointer, "person": person} if {
	object.get(input, "status", null) != "closed"
	some i, partner in object.get(input, "partners", [])
	person := partner.representative.person
	is_string(person)
	name := trim_space(person)
	name != "" # (in place of not lib.blank(person): this runs for every partner)
	pointer := sprintf("/partners/%d/representative/person", [i])
}

# per_key: each finding is drawn from one key, whose facts come from
# exactly the documents it names, so cgcheck may judge a large registry a
# part at a time, and when a few files are checked against a whole registry
# (check --registry) it passes only the keys that hold one of those files.
per_key := true

# min_group: a person needs more than max_seats seats to be over-committed,
# so cgcheck passes only the people with at least that many.
min_group := max_seats + 1

warn contains {"msg": msg, "locations": locations} if {
	some group in input.groups

	# The person's seats by document and partner order; each document is
	# located at its first.
	seats := sort([[f.document, to_number(split(f.pointer, "/")[2]), f.pointer, f.person] | some f in group])
	firsts := [seat | some i, seat in seats; lib.first_of_run(seats, i)]
	count(firsts) > max_seats
	locations := [{"index": d, "pointer": pointer} | some [d, _, pointer, _] in firsts]
	person := trim_space(firsts[0][3])
	msg := sprintf(
		"representative %q sits on %d partnerships that are not closed, more than max_seats_per_person (%d): %s",
		[person, count(firsts), max_seats, lib.some_of([name(d) | some [d, _, _, _] in firsts])],
	)
}

# name names document d by its id and its file.
name(d) := sprintf("%s (%s)", [input.documents[d].id, input.documents[d].file])
