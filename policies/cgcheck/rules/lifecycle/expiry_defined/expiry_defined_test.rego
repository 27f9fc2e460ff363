package cgcheck.rules.lifecycle.expiry_defined_test

import data.cgcheck.rules.lifecycle.expiry_defined

partnership := {
	"status": "active",
	"type": "task_limited",
	"lifecycle": {
		"start": "2006-04-01",
		"end_condition": "Building occupied and snagging closed",
		"expires": "2010-03-31",
		"next_review": "2009-04-01",
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

none_set := [
	{"op": "remove", "path": "/lifecycle/end_condition"},
	{"op": "remove", "path": "/lifecycle/expires"},
	{"op": "remove", "path": "/lifecycle/next_review"},
]

test_pass_when_all_set if {
	count(expiry_defined.deny) == 0 with input as partnership
	count(expiry_defined.warn) == 0 with input as partnership
}

test_pass_with_any_one_of_the_three if {
	every keep in ["end_condition", "expires", "next_review"] {
		doc := json.patch(partnership, [p | some p in none_set; p.path != concat("/", ["", "lifecycle", keep])])
		count(expiry_defined.deny) == 0 with input as doc
		count(expiry_defined.warn) == 0 with input as doc
	}
}

test_fail_when_none_set if {
	expiry_defined.deny == {{
		"pointer": "/lifecycle",
		"msg": concat(" ", [
			"Nothing says when the partnership ends: lifecycle.end_condition, lifecycle.expires and",
			"lifecycle.next_review are all missing or blank",
		]),
	}} with input as json.patch(partnership, none_set)
	count(expiry_defined.warn) == 0 with input as json.patch(partnership, none_set)
}

test_fail_when_all_blank if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/lifecycle/end_condition", "value": " "},
		{"op": "replace", "path": "/lifecycle/expires", "value": ""},
		{"op": "replace", "path": "/lifecycle/next_review", "value": ""},
	])
	{f.pointer | some f in expiry_defined.deny} == {"/lifecycle"} with input as doc
}

test_warn_when_continuing_without_next_review if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/type", "value": "continuing"},
		{"op": "remove", "path": "/lifecycle/next_review"},
	])
	count(expiry_defined.deny) == 0 with input as doc
	expiry_defined.warn == {{
		"pointer": "/lifecycle",
		"msg": "type is \"continuing\" but lifecycle.next_review is missing or blank",
	}} with input as doc
}

test_pass_when_continuing_with_next_review if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/type", "value": "continuing"},
		{"op": "remove", "path": "/lifecycle/end_condition"},
		{"op": "remove", "path": "/lifecycle/expires"},
	])
	count(expiry_defined.deny) == 0 with input as doc
	count(expiry_defined.warn) == 0 with input as doc
}

test_fail_and_warn_when_continuing_with_none_set if {
	doc := json.patch(partnership, array.concat([{"op": "replace", "path": "/type", "value": "continuing"}], none_set))
	{f.pointer | some f in expiry_defined.deny} == {"/lifecycle"} with input as doc
	[f] := [f | some f in expiry_defined.warn] with input as doc
	contains(f.msg, "continuing")
}
