package cgcheck.waivers_test

import data.cgcheck.waivers

today := "2008-10-01"

# justification_40 has exactly 40 characters (runes); it is longer in bytes,
# so the tests also show that characters are counted, not bytes.
justification_40 := "Board of 14 agreed for the ‘pilot’ year."

justification_39 := "Board of 14 agreed for the ‘pilot’ year"

waiver := {
	"rule": "group-size",
	"justification": "All fourteen community councils sit on the board during the pilot year",
	"approved_by": "Council Executive",
	"approved_on": "2008-06-01",
	"expires": "2009-06-01",
}

descriptor := {"waivers": [waiver]}

with_waiver(patch) := json.patch(
	descriptor,
	[object.union(p, {"path": concat("", ["/waivers/0/", p.path])}) | some p in patch],
)

test_valid_waiver_is_effective if {
	waivers.effective == {{
		"index": 0,
		"rule": "group-size",
		"justification": waiver.justification,
		"approved_by": "Council Executive",
		"approved_on": "2008-06-01",
		"expires": "2009-06-01",
	}} with input as descriptor
		with data.cgcheck.today as today
	count(waivers.invalid) == 0 with input as descriptor with data.cgcheck.today as today
	count(waivers.expired) == 0 with input as descriptor with data.cgcheck.today as today
}

test_no_waivers if {
	count(waivers.effective) == 0 with input as {} with data.cgcheck.today as today
	count(waivers.invalid) == 0 with input as {} with data.cgcheck.today as today
}

test_unknown_rule_with_catalogue_is_invalid if {
	doc := with_waiver([{"op": "replace", "path": "rule", "value": "group-sise"}])
	waivers.invalid == {0: {"rule \"group-sise\" is not a known rule"}} with input as doc
		with data.cgcheck.today as today
		with data.cgcheck.catalogue as ["group-size", "single-lead"]
	count(waivers.effective) == 0 with input as doc
		with data.cgcheck.today as today
		with data.cgcheck.catalogue as ["group-size", "single-lead"]
}

test_known_rule_with_catalogue_is_valid if {
	count(waivers.invalid) == 0 with input as descriptor
		with data.cgcheck.today as today
		with data.cgcheck.catalogue as ["group-size", "single-lead"]
	count(waivers.effective) == 1 with input as descriptor
		with data.cgcheck.today as today
		with data.cgcheck.catalogue as ["group-size", "single-lead"]
}

test_unknown_rule_without_catalogue_is_not_flagged if {
	doc := with_waiver([{"op": "replace", "path": "rule", "value": "group-sise"}])
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as today
	[w.rule | some w in waivers.effective] == ["group-sise"] with input as doc with data.cgcheck.today as today
}

test_unwaivable_rules if {
	every rule in ["waiver-valid", "waiver-expired", "references-resolve", "placeholder-text", "schema", "parse"] {
		doc := with_waiver([{"op": "replace", "path": "rule", "value": rule}])
		waivers.invalid == {0: {sprintf(
			concat(" ", [
				"rule %q cannot be waived (no waiver can hide parse, placeholder-text,",
				"references-resolve, schema, waiver-expired, waiver-valid)",
			]),
			[rule],
		)}} with input as doc
			with data.cgcheck.today as today
			with data.cgcheck.catalogue as [
				"group-size",
				"waiver-valid",
				"waiver-expired",
				"references-resolve",
				"placeholder-text",
			]
		count(waivers.effective) == 0 with input as doc with data.cgcheck.today as today
	}
}

test_rule_missing_or_blank if {
	every patch in [{"op": "remove", "path": "rule"}, {"op": "replace", "path": "rule", "value": " "}] {
		doc := with_waiver([patch])
		waivers.invalid == {0: {"rule is missing or blank"}} with input as doc
			with data.cgcheck.today as today
			with data.cgcheck.catalogue as ["group-size"]
	}
}

test_justification_of_40_characters_is_valid if {
	count(justification_40) == 40
	doc := with_waiver([{"op": "replace", "path": "justification", "value": justification_40}])
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as today
}

test_justification_of_39_characters_is_invalid if {
	count(justification_39) == 39
	doc := with_waiver([{"op": "replace", "path": "justification", "value": justification_39}])
	waivers.invalid == {0: {"justification has 39 characters after trimming, fewer than 40"}} with input as doc
		with data.cgcheck.today as today
}

test_justification_is_trimmed_before_counting if {
	doc := with_waiver([{
		"op": "replace",
		"path": "justification",
		"value": concat("", ["   ", justification_39, "\n"]),
	}])
	waivers.invalid == {0: {"justification has 39 characters after trimming, fewer than 40"}} with input as doc
		with data.cgcheck.today as today
}

test_justification_missing_or_blank if {
	every patch in [
		{"op": "remove", "path": "justification"},
		{"op": "replace", "path": "justification", "value": " \t"},
	] {
		waivers.invalid == {0: {"justification is missing or blank"}} with input as with_waiver([patch])
			with data.cgcheck.today as today
	}
}

