package cgcheck.rules.integrity.placeholder_text_test

import data.cgcheck.lib
import data.cgcheck.rules.integrity.placeholder_text

# partnership is filled in throughout: no value is a placeholder, though
# several come close ("Unknown quantities", "Replace the two counters",
# "Todo list", "tbcx", "T.B.C." folds to "t b c").
partnership := {
	"schema": "cgcheck/partnership/v1",
	"id": "civic-centre-colocation",
	"name": "Civic centre co-location",
	"area": ["Inverclyde", "Renfrewshire"],
	"status": "active",
	"type": "task_limited",
	"purpose": {
		"task": "Replace the two counters with one shared civic centre counter",
		"why_partnership": "Unknown quantities of paperwork are handled twice today",
		"agreed_by": ["council", "police"],
		"no_gain_areas": ["Todo list software", "tbcx"],
		"outcome_links": [{"framework": "npf", "ref": "communities"}],
	},
	"lifecycle": {"start": "2006-04-01", "end_condition": "T.B.C. signed off"},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{
			"id": "council",
			"name": "Example Council",
			"role": "core",
			"contributes": [{"kind": "budget", "what": "Capital", "value_gbp": 100}],
		},
		{
			"id": "police",
			"name": "Example Police",
			"role": "core",
			"representative": {"person": "Chief Superintendent", "authority": {"finance": true}},
		},
	],
	"governance": {"body": "Project Board", "reports_to": ["Council Executive", "CPP Board"]},
	"waivers": [{
		"rule": "group-size",
		"justification": "All fourteen community councils sit on the board during the pilot year",
		"approved_by": "Council Executive", "approved_on": "2008-06-01", "expires": "2009-06-01",
	}],
}

with_value(path, value) := json.patch(partnership, [{"op": "replace", "path": path, "value": value}])

# findings_for is the rule's findings for partnership with the lead person
# set to text.
findings_for(text) := findings if {
	findings := placeholder_text.deny with input as with_value("/lead/person", text)
}

is_flagged(text) if {
	[f] := [f | some f in findings_for(text)]
	f.pointer == "/lead/person"
}

not_flagged(text) if count(findings_for(text)) == 0

default_texts := [
	"tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be decided",
	"to be determined", "to follow", "n a", "na", "unknown", "not known",
	"xxx", "todo", "fixme", "placeholder", "lorem ipsum",
]

test_pass_when_every_value_is_real if {
	count(placeholder_text.deny) == 0 with input as partnership
}

test_pass_on_empty_descriptor if {
	count(placeholder_text.deny) == 0 with input as {}
}

test_message_and_pointer if {
	placeholder_text.deny == {{
		"pointer": "/lead/person",
		"msg": `lead.person is still a placeholder ("TBC"): write the real value before this is approved`,
	}} with input as with_value("/lead/person", "TBC")
}

test_fail_every_default_text_in_any_case if {
	every t in default_texts {
		is_flagged(t)
		is_flagged(upper(t))
	}
}

test_default_texts_are_the_spec_list if {
	placeholder_text.texts == {t | some t in default_texts}
}

test_fail_default_texts_written_with_punctuation_and_spacing if {
	every t in [
		"N/A",
		"n.a.",
		"To be confirmed.",
		"  to   be\tagreed ",
		"— To Be Decided —",
		"'TBD'",
		"Not-Known",
		"(unknown)",
		"Lorem, ipsum!",
		"XXX",
		"\u00a0tbc\u2003",
		"\u000btbc\u000b",
		"FİXME",
	] {
		is_flagged(t)
	}
}

test_not_flagged_texts_that_only_resemble if {
	every t in [
		"T.B.C",
		"T B C X",
		"to be",
		"naa",
		"n a a",
		"unknowns",
		"known",
		"xx",
		"to be confirmed soon",
		"Director",
		"",
		"   ",
		"tb c",
	] {
		not_flagged(t)
	}
}

test_fail_text_without_words if {
	every t in ["?", "-", "...", " … ", "--/--", "'"] {
		is_flagged(t)
	}
}

test_fail_each_default_prefix if {
	every t in [
		"Replace: the task",
		"REPLACE: the task",
		"todo: name the lead",
		"TODO:name",
		"fixme: date",
		"FIXME:",
		"TBC - awaiting board",
		"TBC-awaiting",
		"tbc (board)",
		"tba by June",
		"TBD.",
		"Lorem ipsum dolor sit amet",
		"  tbc later",
	] {
		is_flagged(t)
	}
}

test_prefix_boundary_letter_or_digit if {
	not_flagged("Replace the two counters with one") # "replace" without the colon
	not_flagged("tbcx")
	not_flagged("tbc2")
	not_flagged("tbaé")
	not_flagged("Lorem ipsumx")
	not_flagged("todo list") # "todo:" needs its colon
	not_flagged("a tbc")
	is_flagged("todo:x") # a prefix ending in punctuation needs no boundary
	is_flagged("tbc_x") # "_" is not a letter or digit
}

