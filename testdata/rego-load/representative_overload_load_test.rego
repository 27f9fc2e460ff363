package cgcheck.registry.representative_overload_test

import data.cgcheck.registry.representative_overload

# Load shapes of policies/cgcheck/registry/representative_overload/representative_overload_test.rego, run by policies_test.go's
# TestRego with the rest of the suite (and a generous timeout): they build
# registries of thousands of descriptors, which takes longer than stock
# `opa test`'s 5 s per test on a busy machine. The same package as the
# unit tests, so their helpers are in scope; smaller copies stay there.

test_large_registry_is_grouped_at_scale if {
	# 5,000 descriptors, 1,000 people on five each. (Built directly: the
	# harness groups in quadratic time.)
	reg := {
		"groups": {sprintf("person %d", [j]): [f |
			some k in numbers.range(0, 4)
			f := {"document": j + (1000 * k), "pointer": "/partners/0/representative/person", "person": sprintf("Person %d", [j])}
		] |
			some j in numbers.range(0, 999)
		},
		"documents": {i: {"file": sprintf("reg/p%d.yaml", [i]), "id": sprintf("p%d", [i])} | some i in numbers.range(0, 4999)},
	}
	findings := representative_overload.warn with input as reg
	count(findings) == 1000
}
