package cgcheck.rules.governance.delegated_authority_test

import data.cgcheck.rules.governance.delegated_authority

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{
			"id": "council", "name": "Example Council", "role": "core",
			"representative": {
				"post": "Director of Corporate Services",
				"authority": {"finance": true, "staff": true, "policy": true},
			},
			"contributes": [{"kind": "asset", "what": "Site"}, {"kind": "budget", "what": "Construction share"}],
		},
		{
			"id": "police", "name": "Example Police", "role": "core",
			"representative": {
				"post": "Chief Superintendent",
				"authority": {"finance": true, "staff": true, "policy": false},
			},
			"contributes": [
				{"kind": "budget", "what": "Construction share"},
				{"kind": "staff", "what": "Two officers", "fte": 2},
			],
		},
		{"id": "trust", "name": "Housing Trust", "role": "contributor"},
		{"id": "panel", "name": "Citizens Panel", "role": "consultee"},
	],
}

# A lived-experience member: contributes expertise only, may commit policy
# but no finance or staff.
member := {
	"id": "voices", "name": "Recovery Voices", "role": "core",
	"representative": {"person": "A Member", "authority": {"finance": false, "staff": false, "policy": true}},
	"contributes": [{"kind": "expertise", "what": "Lived experience of recovery"}],
}

with_member := json.patch(partnership, [{"op": "add", "path": "/partners/-", "value": member}])

pointers(findings) := {f.pointer | some f in findings}

test_pass_when_all_core_representatives_hold_matching_authority if {
	count(delegated_authority.deny) == 0 with input as partnership
	count(delegated_authority.warn) == 0 with input as partnership
	count(delegated_authority.skip) == 0 with input as partnership
}

test_pass_for_lived_experience_member_without_finance if {
	count(delegated_authority.deny) == 0 with input as with_member
	count(delegated_authority.warn) == 0 with input as with_member
}

test_pass_for_data_only_partner_without_finance_or_staff if {
	descriptor := json.patch(
		with_member,
		[{
			"op": "replace",
			"path": "/partners/4/contributes",
			"value": [{"kind": "data", "what": "Waiting times"}, {"kind": "expertise", "what": "Analysis"}],
		}],
	)
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_pass_for_partner_contributing_nothing_with_some_authority if {
	descriptor := json.patch(with_member, [{"op": "remove", "path": "/partners/4/contributes"}])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_warn_when_lived_experience_member_has_no_authority_at_all if {
	descriptor := json.patch(
		with_member,
		[{"op": "replace", "path": "/partners/4/representative/authority/policy", "value": false}],
	)
	delegated_authority.warn == {{
		"pointer": "/partners/4/representative/authority",
		"msg": concat(" ", [
			"The representative of core partner \"voices\" (Recovery Voices) has no delegated",
			"authority: authority.finance, staff and policy are all absent or false, so every",
			"decision would have to be referred back",
		]),
	}} with input as descriptor
}

test_fail_when_lead_representative_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/0/representative"}])
	delegated_authority.deny == {{
		"pointer": "/partners/0",
		"msg": concat(" ", [
			"The lead partner \"council\" (Example Council) has no representative recorded",
			"(representative is missing), so nobody is named who can commit it to decisions",
		]),
	}} with input as descriptor
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/0/representative/authority"}])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/0/representative"
	f.msg == concat(" ", [
		"The representative of the lead partner \"council\" (Example Council) has no authority",
		"recorded (representative.authority is missing), so it is not known what they may",
		"commit without referring back",
	])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_all_false if {
	descriptor := json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/partners/0/representative/authority",
			"value": {"finance": false, "staff": false, "policy": false},
		}],
	)
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/0/representative/authority"
	contains(f.msg, "has no delegated authority")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_empty if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/representative/authority", "value": {}}],
	)
	pointers(delegated_authority.deny) == {"/partners/0/representative/authority"} with input as descriptor
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_lead_with_only_policy_authority_warns_for_its_budget_and_asset if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/0/representative/authority", "value": {"policy": true}}],
	)
	count(delegated_authority.deny) == 0 with input as descriptor
	delegated_authority.warn == {{
		"pointer": "/partners/0/representative/authority/finance",
		"msg": concat(" ", [
			"The representative of the lead partner \"council\" (Example Council) cannot commit",
			"finance without referring back (authority.finance is false), yet the partner",
			"contributes asset (\"Site\") and budget (\"Construction share\"); consider whether",
			"they could be given that authority, or whether someone who holds it should attend",
		]),
	}} with input as json.patch(
		descriptor,
		[{"op": "add", "path": "/partners/0/representative/authority/finance", "value": false}],
	)
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/0/representative/authority"
	contains(f.msg, "(authority.finance is missing)")
}

