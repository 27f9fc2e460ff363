package cgcheck.registry.summary_test

import data.cgcheck.registry.summary

descriptor := {
	"id": "korsakoff",
	"status": "active",
	"area": "Inverclyde",
	"client_groups": [{"name": "Adults with  Korsakoff's", "definition": "d", "service": "s", "intended_impact": "i"}],
	"purpose": {"outcome_links": [{"framework": "national_outcome", "ref": "6"}]},
	"partners": [
		{"id": "council", "representative": {"person": " Jo Bloggs "}},
		{"id": "nhs", "representative": {"post": "Director"}},
		{"id": "police"},
	],
	"governance": {"reports_to": "inverclyde-cpp"},
}

test_document_summary if {
	d := summary.document with input as descriptor
	d.id == "korsakoff"
	d.area_key == "inverclyde"
	d.client_groups == [{"name": "Adults with  Korsakoff's", "key": "adultswithkorsakoff's", "pointer": "/client_groups/0/name"}]
	d.outcome_links == [{"framework": "national_outcome", "ref": "6", "pointer": "/purpose/outcome_links/0"}]
	d.representatives == [{"person": " Jo Bloggs ", "key": "jo bloggs", "partner": "council", "pointer": "/partners/0/representative/person"}]
	d.reports_to == {"value": "inverclyde-cpp", "pointer": "/governance/reports_to"}
}

test_summary_of_a_sparse_descriptor if {
	d := summary.document with input as {"id": "x"}
	d.client_groups == []
	d.outcome_links == []
	d.representatives == []
	d.reports_to == null
	d.area_key == ""
}
