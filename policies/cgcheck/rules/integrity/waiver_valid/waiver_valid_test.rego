package cgcheck.rules.integrity.waiver_valid_test

import data.cgcheck.rules.integrity.waiver_valid

waiver := {
	"rule": "group-size",
	"justification": "All fourteen community councils sit on the board during the pilot year",
	"approved_by": "Council Executive",
	"approved_on": "2008-06-01",
	"expires": "2009-06-01",
}

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"waivers": [waiver],
}

catalogue := ["group-size", "single-lead", "waiver-valid", "waiver-expired"]

test_pass_when_waivers_are_valid if {
	count(waiver_valid.deny) == 0 with input as partnership
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.catalogue as catalogue
	count(waiver_valid.skip) == 0 with input as partnership
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.catalogue as catalogue
}

test_skip_when_no_waivers if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/waivers"}])
	count(waiver_valid.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	waiver_valid.skip == {"the descriptor has no waivers"} with input as doc with data.cgcheck.today as "2008-10-01"
	waiver_valid.skip == {"the descriptor has no waivers"} with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/waivers", "value": []}],
	)
		with data.cgcheck.today as "2008-10-01"
}

test_fail_once_per_invalid_waiver_with_all_reasons if {
	doc := json.patch(partnership, [
		{
			"op": "add",
			"path": "/waivers/-",
			"value": object.union(waiver, {"rule": "waiver-expired", "justification": "Agreed at the board"}),
		},
		{"op": "add", "path": "/waivers/-", "value": object.union(waiver, {"rule": "single-lead"})},
		{"op": "add", "path": "/waivers/-", "value": object.union(waiver, {"rule": "group-sise"})},
	])
	waiver_valid.deny == {
		{
			"pointer": "/waivers/1",
			"msg": concat(" ", [
				"waivers[1] for rule \"waiver-expired\" is invalid and waives nothing: justification",
				"has 19 characters after trimming, fewer than 40; rule \"waiver-expired\" cannot be",
				"waived (no waiver can hide parse, placeholder-text, references-resolve, schema,",
				"waiver-expired, waiver-valid)",
			]),
		},
		{
			"pointer": "/waivers/3",
			"msg": concat(" ", [
				"waivers[3] for rule \"group-sise\" is invalid and waives nothing: rule \"group-sise\"",
				"is not a known rule",
			]),
		},
	} with input as doc
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.catalogue as catalogue
}

test_pass_unknown_rule_without_catalogue if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/rule", "value": "group-sise"}])
	count(waiver_valid.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_fail_when_approval_missing if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/waivers/0/approved_by"}])
	[f] := [f | some f in waiver_valid.deny] with input as doc with data.cgcheck.today as "2008-10-01"
	f.pointer == "/waivers/0"
	contains(f.msg, "approved_by is missing or blank")
}

test_pass_at_24_months if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2010-06-01"}])
	count(waiver_valid.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_fail_at_24_months_and_a_day if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2010-06-02"}])
	[f] := [f | some f in waiver_valid.deny] with input as doc with data.cgcheck.today as "2008-10-01"
	f.pointer == "/waivers/0"
	contains(f.msg, "more than 24 months after approved_on 2008-06-01")
}

test_param_override if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2009-06-02"}])
	count(waiver_valid.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in waiver_valid.deny] with input as doc
		with data.cgcheck.today as "2008-10-01"
		with data.cgcheck.params["waiver-valid"].waiver_max_months as 12
	contains(f.msg, "more than 12 months")
}

test_default_param_from_metadata if {
	waiver_valid.max_months == 24
	waiver_valid.max_months == 6 with data.cgcheck.params["waiver-valid"].waiver_max_months as 6
}

test_expired_waiver_is_not_invalid if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2008-09-30"}])
	count(waiver_valid.deny) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_fail_when_waiving_placeholder_text if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/rule", "value": "placeholder-text"}])
	[f] := [f | some f in waiver_valid.deny] with input as doc with data.cgcheck.today as "2008-10-01"
	contains(f.msg, "rule \"placeholder-text\" cannot be waived")
}
