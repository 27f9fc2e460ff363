# METADATA
# title: Clear line of reporting
# description: >-
#   The partnership's group names the board or committee it is accountable to
#   (governance.reports_to, which may be another descriptor's id). Fails when
#   governance.reports_to is missing, not a string, or only white space;
#   passes otherwise. Cycles between descriptors are checked by the registry
#   rule reporting-cycle, not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: reporting-line
#   theme: governance
#   severity: fail
#   levels: [fail]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: clear lines of reporting and governance
#   remediation: >-
#     Record the board or committee the group reports to, such as the Council
#     or a Community Planning structure. The study found clear lines of
#     reporting and governance, often through existing reporting mechanisms,
#     helped keep partners' perspectives cohesive and finite resources
#     deployed on the agreed outcomes; consider whether an existing structure
#     could carry this reporting rather than a new one.
#   params: {}
package cgcheck.rules.governance.reporting_line

import data.cgcheck.lib

deny contains lib.finding("/governance/reports_to", msg) if {
	value := input.governance.reports_to
	lib.blank(value)
	msg := sprintf("No line of reporting is recorded: governance.reports_to %s is blank", [json.marshal(value)])
}

deny contains lib.finding(pointer, "No line of reporting is recorded: governance.reports_to is missing") if {
	not has_reports_to
	pointer := governance_pointer
}

has_reports_to if {
	_ := input.governance.reports_to
}

governance_pointer := "/governance" if {
	_ := input.governance
} else := ""