test_approval_and_expiry_missing_or_blank if {
	every field in ["approved_by", "approved_on", "expires"] {
		waivers.invalid == {0: {sprintf(
			"%s is missing or blank",
			[field],
		)}} with input as with_waiver([{"op": "remove", "path": field}])
			with data.cgcheck.today as today
		waivers.invalid == {0: {sprintf("%s is missing or blank", [field])}} with input as with_waiver([{
			"op": "replace",
			"path": field,
			"value": "",
		}])
			with data.cgcheck.today as today
	}
}

test_dates_that_are_not_dates if {
	doc := with_waiver([{"op": "replace", "path": "approved_on", "value": "June 2008"}])
	waivers.invalid == {0: {"approved_on \"June 2008\" is not a date (YYYY-MM-DD)"}} with input as doc
		with data.cgcheck.today as today
}

test_expires_before_approved_on if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": "2008-05-31"}])
	waivers.invalid == {0: {"expires 2008-05-31 is before approved_on 2008-06-01"}} with input as doc
		with data.cgcheck.today as "2008-05-01"
}

test_expires_on_approved_on_is_valid if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": "2008-06-01"}])
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as "2008-05-01"
}

test_expires_exactly_24_months_after_approval_is_valid if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": "2010-06-01"}])
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as today
	count(waivers.effective) == 1 with input as doc with data.cgcheck.today as today
}

test_expires_24_months_and_a_day_after_approval_is_invalid if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": "2010-06-02"}])
	waivers.invalid == {0: {concat(" ", [
		"expires 2010-06-02 is more than 24 months after approved_on 2008-06-01 (latest",
		"2010-06-01)",
	])}} with input as doc
		with data.cgcheck.today as today
	count(waivers.effective) == 0 with input as doc with data.cgcheck.today as today
}

test_month_limit_clamps_to_month_end if {
	doc := with_waiver([
		{"op": "replace", "path": "approved_on", "value": "2008-02-29"},
		{"op": "replace", "path": "expires", "value": "2010-02-28"},
	])
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as today
	late := with_waiver([
		{"op": "replace", "path": "approved_on", "value": "2008-02-29"},
		{"op": "replace", "path": "expires", "value": "2010-03-01"},
	])
	[r | some r in waivers.invalid[0]] == [concat(" ", [
		"expires 2010-03-01 is more than 24 months after approved_on 2008-02-29 (latest",
		"2010-02-28)",
	])] with input as late
		with data.cgcheck.today as today
}

test_waiver_max_months_param if {
	ok := with_waiver([{"op": "replace", "path": "expires", "value": "2009-06-01"}])
	count(waivers.invalid) == 0 with input as ok
		with data.cgcheck.today as today
		with data.cgcheck.params["waiver-valid"].waiver_max_months as 12
	late := with_waiver([{"op": "replace", "path": "expires", "value": "2009-06-02"}])
	waivers.invalid == {0: {concat(" ", [
		"expires 2009-06-02 is more than 12 months after approved_on 2008-06-01 (latest",
		"2009-06-01)",
	])}} with input as late
		with data.cgcheck.today as today
		with data.cgcheck.params["waiver-valid"].waiver_max_months as 12
}

test_several_reasons_are_all_given if {
	doc := with_waiver([
		{"op": "replace", "path": "rule", "value": "schema"},
		{"op": "replace", "path": "justification", "value": "Agreed"},
		{"op": "remove", "path": "approved_by"},
	])
	waivers.invalid == {0: {
		concat(" ", [
			"rule \"schema\" cannot be waived (no waiver can hide parse, placeholder-text,",
			"references-resolve, schema, waiver-expired, waiver-valid)",
		]),
		"justification has 6 characters after trimming, fewer than 40",
		"approved_by is missing or blank",
	}} with input as doc
		with data.cgcheck.today as today
}

test_waiver_expiring_today_is_in_force if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": today}])
	count(waivers.expired) == 0 with input as doc with data.cgcheck.today as today
	count(waivers.effective) == 1 with input as doc with data.cgcheck.today as today
}

test_waiver_that_expired_yesterday_waives_nothing if {
	doc := with_waiver([{"op": "replace", "path": "expires", "value": "2008-09-30"}])
	object.keys(waivers.expired) == {0} with input as doc with data.cgcheck.today as today
	waivers.expired[0].expires == "2008-09-30" with input as doc with data.cgcheck.today as today
	count(waivers.invalid) == 0 with input as doc with data.cgcheck.today as today
	count(waivers.effective) == 0 with input as doc with data.cgcheck.today as today
}

test_indices_follow_the_waivers_list if {
	doc := {"waivers": [
		waiver,
		object.union(waiver, {"justification": "Too short"}),
		object.union(waiver, {"rule": "single-lead", "expires": "2008-09-30"}),
	]}
	object.keys(waivers.invalid) == {1} with input as doc with data.cgcheck.today as today
	object.keys(waivers.expired) == {2} with input as doc with data.cgcheck.today as today
	{[
		w.index,
		w.rule,
	] |
		some w in waivers.effective
	} == {[0, "group-size"]} with input as doc with data.cgcheck.today as today
}
