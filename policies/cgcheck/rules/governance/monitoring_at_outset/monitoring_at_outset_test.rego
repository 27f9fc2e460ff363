package cgcheck.rules.governance.monitoring_at_outset_test

import data.cgcheck.rules.governance.monitoring_at_outset

# today is 2008-10-01 in every test unless it says otherwise, so the default
# monitoring_history_months (24) makes a partnership young when it started on
# or after 2006-10-01. lifecycle.start 2006-04-01 plus the default 90 days of
# grace is 2006-06-30.
today := "2008-10-01"

partnership := {
	"status": "active",
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

# A partnership that started in the last 24 months: 2007-04-01 plus 90 days
# is 2007-06-30.
recent := json.patch(partnership, [
	{"op": "replace", "path": "/lifecycle/start", "value": "2007-04-01"},
	{"op": "replace", "path": "/monitoring/designed_on", "value": "2007-03-01"},
])

designed(descriptor, date) := json.patch(
	descriptor,
	[{"op": "replace", "path": "/monitoring/designed_on", "value": date}],
)

started(descriptor, date) := json.patch(descriptor, [{"op": "replace", "path": "/lifecycle/start", "value": date}])

# result is the rule's one finding as [status, pointer, msg], or "pass".
result(descriptor) := r if {
	r := outcome with input as descriptor with data.cgcheck.today as today
}

outcome := ["fail", f.pointer, f.msg] if {
	[f] := [f | some f in monitoring_at_outset.deny]
	count(monitoring_at_outset.warn) == 0
} else := ["warn", f.pointer, f.msg] if {
	count(monitoring_at_outset.deny) == 0
	[f] := [f | some f in monitoring_at_outset.warn]
} else := "pass" if {
	count(monitoring_at_outset.deny) == 0
	count(monitoring_at_outset.warn) == 0
}

status(descriptor) := s if {
	[s, _, _] := result(descriptor)
} else := result(descriptor)

pointer(descriptor) := result(descriptor)[1]

message(descriptor) := result(descriptor)[2]

# --- pass

test_pass_when_designed_before_start if {
	result(partnership) == "pass"
	result(recent) == "pass"
}

test_pass_when_designed_on_start if {
	result(designed(partnership, "2006-04-01")) == "pass"
	result(designed(recent, "2007-04-01")) == "pass"
}

test_pass_when_proposed_and_designed_before_start if {
	result(json.patch(partnership, [{"op": "replace", "path": "/status", "value": "proposed"}])) == "pass"
}

# --- (a) no monitoring or no designed_on

test_fail_a_when_no_monitoring if {
	result(json.patch(partnership, [{"op": "remove", "path": "/monitoring"}])) == [
		"fail", "",
		concat(" ", [
			"No monitoring is recorded: the descriptor has no monitoring section, so there is no",
			"agreed way to show what working together achieves",
		]),
	]
}

test_fail_a_when_monitoring_not_an_object if {
	d := json.patch(partnership, [{"op": "replace", "path": "/monitoring", "value": "quarterly"}])
	pointer(d) == ""
	status(d) == "fail"
}

test_fail_a_when_designed_on_missing if {
	result(json.patch(partnership, [{"op": "remove", "path": "/monitoring/designed_on"}])) == [
		"fail", "/monitoring",
		"It is not recorded when the monitoring was agreed: monitoring.designed_on is missing",
	]
}

test_fail_a_when_designed_on_blank if {
	result(designed(partnership, " ")) == [
		"fail", "/monitoring/designed_on",
		"It is not recorded when the monitoring was agreed: monitoring.designed_on \" \" is blank",
	]
	pointer(designed(partnership, null)) == "/monitoring/designed_on"
}

test_a_comes_before_b if {
	d := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/designed_on"},
		{"op": "replace", "path": "/monitoring/measures", "value": []},
	])
	pointer(d) == "/monitoring"
	contains(message(d), "designed_on is missing")
}

# --- (b) no measure and no qualitative benefit

