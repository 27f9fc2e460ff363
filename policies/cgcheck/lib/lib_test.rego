package cgcheck.lib_test

import data.cgcheck.lib

chain := [{"annotations": {"custom": {"id": "my-rule", "params": {"limit": {"default": 3}}}}}]

test_param_default_from_metadata if lib.param(chain, "limit") == 3

test_param_from_data_wins if {
	lib.param(chain, "limit") == 5 with data.cgcheck.params["my-rule"].limit as 5
}

test_param_false_from_data_is_kept if {
	lib.param(chain, "limit") == false with data.cgcheck.params["my-rule"].limit as false
}

# A parameter of the same name given to another rule, or at the top level as
# catalogue v1 had it, does not reach this rule.
test_param_of_another_rule_is_not_read if {
	lib.param(chain, "limit") == 3 with data.cgcheck.params as {"other-rule": {"limit": 9}, "limit": 7}
}

test_fold if {
	lib.fold("  Health & Wellbeing!  ") == "health wellbeing"
	lib.fold("T.B.C.") == "t b c"
	lib.fold("N/A") == "n a"
	lib.fold("Joined-up\tworking\u00a0now") == "joined up working now"
	lib.fold("ÉCOLE — “Quoted” …") == "école quoted"
	lib.fold("...") == ""
	lib.fold("") == ""
}

test_fold_all_ignores_non_text if {
	lib.fold_all(["For All", "for  all", 3, "Quality of Life"]) == {"for all", "quality of life"}
}

test_words if {
	lib.words("Health & wellbeing (2026)") == 3
	lib.words("") == 0
	lib.words("  --  ") == 0
	lib.words("one") == 1
	lib.words("Gàidhlig-speaking café") == 3
	lib.words("co-ordinated") == 2
}

test_contains_phrase if {
	phrases := {"for all", "health improvement"}
	lib.contains_phrase("improve health and wellbeing for all", phrases) == "for all"
	lib.contains_phrase("health improvement", phrases) == "health improvement"
	not lib.contains_phrase("for allotment holders", phrases)
	not lib.contains_phrase("fall prevention", phrases)
	not lib.contains_phrase("anything", {""})
}

placeholder_texts := lib.fold_all(["tbc", "to be confirmed", "n a", "unknown", "lorem ipsum"])

placeholder_prefixes := ["replace:", "todo:", "tbc", "lorem ipsum"]

is_placeholder(text) if lib.placeholder(text, placeholder_texts, placeholder_prefixes)

test_placeholder_texts if {
	is_placeholder("TBC")
	not is_placeholder(" t.b.c ") # folds to "t b c", not "tbc"
	is_placeholder("To be confirmed.")
	is_placeholder("N/A")
	is_placeholder("Unknown")
}

test_placeholder_text_without_words if {
	is_placeholder("?")
	is_placeholder("-")
	is_placeholder("...")
	not is_placeholder("")
	not is_placeholder("   ")
}

test_placeholder_prefixes if {
	is_placeholder("REPLACE: the task")
	is_placeholder("TBC - awaiting board")
	is_placeholder("TBC-awaiting")
	is_placeholder("tbc (board)")
	is_placeholder("tbc-partnership-id")
	is_placeholder("Lorem ipsum dolor sit amet")
	is_placeholder("todo: name the lead")
}

test_not_placeholder if {
	not is_placeholder("Replace the two counters with one")
	not is_placeholder("tbcx")
	not is_placeholder("Director of Corporate Services")
	not is_placeholder("Unknown quantities of litter")
	not is_placeholder("todo list")
}

test_frameworks_fall_back_to_builtin if {
	lib.frameworks == lib.builtin_frameworks
	count(lib.frameworks.npf.outcomes) == 11
	count(lib.frameworks.national_outcome.outcomes) == 15
}

test_frameworks_from_data if {
	fw := {"loip": {"title": "Inverclyde LOIP", "outcomes": {"p1": "Our population is increasing"}}}
	lib.frameworks == fw with data.cgcheck.frameworks as fw
	lib.outcome_title("loip", "p1") == "Our population is increasing" with data.cgcheck.frameworks as fw
}

