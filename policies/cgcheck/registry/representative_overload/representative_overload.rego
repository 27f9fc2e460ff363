# METADATA
# title: No one stretched across too many partnerships
# description: >-
#   Runs once over every descriptor checked together (input.documents). Counts,
#   for each representative (partners[].representative.person, compared
#   case-insensitively and ignoring surrounding spaces), the distinct
#   descriptors not closed on which that person represents a partner; the same
#   person twice in one descriptor counts once, and closed descriptors are not
#   counted. Warns, with one finding per person, when the count is more than
#   max_seats_per_person (default 4): exactly max_seats_per_person passes. The
#   finding is located at the person's first representative entry in each of
#   those descriptors and names them. Gives nothing when the input has no
#   documents (a single descriptor, as conftest runs it).
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
#   params:
#     max_seats_per_person:
#       default: 4
#       type: integer
#       minimum: 0
#       description: Warn when one person represents a partner on more descriptors not closed than this.
package cgcheck.registry.representative_overload

import data.cgcheck.lib

# documents is the registry: one summary per descriptor checked.
documents := input.documents if is_array(input.documents)

else := []

max_seats := lib.param(rego.metadata.chain(), "max_seats_per_person")

# seat_list has one [person key, position] pair per representative entry of a
# descriptor that is not closed.
seat_list := [[r.key, i] |
	some i, d in documents
	object.get(d, "status", null) != "closed"
	some r in object.get(d, "representatives", [])
	is_string(r.key)
]

# seats maps each person to the set of positions of the descriptors (not
# closed) they sit on. Iterating the distinct people, with an inner
# comprehension OPA indexes by person, keeps the rule linear in the number of
# documents (a partial object rule, or iterating seat_list itself, would not
# be).
seats := {key: positions |
	some key in {s[0] | some s in seat_list}
	positions := {s[1] | some s in seat_list; s[0] == key}
}

warn contains {"msg": msg, "locations": locations} if {
	some key, positions in seats
	count(positions) > max_seats
	ordered := sort(positions)
	locations := [{"index": object.get(documents[i], "index", i), "pointer": seat(i, key).pointer} | some i in ordered]
	person := trim_space(seat(ordered[0], key).person)
	names := [name(i) | some i in ordered]
	msg := sprintf(
		"representative %q sits on %d partnerships that are not closed, more than max_seats_per_person (%d): %s",
		[person, count(ordered), max_seats, concat(", ", names)],
	)
}

# seat is the first representative entry of the document at position i held
# by the person with the given key.
seat(i, key) := [r | some r in documents[i].representatives; r.key == key][0]

# name names the document at position i: its id and its file.
name(i) := sprintf("%s (%s)", [id, file(i)]) if {
	id := documents[i].id
	is_string(id)
} else := file(i)

# file names the document at position i: its file, or its place in the run.
file(i) := f if {
	f := documents[i].file
	is_string(f)
} else := sprintf("document %d", [i])
