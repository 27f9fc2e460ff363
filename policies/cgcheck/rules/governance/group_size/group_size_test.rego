package cgcheck.rules.governance.group_size_test

import data.cgcheck.rules.governance.group_size

# partnership has n core partners and two that are not core, which must never
# be counted.
partnership(n) := {
	"lead": {"partner": "p1", "person": "Director of Corporate Services"},
	"partners": array.concat(
		[{
			"id": sprintf("p%d", [i]),
			"name": sprintf("Partner %d", [i]),
			"role": "core",
		} |
			some i in numbers.range(1, n)
		],
		[
			{"id": "helper", "name": "Helper Trust", "role": "contributor"},
			{"id": "panel", "name": "Citizens Panel", "role": "consultee"},
		],
	),
}

test_pass_with_10_core_partners if {
	count(group_size.deny) == 0 with input as partnership(10)
	count(group_size.warn) == 0 with input as partnership(10)
}

test_warn_with_11_core_partners if {
	count(group_size.deny) == 0 with input as partnership(11)
	[f] := [f | some f in group_size.warn] with input as partnership(11)
	f.pointer == "/partners"
	startswith(f.msg, "11 core partners")
	contains(f.msg, "group_size_warn (10)")
}

test_warn_with_12_core_partners if {
	count(group_size.deny) == 0 with input as partnership(12)
	[f] := [f | some f in group_size.warn] with input as partnership(12)
	f.pointer == "/partners"
	startswith(f.msg, "12 core partners")
}

test_fail_with_13_core_partners if {
	count(group_size.warn) == 0 with input as partnership(13)
	[f] := [f | some f in group_size.deny] with input as partnership(13)
	f.pointer == "/partners"
	startswith(f.msg, "13 core partners")
	contains(f.msg, "group_size_max (12)")
}

test_non_core_partners_not_counted if {
	# 10 core partners plus many contributors and consultees.
	descriptor := json.patch(partnership(10), [
		{"op": "add", "path": "/partners/-", "value": {"id": "x1", "name": "X1", "role": "contributor"}},
		{"op": "add", "path": "/partners/-", "value": {"id": "x2", "name": "X2", "role": "contributor"}},
		{"op": "add", "path": "/partners/-", "value": {"id": "x3", "name": "X3", "role": "consultee"}},
	])
	count(group_size.deny) == 0 with input as descriptor
	count(group_size.warn) == 0 with input as descriptor
}

test_warn_param_override if {
	count(group_size.warn) == 0 with input as partnership(6) with data.cgcheck.params["group-size"].group_size_warn as 6
	[f] := [f | some f in group_size.warn] with input as partnership(7)
		with data.cgcheck.params["group-size"].group_size_warn as 6
	f.pointer == "/partners"
	contains(f.msg, "group_size_warn (6)")
}

test_max_param_override if {
	count(group_size.deny) == 0 with input as partnership(8) with data.cgcheck.params["group-size"].group_size_max as 8
	[f] := [f | some f in group_size.deny] with input as partnership(9)
		with data.cgcheck.params["group-size"].group_size_max as 8
	f.pointer == "/partners"
	contains(f.msg, "group_size_max (8)")
}

test_both_params_override if {
	params := {"group-size": {"group_size_warn": 3, "group_size_max": 4}}
	[w] := [f | some f in group_size.warn] with input as partnership(4) with data.cgcheck.params as params
	w.pointer == "/partners"
	count(group_size.deny) == 0 with input as partnership(4) with data.cgcheck.params as params
	[d] := [f | some f in group_size.deny] with input as partnership(5) with data.cgcheck.params as params
	d.pointer == "/partners"
	count(group_size.warn) == 0 with input as partnership(5) with data.cgcheck.params as params
}