test_outcome_label if {
	lib.outcome_label("npf", "health") == `npf "health" (We are healthy and active)`
	lib.outcome_label("loip", "p1") == `loip "p1"`
	lib.outcome_label("nope", "x") == `nope "x"`
}

test_as_list if {
	lib.as_list("Inverclyde") == ["Inverclyde"]
	lib.as_list(["Midlothian", "East Lothian"]) == ["Midlothian", "East Lothian"]
}

test_blank if {
	lib.blank("")
	lib.blank("  \t")
	lib.blank(null)
	lib.blank(3)
	not lib.blank("Chief Executive")
}

test_blank_at_missing_field if {
	lib.blank_at(["lead", "person"]) with input as {"lead": {}}
	not lib.blank_at(["lead", "person"]) with input as {"lead": {"person": "Jo"}}
}

test_add_days if {
	lib.add_days("2006-04-01", 90) == "2006-06-30"
	lib.add_days("2008-02-28", 1) == "2008-02-29"
	lib.add_days("2008-03-01", -1) == "2008-02-29"
}

test_add_months_exact if {
	lib.add_months("2007-10-01", 12) == "2008-10-01"
	lib.add_months("2008-03-15", -3) == "2007-12-15"
	lib.add_months("2005-11-30", 36) == "2008-11-30"
}

test_add_months_clamps_to_month_end if {
	lib.add_months("2024-01-31", 1) == "2024-02-29"
	lib.add_months("2023-01-31", 1) == "2023-02-28"
	lib.add_months("2023-08-31", 6) == "2024-02-29"
	lib.add_months("2008-02-29", 12) == "2009-02-28"
}

test_core_partners if {
	lib.core_partners == {0: {"id": "a", "role": "core"}} with input.partners as [
		{"id": "a", "role": "core"},
		{"id": "b", "role": "consultee"},
	]
}

test_partner if {
	lib.partner("b") == {"id": "b", "role": "consultee"} with input.partners as [
		{"id": "a", "role": "core"},
		{"id": "b", "role": "consultee"},
	]
}

test_partner_unknown_id_is_undefined if {
	not lib.partner("c") with input.partners as [{"id": "a", "role": "core"}]
}

test_partner_duplicate_id_gives_the_first if {
	lib.partner("a") == {"id": "a", "role": "consultee"} with input.partners as [
		{"id": "a", "role": "consultee"},
		{"id": "a", "role": "core"},
	]
}

older(date, n) if lib.older_than_months(date, n)

else := false

test_older_than_months_at_the_boundary if {
	not lib.older_than_months("2008-09-30", 1) with data.cgcheck.today as "2008-10-01"
	lib.older_than_months("2008-08-31", 1) with data.cgcheck.today as "2008-10-01"
}

test_first_of_run if {
	sorted := [[0, "a"], [0, "b"], [1, "a"], [3, "c"], [3, "d"]]
	[i | some i, _ in sorted; lib.first_of_run(sorted, i)] == [0, 2, 3]
	[i | some i, _ in [[7]]; lib.first_of_run([[7]], i)] == [0]
}

test_some_of if {
	lib.some_of([]) == ""
	lib.some_of(["a"]) == "a"
	lib.some_of(["a", "b", "c", "d", "e"]) == "a, b, c, d, e"
	lib.some_of(["a", "b", "c", "d", "e", "f", "g"]) == "a, b, c, d, e and 2 more"
}

test_older_than_months_agrees_with_add_months_at_month_ends if {
	# The days around month ends, where clamping matters, against todays at
	# and near month ends; every day of two years is in testdata/rego-load.
	days := [
		"2007-01-28",
		"2007-01-31",
		"2007-02-28",
		"2007-03-31",
		"2007-08-31",
		"2007-12-31",
		"2008-01-31",
		"2008-02-29",
		"2008-03-01",
	]
	every today in ["2008-02-29", "2008-03-31", "2008-10-01", "2008-12-31", "2009-01-30"] {
		every n in [0, 1, 6, 12, 13] {
			every date in days {
				want := lib.add_months(date, n) < today
				older(date, n) == want with data.cgcheck.today as today
			}
		}
	}
}
