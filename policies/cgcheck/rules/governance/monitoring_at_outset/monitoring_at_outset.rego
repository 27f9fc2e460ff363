# METADATA
# title: Monitoring built in from the start
# description: >-
#   Checks that a performance framework was agreed when the partnership
#   started. Fails when there is no monitoring, when monitoring.measures is
#   missing or empty, when monitoring.designed_on is missing, or when
#   designed_on is later than lib.add_days(lifecycle.start,
#   monitoring_grace_days) (default 90 days). Warns when designed_on is after
#   lifecycle.start but not later than that limit (designed_on equal to
#   lifecycle.start passes; start plus the grace exactly still warns), and,
#   independently, when measures exist but none has both a baseline and a
#   dated target (an isolation_target or collaborative_target with a date).
#   Dates are compared as YYYY-MM-DD strings.
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
#   remediation: >-
#     Agree a performance management framework when the programme/project is
#     set up, rather than bolting it on at a later stage: a small set of
#     measures, each with a baseline and a target with a date, and record when
#     it was agreed in monitoring.designed_on. The study found that only one of
#     its case studies had a comprehensive framework in place at commencement,
#     and that defining performance management at the outset, with clear
#     targets and timescales, helps to focus collaborative effort. Keep it
#     proportionate to the purpose.
#   params:
#     monitoring_grace_days:
#       default: 90
#       type: integer
#       minimum: 0
#       description: >-
#         Days after lifecycle.start within which designing the monitoring
#         only warns; later than this fails.
package cgcheck.rules.governance.monitoring_at_outset

import data.cgcheck.lib

grace_days := lib.param(rego.metadata.chain(), "monitoring_grace_days")

monitoring := object.get(input, "monitoring", null)

measures := object.get(monitoring, "measures", null) if is_object(monitoring)

# (The checks for text are written out here and below rather than as `not
# lib.blank(...)`: they run for every descriptor, and every measure of it,
# and a negated function call costs more than the checks themselves.)
designed_on := monitoring.designed_on if {
	is_string(monitoring.designed_on)
	trim_space(monitoring.designed_on) != ""
}

start := input.lifecycle.start if is_string(input.lifecycle.start)

# limit is the last date on which designing the monitoring only warns.
limit := lib.add_days(start, grace_days)

days_after_start := round((time.parse_ns("2006-01-02", designed_on) - time.parse_ns("2006-01-02", start)) / ((24 * 60) * 60e9))

days(n) := "1 day" if n == 1

else := sprintf("%d days", [n])

deny contains lib.finding("", "No monitoring is recorded: the descriptor has no monitoring section") if {
	not is_object(monitoring)
}

deny contains lib.finding("/monitoring", "No measures are recorded: monitoring.measures is missing") if {
	is_object(monitoring)
	measures == null
}

deny contains lib.finding("/monitoring/measures", "No measures are recorded: monitoring.measures is empty") if {
	is_array(measures)
	count(measures) == 0
}

deny contains lib.finding("/monitoring", "It is not recorded when the monitoring was designed: monitoring.designed_on is missing") if {
	is_object(monitoring)
	not designed_on
}

# designed_on > start comes first: monitoring designed at the outset is the
# usual case, and then the limit, date arithmetic, is never worked out
# (grace_days is never negative, so limit is never before start).
deny contains lib.finding("/monitoring/designed_on", msg) if {
	designed_on > start
	designed_on > limit
	msg := sprintf(
		"monitoring.designed_on %q is %s after lifecycle.start %q, later than the %s monitoring_grace_days allows (%s)",
		[designed_on, days(days_after_start), start, days(grace_days), limit],
	)
}

warn contains lib.finding("/monitoring/designed_on", msg) if {
	designed_on > start
	designed_on <= limit
	msg := sprintf(
		"monitoring.designed_on %q is %s after lifecycle.start %q: within the %s grace, but not built in from the start",
		[designed_on, days(days_after_start), start, days(grace_days)],
	)
}

warn contains lib.finding("/monitoring/measures", msg) if {
	is_array(measures)
	count(measures) > 0
	not any_measure_with_baseline_and_target
	msg := sprintf("No measure in monitoring.measures (%d recorded) has both a baseline and a dated target (isolation_target or collaborative_target)", [count(measures)])
}

any_measure_with_baseline_and_target if {
	some m in measures
	is_object(m)
	is_object(m.baseline)
	some target in ["isolation_target", "collaborative_target"]
	is_string(m[target].date)
	trim_space(m[target].date) != ""
}
