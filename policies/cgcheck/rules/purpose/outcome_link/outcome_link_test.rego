package cgcheck.rules.purpose.outcome_link_test

import data.cgcheck.rules.purpose.outcome_link

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"agreed_by": ["council", "police"],
		"outcome_links": [{"framework": "national_outcome", "ref": "15"}],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
}

test_pass_when_outcome_linked if {
	count(outcome_link.warn) == 0 with input as partnership
}

test_pass_with_local_outcome_only if {
	count(outcome_link.warn) == 0 with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links", "value": [{"framework": "soa", "ref": "Safer communities"}]}])
}

test_warn_when_outcome_links_empty if {
	result := outcome_link.warn with input as json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links", "value": []}])
	result == {{"pointer": "/purpose/outcome_links", "msg": "No outcome this work contributes to is recorded: purpose.outcome_links is empty"}}
}

test_warn_when_outcome_links_missing_points_at_purpose if {
	result := outcome_link.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose/outcome_links"}])
	result == {{"pointer": "/purpose", "msg": "No outcome this work contributes to is recorded: purpose.outcome_links is missing"}}
}

test_warn_when_purpose_missing_points_at_root if {
	result := outcome_link.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}
