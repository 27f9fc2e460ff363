# METADATA
# title: No circular lines of reporting
# description: >-
#   Runs once over every descriptor checked together (input.documents). Follows
#   governance.reports_to from descriptor to descriptor wherever it names the
#   id of a descriptor checked (when several descriptors share that id, which
#   unique-ids fails, it is followed to the first of them in run order); any
#   other value is an ordinary board or committee and ends the line. Fails,
#   with one finding per cycle, when the lines loop back on themselves,
#   including a descriptor that reports to itself. The finding shows the cycle
#   in order from the descriptor checked first (a -> b -> c -> a), names the
#   files, and is located at governance.reports_to in each descriptor of the
#   cycle. Descriptors whose line of reporting merely leads into a cycle are
#   not part of it. Passes when every line ends at an ordinary board; gives
#   nothing when the input has no documents (a single descriptor, as conftest
#   runs it).
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
#   params: {}
package cgcheck.registry.reporting_cycle

# How the rule stays linear (or n log n) in the number of documents, since
# registries can hold 100,000 descriptors and long chains of reporting:
#
# - Each descriptor reports to at most one other (its successor), so the
#   descriptors form a functional graph: every walk along reports_to either
#   ends at an ordinary board or runs into exactly one cycle.
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

# documents is the registry: one summary per descriptor checked.
documents := input.documents if is_array(input.documents)

else := []

# ids is the set of descriptor ids in use.
ids := {id |
	some d in documents
	id := object.get(d, "id", null)
	is_string(id)
}

# first maps each id to the lowest position of a descriptor using it.
first := {id: min({i | some i, d in documents; d.id == id}) | some id in ids}

# successor[i] is the position of the descriptor that descriptor i reports
# to, or -1 when it reports to an ordinary board (or to nothing).
successor := [s | some d in documents; s := target(d)]

target(d) := t if {
	t := first[d.reports_to.value]
} else := -1

# finishing is the set of positions whose line of reporting ends at an
# ordinary board: those reached, against the direction of reporting, from a
# descriptor whose own line ends.
finishing := graph.reachable(reversed, {i | some i, s in successor; s == -1})

# reversed maps every position to the positions that report to it (the
# graph must name every node, even one no descriptor reports to, for
# graph.reachable to mark it reached). The inner comprehension is evaluated
# only for targets that exist: OPA answers an indexed comprehension from its
# index only when the index has the key, and evaluates it in full otherwise,
# which for every descriptor nobody reports to would be quadratic.
reversed := object.union(
	{i: set() | some i, _ in successor},
	{t: {i | some i, s in successor; s == t} | some t in {s | some s in successor; s >= 0}},
)

# looping is the set of positions whose line of reporting runs into a cycle.
looping := {i | some i, _ in successor; not finishing[i]}

# nodes lists the looping positions in run order; a looping descriptor is
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

deny contains {"msg": msg, "locations": locations} if {
	some h, members in cycles
	length := count(members)

	# The member gap steps before the head comes length - gap steps after it.
	ordered := [nodes[r] | some [_, r] in sort([[(length - gap(r)) % length, r] | some r in members])]
	locations := [{"index": object.get(documents[p], "index", p), "pointer": pointer(p)} | some p in ordered]
	names := [name(p) | some p in array.concat(ordered, [nodes[h]])]
	files := [file(p) | some p in ordered]
	msg := sprintf(
		"governance.reports_to forms a cycle of %d: %s (%s); no line of reporting leads out of it",
		[length, concat(" -> ", names), concat(", ", files)],
	)
}

# pointer is where descriptor v names the descriptor it reports to.
pointer(v) := p if {
	p := documents[v].reports_to.pointer
	is_string(p)
} else := "/governance/reports_to"

# name is the id of the descriptor at position v.
name(v) := documents[v].id

# file names the document at position v: its file, or its place in the run.
file(v) := f if {
	f := documents[v].file
	is_string(f)
} else := sprintf("document %d", [v])
