package cgcheck.rules.governance.reporting_line_test

import data.cgcheck.rules.governance.reporting_line

partnership := {
	"governance": {"body": "Project Board", "reports_to": "Council Executive"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

test_pass_when_reports_to_named if {
	count(reporting_line.deny) == 0 with input as partnership
}

test_pass_when_reports_to_another_descriptor_id if {
	count(reporting_line.deny) == 0 with input as json.patch(partnership, [{"op": "replace", "path": "/governance/reports_to", "value": "inverclyde-cpp"}])
}

test_fail_when_reports_to_blank if {
	result := reporting_line.deny with input as json.patch(partnership, [{"op": "replace", "path": "/governance/reports_to", "value": "   "}])
	result == {{"pointer": "/governance/reports_to", "msg": "No line of reporting is recorded: governance.reports_to \"   \" is blank"}}
}

test_fail_when_reports_to_empty_string if {
	result := reporting_line.deny with input as json.patch(partnership, [{"op": "replace", "path": "/governance/reports_to", "value": ""}])
	{f.pointer | some f in result} == {"/governance/reports_to"}
}

test_fail_when_reports_to_missing if {
	result := reporting_line.deny with input as json.patch(partnership, [{"op": "remove", "path": "/governance/reports_to"}])
	[f] := [f | some f in result]
	f.pointer == "/governance"
	contains(f.msg, "governance.reports_to is missing")
}

test_fail_at_root_when_governance_missing if {
	result := reporting_line.deny with input as json.patch(partnership, [{"op": "remove", "path": "/governance"}])
	{f.pointer | some f in result} == {""}
}
