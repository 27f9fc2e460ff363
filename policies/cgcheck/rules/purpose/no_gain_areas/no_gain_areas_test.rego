package cgcheck.rules.purpose.no_gain_areas_test

import data.cgcheck.rules.purpose.no_gain_areas

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"no_gain_areas": ["Court scheduling and case management stay with the courts"],
		"agreed_by": ["council", "police"],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
}

with_areas(v) := json.patch(partnership, [{"op": "replace", "path": "/purpose/no_gain_areas", "value": v}])

test_pass_when_no_gain_areas_recorded if {
	count(no_gain_areas.warn) == 0 with input as partnership
}

test_pass_with_several_areas if {
	count(no_gain_areas.warn) == 0 with input as with_areas(["Court scheduling", "Police operations"])
}

test_pass_with_one_entry_whatever_it_says if {
	# an entry that is a placeholder is placeholder-text's to report
	count(no_gain_areas.warn) == 0 with input as with_areas(["TBC"])
}

test_warn_when_empty if {
	result := no_gain_areas.warn with input as with_areas([])
	result == {{
		"pointer": "/purpose/no_gain_areas",
		"msg": "It is not recorded where working together is not expected to add value: purpose.no_gain_areas is empty",
	}}
}

test_warn_when_missing_points_at_purpose if {
	result := no_gain_areas.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/purpose/no_gain_areas"}],
	)
	result == {{
		"pointer": "/purpose",
		"msg": concat(" ", [
			"It is not recorded where working together is not expected to add value:",
			"purpose.no_gain_areas is missing",
		]),
	}}
}

test_warn_when_null if {
	result := no_gain_areas.warn with input as with_areas(null)
	result == {{
		"pointer": "/purpose/no_gain_areas",
		"msg": concat(" ", [
			"It is not recorded where working together is not expected to add value:",
			"purpose.no_gain_areas is not a list (null)",
		]),
	}}
}

test_warn_when_not_a_list if {
	result := no_gain_areas.warn with input as with_areas("Court scheduling")
	[f] := [f | some f in result]
	f.pointer == "/purpose/no_gain_areas"
	contains(f.msg, "purpose.no_gain_areas is not a list (Court scheduling)")
}

test_warn_when_purpose_missing_points_at_root if {
	result := no_gain_areas.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	result == {{
		"pointer": "",
		"msg": concat(" ", [
			"It is not recorded where working together is not expected to add value:",
			"purpose.no_gain_areas is missing",
		]),
	}}
}

test_warn_when_purpose_not_an_object if {
	result := no_gain_areas.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose", "value": 7}],
	)
	{f.pointer | some f in result} == {"/purpose"}
}
