package cli

import (
	"os"
	"path/filepath"
)

// HomeURL and RulesURL are where cgcheck and its rule catalogue
// (docs/rules.md) are published; release builds set them with -ldflags -X.
// SARIF links to them. They are empty in a build from source, which then
// writes no links rather than links to a page that does not exist.
var HomeURL, RulesURL string

// sourceRoot is the repository a run's files belong to, for SARIF's
// %SRCROOT%: the nearest folder at or above dir that holds .git (a folder,
// or a file as in a worktree or submodule), else dir itself. It looks for
// the name only, so no git program is needed.
func sourceRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
