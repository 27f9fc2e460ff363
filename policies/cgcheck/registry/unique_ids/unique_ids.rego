# METADATA
# title: Unique descriptor ids
# description: >-
#   Runs once over every descriptor checked together. Fails with one finding
#   per id that two or more descriptors share, located at the /id of each of
#   those descriptors and naming their files in run order. Descriptors whose
#   id is missing or not a string are ignored. Passes when every id is used
#   once; gives nothing for a single descriptor (as conftest runs it).
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
#   plain:
#     pass: >-
#       Every partnership has its own identifier.
#     fail: >-
#       Two or more partnership records share one identifier.
#   question: >-
#     Which record is the real one, and can the other be given its own
#     identifier?
#   params: {}
package cgcheck.registry.unique_ids

import data.cgcheck.lib

# facts: a descriptor's id, keyed by itself (input is one descriptor).
facts contains {"key": input.id, "pointer": "/id"} if is_string(input.id)

# per_key: each finding is drawn from one key, whose facts come from
# exactly the documents it names, so cgcheck may judge a large registry a
# part at a time, and when a few files are checked against a whole registry
# (check --registry) it passes only the keys that hold one of those files.
per_key := true

# input.groups holds only the ids that two or more facts share: the
# duplicates, found by cgcheck in one pass over the registry.
deny contains {"msg": msg, "locations": locations} if {
	some id, group in input.groups
	holders := sort({f.document | some f in group})
	count(holders) > 1
	locations := [{"index": d, "pointer": "/id"} | some d in holders]
	files := [input.documents[d].file | some d in holders]
	msg := sprintf("id %q is used by %d descriptors: %s", [id, count(holders), lib.some_of(files)])
}
