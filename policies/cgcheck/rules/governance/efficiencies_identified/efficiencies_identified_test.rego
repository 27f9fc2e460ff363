package cgcheck.rules.governance.efficiencies_identified_test

import data.cgcheck.rules.governance.efficiencies_identified

partnership := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {
		"designed_on": "2006-03-01",
		"efficiencies": [{
			"description": "One building instead of three",
			"saving_gbp": {"min": 4500000, "max": 5000000},
		}],
	},
}

test_pass_with_one_efficiency if {
	count(efficiencies_identified.warn) == 0 with input as partnership
}

test_warn_when_efficiencies_empty if {
	result := efficiencies_identified.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/monitoring/efficiencies", "value": []}],
	)
	[f] := [f | some f in result]
	f.pointer == "/monitoring/efficiencies"
	contains(f.msg, "monitoring.efficiencies is empty")
}

test_warn_when_efficiencies_missing if {
	result := efficiencies_identified.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/monitoring/efficiencies"}],
	)
	[f] := [f | some f in result]
	f.pointer == "/monitoring"
	contains(f.msg, "monitoring.efficiencies is missing")
}

test_warn_at_root_when_monitoring_missing if {
	result := efficiencies_identified.warn with input as json.patch(
		partnership,
		[{"op": "remove", "path": "/monitoring"}],
	)
	{f.pointer | some f in result} == {""}
}
