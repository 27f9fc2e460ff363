package cgcheck.registry.reporting_cycle_test

import data.cgcheck.registry.harness
import data.cgcheck.registry.reporting_cycle

# registry turns [id, reports_to] pairs into the rule's input as cgcheck
# builds it, each descriptor in the file reg/<id>.yaml.
registry(lines) := documents([descriptor(id, reports_to) | some [id, reports_to] in lines])

documents(descriptors) := harness.input_for(
	[doc |
		some d in descriptors
		facts := reporting_cycle.facts with input as d
		doc := {"file": sprintf("reg/%s.yaml", [d.id]), "id": d.id, "facts": facts}
	],
	2, reporting_cycle.require_kinds,
)

descriptor(id, reports_to) := {
	"id": id,
	"status": "active",
	"governance": {"body": "Steering Group", "reports_to": reports_to},
}

at(indexes) := [{"index": i, "pointer": "/governance/reports_to"} | some i in indexes]

test_facts_of_a_descriptor if {
	reporting_cycle.facts == {
		{"key": "a", "kind": "node", "pointer": "/id"},
		{"key": "Council", "kind": "edge", "pointer": "/governance/reports_to"},
	} with input as descriptor("a", "Council")
	reporting_cycle.facts == {{
		"key": "a",
		"kind": "node",
		"pointer": "/id",
	}} with input as {"id": "a", "governance": {"reports_to": 3}}
	count(reporting_cycle.facts) == 0 with input as {}
}

test_only_groups_with_a_descriptor_and_a_line_to_it if {
	# Lines to boards, and ids nobody reports to, never reach the rule.
	reg := registry([["a", "b"], ["b", "Council"], ["c", "Council"]])
	object.keys(reg.groups) == {"b"}
}

test_nothing_without_a_registry if {
	count(reporting_cycle.deny) == 0 with input as descriptor("a", "a")
	count(reporting_cycle.deny) == 0 with input as {}
	count(reporting_cycle.deny) == 0 with input as {"groups": {}, "documents": {}}
}

test_pass_when_lines_end_at_boards if {
	reg := registry([
		["a", "b"],
		["b", "c"],
		["c", "Inverclyde Council"],
		["d", "c"],
		["e", "Community Planning Board"],
	])
	count(reporting_cycle.deny) == 0 with input as reg
}

