package cgcheck.rules.purpose.client_groups_defined_test

import data.cgcheck.rules.purpose.client_groups_defined

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
	"client_groups": [{
		"name": "Adults with Korsakoff's syndrome",
		"definition": "Adults diagnosed with alcohol-related brain damage living in the area",
		"service": "Supported accommodation with specialist care",
		"intended_impact": "Fewer hospital admissions and more people living independently",
	}],
}

group(name, definition) := {
	"name": name,
	"definition": definition,
	"service": "Supported accommodation with specialist care",
	"intended_impact": "Fewer hospital admissions",
}

with_groups(groups) := json.patch(partnership, [{"op": "replace", "path": "/client_groups", "value": groups}])

msg(label, problems) := sprintf(
	concat(" ", [
		"Client group %s is not defined closely enough to tailor a service to: %s. Say who",
		"exactly is in the group (for example by age, need, circumstance or place) and how they",
		"are identified",
	]),
	[label, problems],
)

# pass

test_pass_when_client_group_defined if {
	count(client_groups_defined.deny) == 0 with input as partnership
	count(client_groups_defined.warn) == 0 with input as partnership
}

test_pass_with_definition_of_exactly_three_words if {
	# young, care, leavers: the hyphen separates words
	count(client_groups_defined.warn) == 0 with input as with_groups([group("Care leavers", "Young care-leavers")])
}

test_pass_when_name_only_contains_a_generic_word if {
	# only the whole name is compared: "Young people leaving care" is not "people"
	doc := with_groups([
		group("Young people leaving care", "Young people leaving local authority care"),
		group("Residents of Broomhill", "Tenants of the Broomhill estate"),
		group("Public transport users over 60", "Bus and rail passengers over 60"),
	])
	count(client_groups_defined.warn) == 0 with input as doc
}

test_pass_when_param_no_longer_lists_the_name if {
	count(client_groups_defined.warn) == 0 with input as with_groups([group(
		"Residents",
		"Tenants of the Broomhill estate",
	)])
		with data.cgcheck.params["client-groups-defined"].generic_client_groups as ["everyone"]
}

# fail

test_fail_when_client_groups_empty if {
	doc := with_groups([])
	result := client_groups_defined.deny with input as doc
	result == {{"pointer": "/client_groups", "msg": "No client groups are defined: client_groups is empty"}}
	count(client_groups_defined.warn) == 0 with input as doc
}

test_fail_when_client_groups_missing_points_at_root if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/client_groups"}])
	result := client_groups_defined.deny with input as doc
	result == {{"pointer": "", "msg": "No client groups are defined: client_groups is missing"}}
	count(client_groups_defined.warn) == 0 with input as doc
}

test_fail_when_client_groups_null if {
	result := client_groups_defined.deny with input as with_groups(null)
	result == {{"pointer": "/client_groups", "msg": "No client groups are defined: client_groups is not a list (null)"}}
}

test_fail_when_client_groups_not_a_list if {
	doc := with_groups({"name": "Everyone"})
	result := client_groups_defined.deny with input as doc
	[f] := [f | some f in result]
	f.pointer == "/client_groups"
	contains(f.msg, "client_groups is not a list")
	count(client_groups_defined.warn) == 0 with input as doc
}

# warn: generic name

test_warn_for_generic_name if {
	doc := with_groups([group("Everyone", "Every resident of Inverclyde of any age")])
	count(client_groups_defined.deny) == 0 with input as doc
	client_groups_defined.warn == {{"pointer": "/client_groups/0", "msg": msg(
		"\"Everyone\"",
		"client_groups[0].name \"Everyone\" is a general term rather than a group",
	)}} with input as doc
}

test_warn_for_generic_name_folded if {
	# case, punctuation and white space are folded: "The  Public." is "the public"
	result := client_groups_defined.warn with input as with_groups([group(
		"The  Public.",
		"Anyone who lives in or visits the area",
	)])
	result == {{"pointer": "/client_groups/0", "msg": msg(
		"\"The  Public.\"",
		"client_groups[0].name \"The  Public.\" is a general term rather than a group",
	)}}
}

