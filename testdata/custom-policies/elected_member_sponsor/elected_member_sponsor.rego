# METADATA
# title: An elected member sponsors the partnership
# description: >-
#   A worked example of a custom rule (loaded with --policy). Among the
#   partnership's senior sponsors (governance.senior_sponsors) at least one is
#   an elected member (kind elected_member), not only senior officers. Warns
#   when senior sponsors are listed but none has kind elected_member (one
#   finding, at /governance/senior_sponsors); skips when no senior sponsor is
#   listed at all (senior-sponsor already fails then); passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: elected-member-sponsor
#   theme: governance
#   severity: warn
#   levels: [warn]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: presence (and influence) of senior officers and elected members
#   remediation: >-
#     Ask whether an elected member should sponsor the partnership alongside
#     its senior officers. The case studies found sound governance structures
#     underpinned by the presence (and influence) of senior officers and
#     elected members who set its strategic direction, which adds credibility
#     and profile; name the councillor or board member who will champion this
#     work, with their post, or record why officer sponsorship is enough here.
#   params: {}
package custom.elected_member_sponsor

import data.cgcheck.lib

sponsors := object.get(input, ["governance", "senior_sponsors"], [])

warn contains lib.finding("/governance/senior_sponsors", msg) if {
	count(sponsors) > 0
	not has_elected_member
	names := [sprintf("%v (%v)", [object.get(s, "post", "?"), object.get(s, "partner", "?")]) | some s in sponsors]
	msg := sprintf("No elected member is among the senior sponsors: governance.senior_sponsors lists %s, none of kind elected_member", [concat(", ", names)])
}

has_elected_member if {
	some s in sponsors
	object.get(s, "kind", "") == "elected_member"
}

skip contains "no senior sponsor is recorded (senior-sponsor fails instead)" if count(sponsors) == 0
