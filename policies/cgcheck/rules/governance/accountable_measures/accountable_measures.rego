# METADATA
# title: Every measure has an owner
# description: >-
#   Each performance measure has a partner accountable for it. Fails once for
#   each entry of monitoring.measures whose owner is missing, not a string, or
#   only white space. The built-in schema already requires owner on every
#   measure, so with it this rule cannot fail; it is kept so that descriptors
#   checked against a custom schema stay safe. Skips when no measures are
#   recorded (monitoring-at-outset and benefits-measurable cover that).
#   Whether an owner names one of the partners is checked by
#   references-resolve, not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: accountable-measures
#   theme: governance
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: Develops a clear and accountable system of performance managements
#   remediation: >-
#     Give each measure an owner: the partner accountable for collecting it,
#     reporting it and acting on it. The study saw a clear and accountable
#     system of performance management as part of what collaborative gain
#     looks like; a measure that nobody owns is unlikely to be reported or
#     acted on.
#   plain:
#     pass: >-
#       Every measure has a partner accountable for it.
#     fail: >-
#       Some measures have no partner accountable for them.
#   question: >-
#     For each measure, which partner answers for it?
#   params: {}
package cgcheck.rules.governance.accountable_measures

import data.cgcheck.lib

deny contains lib.finding(sprintf("/monitoring/measures/%d", [i]), msg) if {
	some i, m in measures
	not has_owner(m)
	msg := sprintf("monitoring.measures[%d] %s has no owner: owner is missing", [i, label(m)])
}

deny contains lib.finding(sprintf("/monitoring/measures/%d/owner", [i]), msg) if {
	some i, m in measures
	has_owner(m)
	lib.blank(m.owner)
	msg := sprintf("monitoring.measures[%d] %s has no owner: owner %s is blank", [i, label(m), json.marshal(m.owner)])
}

skip contains "no monitoring.measures are recorded" if count(measures) == 0

measures := object.get(input, ["monitoring", "measures"], [])

has_owner(m) if {
	_ := m.owner
}

label(m) := json.marshal(m.id) if {
	is_string(m.id)
} else := json.marshal(m.indicator) if {
	is_string(m.indicator)
} else := "(no id)"
