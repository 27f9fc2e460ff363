# METADATA
# title: No circular lines of reporting
# description: >-
#   Runs once over every descriptor checked together. Follows
#   governance.reports_to from descriptor to descriptor wherever it names the
#   id of a descriptor checked (when several descriptors share that id, which
#   unique-ids fails, it is followed to the first of them in run order); any
#   other value is an ordinary board or committee and ends the line. A
#   reports_to list (descriptor revision 2) is followed along every entry.
#   Fails, with one finding per cycle, when the lines loop back on
#   themselves, including a descriptor that reports to itself. The finding
#   shows the cycle in order from the descriptor checked first (a -> b -> c
#   -> a), names the files, and is located at governance.reports_to in each
#   descriptor of the cycle. Where a cycle runs through a descriptor that
#   reports to several descriptors, the finding names every descriptor that
#   can reach the others along lines of reporting, in run order (one finding
#   for the whole group, however many ways round it). Descriptors whose line
#   of reporting merely leads into a cycle are not part of it. Passes when
#   every line ends at an ordinary board; gives nothing for a single
#   descriptor (as conftest runs it).
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: reporting-cycle
#   theme: registry
#   severity: fail
#   levels: [fail]
#   section: Clarity of Leadership, Governance and Performance Management
#   quote: clear lines of reporting and governance
#   remediation: >-
#     Decide which of these groups is accountable to which, and record in
#     governance.reports_to of the most senior one the board or committee it
#     answers to outside the cycle, such as the Council or a Community Planning
#     structure. The study found clear lines of reporting and governance,
#     often through existing reporting mechanisms, behind the partnerships that
#     worked; a line of accountability that comes back to where it started
#     leaves no one accountable.
#   plain:
#     pass: >-
#       Every line of reporting leads somewhere: none goes round in a
#       circle.
#     fail: >-
#       Some partnerships report to each other in a circle, so none is
#       finally accountable.
#   question: >-
#     Where does accountability for these partnerships finally rest?
#   params: {}
package cgcheck.registry.reporting_cycle

import data.cgcheck.lib

# How the rule stays linear (or n log n) in the number of documents, since
# registries can hold 100,000 descriptors and long chains of reporting:
#
# - cgcheck groups the facts by id, and passes only the ids that some
#   descriptor has and some descriptor reports to: lines of reporting that
#   end at an ordinary board never reach the rule.
# - Nearly every descriptor reports to at most one other (its successor), so
#   the descriptors form a functional graph: every walk along reports_to
#   either ends or runs into exactly one cycle. The few that report to
#   several descriptors (a list) are handled apart (branching, below).
# - One graph.reachable call over the reversed edges, from every descriptor
#   whose line ends, finds all the descriptors that are on no cycle and lead to
#   none. Usually that is all of them, and the rule stops there.
# - The rest ("looping") are numbered 0..m-1 in run order, and pointer
#   doubling computes, level by level, the descriptor 2^k steps ahead (step)
#   and, packed in one number (key), the lowest number among the next 2^k
#   descriptors and how many steps ahead it first comes. After enough levels
#   every walk has landed on its cycle; each cycle is named by its lowest
#   number (its head), and every member's key says how far it is from the head,
#   which puts the cycle in order without walking it.
#
# Every step is a comprehension (OPA indexes the grouping ones): partial
# object rules are avoided because OPA builds them in quadratic time.

# facts: a descriptor's id (a "node") and the value it reports to (an
# "edge"), both keyed by id, so one group holds the descriptors with an id
# and every descriptor that reports to it (input is one descriptor).
facts contains {"key": input.id, "kind": "node", "pointer": "/id"} if is_string(input.id)

facts contains {"key": to, "kind": "edge", "pointer": "/governance/reports_to"} if {
	to := input.governance.reports_to
	is_string(to)
}

# Descriptor revision 2: reports_to may list several boards; every entry is
# an edge (the pointer names the entry).
facts contains {"key": to, "kind": "edge", "pointer": sprintf("/governance/reports_to/%d", [i])} if {
	is_array(input.governance.reports_to)
	some i, to in input.governance.reports_to
	is_string(to)
}

