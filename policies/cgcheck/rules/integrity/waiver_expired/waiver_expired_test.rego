package cgcheck.rules.integrity.waiver_expired_test

import data.cgcheck.rules.integrity.waiver_expired

waiver := {
	"rule": "group-size",
	"justification": "All fourteen community councils sit on the board during the pilot year",
	"approved_by": "Council Executive",
	"approved_on": "2007-10-01",
	"expires": "2009-06-01",
}

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"waivers": [waiver],
}

test_pass_when_waiver_in_date if {
	count(waiver_expired.warn) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
	count(waiver_expired.skip) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_pass_when_waiver_expires_today if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2008-10-01"}])
	count(waiver_expired.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
}

test_warn_when_waiver_expired_yesterday if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/waivers/0/expires", "value": "2008-09-30"}])
	waiver_expired.warn == {{
		"pointer": "/waivers/0/expires",
		"msg": concat(" ", [
			"waivers[0] for rule \"group-size\" expired on 2008-09-30, before today (2008-10-01);",
			"the waived finding counts again",
		]),
	}} with input as doc
		with data.cgcheck.today as "2008-10-01"
}

test_warn_once_per_expired_waiver if {
	doc := json.patch(partnership, [
		{
			"op": "add",
			"path": "/waivers/-",
			"value": object.union(waiver, {"rule": "single-lead", "expires": "2008-01-31"}),
		},
		{
			"op": "add",
			"path": "/waivers/-",
			"value": object.union(waiver, {"rule": "senior-sponsor", "expires": "2008-02-29"}),
		},
	])
	{f.pointer | some f in waiver_expired.warn} == {"/waivers/1/expires", "/waivers/2/expires"} with input as doc
		with data.cgcheck.today as "2008-10-01"
}

test_skip_when_no_waivers if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/waivers"}])
	count(waiver_expired.warn) == 0 with input as doc with data.cgcheck.today as "2008-10-01"
	waiver_expired.skip == {"the descriptor has no waivers"} with input as doc with data.cgcheck.today as "2008-10-01"
}
