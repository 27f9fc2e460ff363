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

with_links(v) := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links", "value": v}])

msg(found) := sprintf(
	concat(" ", [
		"No outcome this work contributes to is recorded: purpose.outcome_links is %s. Link it",
		"to the outcomes it serves, such as a National Performance Framework outcome (framework",
		"npf) or a priority of your Local Outcomes Improvement Plan (loip)",
	]),
	[found],
)

# pass

test_pass_when_outcome_linked if {
	count(outcome_link.warn) == 0 with input as partnership
}

test_pass_with_local_outcome_only if {
	count(outcome_link.warn) == 0 with input as with_links([{"framework": "soa", "ref": "Safer communities"}])
}

test_pass_with_npf_and_loip_links if {
	count(outcome_link.warn) == 0 with input as with_links([
		{"framework": "npf", "ref": "health"},
		{"framework": "loip", "ref": "p2"},
	])
}

test_pass_with_framework_from_config if {
	# whether the framework is known is references-resolve's to judge
	count(outcome_link.warn) == 0 with input as with_links([{"framework": "inverclyde-loip", "ref": "p1"}])
}

# warn

test_warn_when_outcome_links_empty if {
	result := outcome_link.warn with input as with_links([])
	result == {{"pointer": "/purpose/outcome_links", "msg": msg("empty")}}
}

test_warn_when_outcome_links_null if {
	result := outcome_link.warn with input as with_links(null)
	result == {{"pointer": "/purpose/outcome_links", "msg": msg("not a list (null)")}}
}

test_warn_when_outcome_links_not_a_list if {
	result := outcome_link.warn with input as with_links({"framework": "npf", "ref": "health"})
	[f] := [f | some f in result]
	f.pointer == "/purpose/outcome_links"
	contains(f.msg, "purpose.outcome_links is not a list")
}

test_warn_when_outcome_links_missing_points_at_purpose if {
	result := outcome_link.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/purpose/outcome_links"}],
	)
	result == {{"pointer": "/purpose", "msg": msg("missing")}}
}

test_warn_when_purpose_missing_points_at_root if {
	result := outcome_link.warn with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	result == {{"pointer": "", "msg": msg("missing")}}
}
