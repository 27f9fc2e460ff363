package cgcheck.registry.representative_overload_test

import data.cgcheck.registry.harness
import data.cgcheck.registry.representative_overload

# registry turns descriptors into the rule's input as cgcheck builds it, each
# descriptor in the file reg/<id>.yaml.
registry(descriptors) := harness.input_for(
	[doc |
		some d in descriptors
		facts := representative_overload.facts with input as d
		doc := {"file": sprintf("reg/%s.yaml", [d.id]), "id": d.id, "facts": facts}
	],
	representative_overload.min_group, set(),
)

# descriptor has one partner per person given, each represented by that person.
descriptor(id, status, people) := {
	"id": id,
	"status": status,
	"area": "Inverclyde",
	"partners": [{
		"id": sprintf("partner-%d", [i]),
		"representative": {"person": p, "post": "Director"},
	} |
		some i, p in people
	],
}

# seats puts the person on n active descriptors (p1..pn), each with one other
# representative who sits nowhere else.
seats(person, n) := [descriptor(
	sprintf("p%d", [i]),
	"active",
	[sprintf("Other %d", [i]), person],
) |
	some i in numbers.range(1, n)
]

test_facts_of_a_descriptor if {
	d := descriptor("korsakoff", "active", [" Jo Bloggs ", "", "Sam Smith"])
	representative_overload.facts == {
		{"key": "jo bloggs", "pointer": "/partners/0/representative/person", "person": " Jo Bloggs "},
		{"key": "sam smith", "pointer": "/partners/2/representative/person", "person": "Sam Smith"},
	} with input as d
	count(representative_overload.facts) == 0 with input as descriptor("korsakoff", "closed", ["Jo Bloggs"])
	count(representative_overload.facts) == 0 with input as {"partners": [{"representative": {"person": 7}}]}
}

test_min_group_follows_the_param if {
	representative_overload.min_group == 5
	representative_overload.min_group == 3 with data.cgcheck.params["representative-overload"].max_seats_per_person as 2
}

test_nothing_without_a_registry if {
	count(representative_overload.warn) == 0 with input as descriptor("korsakoff", "active", ["Jo Bloggs"])
	count(representative_overload.warn) == 0 with input as {}
	count(representative_overload.warn) == 0 with input as {"groups": {}, "documents": {}}
}

test_pass_with_4_seats if {
	count(representative_overload.warn) == 0 with input as registry(seats("Jo Bloggs", 4))
}

test_warn_with_5_seats if {
	[f] := [f | some f in representative_overload.warn] with input as registry(seats("Jo Bloggs", 5))
	f.msg == concat(" ", [
		`representative "Jo Bloggs" sits on 5 partnerships that are not closed, more than`,
		`max_seats_per_person (4): p1 (reg/p1.yaml), p2 (reg/p2.yaml), p3 (reg/p3.yaml), p4`,
		`(reg/p4.yaml), p5 (reg/p5.yaml)`,
	])
	f.locations == [{"index": i, "pointer": "/partners/1/representative/person"} | some i in numbers.range(0, 4)]
}

test_person_compared_case_insensitively if {
	people := ["Jo Bloggs", "jo bloggs", " JO BLOGGS ", "Jo Bloggs", "jo Bloggs"]
	reg := registry([descriptor(sprintf("p%d", [i]), "active", [p]) | some i, p in people])
	[f] := [f | some f in representative_overload.warn] with input as reg
	startswith(f.msg, `representative "Jo Bloggs" sits on 5 partnerships`)
	count(f.locations) == 5
}

test_different_people_counted_apart if {
	reg := registry(array.concat(seats("Jo Bloggs", 4), [descriptor("p9", "active", ["Jo Blogs"])]))
	count(representative_overload.warn) == 0 with input as reg
}

test_closed_descriptor_not_counted if {
	reg := registry(array.concat(seats("Jo Bloggs", 4), [descriptor("p5", "closed", ["Jo Bloggs"])]))
	count(representative_overload.warn) == 0 with input as reg
}

test_proposed_and_closing_descriptors_count if {
	reg := registry(array.concat(seats("Jo Bloggs", 3), [
		descriptor("p4", "proposed", ["Jo Bloggs"]),
		descriptor("p5", "closing", ["Jo Bloggs"]),
		descriptor("p6", "closed", ["Jo Bloggs"]),
	]))
	[f] := [f | some f in representative_overload.warn] with input as reg
	contains(f.msg, "sits on 5 partnerships")
	endswith(f.msg, ": p1 (reg/p1.yaml), p2 (reg/p2.yaml), p3 (reg/p3.yaml), p4 (reg/p4.yaml), p5 (reg/p5.yaml)")
	[l.index | some l in f.locations] == [0, 1, 2, 3, 4]
}

