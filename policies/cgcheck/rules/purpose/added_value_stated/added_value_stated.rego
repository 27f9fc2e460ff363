# METADATA
# title: Why a partnership adds value
# description: >-
#   The partnership states why working together adds value over each agency
#   working alone. Fails when purpose.why_partnership is missing, not text,
#   or only white space (one finding, at /purpose/why_partnership, or
#   /purpose, or the document root, when the field or its parent is
#   missing). Warns, at /purpose/why_partnership, when it has fewer than
#   why_min_words words (default 8; words are runs of letters, marks and
#   digits, so exactly 8 passes). Passes otherwise. A placeholder such as
#   "TBC" is judged as written (it is short, so it warns); placeholder-text
#   reports it as a placeholder. (Where no gain through collaboration occurs
#   is rule no-gain-areas.)
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: added-value-stated
#   theme: purpose
#   severity: fail
#   levels: [fail, warn]
#   section: Appendix 1 Summary Literature Review
#   quote: Why have this and what added value will it bring?
#   remediation: >-
#     Set out what the partners expect to achieve together that none of them
#     could achieve as well on its own: economies of scale, critical mass,
#     enhanced outcomes, better quality or efficiency, or a better mutual
#     understanding. The study puts this question first when a partnership is
#     set up: why have this, and what added value will it bring? A sentence or
#     two that the partners would all recognise is enough; if the answer is
#     hard to write, it may be worth asking whether a partnership is the right
#     vehicle for the work.
#   plain:
#     pass: >-
#       The proposal says what working together will achieve that no
#       partner could achieve as well alone.
#     warn: >-
#       The proposal says why this is a partnership, but too briefly to
#       show what working together adds.
#     fail: >-
#       The proposal does not say why this work needs a partnership rather
#       than one organisation.
#   question: >-
#     What will the partners achieve together that none of them could
#     achieve as well on its own?
#   params:
#     why_min_words:
#       default: 8
#       type: integer
#       minimum: 0
#       description: >-
#         Fewest words a statement of why the partnership adds value needs
#         before it is taken to say what the added value is; a shorter one
#         warns (0 turns the check off).
package cgcheck.rules.purpose.added_value_stated

import data.cgcheck.lib

path := ["purpose", "why_partnership"]

min_words := lib.param(rego.metadata.chain(), "why_min_words")

deny contains lib.finding(pointer_to(path), msg) if {
	lib.blank_at(path)
	msg := sprintf("No added value of working in partnership is recorded: purpose.why_partnership is %s", [found(path)])
}

warn contains lib.finding("/purpose/why_partnership", msg) if {
	why := input.purpose.why_partnership
	is_string(why)
	n := lib.words(why)
	n < min_words
	trim_space(why) != ""
	msg := sprintf(
		concat(" ", [
			"The added value of working in partnership is stated too briefly to show what it is:",
			"purpose.why_partnership %q has %s (fewer than %d). Say what the partners will achieve",
			"together that none could achieve as well alone",
		]),
		[why, plural(n, "word"), min_words],
	)
}

plural(1, noun) := sprintf("1 %s", [noun])

plural(n, noun) := sprintf("%d %ss", [n, noun]) if n != 1

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
