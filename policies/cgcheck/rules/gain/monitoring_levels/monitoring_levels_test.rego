package cgcheck.rules.gain.monitoring_levels_test

import data.cgcheck.rules.gain.monitoring_levels

measure(id, level) := {
	"id": id, "indicator": id, "kind": "outcome", "level": level,
	"owner": "council", "better": "higher",
}

with_measures(list) := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {"designed_on": "2006-03-01", "measures": list},
}

partnership := with_measures([
	measure("visits", "strategic"),
	measure("waits", "programme"),
	measure("referrals", "programme"),
])

test_pass_with_both_levels if {
	count(monitoring_levels.warn) == 0 with input as partnership
	count(monitoring_levels.skip) == 0 with input as partnership
}

test_pass_with_one_measure_at_each_level if {
	count(monitoring_levels.warn) == 0 with input as with_measures([
		measure("a", "programme"),
		measure("b", "strategic"),
	])
}

test_warn_when_no_strategic_measure if {
	monitoring_levels.warn == {{
		"pointer": "/monitoring/measures",
		"msg": concat(" ", [
			"No measure is at the strategic level: all 2 measures in monitoring.measures are at",
			"level programme, so the partnership's overall additional impact is not monitored;",
			"consider adding a strategic measure",
		]),
	}} with input as with_measures([measure("a", "programme"), measure("b", "programme")])
	count(monitoring_levels.skip) == 0 with input as with_measures([measure("a", "programme")])
}

test_warn_when_single_programme_measure if {
	[f] := [f | some f in monitoring_levels.warn] with input as with_measures([measure("a", "programme")])
	startswith(
		f.msg,
		"No measure is at the strategic level: the one measure in monitoring.measures is at level programme,",
	)
}

test_warn_when_no_programme_measure if {
	monitoring_levels.warn == {{
		"pointer": "/monitoring/measures",
		"msg": concat(" ", [
			"No measure is at the programme or project level: the one measure in",
			"monitoring.measures is at level strategic, so the effect of working together on the",
			"work itself is not monitored; consider adding a programme measure",
		]),
	}} with input as with_measures([measure("a", "strategic")])
}

test_warn_when_no_level_recorded if {
	descriptor := with_measures([{"id": "a"}, measure("b", "Strategic"), measure("c", 1)])
	monitoring_levels.warn == {{
		"pointer": "/monitoring/measures",
		"msg": concat(" ", [
			"No measure is at either level: none of the 3 measures in monitoring.measures is at",
			"level strategic or programme, so it is not clear where collaborative gain is",
			"monitored; consider a strategic and a programme measure",
		]),
	}} with input as descriptor
}

test_skip_when_measures_empty if {
	descriptor := with_measures([])
	count(monitoring_levels.warn) == 0 with input as descriptor
	monitoring_levels.skip == {concat(" ", [
		"monitoring.measures is an empty list, so there are no measure levels to judge",
		"(monitoring-at-outset and benefits-measurable judge the absence of measures)",
	])} with input as descriptor
}

test_skip_when_measures_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures"}])
	count(monitoring_levels.warn) == 0 with input as descriptor
	[s] := [s | some s in monitoring_levels.skip] with input as descriptor
	startswith(s, "monitoring.measures is missing, so")
}

test_skip_when_monitoring_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	count(monitoring_levels.warn) == 0 with input as descriptor
	[s] := [s | some s in monitoring_levels.skip] with input as descriptor
	startswith(s, "monitoring.measures is missing, so")
}

test_skip_when_measures_null_or_odd if {
	[s] := [s | some s in monitoring_levels.skip] with input as with_measures(null)
	startswith(s, "monitoring.measures is null, so")
	count(monitoring_levels.warn) == 0 with input as with_measures("several")
	count(monitoring_levels.skip) == 1 with input as with_measures("several")
	count(monitoring_levels.skip) == 1 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring", "value": "quarterly"}],
	)
}
