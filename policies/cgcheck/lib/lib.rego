# METADATA
# title: Shared helpers for cgcheck rules
# description: >-
#   Building blocks every rule package imports: the finding shape, parameter
#   look-up, blank checks, partner look-ups and exact calendar arithmetic.
#   This package defines no deny, warn or skip rules of its own.
package cgcheck.lib

# finding is the shape of every deny and warn entry: conftest reads msg, and
# cgcheck also reads pointer (an RFC 6901 JSON pointer into the descriptor) to
# place the finding at a line and column.
finding(pointer, msg) := {"msg": msg, "pointer": pointer}

# param returns the value of a rule parameter: data.cgcheck.params[name] when
# the run supplies one (cgcheck always does), otherwise the default declared in
# the calling package's METADATA (custom.params.<name>.default). Call it with
# rego.metadata.chain() from the rule package so the defaults are read from
# one place only.
param(chain, name) := value if {
	value := data.cgcheck.params[name]
} else := value if {
	some entry in chain
	value := entry.annotations.custom.params[name]["default"]
}

# today is the as-of date (YYYY-MM-DD) for every date rule.
today := data.cgcheck.today

# blank is true for a non-string or a string of white space. Pass it
# object.get(obj, key, null) so that a missing field counts as blank too.
blank(value) if not is_string(value)

blank(value) if trim_space(value) == ""

# blank_at is true when the value at path (an array of keys) in the input is
# missing, not a string, or only white space.
blank_at(path) if blank(object.get(input, path, null))

# has is true when obj is an object with the key, whatever its value (even
# null or false). Cheaper than `key in object.keys(obj)`, which builds the
# set of every key first, and false rather than an error for a non-object.
has(obj, key) if _ = obj[key]

# present is true when path (an array of keys) exists in the input, even
# with a null value. (walk(input, [path, _]) says the same but visits the
# whole descriptor to say it.)
present(path) if object.get(input, path, absent) != absent

# absent is a value no descriptor holds: JSON and YAML keys are strings.
absent := {1: "absent"}

# partner_ids is the set of ids declared under partners.
partner_ids contains p.id if some p in input.partners

# core_partners maps the index of each partner with role core to the
# partner. (A comprehension, evaluated once per descriptor: OPA builds a
# partial object rule anew for each rule that reads all of it.)
core_partners := {i: p | some i, p in input.partners; p.role == "core"}

# partner returns the partner object with the given id: the first one when
# two partners share the id (references-resolve reports that), so that a
# duplicate id never makes the policies fail to evaluate.
partner(id) := [p | some p in input.partners; p.id == id][0]

# add_days returns the date n days after date (n may be negative).
add_days(date, n) := time.format([time.add_date(time.parse_ns("2006-01-02", date), 0, 0, n), "UTC", "2006-01-02"])

# add_months returns the date n calendar months after date. When the day does
# not exist in the target month it is clamped to that month's last day, so
# 2024-01-31 plus one month is 2024-02-29 and 2023-08-31 plus six months is
# 2024-02-29 (never an overflow into the following month).
add_months(date, n) := sprintf("%04d-%02d-%02d", [year, month, day]) if {
	[y, m, d] := date_parts(date)
	total := ((y * 12) + (m - 1)) + n
	year := floor(total / 12)
	month := (total - (year * 12)) + 1
	day := min([d, days_in_month(year, month)])
}

# older_than_months is true when date (YYYY-MM-DD) is more than n calendar
# months before today: exactly lib.add_months(date, n) < lib.today.
#
# add_months never goes backwards as the date moves forwards, so the dates it
# holds for are exactly those before one threshold: today's day in the month
# n months before today's month. When that month is too short for today's
# day (the 31st, n months after a 30-day month) the threshold is a day that
# does not exist, such as 2008-02-31, which as text still sorts after every
# real day of its month and before the next month. So the test is one
# comparison of text, and the rules that age evidence and reviews, run for
# every descriptor, do no date arithmetic beyond finding the threshold.
older_than_months(date, n) if date < months_before_today(n)

# months_before_today is today's day of the month, n months before today's
# month, as YYYY-MM-DD (not clamped: see older_than_months).
months_before_today(n) := sprintf("%04d-%02d-%s", [year, month, substring(today, 8, 2)]) if {
	total := today_months - n
	year := floor(total / 12)
	month := (total - (year * 12)) + 1
}

# date_parts splits a YYYY-MM-DD date into [year, month, day] numbers.
date_parts(date) := [to_number(part) | some part in split(date, "-")]

today_parts := date_parts(today)

# today_months counts the months from year 0 to today's month.
today_months := ((today_parts[0] * 12) + today_parts[1]) - 1

# days_in_month returns the number of days in the given month (1-12) of the
# Gregorian calendar. Plain arithmetic, not OPA's time builtins: add_months
# runs several times for every descriptor, and parsing and formatting times
# made it the costliest helper.
days_in_month(year, month) := 29 if {
	month == 2
	leap_year(year)
} else := month_days[month - 1]

month_days := [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

leap_year(year) if {
	year % 4 == 0
	year % 100 != 0
}

leap_year(year) if year % 400 == 0
