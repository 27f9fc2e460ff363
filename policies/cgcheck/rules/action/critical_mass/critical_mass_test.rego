package cgcheck.rules.action.critical_mass_test

import data.cgcheck.rules.action.critical_mass

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{
			"id": "council", "name": "Example Council", "role": "core",
			"contributes": [{"kind": "asset", "what": "Site"}, {"kind": "budget", "what": "Construction share"}],
		},
		{
			"id": "police", "name": "Example Police", "role": "core",
			"contributes": [{"kind": "staff", "what": "Two officers", "fte": 2}],
		},
		{
			"id": "courts", "name": "Scottish Courts", "role": "core",
			"contributes": [{"kind": "expertise", "what": "Court design"}],
		},
		{"id": "panel", "name": "Citizens Panel", "role": "consultee"},
	],
}

pointers(findings) := {f.pointer | some f in findings}

test_pass_with_two_resourcing_partners if {
	count(critical_mass.deny) == 0 with input as partnership
	count(critical_mass.warn) == 0 with input as partnership
}

test_fail_with_one_resourcing_partner if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"}])
	[f] := [f | some f in critical_mass.deny] with input as descriptor
	f.pointer == "/partners"
	startswith(f.msg, "Only 1 partner (\"council\") contributes staff, budget or assets")
	contains(f.msg, "critical_mass_min_partners (2)")
	count(critical_mass.warn) == 0 with input as descriptor
}

test_fail_with_no_resourcing_partner if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": [{"kind": "expertise", "what": "Planning"}]},
		{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"},
	])
	[f] := [f | some f in critical_mass.deny] with input as descriptor
	f.pointer == "/partners"
	startswith(f.msg, "No partner contributes staff, budget or assets")
}

test_one_partner_with_several_resources_counts_once if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/contributes"}])
	pointers(critical_mass.deny) == {"/partners"} with input as descriptor
}

test_non_core_partner_resources_count if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"},
		{"op": "add", "path": "/partners/3/contributes", "value": [{"kind": "staff", "what": "Volunteers"}]},
	])
	count(critical_mass.deny) == 0 with input as descriptor
}

test_min_partners_param_override if {
	[f] := [f | some f in critical_mass.deny] with input as partnership with data.cgcheck.params.critical_mass_min_partners as 3
	f.pointer == "/partners"
	startswith(f.msg, "Only 2 partners (\"council\", \"police\") contribute")
	contains(f.msg, "critical_mass_min_partners (3)")
	count(critical_mass.deny) == 0 with input as partnership with data.cgcheck.params.critical_mass_min_partners as 1
}

test_three_resourcing_partners_meet_param_of_three if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/2/contributes/0/kind", "value": "budget"}])
	count(critical_mass.deny) == 0 with input as descriptor with data.cgcheck.params.critical_mass_min_partners as 3
}

test_warn_when_core_partner_has_no_contributes if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/2/contributes"}])
	count(critical_mass.deny) == 0 with input as descriptor
	[f] := [f | some f in critical_mass.warn] with input as descriptor
	f.pointer == "/partners/2"
	contains(f.msg, "\"courts\" contributes nothing")
}

test_warn_when_core_partner_contributes_empty if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/2/contributes", "value": []}])
	[f] := [f | some f in critical_mass.warn] with input as descriptor
	f.pointer == "/partners/2/contributes"
	contains(f.msg, "\"courts\" contributes nothing")
}

test_one_warning_per_passive_core_partner if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/2/contributes"},
		{"op": "replace", "path": "/partners/1/contributes", "value": []},
	])
	pointers(critical_mass.warn) == {"/partners/1/contributes", "/partners/2"} with input as descriptor
	count(critical_mass.warn) == 2 with input as descriptor
	pointers(critical_mass.deny) == {"/partners"} with input as descriptor
}

test_passive_non_core_partner_not_warned if {
	# the consultee at /partners/3 contributes nothing and is not warned
	count(critical_mass.warn) == 0 with input as partnership
	not "contributes" in object.keys(partnership.partners[3])
}
