package cgcheck.rules.gain.benefits_measurable_test

import data.cgcheck.rules.gain.benefits_measurable

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {
		"measures": [{
			"id": "build-cost", "indicator": "Construction cost (GBP m)", "kind": "efficiency",
			"level": "programme", "owner": "council", "better": "lower",
		}],
		"qualitative_benefits": ["Staff of the three partners work side by side"],
	},
}

test_pass_with_measures_and_benefits if {
	count(benefits_measurable.deny) == 0 with input as partnership
}

test_pass_with_measures_only if {
	count(benefits_measurable.deny) == 0 with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/monitoring/qualitative_benefits"}],
	)
}

test_pass_with_qualitative_benefits_only if {
	count(benefits_measurable.deny) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures", "value": []}],
	)
}

test_fail_when_neither if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/monitoring/measures", "value": []},
		{"op": "remove", "path": "/monitoring/qualitative_benefits"},
	])
	[f] := [f | some f in benefits_measurable.deny] with input as doc
	f.pointer == "/monitoring"
	contains(f.msg, "monitoring.measures and monitoring.qualitative_benefits are both empty")
}

test_fail_when_benefits_are_blank if {
	doc := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures"},
		{"op": "replace", "path": "/monitoring/qualitative_benefits", "value": ["", "  "]},
	])
	{f.pointer | some f in benefits_measurable.deny} == {"/monitoring"} with input as doc
}

test_fail_at_root_when_no_monitoring if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	{f.pointer | some f in benefits_measurable.deny} == {""} with input as doc
}
