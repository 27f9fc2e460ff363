# METADATA
# title: One named lead
# description: >-
#   The partnership names one lead organisation, which is one of its partners
#   and not a mere consultee, and one lead person (a name or a post). Fails
#   when lead.person is blank, when lead.partner is not the id of a partner, or
#   when the lead partner's role is consultee.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: single-lead
#   theme: governance
#   severity: fail
#   levels: [fail]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: led / co-ordinated by one named individual/ organisation
#   remediation: >-
#     Name one lead organisation from among the partners and one lead person
#     (a name or a post) who co-ordinates the work and is the single point of
#     contact for reporting. The study found that clear accountability of this
#     kind lets partners concentrate on what their own contribution should be
#     and when.
#   plain:
#     pass: >-
#       One lead organisation and one lead person are named.
#     fail: >-
#       It does not name one lead person and one lead organisation that is a
#       partner taking part in running the work.
#   question: >-
#     Who is the one named lead, and which organisation leads?
#   params: {}
package cgcheck.rules.governance.single_lead

import data.cgcheck.lib

deny contains lib.finding("/lead/person", msg) if {
	lib.blank_at(["lead", "person"])
	msg := sprintf("No single named lead is recorded: lead.person is %s", [found(["lead", "person"])])
}

deny contains lib.finding("/lead", msg) if {
	lib.blank_at(["lead", "partner"])
	msg := sprintf("No lead organisation is recorded: lead.partner is %s", [found(["lead", "partner"])])
}

deny contains lib.finding("/lead/partner", msg) if {
	not lib.blank_at(["lead", "partner"])
	not input.lead.partner in lib.partner_ids
	msg := sprintf("No lead organisation among the partners: lead.partner %q names none of them", [input.lead.partner])
}

deny contains lib.finding("/lead/partner", msg) if {
	lib.partner(input.lead.partner).role == "consultee"
	msg := sprintf(
		"lead.partner %q is only a consultee; the lead should be a partner that takes part in running the partnership",
		[input.lead.partner],
	)
}

# found describes the blank value found at path, for the message.
found(path) := "missing" if {
	not lib.present(path)
} else := sprintf("blank (%q)", [v]) if {
	v := object.get(input, path, null)
	is_string(v)
} else := sprintf("not text (%v)", [object.get(input, path, null)])
