package cgcheck.rules.integrity.references_resolve_test

import data.cgcheck.lib
import data.cgcheck.rules.integrity.references_resolve

# partnership uses every kind of reference once, all resolving.
partnership := {
	"purpose": {
		"task": "Build one civic centre",
		"agreed_by": ["council", "police"],
		"outcome_links": [
			{"framework": "national_outcome", "ref": "1"},
			{"framework": "national_outcome", "ref": "15"},
			{"framework": "soa", "ref": "Safer communities"},
		],
	},
	"lead": {"partner": "council", "person": "Director of Corporate Services"},
	"partners": [
		{"id": "council", "name": "Example Council", "role": "core"},
		{"id": "police", "name": "Example Police", "role": "core"},
	],
	"governance": {
		"body": "Project Board", "reports_to": "Council Executive",
		"senior_sponsors": [{"partner": "council", "post": "Chief Executive", "kind": "senior_officer"}],
	},
	"workstreams": [{"id": "build", "name": "Construction", "lead": "council"}],
	"action_plan": [
		{"what": "Site start", "owner": "council", "due": "2007-06-30", "status": "done", "workstream": "build"},
		{"what": "Staff move", "owner": "police", "due": "2009-06-30", "status": "planned"},
	],
	"monitoring": {
		"owner": "council",
		"measures": [{
			"id": "build-cost", "indicator": "Construction cost", "kind": "efficiency",
			"level": "programme", "owner": "council", "better": "lower",
		}],
		"efficiencies": [{"description": "One building instead of two", "partners": ["council", "police"]}],
	},
	"funding": {"sources": [
		{"from": "Council capital programme", "partner": "council", "kind": "mainstream"},
		{"from": "Scottish Government", "kind": "pump_priming"},
	]},
}

bad(path) := json.patch(partnership, [{"op": "replace", "path": path, "value": "nhs"}])

only_finding_at(descriptor, pointer) := f if {
	[f] := [f | some f in references_resolve.deny] with input as descriptor
	f.pointer == pointer
}

test_pass_when_every_reference_resolves if {
	count(references_resolve.deny) == 0 with input as partnership
}

test_pass_with_only_required_fields if {
	minimal := {
		"purpose": {"agreed_by": ["council"]},
		"lead": {"partner": "council", "person": "Director"},
		"partners": [{"id": "council", "name": "Example Council", "role": "core"}],
	}
	count(references_resolve.deny) == 0 with input as minimal
}

test_fail_lead_partner if {
	f := only_finding_at(bad("/lead/partner"), "/lead/partner")
	f.msg == "lead.partner \"nhs\" is not one of the partners"
}

test_fail_agreed_by if {
	f := only_finding_at(bad("/purpose/agreed_by/1"), "/purpose/agreed_by/1")
	f.msg == "purpose.agreed_by[1] \"nhs\" is not one of the partners"
}

test_fail_senior_sponsor if {
	f := only_finding_at(bad("/governance/senior_sponsors/0/partner"), "/governance/senior_sponsors/0/partner")
	contains(f.msg, "governance.senior_sponsors[0].partner \"nhs\"")
}

test_fail_workstream_lead if {
	f := only_finding_at(bad("/workstreams/0/lead"), "/workstreams/0/lead")
	contains(f.msg, "workstreams[0].lead \"nhs\"")
}

test_fail_action_owner if {
	f := only_finding_at(bad("/action_plan/1/owner"), "/action_plan/1/owner")
	contains(f.msg, "action_plan[1].owner \"nhs\"")
}

test_fail_measure_owner if {
	f := only_finding_at(bad("/monitoring/measures/0/owner"), "/monitoring/measures/0/owner")
	contains(f.msg, "monitoring.measures[0].owner \"nhs\"")
}

test_fail_monitoring_owner if {
	f := only_finding_at(bad("/monitoring/owner"), "/monitoring/owner")
	contains(f.msg, "monitoring.owner \"nhs\"")
}

test_fail_funding_partner if {
	f := only_finding_at(bad("/funding/sources/0/partner"), "/funding/sources/0/partner")
	contains(f.msg, "funding.sources[0].partner \"nhs\"")
}

