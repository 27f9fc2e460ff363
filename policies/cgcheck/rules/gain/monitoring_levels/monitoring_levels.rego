# METADATA
# title: Gain monitored at both levels
# description: >-
#   Looks at the level of each measure (monitoring.measures[].level). Warns,
#   once, when measures exist but not at both levels: no measure has level
#   strategic, or no measure has level programme (the programme or project
#   level), or neither. Passes when at least one measure is at each level.
#   When monitoring.measures is missing, null, not a list or an empty list,
#   the rule is skipped with that reason: whether the partnership should have
#   measures is judged by monitoring-at-outset and benefits-measurable.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: monitoring-levels
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Executive Summary
#   quote: There are two 'places' within a partnership where Collaborative Gain needs to be monitored
#   remediation: >-
#     Consider monitoring at both levels the study describes: at the strategic
#     level, looking at the partnership's additional impact and whether the
#     collaborative activities designed to support it are happening; and at
#     the programme or project level, where what is learned about working
#     together is used to re-emphasise or refine those activities. One
#     proportionate measure at each level can be enough.
#   plain:
#     pass: >-
#       It monitors the gain both for the area as a whole and for the
#       project itself.
#     warn: >-
#       It monitors the gain at one level only: for the area as a whole or
#       for the project itself, not both.
#   question: >-
#     How will we see both the difference made to the area and the progress
#     of the project itself?
#   params: {}
package cgcheck.rules.gain.monitoring_levels

import data.cgcheck.lib

# measures are the measures recorded when they form a non-empty list.
measures := m if {
	m := input.monitoring.measures
	is_array(m)
	count(m) > 0
}

strategic if {
	some m in measures
	m.level == "strategic"
}

programme if {
	some m in measures
	m.level == "programme"
}

both if {
	strategic
	programme
}

warn contains lib.finding("/monitoring/measures", level_gap) if {
	not both
	measures
}

level_gap := sprintf(
	concat(" ", [
		"No measure is at the strategic level: %s at level programme, so the partnership's",
		"overall additional impact is not monitored; consider adding a strategic measure",
	]),
	[which],
) if {
	programme
} else := sprintf(
	concat(" ", [
		"No measure is at the programme or project level: %s at level strategic, so the effect",
		"of working together on the work itself is not monitored; consider adding a programme",
		"measure",
	]),
	[which],
) if {
	strategic
} else := sprintf(
	concat(" ", [
		"No measure is at either level: %s at level strategic or programme, so it is not clear",
		"where collaborative gain is monitored; consider a strategic and a programme measure",
	]),
	[which_not],
)

which := "the one measure in monitoring.measures is" if count(measures) == 1

else := sprintf("all %d measures in monitoring.measures are", [count(measures)])

which_not := "the one measure in monitoring.measures is not" if count(measures) == 1

else := sprintf("none of the %d measures in monitoring.measures is", [count(measures)])

skip contains msg if {
	not measures
	msg := sprintf(
		concat(" ", [
			"monitoring.measures %s, so there are no measure levels to judge (monitoring-at-outset",
			"and benefits-measurable judge the absence of measures)",
		]),
		[measures_state],
	)
}

default measures_state := "is missing"

measures_state := "is an empty list" if {
	input.monitoring.measures == []
} else := sprintf("is %s", [json.marshal(input.monitoring.measures)]) if {
	lib.has(input.monitoring, "measures")
}
