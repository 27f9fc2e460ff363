package cgcheck.lib_test

import data.cgcheck.lib

# Load shapes of policies/cgcheck/lib/lib_test.rego, run by policies_test.go's
# TestRego with the rest of the suite (and a generous timeout): they build
# registries of thousands of descriptors, which takes longer than stock
# `opa test`'s 5 s per test on a busy machine. The same package as the
# unit tests, so their helpers are in scope; smaller copies stay there.

test_older_than_months_agrees_with_add_months_at_scale if {
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
