# METADATA
# title: Monitoring built in from the start
# description: >-
#   Checks that a way of monitoring the partnership's benefits was agreed
#   when it started. The rule gives at most one finding: the first of these
#   conditions that holds, in this order, gives the status and the message.
#   Fail (a) when there is no monitoring section, or monitoring.designed_on
#   is blank; (b) when there is no measure (monitoring.measures missing, null
#   or an empty list) and no monitoring.qualitative_benefits (missing, null or
#   an empty list); (c) when designed_on is later than
#   lib.add_days(lifecycle.start, monitoring_grace_days) (default 90 days)
#   while the partnership is young: its status is proposed, or lifecycle.start
#   is on or after the date monitoring_history_months (default 24) calendar
#   months before today (the same day of the month, clamped to the end of a
#   shorter month). Warn (d) when designed_on is after lifecycle.start: within
#   the grace (start plus the grace exactly still warns), or beyond it for an
#   established partnership, whose history cannot now be changed; (e) when
#   there is no measure but qualitative benefits are recorded, as the study
#   found collaborative gain is not always measurable; (f) when measures exist
#   and no single measure has both a baseline and a target (isolation_target
#   or collaborative_target). Passes otherwise (designed_on on or before
#   lifecycle.start passes). Dates are compared as YYYY-MM-DD strings.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: monitoring-at-outset
#   theme: governance
#   severity: fail
#   levels: [warn, fail]
#   section: Key Messages
#   quote: Monitoring and evaluation is built into the programme/project from the start
#   citations:
#     - section: Executive Summary
#       quote: is not always explicitly measurable
#   remediation: >-
#     Agree how the partnership will monitor its benefits when the
#     programme/project is set up, rather than bolting it on at a later stage,
#     and record when it was agreed in monitoring.designed_on: a small set of
#     measures, each with a baseline and a target, or, where the gain cannot
#     be quantified, the qualitative benefits partners expect to see. The
#     study found that only one of its case studies had a comprehensive
#     framework in place at commencement, that defining performance
#     management at the outset helps to focus collaborative effort, and that
#     collaborative gain is not always explicitly measurable. Keep it
#     proportionate to the purpose.
#   plain:
#     pass: >-
#       A way of monitoring the benefits was agreed at the start.
#     warn: >-
#       Monitoring was agreed late, or it lacks measures with a starting
#       point and a target.
#     fail: >-
#       No way of monitoring the benefits was agreed at the start.
#   question: >-
#     How will the partners know, from the start, whether working together
#     is making a difference?
#   params:
#     monitoring_grace_days:
#       default: 90
#       type: integer
#       minimum: 0
#       description: >-
#         Days after lifecycle.start within which designing the monitoring
#         only warns; later than this fails while the partnership is young.
#     monitoring_history_months:
#       default: 24
#       type: integer
#       minimum: 0
#       description: >-
#         A partnership that is not proposed and started more than this many
#         months before today is established: monitoring designed late is
#         then a warning, as its history cannot be changed.
package cgcheck.rules.governance.monitoring_at_outset

import data.cgcheck.lib

grace_days := lib.param(rego.metadata.chain(), "monitoring_grace_days")

history_months := lib.param(rego.metadata.chain(), "monitoring_history_months")

# young_since is the date monitoring_history_months before today (clamped):
# a partnership that started on or after it is young. Reads only data, so
# cgcheck works it out once per run.
young_since := lib.add_months(lib.today, 0 - history_months)

monitoring := object.get(input, "monitoring", null)

# (The checks for text are written out here and below rather than as `not
# lib.blank(...)`: they run for every descriptor, and a negated function
# call costs more than the checks themselves.)
designed_on := monitoring.designed_on if {
	is_string(monitoring.designed_on)
	trim_space(monitoring.designed_on) != ""
}

start := input.lifecycle.start if is_string(input.lifecycle.start)

# measures and benefits are the lists recorded, [] when missing, null or not
# a list.
default measures := []

measures := m if {
	m := monitoring.measures
	is_array(m)
}

default benefits := []

benefits := b if {
	b := monitoring.qualitative_benefits
	is_array(b)
}

# limit is the last date on which designing the monitoring is within the
# grace.
limit := lib.add_days(start, grace_days)

young if input.status == "proposed"

young if start >= young_since

deny contains lib.finding(pointer, msg) if {
	[status, pointer, msg] := verdict
	status == "fail"
}

warn contains lib.finding(pointer, msg) if {
	[status, pointer, msg] := verdict
	status == "warn"
}

