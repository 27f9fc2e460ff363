# METADATA
# title: A measure of the collaborative activity itself
# description: >-
#   Besides outcome measures, the partnership measures the specific
#   commitments it made to working together. Warns when no measure under
#   monitoring.measures has kind collaborative_activity, including when there
#   are no measures at all; passes otherwise.
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
#   params: {}
package cgcheck.rules.gain.collaborative_activity_measure

import data.cgcheck.lib

warn contains lib.finding(pointer, msg) if {
	measures := object.get(input, ["monitoring", "measures"], [])
	every m in measures {
		object.get(m, "kind", null) != "collaborative_activity"
	}
	pointer := nearest_pointer
	msg := no_activity_message(count(measures))
}

nearest_pointer := "/monitoring/measures" if {
	lib.has(input.monitoring, "measures")
} else := "/monitoring" if {
	lib.has(input, "monitoring")
} else := ""

no_activity_message(0) := "no monitoring.measures are recorded, so none measures the collaborative activity itself (kind collaborative_activity)"

no_activity_message(n) := sprintf("none of the %d monitoring.measures has kind collaborative_activity", [n]) if n > 0
