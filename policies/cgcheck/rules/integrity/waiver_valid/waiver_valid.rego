# METADATA
# title: Waivers are complete and justified
# description: >-
#   Every waiver names a rule that can be waived, explains itself and has a
#   bounded life. Fails once per invalid waiver, listing its reasons: its rule
#   is missing; its rule is waiver-valid, waiver-expired, references-resolve,
#   placeholder-text, schema or parse (these cannot be waived, and the
#   message names them all); the run supplies a rule catalogue and the rule
#   is not in it; its justification has fewer than 40
#   characters after trimming white space; approved_by, approved_on or expires
#   is missing or blank; approved_on or expires is not a YYYY-MM-DD date;
#   expires is before approved_on; or expires is later than approved_on plus
#   waiver_max_months calendar months (exactly that many months passes).
#   An invalid waiver waives nothing. Skips when the descriptor has no
#   waivers. The checks live here; package cgcheck.waivers, which the engine
#   reads, takes them from this package.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: waiver-valid
#   theme: integrity
#   severity: fail
#   levels: [fail]
#   remediation: >-
#     Comply or explain: name the rule being waived exactly as cgcheck reports
#     it, say in a full sentence why the finding does not apply to this
#     partnership or why it is accepted for now, and record who approved the
#     waiver, when, and when it will be looked at again. Keep waivers short
#     lived, so that the departure is reviewed rather than forgotten.
#   plain:
#     pass: >-
#       Every exception asked for is complete: what it covers, why, who
#       approved it and until when.
#     fail: >-
#       An exception asked for is incomplete, so it does not count.
#   question: >-
#     Is each exception justified, approved by the right people, and
#     limited in time?
#   params:
#     waiver_max_months:
#       default: 24
#       type: integer
#       minimum: 0
#       description: the longest a waiver may run, in calendar months from approved_on to expires
package cgcheck.rules.integrity.waiver_valid

import data.cgcheck.lib

# max_months is the waiver_max_months parameter, whose default is declared
# once, above.
max_months := lib.param(rego.metadata.chain(), "waiver_max_months")

deny contains lib.finding(sprintf("/waivers/%d", [i]), msg) if {
	some i, reasons in invalid
	rule := object.get(input.waivers[i], "rule", "")
	msg := sprintf("waivers[%d] for rule %q is invalid and waives nothing: %s", [i, rule, concat("; ", sort(reasons))])
}

skip contains "the descriptor has no waivers" if count(object.get(input, "waivers", [])) == 0

# unwaivable lists the rules whose findings no waiver may hide: the tool's own
# integrity checks and the checks that the document can be read at all.
# placeholder-text too (catalogue v2): the only explanation for a placeholder
# is the real value.
unwaivable := {"waiver-valid", "waiver-expired", "references-resolve", "placeholder-text", "schema", "parse"}

# min_justification is the shortest justification, in characters (runes)
# after trimming, that explains a departure from the study's findings.
min_justification := 40

# invalid maps the index of each invalid waiver to the set of its reasons.
invalid[i] := reasons if {
	some i, _ in input.waivers
	reasons := {reason | some [j, reason] in problem; j == i}
	count(reasons) > 0
}

# problem holds [index, reason] for every reason a waiver is invalid.
problem contains [i, "rule is missing or blank"] if {
	some i, w in input.waivers
	lib.blank(object.get(w, "rule", null))
}

problem contains [
	i,
	sprintf("rule %q cannot be waived (no waiver can hide %s)", [w.rule, concat(", ", sort(unwaivable))]),
] if {
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
	msg := sprintf(
		"expires %s is more than %d months after approved_on %s (latest %s)",
		[w.expires, max_months, w.approved_on, limit],
	)
}

# is_date is true for a string shaped YYYY-MM-DD with a month 01-12 and a day
# 01-31, which is all lib.add_months needs to run without error.
is_date(value) if {
	is_string(value)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, value)
}