test_fail_id_with_placeholder_prefix if {
	doc := with_value("/id", "tbc-partnership-id")
	placeholder_text.deny == {{
		"pointer": "/id",
		"msg": `id is still a placeholder ("tbc-partnership-id"): write the real value before this is approved`,
	}} with input as doc
}

test_fail_nested_values_refs_and_list_entries if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/name", "value": "TBC"},
		{"op": "replace", "path": "/purpose/agreed_by/1", "value": "tbd"},
		{"op": "replace", "path": "/partners/1/representative/person", "value": "To be confirmed"},
		{"op": "replace", "path": "/governance/reports_to/1", "value": "?"},
		{"op": "replace", "path": "/purpose/outcome_links/0/ref", "value": "xxx"},
		{"op": "replace", "path": "/waivers/0/approved_by", "value": "TODO: board"},
	])
	findings := placeholder_text.deny with input as doc
	{[f.pointer, f.msg] | some f in findings} == {
		[
			"/partners/1/name",
			`partners[1].name is still a placeholder ("TBC"): write the real value before this is approved`,
		],
		[
			"/purpose/agreed_by/1",
			`purpose.agreed_by[1] is still a placeholder ("tbd"): write the real value before this is approved`,
		],
		[
			"/partners/1/representative/person",
			concat(" ", [
				`partners[1].representative.person is still a placeholder ("To be confirmed"): write`,
				`the real value before this is approved`,
			]),
		],
		[
			"/governance/reports_to/1",
			`governance.reports_to[1] is still a placeholder ("?"): write the real value before this is approved`,
		],
		[
			"/purpose/outcome_links/0/ref",
			`purpose.outcome_links[0].ref is still a placeholder ("xxx"): write the real value before this is approved`,
		],
		[
			"/waivers/0/approved_by",
			concat(" ", [
				`waivers[0].approved_by is still a placeholder ("TODO: board"): write the real value`,
				`before this is approved`,
			]),
		],
	}
}

test_one_finding_per_value if {
	doc := json.patch(partnership, [
		{"op": "replace", "path": "/area/0", "value": "TBC"},
		{"op": "replace", "path": "/area/1", "value": "TBC"},
	])
	{f.pointer | some f in placeholder_text.deny} == {"/area/0", "/area/1"} with input as doc
}

test_keys_and_other_types_are_not_values if {
	doc := {"TBC": {"tbd": 1, "n/a": true, "x": null, "y": [2.5, false]}}
	count(placeholder_text.deny) == 0 with input as doc
}

test_pointer_escaping if {
	doc := {"a/b": {"c~d": ["ok", "TBC"]}, "~": "?"}
	placeholder_text.deny == {
		{
			"pointer": "/a~1b/c~0d/1",
			"msg": `["a/b"]["c~d"][1] is still a placeholder ("TBC"): write the real value before this is approved`,
		},
		{"pointer": "/~0", "msg": `["~"] is still a placeholder ("?"): write the real value before this is approved`},
	} with input as doc
}

test_long_value_is_shortened_in_the_message if {
	long := concat("", ["Lorem ipsum ", concat("", ["dolor " | some _ in numbers.range(1, 20)])])
	[f] := [f | some f in placeholder_text.deny] with input as with_value("/purpose/task", long)
	f.pointer == "/purpose/task"
	f.msg == concat("", [
		`purpose.task is still a placeholder ("`, substring(long, 0, 77),
		`"...): write the real value before this is approved`,
	])
}

test_whole_document_string if {
	placeholder_text.deny == {{
		"pointer": "",
		"msg": `the descriptor itself is still a placeholder ("TBC"): write the real value before this is approved`,
	}} with input as "TBC"
}

test_param_override_texts if {
	doc := with_value("/lead/person", "Pending.")
	count(placeholder_text.deny) == 0 with input as doc
	{f.pointer | some f in placeholder_text.deny} == {"/lead/person"} with input as doc
		with data.cgcheck.params["placeholder-text"].placeholder_texts as ["Pending", "tbc"]

	# The list replaces the default: "unknown" is no longer a placeholder text.
	count(placeholder_text.deny) == 0 with input as with_value("/lead/person", "Unknown")
		with data.cgcheck.params["placeholder-text"].placeholder_texts as ["pending"]
}

