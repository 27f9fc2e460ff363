package cgcheck.rules.action.action_plan_test

import data.cgcheck.rules.action.action_plan

partnership := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"action_plan": [
		{"what": "Site start", "owner": "council", "due": "2007-06-30", "status": "done"},
		{"what": "Building occupied", "owner": "council", "due": "2010-03-31", "status": "planned"},
	],
}

with_item(due, status) := json.patch(
	partnership,
	[{
		"op": "add",
		"path": "/action_plan/-",
		"value": {"what": "Snagging closed", "owner": "council", "due": due, "status": status},
	}],
)

test_pass_with_plan_on_track if {
	count(action_plan.deny) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
	count(action_plan.warn) == 0 with input as partnership with data.cgcheck.today as "2008-10-01"
}

test_fail_when_action_plan_empty if {
	result := action_plan.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/action_plan", "value": []}],
	)
		with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "/action_plan", "msg": "No action plan is recorded: action_plan is empty"}}
}

test_fail_when_action_plan_missing if {
	result := action_plan.deny with input as json.patch(partnership, [{"op": "remove", "path": "/action_plan"}])
		with data.cgcheck.today as "2008-10-01"
	result == {{"pointer": "", "msg": "No action plan is recorded: action_plan is missing"}}
}

# Boundaries, today 2008-10-01: due yesterday (crossing a month end) warns,
# due today and due tomorrow do not.

test_warn_when_due_day_before_today_across_month_end if {
	result := action_plan.warn with input as with_item("2008-09-30", "in_progress")
		with data.cgcheck.today as "2008-10-01"
	result == {{
		"pointer": "/action_plan/2/due",
		"msg": concat(" ", [
			"action_plan[2] \"Snagging closed\" is \"in_progress\" and its due date 2008-09-30 is",
			"before today (2008-10-01)",
		]),
	}}
}

test_pass_when_due_today if {
	count(action_plan.warn) == 0 with input as with_item("2008-10-01", "in_progress")
		with data.cgcheck.today as "2008-10-01"
}

test_pass_when_due_day_after_today if {
	count(action_plan.warn) == 0 with input as with_item("2008-10-02", "planned")
		with data.cgcheck.today as "2008-10-01"
}

test_warn_when_planned_item_overdue if {
	result := action_plan.warn with input as with_item("2008-02-29", "planned")
		with data.cgcheck.today as "2008-10-01"
	[f] := [f | some f in result]
	f.pointer == "/action_plan/2/due"
	contains(f.msg, "\"planned\"")
}

test_pass_when_done_item_is_past_due if {
	count(action_plan.warn) == 0 with input as with_item("2008-09-30", "done")
		with data.cgcheck.today as "2008-10-01"
}

test_warn_once_per_overdue_item if {
	input_doc := json.patch(
		with_item("2008-09-30", "planned"),
		[{"op": "replace", "path": "/action_plan/1/due", "value": "2008-01-31"}],
	)
	result := action_plan.warn with input as input_doc with data.cgcheck.today as "2008-10-01"
	{f.pointer | some f in result} == {"/action_plan/1/due", "/action_plan/2/due"}
	count(action_plan.deny) == 0 with input as input_doc with data.cgcheck.today as "2008-10-01"
}

test_today_moves_the_boundary if {
	count(action_plan.warn) == 0 with input as with_item("2008-09-30", "planned")
		with data.cgcheck.today as "2008-09-30"
	count(action_plan.warn) == 1 with input as with_item("2008-09-30", "planned")
		with data.cgcheck.today as "2008-10-01"
}
