package cgcheck.rules.purpose.vision_agreed_test

import data.cgcheck.rules.purpose.vision_agreed

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"agreed_by": ["council", "police", "courts"],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
		{"id": "courts", "name": "Scottish Courts", "role": "core"},
		{"id": "housing", "name": "Housing Association", "role": "contributor"},
		{"id": "forum", "name": "Community Forum", "role": "consultee"},
	],
}

test_pass_when_all_core_partners_agreed if {
	count(vision_agreed.deny) == 0 with input as partnership
	count(vision_agreed.warn) == 0 with input as partnership
}

test_pass_when_contributor_and_consultee_not_listed if {
	# housing and forum are not core: their absence from agreed_by is fine
	not "housing" in vision_agreed.agreed_ids with input as partnership
	count(vision_agreed.warn) == 0 with input as partnership
}

test_fail_when_agreed_by_empty if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": []}])
	vision_agreed.deny == {{"pointer": "/purpose/agreed_by", "msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is empty"}} with input as doc

	# the failure already says it all: no warning per core partner
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_agreed_by_missing_points_at_purpose if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/purpose/agreed_by"}])
	vision_agreed.deny == {{"pointer": "/purpose", "msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is missing"}} with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_purpose_missing_points_at_root if {
	result := vision_agreed.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}

test_warn_when_one_core_partner_missing if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": ["council", "courts"]}])
	count(vision_agreed.deny) == 0 with input as doc
	result := vision_agreed.warn with input as doc
	[f] := [f | some f in result]
	f.pointer == "/purpose/agreed_by"
	contains(f.msg, "core partner \"police\" (partners[1]) is not in purpose.agreed_by")
}

test_warn_once_per_missing_core_partner if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": ["housing"]}])
	count(vision_agreed.deny) == 0 with input as doc
	result := vision_agreed.warn with input as doc
	count(result) == 3
	{f.pointer | some f in result} == {"/purpose/agreed_by"}
	every id in ["council", "police", "courts"] {
		some f in result
		contains(f.msg, sprintf("%q", [id]))
	}
}
