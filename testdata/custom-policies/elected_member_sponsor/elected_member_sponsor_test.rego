package custom.elected_member_sponsor_test

import data.custom.elected_member_sponsor

officer := {"partner": "council", "post": "Chief Executive", "kind": "senior_officer"}

councillor := {"partner": "council", "post": "Council Leader", "kind": "elected_member"}

partnership(sponsors) := {
	"governance": {
		"body": "Project Board",
		"reports_to": "Council Executive",
		"senior_sponsors": sponsors,
	},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

test_pass_with_an_elected_member if {
	inp := partnership([councillor])
	count(elected_member_sponsor.warn) == 0 with input as inp
	count(elected_member_sponsor.skip) == 0 with input as inp
}

test_pass_with_an_elected_member_among_officers if {
	count(elected_member_sponsor.warn) == 0 with input as partnership([officer, councillor])
}

test_warn_with_senior_officers_only if {
	result := elected_member_sponsor.warn with input as partnership([officer])
	[f] := [f | some f in result]
	f.pointer == "/governance/senior_sponsors"
	f.msg == "No elected member is among the senior sponsors: governance.senior_sponsors lists Chief Executive (council), none of kind elected_member"
}

test_warn_once_naming_every_sponsor if {
	chief_constable := {"partner": "police", "post": "Chief Constable", "kind": "senior_officer"}
	result := elected_member_sponsor.warn with input as partnership([officer, chief_constable])
	[f] := [f | some f in result]
	contains(f.msg, "lists Chief Executive (council), Chief Constable (police), none of kind elected_member")
}

test_warn_is_not_a_skip if {
	count(elected_member_sponsor.skip) == 0 with input as partnership([officer])
}

test_skip_when_sponsors_empty if {
	inp := partnership([])
	count(elected_member_sponsor.warn) == 0 with input as inp
	elected_member_sponsor.skip == {"no senior sponsor is recorded (senior-sponsor fails instead)"} with input as inp
}

test_skip_when_sponsors_missing if {
	inp := {"governance": {"body": "Project Board"}}
	count(elected_member_sponsor.warn) == 0 with input as inp
	count(elected_member_sponsor.skip) == 1 with input as inp
}

test_skip_when_governance_missing if {
	count(elected_member_sponsor.skip) == 1 with input as {"partners": []}
}