test_fail_b_when_no_measures_and_no_qualitative_benefits if {
	result(json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures"}])) == [
		"fail", "/monitoring",
		concat(" ", [
			"Neither measures nor qualitative benefits are recorded (monitoring.measures and",
			"monitoring.qualitative_benefits are both missing or empty), so nothing says how the",
			"benefits of working together will be seen",
		]),
	]
}

test_fail_b_when_both_lists_empty if {
	d := json.patch(partnership, [
		{"op": "replace", "path": "/monitoring/measures", "value": []},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": []},
	])
	status(d) == "fail"
	pointer(d) == "/monitoring"
	pointer(json.patch(d, [{"op": "replace", "path": "/monitoring/measures", "value": null}])) == "/monitoring"
}

test_b_comes_before_c if {
	d := json.patch(designed(recent, "2008-01-01"), [{"op": "remove", "path": "/monitoring/measures"}])
	status(d) == "fail"
	pointer(d) == "/monitoring"
	startswith(message(d), "Neither measures nor qualitative benefits")
}

# --- (c) designed too late while the partnership is young

test_fail_c_when_young_and_designed_day_after_grace if {
	result(designed(recent, "2007-07-01")) == [
		"fail", "/monitoring/designed_on",
		concat(" ", [
			"The monitoring was agreed 91 days after the partnership started:",
			"monitoring.designed_on \"2007-07-01\" is later than lifecycle.start \"2007-04-01\"",
			"plus the 90 days that monitoring_grace_days allows (2007-06-30), and it started within",
			"the last 24 months (on or after 2006-10-01, as monitoring_history_months sets), so",
			"there is still time to build monitoring in",
		]),
	]
}

test_warn_d_when_young_and_designed_on_last_day_of_grace if {
	result(designed(recent, "2007-06-30")) == [
		"warn", "/monitoring/designed_on",
		concat(" ", [
			"The monitoring was agreed 90 days after the partnership started:",
			"monitoring.designed_on \"2007-06-30\" is after lifecycle.start \"2007-04-01\", within",
			"the 90 days grace, but not built in from the start",
		]),
	]
}

test_fail_c_when_proposed_however_old_the_start if {
	d := json.patch(designed(partnership, "2006-07-01"), [{"op": "replace", "path": "/status", "value": "proposed"}])
	result(d) == [
		"fail", "/monitoring/designed_on",
		concat(" ", [
			"The monitoring was agreed 91 days after the partnership started:",
			"monitoring.designed_on \"2006-07-01\" is later than lifecycle.start \"2006-04-01\"",
			"plus the 90 days that monitoring_grace_days allows (2006-06-30), and the partnership",
			"is still proposed (status \"proposed\")",
		]),
	]
}

test_proposed_within_grace_warns if {
	d := json.patch(designed(partnership, "2006-06-30"), [{"op": "replace", "path": "/status", "value": "proposed"}])
	status(d) == "warn"
}

test_history_months_exactly_is_young if {
	# 24 months before 2008-10-01 is 2006-10-01: on that day is young
	d := designed(started(partnership, "2006-10-01"), "2007-01-01")
	status(d) == "fail"
	pointer(d) == "/monitoring/designed_on"
}

test_history_months_and_a_day_is_established if {
	d := designed(started(partnership, "2006-09-30"), "2007-01-01")
	result(d) == [
		"warn", "/monitoring/designed_on",
		concat(" ", [
			"The monitoring was agreed 93 days after the partnership started:",
			"monitoring.designed_on \"2007-01-01\" is later than lifecycle.start \"2006-09-30\"",
			"plus the 90 days that monitoring_grace_days allows (2006-12-29); the partnership is",
			"established (it started more than 24 months before today, as monitoring_history_months",
			"sets), so this history cannot be changed, but consider what it would build in from the",
			"start next time, and whether its monitoring now shows progress",
		]),
	]
}

