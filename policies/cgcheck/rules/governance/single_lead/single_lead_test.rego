package cgcheck.rules.governance.single_lead_test

import data.cgcheck.rules.governance.single_lead

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "consultee"},
	],
}

test_pass_when_one_named_lead_partner if {
	count(single_lead.deny) == 0 with input as partnership
}

test_fail_when_lead_person_blank if {
	result := single_lead.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/lead/person", "value": "  "}],
	)
	{f.pointer | some f in result} == {"/lead/person"}
}

test_fail_when_lead_person_missing if {
	result := single_lead.deny with input as json.patch(partnership, [{"op": "remove", "path": "/lead/person"}])
	{f.pointer | some f in result} == {"/lead/person"}
}

test_fail_when_lead_partner_not_a_partner if {
	result := single_lead.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/lead/partner", "value": "nhs"}],
	)
	result == {{
		"pointer": "/lead/partner",
		"msg": "No lead organisation among the partners: lead.partner \"nhs\" names none of them",
	}}
}

test_fail_when_lead_partner_is_consultee if {
	result := single_lead.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/lead/partner", "value": "police"}],
	)
	[f] := [f | some f in result]
	f.pointer == "/lead/partner"
	contains(f.msg, "consultee")
}

test_fail_when_lead_partner_missing if {
	result := single_lead.deny with input as json.patch(partnership, [{"op": "remove", "path": "/lead/partner"}])
	{f.pointer | some f in result} == {"/lead"}
}

# Two partners sharing the lead's id is reported by references-resolve; it must
# not stop the policies from being evaluated (lib.partner used to produce
# conflicting values). The first partner with the id is the lead.
test_duplicate_lead_partner_id_is_not_an_error if {
	dup := json.patch(
		partnership,
		[{
			"op": "add",
			"path": "/partners/-",
			"value": {"id": "council", "name": "Council again", "role": "contributor"},
		}],
	)
	count(single_lead.deny) == 0 with input as dup
}

test_fail_when_first_partner_with_lead_id_is_consultee if {
	dup := json.patch(
		partnership,
		[{
			"op": "add",
			"path": "/partners/0",
			"value": {"id": "council", "name": "Council again", "role": "consultee"},
		}],
	)
	{f.pointer | some f in single_lead.deny} == {"/lead/partner"} with input as dup
}

test_blank_lead_person_message_names_the_value if {
	result := single_lead.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/lead/person", "value": "  "}],
	)
	result == {{"pointer": "/lead/person", "msg": "No single named lead is recorded: lead.person is blank (\"  \")"}}
}

test_missing_lead_person_message_says_missing if {
	result := single_lead.deny with input as json.patch(partnership, [{"op": "remove", "path": "/lead/person"}])
	result == {{"pointer": "/lead/person", "msg": "No single named lead is recorded: lead.person is missing"}}
}
