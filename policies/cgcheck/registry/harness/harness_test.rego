# The registry input exactly as cgcheck builds it (internal/registry), for the
# registry rules' tests, so each test runs its rule as a real run would.
package cgcheck.registry.harness

# input_for builds the input of one registry rule. docs lists the documents of
# a run in run order, each {"file", "id", "facts"}, where facts is what the
# rule's facts rule gave for that descriptor. Every fact loses its key and
# gains its document's number (and a pointer of "" if it had none); facts
# are grouped by key, and a group is kept
# only when it has at least min_group facts and a fact of every kind in
# require_kinds. documents gives the file and id of each document a kept fact
# comes from.
input_for(docs, min_group, require_kinds) := {"groups": groups, "documents": documents} if {
	keyed := [[f.key, object.union_n([{"pointer": ""}, object.remove(f, ["key"]), {"document": i}])] |
		some i, d in docs
		some f in d.facts
	]
	groups := {key: group |
		some key in {k | some [k, _] in keyed}
		group := [f | some [k, f] in keyed; k == key]
		count(group) >= min_group
		every kind in require_kinds {
			some f in group
			f.kind == kind
		}
	}
	documents := {f.document: {"file": docs[f.document].file, "id": docs[f.document].id} |
		some group in groups
		some f in group
	}
}
