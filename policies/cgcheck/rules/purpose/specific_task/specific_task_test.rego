package cgcheck.rules.purpose.specific_task_test

import data.cgcheck.rules.purpose.specific_task

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
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
}

test_pass_when_task_stated if {
	count(specific_task.deny) == 0 with input as partnership
}

test_fail_when_task_blank if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/task", "value": "  "}])
	result == {{"pointer": "/purpose/task", "msg": "No specific task is recorded: purpose.task is blank (\"  \")"}}
}

test_fail_when_task_empty_string if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/task", "value": ""}])
	{f.pointer | some f in result} == {"/purpose/task"}
}

test_fail_when_task_missing_points_at_purpose if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose/task"}])
	result == {{"pointer": "/purpose", "msg": "No specific task is recorded: purpose.task is missing"}}
}

test_fail_when_purpose_missing_points_at_root if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}

test_fail_when_task_not_text if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/task", "value": 42}])
	[f] := [f | some f in result]
	f.pointer == "/purpose/task"
	contains(f.msg, "not text")
}