test_same_person_twice_in_one_descriptor_counts_once if {
	# Four descriptors, one of them with the person representing two partners.
	twice := descriptor("p4", "active", ["Jo Bloggs", "Someone Else", "jo bloggs"])
	reg := registry(array.concat(seats("Jo Bloggs", 3), [twice]))
	count(representative_overload.warn) == 0 with input as reg

	# With a fifth descriptor the finding names p4 once, at its first seat.
	reg5 := registry(array.concat(seats("Jo Bloggs", 3), [twice, descriptor("p5", "active", ["Jo Bloggs"])]))
	[f] := [f | some f in representative_overload.warn] with input as reg5
	contains(f.msg, "sits on 5 partnerships")
	f.locations == [
		{"index": 0, "pointer": "/partners/1/representative/person"},
		{"index": 1, "pointer": "/partners/1/representative/person"},
		{"index": 2, "pointer": "/partners/1/representative/person"},
		{"index": 3, "pointer": "/partners/0/representative/person"},
		{"index": 4, "pointer": "/partners/0/representative/person"},
	]
}

test_first_seat_in_partner_order if {
	# The person represents partners 2 and 10 of p5: located at partner 2.
	people := [sprintf("Other %d", [i]) | some i in numbers.range(0, 10)]
	many := descriptor(
		"p5",
		"active",
		array.flatten([array.slice(people, 0, 2), "Jo Bloggs", array.slice(people, 3, 10), "jo bloggs"]),
	)
	reg := registry(array.concat(seats("Jo Bloggs", 4), [many]))
	[f] := [f | some f in representative_overload.warn] with input as reg
	f.locations[4] == {"index": 4, "pointer": "/partners/2/representative/person"}
}

test_one_finding_per_person if {
	reg := registry([descriptor(
		sprintf("p%d", [i]),
		"active",
		["Jo Bloggs", "Sam Smith", sprintf("Other %d", [i])],
	) |
		some i in numbers.range(1, 6)
	])
	findings := representative_overload.warn with input as reg
	count(findings) == 2
	{split(f.msg, " sits")[0] | some f in findings} == {`representative "Jo Bloggs"`, `representative "Sam Smith"`}
}

test_param_override if {
	# cgcheck builds the input with the same params the rule runs with.
	reg3 := registry(seats(
		"Jo Bloggs",
		3,
	)) with data.cgcheck.params["representative-overload"].max_seats_per_person as 3
	count(representative_overload.warn) == 0 with input as reg3
		with data.cgcheck.params["representative-overload"].max_seats_per_person as 3
	reg2 := registry(seats(
		"Jo Bloggs",
		3,
	)) with data.cgcheck.params["representative-overload"].max_seats_per_person as 2
	[f] := [f | some f in representative_overload.warn] with input as reg2
		with data.cgcheck.params["representative-overload"].max_seats_per_person as 2
	contains(f.msg, "more than max_seats_per_person (2)")
}

# A person on many partnerships: the message names five and counts the rest;
# the locations name every partnership once, at its first seat.
test_many_seats_name_five_and_count_the_rest if {
	twice := json.patch(descriptor("p3", "active", ["Jo Bloggs", "Other", "jo bloggs"]), [])
	docs := array.concat([d | some d in seats("Jo Bloggs", 12); d.id != "p3"], [twice])
	[f] := [f | some f in representative_overload.warn] with input as registry(docs)
	endswith(
		f.msg,
		`(4): p1 (reg/p1.yaml), p2 (reg/p2.yaml), p4 (reg/p4.yaml), p5 (reg/p5.yaml), p6 (reg/p6.yaml) and 7 more`,
	)
	startswith(f.msg, `representative "Jo Bloggs" sits on 12 partnerships`)
	count(f.locations) == 12
	{"index": 11, "pointer": "/partners/0/representative/person"} in f.locations
}

# Many people on many partnerships, small enough for stock `opa test`; 5,000
# descriptors are in testdata/rego-load.
test_many_people_are_grouped if {
	reg := {
		"groups": {sprintf("person %d", [j]): [f |
			some k in numbers.range(0, 4)
			f := {
				"document": j + (60 * k),
				"pointer": "/partners/0/representative/person",
				"person": sprintf("Person %d", [j]),
			}
		] |
			some j in numbers.range(0, 59)
		},
		"documents": {i: {
			"file": sprintf("reg/p%d.yaml", [i]),
			"id": sprintf("p%d", [i]),
		} |
			some i in numbers.range(0, 299)
		},
	}
	findings := representative_overload.warn with input as reg
	count(findings) == 60
}
