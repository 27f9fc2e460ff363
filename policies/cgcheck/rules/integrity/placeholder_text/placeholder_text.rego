# METADATA
# title: No placeholder text
# description: >-
#   Every value in the descriptor is the real one, not a stand-in still to be
#   filled in. Fails, with one finding per value at its own JSON pointer, for
#   every string value anywhere in the descriptor (ids and references, list
#   entries, nested objects and waivers included; object keys are not values)
#   that is a placeholder: its fold (lower case, every run of white space and
#   punctuation one space, trimmed) equals an entry of placeholder_texts,
#   folded the same way (such as "TBC", "To be confirmed.", "N/A"); or it is
#   not blank but folds to nothing ("?", "-", "..."); or its trimmed text
#   starts, in any case, with an entry of placeholder_prefixes, where an entry
#   ending in a letter or digit must be followed by the end of the text or by
#   a character that is not a letter or digit (so "REPLACE: the task", "TBC -
#   awaiting board", "tbc (board)" and "tbc-partnership-id" fail, "Replace the
#   two counters with one" and "tbcx" pass). Passes when no value is a
#   placeholder; it never skips. Other rules judge such a value as written (a
#   lead person "TBC" is not blank). Cannot be waived: the explanation a
#   waiver would give is the real value itself.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: placeholder-text
#   theme: integrity
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: robust and open to scrutiny
#   remediation: >-
#     Write the real value in place of each placeholder: the named person or
#     post, the partner's id, the date, the sentence the partners have agreed.
#     Where the partners have not yet decided, that is worth recording as it
#     is and discussing with them, rather than leaving a stand-in that reads
#     as settled. The study asks that the assessment of partnership working
#     be robust and open to scrutiny; a board can only rely on a descriptor
#     whose every entry says what is actually the case. This rule cannot be
#     waived.
#   plain:
#     pass: >-
#       Every entry is filled in.
#     fail: >-
#       Some entries still hold placeholder text rather than the real
#       details.
#   question: >-
#     Can the missing details be completed before the board decides?
#   params:
#     placeholder_texts:
#       type: list
#       default:
#         - tbc
#         - tba
#         - tbd
#         - to be confirmed
#         - to be agreed
#         - to be decided
#         - to be determined
#         - to follow
#         - n a
#         - na
#         - unknown
#         - not known
#         - xxx
#         - todo
#         - fixme
#         - placeholder
#         - lorem ipsum
#       description: >-
#         Texts that stand in for a value still to be written; a value whose
#         whole folded text equals one of them (folded too) fails.
#     placeholder_prefixes:
#       type: list
#       default:
#         - "replace:"
#         - "todo:"
#         - "fixme:"
#         - tbc
#         - tba
#         - tbd
#         - lorem ipsum
#       description: >-
#         Openings that mark a value still to be written; a value whose
#         trimmed text starts with one of them, in any case, fails (an entry
#         ending in a letter or digit only when no letter or digit follows it).
package cgcheck.rules.integrity.placeholder_text

import data.cgcheck.lib

# texts are the placeholder texts, folded once per run; prefixes the
# placeholder prefixes as declared (lib.placeholder lowers and trims them).
texts := lib.fold_all(lib.param(rego.metadata.chain(), "placeholder_texts"))

prefixes := lib.param(rego.metadata.chain(), "placeholder_prefixes")

# A descriptor holds a hundred or more strings, nearly never a placeholder.
# lib.placeholder, the definition, folds a string twice (a regular
# expression replacement) and tries every prefix: run on every string it
# costs about eighty times what references-resolve costs per descriptor
# (bench/instructions.sh), and a regex.match per string as a first test
# still ten times. So the rule screens all the strings at once (screen):
# a test that every placeholder passes and nearly no real value does. Only
# when some string passes does it walk the descriptor with paths, screen
# each string alone the same way, and judge what passes by lib.placeholder.
deny contains lib.finding(pointer(path), msg) if {
	screen
	walk(input, [path, value])
	is_string(value)
	strings.any_prefix_match(urlquery.encode(lower(concat("", [value, "\u0002"]))), targets)
	lib.placeholder(value, texts, prefixes)
	msg := sprintf(
		"%s is still a placeholder (%s): write the real value before this is approved",
		[field(path), quoted(value)],
	)
}

