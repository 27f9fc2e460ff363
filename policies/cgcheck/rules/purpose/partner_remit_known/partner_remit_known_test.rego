package cgcheck.rules.purpose.partner_remit_known_test

import data.cgcheck.rules.purpose.partner_remit_known

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"agreed_by": ["council", "police"],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{
			"id": "council", "name": "Example Council", "role": "core",
			"remit": "Local authority services, planning and estates",
			"contributes": [{"kind": "asset", "what": "Site"}],
		},
		{
			"id": "police", "name": "Example Police", "role": "core",
			"remit": "Policing in the council area",
			"will_not_contribute": "No revenue funding beyond its share of construction",
		},
		{"id": "forum", "name": "Community Forum", "role": "consultee"},
	],
}

test_pass_when_remits_and_contributions_known if {
	count(partner_remit_known.warn) == 0 with input as partnership
}

test_pass_when_only_will_not_contribute_given if {
	# police has no contributes list, only will_not_contribute
	count(partner_remit_known.warn) == 0 with input as json.patch(partnership, [{"op": "add", "path": "/partners/1/contributes", "value": []}])
}

test_pass_for_consultee_and_contributor_without_remit if {
	# forum is a consultee with neither remit nor contributions; make it a contributor too
	count(partner_remit_known.warn) == 0 with input as partnership
	count(partner_remit_known.warn) == 0 with input as json.patch(partnership, [{"op": "replace", "path": "/partners/2/role", "value": "contributor"}])
}

test_warn_when_remit_missing if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "remove", "path": "/partners/1/remit"}])
	result == {{"pointer": "/partners/1", "msg": "core partner \"police\" has no remit recorded: partners[1].remit is missing"}}
}

test_warn_when_remit_blank if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "replace", "path": "/partners/0/remit", "value": "   "}])
	[f] := [f | some f in result]
	f.pointer == "/partners/0/remit"
	contains(f.msg, "partners[0].remit is blank")
}

test_warn_when_no_contributions_recorded if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "remove", "path": "/partners/1/will_not_contribute"}])
	result == {{"pointer": "/partners/1", "msg": "core partner \"police\" records neither what it contributes nor what it will not contribute: partners[1].contributes is missing and partners[1].will_not_contribute is missing"}}
}

test_warn_when_contributes_empty_and_will_not_blank if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": []},
		{"op": "add", "path": "/partners/0/will_not_contribute", "value": " "},
	])
	[f] := [f | some f in result]
	f.pointer == "/partners/0/contributes"
	contains(f.msg, "partners[0].contributes is empty and partners[0].will_not_contribute is blank")
}

test_warn_points_at_will_not_contribute_when_only_it_exists if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "replace", "path": "/partners/1/will_not_contribute", "value": ""}])
	{f.pointer | some f in result} == {"/partners/1/will_not_contribute"}
}

test_warn_twice_when_partner_has_neither if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "replace", "path": "/partners/1", "value": {"id": "police", "name": "Example Police", "role": "core"}}])
	{f.pointer | some f in result} == {"/partners/1"}
	count(result) == 2
}

test_warn_for_each_core_partner if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "remove", "path": "/partners/0/remit"},
		{"op": "remove", "path": "/partners/1/remit"},
	])
	{f.pointer | some f in result} == {"/partners/0", "/partners/1"}
}

test_warn_when_remit_not_text if {
	result := partner_remit_known.warn with input as json.patch(partnership, [{"op": "replace", "path": "/partners/0/remit", "value": 42}])
	[f] := [f | some f in result]
	f.pointer == "/partners/0/remit"
	contains(f.msg, "partners[0].remit is 42")
}

test_warn_when_contributes_is_text_not_a_list if {
	# A non-empty string is not a list of contributions (the other core
	# partner's list is in order, so only this one can warn).
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": "Site"},
		{"op": "add", "path": "/partners/1/contributes", "value": [{"kind": "staff", "what": "Officers"}]},
	])
	[f] := [f | some f in result]
	f.pointer == "/partners/0/contributes"
	contains(f.msg, "partners[0].contributes is blank (\"Site\")")
}
