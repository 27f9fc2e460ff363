# METADATA
# title: Engagement with client groups
# description: >-
#   The partnership engages with its client groups about the quality and level
#   of services, and an active partnership keeps doing so. Warns when
#   engagement is missing or an empty list, whatever the status (one finding,
#   at /engagement, or the document root when the field is missing). When
#   status is active, also warns when the newest engagement date (the latest
#   engagement[].date) is more than engagement_max_age_months (default 12)
#   calendar months before today, that is when add_months(newest,
#   engagement_max_age_months) is earlier than today, the day clamped to the
#   end of a shorter month (engagement exactly that many months ago passes);
#   that finding points at the date of the newest item (the first, if several
#   share it). When engagement is recorded and the status is not active
#   (proposed, closing or closed), the age check does not apply and the rule
#   gives skip. Passes otherwise.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: client-engagement
#   theme: evidence
#   severity: warn
#   levels: [warn]
#   section: Executive Summary
#   quote: engaging with client groups around the quality and level of services
#   remediation: >-
#     Record how, and when, the partnership has engaged with its client groups
#     (forums, surveys, focus groups, panels or consultation), and plan to
#     repeat it while the work is active. The study found that engaging with
#     client groups around the quality and level of services fosters a better
#     understanding of client need and lets partners tailor, prioritise and
#     target their contributions accordingly.
#   plain:
#     pass: >-
#       It engages with the people it serves, and has done so recently.
#     warn: >-
#       It has not recorded recent engagement with the people it serves.
#   question: >-
#     How have the people this serves been involved in shaping it, and when
#     were they last asked?
#   params:
#     engagement_max_age_months:
#       default: 12
#       type: integer
#       minimum: 0
#       description: >-
#         For an active partnership, warn when the newest engagement is more
#         than this many calendar months before today.
package cgcheck.rules.evidence.client_engagement

import data.cgcheck.lib

max_age := lib.param(rego.metadata.chain(), "engagement_max_age_months")

# Engagement dated before stale_before is more than max_age months old
# (lib.older_than_months). A rule of its own, so that cgcheck works it out
# once per run rather than once per descriptor.
stale_before := lib.months_before_today(max_age)

engagement := object.get(input, "engagement", null)

status := object.get(input, "status", null)

non_empty_list(v) if {
	is_array(v)
	count(v) > 0
}

warn contains lib.finding("", "No engagement with client groups is recorded: engagement is missing") if {
	not lib.has(input, "engagement")
}

warn contains lib.finding("/engagement", msg) if {
	lib.has(input, "engagement")
	not non_empty_list(engagement)
	msg := sprintf("No engagement with client groups is recorded: engagement is %s", [describe(engagement)])
}

warn contains lib.finding(sprintf("/engagement/%d/date", [i]), msg) if {
	status == "active"
	non_empty_list(engagement)
	newest < stale_before
	i := min({j | some j, e in engagement; e.date == newest})
	e := engagement[i]
	msg := sprintf(
		concat(" ", [
			"The newest engagement with client groups (engagement[%d], %v with %q) is dated %s,",
			"more than %v months before today (%s; engagement_max_age_months), and status is active",
		]),
		[i, object.get(e, "method", "engagement"), object.get(e, "client_group", ""), newest, max_age, lib.today],
	)
}

describe(v) := "empty" if v == []

else := sprintf("not a list (%v)", [v])

dates contains e.date if {
	some e in engagement
	is_string(e.date)
}

newest := max(dates) if count(dates) > 0

skip contains msg if {
	status != "active"
	non_empty_list(engagement)
	msg := sprintf(
		"status is %q: the age of engagement with client groups is only checked while a partnership is active",
		[status],
	)
}
