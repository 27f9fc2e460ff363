package synth_test

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.org/cgcheck/internal/descriptor"
	"example.org/cgcheck/internal/schema"
	"example.org/cgcheck/internal/synth"
)

func generate(t testing.TB, opts synth.Options) []synth.File {
	t.Helper()
	files, err := synth.Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != opts.N {
		t.Fatalf("got %d files, want %d", len(files), opts.N)
	}
	return files
}

func digest(files []synth.File) [32]byte {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

// modes are the two kinds of registry the generator makes.
var modes = []struct {
	name    string
	overlap bool
}{{"plain", false}, {"overlap", true}}

// TestSameSeedSameBytes: the same options give byte-identical files, on disk
// too; another seed gives another registry; in both kinds of registry.
func TestSameSeedSameBytes(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			sameSeedSameBytes(t, synth.Options{N: 250, Seed: 7, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON, Overlap: mode.overlap})
		})
	}
}

func sameSeedSameBytes(t *testing.T, opts synth.Options) {
	t.Helper()
	a, b := generate(t, opts), generate(t, opts)
	if digest(a) != digest(b) {
		for i := range a {
			if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
				t.Fatalf("file %d differs between two runs with seed 7: %s / %s", i, a[i].Path, b[i].Path)
			}
		}
	}

	dirs := []string{t.TempDir(), t.TempDir()}
	for _, dir := range dirs {
		if err := synth.Write(dir, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range a {
		x, err := os.ReadFile(filepath.Join(dirs[0], filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(dirs[1], filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) || !bytes.Equal(x, f.Data) {
			t.Fatalf("%s: written bytes differ", f.Path)
		}
	}

	opts.Seed = 8
	c := generate(t, opts)
	if digest(a) == digest(c) {
		t.Fatal("seeds 7 and 8 gave the same registry")
	}
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files are byte-identical between seeds 7 and 8", same)
	}
}

// TestFilesValidateAndFitTheBudget: every valid file is 2-6 KiB (7 KiB with
// a long partner or measure list) and passes the schema; every broken file
// fails to parse or breaks the schema as intended; the registry mixes YAML
// and JSON in area folders (all 32 council areas in a plain registry, the
// six of one NHS board in an overlap-heavy one).
func TestFilesValidateAndFitTheBudget(t *testing.T) {
	t.Parallel()
	v, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			const n = 400
			files := generate(t, synth.Options{N: n, Seed: 1, Broken: synth.DefaultBroken, JSON: synth.DefaultJSON, Overlap: mode.overlap})
			folders := validateAndFit(t, v, files)
			switch {
			case !mode.overlap && len(folders) < 10:
				t.Errorf("only %d area folders", len(folders))
			case mode.overlap && len(folders) != 6:
				t.Errorf("%d area folders, want the 6 of NHS Greater Glasgow and Clyde", len(folders))
			}
		})
	}

	none := generate(t, synth.Options{N: 200, Seed: 1})
	for _, f := range none {
		if f.Broken != "" || strings.HasSuffix(f.Path, ".json") {
			t.Fatalf("%s: broken %q or JSON with Broken and JSON shares 0", f.Path, f.Broken)
		}
	}
}

// validateAndFit checks the files of a registry made with the default
// Broken and JSON shares, and returns its area folders.
func validateAndFit(t *testing.T, v *schema.Validator, files []synth.File) map[string]bool {
	t.Helper()
	n := len(files)
	formats := map[descriptor.Format]int{}
	brokenKinds := map[string]int{}
	folders := map[string]bool{}
	for _, f := range files {
		format, ok := descriptor.FormatForPath(f.Path)
		if !ok {
			t.Fatalf("%s: not a descriptor file name", f.Path)
		}
		formats[format]++
		folder, _, ok := strings.Cut(f.Path, "/")
		if !ok {
			t.Errorf("%s: not in an area folder", f.Path)
		}
		folders[folder] = true

		doc, perr := descriptor.Parse(f.Data, format)
		if f.Broken != "" {
			brokenKinds[f.Broken]++
			switch {
			case f.Broken == synth.BrokenSyntax && perr == nil:
				t.Errorf("%s: meant to be a syntax error, but parses", f.Path)
			case f.Broken != synth.BrokenSyntax && perr != nil:
				t.Errorf("%s: meant to break the schema (%s), but does not parse: %v", f.Path, f.Broken, perr)
			case f.Broken != synth.BrokenSyntax && len(v.Validate(doc.Value)) == 0:
				t.Errorf("%s: meant to break the schema (%s), but validates", f.Path, f.Broken)
			}
			continue
		}
		limit := synth.MaxBytes
		if f.Long {
			limit = synth.MaxLongBytes
		}
		if len(f.Data) < synth.MinBytes || len(f.Data) > limit {
			t.Errorf("%s: %d bytes, want %d to %d", f.Path, len(f.Data), synth.MinBytes, limit)
		}
		if perr != nil {
			t.Errorf("%s: does not parse: %v", f.Path, perr)
			continue
		}
		for _, viol := range v.Validate(doc.Value) {
			t.Errorf("%s: schema: %s (%s)", f.Path, viol.Message, viol.Pointer)
		}
		if id, _ := doc.Value.(map[string]any)["id"].(string); id != f.ID {
			t.Errorf("%s: id %q, File.ID %q", f.Path, id, f.ID)
		}
	}
	if got := brokenKinds[synth.BrokenSyntax] + brokenKinds[synth.BrokenUnknownProperty] + brokenKinds[synth.BrokenDate]; got != n/100 {
		t.Errorf("%d broken files, want %d (1%%)", got, n/100)
	}
	for _, k := range []string{synth.BrokenSyntax, synth.BrokenUnknownProperty, synth.BrokenDate} {
		if brokenKinds[k] == 0 {
			t.Errorf("no file is broken by %s", k)
		}
	}
	if share := float64(formats[descriptor.JSON]) / float64(n); share < 0.12 || share > 0.28 {
		t.Errorf("JSON share %.2f, want about 0.2", share)
	}
	return folders
}

// TestWriteRefusesAFolderInUse: a registry is written only to a new or empty
// folder, so it never mixes with the files of an earlier one.
func TestWriteRefusesAFolderInUse(t *testing.T) {
	t.Parallel()
	files := generate(t, synth.Options{N: 3, Seed: 1})
	dir := t.TempDir()
	if err := synth.Write(filepath.Join(dir, "new"), files); err != nil {
		t.Fatalf("new folder: %v", err)
	}
	if err := synth.Write(filepath.Join(dir, "new"), files); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("folder in use: %v, want a refusal", err)
	}
}
