# METADATA
# title: Structures reviewed regularly
# description: >-
#   An active partnership reviews its structures for fitness for purpose at
#   least every review_interval_months. The date checked is
#   lifecycle.last_structure_review, or lifecycle.start when no structure
#   review is recorded. Warns when status is active and that date is more than
#   review_interval_months calendar months before today, that is when
#   lib.add_months(date, review_interval_months) < today (exactly
#   review_interval_months before today still passes; a day that does not
#   exist in the target month is clamped to its last day). Skips when status
#   is not active (proposed, closing or closed), or when neither date is
#   recorded.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: structure-review
#   theme: governance
#   severity: warn
#   levels: [warn]
#   section: Executive Summary
#   quote: Ongoing review and refinement of structures
#   remediation: >-
#     Review the group's structures (membership, representation, sub-groups
#     and reporting) and ask whether they are still ‘fit for purpose’ for the
#     task as it now stands, then record the date in
#     lifecycle.last_structure_review. The case studies showed ongoing review
#     and refinement of structures as the work moved on; a structure that
#     suited the start may not suit delivery.
#   plain:
#     pass: >-
#       Its structures have been reviewed recently.
#     warn: >-
#       Its structures have not been reviewed for some time.
#   question: >-
#     When did the partners last ask whether this structure is still the
#     right one, and whether it is still needed?
#   params:
#     review_interval_months:
#       default: 12
#       type: integer
#       minimum: 0
#       description: >-
#         Longest interval, in calendar months, allowed between structure
#         reviews (or since lifecycle.start) for an active partnership.
package cgcheck.rules.governance.structure_review

import data.cgcheck.lib

months := lib.param(rego.metadata.chain(), "review_interval_months")

# A review dated before due_before is more than months old
# (lib.older_than_months). A rule of its own, so that cgcheck works it out
# once per run rather than once per descriptor.
due_before := lib.months_before_today(months)

warn contains lib.finding(pointer, msg) if {
	input.status == "active"
	[pointer, date, field] := review_date
	date < due_before
	msg := sprintf("%s %q is more than %d %s before today (%s)", [field, date, months, month_word(months), lib.today])
}

month_word(1) := "month"

month_word(n) := "months" if n != 1

skip contains msg if {
	status := object.get(input, "status", null)
	status != "active"
	msg := sprintf("status is %s; structure-review applies only to active partnerships", [json.marshal(status)])
}

skip contains "neither lifecycle.last_structure_review nor lifecycle.start is recorded" if {
	input.status == "active"
	not review_date
}

# review_date is [pointer, date, description] of the date the interval is
# counted from: the last structure review, else the start.
review_date := ["/lifecycle/last_structure_review", date, "lifecycle.last_structure_review"] if {
	date := input.lifecycle.last_structure_review
	is_string(date)
} else := ["/lifecycle/start", date, "No structure review is recorded and lifecycle.start"] if {
	date := input.lifecycle.start
	is_string(date)
}