# verdict is [status, pointer, message] for the first condition that holds,
# in the order the rule's description gives; undefined when it passes.
# designed_on > start comes before the limit, date arithmetic, so that
# monitoring designed at the outset, the usual case, never works it out.
verdict := ["fail", "", no_monitoring] if {
	not is_object(monitoring)
} else := ["fail", pointer, msg] if {
	not designed_on
	[pointer, msg] := designed_on_gap
} else := ["fail", "/monitoring", nothing_recorded] if {
	count(measures) == 0
	count(benefits) == 0
} else := ["fail", "/monitoring/designed_on", late_while_young] if {
	designed_on > start
	designed_on > limit
	young
} else := ["warn", "/monitoring/designed_on", late_prompt] if {
	designed_on > start
} else := ["warn", measures_pointer, no_measure] if {
	count(measures) == 0
} else := ["warn", "/monitoring/measures", no_baseline_and_target] if {
	not any_measure_with_baseline_and_target
}

# The messages of verdict, each worked out only when its condition holds.

no_monitoring := concat(" ", [
	"No monitoring is recorded: the descriptor has no monitoring section, so there is no",
	"agreed way to show what working together achieves",
])

nothing_recorded := concat(" ", [
	"Neither measures nor qualitative benefits are recorded (monitoring.measures and",
	"monitoring.qualitative_benefits are both missing or empty), so nothing says how the",
	"benefits of working together will be seen",
])

late_while_young := sprintf(
	concat(" ", [
		"The monitoring was agreed %s after the partnership started: monitoring.designed_on %q",
		"is later than lifecycle.start %q plus the %s that monitoring_grace_days allows (%s),",
		"and %s",
	]),
	[days_after_start, designed_on, start, days(grace_days), limit, young_reason],
)

no_measure := sprintf(
	concat(" ", [
		"No measure is recorded (monitoring.measures %s), only %s in",
		"monitoring.qualitative_benefits: the study found collaborative gain is not always",
		"explicitly measurable, but consider whether one measure could show progress",
	]),
	[measures_state, qualitative_count],
)

no_baseline_and_target := sprintf(
	concat(" ", [
		"No measure in monitoring.measures (%d recorded) has both a baseline and a target",
		"(isolation_target or collaborative_target), so progress cannot be shown against a",
		"starting point",
	]),
	[count(measures)],
)

default designed_on_gap := [
	"/monitoring",
	"It is not recorded when the monitoring was agreed: monitoring.designed_on is missing",
]

designed_on_gap := ["/monitoring/designed_on", msg] if {
	lib.has(monitoring, "designed_on")
	msg := sprintf(
		"It is not recorded when the monitoring was agreed: monitoring.designed_on %s is blank",
		[json.marshal(monitoring.designed_on)],
	)
}

young_reason := sprintf("the partnership is still proposed (status %q)", [input.status]) if {
	input.status == "proposed"
} else := sprintf(
	concat(" ", [
		"it started within the last %s (on or after %s, as monitoring_history_months sets), so",
		"there is still time to build monitoring in",
	]),
	[months(history_months), young_since],
)

late_prompt := msg if {
	designed_on <= limit
	msg := sprintf(
		concat(" ", [
			"The monitoring was agreed %s after the partnership started: monitoring.designed_on %q",
			"is after lifecycle.start %q, within the %s grace, but not built in from the start",
		]),
		[days_after_start, designed_on, start, days(grace_days)],
	)
} else := sprintf(
	concat(" ", [
		"The monitoring was agreed %s after the partnership started: monitoring.designed_on %q",
		"is later than lifecycle.start %q plus the %s that monitoring_grace_days allows (%s);",
		"the partnership is established (it started more than %s before today, as",
		"monitoring_history_months sets), so this history cannot be changed, but consider what",
		"it would build in from the start next time, and whether its monitoring now shows",
		"progress",
	]),
	[days_after_start, designed_on, start, days(grace_days), limit, months(history_months)],
)

default measures_pointer := "/monitoring"

measures_pointer := "/monitoring/measures" if lib.has(monitoring, "measures")

default measures_state := "is missing"

measures_state := "is an empty list" if {
	monitoring.measures == []
} else := sprintf("is %s", [json.marshal(monitoring.measures)]) if {
	lib.has(monitoring, "measures")
}

qualitative_count := "1 qualitative benefit" if count(benefits) == 1

else := sprintf("%d qualitative benefits", [count(benefits)])

any_measure_with_baseline_and_target if {
	some m in measures
	is_object(m.baseline)
	some target in ["isolation_target", "collaborative_target"]
	is_object(m[target])
}

days_after_start := days(round((time.parse_ns(
	"2006-01-02",
	designed_on,
) - time.parse_ns("2006-01-02", start)) / ((24 * 60) * 60e9)))

days(n) := "1 day" if n == 1

else := sprintf("%d days", [n])

months(n) := "1 month" if n == 1

else := sprintf("%d months", [n])
