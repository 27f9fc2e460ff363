package engine_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.org/cgcheck/internal/engine"
	"example.org/cgcheck/policies"
)

// TestSources: every policy file loaded, tests left out, built-in ones
// first, each with its text as it is on disk and its package.
func TestSources(t *testing.T) {
	t.Parallel()
	p, err := engine.Load([]string{customExample})
	if err != nil {
		t.Fatal(err)
	}
	sources := p.Sources()
	var builtin, custom int
	for i, src := range sources {
		if strings.HasSuffix(src.Rel, "_test.rego") {
			t.Errorf("%s is a test", src.Name)
		}
		if i > 0 && (src.Folder < sources[i-1].Folder || src.Folder == sources[i-1].Folder && src.Rel <= sources[i-1].Rel) {
			t.Errorf("%s comes after %s", src.Name, sources[i-1].Name)
		}
		var want []byte
		if src.Folder == 0 {
			builtin++
			want, err = fs.ReadFile(policies.FS, src.Rel)
		} else {
			custom++
			want, err = os.ReadFile(filepath.Join(customExample, filepath.FromSlash(src.Rel)))
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(src.Text, want) {
			t.Errorf("%s: the text is not the file's", src.Name)
		}
	}
	if builtin < 30 || custom != 1 {
		t.Fatalf("%d built-in and %d custom files, want every built-in one and the example", builtin, custom)
	}
	last := sources[len(sources)-1]
	if last.Folder != 1 || last.Rel != "elected_member_sponsor/elected_member_sponsor.rego" || last.Package.String() != "data.custom.elected_member_sponsor" {
		t.Errorf("custom source %+v", last)
	}
	if !p.Defines("data.custom.elected_member_sponsor.warn") || p.Defines("data.custom.elected_member_sponsor.deny") {
		t.Error("Defines does not tell which sets the custom rule defines")
	}
}