test_fail_efficiency_partner if {
	f := only_finding_at(bad("/monitoring/efficiencies/0/partners/1"), "/monitoring/efficiencies/0/partners/1")
	contains(f.msg, "monitoring.efficiencies[0].partners[1] \"nhs\"")
}

test_fail_action_workstream if {
	f := only_finding_at(bad("/action_plan/0/workstream"), "/action_plan/0/workstream")
	f.msg == "action_plan[0].workstream \"nhs\" is not one of the workstreams"
}

test_fail_action_workstream_when_no_workstreams if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/workstreams"}])
	f := only_finding_at(descriptor, "/action_plan/0/workstream")
	contains(f.msg, "\"build\" is not one of the workstreams")
}

test_partner_id_is_not_a_workstream_id if {
	f := only_finding_at(
		json.patch(partnership, [{"op": "replace", "path": "/action_plan/0/workstream", "value": "council"}]),
		"/action_plan/0/workstream",
	)
	contains(f.msg, "\"council\"")
}

test_fail_once_per_bad_reference if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/purpose/agreed_by/0", "value": "nhs"},
		{"op": "replace", "path": "/purpose/agreed_by/1", "value": "fire"},
		{"op": "replace", "path": "/action_plan/1/owner", "value": "nhs"},
	])
	findings := references_resolve.deny with input as descriptor
	count(findings) == 3
	{f.pointer | some f in findings} == {"/purpose/agreed_by/0", "/purpose/agreed_by/1", "/action_plan/1/owner"}
}

test_fail_duplicate_partner_id if {
	descriptor := json.patch(
		partnership,
		[{
			"op": "add",
			"path": "/partners/-",
			"value": {"id": "council", "name": "Example Council (again)", "role": "contributor"},
		}],
	)
	f := only_finding_at(descriptor, "/partners/2/id")
	f.msg == "partners[2].id \"council\" is already the id of partners[0]; each partner needs an id of its own"
}

test_fail_each_later_duplicate_names_the_first if {
	descriptor := json.patch(partnership, [
		{"op": "add", "path": "/partners/-", "value": {"id": "police", "name": "Police 2", "role": "core"}},
		{"op": "add", "path": "/partners/-", "value": {"id": "police", "name": "Police 3", "role": "core"}},
	])
	findings := references_resolve.deny with input as descriptor
	{f.pointer | some f in findings} == {"/partners/2/id", "/partners/3/id"}
	every f in findings {
		contains(f.msg, "already the id of partners[1]")
	}
}

test_fail_national_outcome_out_of_range if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links/1/ref", "value": "16"}])
	f := only_finding_at(descriptor, "/purpose/outcome_links/1/ref")
	f.msg == concat("", [
		"purpose.outcome_links[1].ref \"16\" is not an outcome of national_outcome ",
		concat(" ", [
			"(National outcomes (2007), the frame of Single Outcome Agreements until 2018): use one",
			"of its 15 outcomes, such as ",
		]),
		"\"1\" (We live in a Scotland that is the most attractive place for doing business in Europe); ",
		"\"2\" (We realise our full economic potential with more and better employment opportunities for our people); ",
		"\"3\" (We are better educated, more skilled and more successful, renowned for our research and innovation); ",
		"and 12 more (`cgcheck frameworks` lists them all)",
	])
}

test_fail_national_outcome_zero_and_padded if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/purpose/outcome_links/0/ref", "value": "0"},
		{"op": "replace", "path": "/purpose/outcome_links/1/ref", "value": "01"},
	])
	findings := references_resolve.deny with input as descriptor
	{f.pointer | some f in findings} == {"/purpose/outcome_links/0/ref", "/purpose/outcome_links/1/ref"}
}

test_fail_national_outcome_number_not_string if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links/1/ref", "value": 15}])
	f := only_finding_at(descriptor, "/purpose/outcome_links/1/ref")
	contains(f.msg, "ref 15 is not an outcome of national_outcome")
}

