package cgcheck.rules.governance.workstream_leads_test

import data.cgcheck.rules.governance.workstream_leads

partnership := {
	"scale": "programme",
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "nhs", "name": "Example Health Board", "role": "core"},
	],
	"workstreams": [
		{"id": "housing", "name": "Housing support", "lead": "council"},
		{"id": "health", "name": "Health checks", "lead": "nhs"},
	],
}

project := json.patch(partnership, [
	{"op": "replace", "path": "/scale", "value": "project"},
	{"op": "remove", "path": "/workstreams"},
])

test_pass_programme_with_led_workstreams if {
	count(workstream_leads.deny) == 0 with input as partnership
	count(workstream_leads.warn) == 0 with input as partnership
	count(workstream_leads.skip) == 0 with input as partnership
}

test_fail_when_workstream_lead_missing if {
	result := workstream_leads.deny with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/workstreams/1/lead"}],
	)
	result == {{"pointer": "/workstreams/1", "msg": "workstreams[1] \"health\" has no lead: lead is missing"}}
}

test_fail_when_workstream_lead_blank if {
	result := workstream_leads.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/workstreams/0/lead", "value": " "}],
	)
	result == {{"pointer": "/workstreams/0/lead", "msg": "workstreams[0] \"housing\" has no lead: lead \" \" is blank"}}
}

test_fail_once_per_workstream_without_lead if {
	result := workstream_leads.deny with input as json.patch(partnership, [
		{"op": "replace", "path": "/workstreams/0/lead", "value": ""},
		{"op": "remove", "path": "/workstreams/1/lead"},
	])
	{f.pointer | some f in result} == {"/workstreams/0/lead", "/workstreams/1"}
}

test_fail_in_project_scale_too if {
	input_doc := json.patch(partnership, [
		{"op": "replace", "path": "/scale", "value": "project"},
		{"op": "remove", "path": "/workstreams/0/lead"},
	])
	{f.pointer | some f in workstream_leads.deny} == {"/workstreams/0"} with input as input_doc
}

test_warn_when_programme_has_no_workstreams if {
	result := workstream_leads.warn with input as json.patch(partnership, [{"op": "remove", "path": "/workstreams"}])
	[f] := [f | some f in result]
	f.pointer == "/scale"
	contains(f.msg, "workstreams is missing")
}

test_warn_when_programme_workstreams_empty if {
	result := workstream_leads.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/workstreams", "value": []}],
	)
	[f] := [f | some f in result]
	f.pointer == "/workstreams"
	contains(f.msg, "workstreams is empty")
}

test_programme_with_one_workstream_does_not_warn if {
	input_doc := json.patch(partnership, [{"op": "remove", "path": "/workstreams/1"}])
	count(workstream_leads.warn) == 0 with input as input_doc
	count(workstream_leads.deny) == 0 with input as input_doc
}

test_skip_project_without_workstreams if {
	count(workstream_leads.warn) == 0 with input as project
	count(workstream_leads.deny) == 0 with input as project
	workstream_leads.skip == {"scale is \"project\" and no workstreams are recorded"} with input as project
}

test_skip_when_scale_not_given if {
	input_doc := json.patch(project, [{"op": "remove", "path": "/scale"}])
	count(workstream_leads.warn) == 0 with input as input_doc
	count(workstream_leads.skip) == 1 with input as input_doc
}

test_project_with_led_workstreams_passes if {
	input_doc := json.patch(partnership, [{"op": "replace", "path": "/scale", "value": "project"}])
	count(workstream_leads.deny) == 0 with input as input_doc
	count(workstream_leads.warn) == 0 with input as input_doc
	count(workstream_leads.skip) == 0 with input as input_doc
}
