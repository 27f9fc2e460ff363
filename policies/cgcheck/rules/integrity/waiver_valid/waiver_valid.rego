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
#   waivers. The checks live in package cgcheck.waivers, which the engine
#   uses too.
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
#   params:
#     waiver_max_months:
#       default: 24
#       type: integer
#       minimum: 0
#       description: the longest a waiver may run, in calendar months from approved_on to expires
package cgcheck.rules.integrity.waiver_valid

import data.cgcheck.lib
import data.cgcheck.waivers

# max_months is the waiver_max_months parameter; package cgcheck.waivers
# reads it from here so that its default is declared once, above.
max_months := lib.param(rego.metadata.chain(), "waiver_max_months")

deny contains lib.finding(sprintf("/waivers/%d", [i]), msg) if {
	some i, reasons in waivers.invalid
	rule := object.get(input.waivers[i], "rule", "")
	msg := sprintf("waivers[%d] for rule %q is invalid and waives nothing: %s", [i, rule, concat("; ", sort(reasons))])
}

skip contains "the descriptor has no waivers" if count(object.get(input, "waivers", [])) == 0
