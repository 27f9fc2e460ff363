# METADATA
# title: Strategy translated into an action plan
# description: >-
#   The partnership has an action plan and keeps it up to date. Fails when
#   action_plan is missing or an empty list. Warns once for each item whose
#   status is not done and whose due date is before today (due < today as
#   YYYY-MM-DD strings: an item due today is not yet past its date, one due
#   yesterday is). Items with status done never warn, whatever their date.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: action-plan
#   theme: action
#   severity: fail
#   levels: [fail, warn]
#   section: Executive Summary
#   quote: practically translated into effective action plans
#   remediation: >-
#     Translate the vision into an action plan: what will be done, by which
#     partner, and by when. Where an item has slipped past its date, agree a
#     new date or mark it done, and ask what is holding it up. The case
#     studies showed a clear strategic vision, practically translated into
#     effective action plans, and a ‘bias towards action’ in delivering on
#     partnership objectives.
#   plain:
#     pass: >-
#       It has an action plan, and the plan is up to date.
#     warn: >-
#       Some actions are past their due date.
#     fail: >-
#       It has no action plan.
#   question: >-
#     What are the next steps, who owns each, and are they on time?
#   params: {}
package cgcheck.rules.action.action_plan

import data.cgcheck.lib

deny contains lib.finding(plan_pointer, msg) if {
	count(object.get(input, "action_plan", [])) == 0
	msg := sprintf("No action plan is recorded: action_plan %s", [plan_state])
}

warn contains lib.finding(sprintf("/action_plan/%d/due", [i]), msg) if {
	some i, item in object.get(input, "action_plan", [])
	status := object.get(item, "status", null)
	status != "done"
	is_string(item.due)
	item.due < lib.today
	msg := sprintf(
		"action_plan[%d] %s is %s and its due date %s is before today (%s)",
		[i, label(item), json.marshal(status), item.due, lib.today],
	)
}

default plan_pointer := ""

plan_pointer := "/action_plan" if {
	_ := input.action_plan
}

default plan_state := "is missing"

plan_state := "is empty" if {
	_ := input.action_plan
}

label(item) := json.marshal(item.what) if {
	is_string(item.what)
} else := "(no description)"
