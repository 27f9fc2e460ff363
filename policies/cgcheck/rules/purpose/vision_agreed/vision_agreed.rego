# METADATA
# title: Vision and objectives agreed by all partners
# description: >-
#   The vision and objectives are recorded as agreed, and by every core
#   partner. Fails, whatever the status, when purpose.agreed_by is missing,
#   null, an empty list, or not a list (one finding, at /purpose/agreed_by,
#   or /purpose, or the document root, when the field or its parent is
#   missing); then no core partner is judged. Otherwise, for each core
#   partner (role core) whose id is not in purpose.agreed_by, gives one
#   finding at /purpose/agreed_by: a failure when status is active or
#   closing; a warning when status is proposed (agreement may still be being
#   collected); nothing when status is closed (the work has finished, so who
#   agreed it is history rather than something still to act on) or any
#   other value. Contributors and consultees need not be listed. Passes when
#   every core partner is listed.
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
#   citations:
#     - section: Executive Summary
#       quote: commonly agreed aims and understanding has to be in place
#   remediation: >-
#     Record which partners have agreed the vision and objectives, and check
#     that every core partner has signed up to them. The study found that
#     accountability and ownership stem from the adoption of an agreed vision,
#     and that a solid partnership platform with commonly agreed aims and
#     understanding has to be in place before collaborative benefits can be
#     realised; a core partner that has not agreed them may be working to a
#     different purpose. While a partnership is still proposed, use the gap as
#     a prompt to complete the conversation before it starts work.
#   plain:
#     pass: >-
#       The vision and objectives are recorded as agreed by all the core
#       partners.
#     warn: >-
#       The agreement of the vision and objectives is not complete on the
#       record: not every core partner is shown as agreeing, or it is not
#       recorded when they agreed.
#     fail: >-
#       No partner is recorded as having agreed the vision and objectives.
#   question: >-
#     Have all the partners agreed the vision and objectives, and is that
#     agreement on record?
#   params: {}
package cgcheck.rules.purpose.vision_agreed

import data.cgcheck.lib

agreed := object.get(input, ["purpose", "agreed_by"], null)

# agreed_empty is true when purpose.agreed_by is missing, null, not a list,
# or an empty list.
agreed_empty if not is_array(agreed)

agreed_empty if {
	is_array(agreed)
	count(agreed) == 0
}

# all_core_agreed is the usual case, tested with one pass over the core
# partners, so that the per-partner findings below (and their negations) are
# looked for only when a core partner is missing.
all_core_agreed if {
	core := lib.core_partners
	count([1 | some p in core; p.id in agreed]) == count(core)
}

deny contains lib.finding("/purpose/agreed_by", msg) if {
	agreed_empty
	lib.present(["purpose", "agreed_by"])
	msg := sprintf("No agreement on the vision and objectives is recorded: purpose.agreed_by is %s", [describe(agreed)])
}

deny contains lib.finding(
	parent_pointer,
	"No agreement on the vision and objectives is recorded: purpose.agreed_by is missing",
) if {
	not lib.present(["purpose", "agreed_by"])
}

deny contains lib.finding("/purpose/agreed_by", msg) if {
	input.status in {"active", "closing"}
	some i, p in missing
	msg := sprintf(
		concat(" ", [
			"No agreement to the vision and objectives is recorded for core partner %s (%s), and",
			"the partnership is %s: it is not in purpose.agreed_by. Check that it shares the",
			"partnership's aims, and record its agreement",
		]),
		[name(p), ref(i, p), input.status],
	)
}

warn contains lib.finding("/purpose/agreed_by", msg) if {
	input.status == "proposed"
	some i, p in missing
	msg := sprintf(
		concat(" ", [
			"No agreement to the vision and objectives is recorded yet for core partner %s (%s): it",
			"is not in purpose.agreed_by. While the partnership is proposed, agreement may still be",
			"being collected; record it before the partnership starts work",
		]),
		[name(p), ref(i, p)],
	)
}

# missing are the core partners (by index) not in a non-empty agreed_by.
missing[i] := p if {
	not agreed_empty
	not all_core_agreed
	some i, p in lib.core_partners
	not object.get(p, "id", null) in agreed # (a partner with no id is missing too)
}

# name is a partner's name for a message, or its id when it has none.
name(p) := p.name if {
	is_string(p.name)
	trim_space(p.name) != ""
} else := sprintf("%v", [object.get(p, "id", "with no id")])

# ref names a partner's id and place for a message: `"police", partners[1]`.
ref(i, p) := sprintf("%q, partners[%d]", [p.id, i]) if is_string(p.id)

else := sprintf("partners[%d]", [i])

default parent_pointer := ""

parent_pointer := "/purpose" if lib.present(["purpose"])

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])