test_fail_national_outcome_ref_missing if {
	descriptor := json.patch(partnership, [{"op": "remove", "path": "/purpose/outcome_links/0/ref"}])
	f := only_finding_at(descriptor, "/purpose/outcome_links/0")
	contains(f.msg, "ref null")
}

test_other_frameworks_take_any_ref if {
	descriptor := json.patch(
		partnership,
		[{"op": "add", "path": "/purpose/outcome_links/-", "value": {"framework": "loip", "ref": "99"}}],
	)
	count(references_resolve.deny) == 0 with input as descriptor
}

test_blank_references_left_to_other_rules if {
	descriptor := json.patch(partnership, [
		{"op": "replace", "path": "/lead/partner", "value": " "},
		{"op": "replace", "path": "/workstreams/0/lead", "value": ""},
		{"op": "remove", "path": "/action_plan/0/workstream"},
	])
	count(references_resolve.deny) == 0 with input as descriptor
}

# Catalogue v2: outcome links are checked against the frameworks in force.

test_pass_npf_outcomes if {
	descriptor := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links", "value": [
		{"framework": "npf", "ref": "health"},
		{"framework": "npf", "ref": "children-and-young-people"},
		{"framework": "soa", "ref": "Efficient public services"},
		{"framework": "locality_plan", "ref": "Port Glasgow"},
		{"framework": "other", "ref": "Scottish Government drug strategy"},
	]}])
	count(references_resolve.deny) == 0 with input as descriptor
}

test_fail_npf_ref_not_an_outcome if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links/0", "value": {"framework": "npf", "ref": "wellbeing"}}],
	)
	f := only_finding_at(descriptor, "/purpose/outcome_links/0/ref")
	startswith(
		f.msg,
		concat(" ", [
			"purpose.outcome_links[0].ref \"wellbeing\" is not an outcome of npf (National",
			"Performance Framework (2018)): use one of its 11 outcomes, such as",
			"\"children-and-young-people\" (We grow up loved",
		]),
	)
	endswith(f.msg, "; and 8 more (`cgcheck frameworks` lists them all)")
}

test_fail_unknown_framework if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links/0", "value": {"framework": "nfp", "ref": "health"}}],
	)
	f := only_finding_at(descriptor, "/purpose/outcome_links/0/framework")
	f.msg == concat(" ", [
		"purpose.outcome_links[0].framework \"nfp\" is not a known outcome framework; the",
		"frameworks in force are locality_plan, loip, national_outcome, npf, other, soa (a",
		"config file can add one under frameworks:; `cgcheck frameworks` lists them)",
	])
}

test_fail_blank_ref_in_a_framework_without_outcomes if {
	descriptor := json.patch(
		partnership,
		[{"op": "add", "path": "/purpose/outcome_links/-", "value": {"framework": "loip", "ref": " "}}],
	)
	f := only_finding_at(descriptor, "/purpose/outcome_links/3/ref")
	f.msg == "purpose.outcome_links[3].ref is blank (\" \"): name the loip outcome or priority the work contributes to"
}

test_fail_missing_or_non_text_ref_in_a_framework_without_outcomes if {
	missing := json.patch(
		partnership,
		[{"op": "add", "path": "/purpose/outcome_links/-", "value": {"framework": "other"}}],
	)
	f := only_finding_at(missing, "/purpose/outcome_links/3")
	f.msg == "purpose.outcome_links[3].ref is missing: name the other outcome or priority the work contributes to"
	number := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links/2/ref", "value": 7}])
	g := only_finding_at(number, "/purpose/outcome_links/2/ref")
	g.msg == "purpose.outcome_links[2].ref is not text (7): name the soa outcome or priority the work contributes to"
}

test_placeholder_ref_is_judged_as_written if {
	# A LOIP ref "TBC" names a priority as far as this rule can tell;
	# placeholder-text reports it.
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links/2", "value": {"framework": "loip", "ref": "TBC"}}],
	)
	count(references_resolve.deny) == 0 with input as descriptor
}

