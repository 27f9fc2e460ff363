# METADATA
# title: Waivers (comply or explain)
# description: >-
#   The waivers of a descriptor, as the engine reads them. invalid[i] (judged
#   by rule waiver-valid, whose package holds the checks) is the set of
#   reasons why waiver i (an index into input.waivers) waives nothing: its
#   rule is missing, cannot be waived (waiver-valid,
#   waiver-expired, references-resolve, placeholder-text, schema, parse; the
#   reason names them all) or, when the run supplies data.cgcheck.catalogue,
#   is not in it; its justification has fewer
#   than 40 characters after trimming white space; approved_by, approved_on or
#   expires is missing or blank; a date is not YYYY-MM-DD; expires is before
#   approved_on; or expires is later than approved_on plus waiver_max_months
#   calendar months (exactly that many months is allowed). expired[i] is
#   waiver i when its expires is before today (a waiver expiring today still
#   counts). effective holds every waiver that is neither invalid nor expired:
#   the only waivers that turn a rule's warn or fail into waived. Rule
#   waiver-expired and the cgcheck engine read this package; it reads
#   waiver-valid's, never the other way round. It defines no deny, warn or
#   skip rules of its own.
package cgcheck.waivers

import data.cgcheck.lib
import data.cgcheck.rules.integrity.waiver_valid

# The checks of a waiver's validity live with rule waiver-valid, which
# reports them; these names keep them where the engine and the other rules
# have always read them.
unwaivable := waiver_valid.unwaivable

min_justification := waiver_valid.min_justification

max_months := waiver_valid.max_months

invalid := waiver_valid.invalid

# expired maps the index of each waiver whose expires is before today to the
# waiver. A waiver that expires today is still in force.
expired[i] := w if {
	some i, w in input.waivers
	expires := object.get(w, "expires", null)
	waiver_valid.is_date(expires)
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
