# METADATA
# title: Efficiencies identified at the outset
# description: >-
#   The partnership records the potential efficiencies and business benefits
#   it expects (monitoring.efficiencies). Warns when monitoring.efficiencies
#   is missing (including when there is no monitoring section) or an empty
#   list; passes when it lists at least one efficiency.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: efficiencies-identified
#   theme: governance
#   severity: warn
#   levels: [warn]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: Potential efficiencies and ‘business’ benefits were identified at the outset
#   remediation: >-
#     Set out the potential areas for efficiency for each partner organisation,
#     with a rough range of savings where one can be estimated. The study found
#     that being able to articulate and define these emphasises to partners
#     the benefits of working together; the civic centre partners, for
#     example, estimated saving around £4.5m to £5m by building one centre
#     instead of three.
#   plain:
#     pass: >-
#       It records the efficiencies and business benefits it expects.
#     warn: >-
#       It does not record the efficiencies or business benefits it
#       expects.
#   question: >-
#     What savings or business benefits do the partners expect, and how
#     would they be shown?
#   params: {}
package cgcheck.rules.governance.efficiencies_identified

import data.cgcheck.lib

warn contains lib.finding(efficiencies_pointer, msg) if {
	count(object.get(input, ["monitoring", "efficiencies"], [])) == 0
	msg := sprintf("No potential efficiencies are recorded: monitoring.efficiencies %s", [efficiencies_state])
}

default efficiencies_pointer := ""

efficiencies_pointer := "/monitoring/efficiencies" if {
	_ := input.monitoring.efficiencies
} else := "/monitoring" if {
	_ := input.monitoring
}

default efficiencies_state := "is missing"

efficiencies_state := "is empty" if {
	_ := input.monitoring.efficiencies
}
