# METADATA
# title: An expired partnership is wound up
# description: >-
#   A partnership past its expiry date should be closing or closed. Fails
#   when lifecycle.expires is before today (lifecycle.expires < today; a
#   partnership expiring today has not yet expired) and status is proposed or
#   active. Skips when lifecycle.expires is missing or blank, or when status
#   is closing or closed.
# related_resources:
#   - description: Collaborative Gain Research Study (Improvement Service, 2008)
#     ref: https://www.improvementservice.org.uk/
# custom:
#   id: expired-still-active
#   theme: lifecycle
#   severity: fail
#   levels: [fail]
#   section: Executive Summary
#   quote: Expires when its original purpose is achieved
#   remediation: >-
#     The partnership has passed the date it was due to expire. Ask whether
#     its original purpose has been achieved or is no longer relevant; if so,
#     set the status to closing or closed, and if the work must go on, agree
#     why and record a new expiry date.
#   plain:
#     pass: >-
#       It is within its agreed lifetime.
#     fail: >-
#       Its agreed end date has passed, but it is still recorded as
#       running.
#   question: >-
#     Has this partnership achieved its purpose, and should it now be wound
#     up or formally renewed?
#   params: {}
package cgcheck.rules.lifecycle.expired_still_active

import data.cgcheck.lib

deny contains lib.finding("/lifecycle/expires", msg) if {
	input.status in open_statuses
	not lib.blank_at(["lifecycle", "expires"])
	input.lifecycle.expires < lib.today
	msg := sprintf(
		"lifecycle.expires %s is before today (%s) but status is still %q",
		[input.lifecycle.expires, lib.today, input.status],
	)
}

skip contains "lifecycle.expires is not set" if lib.blank_at(["lifecycle", "expires"])

skip contains sprintf("status is %q, so the partnership is already being wound up", [input.status]) if {
	not input.status in open_statuses
}

open_statuses := {"proposed", "active"}
