# METADATA
# title: Linked to local and national outcomes
# description: >-
#   The partnership links its purpose to at least one outcome it serves: one of
#   the Scottish Government's 15 national outcomes, a Single Outcome Agreement
#   or local outcomes improvement plan outcome, or another framework. Warns
#   when purpose.outcome_links is missing or an empty list (one finding, at
#   /purpose/outcome_links, or /purpose, or the document root, whichever
#   exists first); passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: outcome-link
#   theme: purpose
#   severity: warn
#   levels: [warn]
#   section: Context
#   quote: 15 key national outcomes
#   remediation: >-
#     Note which local outcomes in the Single Outcome Agreement, and which of
#     the Scottish Government's 15 key national outcomes, this work contributes
#     to. The study suggests that partnerships designed around the achievement
#     of key outcomes for service users and communities may be more likely to
#     result in genuine collaborative gain, and the link helps partners see
#     where this work sits among the other partnerships in the area.
#   params: {}
package cgcheck.rules.purpose.outcome_link

import data.cgcheck.lib

path := ["purpose", "outcome_links"]

links := object.get(input, path, null)

warn contains lib.finding(pointer_to(path), msg) if {
	not non_empty_list(links)
	msg := sprintf("No outcome this work contributes to is recorded: purpose.outcome_links is %s", [found])
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