test_param_override_prefixes if {
	doc := with_value("/purpose/task", "DRAFT: build a civic centre")
	count(placeholder_text.deny) == 0 with input as doc
	{f.pointer | some f in placeholder_text.deny} == {"/purpose/task"} with input as doc
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as ["draft:"]

	# A prefix ending in a letter needs the boundary; regex characters are
	# taken literally.
	count(placeholder_text.deny) == 0 with input as with_value("/purpose/task", "Draftsman hired")
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as ["draft"]
	{f.pointer | some f in placeholder_text.deny} == {"/purpose/task"} with input as with_value(
		"/purpose/task",
		"(a+b)* later",
	)
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as ["(a+b)*"]
	count(placeholder_text.deny) == 0 with input as with_value("/purpose/task", "aab later")
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as ["(a+b)*"]
}

test_empty_params_leave_only_wordless_values if {
	is_flagged("?") with data.cgcheck.params["placeholder-text"].placeholder_texts as []
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as []
	not_flagged("TBC") with data.cgcheck.params["placeholder-text"].placeholder_texts as []
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as []
}

# The screen is only a quick test before lib.placeholder: the rule flags
# exactly the values lib.placeholder calls placeholders.
tricky := [
	"TBC", "tbc ", " tbc", "t.b.c", "T B C", "tbcx", "tbc-x", "xtbc", "N/A", "N / A ", "na", "n.a", "nA",
	"to be confirmed", "to-be-confirmed", "to be  confirmed", "to\tbe\nconfirmed", "tobeconfirmed", "to be confirmed.",
	"?", "-", "...", "…", "", " ", "\u000b", "\u000b?\u000b", "\u000bunknown", "unknown\u000b", "un known",
	"Replace:", "replace :", "REPLACE:x", "Replace the task", "todo", "todo:", "todo :", "to do", "fixme!", "fixme: x",
	"lorem ipsum", "lorem  ipsum dolor", "lorem-ipsum", "loremipsum", "placeholder", "placeholders", "xxx", "xxxx", "XXX.",
	"FİXME", "İ", "Ⅹ", "Director of Corporate Services", "2008-06-01", "council", "cgcheck/partnership/v1",
	"\u00a0\u2028tbd\u3000", "tbd\u0301", "tba\u00e9", "tba\u00a0é", "(tbc)", "[tbc] board", "tbc\u200b",
	"tbc\u0001x", "x\u0001tbc", "\u0001tbc", "tbc\u0002", "n\u00a0a", "n\u2019a",
	"to\u2014be\u2014agreed", "to \u00a0be agreed",
	"to\u000bbe agreed", "lorem\u3000ipsum", "~tbc", "tbc~", "+tbc", "tbc+", "$tbc", "TBC$",
]

test_screen_agrees_with_the_definition if {
	texts := placeholder_text.texts
	prefixes := placeholder_text.prefixes
	expected := {sprintf("/purpose/no_gain_areas/%d", [i]) | some i, t in tricky; lib.placeholder(t, texts, prefixes)}
	got := {f.pointer | some f in placeholder_text.deny} with input as {"purpose": {"no_gain_areas": tricky}}
	got == expected
	count(got) > 30
}

# Each placeholder alone makes the screen over the whole descriptor pass,
# among values that do not.
test_screen_passes_for_every_placeholder if {
	placeholders := [t | some t in tricky; lib.placeholder(t, placeholder_text.texts, placeholder_text.prefixes)]
	count(placeholders) > 30
	every t in placeholders {
		placeholder_text.screen with input as {
			"name": "Example Council",
			"purpose": {"agreed_by": ["council", t, "police"]},
		}
	}
}

test_screen_agrees_with_unusual_params if {
	texts := ["$x$", "a<b", "-", "to  be   told"]
	prefixes := ["£draft", "  Draft (v0) ", "<", 7]
	values := [
		"$X$", "$x$.", "x", "A<B", "a < b", "a<bc", "", " ", "x", "?", "To be told!", "tobe told", "to be",
		"£Draft", "£draftsman", "draft (v0) later", "Draft (v0)x", "<b>", " <", "hello",
	]
	expected := {sprintf("/v/%d", [i]) |
		some i, t in values
		lib.placeholder(t, lib.fold_all(texts), prefixes)
	}
	got := {f.pointer | some f in placeholder_text.deny} with input as {"v": values}
		with data.cgcheck.params["placeholder-text"].placeholder_texts as texts
		with data.cgcheck.params["placeholder-text"].placeholder_prefixes as prefixes
	got == expected
	count(got) > 8
}

# The screen is a speed measure: a descriptor whose values are all real
# usually does not pass it, so its strings are never judged one by one.
test_screen_quiet_on_real_values if {
	real := json.patch(partnership, [
		{"op": "replace", "path": "/purpose/why_partnership", "value": "Two counters cost twice what one would"},
		{"op": "replace", "path": "/purpose/no_gain_areas", "value": ["Specialist court services"]},
	])
	not placeholder_text.screen with input as real
	count(placeholder_text.deny) == 0 with input as real
}
