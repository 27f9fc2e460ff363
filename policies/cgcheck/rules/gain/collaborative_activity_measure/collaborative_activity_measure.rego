# METADATA
# title: A measure of the collaborative activity itself
# description: >-
#   Besides outcome measures, the partnership measures the specific
#   commitments it made to working together. Warns when measures are recorded
#   but none under monitoring.measures has kind collaborative_activity; passes
#   otherwise. Skips when there are no measures at all (catalogue v2: a rule
#   does not warn on an absent subject; monitoring-at-outset and
#   benefits-measurable judge a partnership without measures, and the study
#   accepts that gain "is not always explicitly measurable").
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: collaborative-activity-measure
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Conclusions
#   quote: a further set of bespoke measures
#   remediation: >-
#     Add a measure, at programme or project level, of the collaborative
#     activity the partnership committed to: for example, wider access to
#     target groups or more efficient use of space. The study expects
#     monitoring to focus on fulfilment of those collaborative activities and
#     the benefits they bring.
#   plain:
#     pass: >-
#       It measures the joint working itself, not only the outcomes.
#     warn: >-
#       It measures outcomes, but not the joint working the partners
#       committed to.
#   question: >-
#     How will the partners know they are doing what they promised each
#     other?
#   params: {}
package cgcheck.rules.gain.collaborative_activity_measure

import data.cgcheck.lib

measures := object.get(input, ["monitoring", "measures"], [])

warn contains lib.finding("/monitoring/measures", msg) if {
	is_array(measures)
	count(measures) > 0
	every m in measures {
		object.get(m, "kind", null) != "collaborative_activity"
	}
	msg := sprintf(
		concat(" ", [
			"None of the %d measures in monitoring.measures measures the collaborative activity",
			"itself (kind collaborative_activity)",
		]),
		[count(measures)],
	)
}

skip contains concat(" ", [
	"no measures are recorded (monitoring.measures is missing or empty), so there is no set",
	"of measures to add a collaborative-activity measure to",
]) if {
	not has_measures
}

has_measures if {
	is_array(measures)
	count(measures) > 0
}
