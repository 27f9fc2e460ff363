package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

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
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Suppressions []map[string]string `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
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

// TestSARIFLocations: each registry location is a location of its one
// result, a finding without a line has no region, and paths become URIs.
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
		for _, l := range res.Locations {
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
