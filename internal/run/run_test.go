package run_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"example.org/cgcheck/internal/cache"
	"example.org/cgcheck/internal/check"
	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/internal/finding"
	"example.org/cgcheck/internal/fixture/pipeline"
	"example.org/cgcheck/internal/report"
	"example.org/cgcheck/internal/run"
	"example.org/cgcheck/internal/synth"
)

// registryDir writes a synthetic registry of n files and returns its folder.
func registryDir(t *testing.T, opts synth.Options) string {
	t.Helper()
	files, err := synth.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := synth.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

// checker is the built-in pipeline; with a cache folder, it caches.
func checker(t *testing.T, cacheDir string) *check.Checker {
	t.Helper()
	c, p, s := pipeline.Build(t)
	c.Limits = descriptor.DefaultLimits
	if cacheDir != "" {
		var err error
		if c.Cache, err = cache.Open(cacheDir, cache.DefaultMaxBytes); err != nil {
			t.Fatal(err)
		}
		if c.RunKey, err = run.CacheKey("test", p, s, c.Limits); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// check runs paths (against registries, if any) and returns the JSON report
// and the result.
func checkRun(t *testing.T, c *check.Checker, paths, registries []string, format string) ([]byte, *run.Result) {
	t.Helper()
	in, err := run.Discover(paths, registries)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep, err := report.New(format, &out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := run.Run(context.Background(), in, run.Options{
		Checker: c, Reporter: rep, FailOn: finding.Fail,
		Header: report.Run{ToolName: "cgcheck", ToolVersion: "test", Today: synth.Today},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), res
}

// TestPartialRunMatchesWholeRun: checking some files with --registry gives
// exactly the registry findings of a run over the whole registry that
// involve one of those files, and the named files' own findings, and no
// others; the registry's other files are not reported.
func TestPartialRunMatchesWholeRun(t *testing.T) {
	t.Parallel()
	dir := registryDir(t, synth.Options{N: 300, Seed: 3})
	c := checker(t, "")
	_, whole := checkRun(t, c, []string{dir}, nil, "json")
	if len(whole.Registry.Findings) == 0 {
		t.Fatal("the synthetic registry gave no registry findings to compare")
	}
	// The first file each registry rule names (a partial run is a whole
	// registry's work, so not every file), and one that none names.
	named := map[string]bool{}
	rules := map[string]bool{}
	for _, f := range whole.Registry.Findings {
		if !rules[f.Rule] {
			rules[f.Rule] = true
			named[f.Files[len(f.Files)-1]] = true
		}
	}
	quiet := ""
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && quiet == "" {
			involved := false
			for _, f := range whole.Registry.Findings {
				involved = involved || slices.Contains(f.Files, path)
			}
			if !involved {
				quiet = path
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for file := range named {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, part := checkRun(t, c, []string{file}, []string{dir}, "json")
			var want []finding.RegistryFinding
			for _, f := range whole.Registry.Findings {
				if slices.Contains(f.Files, file) {
					want = append(want, f)
				}
			}
			if diff := cmp.Diff(want, part.Registry.Findings); diff != "" {
				t.Errorf("registry findings of %s against the registry (-whole run +partial run):\n%s", file, diff)
			}
			if part.Summary.Documents != 1 {
				t.Errorf("%d documents reported, want only the named one", part.Summary.Documents)
			}
		})
	}
	_, part := checkRun(t, c, []string{quiet}, []string{dir}, "json")
	if len(part.Registry.Findings) != 0 || part.Registry.Status != finding.Pass {
		t.Errorf("%s, which no registry finding names: %+v", quiet, part.Registry)
	}
}

// TestCacheGivesTheSameBytes: a run with a cold cache, one with a warm cache
// and one without a cache write byte-identical reports, in every format and
// with --registry; a cache whose entries are all damaged, or all swapped
// for one another, is read as empty and the report is still the same.
func TestCacheGivesTheSameBytes(t *testing.T) {
	t.Parallel()
	dir := registryDir(t, synth.Options{N: 120, Seed: 8, Broken: synth.DefaultBroken})
	cacheDir := t.TempDir()
	plain := checker(t, "")
	cached := checker(t, cacheDir)
	one := filepath.Join(dir, firstFile(t, dir))
	for _, format := range report.Formats() {
		want, _ := checkRun(t, plain, []string{dir}, nil, format)
		for _, pass := range []string{"cold", "warm"} {
			got, _ := checkRun(t, cached, []string{dir}, nil, format)
			if !bytes.Equal(got, want) {
				t.Errorf("%s, %s cache: report differs from the run without a cache", format, pass)
			}
		}
		wantPart, _ := checkRun(t, plain, []string{one}, []string{dir}, format)
		gotPart, _ := checkRun(t, cached, []string{one}, []string{dir}, format)
		if !bytes.Equal(gotPart, wantPart) {
			t.Errorf("%s with --registry: report differs with the cache", format)
		}
	}
	want, _ := checkRun(t, plain, []string{dir}, nil, "json")
	entries := cacheEntries(t, cacheDir)
	if len(entries) == 0 {
		t.Fatal("the cache holds nothing after two runs")
	}
	// Swap every entry's bytes with the next one's: each is then a whole,
	// valid entry under another key.
	contents := make([][]byte, len(entries))
	for i, e := range entries {
		contents[i], _ = os.ReadFile(e)
	}
	for i, e := range entries {
		if err := os.WriteFile(e, contents[(i+1)%len(entries)], 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := checkRun(t, cached, []string{dir}, nil, "json"); !bytes.Equal(got, want) {
		t.Error("entries swapped between keys: report differs")
	}
	for _, e := range cacheEntries(t, cacheDir) {
		b, _ := os.ReadFile(e)
		if len(b) > 10 {
			b[len(b)/2] ^= 0x55
		}
		if err := os.WriteFile(e, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := checkRun(t, cached, []string{dir}, nil, "json"); !bytes.Equal(got, want) {
		t.Error("damaged entries: report differs")
	}
	if got, _ := checkRun(t, cached, []string{dir}, nil, "json"); !bytes.Equal(got, want) {
		t.Error("after rewriting damaged entries: report differs")
	}
}

// TestCacheKeyDependsOnEveryPart: another as-of date, parameter, framework
// set, disabled rule, limit, build or policy set gives another key.
func TestCacheKeyDependsOnEveryPart(t *testing.T) {
	t.Parallel()
	p, err := engine.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	custom := t.TempDir()
	if err := os.WriteFile(filepath.Join(custom, "c.rego"), []byte("# METADATA\n# title: t\n# description: d\n# custom:\n#   id: custom-x\n#   theme: action\n#   severity: warn\n#   remediation: r\npackage custom.x\n\nwarn contains \"x\" if false\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	withCustom, err := engine.Load([]string{custom})
	if err != nil {
		t.Fatal(err)
	}
	base := engine.Settings{Today: "2008-10-01"}
	key := func(build string, p *engine.Policies, s engine.Settings, l descriptor.Limits) string {
		k, err := run.CacheKey(build, p, s, l)
		if err != nil {
			t.Fatal(err)
		}
		return string(k)
	}
	want := key("v1", p, base, descriptor.DefaultLimits)
	if again := key("v1", p, base, descriptor.DefaultLimits); again != want {
		t.Fatal("the same parts give different keys")
	}
	for name, got := range map[string]string{
		"today":      key("v1", p, engine.Settings{Today: "2008-10-02"}, descriptor.DefaultLimits),
		"params":     key("v1", p, engine.Settings{Today: "2008-10-01", Params: map[string]map[string]any{"group-size": {"max_core": 9}}}, descriptor.DefaultLimits),
		"frameworks": key("v1", p, engine.Settings{Today: "2008-10-01", Frameworks: map[string]any{"soa": map[string]any{}}}, descriptor.DefaultLimits),
		"disabled":   key("v1", p, engine.Settings{Today: "2008-10-01", Disabled: map[string]bool{"single-lead": true}}, descriptor.DefaultLimits),
		"limits":     key("v1", p, base, descriptor.Limits{MaxBytes: 1000}),
		"build":      key("v2", p, base, descriptor.DefaultLimits),
		"policies":   key("v1", withCustom, base, descriptor.DefaultLimits),
	} {
		if got == want {
			t.Errorf("another %s gives the same cache key", name)
		}
	}
}

func firstFile(t *testing.T, dir string) string {
	t.Helper()
	var first string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && first == "" && !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".json")) {
			first, _ = filepath.Rel(dir, path)
		}
		return err
	})
	if err != nil || first == "" {
		t.Fatalf("no descriptor in %s: %v", dir, err)
	}
	return first
}

// cacheEntries lists the entry files of a cache folder (not its trim stamp).
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Dir(path) != dir {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
