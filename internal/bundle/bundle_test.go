package bundle_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/rego"

	"example.org/cgcheck/internal/bundle"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/schemas"
)

const customPolicies = "../../testdata/custom-policies"

func load(t *testing.T, custom ...string) *engine.Policies {
	t.Helper()
	p, err := engine.Load(custom)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func settings() engine.Settings {
	return engine.Settings{
		Today:      "2008-10-01",
		Params:     map[string]map[string]any{"group-size": {"group_size_max": 8}},
		Frameworks: map[string]any{"loip": map[string]any{"title": "Inverclyde LOIP", "outcomes": map[string]any{"p1": "Our population is increasing"}}},
	}
}

func build(t *testing.T, o bundle.Options) (*bundle.Bundle, []byte) {
	t.Helper()
	if o.CatalogueVersion == "" {
		o.CatalogueVersion = "v2"
	}
	if o.Version == "" {
		o.Version = "0.1.0-test"
	}
	b, err := bundle.Build(o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return b, buf.Bytes()
}

// entries reads a tarball's file names and contents, in order, and checks
// every header is the same whenever it is built.
func entries(t *testing.T, tarball []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(tarball))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header has name %q and time %v; want neither", zr.Name, zr.ModTime)
	}
	tr := tar.NewReader(zr)
	var names []string
	files := map[string][]byte{}
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !hdr.ModTime.Equal(time.Unix(0, 0)) || hdr.Uid != 0 || hdr.Uname != "" || hdr.Mode != 0o644 {
			t.Errorf("%s: header %+v varies with the machine or time", hdr.Name, hdr)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, hdr.Name)
		files[hdr.Name] = data
	}
	return names, files
}

// readBack loads the tarball as OPA does, which checks the manifest's
// roots against every module's package and every data path.
func readBack(t *testing.T, tarball []byte) opabundle.Bundle {
	t.Helper()
	b, err := opabundle.NewReader(bytes.NewReader(tarball)).Read()
	if err != nil {
		t.Fatalf("OPA cannot read the bundle: %v", err)
	}
	return b
}

func TestManifest(t *testing.T) {
	t.Parallel()
	b, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	names, files := entries(t, tarball)
	if names[0] != ".manifest" {
		t.Errorf("first entry %s, want .manifest", names[0])
	}
	var m map[string]any
	if err := json.Unmarshal(files[".manifest"], &m); err != nil {
		t.Fatal(err)
	}
	if rev, _ := m["revision"].(string); !regexp.MustCompile(`^v2-[0-9a-f]{12}$`).MatchString(rev) || rev != b.Manifest.Revision {
		t.Errorf("revision %q, want v2-<12 hex digits> (%q)", rev, b.Manifest.Revision)
	}
	want := map[string]any{
		"revision":     b.Manifest.Revision,
		"roots":        []any{"cgcheck"},
		"rego_version": 1.0,
		"metadata": map[string]any{
			"cgcheck_version": "0.1.0-test", "catalogue_version": "v2",
			"today": "2008-10-01", "entrypoint": "cgcheck/main/report",
		},
	}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf(".manifest (-want +got):\n%s", diff)
	}
	ob := readBack(t, tarball)
	if ob.Manifest.Revision != b.Manifest.Revision {
		t.Errorf("OPA reads revision %q, want %q", ob.Manifest.Revision, b.Manifest.Revision)
	}
	if !bytes.Equal(files["cgcheck/schema/data.json"], schemas.PartnershipV1) {
		t.Error("cgcheck/schema/data.json is not the schema, byte for byte")
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.rego") {
			t.Errorf("the bundle holds a test, %s", name)
		}
	}
	if _, ok := files["cgcheck/lib/lib.rego"]; !ok {
		t.Error("the bundle has no cgcheck/lib/lib.rego")
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, first := build(t, bundle.Options{Policies: load(t, customPolicies), Settings: settings(), TodayPinned: true})
	_, second := build(t, bundle.Options{Policies: load(t, customPolicies), Settings: settings(), TodayPinned: true})
	if !bytes.Equal(first, second) {
		t.Fatal("the same inputs gave two different tarballs")
	}
	names, _ := entries(t, first)
	if !sortedAfterManifest(names) {
		t.Errorf("entries are not in path order: %v", names)
	}
	other := settings()
	other.Params["group-size"]["group_size_max"] = 9
	b1, _ := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	b2, _ := build(t, bundle.Options{Policies: load(t), Settings: other, TodayPinned: true})
	if b1.Manifest.Revision == b2.Manifest.Revision {
		t.Errorf("a changed parameter kept revision %s", b1.Manifest.Revision)
	}
}

