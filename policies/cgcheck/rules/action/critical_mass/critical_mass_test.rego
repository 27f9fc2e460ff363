package cgcheck.rules.action.critical_mass_test

import data.cgcheck.rules.action.critical_mass

partnership := {
	"status": "active",
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

proposed := json.patch(partnership, [{"op": "replace", "path": "/status", "value": "proposed"}])

# one resourcing partner only: police's staff becomes data
one_resourcing := json.patch(
	partnership,
	[{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"}],
)

pointers(findings) := {f.pointer | some f in findings}

test_pass_with_two_resourcing_partners if {
	count(critical_mass.deny) == 0 with input as partnership
	count(critical_mass.warn) == 0 with input as partnership
}

test_pass_when_proposed_with_two_resourcing_partners if {
	count(critical_mass.deny) == 0 with input as proposed
	count(critical_mass.warn) == 0 with input as proposed
}

test_fail_with_one_resourcing_partner if {
	critical_mass.deny == {{
		"pointer": "/partners",
		"msg": concat(" ", [
			"Only 1 partner (\"council\") contributes staff, budget or assets, fewer than",
			"critical_mass_min_partners (2), so the partnership may lack the critical mass of",
			"resources to deliver",
		]),
	}} with input as json.patch(
		one_resourcing,
		[{"op": "add", "path": "/partners/0/contributes/0/value_gbp", "value": 250000}],
	)
}

test_fail_with_no_resourcing_partner if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": [{"kind": "expertise", "what": "Planning"}]},
		{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"},
	])
	[f] := [f | some f in critical_mass.deny] with input as descriptor
	f.pointer == "/partners"
	startswith(f.msg, "No partner contributes staff, budget or assets")

	# no resource at all: the size warning has nothing to judge
	count(critical_mass.warn) == 0 with input as descriptor
}

test_fail_for_closing_and_closed_too if {
	pointers(critical_mass.deny) == {"/partners"} with input as json.patch(
		one_resourcing,
		[{"op": "replace", "path": "/status", "value": "closing"}],
	)
	pointers(critical_mass.deny) == {"/partners"} with input as json.patch(
		one_resourcing,
		[{"op": "replace", "path": "/status", "value": "closed"}],
	)
	pointers(critical_mass.deny) == {"/partners"} with input as json.patch(
		one_resourcing,
		[{"op": "remove", "path": "/status"}],
	)
}

test_warn_instead_of_fail_while_proposed if {
	descriptor := json.patch(one_resourcing, [
		{"op": "replace", "path": "/status", "value": "proposed"},
		{"op": "add", "path": "/partners/0/contributes/0/value_gbp", "value": 250000},
	])
	count(critical_mass.deny) == 0 with input as descriptor
	critical_mass.warn == {{
		"pointer": "/partners",
		"msg": concat(" ", [
			"Only 1 partner (\"council\") contributes staff, budget or assets, fewer than",
			"critical_mass_min_partners (2); while the partnership is proposed this is a prompt:",
			"the study looks for critical mass to be demonstrated as it develops, so consider what",
			"partners will commit",
		]),
	}} with input as descriptor
}

test_one_partner_with_several_resources_counts_once if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/contributes"}])
	pointers(critical_mass.deny) == {"/partners"} with input as descriptor
}

test_non_core_partner_resources_count if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"},
		{
			"op": "add",
			"path": "/partners/3/contributes",
			"value": [{"kind": "staff", "what": "Volunteers", "fte": 0.5}],
		},
	])
	count(critical_mass.deny) == 0 with input as descriptor
	count(critical_mass.warn) == 0 with input as descriptor
}

test_min_partners_param_override if {
	[f] := [f | some f in critical_mass.deny] with input as partnership
		with data.cgcheck.params["critical-mass"].critical_mass_min_partners as 3
	f.pointer == "/partners"
	startswith(
		f.msg,
		concat(" ", [
			"Only 2 partners (\"council\", \"police\") contribute staff, budget or assets, fewer",
			"than critical_mass_min_partners (3)",
		]),
	)
	count(critical_mass.deny) == 0 with input as one_resourcing
		with data.cgcheck.params["critical-mass"].critical_mass_min_partners as 1
}

test_three_resourcing_partners_meet_param_of_three if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/2/contributes/0/kind", "value": "budget"}],
	)
	count(critical_mass.deny) == 0 with input as descriptor
		with data.cgcheck.params["critical-mass"].critical_mass_min_partners as 3
}

