# METADATA
# title: Linked to local and national outcomes
# description: >-
#   The partnership links its purpose to at least one outcome it serves: a
#   National Performance Framework outcome (npf), a priority of the area's
#   Local Outcomes Improvement Plan (loip), a locality plan, one of the 15
#   national outcomes of 2007 or a Single Outcome Agreement outcome, or
#   another framework (built in, or defined in the config file). Warns when
#   purpose.outcome_links is missing, null, an empty list, or not a list (one
#   finding, at /purpose/outcome_links, or /purpose, or the document root,
#   whichever exists first); passes otherwise. Whether each link names a
#   known framework and outcome is judged by references-resolve, not here.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: outcome-link
#   theme: purpose
#   severity: warn
#   levels: [warn]
#   section: An Evidence-based and Client-Focused Approach
#   quote: designed around the achievement of key outcomes
#   remediation: >-
#     Note which outcomes this work contributes to, under purpose.outcome_links
#     as {framework, ref}: a National Performance Framework outcome (framework
#     npf, e.g. ref health), a priority of your Local Outcomes Improvement Plan
#     (loip, the plan a Community Planning Partnership keeps under the
#     Community Empowerment (Scotland) Act 2015), a locality plan
#     (locality_plan), one of the 15 national outcomes of 2007
#     (national_outcome) or a Single Outcome Agreement outcome (soa) for older
#     work, or another framework (other). A CPP can define its own LOIP
#     priorities under the frameworks: key of the config file, so that links
#     to them are checked and titled; the command cgcheck frameworks lists
#     the frameworks in force. The study suggests that partnerships designed around the
#     achievement of key outcomes for service users and communities may be
#     more likely to result in genuine collaborative gain, and the link helps
#     partners see where this work sits among the other partnerships in the
#     area.
#   plain:
#     pass: >-
#       It links the work to the local and national outcomes it serves.
#     warn: >-
#       It does not link the work to a local or national outcome.
#   question: >-
#     Which of the area's and the nation's outcomes will this work move,
#     and how will we see it?
#   params: {}
package cgcheck.rules.purpose.outcome_link

import data.cgcheck.lib

path := ["purpose", "outcome_links"]

links := object.get(input, path, null)

warn contains lib.finding(pointer_to(path), msg) if {
	not non_empty_list(links)
	msg := sprintf(
		concat(" ", [
			"No outcome this work contributes to is recorded: purpose.outcome_links is %s. Link it",
			"to the outcomes it serves, such as a National Performance Framework outcome (framework",
			"npf) or a priority of your Local Outcomes Improvement Plan (loip)",
		]),
		[found],
	)
}

non_empty_list(v) if {
	is_array(v)
	count(v) > 0
}

# pointer_to is the JSON pointer to p, or to its nearest parent that exists.
pointer_to(p) := concat("", [sprintf("/%v", [k]) | some k in array.slice(p, 0, n)]) if {
	n := max({i | some i in numbers.range(0, count(p)); lib.present(array.slice(p, 0, i))})
}

found := "missing" if {
	not lib.present(path)
} else := "empty" if {
	links == []
} else := sprintf("not a list (%v)", [links])