# screen is true when some string value might be a placeholder. The strings
# are joined, lowered and URL-encoded in three calls, which leave every
# ASCII letter and digit as it is and turn every other character into "+"
# (a space), "-", "_", "." or "%XX" escapes (a character outside ASCII
# begins with "%C" to "%F"); split at the separator \x01, each string is
# then a piece of its own, ending in "%02" (the encoded \x02 after it).
# strings.any_prefix_match then asks, in one call, whether a piece starts
# with one of targets. Every placeholder's piece does:
#
# - a fold that equals an entry of texts, or is empty though the text is
#   not: the lowered text is a run of white space and punctuation, the
#   entry with each of its spaces such a run, then another run (trim_space
#   also takes \v, which the fold keeps: it counts as white space here). So
#   the piece starts with space_or_punctuation (a run that is not empty), or
#   with the entry's first word and a marker (the next run, or the "%02" of
#   the end); for an entry of several words, when that marker is "+", by
#   "+" and then a marker or the second word.
# - a trimmed text that starts with a prefix: the piece starts with
#   space_or_punctuation (the white space before it) or with the encoded
#   prefix.
#
# A string that holds \x01 is split in two, and what follows is only one
# more piece to screen; a string that holds \x02 can only pass the screen
# more often. The letter-or-digit boundary after a prefix is left to
# lib.placeholder. (The same screen as one regular expression over the
# joined strings cost more than judging every string with regex.match.)
screen if {
	values := [v | walk(input, [_, v]); is_string(v)]
	pieces := split(urlquery.encode(lower(concat("\u0002\u0001", array.concat(values, [""])))), "%01")
	strings.any_prefix_match(pieces, targets)
}

# space_or_punctuation are how a character that is white space or
# punctuation begins once URL-encoded: a space is "+"; "-", "_" and "." stay
# as they are; any other character of ASCII is "%" and its two hex digits;
# every character outside ASCII begins with "%C" to "%F", which are taken
# whatever the character (letters too: only the screen is wider). An empty
# string ("%02") is not among them: it is blank, so never a placeholder
# (unless a placeholder text folds to nothing, below).
space_or_punctuation := {urlquery.encode(c) |
	some i in numbers.range(0, 127)
	c := sprintf("%c", [i])
	regex.match(`^[\s\v\x{85}\p{Z}\p{P}]$`, c)
} | {"%C", "%D", "%E", "%F", "%c", "%d", "%e", "%f"}

# markers are how anything but an ASCII letter or digit begins once
# URL-encoded, the end of a piece ("%02") included. ("~" is the one other
# character the encoding leaves as it is: it is neither white space nor
# punctuation.) They follow a placeholder text's first word.
markers := {"+", "-", "_", ".", "%"}

# targets are the starts of pieces that might be placeholders (see screen).
targets := (space_or_punctuation | entry_starts) | {urlquery.encode(p) | some p in starts}

entry_starts contains concat("", [urlquery.encode(words[0]), marker]) if {
	some t in texts
	words := split(t, " ")
	some marker in markers
	not several_words_after_space(words, marker)
}

entry_starts contains concat("", [urlquery.encode(words[0]), "+", next]) if {
	some t in texts
	words := split(t, " ")
	count(words) > 1
	some next in (markers | {urlquery.encode(words[1])})
}

several_words_after_space(words, "+") if count(words) > 1

# starts are the placeholder prefixes, lowered and trimmed as
# lib.placeholder compares them.
starts contains p if {
	some prefix in prefixes
	is_string(prefix)
	p := lower(trim_space(prefix))
	p != ""
}

# pointer spells a path from walk as an RFC 6901 JSON pointer: each key with
# ~ written ~0 and / written ~1, each index as its number.
pointer(path) := concat("", [concat("", ["/", token(key)]) | some key in path])

token(key) := replace(replace(key, "~", "~0"), "/", "~1") if is_string(key)

else := sprintf("%v", [key])

# field names the value for a reader: /partners/2/name is partners[2].name,
# and a key that is not a plain name is quoted in brackets.
field(path) := "the descriptor itself" if count(path) == 0

else := concat("", [field_part(n, key) | some n, key in path])

field_part(_, key) := sprintf("[%v]", [key]) if not is_string(key)

field_part(n, key) := part if {
	is_string(key)
	regex.match(`^[A-Za-z_][A-Za-z0-9_]*$`, key)
	part := dotted(n, key)
}

field_part(_, key) := sprintf("[%q]", [key]) if {
	is_string(key)
	not regex.match(`^[A-Za-z_][A-Za-z0-9_]*$`, key)
}

dotted(0, key) := key

dotted(n, key) := concat("", [".", key]) if n > 0

# quoted quotes a value for a message, shortened past 80 characters.
quoted(value) := sprintf("%q", [value]) if count(value) <= 80

else := sprintf("%q...", [substring(value, 0, 77)])
