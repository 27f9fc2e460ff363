package cgcheck.rules.action.sustainable_funding_test

import data.cgcheck.rules.action.sustainable_funding

# Mainstream funding plus pump-priming that runs to the expiry date, no plan.
partnership := {
	"lifecycle": {"start": "2006-04-01", "expires": "2010-03-31"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"funding": {"sources": [
		{"from": "Example Council", "partner": "council", "kind": "mainstream", "amount_gbp": 200000},
		{"from": "Scottish Government", "kind": "pump_priming", "amount_gbp": 50000, "ends": "2010-03-31"},
	]},
}

# Only pump-priming.
pump_only := json.patch(partnership, [{"op": "remove", "path": "/funding/sources/0"}])

with_ends(doc, ends) := json.patch(doc, [{"op": "replace", "path": "/funding/sources/1/ends", "value": ends}])

with_plan(doc, plan) := json.patch(doc, [{"op": "add", "path": "/funding/sustainability_plan", "value": plan}])

test_pass_mixed_funding_ending_with_expiry if {
	count(sustainable_funding.warn) == 0 with input as partnership
	count(sustainable_funding.skip) == 0 with input as partnership
}

# Every source is pump-priming.

test_warn_when_all_pump_priming_and_no_plan if {
	result := sustainable_funding.warn with input as pump_only
	result == {{
		"pointer": "/funding",
		"msg": "1 of 1 funding.sources are pump_priming and funding.sustainability_plan is missing",
	}}
}

test_warn_when_all_pump_priming_and_plan_blank if {
	result := sustainable_funding.warn with input as with_plan(pump_only, " ")
	[f] := [f | some f in result]
	f.pointer == "/funding/sustainability_plan"
	contains(f.msg, "funding.sustainability_plan \" \" is blank")
}

test_pass_when_all_pump_priming_with_plan if {
	count(sustainable_funding.warn) == 0 with input as with_plan(
		pump_only,
		"Partners mainstream the service from April 2010",
	)
}

test_no_all_pump_priming_warn_when_one_source_is_not if {
	count(sustainable_funding.warn) == 0 with input as partnership
}

# Pump-priming ending before lifecycle.expires (2010-03-31).

test_warn_when_pump_priming_ends_day_before_expiry if {
	result := sustainable_funding.warn with input as with_ends(partnership, "2010-03-30")
	result == {{
		"pointer": "/funding/sources/1/ends",
		"msg": concat(" ", [
			"funding.sources[1] \"Scottish Government\" is pump_priming and ends 2010-03-30, before",
			"lifecycle.expires 2010-03-31, and funding.sustainability_plan is missing",
		]),
	}}
}

test_pass_when_pump_priming_ends_on_expiry if {
	count(sustainable_funding.warn) == 0 with input as with_ends(partnership, "2010-03-31")
}

test_pass_when_pump_priming_ends_day_after_expiry if {
	count(sustainable_funding.warn) == 0 with input as with_ends(partnership, "2010-04-01")
}

test_warn_month_end_pump_priming_ends_day_before_expiry if {
	input_doc := json.patch(
		with_ends(partnership, "2008-02-29"),
		[{"op": "replace", "path": "/lifecycle/expires", "value": "2008-03-01"}],
	)
	result := sustainable_funding.warn with input as input_doc
	{f.pointer | some f in result} == {"/funding/sources/1/ends"}
}

test_pass_month_end_pump_priming_ends_on_expiry if {
	input_doc := json.patch(
		with_ends(partnership, "2008-02-29"),
		[{"op": "replace", "path": "/lifecycle/expires", "value": "2008-02-29"}],
	)
	count(sustainable_funding.warn) == 0 with input as input_doc
}

test_pass_when_early_ending_pump_priming_has_plan if {
	count(sustainable_funding.warn) == 0 with input as with_plan(
		with_ends(partnership, "2009-03-31"),
		"Council mainstreams the posts from April 2009",
	)
}

test_no_ends_warn_for_mainstream_ending_early if {
	input_doc := json.patch(partnership, [{"op": "add", "path": "/funding/sources/0/ends", "value": "2008-03-31"}])
	count(sustainable_funding.warn) == 0 with input as input_doc
}

test_no_ends_warn_without_expires if {
	input_doc := json.patch(with_ends(partnership, "2009-03-31"), [{"op": "remove", "path": "/lifecycle/expires"}])
	count(sustainable_funding.warn) == 0 with input as input_doc
}

test_no_ends_warn_without_ends if {
	input_doc := json.patch(partnership, [{"op": "remove", "path": "/funding/sources/1/ends"}])
	count(sustainable_funding.warn) == 0 with input as input_doc
}

test_both_warnings_given_separately if {
	input_doc := json.patch(pump_only, [{"op": "replace", "path": "/funding/sources/0/ends", "value": "2009-03-31"}])
	result := sustainable_funding.warn with input as input_doc
	{f.pointer | some f in result} == {"/funding", "/funding/sources/0/ends"}
}

# No funding sources.

test_skip_when_sources_empty if {
	input_doc := json.patch(partnership, [{"op": "replace", "path": "/funding/sources", "value": []}])
	count(sustainable_funding.warn) == 0 with input as input_doc
	sustainable_funding.skip == {"no funding.sources are recorded"} with input as input_doc
}

test_skip_when_no_funding if {
	input_doc := json.patch(partnership, [{"op": "remove", "path": "/funding"}])
	count(sustainable_funding.warn) == 0 with input as input_doc
	sustainable_funding.skip == {"no funding.sources are recorded"} with input as input_doc
}
