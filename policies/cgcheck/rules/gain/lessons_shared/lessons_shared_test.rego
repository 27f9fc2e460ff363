package cgcheck.rules.gain.lessons_shared_test

import data.cgcheck.rules.gain.lessons_shared

partnership := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"learning": {
		"dissemination": "Annual learning event with the CPP board and a case study for the Improvement Service",
		"evaluation": "Partnership self-assessment each spring",
	},
}

test_pass_with_dissemination if {
	count(lessons_shared.warn) == 0 with input as partnership
}

test_pass_with_one_word_dissemination if {
	count(lessons_shared.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/learning/dissemination", "value": "Newsletter"}],
	)
}

test_warn_when_dissemination_blank if {
	lessons_shared.warn == {{
		"pointer": "/learning/dissemination",
		"msg": concat(" ", [
			"It is not recorded how good practice lessons will be shared beyond the partnership:",
			"learning.dissemination \"  \" is blank; say how lessons will reach other partnerships",
			"and services",
		]),
	}} with input as json.patch(partnership, [{"op": "replace", "path": "/learning/dissemination", "value": "  "}])
}

test_warn_when_dissemination_empty_string if {
	result := lessons_shared.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/learning/dissemination", "value": ""}],
	)
	{f.pointer | some f in result} == {"/learning/dissemination"}
}

test_warn_when_dissemination_missing if {
	lessons_shared.warn == {{
		"pointer": "/learning",
		"msg": concat(" ", [
			"It is not recorded how good practice lessons will be shared beyond the partnership:",
			"learning.dissemination is missing; say how lessons will reach other partnerships and",
			"services",
		]),
	}} with input as json.patch(partnership, [{"op": "remove", "path": "/learning/dissemination"}])
}

test_warn_at_root_when_learning_missing if {
	result := lessons_shared.warn with input as json.patch(partnership, [{"op": "remove", "path": "/learning"}])
	[f] := [f | some f in result]
	f.pointer == ""
	contains(f.msg, "learning.dissemination is missing (there is no learning section)")
}

test_warn_when_dissemination_not_text if {
	result := lessons_shared.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/learning/dissemination", "value": null}],
	)
	[f] := [f | some f in result]
	f.pointer == "/learning/dissemination"
	contains(f.msg, "learning.dissemination is null;")
	count(lessons_shared.warn) == 1 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/learning/dissemination", "value": ["Newsletter"]}],
	)
}

test_odd_learning_does_not_crash if {
	result := lessons_shared.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/learning", "value": "Newsletter"}],
	)
	{f.pointer | some f in result} == {"/learning"}
}
