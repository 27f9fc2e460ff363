package cgcheck.registry.overlapping_partnerships_test

import data.cgcheck.registry.harness
import data.cgcheck.registry.overlapping_partnerships

# registry turns descriptors into the rule's input as cgcheck builds it, each
# descriptor in the file reg/<id>.yaml.
registry(descriptors) := harness.input_for(
	[doc |
		some d in descriptors
		facts := overlapping_partnerships.facts with input as d
		doc := {"file": sprintf("reg/%s.yaml", [d.id]), "id": d.id, "facts": facts}
	],
	2, set(),
)

client_group(name) := {"name": name, "definition": "d", "service": "s", "intended_impact": "i"}

descriptor(id, status, area, groups, links) := {
	"id": id,
	"status": status,
	"area": area,
	"client_groups": [client_group(g) | some g in groups],
	"purpose": {"outcome_links": [{"framework": f, "ref": r} | some [f, r] in links]},
}

older := descriptor("older-people", "active", "Inverclyde", ["Carers", "Older People"], [["national_outcome", "6"]])

test_facts_of_a_descriptor if {
	overlapping_partnerships.facts == {
		{
			"key": "inverclyde\ncarers\nnational_outcome\n6",
			"pointer": "/client_groups/0/name",
			"area": "Inverclyde",
			"group": "Carers",
			"framework": "national_outcome",
			"ref": "6",
		},
		{
			"key": "inverclyde\nolderpeople\nnational_outcome\n6",
			"pointer": "/client_groups/1/name",
			"area": "Inverclyde",
			"group": "Older People",
			"framework": "national_outcome",
			"ref": "6",
		},
	} with input as older
	count(overlapping_partnerships.facts) == 0 with input as json.patch(
		older,
		[{"op": "replace", "path": "/status", "value": "closed"}],
	)
	count(overlapping_partnerships.facts) == 0 with input as json.patch(
		older,
		[{"op": "replace", "path": "/area", "value": " "}],
	)
	count(overlapping_partnerships.facts) == 0 with input as {"area": "x", "client_groups": [{"name": 1}]}
}

test_nothing_without_a_registry if {
	count(overlapping_partnerships.warn) == 0 with input as older
	count(overlapping_partnerships.warn) == 0 with input as {}
	count(overlapping_partnerships.warn) == 0 with input as {"groups": {}, "documents": {}}
}

test_warn_when_two_descriptors_overlap if {
	# Area, client group name compared case- and space-insensitively.
	other := descriptor("falls", "proposed", "inverclyde", ["older  people"], [["soa", "3"], ["national_outcome", "6"]])
	[f] := [f | some f in overlapping_partnerships.warn] with input as registry([older, other])
	f.msg == concat(" ", [
		`2 partnerships in area "Inverclyde" serve the same client group ("Older People")`,
		`towards the same outcome (national_outcome "6" (We live longer, healthier lives)):`,
		`"older-people" (reg/older-people.yaml), "falls" (reg/falls.yaml). They may overlap or`,
		`duplicate effort`,
	])
	f.locations == [
		{"index": 0, "pointer": "/client_groups/1/name"},
		{"index": 1, "pointer": "/client_groups/0/name"},
	]
}

