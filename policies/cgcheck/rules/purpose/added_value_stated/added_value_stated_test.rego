package cgcheck.rules.purpose.added_value_stated_test

import data.cgcheck.rules.purpose.added_value_stated

partnership := {
	"id": "civic-centre-colocation",
	"status": "active",
	"purpose": {
		"task": "Build one civic centre shared by the council, police and courts",
		"why_partnership": "Each partner needs new offices; one shared building costs less and joins up services",
		"agreed_by": ["council", "police"],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
}

with_why(why) := json.patch(partnership, [{"op": "replace", "path": "/purpose/why_partnership", "value": why}])

short_msg(why, n, least) := sprintf(
	concat(" ", [
		"The added value of working in partnership is stated too briefly to show what it is:",
		"purpose.why_partnership %q has %s (fewer than %d). Say what the partners will achieve",
		"together that none could achieve as well alone",
	]),
	[why, n, least],
)

# pass

test_pass_when_why_partnership_stated if {
	count(added_value_stated.deny) == 0 with input as partnership
	count(added_value_stated.warn) == 0 with input as partnership
}

test_pass_with_exactly_min_words if {
	# eight words: the boundary passes
	doc := with_why("One shared building costs less than three separate offices")
	count(added_value_stated.deny) == 0 with input as doc
	count(added_value_stated.warn) == 0 with input as doc
}

test_pass_with_min_words_zero if {
	count(added_value_stated.warn) == 0 with input as with_why("Cheaper")
		with data.cgcheck.params["added-value-stated"].why_min_words as 0
}

# warn

test_warn_with_one_word_fewer_than_min if {
	# seven words: one short of the default eight
	why := "One shared building costs less than three"
	doc := with_why(why)
	count(added_value_stated.deny) == 0 with input as doc
	added_value_stated.warn == {{
		"pointer": "/purpose/why_partnership",
		"msg": short_msg(why, "7 words", 8),
	}} with input as doc
}

test_warn_for_content_free_reason if {
	why := "Better together."
	added_value_stated.warn == {{
		"pointer": "/purpose/why_partnership",
		"msg": short_msg(why, "2 words", 8),
	}} with input as with_why(why)
}

test_warn_for_placeholder_as_written if {
	added_value_stated.warn == {{
		"pointer": "/purpose/why_partnership",
		"msg": short_msg("TBC", "1 word", 8),
	}} with input as with_why("TBC")
}

test_warn_when_only_punctuation if {
	added_value_stated.warn == {{
		"pointer": "/purpose/why_partnership",
		"msg": short_msg("?", "0 words", 8),
	}} with input as with_why("?")
}

test_param_raises_min_words if {
	# the partnership's reason has fourteen words
	count(added_value_stated.warn) == 0 with input as partnership
		with data.cgcheck.params["added-value-stated"].why_min_words as 14
	added_value_stated.warn == {{
		"pointer": "/purpose/why_partnership",
		"msg": short_msg(partnership.purpose.why_partnership, "14 words", 15),
	}} with input as partnership
		with data.cgcheck.params["added-value-stated"].why_min_words as 15
}

test_param_lowers_min_words if {
	count(added_value_stated.warn) == 0 with input as with_why("Better together.")
		with data.cgcheck.params["added-value-stated"].why_min_words as 2
}

# fail

test_fail_when_why_partnership_blank if {
	doc := with_why(" \t")
	result := added_value_stated.deny with input as doc
	result == {{
		"pointer": "/purpose/why_partnership",
		"msg": "No added value of working in partnership is recorded: purpose.why_partnership is blank (\" \\t\")",
	}}

	# a blank reason gives only the failure, no warning
	count(added_value_stated.warn) == 0 with input as doc
}

test_fail_when_why_partnership_missing_points_at_purpose if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/purpose/why_partnership"}])
	result := added_value_stated.deny with input as doc
	result == {{
		"pointer": "/purpose",
		"msg": "No added value of working in partnership is recorded: purpose.why_partnership is missing",
	}}
	count(added_value_stated.warn) == 0 with input as doc
}

test_fail_when_purpose_missing_points_at_root if {
	result := added_value_stated.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}

test_fail_when_why_partnership_not_text if {
	doc := with_why(true)
	result := added_value_stated.deny with input as doc
	[f] := [f | some f in result]
	f.pointer == "/purpose/why_partnership"
	contains(f.msg, "not text (true)")
	count(added_value_stated.warn) == 0 with input as doc
}

test_fail_when_purpose_not_an_object if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose", "value": ["council"]}])
	result := added_value_stated.deny with input as doc
	{f.pointer | some f in result} == {"/purpose"}
	count(added_value_stated.warn) == 0 with input as doc
}
