# METADATA
# title: Risks to the shared work managed
# description: >-
#   The partnership records the main risks to its shared work, who manages
#   each and how (risks[] with risk, owner and mitigation). Warns when risks
#   is missing, null or an empty list; passes when it lists at least one
#   risk. Whether each owner names a partner is checked by
#   references-resolve, not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: risk-managed
#   theme: action
#   severity: warn
#   levels: [warn]
#   section: Executive Summary
#   quote: The management of risk
#   remediation: >-
#     Set out the main risks to the shared work, which partner manages each
#     and how it will be mitigated. The study's review of the literature
#     found the management of risk among the key themes of partnerships that
#     realise collaborative gain: a shared view of what could go wrong, and
#     who will act, lets partners commit resources with confidence.
#   plain:
#     pass: >-
#       The main risks are recorded, each with someone managing it.
#     warn: >-
#       The risks to the shared work are not recorded.
#   question: >-
#     What could stop this working, and who is managing each risk?
#   params: {}
package cgcheck.rules.action.risk_managed

import data.cgcheck.lib

# The usual descriptor lists risks: the first line of each clause fails for
# it.

warn contains lib.finding(
	pointer,
	sprintf("No risks to the shared work are recorded: risks %s; %s", [state, make_right]),
) if {
	object.get(input, "risks", []) == []
	[pointer, state] := risks_state
}

warn contains lib.finding(
	"/risks",
	sprintf("No risks to the shared work are recorded: risks is null; %s", [make_right]),
) if {
	input.risks == null
}

default risks_state := ["", "is missing"]

risks_state := ["/risks", "is an empty list"] if lib.has(input, "risks")

make_right := "list the main risks, who manages each (owner) and how (mitigation)"
