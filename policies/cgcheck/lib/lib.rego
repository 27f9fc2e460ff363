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

# param returns the value of a rule parameter. Parameters belong to the rule
# that declares them (custom.params in its package METADATA), so the run
# supplies them per rule: data.cgcheck.params[<rule id>][name]. Without that
# (stock opa or conftest with no data), the default declared in METADATA is
# used. Call it with rego.metadata.chain() from the rule package: the chain
# names the calling rule (custom.id), so one rule's parameter can never be
# read or set through another rule's name, and defaults are declared once.
param(chain, name) := value if {
	some entry in chain
	id := entry.annotations.custom.id
	value := data.cgcheck.params[id][name]
} else := value if {
	some entry in chain
	value := entry.annotations.custom.params[name]["default"]
}

# today is the as-of date (YYYY-MM-DD) for every date rule.
today := data.cgcheck.today

# fold is the form in which texts are compared with phrase and word lists
# (rules.md, "fold"): lower case, every run of white space and punctuation
# one space, trimmed. So "Health & Wellbeing!" folds to "health wellbeing"
# and "T.B.C." to "t b c". (\s is ASCII only in Go's regular expressions;
# \p{Z} and U+0085 add the rest of Unicode's white space.)
fold(text) := trim_space(regex.replace(lower(text), `[\s\x{85}\p{Z}\p{P}]+`, " "))

# fold_all folds every entry of a list of texts into a set, ready for
# membership tests; entries that are not text are ignored.
fold_all(list) := {fold(entry) | some entry in list; is_string(entry)}

# words counts the words of a text: maximal runs of Unicode letters, marks
# and digits. "Health & wellbeing (2026)" has three.
words(text) := count(regex.find_n(`[\p{L}\p{M}\p{N}]+`, text, -1))

# contains_phrase is true when the folded text contains one of the folded
# phrases as whole words: " " + phrase + " " occurs in " " + text + " ".
# It returns the first such phrase (in sorted order) so a message can quote it.
contains_phrase(folded_text, folded_phrases) := phrase if {
	padded := concat("", [" ", folded_text, " "])
	found := [p | some p in folded_phrases; p != ""; contains(padded, concat("", [" ", p, " "]))]
	count(found) > 0
	phrase := sort(found)[0]
}

# placeholder is true when a text stands in for a value still to be written
# (rules.md, "placeholder"): its fold is one of folded_texts (such as "tbc");
# or it folds to nothing though it is not blank ("?", "-", "..."); or its
# trimmed text starts, in any case, with one of prefixes ("REPLACE:", "TBC"),
# where a prefix ending in a letter or digit must be followed by the end of
# the text or by something other than a letter or digit (so "TBC - board",
# "tbc-partnership" and "tbc (board)" are placeholders, "tbcx" is not).
# folded_texts is a set of folded texts (fold_all); prefixes a list.
placeholder(text, folded_texts, _) if fold(text) in folded_texts

placeholder(text, _, _) if {
	trim_space(text) != ""
	fold(text) == ""
}

placeholder(text, _, prefixes) if {
	lowered := lower(trim_space(text))
	some prefix in prefixes
	is_string(prefix)
	p := lower(trim_space(prefix))
	p != ""
	startswith(lowered, p)
	prefix_ends_cleanly(p, substring(lowered, count(p), 1))
}

# prefix_ends_cleanly is true when a placeholder prefix p may be followed by
# next (the character after it, "" at the end of the text): always for a
# prefix that ends in punctuation ("replace:"), otherwise only when next is
# not a letter, mark or digit.
prefix_ends_cleanly(p, _) if not regex.match(`[\p{L}\p{M}\p{N}]$`, p)

prefix_ends_cleanly(_, "")

prefix_ends_cleanly(_, next) if {
	next != ""
	not regex.match(`^[\p{L}\p{M}\p{N}]`, next)
}

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
# regal ignore:custom-has-key-construct
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

# frameworks are the outcome frameworks in force (rules.md, "Outcome
# frameworks"): name -> {"title", "outcomes": {ref: title}}, where a framework
# without "outcomes" accepts any non-blank ref. cgcheck always supplies them
# as data.cgcheck.frameworks (the built-in ones merged with the config
# file's); stock opa and conftest without that data get the built-in ones.
frameworks := fw if {
	fw := data.cgcheck.frameworks
} else := builtin_frameworks

