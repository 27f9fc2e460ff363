package cgcheck.lib_test

import data.cgcheck.lib

chain := [{"annotations": {"custom": {"params": {"limit": {"default": 3}}}}}]

test_param_default_from_metadata if lib.param(chain, "limit") == 3

test_param_from_data_wins if {
	lib.param(chain, "limit") == 5 with data.cgcheck.params.limit as 5
}

test_param_false_from_data_is_kept if {
	lib.param(chain, "limit") == false with data.cgcheck.params.limit as false
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
	lib.core_partners == {0: {"id": "a", "role": "core"}} with input.partners as [{"id": "a", "role": "core"}, {"id": "b", "role": "consultee"}]
}

test_partner if {
	lib.partner("b") == {"id": "b", "role": "consultee"} with input.partners as [{"id": "a", "role": "core"}, {"id": "b", "role": "consultee"}]
}

test_partner_unknown_id_is_undefined if {
	not lib.partner("c") with input.partners as [{"id": "a", "role": "core"}]
}

test_partner_duplicate_id_gives_the_first if {
	lib.partner("a") == {"id": "a", "role": "consultee"} with input.partners as [{"id": "a", "role": "consultee"}, {"id": "a", "role": "core"}]
}

test_older_than_months_agrees_with_add_months if {
	# Every day of 2007-2008 against todays at and near month ends, for
	# intervals around the month ends where clamping matters.
	days := [lib.add_days("2007-01-01", k) | some k in numbers.range(0, 730)]
	every today in ["2008-02-29", "2008-03-31", "2008-10-01", "2008-12-31", "2009-01-30"] {
		every n in [0, 1, 6, 12, 13, 36] {
			every date in days {
				# Two lines, not `older(...) == add_months(...) < today`, which
				# compares older(...) with add_months(...) and then that with
				# today, and so always held.
				want := lib.add_months(date, n) < today
				older(date, n) == want with data.cgcheck.today as today
			}
		}
	}
}

older(date, n) if lib.older_than_months(date, n)

else := false

test_older_than_months_at_the_boundary if {
	not lib.older_than_months("2008-09-30", 1) with data.cgcheck.today as "2008-10-01"
	lib.older_than_months("2008-08-31", 1) with data.cgcheck.today as "2008-10-01"
}
