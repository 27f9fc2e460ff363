package cgcheck.rules.governance.reporting_line_test

import data.cgcheck.rules.governance.reporting_line

partnership := {
	"governance": {"body": "Project Board", "reports_to": "Council Executive"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

reports_to(value) := json.patch(partnership, [{"op": "replace", "path": "/governance/reports_to", "value": value}])

test_pass_when_reports_to_named if {
	count(reporting_line.deny) == 0 with input as partnership
}

test_pass_when_reports_to_another_descriptor_id if {
	count(reporting_line.deny) == 0 with input as reports_to("inverclyde-cpp")
}

test_pass_when_reports_to_list_of_two if {
	count(reporting_line.deny) == 0 with input as reports_to(["midlothian-ijb", "Midlothian Community Planning Board"])
}

test_pass_when_reports_to_list_of_one if {
	count(reporting_line.deny) == 0 with input as reports_to(["Council Executive"])
}

test_pass_when_one_list_entry_named_beside_blank_ones if {
	count(reporting_line.deny) == 0 with input as reports_to(["", "Council Executive", "  "])
}

test_fail_when_reports_to_blank if {
	reporting_line.deny == {{
		"pointer": "/governance/reports_to",
		"msg": concat(" ", [
			"No line of reporting is recorded: governance.reports_to \"   \" is blank; name the",
			"board or committee the group is accountable to",
		]),
	}} with input as reports_to("   ")
}

test_fail_when_reports_to_empty_string if {
	result := reporting_line.deny with input as reports_to("")
	{f.pointer | some f in result} == {"/governance/reports_to"}
}

test_fail_when_every_list_entry_blank if {
	reporting_line.deny == {{
		"pointer": "/governance/reports_to",
		"msg": concat(" ", [
			"No line of reporting is recorded: every entry of governance.reports_to [\"\",\" \"] is",
			"blank; name the board or committee the group is accountable to",
		]),
	}} with input as reports_to(["", " "])
}

test_fail_when_single_list_entry_blank if {
	result := reporting_line.deny with input as reports_to(["\t"])
	{f.pointer | some f in result} == {"/governance/reports_to"}
}

test_fail_when_list_holds_no_text if {
	result := reporting_line.deny with input as reports_to([null, 3])
	[f] := [f | some f in result]
	contains(f.msg, "every entry of governance.reports_to [null,3] is blank")
}

test_fail_when_reports_to_empty_list if {
	reporting_line.deny == {{
		"pointer": "/governance/reports_to",
		"msg": concat(" ", [
			"No line of reporting is recorded: governance.reports_to is an empty list; name the",
			"board or committee the group is accountable to",
		]),
	}} with input as reports_to([])
}

test_fail_when_reports_to_null if {
	result := reporting_line.deny with input as reports_to(null)
	[f] := [f | some f in result]
	f.pointer == "/governance/reports_to"
	contains(f.msg, "governance.reports_to null is not the name of a board or committee")
}

test_fail_when_reports_to_an_object if {
	result := reporting_line.deny with input as reports_to({"board": "Council"})
	{f.pointer | some f in result} == {"/governance/reports_to"}
}

test_fail_when_reports_to_missing if {
	result := reporting_line.deny with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/governance/reports_to"}],
	)
	[f] := [f | some f in result]
	f.pointer == "/governance"
	f.msg == concat(" ", [
		"No line of reporting is recorded: governance.reports_to is missing; name the board or",
		"committee the group is accountable to",
	])
}

test_fail_at_root_when_governance_missing if {
	result := reporting_line.deny with input as json.patch(partnership, [{"op": "remove", "path": "/governance"}])
	{f.pointer | some f in result} == {""}
}

test_fail_at_root_when_governance_not_an_object if {
	result := reporting_line.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/governance", "value": "Board"}],
	)
	[f] := [f | some f in result]
	contains(f.msg, "governance.reports_to is missing")
}
