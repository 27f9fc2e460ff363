# METADATA
# title: Mandate defined at the outset
# description: >-
#   The partnership records its mandate: the need it answers, ideally with the
#   evidence for it. Warns when purpose.mandate is missing, not text, or only
#   white space (one finding, at /purpose/mandate, or /purpose, or the
#   document root, when the field or its parent is missing); passes
#   otherwise. A placeholder such as "TBC" is judged as written (it is not
#   blank); placeholder-text reports it.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: mandate-defined
#   theme: purpose
#   severity: warn
#   levels: [warn]
#   section: Key Messages
#   quote: The partnership mandate has to be defined at the outset
#   remediation: >-
#     Set out the need or mandate for the work: why the partners are acting,
#     and on whose behalf, ideally citing the evidence that shows the need
#     (a local statistic, a national programme, a needs assessment). The
#     study found that mandates were clearest, and partners best understood
#     the need to act, where the work focused on a specific client group or a
#     tangible outcome; in one case study a single statistic gave a clear
#     mandate and, with it, a shared understanding of the need to act across
#     all the agencies involved.
#   plain:
#     pass: >-
#       It records the need or mandate the partnership answers.
#     warn: >-
#       It does not record the need or mandate the partnership answers.
#   question: >-
#     What need, or what mandate, gave rise to this partnership, and what
#     evidence shows it?
#   params: {}
package cgcheck.rules.purpose.mandate_defined

import data.cgcheck.lib

path := ["purpose", "mandate"]

warn contains lib.finding(pointer_to(path), msg) if {
	lib.blank_at(path)
	msg := sprintf(
		"The mandate for the partnership, the need it answers, is not recorded: purpose.mandate is %s",
		[found(path)],
	)
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