test_warn_for_every_default_generic_name if {
	every name in [
		"everyone",
		"all",
		"all residents",
		"residents",
		"the public",
		"general public",
		"public",
		"the community",
		"community",
		"communities",
		"all citizens",
		"citizens",
		"people",
		"all people",
		"service users",
		"customers",
		"all ages",
	] {
		count(client_groups_defined.warn) == 1 with input as with_groups([group(
			upper(name),
			"Anyone living in the area",
		)])
	}
}

test_warn_for_name_added_by_param if {
	result := client_groups_defined.warn with input as with_groups([group(
		"Local families",
		"Families with children living in Greenock",
	)])
		with data.cgcheck.params["client-groups-defined"].generic_client_groups as ["local families"]
	{f.pointer | some f in result} == {"/client_groups/0"}
}

# warn: short definition

test_warn_when_definition_has_two_words if {
	doc := with_groups([group("Care leavers", "Care leavers")])
	count(client_groups_defined.deny) == 0 with input as doc
	client_groups_defined.warn == {{"pointer": "/client_groups/0", "msg": msg(
		"\"Care leavers\"",
		"client_groups[0].definition \"Care leavers\" has 2 words (fewer than 3)",
	)}} with input as doc
}

test_warn_when_definition_has_one_word if {
	result := client_groups_defined.warn with input as with_groups([group("Care leavers", "TBC")])
	[f] := [f | some f in result]
	contains(f.msg, "client_groups[0].definition \"TBC\" has 1 word (fewer than 3)")
}

test_warn_when_definition_blank if {
	result := client_groups_defined.warn with input as with_groups([group("Care leavers", "  ")])
	[f] := [f | some f in result]
	contains(f.msg, "client_groups[0].definition \"  \" has 0 words (fewer than 3)")
}

test_warn_when_definition_missing if {
	result := client_groups_defined.warn with input as with_groups([{
		"name": "Care leavers",
		"service": "Mentoring",
		"intended_impact": "Fewer leave without a home",
	}])
	result == {{
		"pointer": "/client_groups/0",
		"msg": msg("\"Care leavers\"", "client_groups[0].definition is missing"),
	}}
}

test_warn_when_definition_not_text if {
	result := client_groups_defined.warn with input as with_groups([group("Care leavers", 16)])
	result == {{
		"pointer": "/client_groups/0",
		"msg": msg("\"Care leavers\"", "client_groups[0].definition is not text (16)"),
	}}
}

# one finding per client group

test_one_finding_naming_both_problems if {
	# the content-free proposal of rules.md
	result := client_groups_defined.warn with input as with_groups([group("Everyone", "All")])
	result == {{"pointer": "/client_groups/0", "msg": msg(
		"\"Everyone\"",
		concat(" ", [
			"client_groups[0].name \"Everyone\" is a general term rather than a group, and",
			"client_groups[0].definition \"All\" has 1 word (fewer than 3)",
		]),
	)}}
}

test_one_finding_for_each_client_group if {
	doc := with_groups([
		group("Adults with Korsakoff's syndrome", "Adults diagnosed with alcohol-related brain damage"),
		group("Service users", "Anyone using our services"),
		group("Carers", "Unpaid carers"),
	])
	result := client_groups_defined.warn with input as doc
	{f.pointer | some f in result} == {"/client_groups/1", "/client_groups/2"}
	count(result) == 2
}

test_group_without_name_is_judged_on_its_definition if {
	result := client_groups_defined.warn with input as with_groups([{"definition": "Carers"}])
	result == {{
		"pointer": "/client_groups/0",
		"msg": msg("with no name", "client_groups[0].definition \"Carers\" has 1 word (fewer than 3)"),
	}}
}

test_entry_that_is_not_an_object_is_not_judged if {
	count(client_groups_defined.warn) == 0 with input as with_groups(["Everyone"])
}
