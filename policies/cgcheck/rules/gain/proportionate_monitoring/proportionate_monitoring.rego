# METADATA
# title: Monitoring is proportionate
# description: >-
#   Monitoring should give the evidence needed without placing undue demands
#   on management resources. Warns when monitoring.measures has more than
#   max_measures measures (default 12: 12 passes, 13 warns); passes
#   otherwise, including when there are no measures.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: proportionate-monitoring
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Key Messages
#   quote: This should be proportionate
#   remediation: >-
#     Ask which measures the partners actually use to steer the work, and
#     keep those. The study warns that monitoring should be proportionate, not
#     distract from overall purpose, and offer the necessary evidence without
#     placing undue demands on management resources.
#   plain:
#     pass: >-
#       The monitoring is in proportion to the work.
#     warn: >-
#       There are so many measures that monitoring may take more effort
#       than it is worth.
#   question: >-
#     Are all these measures needed, or would fewer tell us as much?
#   params:
#     max_measures:
#       default: 12
#       type: integer
#       minimum: 0
#       description: the most measures monitoring.measures may hold before the rule warns
package cgcheck.rules.gain.proportionate_monitoring

import data.cgcheck.lib

warn contains lib.finding("/monitoring/measures", msg) if {
	n := count(object.get(input, ["monitoring", "measures"], []))
	limit := lib.param(rego.metadata.chain(), "max_measures")
	n > limit
	msg := sprintf("monitoring.measures has %d measures, more than %d", [n, limit])
}
