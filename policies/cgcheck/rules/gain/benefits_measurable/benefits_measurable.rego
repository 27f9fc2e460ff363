# METADATA
# title: Benefits can be articulated or measured
# description: >-
#   The partnership records how its benefits will be seen: at least one
#   measure under monitoring.measures, or at least one benefit (a string that
#   is not blank) under monitoring.qualitative_benefits. Fails when it has
#   neither (including when monitoring is missing); passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: benefits-measurable
#   theme: gain
#   severity: fail
#   levels: [fail]
#   section: Key Messages
#   quote: The benefits of the project/partnership can be articulated and/or measured
#   remediation: >-
#     Set down what difference working together is expected to make, and how
#     you will know: a measure of the outcome, the collaborative activity or
#     the efficiency, or, where the gain is not explicitly measurable, a plain
#     statement of the qualitative benefit. The study recognised that
#     collaborative gain is easier to conceptualise than to measure; even so,
#     the benefits should be capable of being articulated.
#   plain:
#     pass: >-
#       It says how its benefits will be seen, by measures or by benefits
#       described.
#     fail: >-
#       It does not say how its benefits will be seen.
#   question: >-
#     How will the partners, and this board, see the benefits of working
#     together?
#   params: {}
package cgcheck.rules.gain.benefits_measurable

import data.cgcheck.lib

deny contains lib.finding(monitoring_pointer, msg) if {
	count(object.get(input, ["monitoring", "measures"], [])) == 0
	count(qualitative_benefits) == 0
	msg := concat(" ", [
		"No benefit is articulated or measured: monitoring.measures and",
		"monitoring.qualitative_benefits are both empty or missing",
	])
}

# qualitative_benefits holds the benefits that say something (not blank).
qualitative_benefits contains b if {
	some b in object.get(input, ["monitoring", "qualitative_benefits"], [])
	not lib.blank(b)
}

default monitoring_pointer := ""

monitoring_pointer := "/monitoring" if {
	lib.has(input, "monitoring")
}
