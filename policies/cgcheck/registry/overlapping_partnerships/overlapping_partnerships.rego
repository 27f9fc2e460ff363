# METADATA
# title: No overlapping partnerships
# description: >-
#   Runs once over every descriptor checked together. Two descriptors, neither
#   of them closed, overlap when they are in the same area (compared case- and
#   space-insensitively; where area is a list, descriptor revision 2, any of
#   its entries; a blank area or entry matches nothing), share a client group
#   name (compared case- and space-insensitively) and share an outcome link
#   (the same framework and ref). Each such shared area, client group and link
#   is a key; the descriptors that share a key are its members. Warns once per
#   set of members: all the keys whose members are exactly the same
#   descriptors give one finding, which names every member (id and file,
#   located at its first shared client group, in run order) and every area,
#   client group and outcome link they share. The message names the first
#   five members and says how many more there are. The number of findings
#   and the work grow with the number of descriptors, never with its square.
#   Passes when no two descriptors overlap; gives nothing for a single
#   descriptor (as conftest runs it).
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
#     Look at these partnerships together: they serve the same people in the
#     same area towards the same outcome. Consider merging them, bringing one
#     under the other as a strand of work, or agreeing and recording how their
#     remits differ. The study warns that small numerous partnerships
#     distract, overlap, conflict and duplicate effort; de-cluttering the
#     partnership landscape frees partners' time and resources for the
#     outcomes themselves.
#   plain:
#     pass: >-
#       No two partnerships serve the same people in the same area towards
#       the same outcome.
#     warn: >-
#       Some partnerships serve the same people in the same area towards
#       the same outcome, and may duplicate effort.
#   question: >-
#     Could these partnerships be brought together, or their remits made
#     distinct?
#   params: {}
package cgcheck.registry.overlapping_partnerships

import data.cgcheck.lib

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

# per_key: a finding is drawn from keys whose facts come from exactly the
# members it names, so cgcheck may judge a large registry a set of members
# at a time, and when a few files are checked against a whole registry
# (check --registry) it passes only the keys that hold one of those files.
per_key := true

# members maps each key that two or more descriptors share to those
# descriptors' numbers, sorted.
members := {key: docs |
	some key, group in input.groups
	docs := sort({f.document | some f in group})
	count(docs) > 1
}

# by_members lists [members, key] pairs sorted, so that the keys with the
# same members are next to each other.
by_members := sort([[docs, key] | some key, docs in members])

# starts are the places in by_members where another set of members begins,
# and bounds the same with the end of the list.
starts := [i | some i, _ in by_members; lib.first_of_run(by_members, i)]

bounds := array.concat(starts, [count(by_members)])

# overlaps maps each set of overlapping descriptors to the keys that give
# exactly that set: a slice of by_members between two bounds. (Sorting and
# slicing keep this n log n in the number of keys; looking each set's keys
# up in a comprehension would rely on OPA indexing it.)
overlaps := {docs: keys |
	some j, start in starts
	docs := by_members[start][0]
	keys := {k | some [_, k] in array.slice(by_members, start, bounds[j + 1])}
}

warn contains {"msg": msg, "locations": locations} if {
	some docs, keys in overlaps

	# Every fact under the keys, by document and client group order; each
	# document is located at the first of its own.
	ordered := sort([[f.document, group_index(f), f.pointer] |
		some k in keys
		some f in input.groups[k]
	])
	locations := [{"index": d, "pointer": pointer} |
		some i, [d, _, pointer] in ordered
		lib.first_of_run(ordered, i)
	]

	# Each key's words as the first member wrote them.
	firsts := [input.groups[k][0] | some k in keys]
	area_names := {sprintf("%q", [f.area]) | some f in firsts}
	group_names := {sprintf("%q", [f.group]) | some f in firsts}
	links := {lib.outcome_label(f.framework, f.ref) | some f in firsts}
	msg := sprintf(
		concat(" ", [
			"%d partnerships in %s %s serve the same client %s (%s) towards the same %s (%s): %s.",
			"They may overlap or duplicate effort",
		]),
		[
			count(docs), plural(area_names, "area"), concat(", ", sort(area_names)),
			plural(group_names, "group"), concat(", ", sort(group_names)),
			plural(links, "outcome"), concat("; ", sort(links)),
			lib.some_of([name(d) | some d in docs]),
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
