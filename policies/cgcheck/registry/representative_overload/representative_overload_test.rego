package cgcheck.registry.representative_overload_test

import data.cgcheck.registry.representative_overload
import data.cgcheck.registry.summary

# registry turns descriptors into input.documents as cgcheck builds it: each
# descriptor's summary plus its index and file (reg/<id>.yaml).
registry(descriptors) := {"documents": [object.union(s, {"index": i, "file": sprintf("reg/%s.yaml", [d.id])}) |
	some i, d in descriptors
	s := summary.document with input as d
]}

# descriptor has one partner per person given, each represented by that person.
descriptor(id, status, people) := {
	"id": id,
	"status": status,
	"area": "Inverclyde",
	"partners": [{"id": sprintf("partner-%d", [i]), "representative": {"person": p, "post": "Director"}} | some i, p in people],
}

# seats puts the person on n active descriptors (p1..pn), each with one other
# representative who sits nowhere else.
seats(person, n) := [descriptor(sprintf("p%d", [i]), "active", [sprintf("Other %d", [i]), person]) | some i in numbers.range(1, n)]

test_nothing_without_documents if {
	count(representative_overload.warn) == 0 with input as descriptor("korsakoff", "active", ["Jo Bloggs"])
	count(representative_overload.warn) == 0 with input as {}
	count(representative_overload.warn) == 0 with input as {"documents": {"not": "a list"}}
}

test_pass_with_4_seats if {
	count(representative_overload.warn) == 0 with input as registry(seats("Jo Bloggs", 4))
}

test_warn_with_5_seats if {
	[f] := [f | some f in representative_overload.warn] with input as registry(seats("Jo Bloggs", 5))
	f.msg == `representative "Jo Bloggs" sits on 5 partnerships that are not closed, more than max_seats_per_person (4): p1 (reg/p1.yaml), p2 (reg/p2.yaml), p3 (reg/p3.yaml), p4 (reg/p4.yaml), p5 (reg/p5.yaml)`
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

test_one_finding_per_person if {
	reg := registry([descriptor(sprintf("p%d", [i]), "active", ["Jo Bloggs", "Sam Smith", sprintf("Other %d", [i])]) | some i in numbers.range(1, 6)])
	findings := representative_overload.warn with input as reg
	count(findings) == 2
	{split(f.msg, " sits")[0] | some f in findings} == {`representative "Jo Bloggs"`, `representative "Sam Smith"`}
}

test_param_override if {
	reg := registry(seats("Jo Bloggs", 3))
	count(representative_overload.warn) == 0 with input as reg with data.cgcheck.params.max_seats_per_person as 3
	[f] := [f | some f in representative_overload.warn] with input as reg with data.cgcheck.params.max_seats_per_person as 2
	contains(f.msg, "more than max_seats_per_person (2)")
}

test_large_registry_is_grouped if {
	# 5,000 descriptors, 1,000 people on five each: grouping by person, not
	# comparing every pair of documents, keeps this quick.
	reg := {"documents": [d |
		some i in numbers.range(0, 4999)
		person := sprintf("Person %d", [i % 1000])
		d := {
			"index": i, "id": sprintf("p%d", [i]), "status": "active",
			"representatives": [{"person": person, "key": lower(person), "pointer": "/partners/0/representative/person"}],
		}
	]}
	findings := representative_overload.warn with input as reg
	count(findings) == 1000
}