# outcome_title is the title of an outcome of a framework, when the
# framework defines one.
outcome_title(framework, ref) := title if {
	title := frameworks[framework].outcomes[ref]
	is_string(title)
}

# outcome_label names an outcome link for a message: `npf "health" (We are
# healthy and active)`, or without the title where there is none.
outcome_label(framework, ref) := sprintf("%s %q (%s)", [framework, ref, title]) if {
	title := outcome_title(framework, ref)
} else := sprintf("%s %q", [framework, ref])

# builtin_frameworks are the frameworks cgcheck knows without configuration.
# The one place they are written: `cgcheck frameworks` and the data document
# read them from here.
builtin_frameworks := {
	"npf": {
		"title": "National Performance Framework (2018)",
		"outcomes": {
			"children-and-young-people": "We grow up loved, safe and respected so that we realise our full potential",
			"communities": "We live in communities that are inclusive, empowered, resilient and safe",
			"culture": "We are creative and our vibrant and diverse cultures are expressed and enjoyed widely",
			"economy": "We have a globally competitive, entrepreneurial, inclusive and sustainable economy",
			"education": "We are well educated, skilled and able to contribute to society",
			"environment": "We value, enjoy, protect and enhance our environment",
			"fair-work-and-business": concat(" ", [
				"We have thriving and innovative businesses, with quality jobs and fair work for",
				"everyone",
			]),
			"health": "We are healthy and active",
			"human-rights": "We respect, protect and fulfil human rights and live free from discrimination",
			"international": "We are open, connected and make a positive contribution internationally",
			"poverty": "We tackle poverty by sharing opportunities, wealth and power more equally",
		},
	},
	"national_outcome": {
		"title": "National outcomes (2007), the frame of Single Outcome Agreements until 2018",
		"outcomes": {
			"1": "We live in a Scotland that is the most attractive place for doing business in Europe",
			"2": "We realise our full economic potential with more and better employment opportunities for our people",
			"3": "We are better educated, more skilled and more successful, renowned for our research and innovation",
			"4": concat(" ", [
				"Our young people are successful learners, confident individuals, effective",
				"contributors and responsible citizens",
			]),
			"5": "Our children have the best start in life and are ready to succeed",
			"6": "We live longer, healthier lives",
			"7": "We have tackled the significant inequalities in Scottish society",
			"8": "We have improved the life chances for children, young people and families at risk",
			"9": "We live our lives safe from crime, disorder and danger",
			"10": concat(" ", [
				"We live in well-designed, sustainable places where we are able to access the amenities",
				"and services we need",
			]),
			"11": concat(" ", [
				"We have strong, resilient and supportive communities where people take responsibility",
				"for their own actions and how they affect others",
			]),
			"12": concat(" ", [
				"We value and enjoy our built and natural environment and protect it and enhance it for",
				"future generations",
			]),
			"13": "We take pride in a strong, fair and inclusive national identity",
			"14": "We reduce the local and global environmental impact of our consumption and production",
			"15": concat(" ", [
				"Our public services are high quality, continually improving, efficient and responsive",
				"to local people's needs",
			]),
		},
	},
	"soa": {"title": "Single Outcome Agreement (any local outcome)"},
	"loip": {"title": "Local Outcomes Improvement Plan (any priority)"},
	"locality_plan": {"title": "Locality plan (any priority)"},
	"other": {"title": "Another framework (any reference)"},
}

# as_list reads a field that may be one text or a list of texts (descriptor
# revision 2: area, governance.reports_to) as a list.
as_list(value) := value if is_array(value)

as_list(value) := [value] if not is_array(value)

# first_of_run holds when the i-th entry of sorted, a sorted array of arrays,
# begins a run of entries with the same first element: the registry rules
# sort facts by document and keep each document's first, which is linear
# after the sort where looking each document's facts up would be quadratic.
first_of_run(_, 0)

first_of_run(sorted, i) if sorted[i - 1][0] != sorted[i][0]

# some_of joins names for a message: all of them when there are at most
# five, else the first five and how many more (a finding's locations list
# every one, and a registry finding can name hundreds).
some_of(names) := concat(", ", names) if count(names) <= 5

else := sprintf("%s and %d more", [concat(", ", array.slice(names, 0, 5)), count(names) - 5])