test_fail_framework_not_text if {
	descriptor := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links/0/framework", "value": null}],
	)
	f := only_finding_at(descriptor, "/purpose/outcome_links/0/framework")
	startswith(f.msg, "purpose.outcome_links[0].framework null is not a known outcome framework")
}

test_framework_without_a_title if {
	untitled := {"loip": {"outcomes": {"p1": "Our population is increasing"}}}
	bad := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links", "value": [{"framework": "loip", "ref": "p9"}]}],
	)
	[f] := [f | some f in references_resolve.deny] with input as bad with data.cgcheck.frameworks as untitled
	f.msg == concat(" ", [
		"purpose.outcome_links[0].ref \"p9\" is not an outcome of loip: use one of its 1",
		"outcome, such as \"p1\" (Our population is increasing) (`cgcheck frameworks` lists",
		"them all)",
	])
}

test_empty_outcome_list_accepts_nothing if {
	listless := {"loip": {"title": "Draft LOIP", "outcomes": {}}}
	doc := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links", "value": [{"framework": "loip", "ref": "p1"}]}],
	)
	[f] := [f | some f in references_resolve.deny] with input as doc with data.cgcheck.frameworks as listless
	f.pointer == "/purpose/outcome_links/0/ref"
	f.msg == concat(" ", [
		"purpose.outcome_links[0].ref \"p1\" is not an outcome of loip (Draft LOIP): its",
		"outcome list is empty, so no link to it can resolve yet (`cgcheck frameworks` lists",
		"them all)",
	])
}

test_odd_links_do_not_error if {
	doc := json.patch(partnership, [{"op": "replace", "path": "/purpose/outcome_links", "value": [
		{"framework": ["npf"], "ref": "health"},
		{"framework": "npf", "ref": ["health"]},
		{"ref": "health"},
	]}])
	{f.pointer | some f in references_resolve.deny} == {
		"/purpose/outcome_links/0/framework",
		"/purpose/outcome_links/1/ref",
	} with input as doc
}

inverclyde := {
	"loip": {
		"title": "Inverclyde LOIP 2017-2027",
		"outcomes": {"p1": "Our population is increasing", "p2": "Inequalities are reduced"},
	},
	"npf": lib.builtin_frameworks.npf,
}

test_frameworks_from_the_run_replace_and_limit if {
	ok := json.patch(
		partnership,
		[{
			"op": "replace",
			"path": "/purpose/outcome_links",
			"value": [{"framework": "loip", "ref": "p2"}, {"framework": "npf", "ref": "health"}],
		}],
	)
	count(references_resolve.deny) == 0 with input as ok with data.cgcheck.frameworks as inverclyde

	# With the run's frameworks, loip refs are checked against its outcomes ...
	bad := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links", "value": [{"framework": "loip", "ref": "Inequalities"}]}],
	)
	[f] := [f | some f in references_resolve.deny] with input as bad with data.cgcheck.frameworks as inverclyde
	f.msg == concat(" ", [
		"purpose.outcome_links[0].ref \"Inequalities\" is not an outcome of loip (Inverclyde",
		"LOIP 2017-2027): use one of its 2 outcomes, such as \"p1\" (Our population is",
		"increasing); \"p2\" (Inequalities are reduced) (`cgcheck frameworks` lists them all)",
	])

	# ... and a framework the run leaves out is not known.
	soa := json.patch(
		partnership,
		[{"op": "replace", "path": "/purpose/outcome_links", "value": [{"framework": "soa", "ref": "x"}]}],
	)
	[g] := [g | some g in references_resolve.deny] with input as soa with data.cgcheck.frameworks as inverclyde
	g.pointer == "/purpose/outcome_links/0/framework"
}

test_fail_risk_owner_not_a_partner if {
	descriptor := object.union(partnership, {"risks": [
		{"risk": "Funding ends", "owner": "council", "mitigation": "Mainstream the service"},
		{"risk": "Staff turnover", "owner": "health-board", "mitigation": "Shared induction"},
	]})
	f := only_finding_at(descriptor, "/risks/1/owner")
	f.msg == "risks[1].owner \"health-board\" is not one of the partners"
}
