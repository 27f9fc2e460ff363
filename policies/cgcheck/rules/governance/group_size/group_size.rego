# METADATA
# title: A tight core group
# description: >-
#   Counts the partners with role core (contributors and consultees are not
#   counted). Warns when there are more core partners than group_size_warn
#   (default 10) but no more than group_size_max (default 12); fails when there
#   are more than group_size_max. Exactly group_size_warn core partners passes
#   and exactly group_size_max warns. One finding, at /partners.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: group-size
#   theme: governance
#   severity: fail
#   levels: [warn, fail]
#   section: Appendix 1 Summary Literature Review
#   quote: Groups of more than 10-12 may become unwieldy and difficult to manage
#   remediation: >-
#     Consider whether every core partner needs a seat on the group that runs
#     the partnership. The literature the study reviewed advises that a
#     partnership should be tight and formed around an essential core; other
#     organisations can still contribute or be consulted without being core
#     partners. The focus is on the quality of what each partner can
#     contribute, rather than the number of partners attending meetings.
#   plain:
#     pass: >-
#       The core group is small enough to manage.
#     warn: >-
#       The core group is close to the size at which the study found groups
#       become unwieldy.
#     fail: >-
#       The core group is larger than the study found workable (more than
#       10 to 12).
#   question: >-
#     Does every organisation in the core group need to be there, or could
#     some contribute or be consulted instead?
#   params:
#     group_size_warn:
#       default: 10
#       type: integer
#       minimum: 0
#       description: Warn when there are more core partners than this.
#     group_size_max:
#       default: 12
#       type: integer
#       minimum: 0
#       description: Fail when there are more core partners than this.
package cgcheck.rules.governance.group_size

import data.cgcheck.lib

core_count := count(lib.core_partners)

size_warn := lib.param(rego.metadata.chain(), "group_size_warn")

size_max := lib.param(rego.metadata.chain(), "group_size_max")

deny contains lib.finding("/partners", msg) if {
	core_count > size_max
	msg := sprintf(
		concat(" ", [
			"%d core partners is more than group_size_max (%d); groups of more than 10-12 may",
			"become unwieldy and difficult to manage",
		]),
		[core_count, size_max],
	)
}

warn contains lib.finding("/partners", msg) if {
	core_count > size_warn
	core_count <= size_max
	msg := sprintf(
		concat(" ", [
			"%d core partners is more than group_size_warn (%d); the group is close to the size",
			"where it may become unwieldy",
		]),
		[core_count, size_warn],
	)
}
