package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/testtool"
)

const opaHow = "built by .ci/run from the OPA version go.mod pins: go build -o .ci/bin/opa github.com/open-policy-agent/opa"

// descriptorCase is one descriptor sent to OPA: the file cgcheck checks
// and its value as JSON, which OPA takes as input.
type descriptorCase struct {
	file  string
	input json.RawMessage
}

// bundleDescriptors gathers every descriptor the repository's tests use
// that parses: testdata/examples, testdata/bad, the descriptors inside the
// CLI scripts, and variants made here of dates and waivers. YAML is sent as
// the JSON the descriptor parser reads it as.
func bundleDescriptors(t *testing.T) []descriptorCase {
	t.Helper()
	root := testtool.RepoRoot(t)
	dir := t.TempDir()
	var out []descriptorCase
	add := func(file string, data []byte, wantDescriptor bool) {
		format, ok := descriptor.FormatForPath(file)
		if !ok {
			return
		}
		doc, err := descriptor.Parse(data, format)
		if err != nil {
			return // cgcheck reports a parse finding; there is nothing to send
		}
		if obj, ok := doc.Value.(map[string]any); wantDescriptor && (!ok || obj["schema"] == nil && obj["partners"] == nil) {
			return // a config file or the like, in a script
		}
		input, err := json.Marshal(doc.Value)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out = append(out, descriptorCase{file: file, input: input})
	}
	for _, folder := range []string{"examples", "bad"} {
		files, err := filepath.Glob(filepath.Join(root, "testdata", folder, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(f, data, false)
		}
	}
	scripts, err := filepath.Glob(filepath.Join(root, "internal", "cli", "testdata", "script", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range scripts {
		ar, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			name := filepath.Join(dir, strings.TrimSuffix(filepath.Base(script), ".txtar"), filepath.FromSlash(f.Name))
			if _, ok := descriptor.FormatForPath(name); !ok {
				continue
			}
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			add(name, f.Data, true)
		}
	}
	for name, edit := range variants {
		base := "korsakoff.json"
		if strings.HasPrefix(name, "waivers") {
			base = "waivers.yaml"
		}
		data, err := os.ReadFile(filepath.Join(root, "testdata", "examples", base))
		if err != nil {
			t.Fatal(err)
		}
		format, _ := descriptor.FormatForPath(base)
		doc, err := descriptor.Parse(data, format)
		if err != nil {
			t.Fatal(err)
		}
		obj := doc.Value.(map[string]any)
		edit(obj)
		data, err = json.MarshalIndent(obj, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, name+".json")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		add(file, data, false)
	}
	if len(out) < 100 {
		t.Fatalf("only %d descriptors found; the comparison would prove little", len(out))
	}
	return out
}

// variants are descriptors made from the examples to probe where OPA's
// schema check and cgcheck's might part, and waivers of passing, skipped
// and twice-waived rules.
var variants = map[string]func(map[string]any){
	"year-0001":       func(d map[string]any) { field(d, "lifecycle")["start"] = "0001-01-01" },
	"year-2200":       func(d map[string]any) { field(d, "lifecycle")["start"] = "2200-01-01" },
	"year-1900":       func(d map[string]any) { field(d, "lifecycle")["start"] = "1900-01-01" },
	"feb-29-not-leap": func(d map[string]any) { field(d, "lifecycle")["start"] = "2007-02-29" },
	"date-with-time":  func(d map[string]any) { field(d, "lifecycle")["start"] = "2007-02-01T10:00:00Z" },
	"bad-id-pattern":  func(d map[string]any) { d["id"] = "Korsakoff" },
	"empty-area-list": func(d map[string]any) { d["area"] = []any{} },
	"area-list":       func(d map[string]any) { d["area"] = []any{"Inverclyde", "Renfrewshire"} },
	"area-number":     func(d map[string]any) { d["area"] = 3 },
	"no-partners":     func(d map[string]any) { d["partners"] = []any{} },
	"negative-fte": func(d map[string]any) {
		item(d, "partners", 0)["contributes"] = []any{map[string]any{"kind": "staff", "fte": -1}}
	},
	"unknown-top-level":  func(d map[string]any) { d["colour"] = "blue" },
	"wrong-schema-const": func(d map[string]any) { d["schema"] = "cgcheck/partnership/v2" },
	// A second waiver of a rule already waived (the first applies), and
	// waivers of a rule that passes (mandate-defined) and of one that skips
	// (workstream-leads, with no workstreams), which waive nothing.
	"waivers-unused": func(d map[string]any) {
		w := d["waivers"].([]any)
		first := w[0].(map[string]any)
		again := copyMap(first)
		again["justification"] = first["justification"].(string) + " (second waiver of the same rule)"
		passing := copyMap(first)
		passing["rule"] = "mandate-defined"
		skipping := copyMap(first)
		skipping["rule"] = "workstream-leads"
		d["waivers"] = append(w, again, passing, skipping)
	},
	"waivers-none": func(d map[string]any) { delete(d, "waivers") },
}

func field(d map[string]any, key string) map[string]any { return d[key].(map[string]any) }

func item(d map[string]any, key string, i int) map[string]any {
	return d[key].([]any)[i].(map[string]any)
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// checked is what cgcheck check said of one file: whether it parsed,
// whether it matched the schema, and its rule findings as comparable lines,
// sorted.
type checked struct {
	parsed, valid bool
	findings      []string
}

// checkFindings runs cgcheck check with flags on the cases' files, by file.
func checkFindings(t *testing.T, flags []string, cases []descriptorCase) map[string]checked {
	t.Helper()
	args := append([]string{"check", "--no-cache", "-o", "json"}, flags...)
	for _, c := range cases {
		args = append(args, c.file)
	}
	var report struct {
		Documents []struct {
			File     string
			Findings []reportFinding
		}
	}
	if err := json.Unmarshal(runCgcheck(t, args...), &report); err != nil {
		t.Fatal(err)
	}
	out := map[string]checked{}
	for _, d := range report.Documents {
		c := checked{parsed: true, valid: true}
		for _, f := range d.Findings {
			switch f.Rule {
			case "parse":
				c.parsed = false
			case "schema":
				c.valid = false
			default:
				c.findings = append(c.findings, f.line())
			}
		}
		sort.Strings(c.findings)
		out[d.File] = c
	}
	return out
}

// reportFinding is a finding as cgcheck check -o json and the bundle's
// report both give it.
type reportFinding struct {
	Rule    string          `json:"rule"`
	Theme   string          `json:"theme"`
	Status  string          `json:"status"`
	Message string          `json:"message"`
	Pointer string          `json:"pointer"`
	Waiver  json.RawMessage `json:"waiver"`
}

func (f reportFinding) line() string {
	waiver := ""
	if len(f.Waiver) > 0 {
		var w any
		_ = json.Unmarshal(f.Waiver, &w)
		b, _ := json.Marshal(w) // keys sorted, spacing gone
		waiver = " waiver " + string(b)
	}
	return fmt.Sprintf("%s [%s] %s %q at %q%s", f.Rule, f.Theme, f.Status, f.Message, f.Pointer, waiver)
}

// bundleReport is data.cgcheck.main.report.
type bundleReport struct {
	Valid        bool              `json:"valid"`
	Status       string            `json:"status"`
	SchemaErrors []json.RawMessage `json:"schema_errors"`
	Findings     []reportFinding   `json:"findings"`
	Today        string            `json:"today"`
	Revision     *string           `json:"revision"`
}

// opaServer is a stock OPA server started for a test, on loopback.
type opaServer struct{ url string }

// startOPA runs `opa run --server` with args on a free loopback port and
// waits until it has activated its bundles.
func startOPA(t *testing.T, opa string, args ...string) opaServer {
	t.Helper()
	var lastErr string
	for attempt := 0; attempt < 3; attempt++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		ctx, cancel := context.WithCancel(context.Background())
		var stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, opa, append([]string{"run", "--server", "--addr", addr, "--log-level", "error", "--disable-telemetry"}, args...)...)
		cmd.Stderr = &stderr
		cmd.Stdout = &stderr
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		stop := func() {
			cancel()
			<-exited
		}
		url := "http://" + addr
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case <-exited:
				lastErr = "opa exited: " + stderr.String()
			default:
			}
			if lastErr != "" {
				break
			}
			resp, err := http.Get(url + "/health?bundles")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					t.Cleanup(stop)
					return opaServer{url: url}
				}
			}
			time.Sleep(50 * time.Millisecond)
		}
		stop()
		if lastErr == "" {
			lastErr = "opa did not become healthy within 30s: " + stderr.String()
		}
	}
	t.Fatal(lastErr)
	return opaServer{}
}

