# METADATA
# title: The partnership knows when it will end
# description: >-
#   A partnership says what ends it, when it expires, or when it will next be
#   reviewed. Fails when lifecycle.end_condition, lifecycle.expires and
#   lifecycle.next_review are all missing or blank. Warns when type is
#   continuing and lifecycle.next_review is missing or blank; a continuing
#   partnership with none of the three gets both findings, because setting
#   an end_condition or expires alone would still leave the warning.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: expiry-defined
#   theme: lifecycle
#   severity: fail
#   levels: [fail, warn]
#   section: Executive Summary
#   quote: Expires when its original purpose is achieved
#   remediation: >-
#     Say what achieved purpose will bring the partnership to an end, or the
#     date it expires, and for continuing work set a date for the next review.
#     The study found that collaborative gain working expires when its
#     original purpose is achieved or is no longer relevant, rather than
#     carrying on out of habit.
#   plain:
#     pass: >-
#       It says when, or on what condition, it will end, or when it will
#       next be reviewed.
#     warn: >-
#       It is meant to continue, but no date is set to review whether it is
#       still needed.
#     fail: >-
#       It does not say when it will end or when it will be reviewed.
#   question: >-
#     How will the partners know when this work is done, and when will they
#     decide whether it is still needed?
#   params: {}
package cgcheck.rules.lifecycle.expiry_defined

import data.cgcheck.lib

deny contains lib.finding(lifecycle_pointer, msg) if {
	lib.blank_at(["lifecycle", "end_condition"])
	lib.blank_at(["lifecycle", "expires"])
	lib.blank_at(["lifecycle", "next_review"])
	msg := concat(" ", [
		"Nothing says when the partnership ends: lifecycle.end_condition, lifecycle.expires and",
		"lifecycle.next_review are all missing or blank",
	])
}

warn contains lib.finding(lifecycle_pointer, msg) if {
	input.type == "continuing"
	lib.blank_at(["lifecycle", "next_review"])
	msg := "type is \"continuing\" but lifecycle.next_review is missing or blank"
}

default lifecycle_pointer := ""

lifecycle_pointer := "/lifecycle" if {
	lib.has(input, "lifecycle")
}
