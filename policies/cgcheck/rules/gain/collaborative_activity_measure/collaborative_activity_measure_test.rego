package cgcheck.rules.gain.collaborative_activity_measure_test

import data.cgcheck.rules.gain.collaborative_activity_measure

activity := {
	"id": "shared-desks", "indicator": "Partner staff working from the shared office", "kind": "collaborative_activity",
	"level": "programme", "owner": "council", "better": "higher",
}

efficiency := {
	"id": "build-cost", "indicator": "Construction cost (GBP m)", "kind": "efficiency",
	"level": "programme", "owner": "council", "better": "lower",
}

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {"measures": [efficiency, activity]},
}

test_pass_with_a_collaborative_activity_measure if {
	count(collaborative_activity_measure.warn) == 0 with input as partnership
}

test_warn_when_no_collaborative_activity_measure if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1"}])
	collaborative_activity_measure.warn == {{
		"pointer": "/monitoring/measures",
		"msg": concat(" ", [
			"None of the 1 measures in monitoring.measures measures the collaborative activity",
			"itself (kind collaborative_activity)",
		]),
	}} with input as doc
	count(collaborative_activity_measure.skip) == 0 with input as doc
}

test_skip_when_measures_empty if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/monitoring/measures", "value": []}])
	count(collaborative_activity_measure.warn) == 0 with input as doc
	count(collaborative_activity_measure.skip) == 1 with input as doc
}

test_skip_when_measures_missing if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures"}])
	count(collaborative_activity_measure.warn) == 0 with input as doc
	count(collaborative_activity_measure.skip) == 1 with input as doc
}

test_skip_when_monitoring_missing if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	count(collaborative_activity_measure.warn) == 0 with input as doc
	count(collaborative_activity_measure.skip) == 1 with input as doc
}

test_pass_has_no_skip if {
	count(collaborative_activity_measure.skip) == 0 with input as partnership
}