func sortedAfterManifest(names []string) bool {
	for i := 2; i < len(names); i++ {
		if names[i-1] >= names[i] {
			return false
		}
	}
	return len(names) > 1 && names[0] == ".manifest"
}

func TestCustomPolicy(t *testing.T) {
	t.Parallel()
	b, tarball := build(t, bundle.Options{Policies: load(t, customPolicies), Settings: settings(), TodayPinned: true})
	if diff := cmp.Diff([]string{"cgcheck", "custom/elected_member_sponsor"}, b.Manifest.Roots); diff != "" {
		t.Errorf("roots (-want +got):\n%s", diff)
	}
	_, files := entries(t, tarball)
	if _, ok := files["custom/1/elected_member_sponsor/elected_member_sponsor.rego"]; !ok {
		t.Error("the custom policy is not at custom/1/elected_member_sponsor/elected_member_sponsor.rego")
	}
	if _, ok := files["custom/1/elected_member_sponsor/elected_member_sponsor_test.rego"]; ok {
		t.Error("the custom policy's test is in the bundle")
	}
	if !strings.Contains(string(files[bundle.MainPath]), `{"id": "elected-member-sponsor", "theme": "governance"`) {
		t.Error("the entrypoint does not report on the custom rule")
	}
	readBack(t, tarball)
}

func TestDisabledRuleLeftOut(t *testing.T) {
	t.Parallel()
	all, _ := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	s := settings()
	s.Disabled = map[string]bool{"group-size": true}
	b, tarball := build(t, bundle.Options{Policies: load(t), Settings: s, TodayPinned: true})
	if b.Rules != all.Rules-1 {
		t.Errorf("%d rules with group-size disabled, %d without; want one fewer", b.Rules, all.Rules)
	}
	_, files := entries(t, tarball)
	if strings.Contains(string(files[bundle.MainPath]), `"group-size"`) {
		t.Error("the entrypoint still reports on the disabled rule group-size")
	}
	// The registry rules never run on one descriptor.
	if strings.Contains(string(files[bundle.MainPath]), `"unique-ids"`) {
		t.Error("the entrypoint reports on registry rule unique-ids")
	}
}

func TestData(t *testing.T) {
	t.Parallel()
	_, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	_, files := entries(t, tarball)
	var data struct {
		Cgcheck map[string]any `json:"cgcheck"`
	}
	if err := json.Unmarshal(files["data.json"], &data); err != nil {
		t.Fatal(err)
	}
	if got := data.Cgcheck["today"]; got != "2008-10-01" {
		t.Errorf("today %v, want 2008-10-01", got)
	}
	if diff := cmp.Diff(map[string]any{"group-size": map[string]any{"group_size_max": 8.0}}, data.Cgcheck["params"]); diff != "" {
		t.Errorf("params (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(settings().Frameworks, data.Cgcheck["frameworks"]); diff != "" {
		t.Errorf("frameworks (-want +got):\n%s", diff)
	}
	if ids, _ := data.Cgcheck["catalogue"].([]any); len(ids) < 30 {
		t.Errorf("catalogue %v, want every rule id", data.Cgcheck["catalogue"])
	}

	b, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings()})
	_, files = entries(t, tarball)
	data.Cgcheck = nil
	if err := json.Unmarshal(files["data.json"], &data); err != nil {
		t.Fatal(err)
	}
	if got, ok := data.Cgcheck["today"]; ok {
		t.Errorf("a bundle built without --today holds today %v", got)
	}
	if got := b.Manifest.Metadata["today"]; got != bundle.DecisionTime {
		t.Errorf("manifest today %v, want %q", got, bundle.DecisionTime)
	}
}

