package cgcheck.rules.governance.accountable_measures_test

import data.cgcheck.rules.governance.accountable_measures

partnership := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {
		"designed_on": "2006-03-01",
		"measures": [
			{
				"id": "build-cost",
				"indicator": "Construction cost (GBP m)",
				"kind": "efficiency",
				"level": "programme",
				"owner": "council",
				"better": "lower",
			},
			{
				"id": "visits",
				"indicator": "Visits to the centre",
				"kind": "outcome",
				"level": "programme",
				"owner": "council",
				"better": "higher",
			},
		],
	},
}

test_pass_when_every_measure_has_owner if {
	count(accountable_measures.deny) == 0 with input as partnership
	count(accountable_measures.skip) == 0 with input as partnership
}

test_fail_when_owner_missing if {
	result := accountable_measures.deny with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/monitoring/measures/1/owner"}],
	)
	result == {{
		"pointer": "/monitoring/measures/1",
		"msg": "monitoring.measures[1] \"visits\" has no owner: owner is missing",
	}}
}

test_fail_when_owner_blank if {
	result := accountable_measures.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures/0/owner", "value": "  "}],
	)
	result == {{
		"pointer": "/monitoring/measures/0/owner",
		"msg": "monitoring.measures[0] \"build-cost\" has no owner: owner \"  \" is blank",
	}}
}

test_fail_once_per_measure if {
	result := accountable_measures.deny with input as json.patch(partnership, [
		{"op": "replace", "path": "/monitoring/measures/0/owner", "value": ""},
		{"op": "remove", "path": "/monitoring/measures/1/owner"},
	])
	{f.pointer | some f in result} == {"/monitoring/measures/0/owner", "/monitoring/measures/1"}
}

test_skip_when_no_measures if {
	input_doc := json.patch(partnership, [{"op": "replace", "path": "/monitoring/measures", "value": []}])
	count(accountable_measures.deny) == 0 with input as input_doc
	accountable_measures.skip == {"no monitoring.measures are recorded"} with input as input_doc
}

test_skip_when_no_monitoring if {
	input_doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	count(accountable_measures.deny) == 0 with input as input_doc
	count(accountable_measures.skip) == 1 with input as input_doc
}
