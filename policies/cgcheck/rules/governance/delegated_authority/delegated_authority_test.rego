package cgcheck.rules.governance.delegated_authority_test

import data.cgcheck.rules.governance.delegated_authority

partnership := {
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{
			"id": "council", "name": "Example Council", "role": "core",
			"representative": {"post": "Director of Corporate Services", "authority": {"finance": true, "staff": true, "policy": true}},
		},
		{
			"id": "police", "name": "Example Police", "role": "core",
			"representative": {"post": "Chief Superintendent", "authority": {"finance": true, "staff": true, "policy": false}},
		},
		{"id": "trust", "name": "Housing Trust", "role": "contributor"},
		{"id": "panel", "name": "Citizens Panel", "role": "consultee"},
	],
}

pointers(findings) := {f.pointer | some f in findings}

test_pass_when_all_core_representatives_hold_finance if {
	count(delegated_authority.deny) == 0 with input as partnership
	count(delegated_authority.warn) == 0 with input as partnership
	count(delegated_authority.skip) == 0 with input as partnership
}

test_fail_when_lead_representative_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/0/representative"}])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/0"
	contains(f.msg, "\"council\" has no representative")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/0/representative/authority"}])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/0/representative"
	contains(f.msg, "no authority recorded")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_all_false if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/0/representative/authority", "value": {"finance": false, "staff": false, "policy": false}}])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/0/representative/authority"
	contains(f.msg, "no delegated authority")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_fail_when_lead_authority_empty if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/0/representative/authority", "value": {}}])
	pointers(delegated_authority.deny) == {"/partners/0/representative/authority"} with input as descriptor
}

test_lead_with_only_policy_authority_passes_fail_part_but_warns_on_finance if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/0/representative/authority", "value": {"policy": true}}])
	count(delegated_authority.deny) == 0 with input as descriptor
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/0/representative/authority"
	contains(f.msg, "\"council\"")
}

test_fail_for_non_core_lead if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/lead/partner", "value": "trust"},
	])
	[f] := [f | some f in delegated_authority.deny] with input as descriptor
	f.pointer == "/partners/2"
	contains(f.msg, "\"trust\"")
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_warn_when_core_partner_has_no_representative if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative"}])
	count(delegated_authority.deny) == 0 with input as descriptor
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1"
	contains(f.msg, "\"police\" has no representative")
}

test_warn_when_core_representative_has_no_authority if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative/authority"}])
	pointers(delegated_authority.warn) == {"/partners/1/representative"} with input as descriptor
}

test_warn_when_core_representative_finance_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/partners/1/representative/authority/finance"}])
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority"
	contains(f.msg, "no authority.finance")
}

test_warn_when_core_representative_finance_false if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/partners/1/representative/authority/finance", "value": false}])
	count(delegated_authority.deny) == 0 with input as descriptor
	[f] := [f | some f in delegated_authority.warn] with input as descriptor
	f.pointer == "/partners/1/representative/authority/finance"
	contains(f.msg, "authority.finance is false")
}

test_non_core_partners_not_warned if {
	descriptor := json.patch(partnership, [
		{"op": "add", "path": "/partners/2/representative", "value": {"post": "Officer", "authority": {"finance": false}}},
	])
	count(delegated_authority.warn) == 0 with input as descriptor
}

test_one_warning_per_partner if {
	descriptor := json.patch(partnership, [
		{"op": "remove", "path": "/partners/1/representative"},
		{"op": "add", "path": "/partners/-", "value": {"id": "nhs", "name": "NHS Board", "role": "core", "representative": {"post": "Director", "authority": {"finance": false, "staff": false}}}},
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
	pointers(delegated_authority.warn) == {"/partners/0"} with input as descriptor
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
