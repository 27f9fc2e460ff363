# METADATA
# title: Lessons shared beyond the partnership
# description: >-
#   The partnership says how good practice lessons will be shared beyond it
#   (learning.dissemination). Warns when learning.dissemination is blank:
#   missing (including when there is no learning section), null, not a
#   string, or only white space. Passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: lessons-shared
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Appendix 1 Summary Literature Review
#   quote: How will good practice lessons be disseminated?
#   remediation: >-
#     Say how the partnership will share what it learns about working
#     together: with the Community Planning Partnership, other partnerships
#     or the partners' own services. The study's literature review asks "How
#     will good practice lessons be disseminated?", and sees learning and
#     service improvement as a benefit of collaboration, with evaluation used
#     to facilitate reflection rather than audit.
#   plain:
#     pass: >-
#       It says how lessons will be shared beyond the partnership.
#     warn: >-
#       It does not say how lessons will be shared beyond the partnership.
#   question: >-
#     How will what is learned here reach other partnerships and services?
#   params: {}
package cgcheck.rules.gain.lessons_shared

import data.cgcheck.lib

# The usual descriptor with a written dissemination fails both clauses at
# their first or second line.

warn contains lib.finding(pointer, msg) if {
	not is_string(object.get(input, ["learning", "dissemination"], null))
	[pointer, state] := dissemination_state
	msg := sprintf(
		concat(" ", [
			"It is not recorded how good practice lessons will be shared beyond the partnership:",
			"learning.dissemination %s; %s",
		]),
		[state, make_right],
	)
}

warn contains lib.finding("/learning/dissemination", msg) if {
	value := input.learning.dissemination
	is_string(value)
	trim_space(value) == ""
	msg := sprintf(
		concat(" ", [
			"It is not recorded how good practice lessons will be shared beyond the partnership:",
			"learning.dissemination %s is blank; %s",
		]),
		[json.marshal(value), make_right],
	)
}

make_right := "say how lessons will reach other partnerships and services"

default dissemination_state := ["", "is missing (there is no learning section)"]

dissemination_state := ["/learning/dissemination", sprintf("is %s", [json.marshal(input.learning.dissemination)])] if {
	lib.has(input.learning, "dissemination")
} else := ["/learning", "is missing"] if {
	lib.has(input, "learning")
}
