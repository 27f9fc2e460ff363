package cgcheck.rules.governance.senior_sponsor_test

import data.cgcheck.rules.governance.senior_sponsor

partnership := {
	"governance": {
		"body": "Project Board",
		"reports_to": "Council Executive",
		"senior_sponsors": [{"partner": "council", "post": "Chief Executive", "kind": "senior_officer"}],
	},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

test_pass_with_one_sponsor if {
	count(senior_sponsor.deny) == 0 with input as partnership
}

test_pass_with_an_elected_member_only if {
	sponsors := [{"partner": "council", "post": "Council Leader", "kind": "elected_member"}]
	count(senior_sponsor.deny) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/governance/senior_sponsors", "value": sponsors}],
	)
}

test_fail_when_sponsors_empty if {
	result := senior_sponsor.deny with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/governance/senior_sponsors", "value": []}],
	)
	[f] := [f | some f in result]
	f.pointer == "/governance/senior_sponsors"
	contains(f.msg, "governance.senior_sponsors is empty")
}

test_fail_when_sponsors_missing if {
	result := senior_sponsor.deny with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/governance/senior_sponsors"}],
	)
	[f] := [f | some f in result]
	f.pointer == "/governance"
	contains(f.msg, "governance.senior_sponsors is missing")
}

test_fail_at_root_when_governance_missing if {
	result := senior_sponsor.deny with input as json.patch(partnership, [{"op": "remove", "path": "/governance"}])
	{f.pointer | some f in result} == {""}
}