// report asks the server for the entrypoint's answer on input.
func (s opaServer) report(t *testing.T, input json.RawMessage) bundleReport {
	t.Helper()
	body := []byte(`{"input": ` + string(input) + `}`)
	resp, err := http.Post(s.url+"/v1/data/cgcheck/main/report", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Result *bundleReport `json:"result"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || out.Result == nil {
		t.Fatalf("POST /v1/data/cgcheck/main/report: %s, no result", resp.Status)
	}
	return *out.Result
}

// servePortal serves files (URL path to file on disk) as a bundle server
// does, and returns its URL.
func servePortal(t *testing.T, files map[string]string) string {
	t.Helper()
	body := map[string][]byte{}
	for path, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		body[path] = data
	}
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, ok := body[r.URL.Path]
		if !ok || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/gzip")
		_, _ = w.Write(data)
	}))
	t.Cleanup(portal.Close)
	return portal.URL
}

// pickExamples returns the cases of the named files in testdata/examples.
func pickExamples(t *testing.T, cases []descriptorCase, names ...string) []descriptorCase {
	t.Helper()
	var picked []descriptorCase
	for _, c := range cases {
		for _, name := range names {
			if strings.HasSuffix(c.file, filepath.Join("examples", name)) {
				picked = append(picked, c)
			}
		}
	}
	if len(picked) != len(names) {
		t.Fatalf("picked %d examples of %v", len(picked), names)
	}
	return picked
}

// docBlocks returns the fenced code blocks of one section of a Markdown
// file (from the heading to the next heading), by language.
func docBlocks(t *testing.T, file, heading string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("%s has no %q", file, heading)
	}
	blocks := map[string][]string{}
	var lang string
	var body []string
	inBlock := false
	for _, line := range strings.Split(section, "\n") {
		switch {
		case !inBlock && strings.HasPrefix(line, "#"):
			return blocks
		case !inBlock && strings.HasPrefix(line, "```"):
			lang, body, inBlock = strings.TrimPrefix(line, "```"), nil, true
		case inBlock && line == "```":
			blocks[lang] = append(blocks[lang], strings.Join(body, "\n")+"\n")
			inBlock = false
		case inBlock:
			body = append(body, line)
		}
	}
	return blocks
}