# find_cycles: cgcheck finds the cycles itself, in linear time, and passes
# them as input.cycles: [{"members", "pointers", "simple"}], members in
# order round a simple cycle from the first in run order, otherwise in run
# order. The rules below it work the cycles out in Rego when input.cycles is
# not given (stock opa and conftest, and the tests, which check that both
# ways agree).
find_cycles := true

deny contains {"msg": msg, "locations": locations} if {
	some c in given_cycles
	locations := [{"index": d, "pointer": c.pointers[i]} | some i, d in c.members]
	msg := given_message(c)
}

# Without input.cycles, each group of documents on a cycle through a branching
# document (one that reports to several), in run order.
deny contains {"msg": msg, "locations": locations} if {
	some members in branching_groups
	locations := [{"index": p, "pointer": "/governance/reports_to"} | some p in members]
	msg := branching_message(members)
}

# Without input.cycles, each simple cycle, its members in order round it.
deny contains {"msg": msg, "locations": locations} if {
	not given_cycles
	some members in cycles
	length := count(members)

	# The member gap steps before the head comes length - gap steps after it.
	ordered := [p | some [_, r] in sort([[(length - gap(r)) % length, r] | some r in members]); p := nodes[r]]
	locations := [{"index": p, "pointer": "/governance/reports_to"} | some p in ordered]
	msg := cycle_message(ordered)
}

given_cycles := input.cycles if is_array(input.cycles)

given_message(c) := cycle_message(c.members) if c.simple

else := branching_message(c.members)

# require_kinds: a group is passed only when it holds a descriptor and a
# descriptor that reports to it; any other reports_to value is an ordinary
# board or committee, which ends the line.
require_kinds := {"node", "edge"}

# targets maps each document whose reports_to names the id of a descriptor
# checked to the documents it names (a descriptor reporting to a list names
# each entry; an id that several descriptors share, which unique-ids fails,
# names the first of them in run order).
targets := {d: {t | some [e, t] in edges; e == d} | some [d, _] in edges}

edges contains [e.document, target] if {
	some group in input.groups
	target := min({f.document | some f in group; f.kind == "node"})
	some e in group
	e.kind == "edge"
}

# successor maps each document that reports to exactly one descriptor to
# that descriptor: the functional graph the doubling below works on. A
# document that reports to several descriptors (a list, descriptor revision
# 2) has no successor there, so it ends every line that leads to it; the
# cycles through it are found by reachability (branching, below).
successor := {d: t | some d, ts in targets; count(ts) == 1; some t in ts}

# vertices are the documents at either end of a line of reporting.
vertices := object.keys(successor) | {t | some t in successor}

# finishing is the set of documents whose line of reporting ends: those
# reached, against the direction of reporting, from a document with no
# successor.
finishing := graph.reachable(reversed, {v | some v in vertices; object.get(successor, v, null) == null})

# reversed maps every document to the documents that report to it (the
# graph must name every node, even one no descriptor reports to, for
# graph.reachable to mark it reached). The inner comprehension is evaluated
# only for targets that exist: OPA answers an indexed comprehension from its
# index only when the index has the key, and evaluates it in full otherwise,
# which for every document nobody reports to would be quadratic.
reversed := object.union(
	{v: set() | some v in vertices},
	{t: {s | some s, u in successor; u == t} | some t in {u | some u in successor}},
)

# looping is the set of documents whose line of reporting runs into a cycle.
looping := {v | some v in vertices; not finishing[v]}

# nodes lists the looping documents in run order; a looping document is
# known below by its number, its place in nodes.
nodes := sort(looping)

number := {p: r | some r, p in nodes}

# offset_limit exceeds any offset a key can hold (offsets stay below the
# largest window, 2^20 steps), so key = number * offset_limit + offset.
offset_limit := 4194304

