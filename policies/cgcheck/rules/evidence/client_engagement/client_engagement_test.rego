package cgcheck.rules.evidence.client_engagement_test

import data.cgcheck.rules.evidence.client_engagement

partnership := {
	"id": "young-people-choices",
	"status": "active",
	"purpose": {
		"task": "Reduce the number of young people not in education, employment or training",
		"why_partnership": "Schools, colleges and employers each hold part of the route into work",
		"agreed_by": ["council", "college"],
	},
	"lead": {"partner": "council", "person": "Head of Education"},
	"partners": [
		{"id": "council", "name": "West Lothian Council", "role": "core"},
		{"id": "college", "name": "West Lothian College", "role": "core"},
	],
	"engagement": [
		{"client_group": "Young people leaving school", "method": "forum", "date": "2007-11-15"},
		{"client_group": "Young people leaving school", "method": "survey", "date": "2008-05-20"},
	],
}

with_newest(date) := json.patch(partnership, [
	{"op": "replace", "path": "/engagement/0/date", "value": "2001-01-01"},
	{"op": "replace", "path": "/engagement/1/date", "value": date},
])

test_pass_when_active_and_recent if {
	count(client_engagement.warn) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
	count(client_engagement.skip) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_warn_when_engagement_empty if {
	result := client_engagement.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/engagement", "value": []}],
	)
		with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "/engagement", "msg": "No engagement with client groups is recorded: engagement is empty"}}
}

test_warn_when_engagement_missing_points_at_root if {
	result := client_engagement.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/engagement"}],
	)
		with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "", "msg": "No engagement with client groups is recorded: engagement is missing"}}
}

test_warn_when_engagement_empty_even_if_not_active if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/status", "value": "proposed"},
		{"op": "remove", "path": "/engagement"},
	])
	{f.pointer | some f in client_engagement.warn} == {""} with input as doc with data.cgcheck.today as "2008-10-01"
	count(client_engagement.skip) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_pass_when_newest_exactly_12_months_before_today if {
	count(client_engagement.warn) == 0 with input as with_newest("2007-10-01") with data.cgcheck.today as "2008-10-01"
}

test_warn_when_newest_12_months_and_one_day_before_today if {
	result := client_engagement.warn with input as with_newest("2007-09-30") with data.cgcheck.today as "2008-10-01"
	result == {{
		"pointer": "/engagement/1/date",
		"msg": concat(" ", [
			"The newest engagement with client groups (engagement[1], survey with \"Young people",
			"leaving school\") is dated 2007-09-30, more than 12 months before today (2008-10-01;",
			"engagement_max_age_months), and status is active",
		]),
	}}
}

test_pass_when_newest_one_day_under_12_months if {
	count(client_engagement.warn) == 0 with input as with_newest("2007-10-02") with data.cgcheck.today as "2008-10-01"
}

test_age_uses_newest_item if {
	# item 0 is years old, item 1 is recent
	count(client_engagement.warn) == 0 with input as with_newest("2008-09-01") with data.cgcheck.today as "2008-10-01"
}

test_param_default_is_12 if {
	client_engagement.max_age == 12 with input as partnership
}

test_param_override_exactly_6_months if {
	count(client_engagement.warn) == 0 with input as with_newest("2008-04-01")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["client-engagement"].engagement_max_age_months as 6
}

test_param_override_6_months_and_one_day if {
	result := client_engagement.warn with input as with_newest("2008-03-31")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["client-engagement"].engagement_max_age_months as 6
	[f] := [f | some f in result]
	f.pointer == "/engagement/1/date"
	contains(f.msg, "more than 6 months before today (2008-10-01; engagement_max_age_months)")
}

# 2005-08-31 plus 30 months is 2008-02-29 (clamped): not before today.
test_month_end_clamped_is_not_more if {
	count(client_engagement.warn) == 0 with input as with_newest("2005-08-31")
		with data.cgcheck.today as "2008-02-29"
		with data.cgcheck.params["client-engagement"].engagement_max_age_months as 30
}

# 2005-08-28 plus 30 months is 2008-02-28, the day before today.
test_month_end_one_day_more_warns if {
	result := client_engagement.warn with input as with_newest("2005-08-28")
		with data.cgcheck.today as "2008-02-29"
		with data.cgcheck.params["client-engagement"].engagement_max_age_months as 30
	{f.pointer | some f in result} == {"/engagement/1/date"}
}

test_skip_age_when_proposed if {
	doc := json.patch(with_newest("2004-01-01"), [{"op": "replace", "path": "/status", "value": "proposed"}])
	count(client_engagement.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	reasons := client_engagement.skip with input as doc with data.cgcheck.today as "2008-10-01"
	[r] := [r | some r in reasons]
	contains(r, "status is \"proposed\"")
}

test_skip_age_when_closing_or_closed if {
	every status in ["closing", "closed"] {
		doc := json.patch(with_newest("2004-01-01"), [{"op": "replace", "path": "/status", "value": status}])
		count(client_engagement.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
		count(client_engagement.skip) == 1 with input as doc with data.cgcheck.today as "2008-10-01"
	}
}

test_no_skip_when_active_and_old if {
	doc := with_newest("2004-01-01")
	count(client_engagement.warn) == 1 with input as doc with data.cgcheck.today as "2008-10-01"
	count(client_engagement.skip) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}
