package cgcheck.registry.overlapping_partnerships_test

import data.cgcheck.registry.overlapping_partnerships

# Load shapes of policies/cgcheck/registry/overlapping_partnerships/overlapping_partnerships_test.rego, run by policies_test.go's
# TestRego with the rest of the suite (and a generous timeout): they build
# registries of thousands of descriptors, which takes longer than stock
# `opa test`'s 5 s per test on a busy machine. The same package as the
# unit tests, so their helpers are in scope; smaller copies stay there.

test_large_registry_is_grouped_at_scale if {
	# 5,000 descriptors in 2,500 overlapping pairs. (Built directly: the
	# harness groups in quadratic time.)
	reg := {
		"groups": {sprintf("group%d", [j]): [f |
			some d in [j, j + 2500]
			f := {"document": d, "pointer": "/client_groups/0/name", "area": "Inverclyde", "group": sprintf("group%d", [j]), "framework": "national_outcome", "ref": "6"}
		] |
			some j in numbers.range(0, 2499)
		},
		"documents": {i: {"file": sprintf("reg/p%d.yaml", [i]), "id": sprintf("p%d", [i])} | some i in numbers.range(0, 4999)},
	}
	findings := overlapping_partnerships.warn with input as reg
	count(findings) == 2500
}

test_one_large_group_is_one_finding_at_scale if {
	# 3,000 descriptors all in one area, serving one client group towards
	# two outcomes: two keys with the same members, so one finding.
	reg := {
		"groups": {
			"fife\ncarers\nnpf\nhealth": [big_fact(d, "health") | some d in numbers.range(0, 2999)],
			"fife\ncarers\nnpf\ncommunities": [big_fact(d, "communities") | some d in numbers.range(0, 2999)],
		},
		"documents": {i: {"file": sprintf("reg/p%d.yaml", [i]), "id": sprintf("p%d", [i])} | some i in numbers.range(0, 2999)},
	}
	[f] := [f | some f in overlapping_partnerships.warn] with input as reg
	count(f.locations) == 3000
	contains(f.msg, "and 2995 more")
}