test_lead_with_only_policy_authority_and_expertise_passes if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/0/representative/authority", "value": {"policy": true}},
		{"op": "replace", "path": "/partners/0/contributes", "value": [{"kind": "expertise", "what": "Planning"}]},
	])
	count(delegated_authority.deny) == 0 with input as descriptor
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_for_non_core_lead if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/lead/partner", "value": "trust"},
	])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/2"
	contains(f.msg, "The lead partner \"trust\" (Housing Trust) has no representative")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_warn_for_non_core_lead_lacking_matching_authority if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/lead/partner", "value": "trust"},
		{
			"op": "add",
			"path": "/partners/2/representative",
			"value": {"post": "Director", "authority": {"policy": true, "finance": true}},
		},
		{"op": "add", "path": "/partners/2/contributes", "value": [{"kind": "staff", "what": "A housing officer"}]},
	])
	count(delegated_authority.deny) == 0 with input as descriptor
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/2/representative/authority"
	startswith(
		f.msg,
		concat(" ", [
			"The representative of the lead partner \"trust\" (Housing Trust) cannot commit staff",
			"without referring back (authority.staff is missing), yet the partner contributes staff",
			"(\"A housing officer\")",
		]),
	)
}

test_non_core_non_lead_partners_not_warned if {
	descriptor := json.patch(partnership, [
		{
			"op": "add",
			"path": "/partners/2/representative",
			"value": {"post": "Officer", "authority": {"finance": false}},
		},
		{"op": "add", "path": "/partners/2/contributes", "value": [{"kind": "budget", "what": "Grant"}]},
	])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_warn_when_core_partner_has_no_representative if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative"}])
	count(delegated_authority.deny) == 0 with input as descriptor
	delegated_authority.warn == {{
		"pointer": "/partners/1",
		"msg": concat(" ", [
			"Core partner \"police\" (Example Police) has no representative recorded",
			"(representative is missing), so nobody is named who can commit it to decisions",
		]),
	}} with input as descriptor
}

test_warn_when_core_representative_has_no_authority if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative/authority"}])
	pointers(delegated_authority.warn) == {"/partners/1/representative"} with input as descriptor
}

test_warn_when_core_authority_empty if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1/representative/authority", "value": {}}],
	)
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority"
	contains(f.msg, "core partner \"police\" (Example Police) has no delegated authority")
}

test_warn_when_core_budget_partner_lacks_finance if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1/representative/authority/finance", "value": false}],
	)
	count(delegated_authority.deny) == 0 with input as descriptor
	delegated_authority.warn == {{
		"pointer": "/partners/1/representative/authority/finance",
		"msg": concat(" ", [
			"The representative of core partner \"police\" (Example Police) cannot commit finance",
			"without referring back (authority.finance is false), yet the partner contributes",
			"budget (\"Construction share\"); consider whether they could be given that authority,",
			"or whether someone who holds it should attend",
		]),
	}} with input as descriptor
}

test_warn_when_core_finance_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative/authority/finance"}])
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority"
	contains(f.msg, "(authority.finance is missing)")
}

test_asset_alone_needs_finance if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/representative/authority/finance", "value": false},
		{"op": "replace", "path": "/partners/1/contributes", "value": [{"kind": "asset", "what": "Office space"}]},
	])
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	contains(
		f.msg,
		concat(" ", [
			"cannot commit finance without referring back (authority.finance is false), yet the",
			"partner contributes asset (\"Office space\")",
		]),
	)
}

test_warn_when_core_staff_partner_lacks_staff if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/partners/1/representative/authority/staff", "value": false}],
	)
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority/staff"
	startswith(
		f.msg,
		concat(" ", [
			"The representative of core partner \"police\" (Example Police) cannot commit staff",
			"without referring back (authority.staff is false), yet the partner contributes staff",
			"(\"Two officers\");",
		]),
	)
}

