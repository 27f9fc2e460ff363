package cgcheck.registry.unique_ids_test

import data.cgcheck.registry.harness
import data.cgcheck.registry.unique_ids

# registry turns [file, descriptor] pairs into the rule's input as cgcheck
# builds it.
registry(entries) := harness.input_for(
	[doc |
		some [file, d] in entries
		facts := unique_ids.facts with input as d
		doc := {"file": file, "id": object.get(d, "id", null), "facts": facts}
	],
	2, set(),
)

descriptor(id) := {"id": id, "status": "active", "area": "Inverclyde", "governance": {"reports_to": "inverclyde-cpp"}}

test_facts_of_a_descriptor if {
	unique_ids.facts == {{"key": "korsakoff", "pointer": "/id"}} with input as descriptor("korsakoff")
	count(unique_ids.facts) == 0 with input as {"id": 7}
	count(unique_ids.facts) == 0 with input as {}
}

test_nothing_without_a_registry if {
	# A single descriptor, as conftest runs it, or no groups at all.
	count(unique_ids.deny) == 0 with input as descriptor("korsakoff")
	count(unique_ids.deny) == 0 with input as {}
	count(unique_ids.deny) == 0 with input as {"groups": {}, "documents": {}}
}

test_pass_with_distinct_ids if {
	reg := registry([
		["reg/a.yaml", descriptor("civic-centre")],
		["reg/b.yaml", descriptor("korsakoff")],
		["reg/c.yaml", descriptor("civic-centre-2")],
	])
	count(unique_ids.deny) == 0 with input as reg
}

test_fail_when_two_descriptors_share_an_id if {
	reg := registry([
		["reg/a.yaml", descriptor("civic-centre")],
		["reg/b.yaml", descriptor("korsakoff")],
		["reg/c.yaml", descriptor("civic-centre")],
	])
	[f] := [f | some f in unique_ids.deny] with input as reg
	f.msg == `id "civic-centre" is used by 2 descriptors: reg/a.yaml, reg/c.yaml`
	f.locations == [{"index": 0, "pointer": "/id"}, {"index": 2, "pointer": "/id"}]
}

test_one_finding_per_shared_id if {
	reg := registry([
		["reg/a.yaml", descriptor("civic-centre")],
		["reg/b.yaml", descriptor("korsakoff")],
		["reg/c.yaml", descriptor("civic-centre")],
		["reg/d.yaml", descriptor("korsakoff")],
		["reg/e.yaml", descriptor("civic-centre")],
		["reg/f.yaml", descriptor("youth-work")],
	])
	findings := unique_ids.deny with input as reg
	count(findings) == 2
	some civic in findings
	civic.msg == `id "civic-centre" is used by 3 descriptors: reg/a.yaml, reg/c.yaml, reg/e.yaml`
	civic.locations == [{"index": 0, "pointer": "/id"}, {"index": 2, "pointer": "/id"}, {"index": 4, "pointer": "/id"}]
	some korsakoff in findings
	korsakoff.msg == `id "korsakoff" is used by 2 descriptors: reg/b.yaml, reg/d.yaml`
	korsakoff.locations == [{"index": 1, "pointer": "/id"}, {"index": 3, "pointer": "/id"}]
}

test_missing_ids_are_not_shared if {
	reg := registry([
		["reg/a.yaml", {"status": "active"}],
		["reg/b.yaml", {"status": "active"}],
		["reg/c.yaml", descriptor("korsakoff")],
	])
	count(unique_ids.deny) == 0 with input as reg
}

test_ids_compared_exactly if {
	# The schema allows only lower-case ids; the rule does not fold them.
	reg := registry([["reg/a.yaml", descriptor("korsakoff")], ["reg/b.yaml", descriptor("Korsakoff")]])
	count(unique_ids.deny) == 0 with input as reg
}

# Hundreds of descriptors under one id: the message names five files and
# counts the rest; the locations name them all.
test_many_holders_name_five_and_count_the_rest if {
	reg := registry([[sprintf("reg/%03d.yaml", [i]), {"id": "same"}] | some i in numbers.range(1, 300)])
	[f] := [f | some f in unique_ids.deny] with input as reg
	startswith(
		f.msg,
		concat(" ", [
			`id "same" is used by 300 descriptors: reg/001.yaml, reg/002.yaml, reg/003.yaml,`,
			`reg/004.yaml, reg/005.yaml and 295 more`,
		]),
	)
	count(f.locations) == 300
}

# Many duplicates, small enough for stock `opa test`; 10,000 descriptors are
# in testdata/rego-load.
test_many_duplicates_one_finding_each if {
	reg := {
		"groups": {sprintf("p%d", [j]): [{"document": j, "pointer": "/id"}, {"document": j + 200, "pointer": "/id"}] |
			some j in numbers.range(0, 199)
		},
		"documents": {i: {
			"file": sprintf("reg/%d.yaml", [i]),
			"id": sprintf("p%d", [i % 200]),
		} |
			some i in numbers.range(0, 399)
		},
	}
	findings := unique_ids.deny with input as reg
	count(findings) == 200
	some f in findings
	f.msg == `id "p199" is used by 2 descriptors: reg/199.yaml, reg/399.yaml`
}