// compare holds OPA's answers to cgcheck's, descriptor by descriptor.
func compare(t *testing.T, ask func(json.RawMessage) bundleReport, want map[string]checked, cases []descriptorCase, today string) (valid, invalid int) {
	t.Helper()
	for _, c := range cases {
		w, ok := want[c.file]
		if !ok {
			t.Errorf("%s: cgcheck check did not report it", c.file)
			continue
		}
		if !w.parsed {
			continue // cgcheck's parser refused what Go's accepted (limits)
		}
		if w.valid {
			valid++
		} else {
			invalid++
		}
		got := ask(c.input)
		if got.Valid != w.valid {
			t.Errorf("%s: bundle says valid %v, cgcheck check %v (schema_errors %s)", c.file, got.Valid, w.valid, got.SchemaErrors)
		}
		if got.Valid != (len(got.SchemaErrors) == 0) {
			t.Errorf("%s: valid %v with %d schema errors", c.file, got.Valid, len(got.SchemaErrors))
		}
		if got.Today != today {
			t.Errorf("%s: report today %q, want %q", c.file, got.Today, today)
		}
		var lines []string
		for _, f := range got.Findings {
			lines = append(lines, f.line())
		}
		sort.Strings(lines)
		if diff := cmp.Diff(w.findings, lines); diff != "" {
			t.Errorf("%s: findings differ (-cgcheck check +bundle):\n%s", c.file, diff)
		}
	}
	return valid, invalid
}

