# METADATA
# title: Unique descriptor ids
# description: >-
#   Runs once over every descriptor checked together (input.documents). Fails
#   with one finding per id that two or more descriptors share, located at the
#   /id of each of those descriptors and naming their files in run order.
#   Descriptors whose id is missing or not a string are ignored. Passes when
#   every id is used once; gives nothing when the input has no documents (a
#   single descriptor, as conftest runs it).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: unique-ids
#   theme: registry
#   severity: fail
#   levels: [fail]
#   remediation: >-
#     Give each descriptor an id of its own. Other descriptors name a
#     partnership by its id (governance.reports_to), and the registry checks
#     can only see which partnerships overlap, share people or report to one
#     another when every id names exactly one descriptor. If two files
#     describe the same partnership, keep one of them.
#   params: {}
package cgcheck.registry.unique_ids

# documents is the registry: one summary per descriptor checked.
documents := input.documents if is_array(input.documents)

else := []

# ids is the set of ids in use.
ids := {id |
	some d in documents
	id := object.get(d, "id", null)
	is_string(id)
}

# holders maps each id to the set of positions of the documents that use it.
# Iterating the distinct ids, with an inner comprehension OPA indexes by id,
# keeps the rule linear in the number of documents (a partial object rule, or
# iterating the documents themselves, would not be).
holders := {id: positions |
	some id in ids
	positions := {i | some i, e in documents; e.id == id}
}

deny contains {"msg": msg, "locations": locations} if {
	some id, positions in holders
	count(positions) > 1
	ordered := sort(positions)
	locations := [{"index": object.get(documents[i], "index", i), "pointer": "/id"} | some i in ordered]
	files := [file(i) | some i in ordered]
	msg := sprintf("id %q is used by %d descriptors: %s", [id, count(ordered), concat(", ", files)])
}

# file names the document at position i: its file, or its place in the run.
file(i) := f if {
	f := documents[i].file
	is_string(f)
} else := sprintf("document %d", [i])
