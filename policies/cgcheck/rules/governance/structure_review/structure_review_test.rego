package cgcheck.rules.governance.structure_review_test

import data.cgcheck.rules.governance.structure_review

partnership := {
	"status": "active",
	"lifecycle": {"start": "2006-04-01", "last_structure_review": "2007-10-01"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

with_review(date) := json.patch(
	partnership,
	[{"op": "replace", "path": "/lifecycle/last_structure_review", "value": date}],
)

without_review := json.patch(partnership, [{"op": "remove", "path": "/lifecycle/last_structure_review"}])

# Default interval 12 months, today 2008-10-01: the limit is 2007-10-01.

test_pass_when_review_exactly_12_months_before_today if {
	count(structure_review.warn) == 0 with input as with_review("2007-10-01") with data.cgcheck.today as "2008-10-01"
}

test_pass_when_review_one_day_less_than_12_months_before if {
	count(structure_review.warn) == 0 with input as with_review("2007-10-02") with data.cgcheck.today as "2008-10-01"
}

test_warn_when_review_one_day_more_than_12_months_before if {
	result := structure_review.warn with input as with_review("2007-09-30") with data.cgcheck.today as "2008-10-01"
	result == {{
		"pointer": "/lifecycle/last_structure_review",
		"msg": "lifecycle.last_structure_review \"2007-09-30\" is more than 12 months before today (2008-10-01)",
	}}
}

test_pass_when_review_recent_even_if_start_old if {
	count(structure_review.warn) == 0 with input as with_review("2008-06-01") with data.cgcheck.today as "2008-10-01"
}

# Without a recorded review the interval counts from lifecycle.start.

test_warn_from_start_when_no_review if {
	result := structure_review.warn with input as without_review with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in result]
	f.pointer == "/lifecycle/start"
	contains(f.msg, "No structure review is recorded")
	contains(f.msg, "\"2006-04-01\"")
}

test_pass_from_start_exactly_on_limit if {
	input_doc := json.patch(without_review, [{"op": "replace", "path": "/lifecycle/start", "value": "2007-10-01"}])
	count(structure_review.warn) == 0 with input as input_doc with data.cgcheck.today as "2008-10-01"
}

test_warn_from_start_one_day_past_limit if {
	input_doc := json.patch(without_review, [{"op": "replace", "path": "/lifecycle/start", "value": "2007-09-30"}])
	result := structure_review.warn with input as input_doc with data.cgcheck.today as "2008-10-01"
	{f.pointer | some f in result} == {"/lifecycle/start"}
}

test_pass_from_start_one_day_inside_limit if {
	input_doc := json.patch(without_review, [{"op": "replace", "path": "/lifecycle/start", "value": "2007-10-02"}])
	count(structure_review.warn) == 0 with input as input_doc with data.cgcheck.today as "2008-10-01"
}

# Month end: 2008-02-29 plus 12 months is 2009-02-28 (clamped).

test_month_end_pass_on_clamped_limit if {
	count(structure_review.warn) == 0 with input as with_review("2008-02-29") with data.cgcheck.today as "2009-02-28"
}

test_month_end_pass_day_before_clamped_limit if {
	count(structure_review.warn) == 0 with input as with_review("2008-02-29") with data.cgcheck.today as "2009-02-27"
}

test_month_end_warn_day_after_clamped_limit if {
	result := structure_review.warn with input as with_review("2008-02-29") with data.cgcheck.today as "2009-03-01"
	{f.pointer | some f in result} == {"/lifecycle/last_structure_review"}
}

# Month end with a param: 2008-08-31 plus 1 month is 2008-09-30.

test_param_override_month_end_on_limit if {
	count(structure_review.warn) == 0 with input as with_review("2008-08-31")
		with data.cgcheck.today as "2008-09-30"
		with data.cgcheck.params["structure-review"].review_interval_months as 1
}

test_param_override_month_end_past_limit if {
	result := structure_review.warn with input as with_review("2008-08-31")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["structure-review"].review_interval_months as 1
	[f] := [f | some f in result]
	f.pointer == "/lifecycle/last_structure_review"
	contains(f.msg, "more than 1 month before today (2008-10-01)")
}

test_param_override_longer_interval_passes if {
	count(structure_review.warn) == 0 with input as with_review("2007-09-30")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["structure-review"].review_interval_months as 18
}

# Statuses other than active are skipped.

test_skip_when_status_not_active if {
	every status in ["proposed", "closing", "closed"] {
		input_doc := json.patch(with_review("2001-01-01"), [{"op": "replace", "path": "/status", "value": status}])
		count(structure_review.warn) == 0 with input as input_doc with data.cgcheck.today as "2008-10-01"
		reasons := structure_review.skip with input as input_doc with data.cgcheck.today as "2008-10-01"
		reasons == {sprintf("status is \"%s\"; structure-review applies only to active partnerships", [status])}
	}
}

test_no_skip_when_active if {
	count(structure_review.skip) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_skip_when_no_dates_recorded if {
	input_doc := json.patch(without_review, [{"op": "remove", "path": "/lifecycle/start"}])
	count(structure_review.warn) == 0 with input as input_doc with data.cgcheck.today as "2008-10-01"
	reasons := structure_review.skip with input as input_doc with data.cgcheck.today as "2008-10-01"
	count(reasons) == 1
}
