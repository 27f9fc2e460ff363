package cgcheck.rules.gain.stretch_target_test

import data.cgcheck.rules.gain.stretch_target

measure := {
	"id": "build-cost", "indicator": "Construction cost (GBP m)", "kind": "efficiency",
	"level": "programme", "owner": "council", "better": "lower",
	"isolation_target": {"value": 45, "date": "2010-03-31"},
	"collaborative_target": {"value": 40, "date": "2010-03-31"},
}

uptake := {
	"id": "uptake", "indicator": "Clients taking up the service", "kind": "outcome",
	"level": "strategic", "owner": "council", "better": "higher",
	"isolation_target": {"value": 200, "date": "2010-03-31"},
	"collaborative_target": {"value": 250, "date": "2010-03-31"},
}

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {"measures": [measure, uptake]},
}

set_values(i, isolation, collaborative) := json.patch(partnership, [
	{"op": "replace", "path": sprintf("/monitoring/measures/%d/isolation_target/value", [i]), "value": isolation},
	{
		"op": "replace",
		"path": sprintf("/monitoring/measures/%d/collaborative_target/value", [i]),
		"value": collaborative,
	},
])

test_pass_when_collaborative_targets_stretch if {
	count(stretch_target.warn) == 0 with input as partnership
	count(stretch_target.skip) == 0 with input as partnership
}

test_warn_lower_is_better_when_collaborative_is_higher if {
	stretch_target.warn == {{
		"pointer": "/monitoring/measures/0/collaborative_target/value",
		"msg": concat(" ", [
			"measure \"build-cost\" (better: lower) has collaborative_target 50, which is not below",
			"its isolation_target 45",
		]),
	}} with input as set_values(0, 45, 50)
}

test_warn_lower_is_better_when_equal if {
	want := {"/monitoring/measures/0/collaborative_target/value"}
	{f.pointer | some f in stretch_target.warn} == want with input as set_values(0, 45, 45)
}

test_pass_lower_is_better_just_below if {
	count(stretch_target.warn) == 0 with input as set_values(0, 45, 44.9)
}

test_warn_higher_is_better_when_collaborative_is_lower if {
	[f] := [f | some f in stretch_target.warn] with input as set_values(1, 200, 150)
	f.pointer == "/monitoring/measures/1/collaborative_target/value"
	contains(f.msg, "collaborative_target 150, which is not above its isolation_target 200")
}

test_warn_higher_is_better_when_equal if {
	want := {"/monitoring/measures/1/collaborative_target/value"}
	{f.pointer | some f in stretch_target.warn} == want with input as set_values(1, 200, 200)
}

test_pass_higher_is_better_just_above if {
	count(stretch_target.warn) == 0 with input as set_values(1, 200, 201)
}

test_warn_once_per_measure if {
	doc := json.patch(
		set_values(0, 45, 45),
		[{"op": "replace", "path": "/monitoring/measures/1/collaborative_target/value", "value": 100}],
	)
	{f.pointer | some f in stretch_target.warn} == {
		"/monitoring/measures/0/collaborative_target/value",
		"/monitoring/measures/1/collaborative_target/value",
	} with input as doc
}

test_measure_with_one_target_is_not_checked if {
	doc := json.patch(set_values(1, 200, 100), [{"op": "remove", "path": "/monitoring/measures/1/isolation_target"}])
	count(stretch_target.warn) == 0 with input as doc
	count(stretch_target.skip) == 0 with input as doc
}

test_skip_when_no_measure_has_both_targets if {
	doc := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/0/isolation_target"},
		{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"},
	])
	count(stretch_target.warn) == 0 with input as doc
	stretch_target.skip == {"no measure has both an isolation_target and a collaborative_target"} with input as doc
}

test_skip_when_no_monitoring if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	stretch_target.skip == {"no measure has both an isolation_target and a collaborative_target"} with input as doc
}
