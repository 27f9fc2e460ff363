# METADATA
# title: A specific, achievable task
# description: >-
#   The partnership states the specific, achievable task (or main target
#   outcome) it exists for, rather than a generic mission statement. Fails when
#   purpose.task is missing, not text, or only white space; passes otherwise.
#   One finding, at /purpose/task (or /purpose, or the document root, when the
#   field or its parent is missing).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: specific-task
#   theme: purpose
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: Emphasises a specific achievable task, rather than covering generic partnership mission statements
#   remediation: >-
#     Write down, in a sentence, the specific and achievable task the partners
#     have come together to deliver, or the main outcome they are aiming for.
#     The study found that Collaborative Gain is more readily identified in
#     clearly defined, focused projects that address particular issues than in
#     wide-ranging agendas; ask whether the partners would all describe the
#     task in the same way.
#   params: {}
package cgcheck.rules.purpose.specific_task

import data.cgcheck.lib

path := ["purpose", "task"]

deny contains lib.finding(pointer_to(path), msg) if {
	lib.blank_at(path)
	msg := sprintf("No specific task is recorded: purpose.task is %s", [found(path)])
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
