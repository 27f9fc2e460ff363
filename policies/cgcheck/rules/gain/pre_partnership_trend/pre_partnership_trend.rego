# METADATA
# title: Outcome measures record the pre-partnership trend
# description: >-
#   Gain shows as further or faster progress than the trend before the
#   partnership, so every outcome measure needs a starting point and that
#   trend. Warns once per measure of kind outcome that has no baseline (with a
#   numeric value) or no pre_partnership_trend (with a numeric per_year), or
#   neither. Skips when there are no outcome measures.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: pre-partnership-trend
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Conclusions
#   quote: against the pre-partnership performance trends
#   remediation: >-
#     Record where each outcome indicator stood when the partnership began and
#     how it was moving before then (its change per year). The study suggests
#     gain might then be measured as further or faster progress in attaining
#     objectives against the pre-partnership performance trends.
#   plain:
#     pass: >-
#       Each outcome measure has a starting point and the trend before the
#       partnership.
#     warn: >-
#       Some outcome measures lack a starting point or the trend before the
#       partnership, so the gain cannot be told from what would have
#       happened anyway.
#   question: >-
#     How will we tell the difference the partnership makes from what would
#     have happened anyway?
#   params: {}
package cgcheck.rules.gain.pre_partnership_trend

import data.cgcheck.lib

warn contains lib.finding(sprintf("/monitoring/measures/%d", [i]), msg) if {
	some i, m in outcome_measures
	lacking := [field | some field in ["baseline", "pre_partnership_trend"]; not recorded(m, field)]
	count(lacking) > 0
	msg := sprintf("outcome measure %q has no %s", [m.id, concat(" and no ", lacking)])
}

skip contains "there are no measures of kind outcome" if count(outcome_measures) == 0

outcome_measures[i] := m if {
	some i, m in object.get(input, ["monitoring", "measures"], [])
	m.kind == "outcome"
}

recorded(m, "baseline") if is_number(object.get(m, ["baseline", "value"], null))

recorded(m, "pre_partnership_trend") if is_number(object.get(m, ["pre_partnership_trend", "per_year"], null))
