# METADATA
# title: Clear where no gain occurs
# description: >-
#   The partnership records where collaboration is not expected to add value,
#   so that partners can keep that work to themselves and spend shared time
#   where it counts. Warns when purpose.no_gain_areas is missing, null, an
#   empty list, or not a list (one finding, at /purpose/no_gain_areas, or
#   /purpose, or the document root, whichever exists first). Passes when it
#   is a list with at least one entry (what the entries say is judged by
#   placeholder-text, not here).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: no-gain-areas
#   theme: purpose
#   severity: warn
#   levels: [warn]
#   section: Executive Summary
#   quote: Is clear where no gain through collaboration occurs
#   remediation: >-
#     Note the areas of the partners' work where collaboration is not expected
#     to add value, and which each partner will therefore carry on alone. The
#     study describes a collaborative approach as one that is clear where no
#     gain through collaboration occurs: being clear about the added value
#     also makes clear where a partner's time might be better spent elsewhere,
#     and keeps the partnership focused on the task it exists for.
#   plain:
#     pass: >-
#       It says where working together is not expected to add value, so
#       that shared time goes where it counts.
#     warn: >-
#       It does not say where working together is not expected to add
#       value.
#   question: >-
#     Which parts of this work are better left to each partner alone?
#   params: {}
package cgcheck.rules.purpose.no_gain_areas

import data.cgcheck.lib

path := ["purpose", "no_gain_areas"]

areas := object.get(input, path, null)

warn contains lib.finding(pointer_to(path), msg) if {
	not non_empty_list(areas)
	msg := sprintf(
		"It is not recorded where working together is not expected to add value: purpose.no_gain_areas is %s",
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

# found describes the value found at path, for the message.
found := "missing" if {
	not lib.present(path)
} else := "empty" if {
	areas == []
} else := sprintf("not a list (%v)", [areas])
