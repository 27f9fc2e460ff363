# METADATA
# title: Waivers are in date
# description: >-
#   Warns once per waiver whose expires date is before today; the finding it
#   waived then counts again. A waiver that expires today is still in force.
#   Skips when the descriptor has no waivers. The check lives in package
#   cgcheck.waivers, which the engine uses too.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: waiver-expired
#   theme: integrity
#   severity: warn
#   levels: [warn]
#   remediation: >-
#     Look again at the finding this waiver covered. If the reason still
#     holds, have it re-approved with a new expiry date; if the partnership
#     has moved on, act on the finding and remove the waiver.
#   plain:
#     pass: >-
#       No agreed exception has lapsed.
#     warn: >-
#       An exception agreed earlier has lapsed, so the concern it covered
#       applies again.
#   question: >-
#     Should the lapsed exception be renewed, with reasons, or the concern
#     now be addressed?
#   params: {}
package cgcheck.rules.integrity.waiver_expired

import data.cgcheck.lib
import data.cgcheck.waivers

warn contains lib.finding(sprintf("/waivers/%d/expires", [i]), msg) if {
	some i, w in waivers.expired
	msg := sprintf(
		"waivers[%d] for rule %q expired on %s, before today (%s); the waived finding counts again",
		[i, object.get(w, "rule", ""), w.expires, lib.today],
	)
}

skip contains "the descriptor has no waivers" if count(object.get(input, "waivers", [])) == 0