test_pass_in_different_areas if {
	other := descriptor("falls", "active", "Renfrewshire", ["Older People"], [["national_outcome", "6"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([older, other])
}

test_pass_with_different_client_groups if {
	other := descriptor("falls", "active", "Inverclyde", ["Older Adults"], [["national_outcome", "6"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([older, other])
}

test_pass_with_different_outcome_links if {
	other := descriptor("falls", "active", "Inverclyde", ["Older People"], [["national_outcome", "7"], ["soa", "6"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([older, other])
}

test_pass_without_outcome_links if {
	other := descriptor("falls", "active", "Inverclyde", ["Older People"], [])
	count(overlapping_partnerships.warn) == 0 with input as registry([older, other])
}

test_pass_when_either_is_closed if {
	closed := descriptor("falls", "closed", "Inverclyde", ["Older People"], [["national_outcome", "6"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([older, closed])
	closed_first := json.patch(older, [{"op": "replace", "path": "/status", "value": "closed"}])
	count(overlapping_partnerships.warn) == 0 with input as registry([
		closed_first,
		descriptor("falls", "active", "Inverclyde", ["Older People"], [["national_outcome", "6"]]),
	])
}

test_closing_descriptor_counts if {
	closing := descriptor("falls", "closing", "Inverclyde", ["Older People"], [["national_outcome", "6"]])
	count(overlapping_partnerships.warn) == 1 with input as registry([older, closing])
}

test_blank_area_matches_nothing if {
	a := descriptor("a", "active", " ", ["Older People"], [["national_outcome", "6"]])
	b := descriptor("b", "active", "", ["Older People"], [["national_outcome", "6"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([a, b])
}

test_one_finding_naming_everything_shared if {
	other := descriptor(
		"carers-support",
		"active",
		"Inverclyde",
		["carers", "Older People"],
		[["national_outcome", "6"], ["soa", "2"]],
	)
	again := json.patch(
		older,
		[{"op": "add", "path": "/purpose/outcome_links/-", "value": {"framework": "soa", "ref": "2"}}],
	)
	[f] := [f | some f in overlapping_partnerships.warn] with input as registry([again, other])
	contains(
		f.msg,
		`serve the same client groups ("Carers", "Older People") towards the same outcomes (national_outcome "6" (`,
	)
	contains(f.msg, `; soa "2"): "older-people" (reg/older-people.yaml), "carers-support" (reg/carers-support.yaml)`)
	f.locations == [
		{"index": 0, "pointer": "/client_groups/0/name"},
		{"index": 1, "pointer": "/client_groups/0/name"},
	]
}

# One finding per group, not per pair: three descriptors that overlap on the
# same things give one finding naming all three, in run order.
test_one_finding_per_group if {
	b := descriptor("b", "active", "Inverclyde", ["Older People"], [["national_outcome", "6"]])
	c := descriptor("c", "active", "Inverclyde", ["Older People"], [["national_outcome", "6"]])
	unrelated := descriptor("d", "active", "Inverclyde", ["Young People"], [["national_outcome", "6"]])
	[f] := [f | some f in overlapping_partnerships.warn] with input as registry([older, b, unrelated, c])
	[l.index | some l in f.locations] == [0, 1, 3]
	startswith(f.msg, `3 partnerships in area "Inverclyde"`)
	endswith(
		f.msg,
		concat(" ", [
			`: "older-people" (reg/older-people.yaml), "b" (reg/b.yaml), "c" (reg/c.yaml). They may`,
			`overlap or duplicate effort`,
		]),
	)
}

# Keys with different members give different findings: a and b share carers,
# b and c share older people (b is in both), and the shared area list of d and
# e gives one finding naming both areas.
test_different_members_different_findings if {
	a := descriptor("a", "active", "Fife", ["Carers"], [["npf", "health"]])
	b := descriptor("b", "active", "Fife", ["Carers", "Older People"], [["npf", "health"]])
	c := descriptor("c", "active", "Fife", ["Older People"], [["npf", "health"]])
	d := descriptor("d", "active", ["Midlothian", "East Lothian"], ["Carers"], [["npf", "health"]])
	e := descriptor("e", "active", ["East Lothian", "Midlothian"], ["Carers"], [["npf", "health"]])
	findings := overlapping_partnerships.warn with input as registry([a, b, c, d, e])
	{[l.index | some l in f.locations] | some f in findings} == {[0, 1], [1, 2], [3, 4]}
	some f in findings
	f.locations == [{"index": 1, "pointer": "/client_groups/1/name"}, {"index": 2, "pointer": "/client_groups/0/name"}]
	some g in findings
	startswith(g.msg, `2 partnerships in areas "East Lothian", "Midlothian" serve the same client group ("Carers")`)
}

# A long group names its first five members and how many more; its
# locations list every member.
test_long_group_names_five_and_counts_the_rest if {
	docs := [descriptor(
		sprintf("p%02d", [i]),
		"active",
		"Fife",
		["Carers"],
		[["npf", "health"]],
	) |
		some i in numbers.range(1, 12)
	]
	[f] := [f | some f in overlapping_partnerships.warn] with input as registry(docs)
	count(f.locations) == 12
	endswith(f.msg, `"p04" (reg/p04.yaml), "p05" (reg/p05.yaml) and 7 more. They may overlap or duplicate effort`)
	startswith(f.msg, "12 partnerships in area")
}

big_fact(d, ref) := {
	"document": d,
	"pointer": "/client_groups/0/name",
	"area": "Fife",
	"group": "Carers",
	"framework": "npf",
	"ref": ref,
}

# Descriptor revision 2: area may be a list; a partnership spanning two
# council areas overlaps with one in either of them.
test_facts_of_a_list_of_areas if {
	doc := descriptor("meldap", "active", ["Midlothian", "East Lothian", 3], ["Carers"], [["npf", "health"]])
	{f.area | some f in overlapping_partnerships.facts} == {"Midlothian", "East Lothian"} with input as doc
}

test_warn_when_one_of_a_list_of_areas_overlaps if {
	reg := registry([
		descriptor("meldap", "active", ["Midlothian", "East Lothian"], ["Carers"], [["npf", "health"]]),
		descriptor("el-carers", "active", "east lothian", ["carers"], [["npf", "health"]]),
		descriptor("fife-carers", "active", ["Fife"], ["Carers"], [["npf", "health"]]),
	])
	[f] := [f | some f in overlapping_partnerships.warn] with input as reg
	{l.index | some l in f.locations} == {0, 1}
	contains(f.msg, `area "East Lothian"`)
}

test_list_areas_that_fold_alike_count_once if {
	alone := descriptor("fife-a", "active", ["Fife", " FIFE"], ["Carers"], [["npf", "health"]])
	count(overlapping_partnerships.warn) == 0 with input as registry([alone])
	reg := registry([alone, descriptor("fife-b", "active", "fife", ["Carers"], [["npf", "health"]])])
	[f] := [f | some f in overlapping_partnerships.warn] with input as reg
	{l.index | some l in f.locations} == {0, 1}
}

test_odd_areas_give_no_facts if {
	every area in [[], {"name": "Fife"}, null, 7, [null, " "]] {
		count(overlapping_partnerships.facts) == 0 with input as descriptor(
			"x",
			"active",
			area,
			["Carers"],
			[["npf", "health"]],
		)
	}
}

# Many groups and one large group, small enough for stock `opa test`; the
# shapes of thousands of descriptors are in testdata/rego-load.
test_many_pairs_are_grouped if {
	reg := {
		"groups": {sprintf("group%d", [j]): [f |
			some d in [j, j + 150]
			f := {
				"document": d,
				"pointer": "/client_groups/0/name",
				"area": "Inverclyde",
				"group": sprintf("group%d", [j]),
				"framework": "national_outcome",
				"ref": "6",
			}
		] |
			some j in numbers.range(0, 149)
		},
		"documents": {i: {
			"file": sprintf("reg/p%d.yaml", [i]),
			"id": sprintf("p%d", [i]),
		} |
			some i in numbers.range(0, 299)
		},
	}
	findings := overlapping_partnerships.warn with input as reg
	count(findings) == 150
}

test_one_large_group_is_one_finding if {
	reg := {
		"groups": {
			"fife\ncarers\nnpf\nhealth": [big_fact(d, "health") | some d in numbers.range(0, 299)],
			"fife\ncarers\nnpf\ncommunities": [big_fact(d, "communities") | some d in numbers.range(0, 299)],
		},
		"documents": {i: {
			"file": sprintf("reg/p%d.yaml", [i]),
			"id": sprintf("p%d", [i]),
		} |
			some i in numbers.range(0, 299)
		},
	}
	[f] := [f | some f in overlapping_partnerships.warn] with input as reg
	count(f.locations) == 300
	contains(f.msg, "and 295 more")
}