test_staff_authority_not_needed_without_staff_contribution if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/representative/authority/staff", "value": false},
		{"op": "remove", "path": "/partners/1/contributes/1"},
	])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_finance_authority_not_needed_for_staff_only if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/representative/authority/finance", "value": false},
		{"op": "remove", "path": "/partners/1/contributes/0"},
	])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_one_warning_naming_both_missing_authorities if {
	descriptor := json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/partners/1/representative/authority",
			"value": {"policy": true, "finance": "yes"},
		}],
	)
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority"
	contains(
		f.msg,
		concat(" ", [
			"cannot commit finance or staff without referring back (authority.finance is \"yes\";",
			"authority.staff is missing), yet the partner contributes budget (\"Construction",
			"share\") and staff (\"Two officers\");",
		]),
	)
}

test_contribution_without_what_named_by_kind if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/representative/authority/finance", "value": false},
		{
			"op": "replace",
			"path": "/partners/1/contributes",
			"value": [
				{"kind": "budget", "what": " "},
				{"kind": "budget", "what": "Top-up"},
				{"kind": "asset", "what": "Van"},
			],
		},
	])
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	contains(f.msg, "yet the partner contributes budget, budget (\"Top-up\") and asset (\"Van\");")
}

test_one_warning_per_partner if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/representative"},
		{
			"op": "add",
			"path": "/partners/-",
			"value": {
				"id": "nhs",
				"name": "NHS Board",
				"role": "core",
				"representative": {"post": "Director", "authority": {"finance": false, "staff": false, "policy": true}},
				"contributes": [{"kind": "budget", "what": "Pooled fund"}],
			},
		},
	])
	[a, b] := [f | some f in delegated_authority.warn] with input as descriptor
	pointers({a, b}) == {"/partners/1", "/partners/4/representative/authority/finance"}
}

test_fail_and_warn_together if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/0/representative"},
		{"op": "remove", "path": "/partners/1/representative"},
	])
	pointers(delegated_authority.deny) == {"/partners/0"} with input as descriptor
	pointers(delegated_authority.warn) == {"/partners/1"} with input as descriptor
}

test_unknown_lead_gives_no_fail_but_still_warns if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/lead/partner", "value": "nhs"},
		{"op": "remove", "path": "/partners/0/representative"},
	])
	count(delegated_authority.deny) == 0 with input as descriptor

	# council is no longer the lead, so as a core partner it is only warned
	delegated_authority.warn == {{
		"pointer": "/partners/0",
		"msg": concat(" ", [
			"Core partner \"council\" (Example Council) has no representative recorded",
			"(representative is missing), so nobody is named who can commit it to decisions",
		]),
	}} with input as descriptor
	[s] := [s | some s in delegated_authority.skip] with input as descriptor
	contains(s, "\"nhs\" names no partner")
}

test_unknown_lead_skips_when_nothing_else_found if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/lead/partner", "value": "nhs"}])
	count(delegated_authority.deny) == 0 with input as descriptor
	count(delegated_authority.warn) == 0 with input as descriptor
	count(delegated_authority.skip) == 1 with input as descriptor
}

test_missing_lead_does_not_crash if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/lead"}])
	count(delegated_authority.deny) == 0 with input as descriptor
	[s] := [s | some s in delegated_authority.skip] with input as descriptor
	contains(s, "lead.partner null")
}

test_odd_types_do_not_crash if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/partners/1/representative/authority", "value": true},
		{"op": "replace", "path": "/partners/0/contributes", "value": "budget"},
		{
			"op": "add",
			"path": "/partners/-",
			"value": {"id": "odd", "role": "core", "representative": "Someone", "contributes": [1, {"kind": 2}]},
		},
	])
	count(delegated_authority.deny) == 0 with input as descriptor
	pointers(delegated_authority.warn) == {"/partners/1/representative", "/partners/4"} with input as descriptor
	[f] := [f | some f in delegated_authority.warn; f.pointer == "/partners/4"] with input as descriptor
	startswith(f.msg, "Core partner \"odd\" has no representative")
}
