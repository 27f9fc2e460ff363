package cgcheck.rules.purpose.specific_task_test

import data.cgcheck.rules.purpose.specific_task

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

with_task(task) := json.patch(partnership, [{"op": "replace", "path": "/purpose/task", "value": task}])

short_msg(task, n) := sprintf(
	concat(" ", [
		"The task is stated too briefly to show what the partners will achieve: purpose.task %q",
		"has %s (fewer than %d). Say who it is for, what will be done or changed, where, and by",
		"when",
	]),
	[task, n, 6],
)

# pass

test_pass_when_task_stated if {
	count(specific_task.deny) == 0 with input as partnership
	count(specific_task.warn) == 0 with input as partnership
}

test_pass_with_exactly_min_words if {
	# six words: the boundary passes
	doc := with_task("Reduce Korsakoff hospital admissions in Inverclyde")
	count(specific_task.deny) == 0 with input as doc
	count(specific_task.warn) == 0 with input as doc
}

test_pass_when_phrase_is_only_part_of_a_word if {
	# "for allotment" and "quality of lifelong" are not the phrases as whole words
	doc := with_task(concat(" ", [
		"Open twelve plots for allotment holders in Port Glasgow and a quality of lifelong",
		"learning course",
	]))
	count(specific_task.warn) == 0 with input as doc
}

test_pass_with_min_words_zero if {
	count(specific_task.warn) == 0 with input as with_task("Co-locate")
		with data.cgcheck.params["specific-task"].task_min_words as 0
}

# fail

test_fail_when_task_blank if {
	doc := with_task("  ")
	result := specific_task.deny with input as doc
	result == {{"pointer": "/purpose/task", "msg": "No specific task is recorded: purpose.task is blank (\"  \")"}}

	# a blank task gives only the failure, no warning
	count(specific_task.warn) == 0 with input as doc
}

test_fail_when_task_empty_string if {
	result := specific_task.deny with input as with_task("")
	{f.pointer | some f in result} == {"/purpose/task"}
}

test_fail_when_task_missing_points_at_purpose if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/purpose/task"}])
	result := specific_task.deny with input as doc
	result == {{"pointer": "/purpose", "msg": "No specific task is recorded: purpose.task is missing"}}
	count(specific_task.warn) == 0 with input as doc
}

test_fail_when_purpose_missing_points_at_root if {
	result := specific_task.deny with input as json.patch(partnership, [{"op": "remove", "path": "/purpose"}])
	{f.pointer | some f in result} == {""}
}

test_fail_when_purpose_not_an_object if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose", "value": "Build a centre"}])
	result := specific_task.deny with input as doc
	{f.pointer | some f in result} == {"/purpose"}
	count(specific_task.warn) == 0 with input as doc
}

test_fail_when_task_not_text if {
	doc := with_task(42)
	result := specific_task.deny with input as doc
	[f] := [f | some f in result]
	f.pointer == "/purpose/task"
	contains(f.msg, "not text (42)")
	count(specific_task.warn) == 0 with input as doc
}

# warn: too few words

test_warn_with_one_word_fewer_than_min if {
	# five words: one short of the default six
	task := "Reduce Korsakoff admissions in Inverclyde"
	doc := with_task(task)
	count(specific_task.deny) == 0 with input as doc
	specific_task.warn == {{"pointer": "/purpose/task", "msg": short_msg(task, "5 words")}} with input as doc
}

test_warn_counts_words_not_punctuation if {
	# "Co-locate services (2026)!" is four words: co, locate, services, 2026
	task := "Co-locate services (2026)!"
	specific_task.warn == {{
		"pointer": "/purpose/task",
		"msg": short_msg(task, "4 words"),
	}} with input as with_task(task)
}

test_warn_for_placeholder_as_written if {
	# a placeholder is judged as written: one word
	specific_task.warn == {{
		"pointer": "/purpose/task",
		"msg": short_msg("TBC", "1 word"),
	}} with input as with_task("TBC")
}

