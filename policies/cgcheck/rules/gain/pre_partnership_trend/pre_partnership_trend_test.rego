package cgcheck.rules.gain.pre_partnership_trend_test

import data.cgcheck.rules.gain.pre_partnership_trend

outcome := {
	"id": "reoffending", "indicator": "Reconviction rate (%)", "kind": "outcome",
	"level": "strategic", "owner": "council", "better": "lower",
	"baseline": {"value": 44, "date": "2007-03-31"},
	"pre_partnership_trend": {"per_year": -0.5},
}

efficiency := {
	"id": "build-cost", "indicator": "Construction cost (GBP m)", "kind": "efficiency",
	"level": "programme", "owner": "council", "better": "lower",
}

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {"measures": [efficiency, outcome]},
}

test_pass_when_outcome_measures_have_baseline_and_trend if {
	count(pre_partnership_trend.warn) == 0 with input as partnership
	count(pre_partnership_trend.skip) == 0 with input as partnership
}

test_pass_with_flat_trend if {
	count(pre_partnership_trend.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures/1/pre_partnership_trend/per_year", "value": 0}],
	)
}

test_warn_when_baseline_missing if {
	pre_partnership_trend.warn == {{
		"pointer": "/monitoring/measures/1",
		"msg": "outcome measure \"reoffending\" has no baseline",
	}} with input as json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
}

test_warn_when_trend_missing if {
	pre_partnership_trend.warn == {{
		"pointer": "/monitoring/measures/1",
		"msg": "outcome measure \"reoffending\" has no pre_partnership_trend",
	}} with input as json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/pre_partnership_trend"}])
}

test_warn_once_when_both_missing if {
	doc := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/pre_partnership_trend"},
		{"op": "remove", "path": "/monitoring/measures/1/baseline"},
	])
	pre_partnership_trend.warn == {{
		"pointer": "/monitoring/measures/1",
		"msg": "outcome measure \"reoffending\" has no baseline and no pre_partnership_trend",
	}} with input as doc
}

test_warn_once_per_outcome_measure if {
	doc := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/pre_partnership_trend"},
		{
			"op": "add",
			"path": "/monitoring/measures/-",
			"value": object.union(object.remove(outcome, ["baseline"]), {"id": "uptake"}),
		},
	])
	{f.pointer | some f in pre_partnership_trend.warn} == {
		"/monitoring/measures/1",
		"/monitoring/measures/2",
	} with input as doc
}

test_other_kinds_are_not_checked if {
	doc := json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures/1/kind", "value": "collaborative_activity"}],
	)
	count(pre_partnership_trend.warn) == 0 with input as doc
	pre_partnership_trend.skip == {"there are no measures of kind outcome"} with input as doc
}

test_skip_when_no_monitoring if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	pre_partnership_trend.skip == {"there are no measures of kind outcome"} with input as doc
}
