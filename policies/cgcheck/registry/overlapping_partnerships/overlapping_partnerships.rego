# METADATA
# title: No overlapping partnerships
# description: >-
#   Runs once over every descriptor checked together (input.documents). Warns,
#   with one finding per pair of descriptors, when two descriptors, neither of
#   them closed, are in the same area (compared case- and space-insensitively;
#   a blank area matches nothing), share a client group name (compared case-
#   and space-insensitively) and share an outcome link (the same framework and
#   ref). The finding names both ids, the area and every client group and
#   outcome link they share, and is located at the first shared client group
#   in each of the two descriptors. Passes when no such pair exists; gives
#   nothing when the input has no documents (a single descriptor, as conftest
#   runs it).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: overlapping-partnerships
#   theme: registry
#   severity: warn
#   levels: [warn]
#   section: Context
#   quote: Small numerous partnerships distract, overlap, conflict and duplicate effort
#   remediation: >-
#     Look at the two partnerships together: they serve the same people in the
#     same area towards the same outcome. Consider merging them, bringing one
#     under the other as a strand of work, or agreeing and recording how their
#     remits differ. The study warns that small numerous partnerships
#     distract, overlap, conflict and duplicate effort; de-cluttering the
#     partnership landscape frees partners' time and resources for the
#     outcomes themselves.
#   params: {}
package cgcheck.registry.overlapping_partnerships

# documents is the registry: one summary per descriptor checked.
documents := input.documents if is_array(input.documents)

else := []

# entries has one [area, client group, framework, ref] key and position per
# client group and outcome link of each descriptor that is not closed and has
# an area.
entries := [[[area, g.key, l.framework, l.ref], i] |
	some i, d in documents
	object.get(d, "status", null) != "closed"
	area := object.get(d, "area_key", "")
	is_string(area)
	area != ""
	some g in object.get(d, "client_groups", [])
	is_string(g.key)
	g.key != ""
	some l in object.get(d, "outcome_links", [])
	is_string(l.framework)
	is_string(l.ref)
]

# groups maps each key to the positions of the descriptors that have it.
# Iterating the distinct keys, with an inner comprehension OPA indexes by key,
# keeps the rule linear in the number of documents (a partial object rule, or
# iterating entries itself, would not be).
groups := {key: positions |
	some key in {e[0] | some e in entries}
	positions := {e[1] | some e in entries; e[0] == key}
}

# pairs holds each overlapping pair once, as the number i * count(documents)
# + j for positions i < j. (A set of [i, j] arrays would be slow: OPA hashes
# an array of numbers as the sum of the numbers, so pairs collide.)
pairs := {pair |
	some positions in groups
	count(positions) > 1
	some i in positions
	some j in positions
	i < j
	pair := (i * count(documents)) + j
}

warn contains {"msg": msg, "locations": locations} if {
	some pair in pairs
	i := floor(pair / count(documents))
	j := pair % count(documents)
	a := documents[i]
	b := documents[j]
	keys_b := {g.key | some g in b.client_groups}
	shared_groups := [g | some g in a.client_groups; g.key != ""; keys_b[g.key]]
	links_b := {[l.framework, l.ref] | some l in b.outcome_links}
	shared_links := {sprintf("%s %s", [l.framework, l.ref]) | some l in a.outcome_links; links_b[[l.framework, l.ref]]}
	first := shared_groups[0]
	locations := [
		{"index": object.get(a, "index", i), "pointer": first.pointer},
		{"index": object.get(b, "index", j), "pointer": [g.pointer | some g in b.client_groups; g.key == first.key][0]},
	]
	group_names := {sprintf("%q", [g.name]) | some g in shared_groups}
	msg := sprintf(
		"%s and %s are both in area %q and share client %s %s and outcome %s %s; the two partnerships may overlap or duplicate effort",
		[
			name(i), name(j), object.get(a, "area", ""),
			plural(group_names, "group"), concat(", ", group_names),
			plural(shared_links, "link"), concat(", ", shared_links),
		],
	)
}

# plural writes noun, or its plural when there is more than one item.
plural(items, noun) := noun if count(items) == 1

else := concat("", [noun, "s"])

# name names the document at position i: its id (quoted) and its file.
name(i) := sprintf("%q (%s)", [id, file(i)]) if {
	id := documents[i].id
	is_string(id)
} else := file(i)

# file names the document at position i: its file, or its place in the run.
file(i) := f if {
	f := documents[i].file
	is_string(f)
} else := sprintf("document %d", [i])
