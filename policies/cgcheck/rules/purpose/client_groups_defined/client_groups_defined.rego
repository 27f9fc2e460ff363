# METADATA
# title: Client groups defined
# description: >-
#   The partnership defines who its service is for: at least one entry under
#   client_groups (each with a name, definition, service and intended impact,
#   as the schema requires). Fails when client_groups is missing or an empty
#   list (one finding, at /client_groups, or the document root when the field
#   is missing); passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: client-groups-defined
#   theme: purpose
#   severity: fail
#   levels: [fail]
#   section: Key Messages
#   quote: what service it is providing, to whom and the intended impact it should have
#   remediation: >-
#     Define the client or target groups the partnership serves, and for each
#     one the service being provided and the impact it is intended to have.
#     The study found that mandates were clearest, and partners best able to
#     tailor their interventions, where a programme was focused on a specific
#     client group and its needs.
#   params: {}
package cgcheck.rules.purpose.client_groups_defined

import data.cgcheck.lib

groups := object.get(input, "client_groups", null)

deny contains lib.finding("", "No client groups are defined: client_groups is missing") if {
	not lib.has(input, "client_groups")
}

deny contains lib.finding("/client_groups", msg) if {
	lib.has(input, "client_groups")
	not non_empty_list(groups)
	msg := sprintf("No client groups are defined: client_groups is %s", [describe(groups)])
}

non_empty_list(v) if {
	is_array(v)
	count(v) > 0
}

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])
