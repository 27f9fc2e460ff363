# METADATA
# title: Each strand of work has a lead
# description: >-
#   Large programmes are broken down into workstreams, each with a lead
#   partner. Fails once for each entry of workstreams whose lead is missing,
#   not a string, or only white space (the project schema makes lead optional
#   so that a missing lead reaches this rule). Warns when scale is programme
#   and workstreams is missing or an empty list. Skips when scale is project
#   (or not given, which means project) and no workstreams are recorded.
#   Whether a lead names one of the partners is checked by references-resolve,
#   not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: workstream-leads
#   theme: governance
#   severity: fail
#   levels: [fail, warn]
#   section: Key Messages
#   quote: broken down into manageable strands of work
#   remediation: >-
#     Break the programme down into manageable strands of work, and give each
#     strand a lead partner. The study found that Collaborative Gain is more
#     readily identified in clearly defined, smaller-scale pieces of work, and
#     that a lead responsibility for each strand brings a degree of ownership
#     and accountability to the process.
#   plain:
#     pass: >-
#       Each strand of work has a lead.
#     warn: >-
#       A large programme is not broken down into strands of work, each
#       with its own lead.
#     fail: >-
#       Some strands of work have no lead.
#   question: >-
#     Is each strand of the work led by someone who answers for it?
#   params: {}
package cgcheck.rules.governance.workstream_leads

import data.cgcheck.lib

deny contains lib.finding(sprintf("/workstreams/%d", [i]), msg) if {
	some i, ws in object.get(input, "workstreams", [])
	not has_lead(ws)
	msg := sprintf("workstreams[%d] %s has no lead: lead is missing", [i, label(ws)])
}

deny contains lib.finding(sprintf("/workstreams/%d/lead", [i]), msg) if {
	some i, ws in object.get(input, "workstreams", [])
	has_lead(ws)
	lib.blank(ws.lead)
	msg := sprintf("workstreams[%d] %s has no lead: lead %s is blank", [i, label(ws), json.marshal(ws.lead)])
}

warn contains lib.finding(workstreams_pointer, msg) if {
	input.scale == "programme"
	no_workstreams
	msg := sprintf(
		"scale is \"programme\" but workstreams %s: the programme is not broken down into strands of work",
		[workstreams_state],
	)
}

skip contains msg if {
	scale := object.get(input, "scale", "project")
	scale != "programme"
	no_workstreams
	msg := sprintf("scale is %s and no workstreams are recorded", [json.marshal(scale)])
}

has_lead(ws) if {
	_ := ws.lead
}

label(ws) := json.marshal(ws.id) if {
	is_string(ws.id)
} else := json.marshal(ws.name) if {
	is_string(ws.name)
} else := "(no id)"

no_workstreams if count(object.get(input, "workstreams", [])) == 0

default workstreams_pointer := "/scale"

workstreams_pointer := "/workstreams" if {
	_ := input.workstreams
}

default workstreams_state := "is missing"

workstreams_state := "is empty" if {
	_ := input.workstreams
}
