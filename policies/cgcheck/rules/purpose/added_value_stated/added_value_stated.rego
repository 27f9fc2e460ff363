# METADATA
# title: Why a partnership adds value
# description: >-
#   The partnership states why working together adds value over each agency
#   working alone, so that it is also clear where no gain through
#   collaboration occurs. Fails when purpose.why_partnership is missing, not
#   text, or only white space; passes otherwise. One finding, at
#   /purpose/why_partnership (or /purpose, or the document root, when the
#   field or its parent is missing).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: added-value-stated
#   theme: purpose
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: Is clear where no gain through collaboration occurs
#   remediation: >-
#     Set out what the partners expect to achieve together that none of them
#     could achieve as well on its own: economies of scale, critical mass,
#     enhanced outcomes, better quality or efficiency. Being clear about the
#     added value also makes it clear where no gain through collaboration
#     occurs, and where a partner's time might be better spent elsewhere.
#   params: {}
package cgcheck.rules.purpose.added_value_stated

import data.cgcheck.lib

path := ["purpose", "why_partnership"]

deny contains lib.finding(pointer_to(path), msg) if {
	lib.blank_at(path)
	msg := sprintf("No added value of working in partnership is recorded: purpose.why_partnership is %s", [found(path)])
}

# pointer_to is the JSON pointer to path, or to its nearest parent that exists.
pointer_to(p) := concat("", [sprintf("/%v", [k]) | some k in array.slice(p, 0, n)]) if {
	n := max({i | some i in numbers.range(0, count(p)); lib.present(array.slice(p, 0, i))})
}

# found describes the blank value found at path, for the message.
found(p) := "missing" if {
	not lib.present(p)
} else := sprintf("blank (%q)", [v]) if {
	v := object.get(input, p, null)
	is_string(v)
} else := sprintf("not text (%v)", [object.get(input, p, null)])
