package cgcheck.rules.gain.proportionate_monitoring_test

import data.cgcheck.rules.gain.proportionate_monitoring

measures(n) := [{
	"id": sprintf("measure-%d", [i]), "indicator": "Indicator", "kind": "outcome",
	"level": "programme", "owner": "council", "better": "higher",
} |
	some i in numbers.range(1, n)
]

partnership(n) := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"monitoring": {"measures": measures(n)},
}

test_pass_with_11_measures if {
	count(proportionate_monitoring.warn) == 0 with input as partnership(11)
}

test_pass_with_12_measures if {
	count(measures(12)) == 12
	count(proportionate_monitoring.warn) == 0 with input as partnership(12)
}

test_warn_with_13_measures if {
	proportionate_monitoring.warn == {{
		"pointer": "/monitoring/measures",
		"msg": "monitoring.measures has 13 measures, more than 12",
	}} with input as partnership(13)
}

test_pass_without_monitoring if {
	count(proportionate_monitoring.warn) == 0 with input as json.patch(
		partnership(1),
		[{"op": "remove", "path": "/monitoring"}],
	)
}

test_param_override if {
	count(proportionate_monitoring.warn) == 0 with input as partnership(5)
		with data.cgcheck.params["proportionate-monitoring"].max_measures as 5
	[f] := [f | some f in proportionate_monitoring.warn] with input as partnership(6)
		with data.cgcheck.params["proportionate-monitoring"].max_measures as 5
	f.msg == "monitoring.measures has 6 measures, more than 5"
}
