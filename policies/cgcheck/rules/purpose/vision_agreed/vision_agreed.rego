# METADATA
# title: Vision and objectives agreed by all partners
# description: >-
#   The vision and objectives are recorded as agreed, and by every core
#   partner. Fails when purpose.agreed_by is missing or an empty list (one
#   finding, at /purpose/agreed_by, or /purpose when the field is missing).
#   Otherwise warns once for each core partner (role core) whose id is not in
#   purpose.agreed_by, at /purpose/agreed_by; contributors and consultees need
#   not be listed. When agreed_by is empty only the failure is reported, not a
#   warning for every core partner. Passes when every core partner is listed.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: vision-agreed
#   theme: purpose
#   severity: fail
#   levels: [fail, warn]
#   section: Collaborative Gain in Action
#   quote: Programme/project objectives were agreed by all partners
#   remediation: >-
#     Record which partners have agreed the vision and objectives, and check
#     that every core partner has signed up to them. The study found that
#     accountability and ownership stem from the adoption of an agreed vision,
#     and that agreement on shared objectives is a fundamental building block
#     for Collaborative Gain; a core partner that has not agreed them may be
#     working to a different purpose.
#   params: {}
package cgcheck.rules.purpose.vision_agreed

import data.cgcheck.lib

agreed := object.get(input, ["purpose", "agreed_by"], null)

# agreed_empty is true when purpose.agreed_by is missing or an empty list.
agreed_empty if not is_array(agreed)

agreed_empty if {
	is_array(agreed)
	count(agreed) == 0
}

agreed_ids := {id | some id in agreed}

deny contains lib.finding(pointer, msg) if {
	agreed_empty
	lib.present(["purpose", "agreed_by"])
	pointer := "/purpose/agreed_by"
	msg := sprintf("No agreement on the vision and objectives is recorded: purpose.agreed_by is %s", [describe(agreed)])
}

deny contains lib.finding(pointer, "No agreement on the vision and objectives is recorded: purpose.agreed_by is missing") if {
	not lib.present(["purpose", "agreed_by"])
	pointer := parent_pointer
}

warn contains lib.finding("/purpose/agreed_by", msg) if {
	not agreed_empty
	some i, p in lib.core_partners
	not p.id in agreed_ids
	msg := sprintf("core partner %q (partners[%d]) is not in purpose.agreed_by, so its agreement to the objectives is not recorded", [p.id, i])
}

parent_pointer := "/purpose" if lib.present(["purpose"])

else := ""

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])
