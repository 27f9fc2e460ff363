package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"example.org/cgcheck/internal/catalogue"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/testtool"
)

// sarifSchema compiles the official SARIF 2.1.0 schema from ../shared,
// under its own id and with a loader that refuses everything, so nothing
// is fetched from the network (the draft-04 meta-schema is built into the
// validator).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := testtool.SharedFile(t, "schemas/sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	obj, _ := doc.(map[string]any)
	id, _ := obj["id"].(string) // draft-04 spells it "id"
	if id == "" {
		id, _ = obj["$id"].(string)
	}
	if id == "" {
		t.Fatalf("%s has no id", path)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(noLoader{})
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	return sch
}

type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, errors.New("no schema is loaded from outside the test: " + url)
}

// sarifLog is the part of a SARIF log the tests look into.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID                   string            `json:"id"`
					Name                 string            `json:"name"`
					DefaultConfiguration map[string]string `json:"defaultConfiguration"`
					Help                 map[string]string `json:"help"`
					Properties           map[string]any    `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind string `json:"columnKind"`
		Results    []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations        []sarifLogLocation  `json:"locations"`
			RelatedLocations []sarifLogLocation  `json:"relatedLocations"`
			Suppressions     []map[string]string `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifLogLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region *struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// TestSARIFMatchesSchema validates SARIF output against the official schema
// (formats asserted, so every URI must parse) and checks what the schema
// cannot: each result names the rule at its ruleIndex, only warn, fail and
// waived findings are results, and a waived one is a suppressed result at
// the level of what it waived.
func TestSARIFMatchesSchema(t *testing.T) {
	t.Parallel()
	sch := sarifSchema(t)
	hdocs, hs, hreg := hostile()
	noRules := sampleRun()
	noRules.Rules = nil
	cases := []struct {
		name        string
		out         []byte
		results     int
		suppressed  int
		wantRuleIDs []string // rule ids expected among the descriptors
	}{
		{"sample", render(t, "sarif", sampleRun()), 6, 1,
			[]string{"outcome-link", "single-lead", "evidence-base", "unique-ids", "shared-people", "parse", "schema", "evaluation"}},
		{"no catalogue", render(t, "sarif", noRules), 6, 1,
			[]string{"outcome-link", "single-lead", "evidence-base", "unique-ids", "parse", "schema", "evaluation"}},
		{"hostile", renderDocs(t, "sarif", sampleRun(), hdocs, hs, hreg), 6, 0,
			[]string{"single-lead", "custom-check", "schema", "parse", "shared-people"}},
		{"empty", renderDocs(t, "sarif", sampleRun(), nil, finding.Summary{}, finding.Registry{Status: finding.Pass}), 0, 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(tc.out))
			if err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, tc.out)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("output breaks the SARIF 2.1.0 schema: %v\n%s", err, tc.out)
			}
			var log sarifLog
			if err := json.Unmarshal(tc.out, &log); err != nil {
				t.Fatal(err)
			}
			if log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("version %q with %d runs, want 2.1.0 with one run", log.Version, len(log.Runs))
			}
			run := log.Runs[0]
			d := run.Tool.Driver
			if d.Name != "cgcheck" || d.Version != "0.1.0" || d.InformationURI != "https://example.org/cgcheck" {
				t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
			}
			if run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("columnKind = %q, want unicodeCodePoints", run.ColumnKind)
			}
			ids := map[string]bool{}
			for _, r := range d.Rules {
				if ids[r.ID] {
					t.Errorf("rule %q is described twice", r.ID)
				}
				ids[r.ID] = true
				if lvl := r.DefaultConfiguration["level"]; lvl != "error" && lvl != "warning" {
					t.Errorf("rule %q has level %q", r.ID, lvl)
				}
			}
			for _, id := range tc.wantRuleIDs {
				if !ids[id] {
					t.Errorf("no descriptor for rule %q", id)
				}
			}
			if len(run.Results) != tc.results {
				t.Errorf("%d results, want %d", len(run.Results), tc.results)
			}
			suppressed := 0
			for _, res := range run.Results {
				if res.RuleIndex < 0 || res.RuleIndex >= len(d.Rules) || d.Rules[res.RuleIndex].ID != res.RuleID {
					t.Errorf("result %q has ruleIndex %d, which is not its rule", res.RuleID, res.RuleIndex)
				}
				if len(res.Locations) == 0 {
					t.Errorf("result %q has no location", res.RuleID)
				}
				if len(res.Suppressions) > 0 {
					suppressed++
					want := map[string]string{"kind": "external", "status": "accepted",
						"justification": "Outcome links are set by the SOA refresh due next quarter (approved by CPP Board, expires 2009-03-31)"}
					if diff := cmp.Diff(want, res.Suppressions[0]); diff != "" {
						t.Errorf("suppression (-want +got):\n%s", diff)
					}
					if res.Level != "warning" {
						t.Errorf("waived warn has level %q, want warning", res.Level)
					}
				}
			}
			if suppressed != tc.suppressed {
				t.Errorf("%d suppressed results, want %d", suppressed, tc.suppressed)
			}
		})
	}
}