test_fail_when_a_descriptor_reports_to_itself if {
	reg := registry([["a", "Council"], ["b", "b"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	f.msg == "governance.reports_to forms a cycle of 1: b -> b (reg/b.yaml); no line of reporting leads out of it"
	f.locations == at([1])
}

test_fail_on_a_cycle_shown_in_order if {
	# north -> south -> east -> north, listed from the descriptor checked first.
	reg := registry([["north", "south"], ["east", "north"], ["south", "east"], ["west", "Council"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	f.msg == concat(" ", [
		"governance.reports_to forms a cycle of 3: north -> south -> east -> north",
		"(reg/north.yaml, reg/south.yaml, reg/east.yaml); no line of reporting leads out of it",
	])
	f.locations == at([0, 2, 1])
}

test_cycle_starts_at_the_first_descriptor_checked if {
	reg := registry([["x", "Council"], ["b", "c"], ["c", "a"], ["a", "b"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	contains(f.msg, ": b -> c -> a -> b (")
	f.locations == at([1, 2, 3])
}

test_descriptors_leading_into_a_cycle_are_not_part_of_it if {
	reg := registry([["feeder", "a"], ["a", "b"], ["b", "a"], ["feeder-2", "feeder"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	contains(f.msg, "cycle of 2: a -> b -> a (reg/a.yaml, reg/b.yaml)")
	f.locations == at([1, 2])
}

test_one_finding_per_cycle if {
	reg := registry([["a", "b"], ["c", "d"], ["b", "a"], ["d", "c"], ["e", "e"], ["f", "Council"]])
	findings := reporting_cycle.deny with input as reg
	{[l.index | some l in f.locations] | some f in findings} == {[0, 2], [1, 3], [4]}
	{split(f.msg, " (")[0] | some f in findings} == {
		"governance.reports_to forms a cycle of 2: a -> b -> a",
		"governance.reports_to forms a cycle of 2: c -> d -> c",
		"governance.reports_to forms a cycle of 1: e -> e",
	}
}

test_values_that_are_not_ids_are_boards if {
	# "A" is not the id "a": ids are compared exactly.
	reg := registry([["a", "b"], ["b", "A"], ["c", ""]])
	count(reporting_cycle.deny) == 0 with input as reg
}

test_missing_reports_to_ends_the_line if {
	reg := documents([
		descriptor("a", "b"),
		{"id": "b", "status": "active", "governance": {"body": "Steering Group"}},
		{"id": "c", "status": "active"},
	])
	count(reporting_cycle.deny) == 0 with input as reg
}

test_shared_id_followed_to_the_first_descriptor if {
	# Two descriptors are called "b" (unique-ids fails); reports_to "b" leads
	# to the first of them, which reports to a board.
	reg := registry([["a", "b"], ["b", "Council"], ["b", "a"]])
	count(reporting_cycle.deny) == 0 with input as reg

	# Here the first "b" closes the cycle.
	reg2 := registry([["a", "b"], ["b", "a"], ["b", "Council"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg2
	contains(f.msg, "a -> b -> a (reg/a.yaml, reg/b.yaml)")
	f.locations == at([0, 1])
}

# chain has n descriptors p0 .. p(n-1), each reporting to the next; the last
# reports to end. The input is built directly, as cgcheck would group it (the
# harness groups in quadratic time): group p<k> holds p<k>'s node and the
# edge from p<k-1>, and the edge from the last descriptor joins the group of
# end when end is one of the ids. Facts are in run order, as cgcheck keeps them.
chain(n, end) := {"groups": groups, "documents": docs} if {
	docs := {i: {"file": sprintf("reg/p%d.yaml", [i]), "id": sprintf("p%d", [i])} | some i in numbers.range(0, n - 1)}
	inner := {sprintf("p%d", [k]): [edge(k - 1), node(k)] | some k in numbers.range(1, n - 1)}
	last := {end: array.concat(
		object.get(inner, end, [node(to_number(trim_prefix(end, "p")))]),
		[edge(n - 1)],
	) |
		startswith(end, "p")
	}
	groups := object.union(inner, last)
}

node(i) := {"document": i, "kind": "node", "pointer": "/id"}

edge(i) := {"document": i, "kind": "edge", "pointer": "/governance/reports_to"}

test_chain_builds_what_the_harness_builds if {
	lines := [["p0", "p1"], ["p1", "p2"], ["p2", "p3"], ["p3", "p1"]]
	reg := registry(lines)
	chain(4, "p1") == {"groups": reg.groups, "documents": reg.documents}
	reg2 := registry([["p0", "p1"], ["p1", "p2"], ["p2", "Council"]])
	chain(3, "Council") == reg2
}

# Descriptor revision 2: reports_to may be a list; every entry is an edge.
test_facts_of_a_list if {
	reporting_cycle.facts == {
		{"key": "a", "kind": "node", "pointer": "/id"},
		{"key": "ijb", "kind": "edge", "pointer": "/governance/reports_to/0"},
		{"key": "CPP Board", "kind": "edge", "pointer": "/governance/reports_to/1"},
	} with input as descriptor("a", ["ijb", "CPP Board"])
	reporting_cycle.facts == {{"key": "a", "kind": "node", "pointer": "/id"}} with input as descriptor("a", [3, null])
}

test_pass_when_lists_end_at_boards if {
	reg := registry([["adp", ["ijb", "cpp"]], ["ijb", "NHS Board"], ["cpp", ["Council", "NHS Board"]]])
	count(reporting_cycle.deny) == 0 with input as reg
}

test_fail_on_a_cycle_through_a_list_entry if {
	# adp reports to the IJB and to the CPP board; the CPP board reports
	# back to adp through its second entry.
	reg := registry([["adp", ["ijb", "cpp"]], ["ijb", "NHS Board"], ["cpp", ["Council", "adp"]]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	f.msg == concat(" ", [
		"governance.reports_to forms a cycle among 2 partnerships: adp, cpp (reg/adp.yaml,",
		"reg/cpp.yaml); no line of reporting leads out of it",
	])
	f.locations == at([0, 2])
}

test_one_finding_per_cycle_with_lists if {
	reg := registry([["a", ["b", "x"]], ["b", "a"], ["c", ["d", "c"]], ["d", "Council"], ["x", "Board"]])
	findings := reporting_cycle.deny with input as reg
	{[l.index | some l in f.locations] | some f in findings} == {[0, 1], [2]}
}

test_a_list_repeating_one_id_is_one_edge if {
	reg := registry([["a", ["b", "b"]], ["b", "a"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	contains(f.msg, "cycle of 2: a -> b -> a")
}

test_branching_and_functional_cycles_in_one_registry if {
	# a <-> b through a list entry of a; c -> d -> c plainly; e reports to
	# both groups without being on either cycle.
	reg := registry([["a", ["b", "Council"]], ["c", "d"], ["b", "a"], ["d", "c"], ["e", ["a", "c"]]])
	findings := reporting_cycle.deny with input as reg
	{[l.index | some l in f.locations] | some f in findings} == {[0, 2], [1, 3]}
	some f in findings
	f.msg == concat(" ", [
		"governance.reports_to forms a cycle of 2: c -> d -> c (reg/c.yaml, reg/d.yaml); no",
		"line of reporting leads out of it",
	])
}

test_two_branching_descriptors_on_one_cycle_give_one_finding if {
	reg := registry([["a", ["b", "x"]], ["b", ["c", "y"]], ["c", "a"], ["x", "Board"], ["y", "Board"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	f.msg == concat(" ", [
		"governance.reports_to forms a cycle among 3 partnerships: a, b, c (reg/a.yaml,",
		"reg/b.yaml, reg/c.yaml); no line of reporting leads out of it",
	])
	f.locations == at([0, 1, 2])
}

test_branching_descriptor_reporting_to_itself if {
	reg := registry([["a", ["a", "b"]], ["b", "Council"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	f.msg == "governance.reports_to forms a cycle of 1: a -> a (reg/a.yaml); no line of reporting leads out of it"
}

test_branching_into_a_cycle_is_not_on_it if {
	reg := registry([["a", ["b", "c"]], ["b", "c"], ["c", "b"]])
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	contains(f.msg, "cycle of 2: b -> c -> b")
}

test_cycles_of_six_shown_whole_of_seven_shortened if {
	[six] := [f.msg | some f in reporting_cycle.deny] with input as chain(6, "p0")
	startswith(six, "governance.reports_to forms a cycle of 6: p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p0 (")
	[seven] := [f.msg | some f in reporting_cycle.deny] with input as chain(7, "p0")
	startswith(seven, "governance.reports_to forms a cycle of 7: p0 -> p1 -> p2 -> p3 -> p4 -> ... 2 more ... -> p0 (")
}

# cgcheck passes the cycles it found (input.cycles): the rule reports those,
# located at the pointers given, and works out none of its own.
test_cycles_given_by_cgcheck if {
	reg := object.union(chain(3, "p0"), {"cycles": [
		{
			"members": [1, 2, 0],
			"pointers": ["/governance/reports_to", "/governance/reports_to/1", "/governance/reports_to"],
			"simple": true,
		},
		{"members": [0, 2], "pointers": ["/governance/reports_to/0", "/governance/reports_to/0"], "simple": false},
	]})
	msgs := {f.msg | some f in reporting_cycle.deny} with input as reg
	msgs == {
		concat(" ", [
			"governance.reports_to forms a cycle of 3: p1 -> p2 -> p0 -> p1 (reg/p1.yaml,",
			"reg/p2.yaml, reg/p0.yaml); no line of reporting leads out of it",
		]),
		concat(" ", [
			"governance.reports_to forms a cycle among 2 partnerships: p0, p2 (reg/p0.yaml,",
			"reg/p2.yaml); no line of reporting leads out of it",
		]),
	}
	count(reporting_cycle.deny) == 0 with input as object.union(chain(3, "p0"), {"cycles": []})
	some f in reporting_cycle.deny with input as reg
	f.locations == [
		{"index": 1, "pointer": "/governance/reports_to"},
		{"index": 2, "pointer": "/governance/reports_to/1"},
		{"index": 0, "pointer": "/governance/reports_to"},
	]
}

# Long lines of reporting, small enough for stock `opa test`; the shapes of
# thousands of descriptors are in testdata/rego-load.
test_long_chain_passes if {
	count(reporting_cycle.deny) == 0 with input as chain(300, "Council")
}

test_many_lines_into_one_descriptor_pass if {
	reporters := [i | some i in numbers.range(1, 299); i % 2 == 1]
	reg := {
		"groups": {"p0": array.concat([node(0)], [edge(i) | some i in reporters])},
		"documents": {i: {
			"file": sprintf("reg/p%d.yaml", [i]),
			"id": sprintf("p%d", [i]),
		} |
			some i in array.concat([0], reporters)
		},
	}
	count(reporting_cycle.deny) == 0 with input as reg
}

test_long_cycle_fails_once if {
	[f] := [f | some f in reporting_cycle.deny] with input as chain(200, "p0")
	f.msg == concat(" ", [
		"governance.reports_to forms a cycle of 200: p0 -> p1 -> p2 -> p3 -> p4 -> ... 195 more",
		"... -> p0 (reg/p0.yaml, reg/p1.yaml, reg/p2.yaml, reg/p3.yaml, reg/p4.yaml and 195",
		"more); no line of reporting leads out of it",
	])
	f.locations == at(numbers.range(0, 199))
}

test_long_chain_into_a_short_cycle if {
	[f] := [f | some f in reporting_cycle.deny] with input as chain(300, "p298")
	startswith(f.msg, "governance.reports_to forms a cycle of 2: p298 -> p299 -> p298 (")
	f.locations == at([298, 299])
}

test_long_chain_with_a_list_passes if {
	base := chain(300, "Council")
	reg := {
		"groups": object.union(base.groups, {"p2": array.concat(base.groups.p2, [edge(0)])}),
		"documents": base.documents,
	}
	count(reporting_cycle.deny) == 0 with input as reg
}

test_long_cycle_through_a_list if {
	base := chain(200, "p0")
	reg := {
		"groups": object.union(base.groups, {"p5": array.concat(base.groups.p5, [edge(0)])}),
		"documents": base.documents,
	}
	[f] := [f | some f in reporting_cycle.deny] with input as reg
	startswith(f.msg, "governance.reports_to forms a cycle among 200 partnerships: p0, p1, p2, ")
	count(f.locations) == 200
}