test_warn_when_task_only_punctuation if {
	# not blank, but no words at all
	specific_task.warn == {{
		"pointer": "/purpose/task",
		"msg": short_msg("...", "0 words"),
	}} with input as with_task("...")
}

test_param_raises_min_words if {
	# partnership's task has eleven words
	count(specific_task.warn) == 0 with input as partnership
		with data.cgcheck.params["specific-task"].task_min_words as 11
	[f] := [f | some f in specific_task.warn] with input as partnership
		with data.cgcheck.params["specific-task"].task_min_words as 12
	contains(f.msg, "has 11 words (fewer than 12)")
}

test_param_lowers_min_words if {
	count(specific_task.warn) == 0 with input as with_task("Co-locate three services")
		with data.cgcheck.params["specific-task"].task_min_words as 3
}

test_param_of_another_rule_is_ignored if {
	count(specific_task.warn) == 1 with input as with_task("Co-locate three services")
		with data.cgcheck.params["added-value-stated"].task_min_words as 3
}

# warn: wide-ranging agenda

test_warn_for_wide_agenda_phrase if {
	task := "Improve health and wellbeing across the whole of Inverclyde"
	doc := with_task(task)
	count(specific_task.deny) == 0 with input as doc
	specific_task.warn == {{"pointer": "/purpose/task", "msg": sprintf(
		concat(" ", [
			"The task reads as a wide-ranging agenda rather than a specific task: purpose.task %q",
			"contains \"health and wellbeing\". Name the particular issue the partners will tackle:",
			"who it is for, what will change, where, and by when",
		]),
		[task],
	)}} with input as doc
}

test_warn_for_phrase_folded if {
	# case, punctuation and white space are folded: "Joined-up  Working" matches "joined up working"
	task := "Deliver Joined-up  Working between the three housing offices by 2027"
	result := specific_task.warn with input as with_task(task)
	[f] := [f | some f in result]
	contains(f.msg, "contains \"joined up working\".")
}

test_warn_for_phrase_at_end if {
	result := specific_task.warn with input as with_task("Free school meals in every Inverclyde primary school, for all.")
	[f] := [f | some f in result]
	contains(f.msg, "contains \"for all\".")
}

test_warn_quotes_every_phrase_found if {
	task := "Better outcomes and quality of life for all older people in Greenock"
	result := specific_task.warn with input as with_task(task)
	[f] := [f | some f in result]
	contains(f.msg, "contains \"better outcomes\", \"for all\" and \"quality of life\".")
}

test_warn_twice_when_short_and_wide if {
	# the content-free proposal of rules.md: five words, two phrases
	doc := with_task("Health and wellbeing for all")
	result := specific_task.warn with input as doc
	count(result) == 2
	{f.pointer | some f in result} == {"/purpose/task"}
	some short in result
	contains(short.msg, "has 5 words (fewer than 6)")
	some wide in result
	contains(wide.msg, "contains \"for all\" and \"health and wellbeing\".")
}

test_v1_exemplar_of_content_free_task_warns if {
	# six words, so long enough, but a wide agenda
	result := specific_task.warn with input as with_task("Improve health and wellbeing for all")
	[f] := [f | some f in result]
	contains(f.msg, "contains \"for all\" and \"health and wellbeing\".")
}

test_param_replaces_phrases if {
	doc := with_task("Improve health and wellbeing across the whole of Inverclyde")
	count(specific_task.warn) == 0 with input as doc
		with data.cgcheck.params["specific-task"].wide_agenda_phrases as ["community safety"]
	result := specific_task.warn with input as with_task("Improve Community-Safety across the whole of Inverclyde")
		with data.cgcheck.params["specific-task"].wide_agenda_phrases as ["community safety"]
	[f] := [f | some f in result]
	contains(f.msg, "contains \"community safety\".")
}

test_empty_phrase_list_never_warns if {
	count(specific_task.warn) == 0 with input as with_task("Improve health and wellbeing across the whole of Inverclyde")
		with data.cgcheck.params["specific-task"].wide_agenda_phrases as []
}
