package cgcheck.rules.action.risk_managed_test

import data.cgcheck.rules.action.risk_managed

partnership := {
	"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	"risks": [{
		"risk": "Partners withdraw staff when budgets tighten",
		"owner": "council",
		"mitigation": "Secondments agreed for three years in the minute of agreement",
	}],
}

test_pass_with_one_risk if {
	count(risk_managed.warn) == 0 with input as partnership
}

test_warn_when_risks_missing if {
	risk_managed.warn == {{
		"pointer": "",
		"msg": concat(" ", [
			"No risks to the shared work are recorded: risks is missing; list the main risks, who",
			"manages each (owner) and how (mitigation)",
		]),
	}} with input as json.patch(partnership, [{"op": "remove", "path": "/risks"}])
}

test_warn_when_risks_empty if {
	risk_managed.warn == {{
		"pointer": "/risks",
		"msg": concat(" ", [
			"No risks to the shared work are recorded: risks is an empty list; list the main risks,",
			"who manages each (owner) and how (mitigation)",
		]),
	}} with input as json.patch(partnership, [{"op": "replace", "path": "/risks", "value": []}])
}

test_warn_when_risks_null if {
	result := risk_managed.warn with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/risks", "value": null}],
	)
	[f] := [f | some f in result]
	f.pointer == "/risks"
	contains(f.msg, "risks is null")
}

test_odd_types_do_not_crash if {
	count(risk_managed.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/risks", "value": "several"}],
	)
	count(risk_managed.warn) == 0 with input as json.patch(
		partnership,
		[{"op": "replace", "path": "/risks", "value": {"risk": "x"}}],
	)
}
