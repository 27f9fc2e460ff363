package cgcheck.rules.purpose.client_groups_defined_test

import data.cgcheck.rules.purpose.client_groups_defined

partnership := {
	"id": "korsakoff-support",
	"status": "active",
	"purpose": {
		"task": "Provide supported accommodation and care for people with Korsakoff's syndrome",
		"why_partnership": "No single agency has the housing, health and social work expertise together",
		"agreed_by": ["council", "nhs"],
	},
	"lead": {"partner": "council", "person": "Head of Social Work"},
	"partners": [
		{"id": "council", "name": "Inverclyde Council", "role": "core"},
		{"id": "nhs", "name": "NHS Greater Glasgow and Clyde", "role": "core"},
	],
	"client_groups": [{
		"name": "Adults with Korsakoff's syndrome",
		"definition": "Adults diagnosed with alcohol-related brain damage living in the area",
		"service": "Supported accommodation with specialist care",
		"intended_impact": "Fewer hospital admissions and more people living independently",
	}],
}

test_pass_when_client_group_defined if {
	count(client_groups_defined.deny) == 0 with input as partnership
}

test_fail_when_client_groups_empty if {
	result := client_groups_defined.deny with input as json.patch(partnership, [{"op": "replace", "path": "/client_groups", "value": []}])
	result == {{"pointer": "/client_groups", "msg": "No client groups are defined: client_groups is empty"}}
}

test_fail_when_client_groups_missing_points_at_root if {
	result := client_groups_defined.deny with input as json.patch(partnership, [{"op": "remove", "path": "/client_groups"}])
	result == {{"pointer": "", "msg": "No client groups are defined: client_groups is missing"}}
}

test_fail_when_client_groups_null if {
	result := client_groups_defined.deny with input as json.patch(partnership, [{"op": "replace", "path": "/client_groups", "value": null}])
	[f] := [f | some f in result]
	f.pointer == "/client_groups"
	contains(f.msg, "not a list (null)")
}
