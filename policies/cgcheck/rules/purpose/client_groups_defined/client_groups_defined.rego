# METADATA
# title: Client groups defined
# description: >-
#   The partnership defines who its service is for, closely enough to tailor
#   the service: at least one entry under client_groups (each with a name,
#   definition, service and intended impact, as the schema requires). Fails
#   when client_groups is missing, null, an empty list, or not a list (one
#   finding, at /client_groups, or the document root when the field is
#   missing). Otherwise warns once for each client group (at
#   /client_groups/<i>) whose whole name, folded, equals an entry of
#   generic_client_groups (such as "Everyone" or "The public"; a name that
#   only contains such a word, like "Young people leaving care", does not), or
#   whose definition has fewer than 3 words (missing or not text counts as
#   none; exactly 3 passes); the one finding names both when both hold.
#   Passes otherwise. A placeholder is judged as written; placeholder-text
#   reports it.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: client-groups-defined
#   theme: purpose
#   severity: fail
#   levels: [fail, warn]
#   section: Key Messages
#   quote: what service it is providing, to whom and the intended impact it should have
#   remediation: >-
#     Define the client or target groups the partnership serves, and for each
#     one the service being provided and the impact it is intended to have.
#     Name each group closely enough to tell who is in it (by age, need,
#     circumstance or place) rather than "everyone" or "the public". The
#     study found that mandates were clearest, and partners best able to
#     tailor their interventions, where a programme was focused on a specific
#     client group and its needs.
#   plain:
#     pass: >-
#       It says who the service is for, closely enough to shape the service
#       around them.
#     warn: >-
#       It names who the service is for, but too loosely to shape a service
#       around them.
#     fail: >-
#       It does not say who the service is for.
#   question: >-
#     Who exactly is this service for, and how will the partners know they
#     are reaching them?
#   params:
#     generic_client_groups:
#       type: list
#       default:
#         - everyone
#         - all
#         - all residents
#         - residents
#         - the public
#         - general public
#         - public
#         - the community
#         - community
#         - communities
#         - all citizens
#         - citizens
#         - people
#         - all people
#         - service users
#         - customers
#         - all ages
#       description: >-
#         Names too general to define a client group; a client group whose
#         whole name, folded, equals one of them warns.
package cgcheck.rules.purpose.client_groups_defined

import data.cgcheck.lib

generic := lib.fold_all(lib.param(rego.metadata.chain(), "generic_client_groups"))

groups := object.get(input, "client_groups", null)

min_definition_words := 3

deny contains lib.finding("", "No client groups are defined: client_groups is missing") if {
	not lib.has(input, "client_groups")
}

deny contains lib.finding("/client_groups", msg) if {
	lib.has(input, "client_groups")
	not non_empty_list(groups)
	msg := sprintf("No client groups are defined: client_groups is %s", [describe(groups)])
}

warn contains lib.finding(sprintf("/client_groups/%d", [i]), msg) if {
	is_array(groups)
	some i, g in groups
	is_object(g)
	problems := [text | some check in ["name", "definition"]; text := problem(check, i, g)]
	count(problems) > 0
	msg := sprintf(
		concat(" ", [
			"Client group %s is not defined closely enough to tailor a service to: %s. Say who",
			"exactly is in the group (for example by age, need, circumstance or place) and how they",
			"are identified",
		]),
		[label(g), concat(", and ", problems)],
	)
}

# problem describes what makes client group i too loosely defined, for one
# of its fields.
problem("name", i, g) := sprintf("client_groups[%d].name %q is a general term rather than a group", [i, g.name]) if {
	is_string(g.name)
	lib.fold(g.name) in generic
}

problem("definition", i, g) := sprintf(
	"client_groups[%d].definition %q has %s (fewer than %d)",
	[i, d, plural(n, "word"), min_definition_words],
) if {
	d := g.definition
	is_string(d)
	n := lib.words(d)
	n < min_definition_words
}

problem("definition", i, g) := sprintf("client_groups[%d].definition is %s", [i, found(g, "definition")]) if {
	not is_string(object.get(g, "definition", null))
}

# label names a client group for a message: its name, quoted, or its place.
label(g) := sprintf("%q", [g.name]) if {
	is_string(g.name)
	trim_space(g.name) != ""
} else := "with no name"

found(g, key) := "missing" if {
	not lib.has(g, key)
} else := sprintf("not text (%v)", [g[key]])

plural(1, noun) := sprintf("1 %s", [noun])

plural(n, noun) := sprintf("%d %ss", [n, noun]) if n != 1

non_empty_list(v) if {
	is_array(v)
	count(v) > 0
}

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])
