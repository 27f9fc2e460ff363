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

police_missing(status) := json.patch(partnership, [
	{"op": "replace", "path": "/purpose/agreed_by", "value": ["council", "courts"]},
	{"op": "replace", "path": "/status", "value": status},
])

fail_msg(who, ref, status) := sprintf(
	concat(" ", [
		"No agreement to the vision and objectives is recorded for core partner %s (%s), and",
		"the partnership is %s: it is not in purpose.agreed_by. Check that it shares the",
		"partnership's aims, and record its agreement",
	]),
	[who, ref, status],
)

proposed_msg(who, ref) := sprintf(
	concat(" ", [
		"No agreement to the vision and objectives is recorded yet for core partner %s (%s): it",
		"is not in purpose.agreed_by. While the partnership is proposed, agreement may still be",
		"being collected; record it before the partnership starts work",
	]),
	[who, ref],
)

# pass

test_pass_when_all_core_partners_agreed if {
	every status in ["proposed", "active", "closing", "closed"] {
		doc := json.patch(partnership, [{"op": "replace", "path": "/status", "value": status}])
		count(vision_agreed.deny) == 0 with input as doc
		count(vision_agreed.warn) == 0 with input as doc
	}
}

test_pass_when_contributor_and_consultee_not_listed if {
	# housing and forum are not core: their absence from agreed_by is fine
	not "housing" in partnership.purpose.agreed_by
	count(vision_agreed.deny) == 0 with input as partnership
	count(vision_agreed.warn) == 0 with input as partnership
}

test_pass_with_extra_and_repeated_entries if {
	doc := json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/purpose/agreed_by",
			"value": ["council", "council", "police", "courts", "housing"],
		}],
	)
	count(vision_agreed.deny) == 0 with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_pass_when_closed_and_core_partner_missing if {
	# a finished partnership's record cannot now be completed: no finding
	doc := police_missing("closed")
	count(vision_agreed.deny) == 0 with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_no_partner_finding_for_unknown_status if {
	doc := police_missing("paused")
	count(vision_agreed.deny) == 0 with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

# fail: agreed_by empty, whatever the status

test_fail_when_agreed_by_empty if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": []}])
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is empty",
	}} with input as doc

	# the failure already says it all: no finding per core partner
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_agreed_by_empty_for_every_status if {
	every status in ["proposed", "active", "closing", "closed"] {
		doc := json.patch(partnership, [
			{"op": "replace", "path": "/purpose/agreed_by", "value": []},
			{"op": "replace", "path": "/status", "value": status},
		])
		vision_agreed.deny == {{
			"pointer": "/purpose/agreed_by",
			"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is empty",
		}} with input as doc
		count(vision_agreed.warn) == 0 with input as doc
	}
}

test_fail_when_agreed_by_missing_points_at_purpose if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/purpose/agreed_by"}])
	vision_agreed.deny == {{
		"pointer": "/purpose",
		"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is missing",
	}} with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_agreed_by_null if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": null}])
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is not a list (null)",
	}} with input as doc
}

test_fail_when_agreed_by_not_a_list if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": "council"}])
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is not a list (council)",
	}} with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_purpose_missing_points_at_root if {
	result := vision_agreed.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	result == {{
		"pointer": "",
		"msg": "No agreement on the vision and objectives is recorded: purpose.agreed_by is missing",
	}}
}

# a core partner missing

test_fail_when_core_partner_missing_and_active if {
	doc := police_missing("active")
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": fail_msg("Example Police", "\"police\", partners[1]", "active"),
	}} with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_fail_when_core_partner_missing_and_closing if {
	doc := police_missing("closing")
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": fail_msg("Example Police", "\"police\", partners[1]", "closing"),
	}} with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_warn_when_core_partner_missing_and_proposed if {
	doc := police_missing("proposed")
	count(vision_agreed.deny) == 0 with input as doc
	vision_agreed.warn == {{
		"pointer": "/purpose/agreed_by",
		"msg": proposed_msg("Example Police", "\"police\", partners[1]"),
	}} with input as doc
}

test_one_finding_per_missing_core_partner if {
	# agreed_by is not empty (a contributor agreed), so every core partner is judged
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/agreed_by", "value": ["housing"]}])
	vision_agreed.deny == {
		{"pointer": "/purpose/agreed_by", "msg": fail_msg("Example Council", "\"council\", partners[0]", "active")},
		{"pointer": "/purpose/agreed_by", "msg": fail_msg("Example Police", "\"police\", partners[1]", "active")},
		{"pointer": "/purpose/agreed_by", "msg": fail_msg("Scottish Courts", "\"courts\", partners[2]", "active")},
	} with input as doc
}

test_warn_per_missing_core_partner_when_proposed if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/purpose/agreed_by", "value": ["police"]},
		{"op": "replace", "path": "/status", "value": "proposed"},
	])
	count(vision_agreed.deny) == 0 with input as doc
	vision_agreed.warn == {
		{"pointer": "/purpose/agreed_by", "msg": proposed_msg("Example Council", "\"council\", partners[0]")},
		{"pointer": "/purpose/agreed_by", "msg": proposed_msg("Scottish Courts", "\"courts\", partners[2]")},
	} with input as doc
}

test_partner_without_name_is_named_by_id if {
	doc := json.patch(police_missing("active"), [{"op": "remove", "path": "/partners/1/name"}])
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": fail_msg("police", "\"police\", partners[1]", "active"),
	}} with input as doc
}

test_agreed_by_entries_that_are_not_text_do_not_count if {
	doc := json.patch(
		police_missing("active"),
		[{"op": "add", "path": "/purpose/agreed_by/-", "value": {"id": "police"}}],
	)
	count(vision_agreed.deny) == 1 with input as doc
}

test_no_core_partners_passes if {
	doc := json.patch(partnership, [
		{
			"op": "replace",
			"path": "/partners",
			"value": [{"id": "forum", "name": "Community Forum", "role": "consultee"}],
		},
		{"op": "replace", "path": "/purpose/agreed_by", "value": ["forum"]},
	])
	count(vision_agreed.deny) == 0 with input as doc
	count(vision_agreed.warn) == 0 with input as doc
}

test_core_partner_without_id_is_reported_by_place if {
	doc := json.patch(police_missing("active"), [
		{"op": "remove", "path": "/partners/1/id"},
		{"op": "remove", "path": "/partners/1/name"},
	])
	vision_agreed.deny == {{
		"pointer": "/purpose/agreed_by",
		"msg": fail_msg("with no id", "partners[1]", "active"),
	}} with input as doc
}
