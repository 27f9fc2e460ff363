# METADATA
# title: Clear line of reporting
# description: >-
#   The partnership's group names the board or committee it is accountable to
#   (governance.reports_to, which may be another descriptor's id, or a list
#   of them when the group reports to more than one). Fails when
#   governance.reports_to is blank: missing, null, a string of only white
#   space, a value that is neither a string nor a list, or a list in which
#   every entry is blank (an empty list included). Passes when it is a
#   non-blank string or a list with at least one non-blank string; blank
#   entries beside a named one are not judged here. Cycles between
#   descriptors are checked by the registry rule reporting-cycle, not here.
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
#     or a Community Planning structure, or each of them where it reports to
#     more than one. The study found clear lines of reporting and governance,
#     often through existing reporting mechanisms, helped keep partners'
#     perspectives cohesive and finite resources deployed on the agreed
#     outcomes; consider whether an existing structure could carry this
#     reporting rather than a new one.
#   plain:
#     pass: >-
#       It names the board or committee it reports to.
#     fail: >-
#       It does not name the board or committee it reports to.
#   question: >-
#     To whom is this partnership accountable, and how often will it
#     report?
#   params: {}
package cgcheck.rules.governance.reporting_line

import data.cgcheck.lib

# The usual descriptor names one board as a string: is_string and a
# non-empty trim end every clause below at their first or second line.

deny contains lib.finding("/governance/reports_to", msg) if {
	value := input.governance.reports_to
	is_string(value)
	trim_space(value) == ""
	msg := sprintf(
		"No line of reporting is recorded: governance.reports_to %s is blank; %s",
		[json.marshal(value), make_right],
	)
}

deny contains lib.finding("/governance/reports_to", msg) if {
	value := input.governance.reports_to
	is_array(value)
	every entry in value {
		lib.blank(entry)
	}
	msg := sprintf("No line of reporting is recorded: %s; %s", [reports_to_state(value), make_right])
}

deny contains lib.finding("/governance/reports_to", msg) if {
	value := input.governance.reports_to
	not is_string(value)
	not is_array(value)
	msg := sprintf(
		"No line of reporting is recorded: governance.reports_to %s is not the name of a board or committee; %s",
		[json.marshal(value), make_right],
	)
}

deny contains lib.finding(governance_pointer, msg) if {
	not has_reports_to
	msg := sprintf("No line of reporting is recorded: governance.reports_to is missing; %s", [make_right])
}

make_right := "name the board or committee the group is accountable to"

reports_to_state(value) := "governance.reports_to is an empty list" if {
	count(value) == 0
} else := sprintf("every entry of governance.reports_to %s is blank", [json.marshal(value)])

has_reports_to if {
	_ := input.governance.reports_to
}

default governance_pointer := ""

governance_pointer := "/governance" if {
	_ := input.governance
}
