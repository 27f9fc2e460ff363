package cgcheck.rules.purpose.added_value_stated_test

import data.cgcheck.rules.purpose.added_value_stated

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"agreed_by": ["council", "police"],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
}

test_pass_when_why_partnership_stated if {
	count(added_value_stated.deny) == 0 with input as partnership
}

test_fail_when_why_partnership_blank if {
	result := added_value_stated.deny with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/why_partnership", "value": " \t"}])
	result == {{"pointer": "/purpose/why_partnership", "msg": "No added value of working in partnership is recorded: purpose.why_partnership is blank (\" \\t\")"}}
}

test_fail_when_why_partnership_missing_points_at_purpose if {
	result := added_value_stated.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose/why_partnership"}])
	result == {{"pointer": "/purpose", "msg": "No added value of working in partnership is recorded: purpose.why_partnership is missing"}}
}

test_fail_when_purpose_missing_points_at_root if {
	result := added_value_stated.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}

test_fail_when_why_partnership_not_text if {
	result := added_value_stated.deny with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/why_partnership", "value": true}])
	[f] := [f | some f in result]
	f.pointer == "/purpose/why_partnership"
	contains(f.msg, "not text (true)")
}
