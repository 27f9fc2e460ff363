# METADATA
# title: A robust, current evidence base
# description: >-
#   The partnership records the evidence its work is based on, with both
#   quantitative and qualitative information, and keeps it current. Fails when
#   evidence is missing or an empty list (one finding, at /evidence, or the
#   document root when the field is missing). Otherwise warns, at /evidence,
#   when every item has the same type (only quantitative or only qualitative);
#   and, as a separate finding, warns when the newest evidence date (the
#   latest evidence[].date) is more than evidence_max_age_months (default 36)
#   calendar months before today, that is when add_months(newest,
#   evidence_max_age_months) is earlier than today, the day clamped to the end
#   of a shorter month (evidence exactly that many months old passes). That
#   finding points at the date of the newest item (the first, if several share
#   it). Passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: evidence-base
#   theme: evidence
#   severity: fail
#   levels: [fail, warn]
#   section: Key Messages
#   quote: Service interventions need to be informed by robust evidence
#   remediation: >-
#     Record the evidence that supports the programme or project, drawing on
#     both quantitative information (statistics, performance data) and
#     qualitative information (the views and experience of clients and staff),
#     and refresh it as circumstances change. The study found that the
#     robustness of the evidence was a fundamental building block of a
#     programme's credibility and mandate, and that quality information is key
#     to understanding the needs of the client base.
#   plain:
#     pass: >-
#       Its work rests on current evidence: both figures and people's
#       experience.
#     warn: >-
#       Its evidence is dated, or rests only on figures or only on people's
#       experience.
#     fail: >-
#       It records no evidence for its work.
#   question: >-
#     What evidence shows this approach will work here, and is it up to
#     date?
#   params:
#     evidence_max_age_months:
#       default: 36
#       type: integer
#       minimum: 0
#       description: >-
#         Warn when the newest evidence is more than this many calendar months
#         before today.
package cgcheck.rules.evidence.evidence_base

import data.cgcheck.lib

max_age := lib.param(rego.metadata.chain(), "evidence_max_age_months")

# Evidence dated before stale_before is more than max_age months old
# (lib.older_than_months). A rule of its own, so that cgcheck works it out
# once per run rather than once per descriptor.
stale_before := lib.months_before_today(max_age)

evidence := object.get(input, "evidence", null)

non_empty_list(v) if {
	is_array(v)
	count(v) > 0
}

deny contains lib.finding("", "No evidence base is recorded: evidence is missing") if {
	not lib.has(input, "evidence")
}

deny contains lib.finding("/evidence", msg) if {
	lib.has(input, "evidence")
	not non_empty_list(evidence)
	msg := sprintf("No evidence base is recorded: evidence is %s", [describe(evidence)])
}

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])

# mixed_types is the usual case: some item's type differs from the first
# item's. It stops at the first such item, so the set of types is only built
# for a descriptor that draws the warning below.
mixed_types if {
	first := evidence[0].type
	some e in evidence
	e.type != first
}

warn contains lib.finding("/evidence", msg) if {
	non_empty_list(evidence)
	not mixed_types
	types := {e.type | some e in evidence}
	count(types) == 1
	some only in types
	others := {"quantitative", "qualitative"} - types
	msg := sprintf("%s %v; none is %s", [all_items(count(evidence)), only, concat(" or ", sort(others))])
}

warn contains lib.finding(sprintf("/evidence/%d/date", [i]), msg) if {
	non_empty_list(evidence)
	newest < stale_before
	i := min({j | some j, e in evidence; e.date == newest})
	label := object.get(evidence[i], "id", sprintf("evidence[%d]", [i]))
	msg := sprintf(
		"The newest evidence (%v) is dated %s, more than %v months before today (%s; evidence_max_age_months)",
		[label, newest, max_age, lib.today],
	)
}

# all_items opens the message in words that fit the count: "All 3 evidence
# items are", or "The one evidence item is".
all_items(1) := "The one evidence item is"

all_items(n) := sprintf("All %d evidence items are", [n]) if n > 1

newest := max([e.date | some e in evidence; is_string(e.date)])
