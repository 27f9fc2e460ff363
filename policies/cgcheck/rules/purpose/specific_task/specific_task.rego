# METADATA
# title: A specific, achievable task
# description: >-
#   The partnership states the specific, achievable task (or main target
#   outcome) it exists for, rather than a generic mission statement or a
#   wide-ranging agenda. Fails when purpose.task is missing, not text, or only
#   white space (one finding, at /purpose/task, or /purpose, or the document
#   root, when the field or its parent is missing). Otherwise warns, at
#   /purpose/task, when the task has fewer than task_min_words words (default
#   6; words are runs of letters, marks and digits, so exactly 6 passes); and,
#   as a separate finding, when its folded text contains a phrase of
#   wide_agenda_phrases as whole words (such as "health and wellbeing" or "for
#   all"). Passes otherwise. A placeholder such as "TBC" is judged as written
#   (it is short, so it warns); placeholder-text reports it as a placeholder.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: specific-task
#   theme: purpose
#   severity: fail
#   levels: [fail, warn]
#   section: Executive Summary
#   quote: Emphasises a specific achievable task, rather than covering generic partnership mission statements
#   citations:
#     - section: Key Messages
#       quote: rather than in wide ranging agendas
#   remediation: >-
#     Write down, in a sentence, the specific and achievable task the partners
#     have come together to deliver, or the main outcome they are aiming for:
#     who it is for, what will be done or changed, where, and by when. The
#     study found that Collaborative Gain is more readily identified in clearly
#     defined, focused projects that address particular issues than in
#     wide-ranging agendas such as health improvement; ask whether the
#     partners would all describe the task in the same way, and whether a
#     large agenda could be broken down into manageable strands of work.
#   plain:
#     pass: >-
#       It names a specific, achievable task.
#     warn: >-
#       Its task reads as a broad agenda or mission statement rather than a
#       specific, achievable task.
#     fail: >-
#       It does not say what task the partnership is for.
#   question: >-
#     What particular task will this partnership achieve, for whom, where
#     and by when?
#   params:
#     task_min_words:
#       default: 6
#       type: integer
#       minimum: 0
#       description: >-
#         Fewest words a task needs before it is taken to be stated
#         specifically; a shorter one warns (0 turns the check off).
#     wide_agenda_phrases:
#       type: list
#       default:
#         - health and wellbeing
#         - health improvement
#         - quality of life
#         - improve outcomes
#         - better outcomes
#         - partnership working
#         - joint working
#         - joined up working
#         - work together
#         - for all
#       description: >-
#         Phrases of a wide-ranging agenda or generic mission statement; a
#         task containing one (folded, as whole words) warns.
package cgcheck.rules.purpose.specific_task

import data.cgcheck.lib

path := ["purpose", "task"]

min_words := lib.param(rego.metadata.chain(), "task_min_words")

phrases := lib.fold_all(lib.param(rego.metadata.chain(), "wide_agenda_phrases"))

# padded_phrases are the phrases with a space either side, as
# lib.contains_phrase compares them: worked out once per run (a data-only
# rule), where contains_phrase would build them for every descriptor.
padded_phrases := [concat("", [" ", p, " "]) | some p in phrases; p != ""]

# task is purpose.task when it is text that is not only white space.
task := input.purpose.task if {
	is_string(input.purpose.task)
	trim_space(input.purpose.task) != ""
}

deny contains lib.finding(pointer_to(path), msg) if {
	lib.blank_at(path)
	msg := sprintf("No specific task is recorded: purpose.task is %s", [found(path)])
}

warn contains lib.finding("/purpose/task", msg) if {
	n := lib.words(task)
	n < min_words
	msg := sprintf(
		concat(" ", [
			"The task is stated too briefly to show what the partners will achieve: purpose.task %q",
			"has %s (fewer than %d). Say who it is for, what will be done or changed, where, and by",
			"when",
		]),
		[task, plural(n, "word"), min_words],
	)
}

warn contains lib.finding("/purpose/task", msg) if {
	# lib.contains_phrase, tested in place: " " + phrase + " " occurs in
	# " " + fold(task) + " ".
	padded := concat("", [" ", lib.fold(task), " "])
	some pp in padded_phrases
	contains(padded, pp)

	# Only for a finding: every phrase found, so the message quotes them all.
	found_phrases := sort([sprintf("%q", [trim_space(x)]) | some x in padded_phrases; contains(padded, x)])
	msg := sprintf(
		concat(" ", [
			"The task reads as a wide-ranging agenda rather than a specific task: purpose.task %q",
			"contains %s. Name the particular issue the partners will tackle: who it is for, what",
			"will change, where, and by when",
		]),
		[task, english(found_phrases)],
	)
}

# english joins texts as in a sentence: "a", "a and b", "a, b and c".
english(list) := list[0] if count(list) == 1

english(list) := concat(
	" and ",
	[concat(", ", array.slice(list, 0, count(list) - 1)), list[count(list) - 1]],
) if count(list) > 1

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
