package cgcheck.registry.unique_ids_test

import data.cgcheck.registry.unique_ids

# Load shapes of policies/cgcheck/registry/unique_ids/unique_ids_test.rego, run by policies_test.go's
# TestRego with the rest of the suite (and a generous timeout): they build
# registries of thousands of descriptors, which takes longer than stock
# `opa test`'s 5 s per test on a busy machine. The same package as the
# unit tests, so their helpers are in scope; smaller copies stay there.

test_large_registry_is_fast_at_scale if {
	# 10,000 descriptors, each id used twice: cgcheck groups the facts, and
	# the rule only reads the groups. (Built directly: the harness groups in
	# quadratic time.)
	reg := {
		"groups": {sprintf("p%d", [j]): [{"document": j, "pointer": "/id"}, {"document": j + 5000, "pointer": "/id"}] |
			some j in numbers.range(0, 4999)
		},
		"documents": {i: {"file": sprintf("reg/%d.yaml", [i]), "id": sprintf("p%d", [i % 5000])} | some i in numbers.range(0, 9999)},
	}
	findings := unique_ids.deny with input as reg
	count(findings) == 5000
	some f in findings
	f.msg == `id "p4999" is used by 2 descriptors: reg/4999.yaml, reg/9999.yaml`
}