# Doubling levels: level.step[r] is the number size steps after r, and
# level.key[r] packs the lowest number among r and the size - 1 that follow
# with how many steps from r it first comes. A level is only doubled while
# size is below the number of looping descriptors; after that each level is
# the previous one, so 21 levels cover a million looping descriptors.
level0 := {
	"size": 1,
	"step": [number[successor[p]] | some p in nodes],
	"key": [k | some r, _ in nodes; k := r * offset_limit],
}

double(level) := level if level.size >= count(nodes)

else := {
	"size": level.size * 2,
	"step": [level.step[s] | some s in level.step],
	"key": [min([level.key[r], level.key[s] + level.size]) | some r, s in level.step],
}

level1 := double(level0)

level2 := double(level1)

level3 := double(level2)

level4 := double(level3)

level5 := double(level4)

level6 := double(level5)

level7 := double(level6)

level8 := double(level7)

level9 := double(level8)

level10 := double(level9)

level11 := double(level10)

level12 := double(level11)

level13 := double(level12)

level14 := double(level13)

level15 := double(level14)

level16 := double(level15)

level17 := double(level16)

level18 := double(level17)

level19 := double(level18)

level20 := double(level19)

# on_cycle holds the numbers on a cycle: where the walks have landed after at
# least as many steps as there are looping descriptors.
on_cycle := {level20.step[r] | some r, _ in nodes}

# head is the lowest number on the cycle of r (r on a cycle); gap is how many
# steps r is from it. The top window is at least as long as any cycle.
head(r) := floor(level20.key[r] / offset_limit)

gap(r) := level20.key[r] % offset_limit

# cycles maps the head of each cycle to its members.
cycles := {h: members |
	some h in {head(r) | some r in on_cycle}
	members := {r | some r in on_cycle; head(r) == h}
}

# A cycle that runs through no branching document (one reporting to several
# descriptors) lies wholly in the functional graph, and the doubling finds
# it; one that runs through a branching document m is the group of documents
# m reaches that also reach m (its strongly connected group). So two
# graph.reachable calls per branching document, forwards over targets and
# backwards over reporters, find every such cycle: linear in the registry
# for each of the (usually few) branching documents, where a search from
# every document would be quadratic. Two branching documents on the same
# cycle find the same group, which gives one finding.
branching := {d | not given_cycles; some d, ts in targets; count(ts) > 1}

branching_groups contains members if {
	some m in branching
	ahead := graph.reachable(targets, targets[m])
	ahead[m]
	behind := graph.reachable(reporters, reporters[m])
	members := sort([v | some v in ahead; behind[v]])
}

# reporters maps every document some document reports to to those
# documents (built only when there is a branching document).
reporters := {t: {s | some [s, u] in edges; u == t} | some t in {u | some [_, u] in edges}}

# branching_message names the members of a cycle through a branching
# document, in run order (a group with several ways round has no one order).
branching_message([p]) := sprintf(
	"governance.reports_to forms a cycle of 1: %s -> %s (%s); no line of reporting leads out of it",
	[name(p), name(p), file(p)],
)

branching_message(members) := sprintf(
	"governance.reports_to forms a cycle among %d partnerships: %s (%s); no line of reporting leads out of it",
	[count(members), lib.some_of([name(p) | some p in members]), lib.some_of([file(p) | some p in members])],
) if count(members) > 1

# cycle_message names a cycle whose members are in order round it.
cycle_message(ordered) := sprintf(
	"governance.reports_to forms a cycle of %d: %s (%s); no line of reporting leads out of it",
	[count(ordered), way_round(ordered), lib.some_of([file(p) | some p in ordered])],
)

# way_round shows a cycle from its first member back to it: every step when
# there are at most six, else the first five steps, how many more, and the
# way back (the finding's locations list every member in order).
way_round(ordered) := concat(" -> ", [name(p) | some p in array.concat(ordered, [ordered[0]])]) if count(ordered) <= 6

else := sprintf("%s -> ... %d more ... -> %s", [
	concat(" -> ", [name(p) | some p in array.slice(ordered, 0, 5)]),
	count(ordered) - 5,
	name(ordered[0]),
])

# name is the id of document v.
name(v) := input.documents[v].id

# file is the file of document v.
file(v) := input.documents[v].file