test_min_partners_zero_never_fails if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/contributes", "value": [{"kind": "expertise", "what": "Planning"}]},
		{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"},
	])
	count(critical_mass.deny) == 0 with input as descriptor
		with data.cgcheck.params["critical-mass"].critical_mass_min_partners as 0
}

test_warn_when_core_partner_has_no_contributes if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/2/contributes"}])
	count(critical_mass.deny) == 0 with input as descriptor
	critical_mass.warn == {{
		"pointer": "/partners/2",
		"msg": concat(" ", [
			"Core partner \"courts\" (Scottish Courts) contributes nothing: it has no contributes",
			"entries, so it is not clear what value it brings",
		]),
	}} with input as descriptor
}

test_warn_when_core_partner_contributes_null if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/2/contributes", "value": null}])
	pointers(critical_mass.warn) == {"/partners/2"} with input as descriptor
}

test_warn_when_core_partner_contributes_empty if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/2/contributes", "value": []}])
	[f] := [f | some f in critical_mass.warn] with input as descriptor
	f.pointer == "/partners/2/contributes"
	f.msg == concat(" ", [
		"Core partner \"courts\" (Scottish Courts) contributes nothing: its contributes list is",
		"empty, so it is not clear what value it brings",
	])
}

test_expertise_only_core_partner_not_passive if {
	# courts contributes expertise only and is not warned
	count(critical_mass.warn) == 0 with input as partnership
}

test_one_warning_per_passive_core_partner if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/2/contributes"},
		{"op": "replace", "path": "/partners/1/contributes", "value": []},
	])

	# police's fte was the only size stated, so the size warning joins in
	pointers(critical_mass.warn) == {"/partners/1/contributes", "/partners/2", "/partners"} with input as descriptor
	count(critical_mass.warn) == 3 with input as descriptor
	pointers(critical_mass.deny) == {"/partners"} with input as descriptor
}

test_passive_non_core_partner_not_warned if {
	# the consultee at /partners/3 contributes nothing and is not warned
	count(critical_mass.warn) == 0 with input as partnership
	not "contributes" in object.keys(partnership.partners[3])
}

test_warn_when_no_resource_states_its_size if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/contributes/0/fte"}])
	count(critical_mass.deny) == 0 with input as descriptor
	critical_mass.warn == {{
		"pointer": "/partners",
		"msg": concat(" ", [
			"No staff, budget or asset contribution states its size (value_gbp or fte):",
			"\"council\": asset (\"Site\"), budget (\"Construction share\"); \"police\": staff",
			"(\"Two officers\"); record roughly how much each is worth, or the staff time in",
			"full-time equivalents, so partners can see the scale of what is committed",
		]),
	}} with input as descriptor
}

test_value_gbp_states_size if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/contributes/0/fte"},
		{"op": "add", "path": "/partners/0/contributes/1/value_gbp", "value": 0},
	])
	count(critical_mass.warn) == 0 with input as descriptor
}

test_size_of_expertise_does_not_count if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/contributes/0/fte"},
		{"op": "add", "path": "/partners/2/contributes/0/fte", "value": 0.2},
		{"op": "add", "path": "/partners/2/contributes/0/value_gbp", "value": 5000},
	])
	pointers(critical_mass.warn) == {"/partners"} with input as descriptor
}

test_size_must_be_a_number if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/1/contributes/0/fte", "value": "two"}])
	pointers(critical_mass.warn) == {"/partners"} with input as descriptor
}

test_size_warning_also_when_failing if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1/contributes/0/kind", "value": "data"}],
	)
	pointers(critical_mass.deny) == {"/partners"} with input as descriptor
	[f] := [f | some f in critical_mass.warn] with input as descriptor
	contains(f.msg, "(value_gbp or fte): \"council\": asset (\"Site\"), budget (\"Construction share\"); record")
}

test_odd_types_do_not_crash if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/2/contributes", "value": "expertise"},
		{"op": "remove", "path": "/partners/1/contributes/0/fte"},
		{
			"op": "add",
			"path": "/partners/-",
			"value": {"id": "odd", "role": "core", "contributes": [1, null, {"kind": "budget", "what": 3}]},
		},
	])
	count(critical_mass.deny) == 0 with input as descriptor
	[f] := [f | some f in critical_mass.warn] with input as descriptor
	contains(f.msg, "\"odd\": budget; record")
}
