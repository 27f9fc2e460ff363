package cgcheck.rules.lifecycle.expired_still_active_test

import data.cgcheck.rules.lifecycle.expired_still_active

today := "2008-10-01"

partnership := {
	"status": "active",
	"type": "task_limited",
	"lifecycle": {"start": "2006-04-01", "expires": "2010-03-31"},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
}

expiring(date) := json.patch(partnership, [{"op": "replace", "path": "/lifecycle/expires", "value": date}])

test_pass_before_expiry if {
	count(expired_still_active.deny) == 0 with input as partnership with data.cgcheck.today as today
	count(expired_still_active.skip) == 0 with input as partnership with data.cgcheck.today as today
}

test_pass_when_expires_tomorrow if {
	count(expired_still_active.deny) == 0 with input as expiring("2008-10-02") with data.cgcheck.today as today
}

test_pass_when_expires_today if {
	count(expired_still_active.deny) == 0 with input as expiring(today) with data.cgcheck.today as today
}

test_fail_when_expired_yesterday_and_active if {
	expired_still_active.deny == {{
		"pointer": "/lifecycle/expires",
		"msg": "lifecycle.expires 2008-09-30 is before today (2008-10-01) but status is still \"active\"",
	}} with input as expiring("2008-09-30")
		with data.cgcheck.today as today
}

test_fail_when_expired_and_proposed if {
	doc := json.patch(expiring("2008-09-30"), [{"op": "replace", "path": "/status", "value": "proposed"}])
	[f] := [f | some f in expired_still_active.deny] with input as doc with data.cgcheck.today as today
	f.pointer == "/lifecycle/expires"
	contains(f.msg, "\"proposed\"")
}

test_skip_when_closing_or_closed if {
	every status in ["closing", "closed"] {
		doc := json.patch(expiring("2008-09-30"), [{"op": "replace", "path": "/status", "value": status}])
		count(expired_still_active.deny) == 0 with input as doc with data.cgcheck.today as today
		expired_still_active.skip == {sprintf(
			"status is %q, so the partnership is already being wound up",
			[status],
		)} with input as doc
			with data.cgcheck.today as today
	}
}

test_skip_when_no_expiry if {
	doc := json.patch(partnership, [{"op": "remove", "path": "/lifecycle/expires"}])
	count(expired_still_active.deny) == 0 with input as doc with data.cgcheck.today as today
	expired_still_active.skip == {"lifecycle.expires is not set"} with input as doc with data.cgcheck.today as today
}