// TestSARIFLocations: a registry finding's first place is its result's
// location and the others its related locations, a finding without a line
// has no region, and paths become URIs.
func TestSARIFLocations(t *testing.T) {
	t.Parallel()
	docs, s, reg := hostile()
	var log sarifLog
	if err := json.Unmarshal(renderDocs(t, "sarif", sampleRun(), docs, s, reg), &log); err != nil {
		t.Fatal(err)
	}
	type loc struct {
		URI       string
		Line, Col int
	}
	got := map[string][]loc{}
	for _, res := range log.Runs[0].Results {
		for _, l := range append(res.Locations, res.RelatedLocations...) {
			p := l.PhysicalLocation
			var x loc
			x.URI = p.ArtifactLocation.URI
			if p.Region != nil {
				x.Line, x.Col = p.Region.StartLine, p.Region.StartColumn
			}
			got[res.RuleID] = append(got[res.RuleID], x)
		}
	}
	weird := "my%20docs/D%C3%BAn%20%C3%89ideann,%2050%25%3A%20%3Cdraft%3E.yaml"
	want := map[string][]loc{
		"single-lead":   {{weird, 2, 14}},
		"custom-check":  {{weird, 1, 1}},
		"schema":        {{"file:///abs/path/b%20c.json", 4, 3}, {"file:///abs/path/b%20c.json", 9, 10}},
		"parse":         {{"odd%3Aname.yaml", 0, 0}},
		"shared-people": {{weird, 0, 0}, {"file:///abs/path/b%20c.json", 0, 0}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locations by rule (-want +got):\n%s", diff)
	}
}

func TestFileURI(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ path, want string }{
		{"registry/civic.yaml", "registry/civic.yaml"},
		{"./registry/civic.yaml", "registry/civic.yaml"},
		{".//./a.json", "a.json"},
		{"../up/a.json", "../up/a.json"},
		{"my docs/a b.yaml", "my%20docs/a%20b.yaml"},
		{"café/ü.yaml", "caf%C3%A9/%C3%BC.yaml"},
		{"50%.yaml", "50%25.yaml"},
		{"a#b?.yaml", "a%23b%3F.yaml"},
		{"c:d.yaml", "c%3Ad.yaml"}, // not a URI of scheme "c"
		{"/abs/x y.json", "file:///abs/x%20y.json"},
		{"/abs/c:d.json", "file:///abs/c:d.json"},
	} {
		if got := report.FileURI(tc.path); got != tc.want {
			t.Errorf("FileURI(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// sarifForGitHub is the part of a SARIF log GitHub code scanning reads to
// place and track alerts.
type sarifForGitHub struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		AutomationDetails  map[string]string            `json:"automationDetails"`
		OriginalURIBaseIDs map[string]map[string]string `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []sarifPlace      `json:"locations"`
			RelatedLocations    []sarifPlace      `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifPlace struct {
	ID               int `json:"id"`
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
	} `json:"physicalLocation"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// TestSARIFForGitHub: files are placed relative to the repository root
// under %SRCROOT% whatever folder cgcheck ran in (a file outside the
// repository keeps an absolute URI); a registry finding has one location
// and its other files as related locations; each result has a fingerprint
// that survives a line move but not a change of rule, document or pointer;
// the run says where %SRCROOT% was, its category, and links the rules' help.
func TestSARIFForGitHub(t *testing.T) {
	t.Parallel()
	ptr := finding.Ptr
	run := sampleRun()
	run.SourceRoot, run.WorkDir = "/repo", "/repo/testdata"
	doc := func(file string, line int, pointer string) *finding.Document {
		d := &finding.Document{File: file, ID: "civic-centre", Findings: []finding.Finding{
			{Rule: "single-lead", Theme: "governance", Status: finding.Fail, Message: "no lead", Pointer: ptr(pointer), Line: line, Column: 3},
		}}
		d.Finish(catalogue.Themes)
		return d
	}
	reg := finding.Registry{Status: finding.Fail, Findings: []finding.RegistryFinding{longGroup()}}
	read := func(docs ...*finding.Document) sarifForGitHub {
		var log sarifForGitHub
		if err := json.Unmarshal(renderDocs(t, "sarif", run, docs, finding.Summary{Documents: len(docs)}, reg), &log); err != nil {
			t.Fatal(err)
		}
		return log
	}
	log := read(doc("examples/no-lead.yaml", 4, "/lead"), doc("/repo/top.yaml", 4, "/lead"), doc("/elsewhere/x.yaml", 4, "/lead"))
	r := log.Runs[0]
	for i, want := range []struct{ uri, base string }{
		{"testdata/examples/no-lead.yaml", "%SRCROOT%"},
		{"top.yaml", "%SRCROOT%"},
		{"file:///elsewhere/x.yaml", ""},
	} {
		got := r.Results[i].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != want.uri || got.URIBaseID != want.base {
			t.Errorf("result %d: uri %q base %q, want %q base %q", i, got.URI, got.URIBaseID, want.uri, want.base)
		}
	}
	if got := r.OriginalURIBaseIDs["%SRCROOT%"]["uri"]; got != "file:///repo/" {
		t.Errorf("originalUriBaseIds %%SRCROOT%% = %q, want file:///repo/", got)
	}
	if r.AutomationDetails["id"] != "cgcheck/" {
		t.Errorf("automationDetails = %v", r.AutomationDetails)
	}
	if r.Tool.Driver.InformationURI != "https://example.org/cgcheck" {
		t.Errorf("informationUri = %q", r.Tool.Driver.InformationURI)
	}
	for _, rule := range r.Tool.Driver.Rules {
		if rule.ID == "single-lead" && rule.HelpURI != "https://example.org/cgcheck/docs/rules.md#single-lead" {
			t.Errorf("single-lead helpUri = %q", rule.HelpURI)
		}
	}

	group := r.Results[len(r.Results)-1]
	if group.RuleID != "shared-people" || len(group.Locations) != 1 || len(group.RelatedLocations) != 11 {
		t.Fatalf("registry result: %d locations, %d related; want 1 and 11", len(group.Locations), len(group.RelatedLocations))
	}
	if l := group.RelatedLocations[0]; l.ID != 1 || l.Message.Text != "p02" || l.PhysicalLocation.ArtifactLocation.URI != "testdata/registry/p02.yaml" {
		t.Errorf("first related location: %+v", l)
	}

	fp := func(log sarifForGitHub) string {
		return log.Runs[0].Results[0].PartialFingerprints["cgcheckFinding/v1"]
	}
	base := fp(log)
	if base == "" {
		t.Fatal("no partialFingerprints")
	}
	if moved := fp(read(doc("examples/no-lead.yaml", 40, "/lead"))); moved != base {
		t.Errorf("a line move changed the fingerprint: %s, then %s", base, moved)
	}
	if other := fp(read(doc("examples/no-lead.yaml", 4, "/lead/person"))); other == base {
		t.Error("another pointer gave the same fingerprint")
	}
}

// TestSARIFPassesGitHubRules runs the SARIF multitool's validator, with
// GitHub's own rules as well as SARIF's, over the sample log: what GitHub
// code scanning would refuse or misplace shows up as an error here.
func TestSARIFPassesGitHubRules(t *testing.T) {
	tool := testtool.Look(t, "sarif-multitool", "npm install @microsoft/sarif-multitool; .ci/run installs it into .ci/bin")
	dir := t.TempDir()
	in := filepath.Join(dir, "cgcheck.sarif")
	docs, s, reg := sample()
	if err := os.WriteFile(in, renderDocs(t, "sarif", sampleRun(), docs, s, reg), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "validation.sarif")
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", "--log", "ForceOverwrite", "--output", out, in)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sarif-multitool validate: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("read the validator's log: %v", err)
	}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			// Anything the validator says is a problem; it says nothing
			// about a log that follows every rule.
			if r.Level != "note" && r.Level != "none" {
				t.Errorf("%s (%s): %s %v", r.RuleID, r.Level, r.Message.Text, r.Message.Arguments)
			}
		}
	}
}
