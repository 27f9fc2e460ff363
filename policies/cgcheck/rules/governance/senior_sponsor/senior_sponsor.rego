# METADATA
# title: Senior sponsor named
# description: >-
#   The partnership names at least one senior officer or elected member who
#   sponsors it (governance.senior_sponsors). Fails when
#   governance.senior_sponsors is missing or an empty list; passes when it
#   lists at least one sponsor. Whether each sponsor's partner is one of the
#   partners is checked by references-resolve, not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: senior-sponsor
#   theme: governance
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: senior officers (elected members)
#   remediation: >-
#     Name at least one senior officer or elected member from the partners who
#     sponsors the partnership, with their post. The case studies found sound
#     governance structures underpinned by the presence and influence of senior
#     officers (elected members); ask who at that level will champion this work
#     and unblock it when partners' own priorities pull the other way.
#   plain:
#     pass: >-
#       A senior officer or elected member sponsors the partnership.
#     fail: >-
#       No senior officer or elected member is named as its sponsor.
#   question: >-
#     Which senior officer or elected member will champion this work and
#     help it past obstacles?
#   params: {}
package cgcheck.rules.governance.senior_sponsor

import data.cgcheck.lib

deny contains lib.finding(sponsors_pointer, msg) if {
	not has_sponsors
	msg := sprintf("No senior sponsor is recorded: governance.senior_sponsors %s", [sponsors_state])
}

has_sponsors if count(object.get(input, ["governance", "senior_sponsors"], [])) > 0

default sponsors_pointer := ""

sponsors_pointer := "/governance/senior_sponsors" if {
	_ := input.governance.senior_sponsors
} else := "/governance" if {
	_ := input.governance
}

default sponsors_state := "is missing"

sponsors_state := "is empty" if {
	_ := input.governance.senior_sponsors
}
