package cgcheck.registry.reporting_cycle_test

import data.cgcheck.registry.reporting_cycle

# Load shapes of policies/cgcheck/registry/reporting_cycle/reporting_cycle_test.rego, run by policies_test.go's
# TestRego with the rest of the suite (and a generous timeout): they build
# registries of thousands of descriptors, which takes longer than stock
# `opa test`'s 5 s per test on a busy machine. The same package as the
# unit tests, so their helpers are in scope; smaller copies stay there.

test_long_chain_passes_quickly_at_scale if {
	# 10,000 descriptors, each reporting to the next and the last to a board:
	# a reachability search per descriptor would take 50 million steps.
	count(reporting_cycle.deny) == 0 with input as chain(10000, "Council")
}

test_many_lines_into_one_descriptor_pass_quickly_at_scale if {
	# 10,000 descriptors: every other one reports to p0, which reports to a
	# board (the rest report to boards, so cgcheck never passes them).
	reporters := [i | some i in numbers.range(1, 9999); i % 2 == 1]
	reg := {
		"groups": {"p0": array.concat([node(0)], [edge(i) | some i in reporters])},
		"documents": {i: {"file": sprintf("reg/p%d.yaml", [i]), "id": sprintf("p%d", [i])} | some i in array.concat([0], reporters)},
	}
	count(reporting_cycle.deny) == 0 with input as reg
}

test_long_cycle_fails_once_at_scale if {
	# 2,000 descriptors in one cycle: found with pointer doubling, not by
	# walking from each descriptor.
	[f] := [f | some f in reporting_cycle.deny] with input as chain(2000, "p0")

	# The message shows the first steps and the way back; the locations
	# list every member in order.
	f.msg == "governance.reports_to forms a cycle of 2000: p0 -> p1 -> p2 -> p3 -> p4 -> ... 1995 more ... -> p0 (reg/p0.yaml, reg/p1.yaml, reg/p2.yaml, reg/p3.yaml, reg/p4.yaml and 1995 more); no line of reporting leads out of it"
	f.locations == at(numbers.range(0, 1999))
}

test_long_chain_into_a_short_cycle_at_scale if {
	# 3,000 descriptors reporting along a chain into a cycle of the last two.
	[f] := [f | some f in reporting_cycle.deny] with input as chain(3000, "p2998")
	startswith(f.msg, "governance.reports_to forms a cycle of 2: p2998 -> p2999 -> p2998 (")
	f.locations == at([2998, 2999])
}

test_long_chain_with_a_list_passes_quickly_at_scale if {
	# 10,000 descriptors in a chain ending at a board, the first also
	# reporting to p2 through a list: the one branching descriptor costs two
	# searches, not one per descriptor.
	base := chain(10000, "Council")
	reg := {"groups": object.union(base.groups, {"p2": array.concat(base.groups.p2, [edge(0)])}), "documents": base.documents}
	count(reporting_cycle.deny) == 0 with input as reg
}

test_long_cycle_through_a_list_at_scale if {
	# 3,000 descriptors in one cycle; p0 also reports to p5.
	base := chain(3000, "p0")
	reg := {"groups": object.union(base.groups, {"p5": array.concat(base.groups.p5, [edge(0)])}), "documents": base.documents}
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	startswith(f.msg, "governance.reports_to forms a cycle among 3000 partnerships: p0, p1, p2, ")
	count(f.locations) == 3000
}