test_history_months_clamped_at_month_end if {
	# one month before 2008-03-31 is 2008-02-29 (clamped): a start on that
	# day is young, one the day before is not
	d := designed(started(partnership, "2008-02-29"), "2008-06-01")
	r := outcome with input as d
		with data.cgcheck.today as "2008-03-31"
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 1
	r[0] == "fail"
	contains(r[2], "it started within the last 1 month (on or after 2008-02-29,")
	e := designed(started(partnership, "2008-02-28"), "2008-06-01")
	s := outcome with input as e
		with data.cgcheck.today as "2008-03-31"
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 1
	s[0] == "warn"
}

test_history_months_param_override if {
	d := designed(partnership, "2006-07-01")
	r := outcome with input as d
		with data.cgcheck.today as today
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 30
	r[0] == "fail"
	contains(r[2], "within the last 30 months (on or after 2006-04-01,")
	s := outcome with input as d
		with data.cgcheck.today as today
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 29
	s[0] == "warn"
}

test_history_months_zero_only_today_is_young if {
	d := designed(started(partnership, "2008-10-01"), "2009-01-01")
	r := outcome with input as d
		with data.cgcheck.today as today
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 0
	r[0] == "fail"
	e := designed(started(partnership, "2008-09-30"), "2009-01-01")
	s := outcome with input as e
		with data.cgcheck.today as today
		with data.cgcheck.params["monitoring-at-outset"].monitoring_history_months as 0
	s[0] == "warn"
}

test_grace_param_override if {
	params := {"monitoring-at-outset": {"monitoring_grace_days": 30}}

	# 2007-04-01 plus 30 days is 2007-05-01
	r := outcome with input as designed(
		recent,
		"2007-05-01",
	)
		with data.cgcheck.today as today with data.cgcheck.params as params
	r[0] == "warn"
	contains(r[2], "within the 30 days grace")
	s := outcome with input as designed(
		recent,
		"2007-05-02",
	)
		with data.cgcheck.today as today with data.cgcheck.params as params
	s[0] == "fail"
	contains(s[2], "plus the 30 days that monitoring_grace_days allows (2007-05-01)")
}

test_grace_zero_fails_day_after_start if {
	r := outcome with input as designed(
		recent,
		"2007-04-02",
	)
		with data.cgcheck.today as today with data.cgcheck.params["monitoring-at-outset"].monitoring_grace_days as 0
	r[0] == "fail"
	contains(r[2], "agreed 1 day after the partnership started")
	s := outcome with input as designed(
		recent,
		"2007-04-01",
	)
		with data.cgcheck.today as today with data.cgcheck.params["monitoring-at-outset"].monitoring_grace_days as 0
	s == "pass"
}

test_another_rules_params_do_not_apply if {
	r := outcome with input as designed(
		recent,
		"2007-05-02",
	)
		with data.cgcheck.today as today with data.cgcheck.params["structure-review"].monitoring_grace_days as 30
	r[0] == "warn"
}

