package cgcheck.rules.governance.monitoring_at_outset_test

import data.cgcheck.rules.governance.monitoring_at_outset

# lifecycle.start 2006-04-01 plus the default 90 days is 2006-06-30.
partnership := {
	"lifecycle": {"start": "2006-04-01"},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {
		"designed_on": "2006-03-01",
		"measures": [
			{
				"id": "build-cost", "indicator": "Construction cost (GBP m)", "kind": "efficiency",
				"level": "programme", "owner": "council", "better": "lower",
			},
			{
				"id": "visits", "indicator": "Visits per year", "kind": "outcome",
				"level": "programme", "owner": "council", "better": "higher",
				"baseline": {"value": 1000, "date": "2006-03-31"},
				"collaborative_target": {"value": 1500, "date": "2010-03-31"},
			},
		],
	},
}

designed(date) := json.patch(partnership, [{"op": "replace", "path": "/monitoring/designed_on", "value": date}])

pointers(findings) := {f.pointer | some f in findings}

test_pass_when_designed_before_start if {
	count(monitoring_at_outset.deny) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
	count(monitoring_at_outset.warn) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_pass_when_designed_on_start if {
	count(monitoring_at_outset.deny) == 0 with input as designed("2006-04-01") with data.cgcheck.today as "2008-10-01"
	count(monitoring_at_outset.warn) == 0 with input as designed("2006-04-01") with data.cgcheck.today as "2008-10-01"
}

test_warn_when_designed_day_after_start if {
	count(monitoring_at_outset.deny) == 0 with input as designed("2006-04-02") with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in monitoring_at_outset.warn] with input as designed("2006-04-02") with data.cgcheck.today as "2008-10-01"
	f.pointer == "/monitoring/designed_on"
	contains(f.msg, "\"2006-04-02\" is 1 day after lifecycle.start \"2006-04-01\"")
}

test_warn_when_designed_on_last_day_of_grace if {
	count(monitoring_at_outset.deny) == 0 with input as designed("2006-06-30") with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in monitoring_at_outset.warn] with input as designed("2006-06-30") with data.cgcheck.today as "2008-10-01"
	f.pointer == "/monitoring/designed_on"
	contains(f.msg, "is 90 days after")
}

test_fail_when_designed_day_after_grace if {
	count(monitoring_at_outset.warn) == 0 with input as designed("2006-07-01") with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in monitoring_at_outset.deny] with input as designed("2006-07-01") with data.cgcheck.today as "2008-10-01"
	f.pointer == "/monitoring/designed_on"
	contains(f.msg, "is 91 days after lifecycle.start \"2006-04-01\"")
	contains(f.msg, "(2006-06-30)")
}

test_grace_param_override if {
	params := {"monitoring_grace_days": 30}

	# 2006-04-01 plus 30 days is 2006-05-01
	count(monitoring_at_outset.deny) == 0 with input as designed("2006-05-01") with data.cgcheck.params as params
	pointers(monitoring_at_outset.warn) == {"/monitoring/designed_on"} with input as designed("2006-05-01") with data.cgcheck.params as params
	pointers(monitoring_at_outset.deny) == {"/monitoring/designed_on"} with input as designed("2006-05-02") with data.cgcheck.params as params
	count(monitoring_at_outset.warn) == 0 with input as designed("2006-05-02") with data.cgcheck.params as params
}

test_grace_zero_fails_day_after_start if {
	pointers(monitoring_at_outset.deny) == {"/monitoring/designed_on"} with input as designed("2006-04-02") with data.cgcheck.params.monitoring_grace_days as 0
	count(monitoring_at_outset.deny) == 0 with input as designed("2006-04-01") with data.cgcheck.params.monitoring_grace_days as 0
}

test_fail_when_no_monitoring if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])
	[f] := [f | some f in monitoring_at_outset.deny] with input as descriptor
	f.pointer == ""
	contains(f.msg, "No monitoring")
	count(monitoring_at_outset.warn) == 0 with input as descriptor
}

test_fail_when_measures_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures"}])
	[f] := [f | some f in monitoring_at_outset.deny] with input as descriptor
	f.pointer == "/monitoring"
	contains(f.msg, "monitoring.measures is missing")
	count(monitoring_at_outset.warn) == 0 with input as descriptor
}

test_fail_when_measures_empty if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/monitoring/measures", "value": []}])
	[f] := [f | some f in monitoring_at_outset.deny] with input as descriptor
	f.pointer == "/monitoring/measures"
	contains(f.msg, "monitoring.measures is empty")
	count(monitoring_at_outset.warn) == 0 with input as descriptor
}

test_fail_when_designed_on_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring/designed_on"}])
	[f] := [f | some f in monitoring_at_outset.deny] with input as descriptor
	f.pointer == "/monitoring"
	contains(f.msg, "monitoring.designed_on is missing")
}

test_fail_each_problem_once if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/designed_on"},
		{"op": "replace", "path": "/monitoring/measures", "value": []},
	])
	[a, b] := [f | some f in monitoring_at_outset.deny] with input as descriptor
	pointers({a, b}) == {"/monitoring", "/monitoring/measures"}
}

test_warn_when_no_measure_has_baseline_and_dated_target if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	count(monitoring_at_outset.deny) == 0 with input as descriptor
	[f] := [f | some f in monitoring_at_outset.warn] with input as descriptor
	f.pointer == "/monitoring/measures"
	contains(f.msg, "No measure in monitoring.measures (2 recorded)")
}

test_warn_when_baseline_but_no_target if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"}])
	pointers(monitoring_at_outset.warn) == {"/monitoring/measures"} with input as descriptor
}

test_isolation_target_counts_as_dated_target if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"},
		{"op": "add", "path": "/monitoring/measures/1/isolation_target", "value": {"value": 1200, "date": "2010-03-31"}},
	])
	count(monitoring_at_outset.warn) == 0 with input as descriptor
}

test_baseline_and_target_on_different_measures_warns if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"},
		{"op": "add", "path": "/monitoring/measures/0/collaborative_target", "value": {"value": 40, "date": "2010-03-31"}},
	])
	pointers(monitoring_at_outset.warn) == {"/monitoring/measures"} with input as descriptor
}

test_both_warnings_together if {
	descriptor := json.patch(designed("2006-05-01"), [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	pointers(monitoring_at_outset.warn) == {"/monitoring/designed_on", "/monitoring/measures"} with input as descriptor
	count(monitoring_at_outset.deny) == 0 with input as descriptor
}

test_late_design_fails_and_target_gap_warns if {
	descriptor := json.patch(designed("2007-01-01"), [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	pointers(monitoring_at_outset.deny) == {"/monitoring/designed_on"} with input as descriptor
	pointers(monitoring_at_outset.warn) == {"/monitoring/measures"} with input as descriptor
}