// TestBundleUnderStockOPA builds bundles and serves them with stock OPA,
// from a file, through OPA's bundle service and through discovery as
// docs/bundle.md sets it up, and holds every answer of
// data.cgcheck.main.report to what cgcheck check says of the same
// descriptor: valid exactly when check finds no schema error, and the same
// findings (rule, theme, status, message, pointer, waiver).
func TestBundleUnderStockOPA(t *testing.T) {
	opa := testtool.Look(t, "opa", opaHow)
	root := testtool.RepoRoot(t)
	cases := bundleDescriptors(t)
	dir := t.TempDir()

	plain := filepath.Join(dir, "plain.tar.gz")
	runCgcheck(t, "bundle", "--today", "2008-10-01", "-o", plain)
	out, err := exec.Command(opa, "check", "--strict", "--bundle", plain).CombinedOutput()
	if err != nil {
		t.Fatalf("opa check --strict --bundle: %v\n%s", err, out)
	}
	want := checkFindings(t, []string{"--today", "2008-10-01"}, cases)

	t.Run("file", func(t *testing.T) {
		srv := startOPA(t, opa, plain)
		valid, invalid := compare(t, func(in json.RawMessage) bundleReport { return srv.report(t, in) }, want, cases, "2008-10-01")
		t.Logf("%d descriptors compared: %d match the schema, %d do not", valid+invalid, valid, invalid)
		if valid < 20 || invalid < 20 {
			t.Errorf("too few of one kind to compare")
		}
	})

	t.Run("bundle service", func(t *testing.T) {
		portal := servePortal(t, map[string]string{"/bundles/cgcheck.tar.gz": plain})
		config := filepath.Join(t.TempDir(), "opa.yaml")
		err := os.WriteFile(config, []byte(`services:
  portal:
    url: `+portal+`
bundles:
  cgcheck:
    service: portal
    resource: bundles/cgcheck.tar.gz
    polling:
      min_delay_seconds: 10
      max_delay_seconds: 20
`), 0o644)
		if err != nil {
			t.Fatal(err)
		}
		srv := startOPA(t, opa, "--config-file", config)
		var revision string
		compare(t, func(in json.RawMessage) bundleReport {
			r := srv.report(t, in)
			if r.Revision != nil {
				revision = *r.Revision
			}
			return r
		}, want, cases, "2008-10-01")
		if !strings.HasPrefix(revision, "v2-") {
			t.Errorf("report revision %q, want the bundle's (v2-...)", revision)
		}
	})

	t.Run("discovery, as docs/bundle.md sets it up", func(t *testing.T) {
		blocks := docBlocks(t, filepath.Join(root, "docs", "bundle.md"), "### Discovery")
		if len(blocks["rego"]) != 1 || len(blocks["sh"]) != 1 || len(blocks["yaml"]) != 1 {
			t.Fatalf("docs/bundle.md's Discovery section should have one rego, one sh and one yaml block; has %v", blocks)
		}
		// The discovery policy, built with the command the docs give.
		work := t.TempDir()
		if err := os.MkdirAll(filepath.Join(work, "discovery"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, "discovery", "discovery.rego"), []byte(blocks["rego"][0]), 0o644); err != nil {
			t.Fatal(err)
		}
		build := strings.Fields(blocks["sh"][0])
		if len(build) < 2 || build[0] != "opa" || build[1] != "build" || !strings.Contains(blocks["sh"][0], "-o discovery.tar.gz") {
			t.Fatalf("docs/bundle.md's discovery build is not `opa build -o discovery.tar.gz ...`: %q", blocks["sh"][0])
		}
		cmd := exec.Command(opa, build[1:]...)
		cmd.Dir = work
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", blocks["sh"][0], err, out)
		}
		// Both bundles on one web server, which stands for both services.
		portal := servePortal(t, map[string]string{
			"/bundles/discovery.tar.gz": filepath.Join(work, "discovery.tar.gz"),
			"/bundles/cgcheck.tar.gz":   plain,
		})
		boot := strings.NewReplacer("https://policies.example.gov.uk", portal, "https://logs.example.gov.uk", portal).Replace(blocks["yaml"][0])
		if !strings.Contains(boot, portal) || !strings.Contains(boot, "discovery:") {
			t.Fatalf("docs/bundle.md's boot config names neither the example URLs nor discovery:\n%s", boot)
		}
		config := filepath.Join(work, "opa-config.yaml")
		if err := os.WriteFile(config, []byte(boot), 0o644); err != nil {
			t.Fatal(err)
		}
		srv := startOPA(t, opa, "--config-file", config)
		picked := pickExamples(t, cases, "waivers.yaml")
		compare(t, func(in json.RawMessage) bundleReport { return srv.report(t, in) }, want, picked, "2008-10-01")
	})

	t.Run("custom policy, parameters, config", func(t *testing.T) {
		config := filepath.Join(t.TempDir(), "cgcheck.yaml")
		frameworks, err := os.ReadFile(filepath.Join(root, "testdata", "configs", "inverclyde-loip.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(config, append(frameworks, "disable: [lessons-shared]\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		flags := []string{"--today", "2008-10-01", "--config", config,
			"--policy", filepath.Join(root, "testdata", "custom-policies"),
			"--param", "group-size.group_size_warn=3", "--param", "evidence-base.evidence_max_age_months=6"}
		custom := filepath.Join(dir, "custom.tar.gz")
		runCgcheck(t, append([]string{"bundle", "-o", custom}, flags...)...)
		want := checkFindings(t, flags, cases)
		seen := map[string]bool{}
		for _, c := range want {
			for _, f := range c.findings {
				seen[strings.Fields(f)[0]+" "+strings.Fields(f)[2]] = true
			}
		}
		for _, must := range []string{"elected-member-sponsor warn", "group-size warn", "evidence-base warn"} {
			if !seen[must] {
				t.Errorf("no descriptor gives %s: the case tests less than it says", must)
			}
		}
		if seen["lessons-shared pass"] {
			t.Error("the disabled rule lessons-shared is still reported by check")
		}
		srv := startOPA(t, opa, custom)
		compare(t, func(in json.RawMessage) bundleReport { return srv.report(t, in) }, want, cases, "2008-10-01")
	})

	t.Run("opa eval, as of the decision's date", func(t *testing.T) {
		unpinned := filepath.Join(dir, "unpinned.tar.gz")
		runCgcheck(t, "bundle", "-o", unpinned)
		picked := pickExamples(t, cases, "waivers.yaml", "korsakoff.json")
		var today string
		ask := func(in json.RawMessage) bundleReport {
			cmd := exec.Command(opa, "eval", "--bundle", unpinned, "--stdin-input", "--format", "json", "data.cgcheck.main.report")
			cmd.Stdin = bytes.NewReader(in)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("opa eval: %v", err)
			}
			var rs struct {
				Result []struct {
					Expressions []struct {
						Value bundleReport `json:"value"`
					} `json:"expressions"`
				} `json:"result"`
			}
			if err := json.Unmarshal(out, &rs); err != nil || len(rs.Result) != 1 {
				t.Fatalf("opa eval: %v\n%s", err, out)
			}
			today = rs.Result[0].Expressions[0].Value.Today
			return rs.Result[0].Expressions[0].Value
		}
		ask(picked[0].input)
		now := time.Now().UTC()
		if today != now.Format(time.DateOnly) && today != now.Add(-time.Hour).Format(time.DateOnly) {
			t.Fatalf("a bundle built without --today judged as of %q; want today's date in UTC, %s", today, now.Format(time.DateOnly))
		}
		want := checkFindings(t, []string{"--today", today}, picked)
		compare(t, ask, want, picked, today)
	})
}