test_c_comes_before_e_and_f if {
	late := designed(recent, "2008-01-01")
	d := json.patch(late, [
		{"op": "remove", "path": "/monitoring/measures"},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": ["Trust between front-line staff"]},
	])
	status(d) == "fail"
	pointer(d) == "/monitoring/designed_on"
	e := json.patch(late, [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	status(e) == "fail"
	pointer(e) == "/monitoring/designed_on"
}

# --- (d) designed after the start

test_warn_d_when_designed_day_after_start if {
	d := designed(recent, "2007-04-02")
	status(d) == "warn"
	pointer(d) == "/monitoring/designed_on"
	startswith(
		message(d),
		concat(" ", [
			"The monitoring was agreed 1 day after the partnership started: monitoring.designed_on",
			"\"2007-04-02\" is after lifecycle.start \"2007-04-01\"",
		]),
	)
}

test_warn_d_for_established_partnership_beyond_grace if {
	d := designed(partnership, "2007-01-01")
	status(d) == "warn"
	contains(message(d), "the partnership is established")
}

test_warn_d_for_established_partnership_within_grace if {
	d := designed(partnership, "2006-06-30")
	status(d) == "warn"
	contains(message(d), "within the 90 days grace")
}

test_d_comes_before_e_and_f if {
	late := designed(recent, "2007-05-01")
	d := json.patch(late, [
		{"op": "remove", "path": "/monitoring/measures"},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": ["Trust between front-line staff"]},
	])
	pointer(d) == "/monitoring/designed_on"
	e := json.patch(late, [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	pointer(e) == "/monitoring/designed_on"
	status(e) == "warn"
}

# --- (e) no measure, qualitative benefits only

test_warn_e_when_only_qualitative_benefits if {
	d := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures"},
		{
			"op": "add",
			"path": "/monitoring/qualitative_benefits",
			"value": ["Trust between front-line staff", "Families tell their story once"],
		},
	])
	result(d) == [
		"warn", "/monitoring",
		concat(" ", [
			"No measure is recorded (monitoring.measures is missing), only 2 qualitative benefits",
			"in monitoring.qualitative_benefits: the study found collaborative gain is not always",
			"explicitly measurable, but consider whether one measure could show progress",
		]),
	]
}

test_warn_e_when_measures_empty if {
	d := json.patch(partnership, [
		{"op": "replace", "path": "/monitoring/measures", "value": []},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": ["Trust between front-line staff"]},
	])
	status(d) == "warn"
	pointer(d) == "/monitoring/measures"
	contains(message(d), "(monitoring.measures is an empty list), only 1 qualitative benefit in")
}

test_e_comes_before_f if {
	# nothing to judge for (f) without measures, but (e) must not be hidden
	d := json.patch(partnership, [
		{"op": "replace", "path": "/monitoring/measures", "value": null},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": ["Trust"]},
	])
	pointer(d) == "/monitoring/measures"
	contains(message(d), "(monitoring.measures is null)")
}

# --- (f) no measure with both a baseline and a target

test_warn_f_when_no_measure_has_baseline_and_target if {
	d := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/baseline"}])
	result(d) == [
		"warn", "/monitoring/measures",
		concat(" ", [
			"No measure in monitoring.measures (2 recorded) has both a baseline and a target",
			"(isolation_target or collaborative_target), so progress cannot be shown against a",
			"starting point",
		]),
	]
}

test_warn_f_when_baseline_but_no_target if {
	d := json.patch(partnership, [{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"}])
	pointer(d) == "/monitoring/measures"
}

test_isolation_target_counts_as_target if {
	d := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"},
		{
			"op": "add",
			"path": "/monitoring/measures/1/isolation_target",
			"value": {"value": 1200, "date": "2010-03-31"},
		},
	])
	result(d) == "pass"
}

test_target_without_date_counts_as_target if {
	d := json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures/1/collaborative_target", "value": {"value": 1500}}],
	)
	result(d) == "pass"
}

test_baseline_and_target_on_different_measures_warns if {
	d := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/collaborative_target"},
		{
			"op": "add",
			"path": "/monitoring/measures/0/collaborative_target",
			"value": {"value": 40, "date": "2010-03-31"},
		},
	])
	status(d) == "warn"
	pointer(d) == "/monitoring/measures"
}

test_qualitative_benefits_do_not_excuse_f if {
	d := json.patch(partnership, [
		{"op": "remove", "path": "/monitoring/measures/1/baseline"},
		{"op": "add", "path": "/monitoring/qualitative_benefits", "value": ["Trust"]},
	])
	pointer(d) == "/monitoring/measures"
}

# --- odd types never error

test_odd_types_do_not_crash if {
	status(json.patch(partnership, [{"op": "replace", "path": "/monitoring/measures", "value": "several"}])) == "fail"
	status(json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/measures", "value": [1, "x", {"baseline": 3, "isolation_target": {}}]}],
	)) == "warn"
	status(json.patch(partnership, [{"op": "replace", "path": "/monitoring/designed_on", "value": 2006}])) == "fail"
	status(json.patch(partnership, [{"op": "remove", "path": "/lifecycle"}])) == "pass"
}
