package cgcheck.rules.purpose.mandate_defined_test

import data.cgcheck.rules.purpose.mandate_defined

partnership := {
	"id": "korsakoff-support",
	"status": "active",
	"purpose": {
		"task": "Provide supported accommodation and care for people with Korsakoff's syndrome in Inverclyde",
		"why_partnership": "No single agency has the housing, health and social work expertise together",
		"mandate": "Inverclyde has the highest incidence of Korsakoff's syndrome in Europe (NHS GGC, 2007)",
		"agreed_by": ["council", "nhs"],
	},
	"lead": {"partner": "council", "person": "Head of Social Work"},
	"partners": [
		{"id": "council", "name": "Inverclyde Council", "role": "core"},
		{"id": "nhs", "name": "NHS Greater Glasgow and Clyde", "role": "core"},
	],
}

test_pass_when_mandate_stated if {
	count(mandate_defined.warn) == 0 with input as partnership
}

test_pass_for_placeholder_as_written if {
	# "TBC" is not blank: placeholder-text reports it, not this rule
	count(mandate_defined.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": "TBC"}],
	)
}

test_pass_for_one_word if {
	count(mandate_defined.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": "Statutory"}],
	)
}

test_warn_when_mandate_missing_points_at_purpose if {
	result := mandate_defined.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose/mandate"}])
	result == {{
		"pointer": "/purpose",
		"msg": "The mandate for the partnership, the need it answers, is not recorded: purpose.mandate is missing",
	}}
}

test_warn_when_mandate_blank if {
	result := mandate_defined.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": " \n"}],
	)
	result == {{
		"pointer": "/purpose/mandate",
		"msg": concat(" ", [
			"The mandate for the partnership, the need it answers, is not recorded: purpose.mandate",
			"is blank (\" \\n\")",
		]),
	}}
}

test_warn_when_mandate_empty_string if {
	result := mandate_defined.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": ""}],
	)
	result == {{
		"pointer": "/purpose/mandate",
		"msg": "The mandate for the partnership, the need it answers, is not recorded: purpose.mandate is blank (\"\")",
	}}
}

test_warn_when_mandate_null if {
	result := mandate_defined.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": null}],
	)
	result == {{
		"pointer": "/purpose/mandate",
		"msg": concat(" ", [
			"The mandate for the partnership, the need it answers, is not recorded: purpose.mandate",
			"is not text (null)",
		]),
	}}
}

test_warn_when_mandate_not_text if {
	result := mandate_defined.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/mandate", "value": ["evidence"]}],
	)
	[f] := [f | some f in result]
	f.pointer == "/purpose/mandate"
	contains(f.msg, "purpose.mandate is not text")
}

test_warn_when_purpose_missing_points_at_root if {
	result := mandate_defined.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	result == {{
		"pointer": "",
		"msg": "The mandate for the partnership, the need it answers, is not recorded: purpose.mandate is missing",
	}}
}

test_warn_when_purpose_not_an_object if {
	result := mandate_defined.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose", "value": "Support"}],
	)
	{f.pointer | some f in result} == {"/purpose"}
}
