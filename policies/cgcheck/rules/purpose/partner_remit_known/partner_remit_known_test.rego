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
			"interest": "Replaces two ageing council offices",
			"contributes": [{"kind": "asset", "what": "Site"}],
		},
		{
			"id": "police", "name": "Example Police", "role": "core",
			"remit": "Policing in the council area",
			"interest": "A town-centre base closer to the courts",
			"will_not_contribute": "No revenue funding beyond its share of construction",
		},
		{"id": "forum", "name": "Community Forum", "role": "consultee"},
	],
}

msg(who, ref, what, details) := sprintf("Core partner %s (%s) has not recorded %s: %s", [who, ref, what, details])

police_msg(what, details) := msg("Example Police", "\"police\"", what, details)

council_msg(what, details) := msg("Example Council", "\"council\"", what, details)

# pass

test_pass_when_remits_contributions_and_interests_known if {
	count(partner_remit_known.warn) == 0 with input as partnership
}

test_pass_when_only_will_not_contribute_given if {
	# police has an empty contributes list, and a will_not_contribute
	count(partner_remit_known.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "add", "path": "/partners/1/contributes", "value": []}],
	)
}

test_pass_when_only_contributes_given if {
	# council has contributions and no will_not_contribute; a blank one alongside does not matter
	count(partner_remit_known.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "add", "path": "/partners/0/will_not_contribute", "value": ""}],
	)
}

test_pass_for_consultee_and_contributor_without_remit if {
	# forum is a consultee with no remit, contributions or interest; make it a contributor too
	count(partner_remit_known.warn) == 0 with input as partnership
	count(partner_remit_known.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/2/role", "value": "contributor"}],
	)
}

test_pass_for_placeholder_as_written if {
	# "TBC" is not blank: placeholder-text reports it, not this rule
	count(partner_remit_known.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1/interest", "value": "TBC"}],
	)
}

test_pass_with_no_core_partners if {
	count(partner_remit_known.warn) == 0 with input as json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/partners",
			"value": [{"id": "forum", "name": "Community Forum", "role": "consultee"}],
		}],
	)
}

# warn: remit

test_warn_when_remit_missing if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/partners/1/remit"}],
	)
	result == {{"pointer": "/partners/1", "msg": police_msg("its remit", "partners[1].remit is missing")}}
}

test_warn_when_remit_blank if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/remit", "value": "   "}],
	)
	result == {{"pointer": "/partners/0", "msg": council_msg("its remit", "partners[0].remit is blank (\"   \")")}}
}

test_warn_when_remit_not_text if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/remit", "value": 42}],
	)
	result == {{"pointer": "/partners/0", "msg": council_msg("its remit", "partners[0].remit is not text (42)")}}
}

# warn: contributions

test_warn_when_no_contributions_recorded if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/partners/1/will_not_contribute"}],
	)
	result == {{"pointer": "/partners/1", "msg": police_msg(
		"what it will or will not contribute",
		"partners[1].contributes is missing and partners[1].will_not_contribute is missing",
	)}}
}

test_warn_when_contributes_empty_and_will_not_blank if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": []},
		{"op": "add", "path": "/partners/0/will_not_contribute", "value": " "},
	])
	result == {{"pointer": "/partners/0", "msg": council_msg(
		"what it will or will not contribute",
		"partners[0].contributes is empty and partners[0].will_not_contribute is blank (\" \")",
	)}}
}

test_warn_when_contributes_is_text_not_a_list if {
	# A non-empty string is not a list of contributions.
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/contributes", "value": "Site"}],
	)
	result == {{"pointer": "/partners/0", "msg": council_msg(
		"what it will or will not contribute",
		"partners[0].contributes is not a list (Site) and partners[0].will_not_contribute is missing",
	)}}
}

# warn: interest (v2)

test_warn_when_interest_missing if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/partners/1/interest"}],
	)
	result == {{
		"pointer": "/partners/1",
		"msg": police_msg("its own interest in the outcome", "partners[1].interest is missing"),
	}}
}

test_warn_when_interest_blank if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/interest", "value": ""}],
	)
	result == {{
		"pointer": "/partners/0",
		"msg": council_msg("its own interest in the outcome", "partners[0].interest is blank (\"\")"),
	}}
}

test_warn_when_interest_not_text if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/interest", "value": ["offices"]}],
	)
	[f] := [f | some f in result]
	f.pointer == "/partners/0"
	contains(f.msg, "has not recorded its own interest in the outcome: partners[0].interest is not text")
}

# one finding per partner

test_one_finding_listing_two_gaps if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/remit"},
		{"op": "remove", "path": "/partners/1/interest"},
	])
	result == {{"pointer": "/partners/1", "msg": police_msg(
		"its remit and its own interest in the outcome",
		"partners[1].remit is missing; partners[1].interest is missing",
	)}}
}

test_one_finding_listing_every_gap if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1", "value": {"id": "police", "name": "Example Police", "role": "core"}}],
	)
	result == {{"pointer": "/partners/1", "msg": police_msg(
		"its remit, what it will or will not contribute and its own interest in the outcome",
		concat(" ", [
			"partners[1].remit is missing; partners[1].contributes is missing and",
			"partners[1].will_not_contribute is missing; partners[1].interest is missing",
		]),
	)}}
}

test_one_finding_for_each_core_partner if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "remove", "path": "/partners/0/remit"},
		{"op": "remove", "path": "/partners/1/interest"},
	])
	result == {
		{"pointer": "/partners/0", "msg": council_msg("its remit", "partners[0].remit is missing")},
		{
			"pointer": "/partners/1",
			"msg": police_msg("its own interest in the outcome", "partners[1].interest is missing"),
		},
	}
}

test_partner_without_name_is_named_by_id if {
	result := partner_remit_known.warn with input as json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/name"},
		{"op": "remove", "path": "/partners/1/remit"},
	])
	result == {{
		"pointer": "/partners/1",
		"msg": msg("police", "\"police\"", "its remit", "partners[1].remit is missing"),
	}}
}

test_partner_without_id_or_name if {
	result := partner_remit_known.warn with input as json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/partners/1",
			"value": {"role": "core", "remit": "Policing", "interest": "A base"},
		}],
	)
	result == {{"pointer": "/partners/1", "msg": msg(
		"with no id", "no id", "what it will or will not contribute",
		"partners[1].contributes is missing and partners[1].will_not_contribute is missing",
	)}}
}
