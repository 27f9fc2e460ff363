package cgcheck.rules.evidence.evidence_base_test

import data.cgcheck.rules.evidence.evidence_base

partnership := {
	"id": "korsakoff-support",
	"status": "active",
	"purpose": {
		"task": "Provide supported accommodation and care for people with Korsakoff's syndrome",
		"why_partnership": "No single agency has the housing, health and social work expertise together",
		"agreed_by": ["council", "nhs"],
	},
	"lead": {"partner": "council", "person": "Head of Social Work"},
	"partners": [
		{"id": "council", "name": "Inverclyde Council", "role": "core"},
		{"id": "nhs", "name": "NHS Greater Glasgow and Clyde", "role": "core"},
	],
	"evidence": [
		{"id": "admissions", "type": "quantitative", "source": "Hospital admissions data", "date": "2007-03-31"},
		{"id": "case-reviews", "type": "qualitative", "source": "Social work case reviews", "date": "2008-06-30"},
		{"id": "census", "type": "quantitative", "source": "Census 2001", "date": "2003-02-01"},
	],
}

# with_newest makes items 0 and 2 years older and dates item 1 (the newest) at date.
with_newest(date) := json.patch(partnership, [
	{"op": "replace", "path": "/evidence/0/date", "value": "2001-01-01"},
	{"op": "replace", "path": "/evidence/1/date", "value": date},
	{"op": "replace", "path": "/evidence/2/date", "value": "2002-01-01"},
])

test_pass_with_both_types_and_recent_evidence if {
	count(evidence_base.deny) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
	count(evidence_base.warn) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_fail_when_evidence_empty if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/evidence", "value": []}])
	evidence_base.deny == {{
		"pointer": "/evidence",
		"msg": "No evidence base is recorded: evidence is empty",
	}} with input as doc with data.cgcheck.today as "2008-10-01"
	count(evidence_base.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_fail_when_evidence_missing_points_at_root if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/evidence"}])
	evidence_base.deny == {{
		"pointer": "",
		"msg": "No evidence base is recorded: evidence is missing",
	}} with input as doc with data.cgcheck.today as "2008-10-01"
	count(evidence_base.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_warn_when_only_quantitative if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/evidence/1/type", "value": "quantitative"}])
	count(evidence_base.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	result := evidence_base.warn with input as doc with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "/evidence", "msg": "All 3 evidence items are quantitative; none is qualitative"}}
}

test_warn_when_only_qualitative_single_item if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/evidence", "value": [partnership.evidence[1]]}])
	result := evidence_base.warn with input as doc with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "/evidence", "msg": "The one evidence item is qualitative; none is quantitative"}}
}

test_pass_when_newest_exactly_36_months_before_today if {
	count(evidence_base.warn) == 0 with input as with_newest("2005-10-01") with data.cgcheck.today as "2008-10-01"
}

test_warn_when_newest_36_months_and_one_day_before_today if {
	result := evidence_base.warn with input as with_newest("2005-09-30") with data.cgcheck.today as "2008-10-01"
	result == {{
		"pointer": "/evidence/1/date",
		"msg": concat(" ", [
			"The newest evidence (case-reviews) is dated 2005-09-30, more than 36 months before",
			"today (2008-10-01; evidence_max_age_months)",
		]),
	}}
}

test_pass_when_newest_one_day_under_36_months if {
	count(evidence_base.warn) == 0 with input as with_newest("2005-10-02") with data.cgcheck.today as "2008-10-01"
}

test_age_uses_newest_not_oldest if {
	# items 0 and 2 are far older than 36 months; item 1 is recent
	count(evidence_base.warn) == 0 with input as with_newest("2008-01-01") with data.cgcheck.today as "2008-10-01"
}

test_age_points_at_first_of_tied_newest if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/evidence/0/date", "value": "2004-05-05"},
		{"op": "replace", "path": "/evidence/1/date", "value": "2004-05-05"},
	])
	result := evidence_base.warn with input as doc with data.cgcheck.today as "2008-10-01"
	{f.pointer | some f in result} == {"/evidence/0/date"}
}

test_param_override_exactly_30_months if {
	count(evidence_base.warn) == 0 with input as with_newest("2006-04-01")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["evidence-base"].evidence_max_age_months as 30
}

test_param_override_30_months_and_one_day if {
	result := evidence_base.warn with input as with_newest("2006-03-31")
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["evidence-base"].evidence_max_age_months as 30
	[f] := [f | some f in result]
	f.pointer == "/evidence/1/date"
	contains(f.msg, "more than 30 months before today (2008-10-01; evidence_max_age_months)")
}

test_param_default_is_36 if {
	evidence_base.max_age == 36 with input as partnership
}

# 2005-08-31 plus 30 months is 2008-02-29 (clamped): not before today.
test_month_end_clamped_is_not_more if {
	count(evidence_base.warn) == 0 with input as with_newest("2005-08-31")
		with data.cgcheck.today as "2008-02-29"
		with data.cgcheck.params["evidence-base"].evidence_max_age_months as 30
}

# 2005-08-29 is exactly 30 months before 2008-02-29.
test_month_end_exact_is_not_more if {
	count(evidence_base.warn) == 0 with input as with_newest("2005-08-29")
		with data.cgcheck.today as "2008-02-29"
		with data.cgcheck.params["evidence-base"].evidence_max_age_months as 30
}

# 2005-08-28 plus 30 months is 2008-02-28, the day before today.
test_month_end_one_day_more_warns if {
	result := evidence_base.warn with input as with_newest("2005-08-28")
		with data.cgcheck.today as "2008-02-29"
		with data.cgcheck.params["evidence-base"].evidence_max_age_months as 30
	{f.pointer | some f in result} == {"/evidence/1/date"}
}

test_two_warnings_when_one_type_and_old if {
	doc := json.patch(
		with_newest("2005-01-01"),
		[{"op": "replace", "path": "/evidence/1/type", "value": "quantitative"}],
	)
	count(evidence_base.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	result := evidence_base.warn with input as doc with data.cgcheck.today as "2008-10-01"
	{f.pointer | some f in result} == {"/evidence", "/evidence/1/date"}
}