func TestMainFormattedAndStrict(t *testing.T) {
	t.Parallel()
	_, tarball := build(t, bundle.Options{Policies: load(t, customPolicies), Settings: settings(), TodayPinned: true})
	_, files := entries(t, tarball)
	main := files[bundle.MainPath]
	formatted, err := format.Source(bundle.MainPath, main)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(formatted), string(main)); diff != "" {
		t.Errorf("%s is not as opa fmt writes it (-fmt +bundle):\n%s", bundle.MainPath, diff)
	}
	ob := readBack(t, tarball)
	modules := map[string]*ast.Module{}
	for _, m := range ob.Modules {
		modules[m.Path] = m.Parsed
	}
	c := ast.NewCompiler().WithStrict(true)
	if c.Compile(modules); c.Failed() {
		t.Fatalf("the bundle's policies do not compile in strict mode: %v", c.Errors)
	}
}

// report evaluates the entrypoint as OPA would serve it.
func report(t *testing.T, tarball []byte, input any) map[string]any {
	t.Helper()
	ob := readBack(t, tarball)
	opts := []func(*rego.Rego){rego.ParsedBundle("cgcheck", &ob), rego.Query("data.cgcheck.main.report")}
	if input != nil {
		opts = append(opts, rego.Input(input))
	}
	rs, err := rego.New(opts...).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("%d results, want 1", len(rs))
	}
	out, _ := rs[0].Expressions[0].Value.(map[string]any)
	return out
}

func TestReportWithoutInput(t *testing.T) {
	t.Parallel()
	_, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	r := report(t, tarball, nil)
	if r["valid"] != false || r["status"] != "fail" {
		t.Errorf("no input: valid %v, status %v; want false, fail", r["valid"], r["status"])
	}
	if errs, _ := r["schema_errors"].([]any); len(errs) != 1 || !strings.Contains(errs[0].(map[string]any)["error"].(string), "no descriptor") {
		t.Errorf("no input: schema_errors %v", r["schema_errors"])
	}
}

// TestYearsOutsideCgchecks: OPA's format date takes any year; cgcheck's
// schema only 1900 to 2199, and the entrypoint agrees with cgcheck.
func TestYearsOutsideCgchecks(t *testing.T) {
	t.Parallel()
	_, tarball := build(t, bundle.Options{Policies: load(t), Settings: settings(), TodayPinned: true})
	src, err := os.ReadFile("../../testdata/examples/korsakoff.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string]any{}
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	if r := report(t, tarball, doc); r["valid"] != true {
		t.Fatalf("korsakoff.json is not valid: %v", r["schema_errors"])
	}
	for _, date := range []string{"0001-01-01", "1899-12-31", "2200-01-01"} {
		doc["lifecycle"].(map[string]any)["start"] = date
		r := report(t, tarball, doc)
		errs, _ := r["schema_errors"].([]any)
		if r["valid"] != false || len(errs) != 1 || errs[0].(map[string]any)["field"] != "lifecycle.start" {
			t.Errorf("start %s: valid %v, schema_errors %v; want one error at lifecycle.start", date, r["valid"], r["schema_errors"])
		}
	}
	doc["lifecycle"].(map[string]any)["start"] = "1900-01-01"
	if r := report(t, tarball, doc); r["valid"] != true {
		t.Errorf("start 1900-01-01: %v", r["schema_errors"])
	}
}
