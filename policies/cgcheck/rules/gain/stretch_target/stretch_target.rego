# METADATA
# title: Collaborative targets stretch beyond working alone
# description: >-
#   Where a measure sets both an isolation_target (what single agencies would
#   reach alone) and a collaborative_target, the collaborative target should
#   be more stretching. Warns once per such measure whose collaborative_target
#   value is not greater than the isolation_target value when better is
#   higher, or not less than it when better is lower (equal values warn).
#   Never fails, because the study doubts that setting both targets is always
#   practical. Skips when no measure has both targets; measures with only one
#   target are not checked.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: stretch-target
#   theme: gain
#   severity: warn
#   levels: [warn]
#   section: Conclusions
#   quote: specify a target to be delivered when working in isolation
#   remediation: >-
#     Look again at what partners would deliver working in isolation and what
#     they expect to deliver together. If working together is to add value,
#     the collaborative target should be a further and more stretching one; if
#     it cannot be, ask whether collaboration adds anything to this measure.
#   plain:
#     pass: >-
#       Its joint targets go further than the partners would reach working
#       alone.
#     warn: >-
#       Some joint targets go no further than the partners would reach
#       working alone.
#   question: >-
#     What more will working together achieve than each partner would reach
#     on its own?
#   params: {}
package cgcheck.rules.gain.stretch_target

import data.cgcheck.lib

warn contains lib.finding(sprintf("/monitoring/measures/%d/collaborative_target/value", [i]), msg) if {
	some i, m in both_targets
	collaborative := m.collaborative_target.value
	isolation := m.isolation_target.value
	not stretches(m.better, collaborative, isolation)
	msg := sprintf(
		"measure %q (better: %s) has collaborative_target %v, which is not %s its isolation_target %v",
		[m.id, m.better, collaborative, direction[m.better], isolation],
	)
}

skip contains "no measure has both an isolation_target and a collaborative_target" if count(both_targets) == 0

# both_targets holds, by index, the measures whose two target values and
# direction can be compared.
both_targets[i] := m if {
	some i, m in object.get(input, ["monitoring", "measures"], [])
	is_number(object.get(m, ["isolation_target", "value"], null))
	is_number(object.get(m, ["collaborative_target", "value"], null))
	lib.has(direction, m.better)
}

direction := {"higher": "above", "lower": "below"}

stretches("higher", collaborative, isolation) if collaborative > isolation

stretches("lower", collaborative, isolation) if collaborative < isolation
