# METADATA
# title: Waivers (comply or explain)
# description: >-
#   The one place where the waivers of a descriptor are judged. invalid[i] is
#   the set of reasons why waiver i (an index into input.waivers) waives
#   nothing: its rule is missing, cannot be waived (waiver-valid,
#   waiver-expired, references-resolve, placeholder-text, schema, parse; the
#   reason names them all) or, when the run supplies data.cgcheck.catalogue,
#   is not in it; its justification has fewer
#   than 40 characters after trimming white space; approved_by, approved_on or
#   expires is missing or blank; a date is not YYYY-MM-DD; expires is before
#   approved_on; or expires is later than approved_on plus waiver_max_months
#   calendar months (exactly that many months is allowed). expired[i] is
#   waiver i when its expires is before today (a waiver expiring today still
#   counts). effective holds every waiver that is neither invalid nor expired:
#   the only waivers that turn a rule's warn or fail into waived. The rules
#   waiver-valid and waiver-expired and the cgcheck engine all read this
#   package. It defines no deny, warn or skip rules of its own.
package cgcheck.waivers

import data.cgcheck.lib
import data.cgcheck.rules.integrity.waiver_valid

# unwaivable lists the rules whose findings no waiver may hide: the tool's own
# integrity checks and the checks that the document can be read at all.
# placeholder-text too (catalogue v2): the only explanation for a placeholder
# is the real value.
unwaivable := {"waiver-valid", "waiver-expired", "references-resolve", "placeholder-text", "schema", "parse"}

# min_justification is the shortest justification, in characters (runes)
# after trimming, that explains a departure from the study's findings.
min_justification := 40

# max_months is the waiver_max_months parameter as resolved by the
# waiver-valid rule (data.cgcheck.params, else the default declared once in
# that rule's METADATA), so the limit is never declared twice.
max_months := waiver_valid.max_months

# invalid maps the index of each invalid waiver to the set of its reasons.
invalid[i] := reasons if {
	some i, _ in input.waivers
	reasons := {reason | some [j, reason] in problem; j == i}
	count(reasons) > 0
}

# expired maps the index of each waiver whose expires is before today to the
# waiver. A waiver that expires today is still in force.
expired[i] := w if {
	some i, w in input.waivers
	expires := object.get(w, "expires", null)
	is_date(expires)
	expires < lib.today
}

# effective holds the waivers that waive their rule's finding for this
# descriptor.
effective contains {
	"index": i,
	"rule": w.rule,
	"justification": w.justification,
	"approved_by": w.approved_by,
	"approved_on": w.approved_on,
	"expires": w.expires,
} if {
	some i, w in input.waivers
	not invalid[i]
	not expired[i]
}

# problem holds [index, reason] for every reason a waiver is invalid.
problem contains [i, "rule is missing or blank"] if {
	some i, w in input.waivers
	lib.blank(object.get(w, "rule", null))
}

problem contains [i, sprintf("rule %q cannot be waived (no waiver can hide %s)", [w.rule, concat(", ", sort(unwaivable))])] if {
	some i, w in input.waivers
	w.rule in unwaivable
}

problem contains [i, sprintf("rule %q is not a known rule", [w.rule])] if {
	catalogue := data.cgcheck.catalogue
	some i, w in input.waivers
	not lib.blank(object.get(w, "rule", null))
	not w.rule in unwaivable
	not w.rule in catalogue
}

problem contains [i, "justification is missing or blank"] if {
	some i, w in input.waivers
	lib.blank(object.get(w, "justification", null))
}

problem contains [i, msg] if {
	some i, w in input.waivers
	not lib.blank(object.get(w, "justification", null))
	length := count(trim_space(w.justification))
	length < min_justification
	msg := sprintf("justification has %d characters after trimming, fewer than %d", [length, min_justification])
}

problem contains [i, sprintf("%s is missing or blank", [field])] if {
	some i, w in input.waivers
	some field in ["approved_by", "approved_on", "expires"]
	lib.blank(object.get(w, field, null))
}

problem contains [i, sprintf("%s %q is not a date (YYYY-MM-DD)", [field, value])] if {
	some i, w in input.waivers
	some field in ["approved_on", "expires"]
	value := object.get(w, field, null)
	not lib.blank(value)
	not is_date(value)
}

problem contains [i, sprintf("expires %s is before approved_on %s", [w.expires, w.approved_on])] if {
	some i, w in input.waivers
	is_date(object.get(w, "approved_on", null))
	is_date(object.get(w, "expires", null))
	w.expires < w.approved_on
}

problem contains [i, msg] if {
	some i, w in input.waivers
	is_date(object.get(w, "approved_on", null))
	is_date(object.get(w, "expires", null))
	limit := lib.add_months(w.approved_on, max_months)
	w.expires > limit
	msg := sprintf("expires %s is more than %d months after approved_on %s (latest %s)", [w.expires, max_months, w.approved_on, limit])
}

# is_date is true for a string shaped YYYY-MM-DD with a month 01-12 and a day
# 01-31, which is all lib.add_months needs to run without error.
is_date(value) if {
	is_string(value)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, value)
}
