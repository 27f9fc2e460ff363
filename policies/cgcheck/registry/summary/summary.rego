# METADATA
# title: Registry summary of one descriptor
# description: >-
#   What the registry rules need to know of one descriptor, extracted while the
#   descriptor is checked so a registry run keeps only this small summary per
#   document, never the documents themselves. Every value carries the JSON
#   pointer it came from, so registry findings can name a line in each file.
#   This package defines no deny, warn or skip rules of its own.
package cgcheck.registry.summary

import data.cgcheck.lib

# document is the summary of input. cgcheck adds "index" (the document's
# place in the run), "file", and the line and column of each pointer.
document := {
	"id": object.get(input, "id", null),
	"status": object.get(input, "status", null),
	"area": object.get(input, "area", null),
	"area_key": key(object.get(input, "area", "")),
	"client_groups": client_groups,
	"outcome_links": outcome_links,
	"representatives": representatives,
	"reports_to": reports_to,
}

# key folds a name for comparison: case- and space-insensitive, so "Older
# People" and "older  people" and "olderpeople" are the same client group.
key(s) := regex.replace(lower(s), `\s+`, "") if is_string(s)

key(s) := "" if not is_string(s)

client_groups := [g |
	some i, group in object.get(input, "client_groups", [])
	is_string(group.name)
	g := {"name": group.name, "key": key(group.name), "pointer": sprintf("/client_groups/%d/name", [i])}
]

outcome_links := [l |
	some i, link in object.get(input, ["purpose", "outcome_links"], [])
	l := {
		"framework": object.get(link, "framework", null),
		"ref": object.get(link, "ref", null),
		"pointer": sprintf("/purpose/outcome_links/%d", [i]),
	}
]

representatives := [r |
	some i, partner in object.get(input, "partners", [])
	person := object.get(partner, ["representative", "person"], null)
	not lib.blank(person)
	r := {
		"person": person,
		"key": lower(trim_space(person)),
		"partner": object.get(partner, "id", null),
		"pointer": sprintf("/partners/%d/representative/person", [i]),
	}
]

reports_to := {"value": value, "pointer": "/governance/reports_to"} if {
	value := input.governance.reports_to
	is_string(value)
} else := null
