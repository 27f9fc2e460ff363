# METADATA
# title: No overlapping partnerships
# description: >-
#   Runs once over every descriptor checked together. Warns,
#   with one finding per pair of descriptors, when two descriptors, neither of
#   them closed, are in the same area (compared case- and space-insensitively;
#   where area is a list, descriptor revision 2, any of its entries; a blank
#   area or entry matches nothing), share a client group name (compared case-
#   and space-insensitively) and share an outcome link (the same framework and
#   ref). The finding names both ids, an area they share and every client
#   group and outcome link they share, and is located at the first shared
#   client group in each of the two descriptors. Passes when no such pair
#   exists; gives nothing for a single descriptor (as conftest runs it).
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

# facts: one per client group and outcome link of a descriptor that is not
# closed and has an area, keyed by area, client group (both folded to lower
# case without spaces), framework and ref: two descriptors overlap when they
# share a key. The parts are joined with line breaks, which none but the
# last can hold, so they never run together (input is one descriptor).
facts contains fact if {
	object.get(input, "status", null) != "closed"
	some area in areas
	area_key := fold(area)
	area_key != ""
	some i, group in object.get(input, "client_groups", [])
	group_key := fold(group.name)
	group_key != ""
	pointer := sprintf("/client_groups/%d/name", [i])
	some link in object.get(input, ["purpose", "outcome_links"], [])
	is_string(link.framework)
	is_string(link.ref)
	fact := {
		"key": concat("\n", [area_key, group_key, link.framework, link.ref]),
		"pointer": pointer,
		"area": area,
		"group": group.name,
		"framework": link.framework,
		"ref": link.ref,
	}
}

# fold compares names case- and space-insensitively.
fold(s) := regex.replace(lower(s), `\s+`, "") if is_string(s)

# areas are the descriptor's area or, in descriptor revision 2, each of its
# areas (a partnership spanning two council areas overlaps with those in
# either).
areas := input.area if is_array(input.area)

else := [input.area]

# shared lists, for every key two documents share, the pair ("i j", the
# lower document number first) and the key.
shared := [[pair, key] |
	some key, group in input.groups
	some a in group
	some b in group
	a.document < b.document
	pair := sprintf("%d %d", [a.document, b.document])
]

# overlaps maps each overlapping pair to the keys it shares (OPA indexes the
# inner comprehension by pair, so this stays linear).
overlaps := {pair: keys |
	some pair in {p | some [p, _] in shared}
	keys := {k | some [q, k] in shared; q == pair}
}

warn contains {"msg": msg, "locations": locations} if {
	some pair, keys in overlaps
	[i, j] := [to_number(n) | some n in split(pair, " ")]

	# The facts of the first document under the shared keys, in client group
	# order; the finding is located at the first of them in each document.
	mine := sort([[group_index(f), k, f] | some k in keys; some f in input.groups[k]; f.document == i])
	[_, first_key, first] := mine[0]
	theirs := sort([[group_index(f), f] | some f in input.groups[first_key]; f.document == j])
	locations := [{"index": i, "pointer": first.pointer}, {"index": j, "pointer": theirs[0][1].pointer}]

	group_names := {sprintf("%q", [f.group]) | some [_, _, f] in mine}
	links := {sprintf("%s %s", [f.framework, f.ref]) | some [_, _, f] in mine}
	msg := sprintf(
		"%s and %s are both in area %q and share client %s %s and outcome %s %s; the two partnerships may overlap or duplicate effort",
		[
			name(i), name(j), first.area,
			plural(group_names, "group"), concat(", ", group_names),
			plural(links, "link"), concat(", ", links),
		],
	)
}

# group_index reads the client group's index from its pointer
# (/client_groups/<i>/name).
group_index(f) := to_number(split(f.pointer, "/")[2])

plural(items, noun) := noun if count(items) == 1

else := concat("", [noun, "s"])

# name names document d by its id and its file.
name(d) := sprintf("%q (%s)", [input.documents[d].id, input.documents[d].file])
